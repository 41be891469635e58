import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { system } from '../core/actor';
import type { Db, Queryable } from '../db/client';
import {
	channels,
	giftsByMonth,
	medianDays,
	publicCount,
	publicSummary,
	transparencyYears,
	type GiftChannel
} from '../figures/public-figures';
import type { AttachmentStore } from '../files/uploads';
import { completeNeed, contextFor, type People } from '../needs/test-factory';
import { createNeed, submitNeed } from '../needs/transitions';
import { takeBackCardGift, type CardDonation } from '../payments/stripe/card-donations';
import { impactCharts } from '../stories/impact';
import { allocateFromFund, receiveGift } from './funding';
import { keptTotalsDrift, noDrift } from './kept-totals-check';
import {
	accountBalances,
	balanceAsOf,
	clubBalances,
	postTransaction,
	postTransactions,
	type Channel
} from './ledger';
import { recordPayout } from './payouts';
import { decidedNeed, fillFund, moneyTestDatabase } from './test-factory';

/*
 * The kept totals (migrations/0023_kept_totals.sql) always equal the sums of what they total: after
 * random sequences of gifts, dues, allocations, payouts, refunds, returns to the fund and deliveries
 * (marked, changed, taken back, the need edited afterwards), and under concurrent writers. The figures
 * that read them equal the figures summed from scratch the way they were before the totals existed,
 * and they read none of the big tables.
 */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;
beforeEach(() => {
	({ sql, p, store } = t);
});

// month and year boundaries, all in the past
const days = [
	'2024-12-31',
	'2025-01-01',
	'2025-01-31',
	'2025-02-01',
	'2025-06-15',
	'2025-12-31',
	'2026-01-01'
];
const day = fc.constantFrom(...days);
const amount = fc.integer({ min: 1, max: 40_000 });
// delivery instants near the Prague new year (23:30 UTC on 31 December is already January in Prague)
const instants = [
	'2024-12-31T22:30:00Z',
	'2024-12-31T23:30:00Z',
	'2025-03-10T08:00:00Z',
	'2025-12-31T23:10:00Z',
	'2026-01-05T12:00:00Z'
];

type Op =
	| { op: 'gift'; channel: Channel; need: number | null; amount: number; on: string; dues: boolean }
	| { op: 'allocate'; need: number; amount: number }
	| { op: 'payout'; need: number; amount: number; on: string; family: boolean }
	| { op: 'refund'; gift: number; amount: number; on: string }
	| { op: 'return'; need: number; amount: number; on: string }
	| { op: 'moveGift'; gift: number; on: string }
	| { op: 'deliver'; need: number; at: string; submittedDaysBefore: number | null }
	| { op: 'undeliver'; need: number }
	| { op: 'editNeed'; need: number; children: string[]; category: string; region: string };

const need2 = fc.integer({ min: 0, max: 1 });
const delivered4 = fc.integer({ min: 0, max: 3 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({
		op: fc.constant('gift' as const),
		channel: fc.constantFrom<Channel>('card', 'bank', 'offline', 'in_kind'),
		need: fc.option(need2, { nil: null }),
		amount,
		on: day,
		dues: fc.boolean()
	}),
	fc.record({ op: fc.constant('allocate' as const), need: need2, amount }),
	fc.record({ op: fc.constant('payout' as const), need: need2, amount, on: day, family: fc.boolean() }),
	fc.record({ op: fc.constant('refund' as const), gift: fc.nat(), amount, on: day }),
	fc.record({ op: fc.constant('return' as const), need: need2, amount, on: day }),
	fc.record({ op: fc.constant('moveGift' as const), gift: fc.nat(), on: day }),
	fc.record({
		op: fc.constant('deliver' as const),
		need: delivered4,
		at: fc.constantFrom(...instants),
		submittedDaysBefore: fc.option(fc.integer({ min: -1, max: 40 }), { nil: null, freq: 5 })
	}),
	fc.record({ op: fc.constant('undeliver' as const), need: delivered4 }),
	fc.record({
		op: fc.constant('editNeed' as const),
		need: delivered4,
		children: fc.array(fc.constantFrom('0-2', '3-5', '6-10', '11-14', '15-17', '18+'), { maxLength: 4 }),
		category: fc.constantFrom('furniture', 'school', 'health', 'other'),
		region: fc.constantFrom('CZ010', 'CZ063', 'CZ064')
	})
);

async function run(money: string[], delivered: string[], o: Op) {
	switch (o.op) {
		case 'gift':
			return sql.begin((tx) =>
				receiveGift(contextFor(tx, system), {
					channel: o.channel,
					purpose: o.dues ? 'dues' : 'gift',
					amount: o.amount,
					needId: o.dues || o.need === null ? null : money[o.need]!,
					receivedOn: o.on,
					...(o.channel === 'offline' ? { offlineKind: 'cash' as const } : {}),
					...(o.channel === 'in_kind' ? { description: 'Lednice' } : {})
				})
			);
		case 'allocate':
			return allocateFromFund(contextFor(sql, p.coordinator), money[o.need]!, o.amount);
		case 'payout':
			return recordPayout(
				contextFor(sql, p.coordinator),
				store,
				money[o.need]!,
				{
					recipient: o.family ? 'family' : 'supplier',
					supplier: o.family ? 'hotově' : 'Obchod',
					amount: o.amount,
					paidOn: o.on,
					note: ''
				},
				null
			);
		case 'refund': {
			const cards = await sql<{ id: string }[]>`
				select id from donations where channel = 'card' and refunded < amount order by created_at, id`;
			if (!cards.length) return;
			return sql
				.begin(async (tx) => {
					const [d] = await tx<CardDonation[]>`
						select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
						from donations where id = ${cards[o.gift % cards.length]!.id} for update`;
					await takeBackCardGift(tx, d!, Math.min(o.amount, d!.amount - d!.refunded), {
						memo: 'refund',
						occurredOn: o.on
					});
				})
				.catch((e: Error) => {
					// the fund may be too low to give the money back: refused as a whole
					if (e.name !== 'FundTooLowError') throw e;
				});
		}
		case 'return':
			return sql.begin(async (tx) => {
				const [a] = await tx<{ balance: number }[]>`
					select balance from ledger_accounts where code = ${`need:${money[o.need]!}`} for update`;
				const back = Math.min(o.amount, a?.balance ?? 0);
				if (back > 0)
					await postTransaction(tx, {
						kind: 'return_to_fund',
						occurredOn: o.on,
						needId: money[o.need]!,
						entries: [
							{ account: `need:${money[o.need]!}`, amount: -back },
							{ account: 'fund', amount: back }
						]
					});
			});
		case 'moveGift': {
			// nothing in the app moves a gift to another day, but a repair by hand must move its totals too
			const all = await sql<{ id: string }[]>`select id from donations order by created_at, id`;
			if (all.length)
				await sql`update donations set received_on = ${o.on} where id = ${all[o.gift % all.length]!.id}`;
			return;
		}
		case 'deliver': {
			const needId = delivered[o.need]!;
			await sql`
				insert into need_deliveries (need_id, arranged_by, bought_at, bought_by, delivered_on, delivered_at, delivered_by)
				values (${needId}, ${p.member.id}, ${o.at}, ${p.member.id}, ${o.at.slice(0, 10)}, ${o.at}, ${p.member.id})
				on conflict (need_id) do update set bought_at = excluded.bought_at, bought_by = excluded.bought_by,
					delivered_on = excluded.delivered_on, delivered_at = excluded.delivered_at, delivered_by = excluded.delivered_by`;
			await sql`
				update needs set submitted_at = ${o.submittedDaysBefore === null ? null : new Date(new Date(o.at).getTime() - o.submittedDaysBefore * 86_400_000 - 3_600_000)}
				where id = ${needId}`;
			return;
		}
		case 'undeliver':
			return sql`
				update need_deliveries set delivered_on = null, delivered_at = null, delivered_by = null
				where need_id = ${delivered[o.need]!}`;
		case 'editNeed':
			return sql`
				update needs set children = ${o.children}, category = ${o.category}, region = ${o.region}
				where id = ${delivered[o.need]!}`;
	}
}

/* The figures as they were computed before the kept totals: from the entries, donations and deliveries. */

async function scratchSummary(db: Queryable) {
	const [helped] = await db<{ needs: number; children: number; median: number | null }[]>`
		select count(*)::int as needs, coalesce(sum(cardinality(n.children)), 0)::int as children,
			round(percentile_cont(0.5) within group (
				order by floor(extract(epoch from d.delivered_at - n.submitted_at) / 86400))::numeric)::int as median
		from need_deliveries d join needs n on n.id = d.need_id
		where d.delivered_at is not null`;
	const [given] = await db<{ gifts: number }[]>`
		select coalesce(sum(amount - refunded), 0)::bigint as gifts from donations where purpose = 'gift'`;
	return {
		needsHelped: publicCount(helped!.needs),
		childrenHelped: publicCount(helped!.children),
		gifts: given!.gifts,
		medianDays: helped!.median
	};
}

async function scratchBalances(db: Queryable, asOf: string) {
	return db<{ code: string; balance: number }[]>`
		select a.code, coalesce((select sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
			where e.account_id = a.id and t.occurred_on <= ${asOf}::date), 0)::bigint as balance
		from ledger_accounts a order by a.code`;
}

async function scratchGiftsByMonth(db: Queryable, now: string) {
	return db<{ month: string; amount: number }[]>`
		with months as (
			select generate_series(date_trunc('month', ${now}::date) - interval '11 months',
				date_trunc('month', ${now}::date), interval '1 month')::date as first)
		select to_char(m.first, 'YYYY-MM') as month, coalesce((
			select sum(d.amount - d.refunded) from donations d
			where d.purpose = 'gift' and d.received_on >= m.first and d.received_on < m.first + interval '1 month'
		), 0)::bigint as amount
		from months m order by m.first`;
}

async function scratchYears(db: Queryable) {
	const given = await db<
		{ year: number; channel: GiftChannel; purpose: string; amount: number; refunded: number }[]
	>`
		select extract(year from received_on)::int as year, channel, purpose,
			sum(amount)::bigint as amount, sum(refunded)::bigint as refunded
		from donations group by 1, 2, 3`;
	const spent = await db<{ year: number; suppliers: number; families: number; returned: number }[]>`
		select extract(year from t.occurred_on)::int as year,
			coalesce(sum(e.amount) filter (where a.code = 'payout:suppliers'), 0)::bigint as suppliers,
			coalesce(sum(e.amount) filter (where a.code = 'payout:families'), 0)::bigint as families,
			coalesce(sum(e.amount) filter (where t.kind = 'return_to_fund' and a.kind = 'fund'), 0)::bigint as returned
		from ledger_entries e join ledger_accounts a on a.id = e.account_id
		join ledger_transactions t on t.id = e.transaction_id group by 1`;
	const helped = await db<{ year: number; count: number }[]>`
		select extract(year from delivered_at at time zone 'Europe/Prague')::int as year, count(*)::int as count
		from need_deliveries where delivered_at is not null group by 1`;
	const years = [...new Set([given, spent, helped].flatMap((r) => r.map((x) => x.year)))].sort(
		(a, b) => b - a
	);
	const out = [];
	for (const year of years) {
		const gifts = given.filter((r) => r.year === year && r.purpose === 'gift');
		const income = Object.fromEntries(
			channels.map((c) => [c, gifts.filter((r) => r.channel === c).reduce((s, r) => s + r.amount, 0)])
		);
		const refunds = gifts.reduce((s, r) => s + r.refunded, 0);
		const dues = given
			.filter((r) => r.year === year && r.purpose === 'dues')
			.reduce((s, r) => s + r.amount - r.refunded, 0);
		const balances = await db<{ kind: string; code: string; balance: number }[]>`
			select a.kind, a.code, coalesce((select sum(e.amount) from ledger_entries e
				join ledger_transactions t on t.id = e.transaction_id
				where e.account_id = a.id and t.occurred_on <= ${`${year}-12-31`}::date), 0)::bigint as balance
			from ledger_accounts a`;
		const m = spent.find((r) => r.year === year);
		out.push({
			year,
			income,
			refunds,
			gifts: Object.values(income).reduce((s, v) => s + v, 0) - refunds,
			dues,
			unassigned: 0,
			netIncome: Object.values(income).reduce((s, v) => s + v, 0) - refunds + dues,
			paidToSuppliers: m?.suppliers ?? 0,
			paidToFamilies: m?.families ?? 0,
			returnedToFund: m?.returned ?? 0,
			fundBalance: balances.find((b) => b.code === 'fund')?.balance ?? 0,
			heldForNeeds: balances.filter((b) => b.kind === 'need').reduce((s, b) => s + b.balance, 0),
			needsHelped: publicCount(helped.find((r) => r.year === year)?.count ?? 0)
		});
	}
	return out;
}

async function scratchCharts(db: Queryable) {
	const count = (rows: { key: string; count: number }[]) =>
		Object.fromEntries(rows.filter((r) => r.count).map((r) => [r.key, r.count]));
	const byCategory = await db<{ key: string; count: number }[]>`
		select n.category as key, count(*)::int as count from need_deliveries d join needs n on n.id = d.need_id
		where d.delivered_at is not null group by 1`;
	const bands = await db<{ key: string; count: number }[]>`
		select c.band as key, count(*)::int as count
		from need_deliveries d join needs n on n.id = d.need_id, unnest(n.children) as c(band)
		where d.delivered_at is not null group by 1`;
	return { byCategory: count(byCategory), bands: count(bands) };
}

async function expectFiguresAsFromScratch() {
	expect(await keptTotalsDrift(sql)).toEqual(noDrift);
	expect(await publicSummary(sql)).toEqual(await scratchSummary(sql));
	expect(await transparencyYears(sql)).toEqual(await scratchYears(sql));
	for (const now of ['2025-01-15', '2025-12-31', '2026-01-01']) {
		expect(await giftsByMonth(sql, new Date(`${now}T12:00:00Z`))).toEqual(
			await scratchGiftsByMonth(sql, now)
		);
	}
	for (const asOf of [...days, '2024-01-01', '2030-01-01']) {
		const kept = (await accountBalances(sql, asOf))
			.map((a) => ({ code: a.code, balance: a.balance }))
			.sort((a, b) => (a.code < b.code ? -1 : 1));
		expect(kept).toEqual(await scratchBalances(sql, asOf));
		for (const { code, balance } of kept.filter((a) => !a.code.startsWith('need:') || a.balance))
			expect(await balanceAsOf(sql, code, asOf)).toBe(balance);
	}
	// the impact charts before their small-number rules: the kept groups are the delivered needs'
	const charts = await impactCharts(sql);
	const scratch = await scratchCharts(sql);
	const shown = Object.values(scratch.byCategory).reduce((s, n) => s + n, 0);
	expect(charts.byCategory.reduce((s, r) => s + r.count, 0)).toBe(shown >= 3 ? shown : 0);
	const groups = await sql<{ dimension: string; key: string; count: number }[]>`
		select dimension, key, sum(count)::int as count from delivery_group_totals group by 1, 2 having sum(count) <> 0`;
	expect(
		Object.fromEntries(groups.filter((g) => g.dimension === 'band').map((g) => [g.key, g.count]))
	).toEqual(scratch.bands);
	expect(
		Object.fromEntries(groups.filter((g) => g.dimension === 'category').map((g) => [g.key, g.count]))
	).toEqual(scratch.byCategory);
}

describe('kept totals under random operations', () => {
	it('equal the sums of the entries, gifts and deliveries, and give the figures summed from scratch', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(opArb, { minLength: 15, maxLength: 40 }), async (ops) => {
				const money = [await decidedNeed(sql, p, 60_000), await decidedNeed(sql, p, 40_000)];
				const delivered: string[] = [];
				for (let i = 0; i < 4; i++) {
					const created = await createNeed(contextFor(sql, p.worker), completeNeed());
					if (!created.ok) throw new Error(created.reason);
					const submitted = await submitNeed(contextFor(sql, p.worker), created.id);
					if (!submitted.ok) throw new Error(submitted.reason);
					delivered.push(created.id);
				}
				await fillFund(sql, 50_000);
				for (const o of ops) await run(money, delivered, o);
				await expectFiguresAsFromScratch();
			}),
			{ numRuns: 10 }
		);
		// the sequences did reach every total
		const [n] = await sql<{ months: number; gifts: number; deliveries: number }[]>`
			select (select count(*)::int from ledger_month_totals) as months,
				(select count(*)::int from donation_month_totals) as gifts,
				(select count(*)::int from delivery_day_totals where needs <> 0) as deliveries`;
		expect(n!.months).toBeGreaterThan(20);
		expect(n!.gifts).toBeGreaterThan(3);
		expect(n!.deliveries).toBeGreaterThan(0);
		const kinds = await sql<{ kind: string }[]>`select distinct kind from ledger_transactions order by 1`;
		expect(kinds.map((k) => k.kind)).toEqual([
			'allocation',
			'donation',
			'payout',
			'refund',
			'return_to_fund'
		]);
	}, 300_000);

	it('keep the transactions of a bulk import (postTransactions) per account and day', async () => {
		await postTransactionsOver(['2025-01-31', '2025-02-01', '2025-02-01', '2026-01-01']);
		expect(await keptTotalsDrift(sql)).toEqual(noDrift);
		expect(await balanceAsOf(sql, 'suspense:bank', '2025-01-31')).toBe(1_000);
		expect(await balanceAsOf(sql, 'suspense:bank', '2025-02-01')).toBe(6_000);
		expect(await balanceAsOf(sql, 'suspense:bank', '2025-12-31')).toBe(6_000);
		expect(await balanceAsOf(sql, 'suspense:bank', '2026-01-01')).toBe(8_000);
	});
});

const postTransactionsOver = (on: string[]) =>
	sql.begin((tx) =>
		postTransactions(
			tx,
			on.map((occurredOn, i) => ({
				kind: 'bank_unassigned' as const,
				occurredOn,
				entries: [
					{ account: 'income:bank', amount: -[1_000, 2_000, 3_000, 2_000][i]! },
					{ account: 'suspense:bank', amount: [1_000, 2_000, 3_000, 2_000][i]! }
				]
			}))
		)
	);

describe('rebuilding the totals', () => {
	it('gives the same totals from the rows, as the migration backfilled them, and repairs lost ones', async () => {
		const needId = await decidedNeed(sql, p, 30_000);
		await fillFund(sql, 20_000);
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 5_000);
		await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), {
				channel: 'bank',
				amount: 3_000,
				needId,
				receivedOn: '2025-01-31'
			})
		);
		await sql`
			insert into need_deliveries (need_id, arranged_by, bought_at, bought_by, delivered_on, delivered_at, delivered_by)
			values (${needId}, ${p.member.id}, now(), ${p.member.id}, current_date, now(), ${p.member.id})`;
		const before = {
			summary: await publicSummary(sql),
			years: await transparencyYears(sql),
			charts: await impactCharts(sql)
		};
		// totals lost (a bulk load that bypassed the triggers): the figures are wrong until rebuilt
		await sql`delete from donation_month_totals`;
		await sql`delete from delivery_group_totals`;
		await sql`update ledger_day_totals set amount = amount + 1`;
		expect(await keptTotalsDrift(sql)).not.toEqual(noDrift);
		await sql`select kept_totals_rebuild()`;
		expect(await keptTotalsDrift(sql)).toEqual(noDrift);
		expect({
			summary: await publicSummary(sql),
			years: await transparencyYears(sql),
			charts: await impactCharts(sql)
		}).toEqual(before);
		expect(before.summary.gifts).toBe(3_000);
	});
});

describe('held for needs', () => {
	it('is minus what the club’s own accounts hold, on every day, because every transaction sums to zero', async () => {
		const needs = [await decidedNeed(sql, p, 30_000), await decidedNeed(sql, p, 20_000)];
		await fillFund(sql, 80_000);
		for (const needId of needs) await allocateFromFund(contextFor(sql, p.coordinator), needId, 15_000);
		await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), {
				channel: 'card',
				amount: 7_000,
				needId: needs[0]!,
				receivedOn: '2025-06-15'
			})
		);
		for (const asOf of ['2025-06-14', '2025-06-15', '2030-01-01']) {
			const all = await accountBalances(sql, asOf);
			const needsHold = all.filter((a) => a.kind === 'need').reduce((s, a) => s + a.balance, 0);
			const ownHold = all.filter((a) => a.kind !== 'need').reduce((s, a) => s + a.balance, 0);
			expect(needsHold + ownHold).toBe(0);
			// the money overview's balances, which never read a need's account, say the same
			const club = await clubBalances(sql, asOf);
			expect(club.heldForNeeds).toBe(needsHold);
			expect(club.accounts.map((a) => [a.code, a.balance])).toEqual(
				all
					.filter((a) => a.kind !== 'need')
					.map((a) => [a.code, a.balance])
					.sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))
			);
		}
		const now = await clubBalances(sql);
		expect(now.heldForNeeds).toBe(
			(await accountBalances(sql)).filter((a) => a.kind === 'need').reduce((s, a) => s + a.balance, 0)
		);
		const [thisYear] = await transparencyYears(sql);
		expect(thisYear!.heldForNeeds).toBe(15_000 + 15_000 + 7_000);
	});
});

describe('the median days from the kept histogram', () => {
	it('is the middle value, the mean of the two middle ones rounded half up, without needs that have no days', () => {
		expect(medianDays([])).toBeNull();
		expect(medianDays([{ days: null, needs: 4 }])).toBeNull();
		expect(medianDays([{ days: 7, needs: 1 }])).toBe(7);
		expect(
			medianDays([
				{ days: 19, needs: 1 },
				{ days: 20, needs: 1 }
			])
		).toBe(20);
		expect(
			medianDays([
				{ days: 3, needs: 2 },
				{ days: 10, needs: 3 },
				{ days: null, needs: 9 }
			])
		).toBe(10);
		expect(
			medianDays([
				{ days: 10, needs: 2 },
				{ days: 3, needs: 2 }
			])
		).toBe(7);
		// PostgreSQL rounds a numeric half away from zero: −2.5 → −3
		expect(
			medianDays([
				{ days: -3, needs: 1 },
				{ days: -2, needs: 1 }
			])
		).toBe(-3);
	});
});

describe('concurrent writers', () => {
	it('keep exact totals, and none of them deadlocks on a total', async () => {
		const needId = await decidedNeed(sql, p, 500_000);
		await fillFund(sql, 200_000);
		const delivered: string[] = [];
		for (let i = 0; i < 6; i++) {
			const created = await createNeed(
				contextFor(sql, p.worker),
				completeNeed({ children: ['0-2', '6-10'] })
			);
			if (!created.ok) throw new Error(created.reason);
			await submitNeed(contextFor(sql, p.worker), created.id);
			delivered.push(created.id);
		}
		const clients = Array.from({ length: 8 }, () => t.db.connect({ max: 4 }));
		const on = (i: number) => clients[i % clients.length]!;
		const gifts = Array.from({ length: 40 }, (_, i) =>
			on(i).begin((tx) =>
				receiveGift(contextFor(tx, system), {
					channel: i % 3 ? 'card' : 'bank',
					amount: 1_000 + i,
					needId: i % 2 ? needId : null,
					receivedOn: i % 4 ? '2025-06-15' : '2025-07-01',
					...(i % 5 === 0 ? { purpose: 'dues' as const, needId: null } : {})
				})
			)
		);
		const allocations = Array.from({ length: 10 }, (_, i) =>
			allocateFromFund(contextFor(on(i + 3), p.coordinator), needId, 2_000)
		);
		const deliveries = delivered.map(
			(id, i) =>
				on(i + 5)`
				insert into need_deliveries (need_id, arranged_by, bought_at, bought_by, delivered_on, delivered_at, delivered_by)
				values (${id}, ${p.member.id}, now(), ${p.member.id}, current_date, now(), ${p.member.id})`
		);
		const done = await Promise.allSettled([...gifts, ...allocations, ...deliveries]);
		expect(done.filter((r) => r.status === 'rejected')).toEqual([]);
		// then refunds of the card gifts, all at once
		const cards = await sql<CardDonation[]>`
			select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
			from donations where channel = 'card'`;
		const refunds = await Promise.allSettled(
			cards.map((c, i) =>
				on(i).begin(async (tx) => {
					const [d] = await tx<CardDonation[]>`
						select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
						from donations where id = ${c.id} for update`;
					await takeBackCardGift(tx, d!, 500, { memo: 'refund', occurredOn: '2025-07-02' });
				})
			)
		);
		expect(refunds.filter((r) => r.status === 'rejected')).toEqual([]);
		expect(await keptTotalsDrift(sql)).toEqual(noDrift);
		const summary = await publicSummary(sql);
		expect(summary.needsHelped).toBe(6);
		expect(summary.childrenHelped).toBe(12);
		expect(summary).toEqual(await scratchSummary(sql));
	}, 120_000);

	// PGlite serves one connection, where no two transactions are ever open at once
	it.skipIf(!process.env.TEST_DATABASE_URL)(
		'let a gift be booked while another transaction holds the same month’s total',
		async () => {
			const needId = await decidedNeed(sql, p, 500_000);
			await allocateFromFund(contextFor(sql, p.coordinator), needId, 0).catch(() => null);
			await sql.begin((tx) =>
				postTransaction(tx, {
					kind: 'bank_unassigned',
					occurredOn: '2025-03-01',
					entries: [
						{ account: 'income:bank', amount: -2_000 },
						{ account: 'suspense:bank', amount: 2_000 }
					]
				})
			);
			const other = t.db.connect({ max: 1 });
			let release!: () => void;
			const held = new Promise<void>((r) => (release = r));
			let firstIn!: () => void;
			const inserted = new Promise<void>((r) => (firstIn = r));
			// a bank gift to the need (income:bank → the need), left open
			const first = other.begin(async (tx) => {
				await receiveGift(contextFor(tx, system), {
					channel: 'bank',
					amount: 1_000,
					needId,
					receivedOn: '2025-03-03'
				});
				firstIn();
				await held;
			});
			await inserted;
			// a bank payment assigned to the general fund (suspense → fund): other ledger accounts, the same
			// month, channel and purpose; only the gifts' totals could make it wait, and they must not
			const timeout = setTimeout(release, 10_000);
			const started = Date.now();
			await sql.begin((tx) =>
				receiveGift(contextFor(tx, system), {
					channel: 'bank',
					amount: 2_000,
					needId: null,
					receivedOn: '2025-03-20',
					fromSuspense: true
				})
			);
			expect(Date.now() - started).toBeLessThan(5_000);
			release();
			clearTimeout(timeout);
			await first;
			expect(await keptTotalsDrift(sql)).toEqual(noDrift);
			const slots = await sql<{ gifts: number }[]>`
				select gifts from donation_month_totals where month = '2025-03-01' and channel = 'bank' order by id`;
			expect(slots.map((s) => s.gifts)).toEqual([1, 1]);
			await other.end();
		},
		30_000
	);
});

describe('the figures read only the kept totals', () => {
	it('publicSummary, giftsByMonth, transparencyYears and impactCharts never read entries, gifts or deliveries', async () => {
		await sql`
			do $$ begin
				create role spolu_figures_reader nologin;
			exception when duplicate_object then null;
			end $$`;
		await sql`grant usage on schema public to spolu_figures_reader`;
		await sql`grant select on all tables in schema public to spolu_figures_reader`;
		await sql`revoke select on ledger_entries, ledger_transactions, donations, need_deliveries, needs
			from spolu_figures_reader`;
		await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), {
				channel: 'card',
				amount: 5_000,
				needId: null,
				receivedOn: '2025-06-15'
			})
		);
		const asReader = <T>(f: (db: Queryable) => Promise<T>) =>
			sql.begin(async (tx) => {
				await tx`set local role spolu_figures_reader`;
				return f(tx);
			});
		// the role really cannot read them
		await expect(asReader((db) => db`select 1 from ledger_entries limit 1`)).rejects.toThrow(
			/permission denied/
		);
		expect((await asReader(publicSummary)).gifts).toBe(5_000);
		expect(await asReader((db) => giftsByMonth(db, new Date('2025-06-20T12:00:00Z')))).toHaveLength(12);
		expect((await asReader(transparencyYears))[0]!.gifts).toBe(5_000);
		await asReader((db) => impactCharts(db));
		await asReader((db) => balanceAsOf(db, 'fund', '2025-06-30'));
		// balances as of a day list every account with its need, but never read an entry
		await sql`grant select on needs to spolu_figures_reader`;
		expect(
			(await asReader((db) => accountBalances(db, '2025-06-30'))).find((a) => a.code === 'fund')!.balance
		).toBe(5_000);
		await sql`revoke select on needs from spolu_figures_reader`;
	});

	it('read a few rows of the totals however many need accounts the ledger has', async () => {
		// 3,000 need accounts with an entry in each of two months: 6,000 month rows of need accounts
		const needIds = (
			await sql<{ id: string }[]>`
				insert into needs (organisation_id, created_by, category, title, region)
				select ${p.organisationId}, ${p.worker.id}, 'food', 'Potraviny', 'CZ010' from generate_series(1, 3000)
				returning id`
		).map((r) => r.id);
		await fillFund(sql, 3000 * 200);
		for (const occurredOn of ['2025-05-10', '2025-06-10'])
			await sql.begin((tx) =>
				postTransactions(
					tx,
					needIds.map((id) => ({
						kind: 'allocation' as const,
						occurredOn,
						entries: [
							{ account: 'fund', amount: -100 },
							{ account: `need:${id}`, amount: 100 }
						]
					}))
				)
			);
		await sql`analyze`;
		const read = async (f: (db: Queryable) => Promise<unknown>) =>
			sql.begin(async (tx) => {
				const before = await tuplesRead(tx);
				await f(tx);
				return (await tuplesRead(tx)) - before;
			});
		// the measure sees a scan: summing the entries reads every one of them
		expect(await read((db) => db`select sum(amount) from ledger_entries`)).toBeGreaterThan(12_000);
		expect(await read(publicSummary)).toBeLessThan(200);
		expect(await read((db) => giftsByMonth(db))).toBeLessThan(200);
		expect(await read(transparencyYears)).toBeLessThan(500);
		expect(await read((db) => impactCharts(db))).toBeLessThan(200);
		expect(await read((db) => balanceAsOf(db, 'fund', '2025-05-31'))).toBeLessThan(200);
		const [year] = await transparencyYears(sql);
		expect(year!.heldForNeeds).toBe(3000 * 200);
	}, 120_000);
});

/** The rows this transaction has read from the tables so far (sequential and index reads). */
async function tuplesRead(db: Queryable): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select coalesce(sum(seq_tup_read + coalesce(idx_tup_fetch, 0)), 0)::bigint as n
		from pg_stat_xact_user_tables where relname not like 'pg_%'`;
	return row!.n;
}
