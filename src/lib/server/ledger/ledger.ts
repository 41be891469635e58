import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../db/client';

/*
 * The double-entry ledger. Every movement of money is one transaction whose entries sum to zero; an
 * account's balance is the sum of its entries (kept on the account row by a trigger, so that writers to
 * one account queue on its row and the database refuses an overdraft of the fund, a need or the
 * suspense account). The database also refuses, at commit, a transaction that does not sum to zero.
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
 * Every account's balance now, or at the end of a day (yyyy-mm-dd) from the entries of transactions
 * that happened on or before it.
 */
export async function accountBalances(db: Queryable, asOf?: string): Promise<AccountBalance[]> {
	return db<AccountBalance[]>`
		select a.code, a.kind, a.need_id as "needId", n.number as "needNumber", n.title as "needTitle",
			case when ${asOf ?? null}::date is null then a.balance
				else coalesce((select sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
					where e.account_id = a.id and t.occurred_on <= ${asOf ?? null}::date), 0)::bigint end as balance
		from ledger_accounts a left join needs n on n.id = a.need_id
		order by case a.kind when 'fund' then 0 when 'suspense' then 1 when 'need' then 2 when 'income' then 3
			when 'payout' then 4 else 5 end, n.number, a.code`;
}

export async function fundBalance(db: Queryable): Promise<number> {
	const [row] = await db<{ balance: number }[]>`select balance from ledger_accounts where code = 'fund'`;
	return row?.balance ?? 0;
}
