import type { Queryable } from '../db/client';

/*
 * Reports for the coordinator and the club's accountant: the ledger's entries for a period as CSV, a
 * summary per need, and totals of gifts per channel and year.
 *
 * CSV is written here rather than with a library: the format Czech spreadsheets open without a wizard
 * (UTF-8 with BOM, `;` between fields, decimal comma) is a few lines, and a cell starting with = + - @
 * is neutralised so that a donor's name cannot become a formula in the accountant's spreadsheet.
 */

const cell = (value: string | number | null): string => {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	// a plain number such as "-1234,50" stays a number; any other text starting like a formula does not
	const text = /^[=+\-@\t\r]/.test(value) && !/^-\d+(,\d+)?$/.test(value) ? `'${value}` : value;
	return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** haléře → "1234,50" (no thousands separator, so spreadsheets read it as a number) */
export const csvAmount = (halere: number): string => {
	const sign = halere < 0 ? '-' : '';
	const abs = Math.abs(halere);
	return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
};

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

export interface LedgerEntryRow {
	occurredOn: string;
	transactionId: string;
	kind: string;
	needNumber: number | null;
	memo: string | null;
	account: string;
	amount: number;
}

/** The entries of transactions that happened between two days (inclusive). */
export async function ledgerEntries(db: Queryable, from: string, to: string): Promise<LedgerEntryRow[]> {
	return db<LedgerEntryRow[]>`
		select to_char(t.occurred_on, 'YYYY-MM-DD') as "occurredOn", t.id as "transactionId", t.kind,
			n.number as "needNumber", t.memo, a.code as account, e.amount
		from ledger_transactions t
		join ledger_entries e on e.transaction_id = t.id
		join ledger_accounts a on a.id = e.account_id
		left join needs n on n.id = t.need_id
		where t.occurred_on between ${from}::date and ${to}::date
		order by t.occurred_on, t.recorded_at, t.id, e.id`;
}

/** The ledger CSV: one row per entry; the account of a need is shown by its number, never its text. */
export function ledgerCsv(rows: LedgerEntryRow[], header: string[]): string {
	return toCsv(
		header,
		rows.map((r) => [
			r.occurredOn,
			r.transactionId,
			r.kind,
			r.needNumber,
			r.memo,
			r.account.startsWith('need:') ? `need:${r.needNumber ?? ''}` : r.account,
			csvAmount(r.amount)
		])
	);
}

export interface NeedSummary {
	needId: string;
	number: number;
	title: string;
	status: string;
	form: string;
	target: number;
	allocated: number;
	donated: number;
	raised: number;
	paidOut: number;
	returned: number;
	balance: number;
}

/** Every decided need's money: target, from the fund, from gifts, paid out, returned, left. */
export async function needSummaries(db: Queryable): Promise<NeedSummary[]> {
	return db<NeedSummary[]>`
		select n.id as "needId", n.number, n.title, n.status, d.form, d.approved_amount as target,
			coalesce(sum(e.amount) filter (where t.kind = 'allocation'), 0)::bigint as allocated,
			coalesce(sum(e.amount) filter (where t.kind in ('donation', 'assignment', 'refund')), 0)::bigint as donated,
			coalesce(sum(e.amount) filter (where t.kind in ('allocation', 'donation', 'assignment', 'refund')), 0)::bigint as raised,
			coalesce(-sum(e.amount) filter (where t.kind = 'payout'), 0)::bigint as "paidOut",
			coalesce(-sum(e.amount) filter (where t.kind = 'return_to_fund'), 0)::bigint as returned,
			coalesce(a.balance, 0) as balance
		from need_decisions d join needs n on n.id = d.need_id
		left join ledger_accounts a on a.need_id = n.id
		left join ledger_entries e on e.account_id = a.id
		left join ledger_transactions t on t.id = e.transaction_id
		group by n.id, d.need_id, a.balance order by n.number desc`;
}

export interface ChannelTotal {
	year: number;
	channel: 'card' | 'bank' | 'offline' | 'in_kind';
	purpose: 'gift' | 'dues';
	count: number;
	amount: number;
}

/**
 * Gifts and dues received per year and channel, less what of them went back (card refunds, lost
 * disputes, returned transfers): the same definition of a gift as the public figures
 * (figures/public-figures.ts) and the confirmations of gifts, so that the coordinator's totals and the
 * public ones agree.
 */
export async function channelTotals(db: Queryable): Promise<ChannelTotal[]> {
	return db<ChannelTotal[]>`
		select extract(year from received_on)::int as year, channel, purpose, count(*)::int as count,
			sum(amount - refunded)::bigint as amount
		from donations group by 1, 2, 3 order by 1 desc, 2, 3`;
}
