import { formatCzk, parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { recordAttempt, throttleWait, waitSeconds, type Policy } from '$lib/server/auth/throttle';
import { formValues, readForm } from '$lib/server/http/forms';
import { clubAccount, pledgeForCollection } from '$lib/server/payments/bank/collections';
import { collectionRoom, planGift } from '$lib/server/payments/giving';
import { createPledge, type PledgeResult } from '$lib/server/payments/bank/pledges';
import { bankIban, db } from '$lib/server/runtime';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { OverflowOffer } from './_giving';
import { parseGiftForm } from './_giving.server';

/*
 * The bank-transfer form shared by a collection's page, /give (the general fund) and /dues: parse it,
 * create the pledge, and go to the pledge's page with the account, the variable symbol and the QR code.
 */

/** The pledges table holds at most 1 000 000 Kč; below 1 Kč a transfer makes no sense. */
const MIN = 100;
const MAX = 100_000_000;

/** An amount in Kč as people type it ("500", "1 500,50 Kč") → haléře. */
export const amountField = z.string({ error: () => m.give_error_amount() }).transform((v, ctx) => {
	const amount = parseCzk(v);
	if (amount === null || amount < MIN || amount > MAX) {
		ctx.addIssue({ code: 'custom', message: m.give_error_amount() });
		return z.NEVER;
	}
	return amount;
});

// Anyone may pledge without signing in; this keeps a script from filling the coordinator's list.
const pledgePolicy: Policy = { kind: 'bucket', limit: 30, windowMs: 60 * 60_000 };

/** Refuses a visitor who pledged too often from one address in the last hour; counts this attempt. */
export async function throttled(event: RequestEvent, values: Record<string, string>) {
	const key = `pledge:${event.getClientAddress()}`;
	const wait = await throttleWait(db(), [key]);
	if (wait > 0) {
		event.setHeaders({ 'Retry-After': String(waitSeconds(wait)) });
		return fail(429, { values, errors: { _form: m.give_throttled({ seconds: waitSeconds(wait) }) } });
	}
	await recordAttempt(db(), key, pledgePolicy);
	return null;
}

/** The refusal of a pledge as the form shows it: amount problems next to the amount, the rest above. */
export function refusalErrors(result: Extract<PledgeResult, { ok: false }>): Record<string, string> {
	switch (result.reason) {
		case 'invalid_amount':
			return { amount: m.give_error_amount() };
		case 'over_missing':
			return { amount: m.give_refusal_over_missing({ amount: formatCzk(result.limit ?? 0) }) };
		case 'collection_closed':
			return { _form: m.give_refusal_closed() };
		case 'not_found':
		case 'forbidden':
			return { _form: m.give_refusal_not_found() };
	}
}

/**
 * The form action for a gift: to a public collection by the need's number, or to the general fund
 * (null). A visitor signed in gives from their account, so the gift counts in their own overview. A gift
 * above what the collection misses is first answered with the choice of where the rest goes
 * (`overflow`); on /give, "měsíčně převodem" makes it a standing order to the fund.
 */
export async function submitGift(event: RequestEvent, needNumber: number | null) {
	const form = await readForm(event.request);
	const values = formValues(form);
	const input = parseGiftForm(
		form,
		{ min: MIN, max: MAX, signedIn: Boolean(event.locals.user) },
		bankAmountErrors
	);
	if (!input.ok) return fail(400, { values, errors: input.errors });
	const account = await clubAccount(db(), bankIban());
	const gift = input.data;
	// a standing order runs for years, so only the general fund takes one (a collection closes)
	const standing = needNumber === null && gift.monthly;
	let toCollection = needNumber !== null;
	let amount = gift.amount;
	let allowOverflow = false;
	if (needNumber !== null) {
		const room = await collectionRoom(db(), needNumber, 'bank');
		if (!room) error(404, 'Not found');
		if (room.room > 0) {
			const plan = planGift(gift.amount, room.room, gift.overflow);
			if (!plan.ok) {
				const overflow: OverflowOffer = { ...plan.offer, canGiveMissing: plan.offer.toNeed >= MIN };
				return fail(409, { values, errors: {}, overflow });
			}
			({ toCollection, amount, allowOverflow } = plan);
		} else if (gift.overflow === 'fund') toCollection = false;
	}
	if ((toCollection ? account.collectionIban : account.fundIban) === null)
		return fail(409, { values, errors: { _form: m.give_bank_unavailable() } });
	const refused = await throttled(event, values);
	if (refused) return refused;
	const donor = {
		id: event.locals.user?.id ?? null,
		name: gift.name,
		email: gift.email,
		address: gift.address
	};
	// the payment details are also e-mailed, in the language of this page, when the donor gave an address
	const locale = getLocale() === 'en' ? 'en' : 'cs';
	const mail = { origin: event.locals.context.origin, account };
	const common = { amount, donor, locale, news: gift.news } as const;
	const result = toCollection
		? await pledgeForCollection(db(), needNumber!, { ...common, allowOverflow }, mail)
		: await createPledge(db(), { ...common, purpose: 'gift', needId: null, standing }, mail);
	if (!result.ok) {
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(409, { values, errors: refusalErrors(result) });
	}
	redirect(303, `/give/pledge/${result.id}`);
}

/** The bank form's messages for an amount it cannot take. */
const bankAmountErrors = () => ({
	missing: m.give_error_amount_choose(),
	invalid: m.give_error_amount(),
	conflict: m.give_error_amount_conflict()
});
