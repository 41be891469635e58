import { parseCzk } from '$lib/money';
import type { NeedStatus } from '$lib/needs';
import type { Queryable } from '../db/client';
import { collectionForms, fundingStates, needMoney } from '../ledger/funding';
import { heldFor } from './stripe/checkout';
import { donorDetailsFromGifts } from './receipts/confirmations';
import { getDonorProfile } from './receipts/donor-profile';

/*
 * Giving as Czech donors know it, the parts the bank and card forms share: a few preset amounts with a
 * free one, the offer made before giving when a gift is larger than what a collection still misses
 * ("8 500 Kč this collection, 1 500 Kč the fund" — the donor chooses), and the signed-in donor's own
 * details filled in. Money is haléře throughout.
 */

/** The amounts offered at once, in haléře: 200, 500, 1 000 and 2 000 Kč. */
export const GIFT_PRESETS: readonly number[] = [20_000, 50_000, 100_000, 200_000];

/** A preset as the form sends it: whole crowns ("1000"). */
export const presetValue = (halere: number) => String(halere / 100);

export type AmountChoice =
	| { ok: true; amount: number }
	| {
			ok: false;
			/** nothing chosen or typed; the typed amount is no amount (or out of bounds); a preset and another typed amount */
			reason: 'missing' | 'invalid' | 'conflict';
	  };

/**
 * The amount of a gift form: a preset radio (`preset`, whole crowns) or "Jiná částka" (`preset=other`)
 * with the typed amount (`amount`, as people type it). Without JavaScript a donor may type an amount
 * without switching the radio: a typed amount then counts when no preset is chosen, and a preset chosen
 * together with a different typed amount is asked back rather than guessed (with JavaScript, typing
 * chooses "Jiná částka" and choosing a preset clears the field, so this cannot happen).
 */
export function parseAmountChoice(
	input: { preset?: string | null; amount?: string | null },
	bounds: { min: number; max: number }
): AmountChoice {
	const typed = (input.amount ?? '').trim();
	const preset = (input.preset ?? '').trim();
	const presetAmount = GIFT_PRESETS.find((p) => presetValue(p) === preset) ?? null;
	const inBounds = (a: number | null): a is number => a !== null && a >= bounds.min && a <= bounds.max;
	if (presetAmount !== null && !typed) return { ok: true, amount: presetAmount };
	if (!typed) return { ok: false, reason: preset === 'other' ? 'invalid' : 'missing' };
	const amount = parseCzk(typed);
	if (!inBounds(amount)) return { ok: false, reason: 'invalid' };
	if (presetAmount !== null && presetAmount !== amount) return { ok: false, reason: 'conflict' };
	return { ok: true, amount };
}

/** What the donor chose for a gift above what the collection misses. */
export type OverflowChoice = 'split' | 'missing' | 'fund';
export const overflowChoices: readonly OverflowChoice[] = ['split', 'missing', 'fund'];
export const isOverflowChoice = (v: unknown): v is OverflowChoice =>
	typeof v === 'string' && (overflowChoices as readonly string[]).includes(v);

export type GiftPlan =
	| {
			ok: true;
			/** the gift goes to the collection (and its part above what is missing to the fund), or to the fund alone */
			toCollection: boolean;
			amount: number;
			/** the gift may be larger than what is missing: the rest is booked to the general fund */
			allowOverflow: boolean;
	  }
	| { ok: false; offer: { amount: number; toNeed: number; toFund: number } };

/**
 * Where a gift to a collection goes, given what the collection still misses (less what open card
 * sessions hold) and the donor's choice. Above what is missing and without a choice, the donor is
 * asked first: nobody's money silently goes elsewhere than they meant.
 */
export function planGift(amount: number, missing: number, choice: OverflowChoice | null): GiftPlan {
	if (choice === 'fund') return { ok: true, toCollection: false, amount, allowOverflow: false };
	if (amount <= missing) return { ok: true, toCollection: true, amount, allowOverflow: false };
	if (choice === 'split') return { ok: true, toCollection: true, amount, allowOverflow: true };
	if (choice === 'missing') return { ok: true, toCollection: true, amount: missing, allowOverflow: false };
	return { ok: false, offer: { amount, toNeed: missing, toFund: amount - missing } };
}

export interface DonorPrefill {
	name: string;
	email: string;
	address: string;
}

/**
 * The signed-in donor's details for the gift forms: the name and address as the treasurer keeps them
 * for confirmations of gifts (donor_profiles; a company by its name), else the account's name and the
 * address of their newest gift; the account's e-mail. The donor may change any of them in the form.
 */
export async function donorPrefill(db: Queryable, userId: string): Promise<DonorPrefill | null> {
	const [user] = await db<{ name: string; email: string }[]>`
		select name, email from users where id = ${userId} and status = 'active'`;
	if (!user) return null;
	const key = `u:${userId}`;
	const [profile, gifts] = await Promise.all([getDonorProfile(db, key), donorDetailsFromGifts(db, key)]);
	const name = (profile?.kind === 'company' ? profile.companyName : profile?.name) ?? gifts.name ?? user.name;
	return { name: name ?? '', email: user.email, address: profile?.address ?? gifts.address ?? '' };
}

/**
 * How much a public collection (by the need's number) can still take from a new gift: what it misses,
 * and for a card gift less what open card sessions hold. Null when there is no such collection open to
 * gifts; 0 when it reached its target (the pledge or checkout then refuses it as closed).
 */
export async function collectionRoom(
	db: Queryable,
	number: number,
	channel: 'bank' | 'card'
): Promise<{ needId: string; room: number } | null> {
	if (!Number.isInteger(number) || number < 1 || number > 2_000_000_000) return null;
	const [need] = await db<{ id: string; status: NeedStatus }[]>`
		select n.id, n.status from needs n join need_decisions d on d.need_id = n.id
		where n.number = ${number} and d.form = any(${[...collectionForms]}::text[])`;
	if (!need) return null;
	const money = await needMoney(db, need.id);
	if (!money || !fundingStates.has(need.status)) return { needId: need.id, room: 0 };
	const held = channel === 'card' ? await heldFor(db, need.id) : 0;
	return { needId: need.id, room: Math.max(0, money.missing - held) };
}
