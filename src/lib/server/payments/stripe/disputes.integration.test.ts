import { systemContextFor } from '../../needs/test-factory';
import type Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance, postTransaction } from '../../ledger/ledger';
import { decidedNeed, fillFund, moneyTestDatabase } from '../../ledger/test-factory';
import type { People } from '../../needs/test-factory';
import { listDisputedDonations } from './disputes';
import { balanceTransaction, cardCheckout, charge, dispute, event, now, session } from './test-factory';
import { handleStripeEvent } from './webhook';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const feed = async (...events: Stripe.Event[]) => {
	const outcomes = [];
	for (const e of events) outcomes.push(await handleStripeEvent(systemContextFor(sql), e));
	return outcomes;
};

/** A card gift paid through the webhook; its checkout's id names its payment and dispute. */
async function paidGift(amount: number, needId: string | null = null) {
	const id = await cardCheckout(sql, amount, { needId });
	await feed(event('checkout.session.completed', session(id, amount, true)));
	return id;
}

interface GiftState {
	status: string | null;
	refunded: number;
	disputeLost: number;
	flagged: boolean;
	/** what the contract's confirmation of gifts counts of it: 0 while held off or wholly reversed */
	counted: number;
}
async function gift(checkoutId: string): Promise<GiftState> {
	const [row] = await sql<GiftState[]>`
		select dispute_status as status, refunded, dispute_lost as "disputeLost", disputed_at is not null as flagged,
			case when amount > refunded and dispute_status is distinct from 'open' then amount - refunded else 0 end
				as counted
		from donations where card_checkout_id = ${checkoutId}`;
	return row!;
}
const balance = async (code: string) =>
	(await sql<{ balance: number }[]>`select balance from ledger_accounts where code = ${code}`)[0]?.balance ??
	0;
const auditCount = async (action: string) =>
	(await sql`select 1 from audit_log where action = ${action}`).length;

describe('a disputed card gift', () => {
	it('is held off the confirmation while the bank decides, and stands again when the club wins', async () => {
		const id = await paidGift(20_000);
		expect(await gift(id)).toMatchObject({ status: null, counted: 20_000 });
		const opened = dispute(id, 20_000, 'needs_response', {
			balance_transactions: [balanceTransaction(-20_000, 0)]
		});
		await feed(event('charge.dispute.created', opened));
		expect(await gift(id)).toMatchObject({ status: 'open', flagged: true, refunded: 0, counted: 0 });
		// the money stays in the books while the dispute is open
		expect(await fundBalance(sql)).toBe(20_000);

		const won = {
			...opened,
			status: 'won',
			balance_transactions: [...opened.balance_transactions, balanceTransaction(20_000, 0)]
		};
		await feed(event('charge.dispute.closed', won));
		expect(await gift(id)).toMatchObject({ status: 'won', refunded: 0, counted: 20_000 });
		expect(await fundBalance(sql)).toBe(20_000);
		// the dispute's creation arriving late, or its close again, change nothing
		await feed(event('charge.dispute.created', opened), event('charge.dispute.closed', won));
		expect(await gift(id)).toMatchObject({ status: 'won', counted: 20_000 });
		expect(await auditCount('ledger.card_disputed')).toBe(1);
		expect(await auditCount('ledger.card_dispute_won')).toBe(1);
	});

	it('stands again when an inquiry closes without becoming a chargeback', async () => {
		const id = await paidGift(15_000);
		const inquiry = dispute(id, 15_000, 'warning_needs_response');
		await feed(event('charge.dispute.created', inquiry));
		expect(await gift(id)).toMatchObject({ status: 'open', counted: 0 });
		await feed(event('charge.dispute.closed', { ...inquiry, status: 'warning_closed' }));
		expect(await gift(id)).toMatchObject({ status: 'won', counted: 15_000 });
	});

	it('when lost, goes back to the donor once: the fund’s share first, then the need’s, and Stripe’s fee is booked', async () => {
		const needId = await decidedNeed(sql, p, 40_000, 'collection');
		const id = await paidGift(50_000, needId);
		await fillFund(sql, 50_000);
		expect(await fundBalance(sql)).toBe(60_000);
		// Stripe withdrew the amount and its dispute fee (375 Kč) when the dispute opened
		const opened = dispute(id, 50_000, 'needs_response', {
			balance_transactions: [balanceTransaction(-50_000, 37_500)]
		});
		const lost = { ...opened, status: 'lost' };
		await feed(event('charge.dispute.created', opened), event('charge.dispute.closed', lost));
		expect(await gift(id)).toMatchObject({
			status: 'lost',
			refunded: 50_000,
			disputeLost: 50_000,
			counted: 0
		});
		// the gift's 10 000 fund share left the fund, the other 40 000 left the need, the fee the fund
		expect((await needMoney(sql, needId))!.raised).toBe(0);
		expect(await fundBalance(sql)).toBe(60_000 - 10_000 - 37_500);
		expect(await balance('fees')).toBe(37_500);
		expect(await balance('income:card')).toBe(0);

		// Stripe sends the close again under another id, a refund event of the charge follows, the
		// creation arrives late: a lost dispute is no refund (amount_refunded stays 0), nothing more goes back
		const outcomes = await feed(
			event('charge.dispute.closed', lost),
			event('charge.refunded', charge(id, 50_000, 0)),
			event('charge.dispute.created', opened)
		);
		expect(outcomes).toEqual(['processed', 'processed', 'processed']);
		expect(await gift(id)).toMatchObject({ status: 'lost', refunded: 50_000 });
		expect(await fundBalance(sql)).toBe(12_500);
		expect((await sql`select 1 from ledger_transactions where kind = 'refund'`).length).toBe(1);
		expect((await sql`select 1 from ledger_transactions where kind = 'fee'`).length).toBe(1);
		expect(await auditCount('ledger.card_dispute_lost')).toBe(1);
	});

	it('when lost after a partial refund, takes back only the rest, never more than the gift', async () => {
		const id = await paidGift(50_000);
		await feed(event('charge.refunded', charge(id, 50_000, 10_000)));
		expect(await gift(id)).toMatchObject({ refunded: 10_000, counted: 40_000 });
		// the bank disputed the full amount; Stripe gives the refunded part back ("partially won", status lost)
		const opened = dispute(id, 50_000, 'needs_response');
		await feed(
			event('charge.dispute.created', opened),
			event('charge.dispute.closed', { ...opened, status: 'lost' })
		);
		expect(await gift(id)).toMatchObject({
			status: 'lost',
			refunded: 50_000,
			disputeLost: 40_000,
			counted: 0
		});
		// the refund's event delivered again, or late: it has been reversed already
		await feed(event('charge.refunded', charge(id, 50_000, 10_000)));
		expect(await gift(id)).toMatchObject({ refunded: 50_000 });
		expect(await fundBalance(sql)).toBe(0);
	});

	it('when a part is lost, a later refund of the rest is still booked, the two adding up to the gift', async () => {
		const id = await paidGift(50_000);
		const opened = dispute(id, 20_000, 'needs_response');
		await feed(
			event('charge.dispute.created', opened),
			event('charge.dispute.closed', { ...opened, status: 'lost' })
		);
		expect(await gift(id)).toMatchObject({ refunded: 20_000, disputeLost: 20_000, counted: 30_000 });
		await feed(event('charge.refunded', charge(id, 50_000, 30_000)));
		expect(await gift(id)).toMatchObject({ refunded: 50_000, counted: 0 });
		// a refund event claiming more than is left is capped at the gift
		await feed(event('charge.refunded', charge(id, 50_000, 50_000)));
		expect(await gift(id)).toMatchObject({ refunded: 50_000 });
		expect(await fundBalance(sql)).toBe(0);
	});

	it('books a lost dispute whose close arrives before its creation, once', async () => {
		const id = await paidGift(30_000);
		const opened = dispute(id, 30_000, 'needs_response', { created: now() - 3600 });
		await feed(event('charge.dispute.closed', { ...opened, status: 'lost' }));
		expect(await gift(id)).toMatchObject({ status: 'lost', flagged: true, refunded: 30_000 });
		await feed(event('charge.dispute.created', opened));
		expect(await gift(id)).toMatchObject({ status: 'lost', refunded: 30_000 });
		expect(await fundBalance(sql)).toBe(0);
	});

	it('books the fee a won dispute keeps, and none when the network gives it back', async () => {
		const kept = await paidGift(20_000);
		const given = await paidGift(20_000);
		const withdrawal = () => balanceTransaction(-20_000, 37_500);
		await feed(
			event(
				'charge.dispute.closed',
				dispute(kept, 20_000, 'won', {
					balance_transactions: [withdrawal(), balanceTransaction(20_000, 0)]
				})
			),
			event(
				'charge.dispute.closed',
				dispute(given, 20_000, 'won', {
					balance_transactions: [withdrawal(), balanceTransaction(20_000, -37_500)]
				})
			)
		);
		expect(await balance('fees')).toBe(37_500);
		expect(await fundBalance(sql)).toBe(40_000 - 37_500);
		// a fee in another currency is not koruna and is left to the treasurer
		const euros = await paidGift(20_000);
		await feed(
			event(
				'charge.dispute.closed',
				dispute(euros, 20_000, 'lost', { balance_transactions: [balanceTransaction(-800, 1_500, 'eur')] })
			)
		);
		expect(await balance('fees')).toBe(37_500);
	});

	it('follows a new dispute after an earlier one closed in the club’s favour, and ignores the old one’s late events', async () => {
		const id = await paidGift(25_000);
		const inquiry = dispute(id, 25_000, 'warning_needs_response', { id: 'dp_inquiry1' });
		await feed(
			event('charge.dispute.created', inquiry),
			event('charge.dispute.closed', { ...inquiry, status: 'warning_closed' })
		);
		const chargeback = dispute(id, 25_000, 'needs_response', { id: 'dp_chargeback1' });
		await feed(event('charge.dispute.created', chargeback));
		expect(await gift(id)).toMatchObject({ status: 'open', counted: 0 });
		await feed(event('charge.dispute.closed', { ...inquiry, status: 'warning_closed' }));
		expect(await gift(id)).toMatchObject({ status: 'open' });
		await feed(event('charge.dispute.closed', { ...chargeback, status: 'lost' }));
		expect(await gift(id)).toMatchObject({ status: 'lost', refunded: 25_000 });
	});

	it('leaves the ledger alone on Stripe’s balance events, and a gift it does not know', async () => {
		const id = await paidGift(20_000);
		const opened = dispute(id, 20_000, 'needs_response', {
			balance_transactions: [balanceTransaction(-20_000, 37_500)]
		});
		expect(await feed(event('charge.dispute.funds_withdrawn', opened))).toEqual(['ignored']);
		expect(await feed(event('charge.dispute.funds_reinstated', { ...opened, status: 'won' }))).toEqual([
			'ignored'
		]);
		expect(await gift(id)).toMatchObject({ status: null, counted: 20_000 });
		const stranger = dispute('00000000-dead-beef', 20_000, 'lost');
		expect(await feed(event('charge.dispute.closed', stranger))).toEqual(['processed']);
		expect(await fundBalance(sql)).toBe(20_000);
	});

	it('waits, changing nothing, when the fund cannot give a lost gift back yet', async () => {
		const id = await paidGift(20_000);
		// the fund was spent on a need meanwhile
		const needId = await decidedNeed(sql, p, 20_000, 'purchase');
		await sql.begin((tx) =>
			postTransaction(tx, {
				kind: 'allocation',
				needId,
				entries: [
					{ account: 'fund', amount: -20_000 },
					{ account: `need:${needId}`, amount: 20_000 }
				]
			})
		);
		const lost = event('charge.dispute.closed', dispute(id, 20_000, 'lost'));
		await expect(handleStripeEvent(systemContextFor(sql), lost)).rejects.toThrow();
		expect(await gift(id)).toMatchObject({ status: null, refunded: 0 });
		await fillFund(sql, 20_000);
		expect(await feed(lost)).toEqual(['processed']);
		expect(await gift(id)).toMatchObject({ status: 'lost', refunded: 20_000 });
	});
});

describe('listDisputedDonations', () => {
	it('is empty while no gift is disputed', async () => {
		await paidGift(50_000);
		expect((await listDisputedDonations(sql)).rows).toEqual([]);
	});

	it('lists disputed gifts with their state: open ones first, then newest dispute first, with the need’s number', async () => {
		const needId = await decidedNeed(sql, p, 500_000, 'collection');
		const [need] = await sql<{ number: number }[]>`select number from needs where id = ${needId}`;
		await paidGift(10_000);
		const older = await paidGift(20_000);
		const newer = await paidGift(30_000, needId);
		const decided = await paidGift(40_000);
		await feed(
			event(
				'charge.dispute.created',
				dispute(older, 20_000, 'needs_response', { created: Date.parse('2026-03-05T10:00:00Z') / 1000 })
			),
			event(
				'charge.dispute.created',
				dispute(newer, 30_000, 'needs_response', {
					created: Date.parse('2026-03-06T09:30:00Z') / 1000,
					reason: 'duplicate'
				})
			),
			event(
				'charge.dispute.closed',
				dispute(decided, 40_000, 'won', { created: Date.parse('2026-03-07T08:00:00Z') / 1000 })
			)
		);
		const { rows, total } = await listDisputedDonations(sql);
		expect(total).toBe(3);
		const today = rows[0]!.receivedOn;
		expect(rows).toEqual([
			{
				id: expect.any(String),
				disputedAt: new Date('2026-03-06T09:30:00Z'),
				receivedOn: today,
				amount: 30_000,
				status: 'open',
				reason: 'duplicate',
				needNumber: need!.number
			},
			{
				id: expect.any(String),
				disputedAt: new Date('2026-03-05T10:00:00Z'),
				receivedOn: today,
				amount: 20_000,
				status: 'open',
				reason: 'fraudulent',
				needNumber: null
			},
			{
				id: expect.any(String),
				disputedAt: new Date('2026-03-07T08:00:00Z'),
				receivedOn: today,
				amount: 40_000,
				status: 'won',
				reason: 'fraudulent',
				needNumber: null
			}
		]);
		expect(typeof rows[0]!.amount).toBe('number');
		// pages of two: the third dispute alone on the second page, none repeated
		const first = await listDisputedDonations(sql, { page: 1, size: 2, offset: 0 });
		const second = await listDisputedDonations(sql, { page: 2, size: 2, offset: 2 });
		expect(first.rows.map((r) => r.amount)).toEqual([30_000, 20_000]);
		expect(second).toMatchObject({ total: 3, pages: 2, page: 2 });
		expect(second.rows.map((r) => r.amount)).toEqual([40_000]);
	});
});
