import { formatCzk, parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { recordAttempt, throttleWait, waitSeconds, type Policy } from '$lib/server/auth/throttle';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { clubAccount, pledgeForCollection } from '$lib/server/payments/bank/collections';
import { createPledge, type PledgeResult } from '$lib/server/payments/bank/pledges';
import { bankIban, db } from '$lib/server/runtime';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';

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

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('')
		.transform((v) => v || null);

const giftSchema = z.object({
	amount: amountField,
	name: optionalText(200),
	email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
		error: () => m.form_email_invalid()
	}),
	address: optionalText(300)
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
 * (null). A visitor signed in gives from their account, so the gift counts in their own overview.
 */
export async function submitGift(event: RequestEvent, needNumber: number | null) {
	const form = await readForm(event.request);
	const input = parseForm(giftSchema, form);
	if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
	const values = formValues(form);
	const account = await clubAccount(db(), bankIban());
	if ((needNumber === null ? account.fundIban : account.collectionIban) === null)
		return fail(409, { values, errors: { _form: m.give_bank_unavailable() } });
	const refused = await throttled(event, values);
	if (refused) return refused;
	const { amount, name, email, address } = input.data;
	const donor = { id: event.locals.user?.id ?? null, name, email, address };
	// the payment details are also e-mailed, in the language of this page, when the donor gave an address
	const locale = getLocale() === 'en' ? 'en' : 'cs';
	const mail = { origin: event.locals.context.origin, account };
	const result =
		needNumber === null
			? await createPledge(db(), { purpose: 'gift', needId: null, amount, donor, locale }, mail)
			: await pledgeForCollection(db(), needNumber, { amount, donor, locale }, mail);
	if (!result.ok) {
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(409, { values, errors: refusalErrors(result) });
	}
	redirect(303, `/give/pledge/${result.id}`);
}
