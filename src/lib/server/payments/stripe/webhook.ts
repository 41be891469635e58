import type Stripe from 'stripe';
import { formatCzk } from '$lib/money';
import { audit } from '../../audit';
import type { Actor } from '../../core/actor';
import type { Context } from '../../core/context';
import type { Tx } from '../../db/client';
import { receiveGift } from '../../ledger/funding';
import { queueMail } from '../../mail/outbox';
import { mailLink, type Locale } from '../../mail/templates';
import { disputeClosed, disputeCreated } from './disputes';
import { donorOfSession } from './donor-details';
import { donationOfPayment, pragueDayOf, takeBackCardGift } from './card-donations';

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
			await sessionSettled(ctx, event.data.object, event.created);
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
			await chargeRefunded(tx, event.data.object, event.created);
			return true;
		case 'charge.dispute.created':
			await disputeCreated(tx, event.data.object, event.created);
			return true;
		case 'charge.dispute.closed':
			await disputeClosed(tx, event.data.object, event.created);
			return true;
		// charge.dispute.funds_withdrawn, funds_reinstated and updated: ignored on purpose, see disputes.ts
		case 'invoice.paid':
			await invoicePaid(ctx, event.data.object, event.created);
			return true;
		case 'invoice.payment_failed':
			await invoiceFailed(ctx, event.data.object, event.created);
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
	anonymous: boolean;
	status: string;
	/** a split gift (payments/giving.ts): what the collection held, and so all it gets */
	reserved_amount: number | null;
}

/** Our checkout of a session: by the opaque id we gave Stripe, locked for this transaction. */
async function checkoutOf(tx: Tx, session: Stripe.Checkout.Session): Promise<CheckoutRow | null> {
	const id = session.metadata?.checkout_id ?? session.client_reference_id;
	if (!id || !/^[0-9a-f-]{36}$/.test(id)) return null;
	const [row] = await tx<CheckoutRow[]>`
		select id, purpose, need_id, amount, interval, donor_id, donor_name, donor_email, donor_address, anonymous, status,
			reserved_amount
		from card_checkouts where id = ${id} for update`;
	return row ?? null;
}

const idOf = (value: string | { id: string } | null | undefined) =>
	typeof value === 'string' ? value : (value?.id ?? null);

/**
 * A session completed or its delayed payment succeeded. The gift is recorded when the session says it
 * is paid, once per checkout (the donation is unique per checkout); a session completed but still
 * unpaid waits for async_payment_succeeded. A paid checkout never goes back.
 *
 * The gift is dated by the Prague calendar day the payment succeeded, which decides the year of the
 * donor's confirmation of gifts. The session carries no time of payment (its `created` is when the
 * donor opened it, possibly days or years before a bank debit settled), so the time is the event's:
 * Stripe creates checkout.session.completed with payment_status 'paid' when a card payment succeeds,
 * and async_payment_succeeded when a delayed one does. A redelivery carries the same `created`.
 */
async function sessionSettled(
	ctx: Context<Actor, Tx>,
	session: Stripe.Checkout.Session,
	succeededAt: number
) {
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
		donor: { id: checkout.donor_id, ...donorOf(checkout, session) },
		receivedOn: pragueDayOf(succeededAt),
		note: null,
		// the language Checkout was opened in (Spolu opens it in the page's language) thanks the donor
		locale: session.locale === 'en' ? 'en' : null,
		maxToNeed: checkout.reserved_amount
	});
	await tx`
		update donations set card_checkout_id = ${checkout.id}, payment_intent = ${paymentIntent}
		where id = ${gift.donationId}`;
	await tx`
		update card_checkouts set status = 'paid', reserved_until = null, payment_intent = ${paymentIntent}, updated_at = now()
		where id = ${checkout.id}`;
}

/** Who gave: what the donor typed into Spolu's form, Checkout's details where it had none (never for an anonymous gift). */
function donorOf(checkout: CheckoutRow, session: Stripe.Checkout.Session) {
	const typed = { name: checkout.donor_name, email: checkout.donor_email, address: checkout.donor_address };
	return checkout.anonymous ? typed : donorOfSession(typed, session.customer_details);
}

/** A session expired or its delayed payment failed: its hold on the collection ends. */
async function sessionEnded(tx: Tx, session: Stripe.Checkout.Session, status: 'expired' | 'failed') {
	const checkout = await checkoutOf(tx, session);
	if (!checkout || checkout.status === 'paid') return;
	await tx`update card_checkouts set status = ${status}, reserved_until = null, updated_at = now() where id = ${checkout.id}`;
}

/**
 * A charge was refunded, wholly or in part. The charge carries the total refunded so far, so the
 * difference to the refunds already reversed is reversed now — a redelivered or older event adds nothing.
 * A lost dispute is no refund: Stripe counts it apart from amount_refunded, and so does `dispute_lost`
 * here; together they never take back more than the gift.
 */
async function chargeRefunded(tx: Tx, charge: Stripe.Charge, created: number) {
	const donation = await donationOfPayment(tx, charge);
	if (!donation) return;
	const refundedBefore = donation.refunded - donation.dispute_lost;
	const total = Math.min(charge.amount_refunded, donation.amount - donation.dispute_lost);
	const delta = total - refundedBefore;
	if (delta <= 0) return;
	await takeBackCardGift(tx, donation, delta, { memo: 'card refund', occurredOn: pragueDayOf(created) });
	await audit(tx, {
		actorId: null,
		action: 'ledger.card_refunded',
		targetType: 'donation',
		targetId: donation.id,
		details: { amount: delta, total }
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
		select id, purpose, need_id, amount, interval, donor_id, donor_name, donor_email, donor_address, anonymous, status,
			reserved_amount
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

/** Dues paid: one gift per invoice, to the general fund, from the member, on the Prague day it was paid. */
async function invoicePaid(ctx: Context<Actor, Tx>, invoice: Stripe.Invoice, created: number) {
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
		// the invoice's own time of payment; an invoice is created before its (possibly retried) payment
		receivedOn: pragueDayOf(invoice.status_transitions?.paid_at ?? created)
	});
	await tx`update donations set stripe_invoice_id = ${invoice.id} where id = ${gift.donationId}`;
}

/** A dues payment failed: the subscription is past due, and the member is told once per invoice. */
async function invoiceFailed(ctx: Context<Actor, Tx>, invoice: Stripe.Invoice, created: number) {
	const tx = ctx.db;
	const { subscription, checkoutId } = invoiceSubscription(invoice);
	if (!subscription) return;
	const checkout = await checkoutById(tx, checkoutId);
	if (checkout) await linkSubscription(tx, checkout, subscription, idOf(invoice.customer));
	await tx`
		update subscriptions set status = 'past_due', updated_at = now()
		where stripe_subscription_id = ${subscription} and status <> 'canceled' and synced_at <= to_timestamp(${created})`;
	await tellDuesFailed(ctx, invoice, subscription);
}

/**
 * One e-mail per failed invoice, not per attempt: Stripe sends invoice.payment_failed for every retry
 * of the same invoice (attempt_count 1, 2, 3 … under new event ids, for up to weeks), and a member
 * needs to hear once that their card did not pay. The notice row, written with the e-mail in this
 * transaction, is what makes it once; the subscription's row lock orders two attempts arriving at once.
 * No e-mail for an invoice already paid (its invoice.paid came first), a cancelled subscription or a
 * member who is not active.
 */
async function tellDuesFailed(ctx: Context<Actor, Tx>, invoice: Stripe.Invoice, subscription: string) {
	const tx = ctx.db;
	if (!invoice.id || invoice.status === 'paid' || invoice.amount_due <= 0) return;
	const [member] = await tx<{ subscriptionId: string; email: string; locale: Locale }[]>`
		select s.id as "subscriptionId", u.email, u.locale
		from subscriptions s join users u on u.id = s.member_id
		where s.stripe_subscription_id = ${subscription} and s.status <> 'canceled' and u.status = 'active'
		for update of s`;
	if (!member) return;
	const [told] = await tx`select 1 from dues_failure_notices where stripe_invoice_id = ${invoice.id}`;
	const [paid] = await tx`select 1 from donations where stripe_invoice_id = ${invoice.id}`;
	if (told || paid) return;
	const outboxId = await queueMail(tx, {
		to: member.email,
		locale: member.locale,
		template: 'due_failed',
		params: { amount: formatCzk(invoice.amount_due, member.locale), url: mailLink(ctx.origin, '/dues') }
	});
	await tx`
		insert into dues_failure_notices (stripe_invoice_id, subscription_id, outbox_id)
		values (${invoice.id}, ${member.subscriptionId}, ${outboxId})`;
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
