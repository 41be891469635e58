import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/client';

/*
 * The double-entry ledger. Every movement of money is one transaction whose entries sum to zero; an
 * account's balance is the sum of its entries (kept on the account row by a trigger, so that writers to
 * one account queue on its row and the database refuses an overdraft of the fund, a need or the
 * suspense account). The database also refuses, at commit, a transaction that does not sum to zero.
 * The same trigger keeps each account's totals per month and transaction kind and per day
 * (migrations/0023_kept_totals.sql), which balances as of a day and the public figures read instead of
 * the entries; it takes them right after the account's row, so they add no lock order of their own.
 *
 * Sign: money the club holds is positive on the fund, need and suspense accounts; income accounts go
 * negative by what came in, payout and fee accounts positive by what went out.
 */

export const FUND = 'fund';
export const SUSPENSE_BANK = 'suspense:bank';
export const FEES = 'fees';
/** interest the bank credits: the club's money, but not a gift */
export const INTEREST = 'interest';

export type Channel = 'card' | 'bank' | 'offline' | 'in_kind';
export const incomeAccount = (channel: Channel) => `income:${channel}`;
export const payoutAccount = (recipient: 'supplier' | 'family') =>
	recipient === 'supplier' ? 'payout:suppliers' : 'payout:families';
export const needAccount = (needId: string) => `need:${needId}`;

export type TransactionKind =
	| 'donation'
	| 'allocation'
	| 'payout'
	| 'return_to_fund'
	| 'bank_unassigned'
	| 'assignment'
	| 'refund'
	| 'fee'
	| 'interest';

export interface EntryInput {
	/** an account code: 'fund', 'income:bank', 'need:<id>' ... */
	account: string;
	/** haléře; the entries of one transaction sum to zero */
	amount: number;
}

export class UnbalancedTransactionError extends Error {
	override name = 'UnbalancedTransactionError';
}

/** The club's fixed accounts (the migration opens them; listed here so a missing one is reopened). */
const fixedAccounts: Record<string, { kind: string; nonNegative: boolean }> = {
	[FUND]: { kind: 'fund', nonNegative: true },
	[SUSPENSE_BANK]: { kind: 'suspense', nonNegative: true },
	[FEES]: { kind: 'fees', nonNegative: false },
	[INTEREST]: { kind: 'interest', nonNegative: false },
	'income:card': { kind: 'income', nonNegative: false },
	'income:bank': { kind: 'income', nonNegative: false },
	'income:offline': { kind: 'income', nonNegative: false },
	'income:in_kind': { kind: 'income', nonNegative: false },
	'payout:suppliers': { kind: 'payout', nonNegative: false },
	'payout:families': { kind: 'payout', nonNegative: false }
};

/** The account's id; a need's account is opened on first use. */
async function accountId(tx: Queryable, code: string): Promise<string> {
	const [found] = await tx<{ id: string }[]>`select id from ledger_accounts where code = ${code}`;
	if (found) return found.id;
	const needId = /^need:([0-9a-f-]{36})$/.exec(code)?.[1] ?? null;
	const fixed = fixedAccounts[code];
	if (!needId && !fixed) throw new Error(`no ledger account ${code}`);
	await tx`
		insert into ledger_accounts (code, kind, need_id, non_negative)
		values (${code}, ${fixed?.kind ?? 'need'}, ${needId}, ${fixed?.nonNegative ?? true})
		on conflict (code) do nothing`;
	const [created] = await tx<{ id: string }[]>`select id from ledger_accounts where code = ${code}`;
	return created!.id;
}

/**
 * Writes one balanced transaction and returns its id. Entries on the same account are merged and
 * written in the order of the accounts' ids, so that two transactions touching the same accounts lock
 * them in the same order and cannot deadlock.
 */
export async function postTransaction(
	tx: Tx,
	t: {
		kind: TransactionKind;
		entries: EntryInput[];
		/** yyyy-mm-dd; today when not given */
		occurredOn?: string | null;
		needId?: string | null;
		memo?: string | null;
		recordedBy?: string | null;
		reverses?: string | null;
	}
): Promise<string> {
	const merged = new Map<string, number>();
	for (const e of t.entries) {
		if (!Number.isSafeInteger(e.amount))
			throw new UnbalancedTransactionError(`amount ${e.amount} is not whole haléře`);
		merged.set(e.account, (merged.get(e.account) ?? 0) + e.amount);
	}
	const sum = [...merged.values()].reduce((a, b) => a + b, 0);
	const entries = [...merged].filter(([, amount]) => amount !== 0);
	if (sum !== 0 || entries.length < 2)
		throw new UnbalancedTransactionError(`a ${t.kind} transaction must have balanced entries (sum ${sum})`);
	const withIds = await Promise.all(
		entries.map(async ([code, amount]) => ({ id: await accountId(tx, code), amount }))
	);
	withIds.sort((a, b) => (a.id < b.id ? -1 : 1));
	const [row] = await tx<{ id: string }[]>`
		insert into ledger_transactions (kind, occurred_on, need_id, memo, recorded_by, reverses)
		values (${t.kind}, coalesce(${t.occurredOn ?? null}::date, current_date), ${t.needId ?? null},
			${t.memo ?? null}, ${t.recordedBy ?? null}, ${t.reverses ?? null})
		returning id`;
	for (const e of withIds) {
		await tx`insert into ledger_entries (transaction_id, account_id, amount) values (${row!.id}, ${e.id}, ${e.amount})`;
	}
	return row!.id;
}

/**
 * Writes many balanced transactions in a few statements, for imports of thousands of lines: the same
 * checks and the same lock order (every entry in the order of its account's id) as postTransaction.
 * Returns the ids in the order given.
 */
export async function postTransactions(
	tx: Tx,
	list: { kind: TransactionKind; entries: EntryInput[]; occurredOn: string; recordedBy?: string | null }[]
): Promise<string[]> {
	if (!list.length) return [];
	const codes = [...new Set(list.flatMap((t) => t.entries.map((e) => e.account)))];
	const ids = new Map<string, string>();
	for (const code of codes) ids.set(code, await accountId(tx, code));
	const transactions = list.map((t) => {
		const merged = new Map<string, number>();
		for (const e of t.entries) {
			if (!Number.isSafeInteger(e.amount))
				throw new UnbalancedTransactionError(`amount ${e.amount} is not whole haléře`);
			merged.set(e.account, (merged.get(e.account) ?? 0) + e.amount);
		}
		const entries = [...merged].filter(([, amount]) => amount !== 0);
		const sum = entries.reduce((a, [, b]) => a + b, 0);
		if (sum !== 0 || entries.length < 2)
			throw new UnbalancedTransactionError(`a ${t.kind} transaction must have balanced entries (sum ${sum})`);
		return { ...t, id: randomUUID(), entries };
	});
	await tx`
		insert into ledger_transactions (id, kind, occurred_on, recorded_by)
		select id, kind, day::date, by from unnest(${tx.array(transactions.map((t) => t.id))}::uuid[],
			${tx.array(transactions.map((t) => t.kind))}::text[], ${tx.array(transactions.map((t) => t.occurredOn))}::text[],
			${tx.array(transactions.map((t) => t.recordedBy ?? null))}::uuid[]) as t(id, kind, day, by)`;
	const entries = transactions
		.flatMap((t) =>
			t.entries.map(([code, amount]) => ({ transaction: t.id, account: ids.get(code)!, amount }))
		)
		.sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
	await tx`
		insert into ledger_entries (transaction_id, account_id, amount)
		select t, a, n::bigint from unnest(${tx.array(entries.map((e) => e.transaction))}::uuid[],
			${tx.array(entries.map((e) => e.account))}::uuid[], ${tx.array(entries.map((e) => String(e.amount)))}::text[])
			with ordinality as e(t, a, n, position)
		order by position`;
	return transactions.map((t) => t.id);
}

/** An account's balance, locking its row until the transaction ends (so what is checked stays true). */
export async function lockedBalance(tx: Tx, code: string): Promise<number> {
	const id = await accountId(tx, code);
	const [row] = await tx<
		{ balance: number }[]
	>`select balance from ledger_accounts where id = ${id} for update`;
	return row!.balance;
}

export interface AccountBalance {
	code: string;
	kind: 'fund' | 'need' | 'income' | 'payout' | 'fees' | 'suspense';
	needId: string | null;
	needNumber: number | null;
	needTitle: string | null;
	/** haléře, in the ledger's sign */
	balance: number;
}

/**
 * Every account's balance now, or at the end of a day (yyyy-mm-dd): what the transactions that happened
 * on or before it left there. As of a day it is the balance now less what came after the day, read from
 * the kept totals (migrations/0023_kept_totals.sql: the month rows after the day's month and the day
 * rows of that month after the day) rather than from the entries; a recent day reads few rows.
 */
export async function accountBalances(db: Queryable, asOf?: string): Promise<AccountBalance[]> {
	if (!asOf)
		return db<AccountBalance[]>`
			select a.code, a.kind, a.need_id as "needId", n.number as "needNumber", n.title as "needTitle",
				a.balance
			from ledger_accounts a left join needs n on n.id = a.need_id
			order by case a.kind when 'fund' then 0 when 'suspense' then 1 when 'need' then 2 when 'income' then 3
				when 'payout' then 4 else 5 end, n.number, a.code`;
	return db<AccountBalance[]>`
		with later as (
			select account_id, sum(amount) as amount from (
				select account_id, amount from ledger_month_totals
				where month > date_trunc('month', ${asOf}::date::timestamp)::date
				union all
				select account_id, amount from ledger_day_totals
				where day > ${asOf}::date and day < (date_trunc('month', ${asOf}::date::timestamp) + interval '1 month')::date
			) x group by account_id)
		select a.code, a.kind, a.need_id as "needId", n.number as "needNumber", n.title as "needTitle",
			(a.balance - coalesce(l.amount, 0))::bigint as balance
		from ledger_accounts a left join needs n on n.id = a.need_id left join later l on l.account_id = a.id
		order by case a.kind when 'fund' then 0 when 'suspense' then 1 when 'need' then 2 when 'income' then 3
			when 'payout' then 4 else 5 end, n.number, a.code`;
}

/** The club's own accounts (the fund, income, payouts, fees, suspense) and what the needs hold together. */
export interface ClubBalances {
	accounts: { code: string; kind: string; balance: number }[];
	/** the sum of every need's account */
	heldForNeeds: number;
}

/**
 * The money overview's balances, now or at the end of a day, without reading the needs' accounts: there
 * are as many of those as needs ever decided, and since every transaction sums to zero, what they hold
 * together is minus the sum of the club's dozen own accounts.
 */
export async function clubBalances(db: Queryable, asOf?: string): Promise<ClubBalances> {
	const accounts = asOf
		? await db<{ code: string; kind: string; balance: number }[]>`
			select a.code, a.kind, (a.balance - coalesce((
				select sum(m.amount) from ledger_month_totals m
				where m.account_id = a.id and m.month > date_trunc('month', ${asOf}::date::timestamp)::date
			), 0) - coalesce((
				select sum(d.amount) from ledger_day_totals d
				where d.account_id = a.id and d.day > ${asOf}::date
					and d.day < (date_trunc('month', ${asOf}::date::timestamp) + interval '1 month')::date
			), 0))::bigint as balance
			from ledger_accounts a where a.need_id is null order by a.code`
		: await db<{ code: string; kind: string; balance: number }[]>`
			select a.code, a.kind, a.balance from ledger_accounts a where a.need_id is null order by a.code`;
	return { accounts, heldForNeeds: 0 - accounts.reduce((sum, a) => sum + a.balance, 0) };
}

/**
 * One account's balance at the end of a day, from the kept totals: the month rows before the day's month
 * and the day rows of that month up to the day (a few dozen rows however long the account's history).
 */
export async function balanceAsOf(db: Queryable, code: string, day: string): Promise<number> {
	const [row] = await db<{ balance: number }[]>`
		select (coalesce((select sum(m.amount) from ledger_month_totals m
				where m.account_id = a.id and m.month < date_trunc('month', ${day}::date::timestamp)::date), 0)
			+ coalesce((select sum(d.amount) from ledger_day_totals d
				where d.account_id = a.id and d.day >= date_trunc('month', ${day}::date::timestamp)::date
					and d.day <= ${day}::date), 0))::bigint as balance
		from ledger_accounts a where a.code = ${code}`;
	return row?.balance ?? 0;
}

export async function fundBalance(db: Queryable): Promise<number> {
	const [row] = await db<{ balance: number }[]>`select balance from ledger_accounts where code = 'fund'`;
	return row?.balance ?? 0;
}
