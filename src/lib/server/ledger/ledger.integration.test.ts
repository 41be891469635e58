import { system } from '$lib/server/core/actor';
import { contextFor } from '../needs/test-factory';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import type { People } from '../needs/test-factory';
import { selectEvents, selectNeed } from '../needs/queries';
import { cancelNeed, closeNeed } from './closing';
import { allocateFromFund, needMoney, receiveGift } from './funding';
import { accountBalances, fundBalance, postTransaction, UnbalancedTransactionError } from './ledger';
import { recordOfflineGift } from './offline';
import { decidedNeed, fillFund, moneyTestDatabase } from './test-factory';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const today = () => new Date().toISOString().slice(0, 10);

describe('the ledger in the database', () => {
	it('refuses a transaction whose entries do not sum to zero, at commit', async () => {
		await fillFund(sql, 1_000);
		const attempt = sql.begin(async (tx) => {
			const [t] = await tx<
				{ id: string }[]
			>`insert into ledger_transactions (kind) values ('donation') returning id`;
			const [fund] = await tx<{ id: string }[]>`select id from ledger_accounts where code = 'fund'`;
			const [income] = await tx<{ id: string }[]>`select id from ledger_accounts where code = 'income:bank'`;
			await tx`insert into ledger_entries (transaction_id, account_id, amount) values (${t!.id}, ${fund!.id}, 500)`;
			await tx`insert into ledger_entries (transaction_id, account_id, amount) values (${t!.id}, ${income!.id}, -499)`;
		});
		await expect(attempt).rejects.toThrow(/unbalanced/);
		expect(await fundBalance(sql)).toBe(1_000);
		const [count] = await sql<{ n: number }[]>`select count(*)::int as n from ledger_transactions`;
		const n = count!.n;
		expect(n).toBe(1);
	});

	it('refuses a transaction without entries, and one entry alone', async () => {
		await expect(sql`insert into ledger_transactions (kind) values ('donation')`).rejects.toThrow(
			/unbalanced/
		);
		await expect(
			sql.begin(async (tx) => {
				const [t] = await tx<
					{ id: string }[]
				>`insert into ledger_transactions (kind) values ('fee') returning id`;
				const [fees] = await tx<{ id: string }[]>`select id from ledger_accounts where code = 'fees'`;
				await tx`insert into ledger_entries (transaction_id, account_id, amount) values (${t!.id}, ${fees!.id}, 100)`;
			})
		).rejects.toThrow(/unbalanced/);
	});

	it('refuses to take the general fund below zero, even when the entries balance', async () => {
		await fillFund(sql, 1_000);
		const overdraft = sql.begin((tx) =>
			postTransaction(tx, {
				kind: 'payout',
				entries: [
					{ account: 'fund', amount: -1_001 },
					{ account: 'payout:suppliers', amount: 1_001 }
				]
			})
		);
		await expect(overdraft).rejects.toThrow(/ledger_accounts_check/);
		expect(await fundBalance(sql)).toBe(1_000);
	});

	it('keeps entries and transactions append-only', async () => {
		await fillFund(sql, 1_000);
		await expect(sql`update ledger_entries set amount = amount * 2`).rejects.toThrow(/append-only/);
		await expect(sql`delete from ledger_transactions`).rejects.toThrow(/append-only/);
	});

	it('refuses unbalanced entries before they reach the database', async () => {
		await expect(
			sql.begin((tx) =>
				postTransaction(tx, {
					kind: 'donation',
					entries: [
						{ account: 'fund', amount: 100 },
						{ account: 'income:bank', amount: -99 }
					]
				})
			)
		).rejects.toThrow(UnbalancedTransactionError);
	});

	it('gives balances now and as of an earlier day', async () => {
		await sql.begin((tx) =>
			postTransaction(tx, {
				kind: 'donation',
				occurredOn: '2026-01-10',
				entries: [
					{ account: 'income:bank', amount: -50_000 },
					{ account: 'fund', amount: 50_000 }
				]
			})
		);
		await sql.begin((tx) =>
			postTransaction(tx, {
				kind: 'donation',
				occurredOn: '2026-03-01',
				entries: [
					{ account: 'income:offline', amount: -20_000 },
					{ account: 'fund', amount: 20_000 }
				]
			})
		);
		const fundOn = async (day?: string) =>
			(await accountBalances(sql, day)).find((a) => a.code === 'fund')!.balance;
		expect(await fundOn()).toBe(70_000);
		expect(await fundOn('2026-02-28')).toBe(50_000);
		expect(await fundOn('2026-01-09')).toBe(0);
		expect((await accountBalances(sql)).find((a) => a.code === 'income:bank')!.balance).toBe(-50_000);
	});
});

describe('allocation from the general fund', () => {
	it('allocates at most what is missing and what the fund holds, then marks the need funded', async () => {
		const needId = await decidedNeed(sql, p, 100_000);
		await fillFund(sql, 80_000);
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 100_001)).toEqual({
			ok: false,
			reason: 'over_missing',
			limit: 100_000
		});
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 90_000)).toEqual({
			ok: false,
			reason: 'fund_too_low',
			limit: 80_000
		});
		expect(await allocateFromFund(contextFor(sql, p.member), needId, 10_000)).toMatchObject({
			ok: false,
			reason: 'forbidden'
		});
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 60_000)).toEqual({
			ok: true,
			funded: false
		});
		expect((await selectNeed(sql, needId))!.status).toBe('funding');
		await fillFund(sql, 50_000);
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 40_000)).toEqual({
			ok: true,
			funded: true
		});
		expect((await selectNeed(sql, needId))!.status).toBe('funded');
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 1)).toMatchObject({
			reason: 'wrong_state'
		});
		const money = (await needMoney(sql, needId))!;
		expect(money).toMatchObject({
			target: 100_000,
			raised: 100_000,
			allocated: 100_000,
			balance: 100_000,
			missing: 0
		});
		expect(await fundBalance(sql)).toBe(30_000);
		const kinds = (await selectEvents(sql, needId)).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['allocated', 'funded']));
		const mails =
			await sql`select to_address from outbox where subject like '%zafinancovaná%' order by to_address`;
		expect(mails.map((m) => m.to_address)).toEqual(['clen@test.cz', 'pracovnice@test.cz']);
	});

	it('lets exactly 10 of 50 concurrent 100 Kč allocations through on a 1 000 Kč need', async () => {
		const needId = await decidedNeed(sql, p, 100_000);
		await fillFund(sql, 1_000_000);
		const clients = Array.from({ length: 10 }, () => t.db.connect({ max: 5 }));
		const results = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				allocateFromFund(contextFor(clients[i % 10]!, p.coordinator), needId, 10_000)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(10);
		expect(
			results.filter((r) => !r.ok).every((r) => !r.ok && ['over_missing', 'wrong_state'].includes(r.reason))
		).toBe(true);
		expect((await needMoney(sql, needId))!.raised).toBe(100_000);
		expect(await fundBalance(sql)).toBe(900_000);
	});

	it('never overfunds a need nor empties the fund below zero under concurrent allocations and gifts', async () => {
		const needId = await decidedNeed(sql, p, 100_000);
		await fillFund(sql, 50_000);
		const clients = Array.from({ length: 10 }, () => t.db.connect({ max: 5 }));
		const attempts = Array.from({ length: 60 }, (_, i) => {
			const c = clients[i % 10]!;
			return i % 2
				? allocateFromFund(contextFor(c, p.coordinator), needId, 7_000)
				: c.begin((tx) =>
						receiveGift(contextFor(tx, system), {
							channel: 'bank',
							amount: 9_000,
							needId,
							receivedOn: today()
						})
					);
		});
		await Promise.all(attempts);
		const money = (await needMoney(sql, needId))!;
		expect(money.raised).toBe(100_000);
		const [gifts] = await sql<{ toNeed: number; toFund: number }[]>`
			select coalesce(sum(to_need), 0)::bigint as "toNeed", coalesce(sum(to_fund), 0)::bigint as "toFund" from donations`;
		expect(gifts!.toNeed + money.allocated).toBe(100_000);
		expect(gifts!.toNeed + gifts!.toFund).toBe(30 * 9_000);
		expect(await fundBalance(sql)).toBe(50_000 - money.allocated + gifts!.toFund);
		expect(await fundBalance(sql)).toBeGreaterThanOrEqual(0);
	});
});

describe('gifts', () => {
	it('caps a gift at what the need misses and sends the rest to the general fund', async () => {
		const needId = await decidedNeed(sql, p, 30_000);
		const first = await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), { channel: 'bank', amount: 20_000, needId, receivedOn: today() })
		);
		expect(first).toMatchObject({ toNeed: 20_000, toFund: 0 });
		const second = await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), { channel: 'bank', amount: 25_000, needId, receivedOn: today() })
		);
		expect(second).toMatchObject({ toNeed: 10_000, toFund: 15_000 });
		const late = await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), { channel: 'bank', amount: 5_000, needId, receivedOn: today() })
		);
		expect(late).toMatchObject({ toNeed: 0, toFund: 5_000 });
		expect((await needMoney(sql, needId))!.raised).toBe(30_000);
		expect(await fundBalance(sql)).toBe(20_000);
		expect((await selectNeed(sql, needId))!.status).toBe('funded');
	});

	it('records offline gifts with a note, and a gift in kind as given to the family at once', async () => {
		const needId = await decidedNeed(sql, p, 50_000);
		const cash = await recordOfflineGift(contextFor(sql, p.coordinator), {
			kind: 'cash',
			amount: 10_000,
			receivedOn: '2026-11-02',
			needId: null,
			description: '',
			donorName: 'Jana Dárcová',
			donorAddress: 'Brno',
			donorEmail: '',
			note: 'sbírka na plese'
		});
		expect(cash).toMatchObject({ ok: true, toNeed: 0, toFund: 10_000 });
		const tooMuch = await recordOfflineGift(contextFor(sql, p.coordinator), {
			kind: 'in_kind',
			amount: 60_000,
			receivedOn: '2026-11-02',
			needId,
			description: 'Pračka',
			donorName: '',
			donorAddress: '',
			donorEmail: '',
			note: ''
		});
		expect(tooMuch).toEqual({ ok: false, reason: 'over_missing', limit: 50_000 });
		const washer = await recordOfflineGift(contextFor(sql, p.coordinator), {
			kind: 'in_kind',
			amount: 20_000,
			receivedOn: '2026-11-02',
			needId,
			description: 'Pračka',
			donorName: 'Obchod s.r.o.',
			donorAddress: '',
			donorEmail: '',
			note: ''
		});
		expect(washer).toMatchObject({ ok: true, toNeed: 20_000 });
		const money = (await needMoney(sql, needId))!;
		expect(money).toMatchObject({ raised: 20_000, paidOut: 20_000, balance: 0, missing: 30_000 });
		expect(
			await recordOfflineGift(contextFor(sql, p.member), {
				kind: 'cash',
				amount: 1,
				receivedOn: '2026-11-02',
				needId: null,
				description: '',
				donorName: '',
				donorAddress: '',
				donorEmail: '',
				note: ''
			})
		).toMatchObject({ ok: false, reason: 'forbidden' });
		const [row] = await sql`select note, donor_name from donations where offline_kind = 'cash'`;
		expect(row).toEqual({ note: 'sbírka na plese', donor_name: 'Jana Dárcová' });
	});
});

describe('closing and cancelling', () => {
	it('returns what is left on a cancelled need to the general fund, audited, in one transaction', async () => {
		const needId = await decidedNeed(sql, p, 40_000);
		await fillFund(sql, 40_000);
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 25_000);
		expect(await cancelNeed(contextFor(sql, p.coordinator), needId, '')).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		expect(await cancelNeed(contextFor(sql, p.member), needId, 'x')).toMatchObject({
			ok: false,
			reason: 'forbidden'
		});
		expect(await cancelNeed(contextFor(sql, p.donor), needId, 'x')).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await cancelNeed(contextFor(sql, p.coordinator), needId, 'Rodina se odstěhovala.')).toEqual({
			ok: true,
			returned: 25_000
		});
		expect(await fundBalance(sql)).toBe(40_000);
		expect((await needMoney(sql, needId))!.balance).toBe(0);
		expect((await selectNeed(sql, needId))!.status).toBe('cancelled');
		const audits = await sql`select action, details from audit_log where target_id = ${needId} order by id`;
		expect(audits.map((a) => a.action)).toEqual([
			'ledger.allocated',
			'ledger.returned_to_fund',
			'need.cancelled'
		]);
		// a gift arriving for it later goes to the general fund
		const late = await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), { channel: 'bank', amount: 1_000, needId, receivedOn: today() })
		);
		expect(late).toMatchObject({ toNeed: 0, toFund: 1_000 });
	});

	it('closes a funded need and returns the unspent rest', async () => {
		const needId = await decidedNeed(sql, p, 40_000);
		await fillFund(sql, 40_000);
		expect(await closeNeed(contextFor(sql, p.coordinator), needId, '')).toMatchObject({
			ok: false,
			reason: 'wrong_state'
		});
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 40_000);
		await sql.begin((tx) =>
			postTransaction(tx, {
				kind: 'payout',
				needId,
				entries: [
					{ account: `need:${needId}`, amount: -36_000 },
					{ account: 'payout:suppliers', amount: 36_000 }
				]
			})
		);
		expect(await closeNeed(contextFor(sql, p.coordinator), needId, 'Předáno.')).toEqual({
			ok: true,
			returned: 4_000
		});
		expect(await fundBalance(sql)).toBe(4_000);
		expect((await selectEvents(sql, needId)).map((e) => e.kind)).toEqual(
			expect.arrayContaining(['closed', 'money_returned'])
		);
	});
});
