import type Stripe from 'stripe';
import { audit } from '../../audit';
import type { Actor } from '../../core/actor';
import type { Context } from '../../core/context';
import type { Tx } from '../../db/client';
import { receiveGift } from '../../ledger/funding';
import { FUND, incomeAccount, lockedBalance, needAccount, postTransaction } from '../../ledger/ledger';

/*
 * Stripe's webhooks are the only source of truth for card money. Each event is handled once: its id is
 * written in the same transaction as its effect, so a redelivery (or twenty at once) finds it and does
 * nothing, and an effect that fails leaves no id behind and the redelivery tries again. Events may arrive
 * in any order, so each handler looks at the state of the object it carries — a session that says paid,
 * a charge's total refunded — and never assumes an earlier event came first.
 */

type Handled = 'processed' | 'duplicate' | 'ignored';

export async function handleStripeEvent(ctx: Context, event: Stripe.Event): Promise<Handled> {
	return ctx.db.begin(async (tx) => {
		const [fresh] = await tx`
			insert into stripe_events (id, type) values (${event.id}, ${event.type})
			on conflict (id) do nothing returning id`;
		if (!fresh) return 'duplicate';
		const handled = await apply({ ...ctx, db: tx }, event);
		return handled ? 'processed' : 'ignored';
	});
}

async function apply(ctx: Context<Actor, Tx>, event: Stripe.Event): Promise<boolean> {
	const tx = ctx.db;
	switch (event.type) {
		case 'checkout.session.completed':
		case 'checkout.session.async_payment_succeeded':
			await sessionSettled(ctx, event.data.object);
			return true;
		case 'checkout.session.async_payment_failed':
		case 'checkout.session.expired':
			await sessionEnded(
				tx,
				event.data.object,
				event.type === 'checkout.session.expired' ? 'expired' : 'failed'
			);
			return true;
		case 'charge.refunded':
			await chargeRefunded(tx, event.data.object);
			return true;
		case 'charge.dispute.created':
			await disputeCreated(tx, event.data.object);
			return true;
		case 'invoice.paid':
			await invoicePaid(ctx, event.data.object);
			return true;
		case 'invoice.payment_failed':
			await invoiceFailed(tx, event.data.object, event.created);
			return true;
		case 'customer.subscription.created':
		case 'customer.subscription.updated':
		case 'customer.subscription.deleted':
			await subscriptionChanged(tx, event.data.object, event.created);
			return true;
		default:
			return false;
	}
}

interface CheckoutRow {
	id: string;
	purpose: 'gift' | 'dues';
	need_id: string | null;
	amount: number;
	interval: 'month' | 'year' | null;
	donor_id: string | null;
	donor_name: string | null;
	donor_email: string | null;
	donor_address: string | null;
	status: string;
}

/** Our checkout of a session: by the opaque id we gave Stripe, locked for this transaction. */
async function checkoutOf(tx: Tx, session: Stripe.Checkout.Session): Promise<CheckoutRow | null> {
	const id = session.metadata?.checkout_id ?? session.client_reference_id;
	if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
	const [row] = await tx<CheckoutRow[]>`
		select id, purpose, need_id, amount, interval, donor_id, donor_name, donor_email, donor_address, status
		from card_checkouts where id = ${id} for update`;
	return row ?? null;
}

const idOf = (value: string | { id: string } | null | undefined) =>
	typeof value === 'string' ? value : (value?.id ?? null);

const dayOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);

/**
 * A session completed or its delayed payment succeeded. The gift is recorded when the session says it
 * is paid, once per checkout (the donation is unique per checkout); a session completed but still
 * unpaid waits for async_payment_succeeded. A paid checkout never goes back.
 */
async function sessionSettled(ctx: Context<Actor, Tx>, session: Stripe.Checkout.Session) {
	const tx = ctx.db;
	const checkout = await checkoutOf(tx, session);
	if (!checkout) return;
	if (session.mode === 'subscription') {
		await linkSubscription(tx, checkout, idOf(session.subscription), idOf(session.customer));
		await tx`update card_checkouts set status = 'paid', reserved_until = null, updated_at = now() where id = ${checkout.id}`;
		return;
	}
	const paymentIntent = idOf(session.payment_intent);
	if (session.payment_status !== 'paid') {
		await tx`
			update card_checkouts set status = 'unpaid', payment_intent = coalesce(payment_intent, ${paymentIntent}), updated_at = now()
			where id = ${checkout.id} and status in ('creating', 'open')`;
		return;
	}
	if (checkout.status === 'paid') return;
	const paidAmount = session.amount_total ?? checkout.amount;
	const gift = await receiveGift(ctx, {
		channel: 'card',
		amount: paidAmount,
		needId: checkout.need_id,
		donor: {
			id: checkout.donor_id,
			name: checkout.donor_name,
			email: checkout.donor_email,
			address: checkout.donor_address
		},
		receivedOn: dayOf(session.created),
		note: null
	});
	await tx`
		update donations set card_checkout_id = ${checkout.id}, payment_intent = ${paymentIntent}
		where id = ${gift.donationId}`;
	await tx`
		update card_checkouts set status = 'paid', reserved_until = null, payment_intent = ${paymentIntent}, updated_at = now()
		where id = ${checkout.id}`;
}

/** A session expired or its delayed payment failed: its hold on the collection ends. */
async function sessionEnded(tx: Tx, session: Stripe.Checkout.Session, status: 'expired' | 'failed') {
	const checkout = await checkoutOf(tx, session);
	if (!checkout || checkout.status === 'paid') return;
	await tx`update card_checkouts set status = ${status}, reserved_until = null, updated_at = now() where id = ${checkout.id}`;
}

interface DonationRow {
	id: string;
	amount: number;
	need_id: string | null;
	to_fund: number;
	refunded: number;
	transaction_id: string;
}

async function donationOfCharge(tx: Tx, charge: { payment_intent?: unknown }): Promise<DonationRow | null> {
	const paymentIntent = idOf(charge.payment_intent as string | { id: string } | null);
	if (!paymentIntent) return null;
	const [row] = await tx<DonationRow[]>`
		select id, amount, need_id, to_fund, refunded, transaction_id from donations
		where payment_intent = ${paymentIntent} for update`;
	return row ?? null;
}

/**
 * A charge was refunded, wholly or in part. The charge carries the total refunded so far, so the
 * difference to what was already reversed is reversed now — a redelivered or older event adds nothing.
 * The money leaves the general fund's share of the gift first, then the need's; what the need has already
 * spent comes from the fund.
 */
async function chargeRefunded(tx: Tx, charge: Stripe.Charge) {
	const donation = await donationOfCharge(tx, charge);
	if (!donation) return;
	const total = Math.min(charge.amount_refunded, donation.amount);
	const delta = total - donation.refunded;
	if (delta <= 0) return;
	const fromFundShare = Math.min(delta, Math.max(0, donation.to_fund - donation.refunded));
	let fromNeed = delta - fromFundShare;
	if (fromNeed > 0 && donation.need_id) {
		await tx`select id from needs where id = ${donation.need_id} for update`;
		const held = await lockedBalance(tx, needAccount(donation.need_id));
		fromNeed = Math.min(fromNeed, held);
	} else fromNeed = 0;
	const fromFund = delta - fromNeed;
	await postTransaction(tx, {
		kind: 'refund',
		needId: donation.need_id,
		memo: 'card refund',
		reverses: null,
		entries: [
			{ account: incomeAccount('card'), amount: delta },
			...(fromNeed ? [{ account: needAccount(donation.need_id!), amount: -fromNeed }] : []),
			...(fromFund ? [{ account: FUND, amount: -fromFund }] : [])
		]
	});
	await tx`update donations set refunded = ${total} where id = ${donation.id}`;
	await audit(tx, {
		actorId: null,
		action: 'ledger.card_refunded',
		targetType: 'donation',
		targetId: donation.id,
		details: { amount: delta, total }
	});
}

/** A donor disputed a card payment: the gift is flagged for the coordinator (the money stays until Stripe decides). */
async function disputeCreated(tx: Tx, dispute: Stripe.Dispute) {
	const donation = await donationOfCharge(tx, dispute);
	if (!donation) return;
	await tx`
		update donations set disputed_at = coalesce(disputed_at, now()), dispute_reason = ${dispute.reason.slice(0, 100)}
		where id = ${donation.id}`;
	await audit(tx, {
		actorId: null,
		action: 'ledger.card_disputed',
		targetType: 'donation',
		targetId: donation.id,
		details: { reason: dispute.reason, amount: dispute.amount }
	});
}

/** The subscription an invoice belongs to, and the checkout that started it (from its metadata). */
function invoiceSubscription(invoice: Stripe.Invoice): {
	subscription: string | null;
	checkoutId: string | null;
} {
	const details = invoice.parent?.subscription_details;
	const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
	return {
		subscription: idOf(details?.subscription ?? legacy ?? null),
		checkoutId: details?.metadata?.checkout_id ?? null
	};
}

async function checkoutById(tx: Tx, id: string | null): Promise<CheckoutRow | null> {
	if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
	const [row] = await tx<CheckoutRow[]>`
		select id, purpose, need_id, amount, interval, donor_id, donor_name, donor_email, donor_address, status
		from card_checkouts where id = ${id} for update`;
	return row ?? null;
}

/** Creates our subscription row the first time any event names it. */
async function linkSubscription(
	tx: Tx,
	checkout: CheckoutRow,
	subscriptionId: string | null,
	customer: string | null
) {
	if (!subscriptionId || checkout.purpose !== 'dues' || !checkout.donor_id) return;
	await tx`
		insert into subscriptions (member_id, checkout_id, stripe_subscription_id, stripe_customer_id, interval, amount, status)
		values (${checkout.donor_id}, ${checkout.id}, ${subscriptionId}, ${customer}, ${checkout.interval ?? 'month'},
			${checkout.amount}, 'incomplete')
		on conflict (stripe_subscription_id) do update set
			stripe_customer_id = coalesce(subscriptions.stripe_customer_id, excluded.stripe_customer_id)`;
}

/** Dues paid: one gift per invoice, to the general fund, from the member. */
async function invoicePaid(ctx: Context<Actor, Tx>, invoice: Stripe.Invoice) {
	const tx = ctx.db;
	if (invoice.amount_paid <= 0 || !invoice.id) return;
	const { subscription, checkoutId } = invoiceSubscription(invoice);
	const checkout = await checkoutById(tx, checkoutId);
	if (checkout) await linkSubscription(tx, checkout, subscription, idOf(invoice.customer));
	const [member] = await tx<{ member_id: string }[]>`
		select member_id from subscriptions where stripe_subscription_id = ${subscription}`;
	const [seen] = await tx`select 1 from donations where stripe_invoice_id = ${invoice.id}`;
	if (!member || seen) return;
	const gift = await receiveGift(ctx, {
		channel: 'card',
		purpose: 'dues',
		amount: invoice.amount_paid,
		needId: null,
		donor: { id: member.member_id },
		receivedOn: dayOf(invoice.status_transitions?.paid_at ?? invoice.created)
	});
	await tx`update donations set stripe_invoice_id = ${invoice.id} where id = ${gift.donationId}`;
}

async function invoiceFailed(tx: Tx, invoice: Stripe.Invoice, created: number) {
	const { subscription } = invoiceSubscription(invoice);
	if (!subscription) return;
	await tx`
		update subscriptions set status = 'past_due', updated_at = now()
		where stripe_subscription_id = ${subscription} and status <> 'canceled' and synced_at <= to_timestamp(${created})`;
}

/**
 * The subscription's state as Stripe reports it, applied only when the event is not older than the last
 * one applied; a cancelled subscription stays cancelled.
 */
async function subscriptionChanged(tx: Tx, subscription: Stripe.Subscription, created: number) {
	const checkout = await checkoutById(tx, subscription.metadata?.checkout_id ?? null);
	if (checkout) await linkSubscription(tx, checkout, subscription.id, idOf(subscription.customer));
	const periodEnd = subscription.items?.data?.[0]?.current_period_end ?? null;
	await tx`
		update subscriptions set status = ${subscription.status}, cancel_at_period_end = ${subscription.cancel_at_period_end},
			current_period_end = case when ${periodEnd}::bigint is null then current_period_end else to_timestamp(${periodEnd}::bigint) end,
			synced_at = to_timestamp(${created}), updated_at = now()
		where stripe_subscription_id = ${subscription.id} and status <> 'canceled' and synced_at <= to_timestamp(${created})`;
}
