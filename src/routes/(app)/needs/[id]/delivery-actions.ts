import { refusalStatus } from '$lib/server/core/refusals';
import { m } from '$lib/paraglide/messages';
import {
	arrangeDelivery,
	confirmReceipt,
	markBought,
	markDelivered,
	type DeliveryResult
} from '$lib/server/delivery/steps';
import { contextOf } from '$lib/server/http/actor';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { attachmentStore } from '$lib/server/runtime';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { fileRefusalText, refusalText } from '$lib/server/http/refusal-texts';

/*
 * The delivery steps of the need's page: the contact person arranges, marks bought and delivered; the
 * organisation confirms the receipt and records the family's feedback. The domain decides who may.
 */

type DeliveryAction = 'arrange' | 'bought' | 'delivered' | 'confirm';

const contextIn = (event: RequestEvent<{ id: string }>) =>
	contextOf(event, requireRole(event, 'social_worker', 'coordinator', 'member'));

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('');

const fieldLabels = (): Record<string, string> => ({
	plan: m.delivery_plan(),
	note: m.delivery_note(),
	thanks: m.delivery_feedback_thanks(),
	change: m.delivery_feedback_change()
});

/** The answer to a step: done, or the refusal in the person's language with the typed values kept. */
function answer(action: DeliveryAction, result: DeliveryResult, values: Record<string, string>) {
	if (result.ok) return { action, done: true };
	if (result.reason === 'not_found') error(404, 'Not found');
	if (result.reason === 'personal_data') {
		const fields = result.fields ?? [];
		return fail(400, {
			action,
			values,
			message: m.delivery_refusal_personal_data({
				fields: fields.map((f) => fieldLabels()[f] ?? f).join(', ')
			}),
			errors: Object.fromEntries(fields.map((f) => [f, m.delivery_refusal_personal_data_field()])),
			findings: result.findings ?? []
		});
	}
	const fileText = fileRefusalText(result.reason);
	if (fileText) return fail(400, { action, values, errors: { proof: fileText } });
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: refusalText(result.reason, 'delivery')
	});
}

const isDay = (v: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const deliveryActions = {
	arrange: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(z.object({ plan: text(1000) }), form);
		if (!input.ok)
			return fail(400, { action: 'arrange' as const, values: input.values, errors: input.errors });
		const result = await arrangeDelivery(ctx, event.params.id, input.data);
		return answer('arrange', result, formValues(form));
	},
	bought: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		return answer('bought', await markBought(ctx, event.params.id), {});
	},
	delivered: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(
			z.object({
				delivered_on: z
					.string({ error: () => m.delivery_error_day() })
					.refine(isDay, { error: () => m.delivery_error_day() }),
				note: text(1000)
			}),
			form
		);
		if (!input.ok)
			return fail(400, { action: 'delivered' as const, values: input.values, errors: input.errors });
		const file = form.get('proof');
		const proof =
			file instanceof File && file.size > 0
				? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type }
				: null;
		const result = await markDelivered(
			ctx,
			attachmentStore(),
			event.params.id,
			{ deliveredOn: input.data.delivered_on, note: input.data.note },
			proof
		);
		return answer('delivered', result, formValues(form));
	},
	confirm: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(
			z.object({
				thanks: text(2000),
				change: text(2000),
				confirm_not_personal: z.literal('yes').optional()
			}),
			form
		);
		if (!input.ok)
			return fail(400, { action: 'confirm' as const, values: input.values, errors: input.errors });
		const result = await confirmReceipt(ctx, event.params.id, {
			thanks: input.data.thanks,
			change: input.data.change,
			confirmFindings: input.data.confirm_not_personal === 'yes'
		});
		return answer('confirm', result, formValues(form));
	}
};
