import { formatCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formValues, readForm } from '$lib/server/http/forms';
import { collectionRoom, GIFT_PRESETS, planGift } from '$lib/server/payments/giving';
import {
	createCardGift,
	MAX_CARD_AMOUNT,
	MIN_CARD_AMOUNT,
	type CheckoutResult
} from '$lib/server/payments/stripe/checkout';
import { db, stripe } from '$lib/server/runtime';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { OverflowOffer } from './_giving';
import { parseGiftForm } from './_giving.server';
import { throttled } from './_pledge.server';

/*
 * The card form shared by /give (the general fund) and a collection's page: parse it, open a Stripe
 * Checkout session and hand its address to the page, which sends the donor there. Nothing is recorded
 * as given here: the webhook does that once Stripe says the money is paid.
 */

/** Amounts a donor may pick at once, in haléře (the bank form offers the same); any other of 15 Kč or more may be typed. */
export const cardPresets = [...GIFT_PRESETS];

/** The card form's messages for an amount it cannot take. */
const cardAmountErrors = () => ({
	missing: m.card_error_choice(),
	invalid: m.card_error_amount(),
	conflict: m.give_error_amount_conflict()
});

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
 * The `?/card` action: a gift to a public collection by the need's number, or to the general fund (null).
 * Its answers carry `card: true` so that the page shows them in the card form, not the bank one.
 */
export async function submitCardGift(event: RequestEvent, needNumber: number | null) {
	const form = await readForm(event.request);
	// an anonymous gift keeps no details, so none of them can be wrong either (without JavaScript the
	// fields are still sent), and with no address there is nobody to send news to
	if (form.get('anonymous')) for (const field of ['name', 'email', 'address', 'news']) form.delete(field);
	const values = formValues(form);
	const input = parseGiftForm(
		form,
		{ min: MIN_CARD_AMOUNT, max: MAX_CARD_AMOUNT, signedIn: Boolean(event.locals.user) },
		cardAmountErrors
	);
	if (!input.ok) return fail(400, { card: true as const, values, errors: input.errors });
	const card = stripe();
	if (!card) return fail(409, { card: true as const, values, errors: { _form: m.card_unavailable() } });
	const gift = input.data;
	let needId: string | null = null;
	let amount = gift.amount;
	let allowOverflow = false;
	if (needNumber !== null) {
		const room = await collectionRoom(db(), needNumber, 'card');
		if (!room) error(404, 'Not found');
		needId = room.needId;
		if (room.room > 0) {
			const plan = planGift(gift.amount, room.room, gift.overflow);
			if (!plan.ok) {
				const overflow: OverflowOffer = {
					...plan.offer,
					canGiveMissing: plan.offer.toNeed >= MIN_CARD_AMOUNT
				};
				return fail(409, { card: true as const, values, errors: {}, overflow });
			}
			if (!plan.toCollection) needId = null;
			amount = plan.amount;
			allowOverflow = plan.allowOverflow;
		} else if (gift.overflow === 'fund') needId = null;
	}
	const refused = await throttled(event, values);
	if (refused) return fail(429, { card: true as const, values, errors: refused.data.errors });
	const donor = {
		id: event.locals.user?.id ?? null,
		name: gift.name,
		email: gift.email,
		address: gift.address
	};
	const result = await createCardGift(db(), card.client, {
		needId,
		amount,
		donor,
		// without it, a donor who left the details blank (to give them to Stripe) would count as anonymous
		anonymous: Boolean(form.get('anonymous')),
		locale: getLocale() === 'en' ? 'en' : 'cs',
		origin: event.locals.context.origin,
		description:
			needId === null ? m.card_description_fund() : m.card_description_need({ number: String(needNumber) }),
		news: gift.news,
		allowOverflow
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
