import { system } from '$lib/server/core/actor';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import type { AttachmentStore } from '../files/uploads';
import { createPeople, type People, contextFor } from '../needs/test-factory';
import { assignPayment, importStatement, listUnassignedPayments } from '../payments/bank/import';
import { createPledge } from '../payments/bank/pledges';
import { parseKeyRing } from '../privacy/encryption';
import { cancelNeed, closeNeed } from './closing';
import { allocateFromFund, receiveGift } from './funding';
import { keptTotalsDrift, noDrift } from './kept-totals-check';
import { recordOfflineGift } from './offline';
import { recordPayout } from './payouts';
import { decidedNeed } from './test-factory';

/*
 * The ledger's invariants after random sequences of every operation that moves money: every transaction
 * sums to zero, each account's balance is the sum of its entries, no account that must not go negative
 * does, and no need ever holds more toward its target than its target (what arrives above it goes to
 * the general fund, as donors are told), and the kept totals equal the sums they keep.
 */

let db: TestDatabase;
let sql: Db;
let p: People;
const store: AttachmentStore = { keys: parseKeyRing(`t1:${Buffer.alloc(32, 7).toString('base64')}`) };

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});

type Op =
	| { op: 'allocate'; need: number; amount: number }
	| { op: 'gift'; need: number | null; amount: number; channel: 'bank' | 'card' | 'offline' }
	| { op: 'offline'; need: number | null; amount: number; inKind: boolean }
	| { op: 'payout'; need: number; amount: number }
	| { op: 'pledgePaid'; need: number | null; amount: number; exact: boolean }
	| { op: 'end'; need: number; cancel: boolean };

const amount = fc.integer({ min: 1, max: 60_000 });
const needIndex = fc.integer({ min: 0, max: 2 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ op: fc.constant('allocate' as const), need: needIndex, amount }),
	fc.record({
		op: fc.constant('gift' as const),
		need: fc.option(needIndex, { nil: null }),
		amount,
		channel: fc.constantFrom('bank' as const, 'card' as const, 'offline' as const)
	}),
	fc.record({
		op: fc.constant('offline' as const),
		need: fc.option(needIndex, { nil: null }),
		amount,
		inKind: fc.boolean()
	}),
	fc.record({ op: fc.constant('payout' as const), need: needIndex, amount }),
	fc.record({
		op: fc.constant('pledgePaid' as const),
		need: fc.option(needIndex, { nil: null }),
		amount: fc.integer({ min: 100, max: 60_000 }),
		exact: fc.boolean()
	}),
	fc.record({ op: fc.constant('end' as const), need: needIndex, cancel: fc.boolean() })
);

let statementLine = 0;
async function run(needs: string[], o: Op) {
	const needId = o.need === null ? null : needs[o.need]!;
	switch (o.op) {
		case 'allocate':
			return allocateFromFund(contextFor(sql, p.coordinator), needId!, o.amount);
		case 'gift':
			return sql.begin((tx) =>
				receiveGift(contextFor(tx, system), {
					channel: o.channel,
					amount: o.amount,
					needId,
					receivedOn: '2026-11-20'
				})
			);
		case 'offline':
			return recordOfflineGift(contextFor(sql, p.coordinator), {
				kind: o.inKind ? 'in_kind' : 'cash',
				amount: o.amount,
				receivedOn: '2026-11-20',
				needId,
				description: 'Lednice',
				donorName: '',
				donorAddress: '',
				donorEmail: '',
				note: ''
			});
		case 'payout':
			return recordPayout(
				contextFor(sql, p.coordinator),
				store,
				needId!,
				{ recipient: 'supplier', supplier: 'Obchod', amount: o.amount, paidOn: '2026-11-20', note: '' },
				null
			);
		case 'pledgePaid': {
			const pledge = await createPledge(sql, {
				purpose: 'gift',
				needId,
				amount: o.amount,
				donor: { id: null, name: null, email: null, address: null }
			});
			// a collection that is closed or full takes no pledge: the donor gives to the fund instead
			const symbol = pledge.ok ? pledge.variableSymbol : '1';
			const paid = o.exact ? o.amount : o.amount + 1;
			statementLine++;
			const csv = `"ID pohybu";"Datum";"Objem";"Měna";"VS"\r\n"r${statementLine}";"20.11.2026";"${Math.trunc(paid / 100)},${String(paid % 100).padStart(2, '0')}";"CZK";"${symbol}"\r\n`;
			await importStatement(contextFor(sql, p.coordinator), {
				name: 's.csv',
				bytes: new TextEncoder().encode(csv)
			});
			const [waiting] = (await listUnassignedPayments(sql)).rows;
			if (waiting)
				await assignPayment(
					contextFor(sql, p.coordinator),
					waiting.id,
					needId ? { kind: 'need', needId } : { kind: 'fund' }
				);
			return;
		}
		case 'end':
			return o.cancel
				? cancelNeed(contextFor(sql, p.coordinator), needId!, 'Pomoc už není potřeba.')
				: closeNeed(contextFor(sql, p.coordinator), needId!, '');
	}
}

async function checkInvariants(needs: string[]) {
	const unbalanced = await sql`
		select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0 or count(*) < 2`;
	expect(unbalanced).toEqual([]);
	const [total] = await sql<
		{ sum: number }[]
	>`select coalesce(sum(amount), 0)::bigint as sum from ledger_entries`;
	expect(total!.sum).toBe(0);
	const drift = await sql`
		select a.code from ledger_accounts a left join ledger_entries e on e.account_id = a.id
		group by a.id having a.balance <> coalesce(sum(e.amount), 0)`;
	expect(drift).toEqual([]);
	const negative = await sql`select code, balance from ledger_accounts where non_negative and balance < 0`;
	expect(negative).toEqual([]);
	const over = await sql`
		select d.need_id, d.approved_amount, sum(e.amount) as raised
		from need_decisions d join ledger_accounts a on a.need_id = d.need_id
		join ledger_entries e on e.account_id = a.id join ledger_transactions t on t.id = e.transaction_id
		where t.kind in ('allocation', 'donation', 'assignment', 'refund') and d.need_id in ${sql(needs)}
		group by d.need_id, d.approved_amount having sum(e.amount) > d.approved_amount`;
	expect(over).toEqual([]);
	const split = await sql`select id from donations where to_need + to_fund <> amount`;
	expect(split).toEqual([]);
	// the kept totals the figures read (migrations/0023_kept_totals.sql) are the sums of the entries
	expect(await keptTotalsDrift(sql)).toEqual(noDrift);
}

describe('ledger invariants under random operations', () => {
	it('hold after every step of random sequences', async () => {
		await resetDatabase(sql);
		p = await createPeople(sql);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.integer({ min: 10_000, max: 120_000 }), { minLength: 3, maxLength: 3 }),
				fc.array(opArb, { minLength: 5, maxLength: 25 }),
				async (targets, ops) => {
					const needs = [];
					for (const t of targets) needs.push(await decidedNeed(sql, p, t, 'fund_and_collection'));
					for (const o of ops) {
						await run(needs, o);
					}
					await checkInvariants(needs);
				}
			),
			{ numRuns: 12 }
		);
		// the sequences did move money (most operations were not refused)
		const [moved] = await sql<{ n: number }[]>`select count(*)::int as n from ledger_transactions`;
		expect(moved!.n).toBeGreaterThan(60);
	}, 240_000);
});
