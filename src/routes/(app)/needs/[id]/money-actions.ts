import { refusalStatus } from '$lib/server/core/refusals';
import { isDay, pragueDay } from '$lib/core/prague';
import { parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { cancelNeed, closeNeed } from '$lib/server/ledger/closing';
import { allocateFromFund } from '$lib/server/ledger/funding';
import { recordPayout } from '$lib/server/ledger/payouts';
import { attachmentStore } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { fileRefusalText, refusalText } from '$lib/server/http/refusal-texts';
import { type NeedEvent, contextIn, invalid, moneyRefused, requiredReason } from './need-actions';

/* The money on the need's page: allocation from the fund, payouts with receipts, cancelling and closing. */

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

export const moneyActions = {
	allocate: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(z.object({ amount: amountField }), form);
		if (!input.ok) return invalid('allocate', input);
		const result = await allocateFromFund(ctx, event.params.id, input.data.amount);
		if (result.ok) return { action: 'allocate' as const, done: true, funded: result.funded };
		return moneyRefused('allocate', result, formValues(form));
	},
	cancel: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(requiredReason, form);
		if (!input.ok) return invalid('cancel', input);
		const result = await cancelNeed(ctx, event.params.id, input.data.reason);
		if (result.ok) return { action: 'cancel' as const, done: true, returned: result.returned };
		return moneyRefused('cancel', result, formValues(form));
	},
	close: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(z.object({ note: optionalNote }), form);
		if (!input.ok) return invalid('close', input);
		const result = await closeNeed(ctx, event.params.id, input.data.note);
		if (result.ok) return { action: 'close' as const, done: true, returned: result.returned };
		return moneyRefused('close', result, formValues(form));
	},
	payout: async (event: NeedEvent) => {
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
		const fileText = fileRefusalText(result.reason);
		if (fileText) {
			return fail(refusalStatus(result.reason), {
				action: 'payout' as const,
				values,
				errors: { receipt: fileText }
			});
		}
		if (result.reason === 'balance_too_low' || result.reason === 'invalid_amount') {
			return fail(refusalStatus(result.reason), {
				action: 'payout' as const,
				values,
				errors: { amount: refusalText(result.reason, 'money', result.limit) }
			});
		}
		return moneyRefused('payout', result, values);
	}
};
