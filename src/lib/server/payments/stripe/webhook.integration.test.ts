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
import { at, cardCheckout, type CheckoutDonor, event, now, session } from './test-factory';
import { handleStripeEvent } from './webhook';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
const stripe = new Stripe('sk_test_spolu', { maxNetworkRetries: 0, telemetry: false });
const SECRET = 'whsec_spolutest';
beforeEach(() => {
	({ sql, p } = t);
});

async function checkout(amount: number, needId: string | null = null, purpose: 'gift' | 'dues' = 'gift') {
	return cardCheckout(sql, amount, {
		needId,
		dues: purpose === 'dues' ? { memberId: p.member.id } : undefined
	});
}

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
		const [row] =
			await sql`select disputed_at is not null as flagged, dispute_reason, dispute_status from donations`;
		expect(row).toEqual({ flagged: true, dispute_reason: 'fraudulent', dispute_status: 'open' });
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

describe('the day of a card gift, in Prague', () => {
	const paidAt = async (iso: string) => {
		const id = await checkout(25_000);
		// the session was opened the day before, in UTC; only the time of payment counts
		const opened = at(iso) - 86_400;
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 25_000, true, { created: opened }), at(iso))
		);
		const [row] = await sql<{ receivedOn: string; occurredOn: string }[]>`
			select to_char(d.received_on, 'YYYY-MM-DD') as "receivedOn", to_char(t.occurred_on, 'YYYY-MM-DD') as "occurredOn"
			from donations d join ledger_transactions t on t.id = d.transaction_id
			where d.card_checkout_id = ${id}`;
		return row!;
	};

	it('puts a gift given half an hour after midnight on New Year’s Day in Prague into the new year', async () => {
		// 23:30 UTC on 31 December is 00:30 on 1 January in Prague (winter time, UTC+1)
		expect(await paidAt('2026-12-31T23:30:00Z')).toEqual({
			receivedOn: '2027-01-01',
			occurredOn: '2027-01-01'
		});
		// one second before midnight in Prague is still the old year
		expect(await paidAt('2026-12-31T22:59:59Z')).toEqual({
			receivedOn: '2026-12-31',
			occurredOn: '2026-12-31'
		});
	});

	it('follows summer time: 22:30 UTC in July is the next day in Prague', async () => {
		expect((await paidAt('2026-07-14T22:30:00Z')).receivedOn).toBe('2026-07-15');
		expect((await paidAt('2026-07-14T21:59:00Z')).receivedOn).toBe('2026-07-14');
	});

	it('dates a delayed payment by the day it succeeded, not the day the session was opened', async () => {
		const id = await checkout(40_000);
		const opened = at('2025-12-30T09:00:00Z');
		const pending = session(id, 40_000, false, { created: opened });
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', pending, opened + 120)
		);
		expect(await count('donations')).toBe(0);
		await handleStripeEvent(
			systemContextFor(sql),
			event(
				'checkout.session.async_payment_succeeded',
				{ ...pending, payment_status: 'paid' },
				at('2027-01-04T08:15:00Z')
			)
		);
		const [row] = await sql`select to_char(received_on, 'YYYY-MM-DD') as day from donations`;
		expect(row!.day).toBe('2027-01-04');
	});

	it('dates dues by the Prague day the invoice was paid', async () => {
		const id = await checkout(30_000, null, 'dues');
		const invoice = (invoiceId: string, paidAt: number | null) => ({
			id: invoiceId,
			object: 'invoice',
			amount_paid: 30_000,
			amount_due: 30_000,
			currency: 'czk',
			status: 'paid',
			customer: 'cus_1',
			created: at('2026-12-01T10:00:00Z'),
			status_transitions: { paid_at: paidAt },
			parent: { subscription_details: { subscription: 'sub_1', metadata: { checkout_id: id } } }
		});
		await handleStripeEvent(
			systemContextFor(sql),
			event('invoice.paid', invoice('in_newyear', at('2026-12-31T23:30:00Z')), at('2026-12-31T23:31:00Z'))
		);
		// an invoice without its time of payment is dated by the event, never by its creation
		await handleStripeEvent(
			systemContextFor(sql),
			event('invoice.paid', invoice('in_nopaidat', null), at('2027-02-28T23:10:00Z'))
		);
		const days = await sql`
			select stripe_invoice_id as invoice, to_char(received_on, 'YYYY-MM-DD') as day from donations order by 1`;
		expect(days).toEqual([
			{ invoice: 'in_newyear', day: '2027-01-01' },
			{ invoice: 'in_nopaidat', day: '2027-03-01' }
		]);
	});
});

describe('the donor of a card gift', () => {
	const pay = async (donor: CheckoutDonor, details: unknown) => {
		const id = await cardCheckout(sql, 20_000, { donor });
		await handleStripeEvent(
			systemContextFor(sql),
			event('checkout.session.completed', session(id, 20_000, true, { customer_details: details }))
		);
		const [row] = await sql<{ name: string | null; email: string | null; address: string | null }[]>`
			select donor_name as name, donor_email as email, donor_address as address
			from donations where card_checkout_id = ${id}`;
		return row!;
	};
	const fromCheckout = {
		name: 'Jana Nováková',
		email: 'jana.novakova@example.cz',
		phone: null,
		address: {
			line1: 'Květná 12',
			line2: null,
			postal_code: '60300',
			city: 'Brno',
			state: null,
			country: 'CZ'
		}
	};

	it('takes the e-mail, name and address the donor gave Checkout when Spolu’s form had none', async () => {
		expect(await pay({ anonymous: false }, fromCheckout)).toEqual({
			name: 'Jana Nováková',
			email: 'jana.novakova@example.cz',
			address: 'Květná 12, 603 00 Brno'
		});
	});

	it('never replaces what the donor typed, and never puts a card holder’s address under another name', async () => {
		expect(
			await pay({ name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Lipová 3, Praha' }, fromCheckout)
		).toEqual({ name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Lipová 3, Praha' });
		// a name typed, no e-mail: the e-mail comes from Checkout, the card holder's address does not
		expect(await pay({ name: 'Eva Dárcová' }, fromCheckout)).toEqual({
			name: 'Eva Dárcová',
			email: 'jana.novakova@example.cz',
			address: null
		});
		// the same person, written differently on the card: the address is hers
		expect(await pay({ name: 'Jana Novakova' }, fromCheckout)).toMatchObject({
			address: 'Květná 12, 603 00 Brno'
		});
	});

	it('keeps an anonymous gift anonymous, whatever Checkout knows', async () => {
		expect(await pay({ anonymous: true }, fromCheckout)).toEqual({ name: null, email: null, address: null });
	});

	it('takes no address from Checkout when it has only the card’s country and postcode', async () => {
		const cardOnly = { ...fromCheckout, address: { ...fromCheckout.address, line1: null, city: null } };
		expect(await pay({ anonymous: false }, cardOnly)).toMatchObject({ name: 'Jana Nováková', address: null });
	});
});
