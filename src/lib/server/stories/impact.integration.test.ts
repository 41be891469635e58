import { contextFor, testEnvironment } from '../needs/test-factory';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgeBand, Category } from '$lib/needs';
import type { Region } from '$lib/regions';
import type { Db } from '../db/client';
import { arrangeDelivery, markBought, markDelivered } from '../delivery/steps';
import { saveProtectedData } from '../delivery/protected';
import { allocateFromFund, receiveGift } from '../ledger/funding';
import { postTransaction, type Channel } from '../ledger/ledger';
import { recordPayout } from '../ledger/payouts';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import type { AttachmentStore } from '../files/uploads';
import type { People } from '../needs/test-factory';
import {
	hideSmallCounts,
	mergeSmallGroups,
	publicSummary,
	transparencyYears
} from '../figures/public-figures';
import { takeBackCardGift, type CardDonation } from '../payments/stripe/card-donations';
import { impactCharts } from './impact';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;

beforeEach(() => {
	({ sql, p, store } = t);
});

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
const thisYear = () => Number(today().slice(0, 4));

/** A gift through a channel on a given day into the general fund, booked as the channel books it. */
const gift = (channel: Channel, amount: number, on: string) =>
	sql.begin((tx) =>
		receiveGift(contextFor(tx, p.coordinator), {
			channel,
			amount,
			needId: null,
			receivedOn: on,
			...(channel === 'offline' ? { offlineKind: 'cash' as const } : {})
		})
	);

/** Part of a card gift taken back (a refund in Stripe), on a given day. */
const refund = (donationId: string, amount: number, on: string) =>
	sql.begin(async (tx) => {
		const [donation] = await tx<CardDonation[]>`
			select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
			from donations where id = ${donationId} for update`;
		await takeBackCardGift(tx, donation!, amount, { memo: 'refund', occurredOn: on });
	});

/**
 * A need of 30 000 haléře walked to "delivered" the way the contact person does it, paid out as given,
 * then submitted `days` days and `hours` hours before its delivery.
 */
async function deliveredNeed(
	category: Category,
	region: Region,
	children: AgeBand[],
	payout: { recipient: 'supplier' | 'family'; amount: number },
	days: number,
	hours = 0
) {
	const needId = await decidedNeed(sql, p, 30_000, 'purchase', { category, region, children });
	const allocated = await allocateFromFund(contextFor(sql, p.coordinator), needId, 30_000);
	if (!allocated.ok) throw new Error(allocated.reason);
	const saved = await saveProtectedData(
		contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }),
		needId,
		{
			name: 'Marie Zkušební',
			phone: '+420 603 111 222',
			deliveryWay: 'office',
			address: null
		}
	);
	if (!saved.ok) throw new Error(saved.reason);
	const arranged = await arrangeDelivery(contextFor(sql, p.member), needId, {
		plan: 'Obchod doveze věci do kanceláře centra.'
	});
	if (!arranged.ok) throw new Error(arranged.reason);
	const paid = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ ...payout, supplier: payout.recipient === 'supplier' ? 'IKEA' : 'hotově', paidOn: today(), note: '' },
		null
	);
	if (!paid.ok) throw new Error(paid.reason);
	const bought = await markBought(contextFor(sql, p.member), needId);
	if (!bought.ok) throw new Error(bought.reason);
	const done = await markDelivered(
		contextFor(sql, p.member),
		store,
		needId,
		{ deliveredOn: today(), note: '' },
		null
	);
	if (!done.ok) throw new Error(done.reason);
	await sql`
		update needs n set submitted_at = d.delivered_at - make_interval(days => ${days}, hours => ${hours})
		from need_deliveries d where d.need_id = n.id and n.id = ${needId}`;
	return needId;
}

/**
 * Money in three past years plus the running one, and six delivered needs: three furniture needs in
 * Prague, one school and two health needs (one of them, in the "other" category, in kind) in the
 * Vysočina region.
 */
async function history() {
	await gift('offline', 1_000, '2024-12-20');
	await gift('offline', 100_000, '2025-05-10');
	await gift('bank', 50_000, '2025-09-01');
	const card = await gift('card', 20_000, '2025-12-01');
	await refund(card.donationId, 5_000, '2025-12-05');
	// the running year: enough for six needs of 30 000
	await gift('offline', 15_000, today());
	const supplier = { recipient: 'supplier', amount: 30_000 } as const;
	await deliveredNeed('furniture', 'CZ010', ['0-2', '3-5'], supplier, 2, 5);
	await deliveredNeed('furniture', 'CZ010', ['3-5'], supplier, 4);
	await deliveredNeed('furniture', 'CZ010', ['6-10', '6-10'], supplier, 6, 23);
	await deliveredNeed('school', 'CZ063', ['6-10', '11-14'], supplier, 8);
	await deliveredNeed('health', 'CZ063', ['15-17'], supplier, 10);
	const last = await deliveredNeed('other', 'CZ063', [], { recipient: 'family', amount: 20_000 }, 12);
	// the need did not spend 10 000: back to the fund
	await sql.begin((tx) =>
		postTransaction(tx, {
			kind: 'return_to_fund',
			needId: last,
			entries: [
				{ account: `need:${last}`, amount: -10_000 },
				{ account: 'fund', amount: 10_000 }
			]
		})
	);
}

describe('impact figures', () => {
	it('are zero (and no median) before anything happened', async () => {
		expect(await publicSummary(sql)).toEqual({
			needsHelped: 0,
			childrenHelped: 0,
			gifts: 0,
			medianDays: null
		});
		const charts = await impactCharts(sql, new Date('2026-01-15T12:00:00Z'));
		expect(charts.byCategory).toEqual([]);
		expect(charts.byRegion).toEqual([]);
		expect(charts.raisedByMonth).toHaveLength(12);
		expect(charts.raisedByMonth.every((r) => r.amount === 0)).toBe(true);
		expect(charts.childrenByAgeBand.map((b) => b.count)).toEqual([0, 0, 0, 0, 0, 0]);
		expect(await transparencyYears(sql)).toEqual([]);
	});

	it('count delivered needs, their children, income less refunds and the median days', async () => {
		await history();
		// a decided need not yet delivered counts for nothing
		await decidedNeed(sql, p, 10_000, 'purchase', { children: ['0-2', '0-2', '0-2'] });
		expect(await publicSummary(sql)).toEqual({
			needsHelped: 6,
			childrenHelped: 8,
			gifts: 181_000,
			// whole days 2, 4, 6, 8, 10, 12
			medianDays: 7
		});
	});

	it('merge small groups, fill empty months and hide small age bands', async () => {
		await history();
		const charts = await impactCharts(sql, new Date('2026-01-15T12:00:00Z'));
		// school 1 + health 1 + other 1 = 3 merged into "other"
		expect(charts.byCategory).toEqual([
			{ category: 'furniture', count: 3 },
			{ category: 'other', count: 3 }
		]);
		expect(charts.byRegion).toEqual([
			{ region: 'CZ010', count: 3 },
			{ region: 'CZ063', count: 3 }
		]);
		expect(charts.raisedByMonth).toEqual([
			{ month: '2025-02', amount: 0 },
			{ month: '2025-03', amount: 0 },
			{ month: '2025-04', amount: 0 },
			{ month: '2025-05', amount: 100_000 },
			{ month: '2025-06', amount: 0 },
			{ month: '2025-07', amount: 0 },
			{ month: '2025-08', amount: 0 },
			{ month: '2025-09', amount: 50_000 },
			{ month: '2025-10', amount: 0 },
			{ month: '2025-11', amount: 0 },
			{ month: '2025-12', amount: 15_000 },
			{ month: '2026-01', amount: 0 }
		]);
		// 0-2: 1, 3-5: 2, 6-10: 3, 11-14: 1, 15-17: 1 — hidden together they are 5
		expect(charts.childrenByAgeBand).toEqual([
			{ band: '0-2', count: null },
			{ band: '3-5', count: null },
			{ band: '6-10', count: 3 },
			{ band: '11-14', count: null },
			{ band: '15-17', count: null },
			{ band: '18+', count: 0 }
		]);
	});

	it('add up the money of each year, with the fund at its end', async () => {
		await history();
		const zero = { card: 0, bank: 0, offline: 0, in_kind: 0 };
		expect(await transparencyYears(sql)).toEqual([
			{
				year: thisYear(),
				income: { ...zero, offline: 15_000 },
				refunds: 0,
				gifts: 15_000,
				dues: 0,
				unassigned: 0,
				netIncome: 15_000,
				paidToSuppliers: 150_000,
				paidToFamilies: 20_000,
				returnedToFund: 10_000,
				fundBalance: 11_000,
				heldForNeeds: 0,
				needsHelped: 6
			},
			{
				year: 2025,
				income: { card: 20_000, bank: 50_000, offline: 100_000, in_kind: 0 },
				refunds: 5_000,
				gifts: 165_000,
				dues: 0,
				unassigned: 0,
				netIncome: 165_000,
				paidToSuppliers: 0,
				paidToFamilies: 0,
				returnedToFund: 0,
				fundBalance: 166_000,
				heldForNeeds: 0,
				needsHelped: 0
			},
			{
				year: 2024,
				income: { ...zero, offline: 1_000 },
				refunds: 0,
				gifts: 1_000,
				dues: 0,
				unassigned: 0,
				netIncome: 1_000,
				paidToSuppliers: 0,
				paidToFamilies: 0,
				returnedToFund: 0,
				fundBalance: 1_000,
				heldForNeeds: 0,
				needsHelped: 0
			}
		]);
	});
});

describe('small groups', () => {
	it('are merged into "other", and a merged group too small takes the smallest shown ones', () => {
		expect(
			mergeSmallGroups(
				[
					{ key: 'a', count: 5 },
					{ key: 'b', count: 2 },
					{ key: 'other', count: 1 }
				],
				'other'
			)
		).toEqual([
			{ key: 'a', count: 5 },
			{ key: 'other', count: 3 }
		]);
		expect(
			mergeSmallGroups(
				[
					{ key: 'a', count: 5 },
					{ key: 'b', count: 4 },
					{ key: 'c', count: 1 }
				],
				'other'
			)
		).toEqual([
			{ key: 'a', count: 5 },
			{ key: 'other', count: 5 }
		]);
		expect(mergeSmallGroups([{ key: 'a', count: 2 }], 'other')).toEqual([]);
		expect(hideSmallCounts([4, 1, 0, 5])).toEqual([null, null, 0, 5]);
		expect(hideSmallCounts([1, 2, 0])).toEqual([null, null, 0]);
		expect(hideSmallCounts([1, 0])).toEqual([1, 0].map((c) => (c ? null : 0)));
	});
});
