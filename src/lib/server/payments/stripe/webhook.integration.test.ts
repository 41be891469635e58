import {
	contextFor,
	lastMailId,
	mailLinksAfter,
	publicEnvironment,
	systemContextFor
} from '../../needs/test-factory';
import Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { allocateFromFund, needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { decidedNeed, fillFund, moneyTestDatabase } from '../../ledger/test-factory';
import type { People } from '../../needs/test-factory';
import { channelTotals } from '../../ledger/reports';
import { listDonorsForYear } from '../receipts/confirmations';
import { verifyStripeEvent } from './client';
import { handleStripeEvent } from './webhook';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
const stripe = new Stripe('sk_test_spolu', { maxNetworkRetries: 0, telemetry: false });
const SECRET = 'whsec_spolutest';
beforeEach(() => {
	({ sql, p } = t);
});

let counter = 0;
const now = () => Math.floor(Date.now() / 1000);
function event<T>(type: string, object: T, created = now()): Stripe.Event {
	return {
		id: `evt_test${++counter}x${Math.random().toString(36).slice(2, 8)}`,
		object: 'event',
		type,
		created,
		api_version: '2026-01-01',
		livemode: false,
		pending_webhooks: 1,
		request: { id: null, idempotency_key: null },
		data: { object }
	} as unknown as Stripe.Event;
}

async function checkout(amount: number, needId: string | null = null, purpose: 'gift' | 'dues' = 'gift') {
	const [row] = await sql<{ id: string }[]>`
		insert into card_checkouts (purpose, need_id, amount, interval, donor_id, donor_name, status, reserved_until)
		values (${purpose}, ${needId}, ${amount}, ${purpose === 'dues' ? 'month' : null},
			${purpose === 'dues' ? p.member.id : null}, ${purpose === 'gift' ? 'Eva Dárcová' : null}, 'open',
			now() + interval '30 minutes')
		returning id`;
	return row!.id;
}

const session = (checkoutId: string, amount: number, paid: boolean, more: Record<string, unknown> = {}) => ({
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
	payment_intent: `pi_${checkoutId.slice(0, 8)}`,
	...more
});

const count = async (table: string) =>
	(await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('webhook signatures', () => {
	it('accepts Stripe’s signature only: forged, altered, stale and missing ones are refused', () => {
		const payload = JSON.stringify(event('checkout.session.completed', { id: 'cs_x' }));
		const good = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
		expect(verifyStripeEvent(stripe, payload, good, SECRET)?.type).toBe('checkout.session.completed');
		const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
		expect(verifyStripeEvent(stripe, payload, forged, SECRET)).toBeNull();
		expect(verifyStripeEvent(stripe, payload.replace('cs_x', 'cs_y'), good, SECRET)).toBeNull();
		const stale = stripe.webhooks.generateTestHeaderString({
			payload,
			secret: SECRET,
			timestamp: now() - 600
		});
		expect(verifyStripeEvent(stripe, payload, stale, SECRET)).toBeNull();
		expect(verifyStripeEvent(stripe, payload, null, SECRET)).toBeNull();
	});
});

describe('card gifts from webhooks', () => {
	it('records money once when one event arrives twenty times at once', async () => {
		const id = await checkout(50_000);
		const paid = event('checkout.session.completed', session(id, 50_000, true));
		const clients = Array.from({ length: 10 }, () => t.db.connect({ max: 2 }));
		const outcomes = await Promise.all(
			Array.from({ length: 20 }, (_, i) => handleStripeEvent(systemContextFor(clients[i % 10]!), paid))
		);
		expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
		expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(19);
		expect(await count('donations')).toBe(1);
		expect(await fundBalance(sql)).toBe(50_000);
		// the same session in another event (Stripe may send both completed and async_succeeded) adds nothing
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.async_payment_succeeded', session(id, 50_000, true))
		);
		expect(await count('donations')).toBe(1);
	});

	it('ends with one paid gift whatever the order of completed, async success and expiry', async () => {
		const id = await checkout(30_000);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.async_payment_succeeded', session(id, 30_000, true))
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 30_000, false))
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.expired', session(id, 30_000, false, { status: 'expired' }))
		);
		const [row] = await sql`select status from card_checkouts where id = ${id}`;
		expect(row!.status).toBe('paid');
		expect(await count('donations')).toBe(1);

		// a delayed payment: completed unpaid, then failed — nothing recorded, the hold released
		const other = await checkout(20_000);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(other, 20_000, false))
		);
		expect((await sql`select status from card_checkouts where id = ${other}`)[0]!.status).toBe('unpaid');
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.async_payment_failed', session(other, 20_000, false))
		);
		const [failed] = await sql`select status, reserved_until from card_checkouts where id = ${other}`;
		expect(failed).toEqual({ status: 'failed', reserved_until: null });
		expect(await count('donations')).toBe(1);
	});

	it('sends a card gift that arrives after the collection is full to the general fund', async () => {
		const needId = await decidedNeed(sql, p, 40_000, 'collection');
		const first = await checkout(30_000, needId);
		const second = await checkout(30_000, needId);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(first, 30_000, true))
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(second, 30_000, true))
		);
		expect((await needMoney(sql, needId))!.raised).toBe(40_000);
		expect(await fundBalance(sql)).toBe(20_000);
	});

	it('answers a failure by rolling back, and the redelivery succeeds', async () => {
		const id = await checkout(50_000);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 50_000, true))
		);
		// the gift went to the fund, and the fund was spent meanwhile: the refund cannot be taken yet
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 50_000);
		const refund = event('charge.refunded', {
			id: 'ch_1',
			object: 'charge',
			payment_intent: `pi_${id.slice(0, 8)}`,
			amount: 50_000,
			amount_refunded: 50_000,
			refunded: true
		});
		await expect(handleStripeEvent(systemContextFor(sql), refund)).rejects.toThrow();
		expect(await count('stripe_events')).toBe(1); // only the completed event
		const [before] = await sql`select refunded from donations`;
		expect(before!.refunded).toBe(0);
		await fillFund(sql, 50_000);
		expect(await handleStripeEvent(systemContextFor(sql), refund)).toBe('processed');
		expect(await fundBalance(sql)).toBe(0);
	});

	it('reverses a refund exactly once, partial refunds adding up and late events adding nothing', async () => {
		const needId = await decidedNeed(sql, p, 40_000, 'collection');
		const id = await checkout(50_000, needId);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 50_000, true))
		);
		expect(await fundBalance(sql)).toBe(10_000);
		const charge = (refunded: number) => ({
			id: 'ch_2',
			object: 'charge',
			payment_intent: `pi_${id.slice(0, 8)}`,
			amount: 50_000,
			amount_refunded: refunded,
			refunded: refunded === 50_000
		});
		const partial = event('charge.refunded', charge(15_000), now() - 10);
		const full = event('charge.refunded', charge(50_000), now());
		await handleStripeEvent(systemContextFor(sql), partial);
		// the fund's share goes back first
		expect(await fundBalance(sql)).toBe(0);
		expect((await needMoney(sql, needId))!.raised).toBe(35_000);
		await handleStripeEvent(systemContextFor(sql), full);
		await handleStripeEvent(systemContextFor(sql), full);
		await handleStripeEvent(systemContextFor(sql), event('charge.refunded', charge(15_000)));
		expect((await needMoney(sql, needId))!.raised).toBe(0);
		const [row] = await sql`select refunded from donations`;
		expect(row!.refunded).toBe(50_000);
		const refunds = await sql`select 1 from ledger_transactions where kind = 'refund'`;
		expect(refunds.length).toBe(2);
		const [income] = await sql`select balance from ledger_accounts where code = 'income:card'`;
		expect(income!.balance).toBe(0);
		// a refunded gift is in no total and on no confirmation of gifts
		const year = new Date().getFullYear();
		expect((await channelTotals(sql)).find((t) => t.channel === 'card')?.amount).toBe(0);
		expect(await listDonorsForYear(sql, year)).toEqual([]);
	});

	it('flags a disputed card gift for the coordinator', async () => {
		const id = await checkout(20_000);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 20_000, true))
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('charge.dispute.created', {
				id: 'dp_1',
				object: 'dispute',
				charge: 'ch_3',
				payment_intent: `pi_${id.slice(0, 8)}`,
				amount: 20_000,
				reason: 'fraudulent',
				status: 'needs_response'
			})
		);
		const [row] = await sql`select disputed_at is not null as flagged, dispute_reason from donations`;
		expect(row).toEqual({ flagged: true, dispute_reason: 'fraudulent' });
		expect((await sql`select 1 from audit_log where action = 'ledger.card_disputed'`).length).toBe(1);
	});
});

describe('dues by subscription', () => {
	const subscription = (checkoutId: string, status: string, cancel = false, end = now() + 30 * 86400) => ({
		id: 'sub_1',
		object: 'subscription',
		status,
		cancel_at_period_end: cancel,
		customer: 'cus_1',
		metadata: { checkout_id: checkoutId },
		items: { data: [{ current_period_end: end }] }
	});
	const invoice = (checkoutId: string, id: string, amount: number) => ({
		id,
		object: 'invoice',
		amount_paid: amount,
		currency: 'czk',
		status: 'paid',
		customer: 'cus_1',
		created: now(),
		status_transitions: { paid_at: now() },
		parent: { subscription_details: { subscription: 'sub_1', metadata: { checkout_id: checkoutId } } }
	});

	it('records each paid invoice once, even before the session’s completion arrives', async () => {
		const id = await checkout(30_000, null, 'dues');
		const paid = event('invoice.paid', invoice(id, 'in_1', 30_000));
		await handleStripeEvent(systemContextFor(sql), paid);
		await handleStripeEvent(systemContextFor(sql), { ...paid, id: 'evt_again1' } as Stripe.Event);
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', {
				...session(id, 30_000, true),
				mode: 'subscription',
				subscription: 'sub_1',
				customer: 'cus_1'
			})
		);
		await handleStripeEvent(systemContextFor(sql), event('invoice.paid', invoice(id, 'in_2', 30_000)));
		const dues = await sql`select amount, purpose, donor_id from donations order by created_at`;
		expect(dues).toEqual([
			{ amount: 30_000, purpose: 'dues', donor_id: p.member.id },
			{ amount: 30_000, purpose: 'dues', donor_id: p.member.id }
		]);
		expect(await fundBalance(sql)).toBe(60_000);
	});

	it('follows the subscription’s own state: an older event arriving late changes nothing, cancelled stays cancelled', async () => {
		const id = await checkout(30_000, null, 'dues');
		await handleStripeEvent(
			systemContextFor(sql),
			event('customer.subscription.created', subscription(id, 'active'), now() - 100)
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('customer.subscription.updated', subscription(id, 'active', true), now() - 50)
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('customer.subscription.updated', subscription(id, 'active', false), now() - 80)
		);
		let [row] = await sql`select status, cancel_at_period_end from subscriptions`;
		expect(row).toEqual({ status: 'active', cancel_at_period_end: true });
		await handleStripeEvent(
			systemContextFor(sql),
			event('invoice.payment_failed', invoice(id, 'in_3', 30_000), now() - 40)
		);
		[row] = await sql`select status from subscriptions`;
		expect(row!.status).toBe('past_due');
		await handleStripeEvent(
			systemContextFor(sql),
			event('customer.subscription.deleted', subscription(id, 'canceled'), now() - 10)
		);
		await handleStripeEvent(
			systemContextFor(sql),
			event('customer.subscription.updated', subscription(id, 'active'), now())
		);
		[row] = await sql`select status from subscriptions`;
		expect(row!.status).toBe('canceled');
	});
});

describe('e-mails from the webhook', () => {
	it('link to the configured public address when a signed card payment completes a need', async () => {
		const needId = await decidedNeed(sql, p, 40_000, 'collection');
		const id = await checkout(40_000, needId);
		const payload = JSON.stringify(event('checkout.session.completed', session(id, 40_000, true)));
		const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
		const verified = verifyStripeEvent(stripe, payload, signature, SECRET);
		if (!verified) throw new Error('the signed event was refused');
		const before = await lastMailId(sql);
		expect(await handleStripeEvent(systemContextFor(sql, publicEnvironment), verified)).toBe('processed');
		expect((await needMoney(sql, needId))!.missing).toBe(0);
		const links = await mailLinksAfter(sql, before);
		expect(links).toContain(`${publicEnvironment.origin}/needs/${needId}`);
		expect(links.filter((l) => !l.startsWith(`${publicEnvironment.origin}/`))).toEqual([]);
	});
});
