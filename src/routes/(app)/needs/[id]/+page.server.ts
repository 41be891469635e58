import { refusalStatus } from '$lib/server/core/refusals';
import { pragueDay } from '$lib/core/prague';
import { isUuid } from '$lib/core/ids';
import { parseCzk } from '$lib/money';
import { attachmentKinds } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import {
	deliveryWays,
	readProtectedData,
	reassignContactPerson,
	saveProtectedData,
	type ProtectedRefusal
} from '$lib/server/delivery/protected';
import { cancelNeed, closeNeed } from '$lib/server/ledger/closing';
import { allocateFromFund, type MoneyRefusal } from '$lib/server/ledger/funding';
import { recordPayout } from '$lib/server/ledger/payouts';
import type { PrepareRefusal } from '$lib/server/needs/attachment-files';
import { addAttachment, removeAttachment } from '$lib/server/needs/attachments';
import * as needs from '$lib/server/needs/transitions';
import { viewNeed } from '$lib/server/needs/view';
import { helpForms, recordDecision } from '$lib/server/voting/decision';
import * as polls from '$lib/server/voting/polls';
import { attachmentStore } from '$lib/server/runtime';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import {
	decisionRefusalText,
	moneyRefusalText,
	problemText,
	refusalText,
	voteRefusalText
} from '../_messages';
import type { Actions, PageServerLoad } from './$types';
import { deliveryActions } from './delivery-actions';
import { storyActions } from './story-actions';

/** Who may have a need to look at at all; which need, and what they may do with it, the domain decides. */
const needRoles = ['social_worker', 'coordinator', 'member'] as const;

export const load = (async (event) => {
	const user = requireRole(event, ...needRoles);
	const page = await viewNeed(contextOf(event, user), event.params.id);
	if (!page) error(404, 'Not found');
	return { page, today: pragueDay() };
}) satisfies PageServerLoad;

type Action =
	| 'openVote'
	| 'fastTrack'
	| 'decide'
	| 'submit'
	| 'withdraw'
	| 'review'
	| 'ask'
	| 'ready'
	| 'reject'
	| 'duplicate'
	| 'message'
	| 'upload'
	| 'remove'
	| 'allocate'
	| 'cancel'
	| 'close'
	| 'payout'
	| 'protect'
	| 'reveal'
	| 'contact';

/** Turns a refusal into the action's answer; a need the person cannot see is a 404 like on the page. */
function refused(
	action: Action,
	result: Extract<needs.Result, { ok: false }>,
	values: Record<string, string> = {}
) {
	if (result.reason === 'not_found') error(404, 'Not found');
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: refusalText(result.reason),
		problems: (result.problems ?? []).map(problemText),
		findings: result.findings ?? []
	});
}

const invalid = (action: Action, input: { values: Record<string, string>; errors: Record<string, string> }) =>
	fail(400, { action, values: input.values, errors: input.errors });

/** The person acting, checked first in every action: no role for needs, no further look. */
const contextIn = (event: RequestEvent<{ id: string }>) => contextOf(event, requireRole(event, ...needRoles));

function answer(action: Action, result: needs.Result) {
	if (!result.ok) return refused(action, result);
	return { action, done: true };
}

const reasonSchema = z.object({
	reason: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});
const requiredReason = z.object({ reason: requiredText(2000) });
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
const decisionSchema = z.object({
	form: z.enum(helpForms, { error: () => m.decision_error_form() }),
	contactPersonId: z.string({ error: () => m.decision_error_contact() }).max(100),
	note: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});
const uploadSchema = z.object({ kind: z.enum(attachmentKinds, { error: () => m.attachment_error_kind() }) });

/** An amount typed in Kč → haléře; the domain checks the limits (fund, what is missing, the balance). */
const amountField = z.string({ error: () => m.funds_error_amount() }).transform((v, ctx) => {
	const amount = parseCzk(v);
	if (amount === null || amount < 1) {
		ctx.addIssue({ code: 'custom', message: m.funds_error_amount() });
		return z.NEVER;
	}
	return amount;
});
const optionalNote = z
	.string()
	.trim()
	.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
	.default('');
const isDay = (v: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(v) &&
	!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
	new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const payoutSchema = z.object({
	recipient: z.enum(['supplier', 'family'], { error: () => m.funds_error_recipient() }),
	supplier: z
		.string()
		.trim()
		.max(200, { error: () => m.form_too_long({ max: 200 }) })
		.default(''),
	amount: amountField,
	// a payment recorded today in Prague may not be dated tomorrow, whatever the server's clock zone
	paid_on: z
		.string({ error: () => m.funds_error_date() })
		.trim()
		.refine((v) => isDay(v) && v >= '2000-01-01' && v <= pragueDay(), {
			error: () => m.funds_error_date()
		}),
	note: optionalNote
});

/*
 * The client's protected data. The address is read only for home delivery, whatever else was typed, so
 * that an address left in the field by mistake is never stored.
 */
const protectSchema = z
	.object({
		name: requiredText(200),
		phone: z
			.string({ error: () => m.protected_error_phone() })
			.trim()
			.regex(/^\+?[0-9 ]{9,20}$/, { error: () => m.protected_error_phone() }),
		delivery_way: z.enum(deliveryWays, { error: () => m.protected_error_way() }),
		address: z
			.string()
			.trim()
			.max(300, { error: () => m.form_too_long({ max: 300 }) })
			.default('')
	})
	.superRefine((v, ctx) => {
		if (v.delivery_way === 'home' && !v.address)
			ctx.addIssue({ code: 'custom', path: ['address'], message: m.protected_error_address() });
	});

const protectedStatus: Record<ProtectedRefusal, number> = {
	not_found: 404,
	forbidden: 403,
	wrong_state: 409,
	invalid: 400
};

export const actions = {
	...deliveryActions,
	...storyActions,
	submit: async (event) => answer('submit', await needs.submitNeed(contextIn(event), event.params.id)),
	review: async (event) => answer('review', await needs.startReview(contextIn(event), event.params.id)),
	ready: async (event) => answer('ready', await needs.markReady(contextIn(event), event.params.id)),
	withdraw: async (event) => {
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
	ask: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ question: requiredText(4000) }), await readForm(event.request));
		if (!input.ok) return invalid('ask', input);
		return answer('ask', await needs.requestClarification(ctx, event.params.id, input.data.question));
	},
	reject: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(requiredReason, await readForm(event.request));
		if (!input.ok) return invalid('reject', input);
		return answer('reject', await needs.rejectNeed(ctx, event.params.id, input.data.reason));
	},
	duplicate: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(duplicateSchema, await readForm(event.request));
		if (!input.ok) return invalid('duplicate', input);
		const { original, note } = input.data;
		return answer('duplicate', await needs.markDuplicate(ctx, event.params.id, original, note));
	},
	message: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(messageSchema, await readForm(event.request));
		if (!input.ok) return invalid('message', input);
		const { body, confirm_not_personal } = input.data;
		const result = await needs.postMessage(ctx, event.params.id, body, confirm_not_personal === 'yes');
		if (!result.ok) return refused('message', result, { body });
		return { action: 'message' as const, done: true };
	},
	upload: async (event) => {
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
			kind: input.data.kind
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not found');
			return fail(refusalStatus(result.reason), {
				action: 'upload' as const,
				values: formValues(form),
				errors: { file: refusalText(result.reason) }
			});
		}
		return { action: 'upload' as const, done: true };
	},
	openVote: async (event) => {
		const result = await polls.openVote(contextIn(event), event.params.id);
		if (result.ok) return { action: 'openVote' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(result.reason === 'forbidden' ? 403 : 409, {
			action: 'openVote' as const,
			message: voteRefusalText(result.reason)
		});
	},
	fastTrack: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ reason: requiredText(2000) }), await readForm(event.request));
		if (!input.ok) return invalid('fastTrack', input);
		const result = await polls.fastTrackApprove(ctx, event.params.id, input.data.reason);
		if (result.ok) return { action: 'fastTrack' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(result.reason === 'forbidden' ? 403 : 409, {
			action: 'fastTrack' as const,
			values: input.data,
			message: voteRefusalText(result.reason)
		});
	},
	decide: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(decisionSchema, form);
		if (!input.ok) return invalid('decide', input);
		const itemPositions = form.getAll('item').map((v) => Number(v));
		const result = await recordDecision(ctx, event.params.id, { ...input.data, itemPositions });
		if (result.ok) return { action: 'decide' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(result.reason === 'forbidden' ? 403 : result.reason === 'wrong_state' ? 409 : 400, {
			action: 'decide' as const,
			values: formValues(form),
			message: decisionRefusalText(result.reason)
		});
	},
	remove: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ attachment: z.string().max(100) }), await readForm(event.request));
		if (!input.ok) return invalid('remove', input);
		const result = await removeAttachment(ctx, attachmentStore(), event.params.id, input.data.attachment);
		return answer('remove', result);
	},
	allocate: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(z.object({ amount: amountField }), form);
		if (!input.ok) return invalid('allocate', input);
		const result = await allocateFromFund(ctx, event.params.id, input.data.amount);
		if (result.ok) return { action: 'allocate' as const, done: true, funded: result.funded };
		return moneyRefused('allocate', result, formValues(form));
	},
	cancel: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(requiredReason, form);
		if (!input.ok) return invalid('cancel', input);
		const result = await cancelNeed(ctx, event.params.id, input.data.reason);
		if (result.ok) return { action: 'cancel' as const, done: true, returned: result.returned };
		return moneyRefused('cancel', result, formValues(form));
	},
	close: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(z.object({ note: optionalNote }), form);
		if (!input.ok) return invalid('close', input);
		const result = await closeNeed(ctx, event.params.id, input.data.note);
		if (result.ok) return { action: 'close' as const, done: true, returned: result.returned };
		return moneyRefused('close', result, formValues(form));
	},
	payout: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(payoutSchema, form);
		if (!input.ok) return invalid('payout', input);
		const file = form.get('receipt');
		const receipt =
			file instanceof File && file.size > 0
				? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type }
				: null;
		const { recipient, supplier, amount, paid_on, note } = input.data;
		const result = await recordPayout(
			ctx,
			attachmentStore(),
			event.params.id,
			{ recipient, supplier, amount, paidOn: paid_on, note },
			receipt
		);
		if (result.ok) return { action: 'payout' as const, done: true };
		const values = formValues(form);
		if (result.reason === 'personal_data') {
			const fields = result.fields ?? [];
			const labels = { supplier: m.funds_payout_supplier(), note: m.funds_payout_note() };
			return fail(400, {
				action: 'payout' as const,
				values,
				message: m.funds_refusal_personal_data({
					fields: fields.map((f) => labels[f as keyof typeof labels] ?? f).join(', ')
				}),
				errors: Object.fromEntries(fields.map((f) => [f, m.funds_refusal_personal_data_field()]))
			});
		}
		if (['empty', 'too_large', 'unsupported_type', 'mismatch', 'unreadable'].includes(result.reason)) {
			return fail(refusalStatus(result.reason), {
				action: 'payout' as const,
				values,
				errors: { receipt: moneyRefusalText(result.reason) }
			});
		}
		if (result.reason === 'balance_too_low' || result.reason === 'invalid_amount') {
			return fail(refusalStatus(result.reason), {
				action: 'payout' as const,
				values,
				errors: { amount: moneyRefusalText(result.reason, result.limit) }
			});
		}
		return moneyRefused('payout', result, values);
	},
	protect: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(protectSchema, form);
		// the typed values go back only to refill this person's own form
		if (!input.ok) return invalid('protect', input);
		const { name, phone, delivery_way, address } = input.data;
		const result = await saveProtectedData(ctx, event.params.id, {
			name,
			phone,
			deliveryWay: delivery_way,
			address: delivery_way === 'home' ? address : null
		});
		if (result.ok) return { action: 'protect' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(protectedStatus[result.reason], {
			action: 'protect' as const,
			values: formValues(form),
			message:
				result.reason === 'forbidden'
					? m.protected_refusal_forbidden()
					: result.reason === 'wrong_state'
						? m.protected_refusal_wrong_state()
						: m.protected_refusal_invalid()
		});
	},
	/*
	 * "Show contact": the one place the data is read (and the read audited). It lives in this answer only,
	 * never in the page's load, so reloading or another person's view cannot bring it back.
	 */
	reveal: async (event) => {
		const ctx = contextIn(event);
		const data = await readProtectedData(ctx, event.params.id);
		if (!data) {
			// not allowed, unknown or nothing entered look alike: nothing about the data is told
			return fail(404, { action: 'reveal' as const, message: m.protected_reveal_unavailable() });
		}
		return { action: 'reveal' as const, revealed: data };
	},
	contact: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(
			z.object({ member: z.string({ error: () => m.protected_error_contact() }).max(100) }),
			form
		);
		if (!input.ok) return invalid('contact', input);
		const result = await reassignContactPerson(ctx, event.params.id, input.data.member);
		if (result.ok) return { action: 'contact' as const, done: true };
		// a member id that is no id at all is the domain's not_found too: that is a wrong choice, not a 404
		if (result.reason === 'invalid' || (result.reason === 'not_found' && !isUuid(input.data.member)))
			return fail(400, {
				action: 'contact' as const,
				values: formValues(form),
				errors: { member: m.protected_error_contact() }
			});
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(protectedStatus[result.reason], {
			action: 'contact' as const,
			values: formValues(form),
			message:
				result.reason === 'forbidden'
					? m.protected_refusal_forbidden()
					: m.protected_refusal_contact_wrong_state()
		});
	}
} satisfies Actions;

/** A money refusal as the action's answer, shown above the form; unknown needs stay a 404. */
function moneyRefused(
	action: Action,
	result: { reason: MoneyRefusal | PrepareRefusal; limit?: number },
	values: Record<string, string>
) {
	if (result.reason === 'not_found') error(404, 'Not found');
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: moneyRefusalText(result.reason, result.limit)
	});
}
