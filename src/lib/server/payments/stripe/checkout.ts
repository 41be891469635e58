import type { RefusalOf } from '../../core/refusals';
import type Stripe from 'stripe';
import type { Db, Queryable } from '../../db/client';
import { collectionForms, fundingStates, needMoney } from '../../ledger/funding';
import { selectNeed } from '../../needs';
import { isUuid } from '$lib/core/ids';

/*
 * Card gifts and dues through Stripe Checkout. Nothing here records money: a session only lets the donor
 * pay, and the webhook records the gift when Stripe says it is paid. A gift to a collection holds its
 * amount while its session is open, so that the open sessions together never promise more than the
 * collection misses; the hold lapses when the session expires.
 */

/** Stripe's minimum charge in CZK is 15 Kč. */
export const MIN_CARD_AMOUNT = 1_500;
export const MAX_CARD_AMOUNT = 100_000_000;
// Stripe lets a session live 30 minutes at least; a short life keeps a collection's hold short
const SESSION_MINUTES = 31;

export type CheckoutRefusal = RefusalOf<
	'invalid_amount' | 'not_found' | 'collection_closed' | 'over_missing' | 'forbidden' | 'stripe_unavailable'
>;
export type CheckoutResult =
	{ ok: true; url: string } | { ok: false; reason: CheckoutRefusal; limit?: number };

export interface CardGiftInput {
	needId: string | null;
	amount: number;
	donor: { id: string | null; name: string | null; email: string | null; address: string | null };
	/**
	 * The donor ticked "give anonymously": the gift keeps no details, not even those given to Stripe
	 * Checkout. When not said, a gift with no details typed is taken as anonymous (the careful reading);
	 * otherwise Checkout's e-mail and name fill in what the form left empty.
	 */
	anonymous?: boolean;
	locale: 'cs' | 'en';
	/** where Stripe sends the donor back: `${origin}/give/card/...` */
	origin: string;
	/** what the donor reads on Stripe's page: never a need's text, only its number */
	description: string;
	/** the donor asked for an e-mail when the help arrives and when its story is published (mail/need-news.ts) */
	news?: boolean;
	/**
	 * the donor chose to give more than the collection misses (payments/giving.ts planGift): the session
	 * holds only what is missing, and the webhook books the rest to the general fund (receiveGift)
	 */
	allowOverflow?: boolean;
}

/** What open sessions hold of a collection now. */
export async function heldFor(db: Queryable, needId: string): Promise<number> {
	const [row] = await db<{ held: number }[]>`
		select coalesce(sum(coalesce(reserved_amount, amount)), 0)::bigint as held from card_checkouts
		where need_id = ${needId} and status in ('creating', 'open', 'unpaid') and reserved_until > now()`;
	return row!.held;
}

export async function createCardGift(db: Db, stripe: Stripe, input: CardGiftInput): Promise<CheckoutResult> {
	if (!Number.isSafeInteger(input.amount) || input.amount < MIN_CARD_AMOUNT || input.amount > MAX_CARD_AMOUNT)
		return { ok: false, reason: 'invalid_amount' };
	if (input.needId !== null && !isUuid(input.needId)) return { ok: false, reason: 'not_found' };
	const { name, email, address } = input.donor;
	const anonymous = input.anonymous ?? (name === null && email === null && address === null);
	const reserved = await db.begin(async (tx) => {
		let holds: number | null = null;
		if (input.needId !== null) {
			const need = await selectNeed(tx, input.needId, true);
			const money = need ? await needMoney(tx, need.id) : null;
			if (!need || !money || !collectionForms.has(money.form))
				return { ok: false as const, reason: 'not_found' as const };
			if (!fundingStates.has(need.status) || money.missing <= 0)
				return { ok: false as const, reason: 'collection_closed' as const };
			const free = money.missing - (await heldFor(tx, need.id));
			if (input.amount > free && !(input.allowOverflow && free > 0))
				return { ok: false as const, reason: 'over_missing' as const, limit: Math.max(0, free) };
			if (input.amount > free) holds = free;
		}
		const [row] = await tx<{ id: string }[]>`
			insert into card_checkouts (purpose, need_id, amount, donor_id, donor_name, donor_email, donor_address, anonymous,
				reserved_until, news, locale, reserved_amount)
			values ('gift', ${input.needId}, ${input.amount}, ${input.donor.id}, ${anonymous ? null : name},
				${anonymous ? null : email}, ${anonymous ? null : address}, ${anonymous},
				now() + ${`${SESSION_MINUTES} minutes`}::interval, ${input.news ?? false}, ${input.locale}, ${holds})
			returning id`;
		return { ok: true as const, id: row!.id };
	});
	if (!reserved.ok) return reserved;
	return openSession(db, stripe, reserved.id, {
		mode: 'payment',
		locale: input.locale,
		customer_email: (anonymous ? null : email) ?? undefined,
		submit_type: 'donate',
		line_items: [
			{
				quantity: 1,
				price_data: { currency: 'czk', unit_amount: input.amount, product_data: { name: input.description } }
			}
		],
		payment_intent_data: { metadata: { checkout_id: reserved.id } },
		success_url: `${input.origin}/give/card/thanks?session={CHECKOUT_SESSION_ID}`,
		cancel_url: `${input.origin}/give/card/cancelled`
	});
}

export interface DuesInput {
	memberId: string;
	email: string;
	amount: number;
	interval: 'month' | 'year';
	locale: 'cs' | 'en';
	origin: string;
	description: string;
}

/** A member's dues as a Stripe subscription, monthly or yearly. */
export async function createDuesSubscription(
	db: Db,
	stripe: Stripe,
	input: DuesInput
): Promise<CheckoutResult> {
	if (!Number.isSafeInteger(input.amount) || input.amount < MIN_CARD_AMOUNT || input.amount > 10_000_000)
		return { ok: false, reason: 'invalid_amount' };
	const [row] = await db<{ id: string }[]>`
		insert into card_checkouts (purpose, amount, interval, donor_id, donor_email)
		values ('dues', ${input.amount}, ${input.interval}, ${input.memberId}, ${input.email})
		returning id`;
	return openSession(db, stripe, row!.id, {
		mode: 'subscription',
		locale: input.locale,
		customer_email: input.email,
		line_items: [
			{
				quantity: 1,
				price_data: {
					currency: 'czk',
					unit_amount: input.amount,
					recurring: { interval: input.interval },
					product_data: { name: input.description }
				}
			}
		],
		subscription_data: { metadata: { checkout_id: row!.id } },
		success_url: `${input.origin}/dues?paid={CHECKOUT_SESSION_ID}`,
		cancel_url: `${input.origin}/dues`
	});
}

/** Asks Stripe for the session (idempotently, keyed by our id) and keeps its id; a failure frees the hold. */
async function openSession(
	db: Db,
	stripe: Stripe,
	checkoutId: string,
	params: Stripe.Checkout.SessionCreateParams
): Promise<CheckoutResult> {
	let session: Stripe.Checkout.Session;
	try {
		session = await stripe.checkout.sessions.create(
			{
				...params,
				client_reference_id: checkoutId,
				// opaque ids only: nothing about a family or a need's text ever goes to Stripe
				metadata: { checkout_id: checkoutId },
				expires_at: Math.floor(Date.now() / 1000) + SESSION_MINUTES * 60
			},
			{ idempotencyKey: `checkout-${checkoutId}` }
		);
	} catch {
		await db`update card_checkouts set status = 'failed', reserved_until = null, updated_at = now() where id = ${checkoutId}`;
		return { ok: false, reason: 'stripe_unavailable' };
	}
	await db`
		update card_checkouts set stripe_session_id = ${session.id}, status = 'open',
			reserved_until = case when need_id is null then null else to_timestamp(${session.expires_at}) end, updated_at = now()
		where id = ${checkoutId} and status = 'creating'`;
	return { ok: true, url: session.url! };
}

export interface MemberSubscription {
	id: string;
	interval: 'month' | 'year';
	amount: number;
	status: string;
	cancelAtPeriodEnd: boolean;
	currentPeriodEnd: Date | null;
}

export async function listMemberSubscriptions(
	db: Queryable,
	memberId: string
): Promise<MemberSubscription[]> {
	return db<MemberSubscription[]>`
		select id, interval, amount, status, cancel_at_period_end as "cancelAtPeriodEnd",
			current_period_end as "currentPeriodEnd"
		from subscriptions where member_id = ${memberId} order by created_at desc`;
}

/**
 * The member cancels their dues at the end of the paid period. Stripe confirms it with
 * customer.subscription.updated; the row is updated now too so the page shows it at once.
 */
export async function cancelDues(
	db: Db,
	stripe: Stripe,
	memberId: string,
	subscriptionId: string
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'stripe_unavailable' }> {
	if (!isUuid(subscriptionId)) return { ok: false, reason: 'not_found' };
	const [row] = await db<{ stripe_subscription_id: string }[]>`
		select stripe_subscription_id from subscriptions
		where id = ${subscriptionId} and member_id = ${memberId} and status <> 'canceled'`;
	if (!row) return { ok: false, reason: 'not_found' };
	try {
		await stripe.subscriptions.update(
			row.stripe_subscription_id,
			{ cancel_at_period_end: true },
			{ idempotencyKey: `cancel-${subscriptionId}` }
		);
	} catch {
		return { ok: false, reason: 'stripe_unavailable' };
	}
	await db`update subscriptions set cancel_at_period_end = true, updated_at = now() where id = ${subscriptionId}`;
	return { ok: true };
}
