import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { clubAccount } from '$lib/server/payments/bank/collections';
import { createPledge } from '$lib/server/payments/bank/pledges';
import {
	cancelDues,
	createDuesSubscription,
	listMemberSubscriptions,
	MIN_CARD_AMOUNT
} from '$lib/server/payments/stripe/checkout';
import { bankIban, db, stripe } from '$lib/server/runtime';
import { parseCzk } from '$lib/money';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { amountField, refusalErrors } from '../../(public)/give/_pledge.server';
import type { Actions, PageServerLoad } from './$types';

/** Yearly dues a member may pick at once, in Kč; any other amount may be typed. */
const presets = ['300', '500', '1000'] as const;
/** Card dues a member may pick at once: interval and amount in Kč. */
const cardPresets = ['month-100', 'month-200', 'year-500', 'year-1000'] as const;
/** createDuesSubscription takes at most 100 000 Kč. */
const MAX_CARD_DUES = 10_000_000;

export const load = (async (event) => {
	const user = requireRole(event, 'member');
	const card = stripe() !== null;
	const subscriptions = await listMemberSubscriptions(db(), user.id);
	return {
		available: bankIban() !== null,
		presets: [...presets],
		card,
		cardPresets: cardPresets.map((value) => {
			const [interval, amount] = value.split('-') as ['month' | 'year', string];
			return { value, interval, amount: Number(amount) * 100 };
		}),
		subscriptions,
		// Stripe sends the member back with the session's id; only that it came back matters here
		paid: event.url.searchParams.has('paid')
	};
}) satisfies PageServerLoad;

const schema = z.discriminatedUnion(
	'preset',
	[z.object({ preset: z.enum(presets) }), z.object({ preset: z.literal('other'), amount: amountField })],
	{ error: () => m.give_dues_error_choice() }
);

const cardAmount = z.string({ error: () => m.card_dues_error_amount() }).transform((v, ctx) => {
	const amount = parseCzk(v);
	if (amount === null || amount < MIN_CARD_AMOUNT || amount > MAX_CARD_DUES) {
		ctx.addIssue({ code: 'custom', message: m.card_dues_error_amount() });
		return z.NEVER;
	}
	return amount;
});

const cardSchema = z.discriminatedUnion(
	'preset',
	[
		z.object({ preset: z.enum(cardPresets) }),
		z.object({
			preset: z.literal('other'),
			amount: cardAmount,
			interval: z.enum(['month', 'year'], { error: () => m.card_dues_error_interval() })
		})
	],
	{ error: () => m.card_dues_error_choice() }
);

const cancelSchema = z.object({
	subscription: z
		.string({ error: () => m.card_subs_not_found() })
		.trim()
		.min(1)
		.max(100)
});

export const actions = {
	bank: async (event) => {
		const user = requireRole(event, 'member');
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		if (bankIban() === null)
			return fail(409, { values: formValues(form), errors: { _form: m.give_bank_unavailable() } });
		const amount = input.data.preset === 'other' ? input.data.amount : Number(input.data.preset) * 100;
		// the member is known by the account: no name or address copied onto the pledge; the payment
		// details are e-mailed to the account's address, in its language
		const result = await createPledge(
			db(),
			{
				purpose: 'dues',
				needId: null,
				amount,
				donor: { id: user.id, name: null, email: null, address: null }
			},
			{ origin: event.locals.context.origin, account: await clubAccount(db(), bankIban()) }
		);
		if (!result.ok) return fail(409, { values: formValues(form), errors: refusalErrors(result) });
		redirect(303, `/give/pledge/${result.id}`);
	},
	card: async (event) => {
		const user = requireRole(event, 'member');
		const form = await readForm(event.request);
		const input = parseForm(cardSchema, form);
		if (!input.ok) return fail(400, { card: true as const, values: input.values, errors: input.errors });
		const values = formValues(form);
		const card = stripe();
		if (!card) return fail(409, { card: true as const, values, errors: { _form: m.card_unavailable() } });
		const data = input.data;
		const [interval, amount] =
			data.preset === 'other'
				? [data.interval, data.amount]
				: [data.preset.split('-')[0] as 'month' | 'year', Number(data.preset.split('-')[1]) * 100];
		const result = await createDuesSubscription(db(), card.client, {
			memberId: user.id,
			email: user.email,
			amount,
			interval,
			locale: getLocale() === 'en' ? 'en' : 'cs',
			origin: event.locals.context.origin,
			description: m.card_description_dues()
		});
		if (!result.ok) {
			const errors =
				result.reason === 'invalid_amount'
					? { amount: m.card_dues_error_amount() }
					: {
							_form:
								result.reason === 'stripe_unavailable' ? m.card_unavailable() : m.give_refusal_not_found()
						};
			return fail(result.reason === 'stripe_unavailable' ? 503 : 409, {
				card: true as const,
				values,
				errors
			});
		}
		// not a 303: the CSP lets forms post only to this site, redirects included (see give/_checkout.ts)
		return { card: true as const, checkout: result.url };
	},
	cancel: async (event) => {
		const user = requireRole(event, 'member');
		const form = await readForm(event.request);
		const input = parseForm(cancelSchema, form);
		if (!input.ok) return fail(400, { cancel: true as const, errors: { _form: m.card_subs_not_found() } });
		const card = stripe();
		if (!card) return fail(409, { cancel: true as const, errors: { _form: m.card_unavailable() } });
		const result = await cancelDues(db(), card.client, user.id, input.data.subscription);
		if (!result.ok) {
			return fail(result.reason === 'not_found' ? 404 : 503, {
				cancel: true as const,
				errors: { _form: result.reason === 'not_found' ? m.card_subs_not_found() : m.card_unavailable() }
			});
		}
		return { cancelled: true as const };
	}
} satisfies Actions;
