import type Stripe from 'stripe';
import type { Db } from '../../db/client';

/*
 * Stripe events for the webhook's tests, written from Stripe's documented object shapes (API version
 * 2026-10-28): only the fields the webhook reads, plus the ones that tell the objects apart.
 */

let counter = 0;
export const now = () => Math.floor(Date.now() / 1000);
/** Unix seconds of an ISO instant: `at('2026-12-31T23:30:00Z')`. */
export const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** An event as Stripe sends it: a fresh id each time, so the same object may arrive in several. */
export function event<T>(type: string, object: T, created = now()): Stripe.Event {
	return {
		id: `evt_test${++counter}x${Math.random().toString(36).slice(2, 8)}`,
		object: 'event',
		type,
		created,
		api_version: '2026-10-28.endive',
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		data: { object }
	} as unknown as Stripe.Event;
}

export interface CheckoutDonor {
	id?: string | null;
	name?: string | null;
	email?: string | null;
	address?: string | null;
	anonymous?: boolean;
}

/** An open card checkout as createCardGift leaves it (dues: the member's). */
export async function cardCheckout(
	sql: Db,
	amount: number,
	options: { needId?: string | null; dues?: { memberId: string }; donor?: CheckoutDonor } = {}
): Promise<string> {
	const dues = options.dues ?? null;
	const donor = options.donor ?? { name: 'Eva Dárcová' };
	const [row] = await sql<{ id: string }[]>`
		insert into card_checkouts (purpose, need_id, amount, interval, donor_id, donor_name, donor_email, donor_address,
			anonymous, status, reserved_until)
		values (${dues ? 'dues' : 'gift'}, ${options.needId ?? null}, ${amount}, ${dues ? 'month' : null},
			${dues?.memberId ?? donor.id ?? null}, ${dues ? null : (donor.name ?? null)}, ${dues ? null : (donor.email ?? null)},
			${dues ? null : (donor.address ?? null)}, ${donor.anonymous ?? false}, 'open', now() + interval '30 minutes')
		returning id`;
	return row!.id;
}

export const paymentIntentOf = (checkoutId: string) => `pi_${checkoutId.slice(0, 8)}`;

/** A Checkout session of a payment-mode checkout, paid or (a delayed method) not yet. */
export const session = (
	checkoutId: string,
	amount: number,
	paid: boolean,
	more: Record<string, unknown> = {}
) => ({
	id: `cs_test_${checkoutId.slice(0, 8)}`,
	object: 'checkout.session',
	mode: 'payment',
	status: 'complete',
	payment_status: paid ? 'paid' : 'unpaid',
	amount_total: amount,
	currency: 'czk',
	created: now(),
	metadata: { checkout_id: checkoutId },
	client_reference_id: checkoutId,
	customer_details: null,
	payment_intent: paymentIntentOf(checkoutId),
	...more
});

/** A charge of the checkout's payment, `refunded` of it refunded so far. */
export const charge = (checkoutId: string, amount: number, refunded = 0) => ({
	id: `ch_${checkoutId.slice(0, 8)}`,
	object: 'charge',
	payment_intent: paymentIntentOf(checkoutId),
	amount,
	amount_refunded: refunded,
	refunded: refunded === amount,
	disputed: false
});

/** A dispute's balance transaction: the amount withdrawn (negative) or reinstated, and Stripe's fee. */
export const balanceTransaction = (amount: number, fee = 0, currency = 'czk') => ({
	id: `txn_${Math.random().toString(36).slice(2, 12)}`,
	object: 'balance_transaction',
	amount,
	currency,
	fee,
	net: amount - fee,
	type: 'adjustment'
});

/** A dispute of the checkout's payment, in the given state. */
export const dispute = (
	checkoutId: string,
	amount: number,
	status: string,
	more: { id?: string; balance_transactions?: unknown[]; reason?: string; created?: number } = {}
) => ({
	id: more.id ?? `dp_${checkoutId.slice(0, 8)}`,
	object: 'dispute',
	amount,
	charge: `ch_${checkoutId.slice(0, 8)}`,
	payment_intent: paymentIntentOf(checkoutId),
	currency: 'czk',
	created: more.created ?? now(),
	reason: more.reason ?? 'fraudulent',
	status,
	is_charge_refundable: false,
	balance_transactions: more.balance_transactions ?? []
});
