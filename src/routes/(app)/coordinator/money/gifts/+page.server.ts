import { refusalStatus } from '$lib/server/core/refusals';
import { formatCzk, parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { emailField } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { findNeedIdByNumber } from '$lib/server/ledger/lookup';
import { offlineKinds, recordOfflineGift } from '$lib/server/ledger/offline';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isDay, pragueDay } from '$lib/core/prague';
import { refusalText } from '$lib/server/http/refusal-texts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	return { today: pragueDay() };
}) satisfies PageServerLoad;

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('');

const schema = z
	.object({
		kind: z.enum(offlineKinds, { error: () => m.money_gift_error_kind() }),
		amount: z.string({ error: () => m.money_error_amount() }).transform((v, ctx) => {
			const amount = parseCzk(v);
			if (amount === null || amount < 1 || amount > 100_000_000) {
				ctx.addIssue({ code: 'custom', message: m.money_error_amount() });
				return z.NEVER;
			}
			return amount;
		}),
		received_on: z
			.string({ error: () => m.money_error_day() })
			.trim()
			.refine(isDay, { error: () => m.money_error_day() })
			// a gift that has not come yet is a promise, not a gift
			.refine((day) => day <= pragueDay(), { error: () => m.money_gift_error_future() }),
		need_number: z
			.string()
			.trim()
			.default('')
			.refine((v) => v === '' || /^[1-9][0-9]{0,9}$/.test(v), { error: () => m.money_error_need_number() }),
		description: optionalText(200),
		donor_name: optionalText(200),
		donor_address: optionalText(300),
		donor_email: z.union([z.literal(''), emailField]).default(''),
		note: optionalText(1000)
	})
	.superRefine((d, ctx) => {
		if (d.kind !== 'in_kind') return;
		if (!d.description)
			ctx.addIssue({ code: 'custom', path: ['description'], message: m.money_gift_error_description() });
		if (!d.need_number)
			ctx.addIssue({ code: 'custom', path: ['need_number'], message: m.money_gift_error_in_kind_need() });
	});

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const d = input.data;
		const values = formValues(form);
		const number = d.need_number ? Number(d.need_number) : null;
		const needId = number === null ? null : await findNeedIdByNumber(db(), number);
		if (number !== null && !needId) {
			return fail(400, { values, errors: { need_number: m.money_assign_no_need({ number }) } });
		}
		const result = await recordOfflineGift(contextOf(event, user), {
			kind: d.kind,
			amount: d.amount,
			receivedOn: d.received_on,
			needId,
			description: d.description,
			donorName: d.donor_name,
			donorAddress: d.donor_address,
			donorEmail: d.donor_email,
			note: d.note
		});
		if (!result.ok) {
			const field =
				result.reason === 'over_missing' || result.reason === 'invalid_amount'
					? 'amount'
					: result.reason === 'personal_data'
						? 'description'
						: 'need_number';
			const message =
				result.reason === 'wrong_state' && d.kind === 'in_kind'
					? m.money_gift_error_in_kind_state()
					: result.reason === 'over_missing'
						? m.money_gift_error_in_kind_over({ amount: formatCzk(result.limit ?? 0) })
						: refusalText(result.reason, 'ledger', result.limit);
			return fail(refusalStatus(result.reason), { values, errors: { [field]: message } });
		}
		return { done: true, toNeed: result.toNeed, toFund: result.toFund, number };
	}
} satisfies Actions;
