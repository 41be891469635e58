import { paged, type PageRequest, type Paged } from '$lib/paging';
import type postgres from 'postgres';
import type { Queryable } from '../db/client';

/*
 * Reports for the coordinator and the club's accountant: the ledger's entries for a period as CSV, a
 * summary per need, and totals of gifts per channel and year.
 *
 * CSV is written here rather than with a library: the format Czech spreadsheets open without a wizard
 * (UTF-8 with BOM, `;` between fields, decimal comma) is a few lines, and a cell starting with = + - @
 * is neutralised so that a donor's name cannot become a formula in the accountant's spreadsheet.
 */

export type CsvCell = string | number | null;

const cell = (value: CsvCell): string => {
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

export function toCsv(header: string[], rows: CsvCell[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

/** One CSV line with its line end, as toCsv writes it. */
const csvLine = (cells: CsvCell[]) => cells.map(cell).join(';') + '\r\n';

/**
 * A CSV export written while it downloads, the same bytes as toCsv: the header first (so the download
 * starts at once), then each slice as it comes from the database. `around` runs each step in the
 * request's context (its language), which the stream is read outside of.
 */
export function csvStream<T>(
	header: string[],
	slices: AsyncGenerator<T[]>,
	cells: (row: T) => CsvCell[],
	around: <R>(step: () => Promise<R>) => Promise<R> = (step) => step()
): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let started = false;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				if (!started) {
					started = true;
					controller.enqueue(encoder.encode('\uFEFF' + csvLine(header)));
					return;
				}
				const text = await around(async () => {
					const next = await slices.next();
					return next.done ? null : next.value.map((row) => csvLine(cells(row))).join('');
				});
				if (text === null) controller.close();
				else controller.enqueue(encoder.encode(text));
			} catch (e) {
				controller.error(e);
			}
		},
		async cancel() {
			await slices.return(undefined);
		}
	});
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

/** Where a slice of the ledger export ended: the sort key of its last row. */
interface LedgerKey {
	occurredOn: string;
	/**
	 * the recording time as PostgreSQL's text: a JavaScript Date would lose its microseconds. It goes back
	 * as `::text::timestamptz`: with `::timestamptz` alone a server types the parameter and postgres.js
	 * sends it through a Date, losing them after all (and the export repeats rows forever).
	 */
	recordedAt: string;
	transactionId: string;
	entryId: number;
}

/** Rows of one query of an export: a few thousand, so that no query holds the connection for long. */
export const EXPORT_SLICE = 2000;

/** The ledger's order: by day, by when each transaction was recorded, then by ids (unique). */
async function ledgerSlice(
	db: Queryable,
	from: string,
	to: string,
	after: LedgerKey | null,
	size: number
): Promise<(LedgerEntryRow & { key: LedgerKey })[]> {
	const rows = await db<(LedgerEntryRow & { recordedAt: string; entryId: number })[]>`
		select to_char(t.occurred_on, 'YYYY-MM-DD') as "occurredOn", t.id as "transactionId", t.kind,
			n.number as "needNumber", t.memo, a.code as account, e.amount,
			t.recorded_at::text as "recordedAt", e.id as "entryId"
		from ledger_transactions t
		join ledger_entries e on e.transaction_id = t.id
		join ledger_accounts a on a.id = e.account_id
		left join needs n on n.id = t.need_id
		where t.occurred_on between ${from}::date and ${to}::date
			${
				after
					? db`and (t.occurred_on, t.recorded_at, t.id, e.id) >
						(${after.occurredOn}::date, ${after.recordedAt}::text::timestamptz, ${after.transactionId}::uuid, ${after.entryId})`
					: db``
			}
		order by t.occurred_on, t.recorded_at, t.id, e.id
		limit ${size}`;
	return rows.map(({ recordedAt, entryId, ...row }) => ({
		...row,
		key: { occurredOn: row.occurredOn, recordedAt, transactionId: row.transactionId, entryId }
	}));
}

/**
 * The entries of transactions that happened between two days (inclusive), slice by slice: each slice is
 * its own short query continuing after the last row of the one before (never an open cursor), since the
 * embedded database has one connection that other requests must not wait on for a whole download.
 */
export async function* ledgerEntrySlices(
	db: Queryable,
	from: string,
	to: string,
	size = EXPORT_SLICE
): AsyncGenerator<LedgerEntryRow[]> {
	let after: LedgerKey | null = null;
	for (;;) {
		const rows = await ledgerSlice(db, from, to, after, size);
		if (rows.length) yield rows.map(({ key: _key, ...row }) => row);
		if (rows.length < size) return;
		after = rows.at(-1)!.key;
	}
}

/** The entries of transactions that happened between two days (inclusive), all at once (small periods, tests). */
export async function ledgerEntries(db: Queryable, from: string, to: string): Promise<LedgerEntryRow[]> {
	const all: LedgerEntryRow[] = [];
	for await (const slice of ledgerEntrySlices(db, from, to)) all.push(...slice);
	return all;
}

/** One row of the ledger CSV; the account of a need is shown by its number, never its text. */
export const ledgerCsvCells = (r: LedgerEntryRow): CsvCell[] => [
	r.occurredOn,
	r.transactionId,
	r.kind,
	r.needNumber,
	r.memo,
	r.account.startsWith('need:') ? `need:${r.needNumber ?? ''}` : r.account,
	csvAmount(r.amount)
];

/** The ledger CSV: one row per entry. */
export function ledgerCsv(rows: LedgerEntryRow[], header: string[]): string {
	return toCsv(header, rows.map(ledgerCsvCells));
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

/** The money overview's filter: every decided need, those with money on their account, those without. */
export const needMoneyStates = ['all', 'left', 'spent'] as const;
export type NeedMoneyState = (typeof needMoneyStates)[number];

export interface NeedSummaryFilter {
	state: NeedMoneyState;
	/** one need by its number */
	number?: number | null;
}

export interface NeedSummaryList extends Paged<NeedSummary> {
	/** decided needs under each state (the number search applied) */
	counts: Record<NeedMoneyState, number>;
}

/*
 * The need accounts' balances are kept on ledger_accounts by a trigger, so choosing "money left" reads
 * one column; the sums per kind of transaction are read from the entries only for the needs shown.
 */
const moneyStateCondition = (db: Queryable, state: NeedMoneyState) =>
	state === 'left' ? db`and a.balance > 0` : state === 'spent' ? db`and coalesce(a.balance, 0) = 0` : db``;

/** Decided needs by number, newest first, with their sums read from the entries of those needs only. */
function summaryRows(db: Queryable, where: postgres.PendingQuery<postgres.Row[]>, size: number, offset = 0) {
	return db<NeedSummary[]>`
		select p."needId", p.number, p.title, p.status, p.form, p.target,
			s.allocated, s.donated, s.raised, s."paidOut", s.returned, p.balance
		from (
			select n.id as "needId", n.number, n.title, n.status, d.form, d.approved_amount as target,
				a.id as account_id, coalesce(a.balance, 0)::bigint as balance
			from need_decisions d join needs n on n.id = d.need_id
			left join ledger_accounts a on a.need_id = n.id
			where true ${where}
			order by n.number desc
			limit ${size} offset ${offset}
		) p
		cross join lateral (
			select
				coalesce(sum(e.amount) filter (where t.kind = 'allocation'), 0)::bigint as allocated,
				coalesce(sum(e.amount) filter (where t.kind in ('donation', 'assignment', 'refund')), 0)::bigint as donated,
				coalesce(sum(e.amount) filter (where t.kind in ('allocation', 'donation', 'assignment', 'refund')), 0)::bigint as raised,
				coalesce(-sum(e.amount) filter (where t.kind = 'payout'), 0)::bigint as "paidOut",
				coalesce(-sum(e.amount) filter (where t.kind = 'return_to_fund'), 0)::bigint as returned
			from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
			where e.account_id = p.account_id
		) s
		order by p.number desc`;
}

/**
 * One page of the decided needs' money: target, from the fund, from gifts, paid out, returned, left;
 * newest need first (the number is unique, so no need is on two pages), with the count of each state.
 */
export async function needSummaries(
	db: Queryable,
	filter: NeedSummaryFilter,
	request: PageRequest
): Promise<NeedSummaryList> {
	const byNumber = filter.number ? db`and n.number = ${filter.number}` : db``;
	const rows = await summaryRows(
		db,
		db`${byNumber} ${moneyStateCondition(db, filter.state)}`,
		request.size,
		request.offset
	);
	const [count] = await db<{ all: number; left: number }[]>`
		select count(*)::int as all, count(*) filter (where a.balance > 0)::int as left
		from need_decisions d
		${filter.number ? db`join needs n on n.id = d.need_id` : db``}
		left join ledger_accounts a on a.need_id = d.need_id
		where true ${byNumber}`;
	const counts = { all: count!.all, left: count!.left, spent: count!.all - count!.left };
	return { ...paged(rows, counts[filter.state], request), counts };
}

/** Every decided need's money, newest first, slice by slice (by number: each slice a short query). */
export async function* needSummarySlices(db: Queryable, size = EXPORT_SLICE): AsyncGenerator<NeedSummary[]> {
	let before: number | null = null;
	for (;;) {
		const rows = await summaryRows(db, before === null ? db`` : db`and n.number < ${before}`, size);
		if (rows.length) yield rows;
		if (rows.length < size) return;
		before = rows.at(-1)!.number;
	}
}

export interface ChannelTotal {
	year: number;
	channel: 'card' | 'bank' | 'offline' | 'in_kind';
	purpose: 'gift' | 'dues';
	count: number;
	amount: number;
}

/** One year's gifts and dues per channel and purpose. */
const yearTotals = (db: Queryable, year: number) => db<ChannelTotal[]>`
	select ${year}::int as year, channel, purpose, count(*)::int as count, sum(amount - refunded)::bigint as amount
	from donations
	where received_on >= make_date(${year}::int, 1, 1) and received_on < make_date(${year}::int + 1, 1, 1)
	group by 2, 3 order by 2, 3`;

/**
 * Gifts and dues received per year and channel, less what of them went back (card refunds, lost
 * disputes, returned transfers): the same definition of a gift as the public figures
 * (figures/public-figures.ts) and the confirmations of gifts, so that the coordinator's totals and the
 * public ones agree. Newest year first, a year per query, so that no query sums the whole history.
 */
export async function* channelTotalSlices(db: Queryable): AsyncGenerator<ChannelTotal[]> {
	const [span] = await db<{ first: number | null; last: number | null }[]>`
		select extract(year from min(received_on))::int as first, extract(year from max(received_on))::int as last
		from donations`;
	if (span?.first == null || span.last == null) return;
	for (let year = span.last; year >= span.first; year--) {
		const rows = await yearTotals(db, year);
		if (rows.length) yield rows;
	}
}

/** Gifts and dues per year and channel, all at once (a few rows a year). */
export async function channelTotals(db: Queryable): Promise<ChannelTotal[]> {
	const all: ChannelTotal[] = [];
	for await (const slice of channelTotalSlices(db)) all.push(...slice);
	return all;
}
