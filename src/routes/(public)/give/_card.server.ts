import { formatCzk, parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { getCollection } from '$lib/server/payments/bank/collections';
import {
	createCardGift,
	MAX_CARD_AMOUNT,
	MIN_CARD_AMOUNT,
	type CheckoutResult
} from '$lib/server/payments/stripe/checkout';
import { db, stripe } from '$lib/server/runtime';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { throttled } from './_pledge.server';

/*
 * The card form shared by /give (the general fund) and a collection's page: parse it, open a Stripe
 * Checkout session and hand its address to the page, which sends the donor there. Nothing is recorded
 * as given here: the webhook does that once Stripe says the money is paid.
 */

/** Amounts a donor may pick at once, in Kč; any other amount of at least 15 Kč may be typed. */
export const cardPresets = ['200', '500', '1000'] as const;

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('')
		.transform((v) => v || null);

const cardAmount = z.string({ error: () => m.card_error_amount() }).transform((v, ctx) => {
	const amount = parseCzk(v);
	if (amount === null || amount < MIN_CARD_AMOUNT || amount > MAX_CARD_AMOUNT) {
		ctx.addIssue({ code: 'custom', message: m.card_error_amount() });
		return z.NEVER;
	}
	return amount;
});

const donorFields = {
	// a checkbox sends "on" only when ticked
	anonymous: z.string().optional(),
	name: optionalText(200),
	email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
		error: () => m.form_email_invalid()
	}),
	address: optionalText(300)
};

const cardSchema = z.discriminatedUnion(
	'preset',
	[
		z.object({ preset: z.enum(cardPresets), ...donorFields }),
		z.object({ preset: z.literal('other'), amount: cardAmount, ...donorFields })
	],
	{ error: () => m.card_error_choice() }
);

/** Stripe's refusal as the card form shows it: amount problems next to the amount, the rest above. */
function refusalErrors(result: Extract<CheckoutResult, { ok: false }>): Record<string, string> {
	switch (result.reason) {
		case 'invalid_amount':
			return { amount: m.card_error_amount() };
		case 'over_missing':
			return {
				amount:
					result.limit && result.limit >= MIN_CARD_AMOUNT
						? m.card_refusal_over_missing({ amount: formatCzk(result.limit) })
						: m.card_refusal_held()
			};
		case 'collection_closed':
			return { _form: m.give_refusal_closed() };
		case 'stripe_unavailable':
			return { _form: m.card_unavailable() };
		case 'not_found':
		case 'forbidden':
			return { _form: m.give_refusal_not_found() };
	}
}

/**
 * The need behind a public collection's number (the public pages never learn a need's id); whether it
 * still takes gifts is for createCardGift to decide.
 */
async function collectionNeedId(number: number): Promise<string | null> {
	if (!(await getCollection(db(), number))) return null;
	const [row] = await db()<{ id: string }[]>`select id from needs where number = ${number}`;
	return row?.id ?? null;
}

/**
 * The `?/card` action: a gift to a public collection by the need's number, or to the general fund (null).
 * Its answers carry `card: true` so that the page shows them in the card form, not the bank one.
 */
export async function submitCardGift(event: RequestEvent, needNumber: number | null) {
	const form = await readForm(event.request);
	// an anonymous gift keeps no details, so none of them can be wrong either (without JavaScript the
	// fields are still sent)
	if (form.get('anonymous')) for (const field of ['name', 'email', 'address']) form.delete(field);
	const input = parseForm(cardSchema, form);
	if (!input.ok) return fail(400, { card: true as const, values: formValues(form), errors: input.errors });
	const values = formValues(form);
	const card = stripe();
	if (!card) return fail(409, { card: true as const, values, errors: { _form: m.card_unavailable() } });
	const refused = await throttled(event, values);
	if (refused) return fail(429, { card: true as const, values, errors: refused.data.errors });
	const data = input.data;
	const amount = data.preset === 'other' ? data.amount : Number(data.preset) * 100;
	const donor = {
		id: event.locals.user?.id ?? null,
		name: data.name,
		email: data.email,
		address: data.address
	};
	let needId: string | null = null;
	if (needNumber !== null) {
		needId = await collectionNeedId(needNumber);
		if (!needId) error(404, 'Not found');
	}
	const result = await createCardGift(db(), card.client, {
		needId,
		amount,
		donor,
		// without it, a donor who left the details blank (to give them to Stripe) would count as anonymous
		anonymous: Boolean(form.get('anonymous')),
		locale: getLocale() === 'en' ? 'en' : 'cs',
		origin: event.locals.context.origin,
		description:
			needNumber === null
				? m.card_description_fund()
				: m.card_description_need({ number: String(needNumber) })
	});
	if (!result.ok) {
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(result.reason === 'stripe_unavailable' ? 503 : 409, {
			card: true as const,
			values,
			errors: refusalErrors(result)
		});
	}
	// not a 303: see _checkout.ts
	return { card: true as const, checkout: result.url };
}
