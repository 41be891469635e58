import { refusalStatus } from '$lib/server/core/refusals';
import { attachmentKinds } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { addAttachment, removeAttachment } from '$lib/server/needs/attachments';
import * as needs from '$lib/server/needs/transitions';
import { attachmentStore } from '$lib/server/runtime';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { refusalText } from '$lib/server/http/refusal-texts';
import { type NeedEvent, answer, contextIn, invalid, refused, requiredReason } from './need-actions';

/*
 * Triage on the need's page: the organisation submits, withdraws, answers and adds files; the coordinator
 * reviews, asks, marks ready, rejects or marks a duplicate. The domain (needs/transitions.ts) decides who may.
 */

const uploadSchema = z.object({
	kind: z.enum(attachmentKinds, { error: () => m.attachment_error_kind() }),
	show_to_voters: z.literal('yes').optional()
});

const reasonSchema = z.object({
	reason: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});
const messageSchema = z.object({
	body: requiredText(4000),
	confirm_not_personal: z.literal('yes').optional()
});
const duplicateSchema = z.object({
	original: z.coerce
		.number({ error: () => m.need_error_need_number() })
		.int({ error: () => m.need_error_need_number() })
		.min(1, { error: () => m.need_error_need_number() })
		.max(2_000_000_000, { error: () => m.need_error_need_number() }),
	note: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});

export const triageActions = {
	submit: async (event: NeedEvent) =>
		answer('submit', await needs.submitNeed(contextIn(event), event.params.id)),
	review: async (event: NeedEvent) =>
		answer('review', await needs.startReview(contextIn(event), event.params.id)),
	ready: async (event: NeedEvent) =>
		answer('ready', await needs.markReady(contextIn(event), event.params.id)),
	withdraw: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(reasonSchema, await readForm(event.request));
		if (!input.ok) return invalid('withdraw', input);
		const result = await needs.withdrawNeed(ctx, event.params.id, input.data.reason);
		if (!result.ok && result.reason === 'personal_data') {
			return fail(400, {
				action: 'withdraw' as const,
				values: { reason: input.data.reason },
				errors: { reason: m.need_withdraw_personal_data() }
			});
		}
		return answer('withdraw', result);
	},
	ask: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ question: requiredText(4000) }), await readForm(event.request));
		if (!input.ok) return invalid('ask', input);
		return answer('ask', await needs.requestClarification(ctx, event.params.id, input.data.question));
	},
	reject: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(requiredReason, await readForm(event.request));
		if (!input.ok) return invalid('reject', input);
		return answer('reject', await needs.rejectNeed(ctx, event.params.id, input.data.reason));
	},
	duplicate: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(duplicateSchema, await readForm(event.request));
		if (!input.ok) return invalid('duplicate', input);
		const { original, note } = input.data;
		return answer('duplicate', await needs.markDuplicate(ctx, event.params.id, original, note));
	},
	message: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(messageSchema, await readForm(event.request));
		if (!input.ok) return invalid('message', input);
		const { body, confirm_not_personal } = input.data;
		const result = await needs.postMessage(ctx, event.params.id, body, confirm_not_personal === 'yes');
		if (!result.ok) return refused('message', result, { body });
		return { action: 'message' as const, done: true };
	},
	upload: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(uploadSchema, form);
		if (!input.ok) return invalid('upload', input);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, {
				action: 'upload' as const,
				values: formValues(form),
				errors: { file: m.attachment_refusal_empty() }
			});
		}
		const result = await addAttachment(ctx, attachmentStore(), event.params.id, {
			bytes: new Uint8Array(await file.arrayBuffer()),
			name: file.name,
			type: file.type,
			kind: input.data.kind,
			shownToVoters: input.data.show_to_voters === 'yes'
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not found');
			return fail(refusalStatus(result.reason), {
				action: 'upload' as const,
				values: formValues(form),
				errors: { file: refusalText(result.reason, 'need') }
			});
		}
		return { action: 'upload' as const, done: true };
	},
	remove: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ attachment: z.string().max(100) }), await readForm(event.request));
		if (!input.ok) return invalid('remove', input);
		const result = await removeAttachment(ctx, attachmentStore(), event.params.id, input.data.attachment);
		return answer('remove', result);
	}
};
