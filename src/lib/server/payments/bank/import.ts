import type { PersonContext } from '$lib/server/core/context';
import { createHash } from 'node:crypto';
import { audit } from '../../audit';
import type { Queryable, Tx } from '../../db/client';
import { receiveGift } from '../../ledger/funding';
import {
	FEES,
	FUND,
	incomeAccount,
	INTEREST,
	lockedBalance,
	postTransaction,
	postTransactions,
	SUSPENSE_BANK
} from '../../ledger/ledger';
import { FundTooLowError, reverseGift, type GiftToReverse } from '../../ledger/reversal';
import { isCoordinator } from '../../needs/access';
import { isUuid } from '$lib/core/ids';
import { PAGE_SIZE, paged, type PageRequest, type Paged } from '$lib/paging';
import { clubAccountIbans } from './accounts';
import { isPledgeSymbol } from './pledges';
import { sameAccount } from '$lib/core/bank-account';
import {
	fallbackRef,
	parseStatementFile,
	StatementError,
	type Statement,
	type StatementFile,
	type StatementLine
} from './statement';

/*
 * Importing the club's bank statements. A file may hold several statements (camt.053, GPC); each is
 * checked against the club's own accounts and recorded on its own. Each line that changes what the club
 * has is recorded once, keyed by the bank's own reference (so importing the same or an overlapping
 * statement again records nothing twice):
 *  - an incoming payment whose variable symbol and amount match an open pledge becomes that pledge's
 *    gift; every other incoming payment waits in the suspense account for the coordinator to assign it;
 *  - a returned or reversed payment reverses the gift (or the waiting payment) it returns, once;
 *  - interest is booked to the fund from the interest account (no gift), a bank fee from the fund to
 *    fees, and a transfer between two of the club's accounts changes nothing;
 *  - other outgoing payments are the coordinator's payouts, recorded where they are made, and only
 *    counted here.
 * The file is parsed and checked whole before anything is written; then it is imported in batches,
 * each its own short transaction, so that a statement of 100,000 lines never holds other money actions
 * for more than a moment. An import that stops halfway leaves its statement unfinished; importing the
 * same file again records the rest.
 */

export interface StatementSummary {
	statementId: string;
	/** the statement's account as the file wrote it */
	account: string | null;
	lines: number;
	recorded: number;
	matched: number;
	unassigned: number;
	duplicates: number;
	outgoing: number;
	returned: number;
	interest: number;
	fees: number;
	ownTransfers: number;
}

export interface ImportSummary extends Omit<StatementSummary, 'statementId' | 'account'> {
	statements: StatementSummary[];
}

export type ImportProblem =
	StatementError['code'] | 'currency' | 'wrong_account' | 'no_club_account' | 'fund_too_low';

export type ImportResult =
	| { ok: true; summary: ImportSummary }
	| { ok: false; reason: 'forbidden' }
	| {
			ok: false;
			reason: 'invalid';
			code: ImportProblem;
			line: number | null;
			detail: string;
			/** wrong_account: the statement's account and the club's */
			accounts?: { statement: string; club: string[] };
	  };

type Invalid = Extract<ImportResult, { reason: 'invalid' }>;

// one batch at a time: two imports of overlapping statements must not match the same pledge twice
const IMPORT_LOCK = 0x5350_4c55;
/** lines per transaction: a batch of this many takes well under a second (bench/bank-import.ts) */
export const IMPORT_BATCH = 500;
/**
 * A line that pays a pledge records a gift (its own ledger transaction, the need's progress, a thank-you
 * e-mail), some twenty times the work of a waiting payment: a batch takes at most this many of them, and
 * so of a statement where every donor paid by QR code, too, no batch holds other money actions long.
 */
export const IMPORT_BATCH_GIFTS = 100;

/** [from, to) ranges of the statement's lines, one per transaction. */
function batches(lines: StatementLine[], kinds: LineKind[]): [number, number][] {
	const ranges: [number, number][] = [];
	let from = 0;
	let gifts = 0;
	for (let i = 0; i < lines.length; i++) {
		// every other line that needs more than a row (returns, interest, fees) counts like a gift
		const heavy = kinds[i] === 'incoming' ? lines[i]!.variableSymbol !== null : kinds[i] !== 'outgoing';
		if (i - from === IMPORT_BATCH || (heavy && gifts === IMPORT_BATCH_GIFTS)) {
			ranges.push([from, i]);
			from = i;
			gifts = 0;
		}
		if (heavy) gifts++;
	}
	if (from < lines.length) ranges.push([from, lines.length]);
	return ranges;
}

export interface ImportSource {
	name: string;
	sha256: string;
	file: StatementFile;
}

/** Parses and imports an uploaded file, in batches. */
export async function importStatement(
	ctx: PersonContext,
	file: { name: string; bytes: Uint8Array }
): Promise<ImportResult> {
	if (!isCoordinator(ctx.actor)) return { ok: false, reason: 'forbidden' };
	const parsed = parseUpload(file);
	if ('reason' in parsed) return parsed;
	return runImport(ctx, parsed, (work) => ctx.db.begin(work) as ReturnType<typeof work>);
}

/** The import of an uploaded file inside the caller's transaction (the demo data imports its statement this way). */
export async function importInTransaction(
	ctx: PersonContext<Tx>,
	file: { name: string; bytes: Uint8Array }
): Promise<ImportResult> {
	if (!isCoordinator(ctx.actor)) return { ok: false, reason: 'forbidden' };
	const parsed = parseUpload(file);
	if ('reason' in parsed) return parsed;
	return runImport(ctx, parsed, (work) => work(ctx.db));
}

/** Imports statements parsed elsewhere (the Fio API's movements) inside the caller's transaction. */
export async function importParsedFile(ctx: PersonContext<Tx>, source: ImportSource): Promise<ImportResult> {
	if (!isCoordinator(ctx.actor)) return { ok: false, reason: 'forbidden' };
	return runImport(ctx, source, (work) => work(ctx.db));
}

function parseUpload(file: { name: string; bytes: Uint8Array }): ImportSource | Invalid {
	try {
		return {
			name: file.name,
			sha256: createHash('sha256').update(file.bytes).digest('hex'),
			file: parseStatementFile(file.bytes)
		};
	} catch (e) {
		if (e instanceof StatementError)
			return { ok: false, reason: 'invalid', code: e.code, line: e.line, detail: e.detail };
		throw e;
	}
}

type InBatch = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

class Refused extends Error {
	constructor(public result: Invalid) {
		super(result.code);
	}
}

async function runImport(
	ctx: PersonContext<Queryable>,
	source: ImportSource,
	inBatch: InBatch
): Promise<ImportResult> {
	const { file } = source;
	for (const statement of file.statements) {
		const foreign = statement.lines.find((l) => l.currency !== 'CZK');
		if (foreign)
			return { ok: false, reason: 'invalid', code: 'currency', line: foreign.line, detail: foreign.currency };
	}
	const own = await clubAccountIbans(ctx.db, ctx.bankIban);
	for (const statement of file.statements) {
		const label = statement.accountLabel ?? statement.accountIban;
		// a bare export that does not say whose account it is can only be the club's own download
		if (label === null) continue;
		if (own.length === 0)
			return { ok: false, reason: 'invalid', code: 'no_club_account', line: null, detail: label };
		// GPC names the account without its bank: then its prefix and number decide
		const ours = statement.accountIban
			? own.includes(statement.accountIban)
			: own.some((o) => sameAccount(o, label));
		if (!ours) {
			return {
				ok: false,
				reason: 'invalid',
				code: 'wrong_account',
				line: null,
				detail: `${label} ≠ ${own.join(', ')}`,
				accounts: { statement: label, club: own }
			};
		}
	}
	const summaries: StatementSummary[] = [];
	try {
		for (const statement of file.statements) {
			summaries.push(await importOne(ctx, source, statement, own, inBatch));
		}
	} catch (e) {
		if (e instanceof Refused) return e.result;
		throw e;
	}
	const total = (k: keyof ImportSummary & keyof StatementSummary) =>
		summaries.reduce((sum, s) => sum + (s[k] as number), 0);
	return {
		ok: true,
		summary: {
			statements: summaries,
			lines: total('lines'),
			recorded: total('recorded'),
			matched: total('matched'),
			unassigned: total('unassigned'),
			duplicates: total('duplicates'),
			outgoing: total('outgoing'),
			returned: total('returned'),
			interest: total('interest'),
			fees: total('fees'),
			ownTransfers: total('ownTransfers')
		}
	};
}

/** The line's fate, decided from the line alone (a pledge match is decided in the batch). */
type LineKind = 'incoming' | 'return' | 'interest' | 'fee' | 'own_transfer' | 'outgoing';

function classify(line: StatementLine, own: string[]): LineKind {
	const counter = line.counterAccount;
	if (counter !== null && own.some((o) => sameAccount(o, counter))) return 'own_transfer';
	if (line.kind === 'interest') return 'interest';
	if (line.amount > 0) return 'incoming';
	if (line.kind === 'fee') return 'fee';
	if (line.reversal || line.returnsRef) return 'return';
	return 'outgoing';
}

async function importOne(
	ctx: PersonContext<Queryable>,
	source: ImportSource,
	statement: Statement,
	own: string[],
	inBatch: InBatch
): Promise<StatementSummary> {
	const { actor } = ctx;
	const kinds = statement.lines.map((l) => classify(l, own));
	const seen = new Map<string, number>();
	const refs = statement.lines.map((l) => {
		if (l.bankRef) return l.bankRef;
		const base = fallbackRef(l, 0);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		return fallbackRef(l, n);
	});
	const outgoing = kinds.filter((k) => k === 'outgoing').length;
	const s: StatementSummary = {
		statementId: '',
		account: statement.accountLabel ?? statement.accountIban,
		lines: statement.lines.length,
		recorded: 0,
		matched: 0,
		unassigned: 0,
		duplicates: 0,
		outgoing,
		returned: 0,
		interest: 0,
		fees: 0,
		ownTransfers: 0
	};
	s.statementId = await inBatch(async (tx) => {
		const [row] = await tx<{ id: string }[]>`
			insert into bank_statements (format, file_name, sha256, account, imported_by, lines, recorded, matched, duplicates, outgoing)
			values (${statement.format}, ${source.name.slice(0, 200) || 'vypis'}, ${source.sha256},
				${statement.accountIban ?? statement.accountLabel}, ${actor.id}, ${statement.lines.length}, 0, 0, 0, ${outgoing})
			returning id`;
		return row!.id;
	});
	for (const [from, to] of batches(statement.lines, kinds)) {
		const batch = await inBatch((tx) =>
			importBatch(
				{ ...ctx, db: tx },
				s.statementId,
				statement.lines.slice(from, to),
				refs.slice(from, to),
				kinds.slice(from, to)
			)
		);
		for (const k of [
			'recorded',
			'matched',
			'unassigned',
			'duplicates',
			'returned',
			'interest',
			'fees',
			'ownTransfers'
		] as const)
			s[k] += batch[k];
	}
	await inBatch(async (tx) => {
		await tx`
			update bank_statements set recorded = ${s.recorded}, matched = ${s.matched}, duplicates = ${s.duplicates},
				returned = ${s.returned}, interest = ${s.interest}, fees = ${s.fees}, own_transfers = ${s.ownTransfers},
				finished_at = now()
			where id = ${s.statementId}`;
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.statement_imported',
			targetType: 'bank_statement',
			targetId: s.statementId,
			address: actor.address,
			details: {
				recorded: s.recorded,
				matched: s.matched,
				duplicates: s.duplicates,
				returned: s.returned,
				interest: s.interest,
				fees: s.fees
			}
		});
	});
	return s;
}

type BatchCounts = Pick<
	StatementSummary,
	'recorded' | 'matched' | 'unassigned' | 'duplicates' | 'returned' | 'interest' | 'fees' | 'ownTransfers'
>;

async function importBatch(
	ctx: PersonContext<Tx>,
	statementId: string,
	lines: StatementLine[],
	refs: string[],
	kinds: LineKind[]
): Promise<BatchCounts> {
	const { db: tx } = ctx;
	const c: BatchCounts = {
		recorded: 0,
		matched: 0,
		unassigned: 0,
		duplicates: 0,
		returned: 0,
		interest: 0,
		fees: 0,
		ownTransfers: 0
	};
	await tx`select pg_advisory_xact_lock(${IMPORT_LOCK})`;
	const incoming = lines.flatMap((l, i) => (kinds[i] === 'incoming' ? [i] : []));
	const returns = lines.flatMap((l, i) => (kinds[i] === 'return' ? [i] : []));
	const originals = new Map<number, ReturnedOriginal>();
	for (const i of returns) {
		const original = await findReturnedPayment(tx, lines[i]!);
		if (original) originals.set(i, original);
	}
	// needs first, in one order: a gift locks its need before the ledger accounts, and so does every
	// other writer, so taking them one by one later could deadlock
	await lockNeeds(
		tx,
		incoming.map((i) => lines[i]!.variableSymbol).filter((v): v is string => v !== null),
		[...originals.values()].map((o) => o.needId).filter((v): v is string => v !== null)
	);

	// Which lines are new, which pay a pledge and which wait: decided up front, so that the payments
	// are written in one statement with their final state (the advisory lock keeps other imports out,
	// and nothing else writes bank payments).
	const known = await knownRefs(
		tx,
		incoming.map((i) => refs[i]!)
	);
	const fresh = incoming.filter((i) => {
		if (known.has(refs[i]!)) return false;
		known.add(refs[i]!);
		return true;
	});
	c.duplicates += incoming.length - fresh.length;
	const pledges = await openPledges(
		tx,
		fresh.map((i) => lines[i]!.variableSymbol).filter((v): v is string => v !== null)
	);
	const payments = fresh.map((i) => {
		const l = lines[i]!;
		const pledge = l.variableSymbol ? pledges.get(l.variableSymbol) : undefined;
		// A standing order's symbol is the donor's for every month: each payment with it is a new gift,
		// whatever the amount (the donor may change the order in their bank without telling the club). A
		// one-off pledge takes one payment of its amount.
		if (pledge?.standing) return { line: l, ref: refs[i]!, pledge, suspense: null as string | null };
		if (pledge && pledge.amount === l.amount) {
			pledges.delete(l.variableSymbol!);
			return { line: l, ref: refs[i]!, pledge, suspense: null as string | null };
		}
		return { line: l, ref: refs[i]!, pledge: null, suspense: null as string | null };
	});
	const waiting = payments.filter((x) => !x.pledge);
	const days = await bookWaiting(
		ctx,
		waiting.map((x) => x.line)
	);
	for (const x of waiting) x.suspense = days.get(x.line.bookedOn)!;
	const ids = await insertIncoming(tx, statementId, payments);
	c.recorded += payments.length;
	c.unassigned += waiting.length;
	for (const x of payments) {
		if (!x.pledge) continue;
		await payPledge(ctx, x.pledge, ids.get(x.ref)!, x.line.amount, x.line.bookedOn, false);
		c.matched++;
	}

	for (const [i, line] of lines.entries()) {
		const kind = kinds[i]!;
		if (kind === 'incoming' || kind === 'outgoing') continue;
		const status = kind === 'own_transfer' ? 'own_transfer' : kind;
		const [row] = await tx<{ id: string }[]>`
			insert into bank_payments (statement_id, bank_ref, booked_on, amount, variable_symbol, counter_account,
				counter_name, message, status)
			values (${statementId}, ${refs[i]!}, ${line.bookedOn}, ${line.amount}, ${line.variableSymbol},
				${line.counterAccount?.slice(0, 100) ?? null}, ${line.counterName?.slice(0, 200) ?? null},
				${line.message?.slice(0, 500) ?? null}, ${status})
			on conflict (bank_ref) do nothing
			returning id`;
		if (!row) {
			c.duplicates++;
			continue;
		}
		c.recorded++;
		if (kind === 'own_transfer') c.ownTransfers++;
		else if (kind === 'interest') {
			await bookInterest(ctx, row.id, line);
			c.interest++;
		} else if (kind === 'fee') {
			await bookFee(ctx, row.id, line);
			c.fees++;
		} else {
			// a payment returned in the same batch it came in is found only now (its need is locked already:
			// it matched a pledge of this batch, or it waits in the suspense account)
			const original = originals.get(i) ?? (await findReturnedPayment(tx, line));
			if (original && (await returnPayment(ctx, original.id, { returnLineId: row.id, on: line.bookedOn })))
				c.returned++;
		}
	}
	return c;
}

/** The bank references among `refs` already recorded. */
async function knownRefs(tx: Tx, refs: string[]): Promise<Set<string>> {
	if (!refs.length) return new Set();
	const rows = await tx<{ bank_ref: string }[]>`
		select bank_ref from bank_payments where bank_ref = any(${tx.array(refs)}::text[])`;
	return new Set(rows.map((r) => r.bank_ref));
}

/** The open pledges with these symbols, locked, by symbol. */
async function openPledges(
	tx: Tx,
	symbols: string[]
): Promise<Map<string, PledgeForGift & { amount: number }>> {
	if (!symbols.length) return new Map();
	const rows = await tx<(PledgeForGift & { amount: number; variable_symbol: string })[]>`
		select id, purpose, need_id, donor_id, donor_name, donor_email, donor_address, amount, variable_symbol,
			standing, need_part
		from pledges where status = 'open' and variable_symbol = any(${tx.array([...new Set(symbols)])}::text[])
		order by id for update`;
	return new Map(rows.map((r) => [r.variable_symbol, r]));
}

/** Writes the new incoming payments in one statement; returns bank_ref → id. */
async function insertIncoming(
	tx: Tx,
	statementId: string,
	rows: { line: StatementLine; ref: string; pledge: { id: string } | null; suspense: string | null }[]
): Promise<Map<string, string>> {
	if (!rows.length) return new Map();
	const col = (f: (r: (typeof rows)[number]) => string | number | null) =>
		tx.array(
			rows.map((r) => {
				const v = f(r);
				return v === null ? null : String(v);
			})
		);
	const inserted = await tx<{ id: string; bank_ref: string }[]>`
		insert into bank_payments (statement_id, bank_ref, booked_on, amount, variable_symbol, counter_account,
			counter_name, message, status, pledge_id, suspense_transaction_id)
		select ${statementId}, r.ref, r.booked_on::date, r.amount::bigint, r.vs, r.account, r.name, r.message,
			case when r.pledge is null then 'unassigned' else 'matched' end, r.pledge::uuid, r.suspense::uuid
		from unnest(${col((r) => r.ref)}::text[], ${col((r) => r.line.bookedOn)}::text[],
			${col((r) => r.line.amount)}::text[], ${col((r) => r.line.variableSymbol)}::text[],
			${col((r) => r.line.counterAccount?.slice(0, 100) ?? null)}::text[],
			${col((r) => r.line.counterName?.slice(0, 200) ?? null)}::text[],
			${col((r) => r.line.message?.slice(0, 500) ?? null)}::text[], ${col((r) => r.pledge?.id ?? null)}::text[],
			${col((r) => r.suspense)}::text[])
			with ordinality as r(ref, booked_on, amount, vs, account, name, message, pledge, suspense, n)
		order by r.n
		returning id, bank_ref`;
	return new Map(inserted.map((r) => [r.bank_ref, r.id]));
}

/**
 * Payments that matched nothing go to the suspense account: one ledger transaction per booking day of
 * the batch (not one per payment), which keeps a 100,000-line statement's ledger small and exact.
 */
async function bookWaiting(ctx: PersonContext<Tx>, waiting: StatementLine[]): Promise<Map<string, string>> {
	const { db: tx, actor } = ctx;
	const byDay = new Map<string, number>();
	for (const l of waiting) byDay.set(l.bookedOn, (byDay.get(l.bookedOn) ?? 0) + l.amount);
	const days = [...byDay];
	const transactionIds = await postTransactions(
		tx,
		days.map(([day, total]) => ({
			kind: 'bank_unassigned' as const,
			occurredOn: day,
			recordedBy: actor.id,
			entries: [
				{ account: incomeAccount('bank'), amount: -total },
				{ account: SUSPENSE_BANK, amount: total }
			]
		}))
	);
	return new Map(days.map(([day], i) => [day, transactionIds[i]!]));
}

/** Interest the bank credited (or the tax it withheld from it): the fund's money, never a gift. */
async function bookInterest(ctx: PersonContext<Tx>, paymentId: string, line: StatementLine) {
	const { db: tx, actor } = ctx;
	if (line.amount < 0) await requireFund(tx, -line.amount, line);
	const transactionId = await postTransaction(tx, {
		kind: 'interest',
		occurredOn: line.bookedOn,
		recordedBy: actor.id,
		memo: line.message?.slice(0, 500) ?? 'interest',
		entries: [
			{ account: INTEREST, amount: -line.amount },
			{ account: FUND, amount: line.amount }
		]
	});
	await tx`update bank_payments set transaction_id = ${transactionId} where id = ${paymentId}`;
}

/** A fee the bank charged: paid from the general fund. */
async function bookFee(ctx: PersonContext<Tx>, paymentId: string, line: StatementLine) {
	const { db: tx, actor } = ctx;
	await requireFund(tx, -line.amount, line);
	const transactionId = await postTransaction(tx, {
		kind: 'fee',
		occurredOn: line.bookedOn,
		recordedBy: actor.id,
		memo: line.message?.slice(0, 500) ?? 'bank fee',
		entries: [
			{ account: FUND, amount: line.amount },
			{ account: FEES, amount: -line.amount }
		]
	});
	await tx`update bank_payments set transaction_id = ${transactionId} where id = ${paymentId}`;
}

async function requireFund(tx: Tx, amount: number, line: StatementLine) {
	const fund = await lockedBalance(tx, FUND);
	if (fund >= amount) return;
	throw new Refused({
		ok: false,
		reason: 'invalid',
		code: 'fund_too_low',
		line: line.line,
		detail: `the general fund holds ${fund}, the line takes ${amount}`
	});
}

interface ReturnedOriginal {
	id: string;
	needId: string | null;
}

/**
 * The incoming payment a return line sends back: the one the bank names, else the newest not yet
 * returned payment from the same account of the same amount, booked on or before the return.
 */
async function findReturnedPayment(tx: Tx, line: StatementLine): Promise<ReturnedOriginal | null> {
	const [byRef] = line.returnsRef
		? await tx<{ id: string; need_id: string | null }[]>`
			select b.id, d.need_id from bank_payments b left join donations d on d.bank_payment_id = b.id
			where b.bank_ref = ${line.returnsRef} and b.status in ('matched', 'assigned', 'unassigned')`
		: [];
	if (byRef) return { id: byRef.id, needId: byRef.need_id };
	if (!line.counterAccount) return null;
	const [byAccount] = await tx<{ id: string; need_id: string | null }[]>`
		select b.id, d.need_id from bank_payments b left join donations d on d.bank_payment_id = b.id
		where b.counter_account = ${line.counterAccount.slice(0, 100)} and b.amount = ${-line.amount}
			and b.status in ('matched', 'assigned', 'unassigned') and b.booked_on <= ${line.bookedOn}
		order by b.booked_on desc, b.id desc limit 1`;
	return byAccount ? { id: byAccount.id, needId: byAccount.need_id } : null;
}

/**
 * An incoming payment goes back to the payer, once: its gift is reversed (and so leaves the donor's
 * confirmation), or, if it was still waiting for assignment, it leaves the suspense account. False when
 * it was returned already.
 */
async function returnPayment(
	ctx: PersonContext<Tx>,
	paymentId: string,
	by: { returnLineId?: string; note?: string; on: string; byCoordinator?: boolean }
): Promise<boolean> {
	const { db: tx, actor } = ctx;
	const [payment] = await tx<{ id: string; amount: number; status: string }[]>`
		select id, amount, status from bank_payments where id = ${paymentId} for update`;
	if (!payment || !['matched', 'assigned', 'unassigned'].includes(payment.status)) return false;
	let transactionId: string;
	if (payment.status === 'unassigned') {
		transactionId = await postTransaction(tx, {
			kind: 'refund',
			occurredOn: by.on,
			recordedBy: actor.id,
			memo: 'bank payment returned',
			entries: [
				{ account: SUSPENSE_BANK, amount: -payment.amount },
				{ account: incomeAccount('bank'), amount: payment.amount }
			]
		});
	} else {
		const [gift] = await tx<GiftToReverse[]>`
			select id, amount, need_id, to_fund, refunded from donations where bank_payment_id = ${payment.id} for update`;
		if (!gift) return false;
		try {
			transactionId = await reverseGift(tx, gift, gift.amount - gift.refunded, {
				kind: 'refund',
				income: incomeAccount('bank'),
				memo: 'bank gift returned',
				occurredOn: by.on,
				recordedBy: actor.id
			});
		} catch (e) {
			if (!(e instanceof FundTooLowError)) throw e;
			throw new Refused({
				ok: false,
				reason: 'invalid',
				code: 'fund_too_low',
				line: null,
				detail: `the general fund lacks ${e.missing} to return the payment`
			});
		}
	}
	await tx`
		update bank_payments set status = 'returned', returned_at = now(),
			returned_by = ${by.byCoordinator ? actor.id : null}, return_note = ${by.note ?? null},
			transaction_id = ${transactionId}
		where id = ${payment.id}`;
	if (by.returnLineId) {
		await tx`update bank_payments set returns_payment_id = ${payment.id} where id = ${by.returnLineId}`;
	}
	await audit(tx, {
		actorId: actor.id,
		action: 'ledger.bank_payment_returned',
		targetType: 'bank_payment',
		targetId: payment.id,
		address: actor.address,
		details: { amount: payment.amount, by: by.byCoordinator ? 'coordinator' : 'statement' }
	});
	return true;
}

export type ReturnResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'already_returned' | 'fund_too_low'; missing?: number };

/**
 * The coordinator records that a bank gift (or a payment still waiting for assignment) was sent back
 * to the donor: the gift is reversed once and leaves the donor's confirmation.
 */
export async function recordReturnedPayment(
	ctx: PersonContext,
	paymentId: string,
	input: { note: string; returnedOn: string }
): Promise<ReturnResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	if (!isUuid(paymentId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx): Promise<ReturnResult> => {
		const [payment] = await tx<{ status: string; need_id: string | null }[]>`
			select b.status, d.need_id from bank_payments b left join donations d on d.bank_payment_id = b.id
			where b.id = ${paymentId} and b.amount > 0 and b.status <> 'interest'`;
		if (!payment) return { ok: false, reason: 'not_found' };
		if (payment.need_id) await tx`select id from needs where id = ${payment.need_id} for update`;
		try {
			const done = await returnPayment({ ...ctx, db: tx }, paymentId, {
				note: input.note,
				on: input.returnedOn,
				byCoordinator: true
			});
			return done ? { ok: true } : { ok: false, reason: 'already_returned' };
		} catch (e) {
			if (e instanceof Refused) return { ok: false, reason: 'fund_too_low' };
			throw e;
		}
	});
}

/**
 * The needs that matching may credit and that returns may debit, locked up front in one order: a gift
 * locks its need before the ledger accounts, and so does an allocation, so taking them one by one later
 * could deadlock.
 */
async function lockNeeds(tx: Tx, symbols: string[], needIds: string[]) {
	const vs = [...new Set(symbols)];
	const ids = [...new Set(needIds)];
	if (!vs.length && !ids.length) return;
	await tx`
		select id from needs where id in (
			select need_id from pledges where status = 'open' and need_id is not null
				and variable_symbol = any(${tx.array(vs)}::text[]))
			or id = any(${tx.array(ids)}::uuid[])
		order by id for update`;
}

interface PledgeForGift {
	id: string;
	purpose: 'gift' | 'dues';
	need_id: string | null;
	donor_id: string | null;
	donor_name: string | null;
	donor_email: string | null;
	donor_address: string | null;
	/** a standing order: paid again every month, never closed by a payment */
	standing: boolean;
	/** a gift the donor split: at most this much to the collection, the rest to the fund */
	need_part: number | null;
}

async function payPledge(
	ctx: PersonContext<Tx>,
	pledge: PledgeForGift,
	paymentId: string,
	amount: number,
	bookedOn: string,
	fromSuspense: boolean
) {
	const { db: tx, actor } = ctx;
	await receiveGift(
		{ ...ctx, db: tx },
		{
			channel: 'bank',
			purpose: pledge.purpose,
			amount,
			needId: pledge.need_id,
			donor: {
				id: pledge.donor_id,
				name: pledge.donor_name,
				email: pledge.donor_email,
				address: pledge.donor_address
			},
			receivedOn: bookedOn,
			pledgeId: pledge.id,
			bankPaymentId: paymentId,
			maxToNeed: pledge.need_part,
			recordedBy: actor.id,
			fromSuspense
		}
	);
	if (!pledge.standing) await tx`update pledges set status = 'paid', paid_at = now() where id = ${pledge.id}`;
	// an imported payment carries its pledge from the start; one assigned later gets it now
	if (fromSuspense) await tx`update bank_payments set pledge_id = ${pledge.id} where id = ${paymentId}`;
}

export type AssignTarget =
	{ kind: 'pledge'; pledgeId: string } | { kind: 'need'; needId: string } | { kind: 'fund' };
export type AssignResult =
	{ ok: true } | { ok: false; reason: 'not_found' | 'forbidden' | 'already_assigned' | 'pledge_closed' };

/**
 * The coordinator assigns a payment that matched nothing: to a pledge (the donor sent another amount or
 * mistyped the symbol), to a need, or to the general fund. The money leaves the suspense account.
 */
export async function assignPayment(
	ctx: PersonContext,
	paymentId: string,
	target: AssignTarget
): Promise<AssignResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	if (!isUuid(paymentId)) return { ok: false, reason: 'not_found' };
	if (target.kind === 'pledge' && !isUuid(target.pledgeId)) return { ok: false, reason: 'not_found' };
	if (target.kind === 'need' && !isUuid(target.needId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx): Promise<AssignResult> => {
		// the need first, then the payment: the same order as every other writer
		const needId =
			target.kind === 'need'
				? target.needId
				: target.kind === 'pledge'
					? ((
							await tx<
								{ need_id: string | null }[]
							>`select need_id from pledges where id = ${target.pledgeId}`
						)[0]?.need_id ?? null)
					: null;
		if (needId) {
			const [need] =
				await tx`select id from needs where id = ${needId} and submitted_at is not null for update`;
			if (!need) return { ok: false, reason: 'not_found' };
		}
		const [payment] = await tx<
			{ id: string; amount: number; booked_on: string; status: string; counter_name: string | null }[]
		>`
			select id, amount, to_char(booked_on, 'YYYY-MM-DD') as booked_on, status, counter_name
			from bank_payments where id = ${paymentId} for update`;
		if (!payment) return { ok: false, reason: 'not_found' };
		if (payment.status !== 'unassigned') return { ok: false, reason: 'already_assigned' };
		if (target.kind === 'pledge') {
			const [pledge] = await tx<(PledgeForGift & { status: string })[]>`
				select id, purpose, need_id, donor_id, donor_name, donor_email, donor_address, standing, need_part,
					status
				from pledges where id = ${target.pledgeId} for update`;
			if (!pledge) return { ok: false, reason: 'not_found' };
			if (pledge.status !== 'open') return { ok: false, reason: 'pledge_closed' };
			await payPledge({ ...ctx, db: tx }, pledge, payment.id, payment.amount, payment.booked_on, true);
		} else {
			await receiveGift(
				{ ...ctx, db: tx },
				{
					channel: 'bank',
					amount: payment.amount,
					needId,
					donor: { name: payment.counter_name },
					receivedOn: payment.booked_on,
					bankPaymentId: payment.id,
					recordedBy: actor.id,
					fromSuspense: true
				}
			);
		}
		await tx`
			update bank_payments set status = 'assigned', assigned_by = ${actor.id}, assigned_at = now()
			where id = ${payment.id}`;
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.payment_assigned',
			targetType: 'bank_payment',
			targetId: payment.id,
			address: actor.address,
			details: { to: target.kind, amount: payment.amount }
		});
		return { ok: true };
	});
}

export interface UnassignedPayment {
	id: string;
	bookedOn: string;
	amount: number;
	variableSymbol: string | null;
	counterAccount: string | null;
	counterName: string | null;
	message: string | null;
	/** the open pledge with this symbol (its amount differs), if any */
	pledge: { id: string; amount: number; needNumber: number | null } | null;
	/** the symbol has Spolu's shape but a wrong check digit: probably mistyped */
	mistyped: boolean;
}

export interface UnassignedList extends Paged<UnassignedPayment> {
	/** haléře: all the payments waiting, not only this page's */
	amount: number;
}

const firstPage: PageRequest = { page: 1, size: PAGE_SIZE, offset: 0 };

/**
 * One page of the payments waiting for the coordinator: the oldest first, the id last so that none is
 * on two pages; with how many wait and how much they make together.
 */
export async function listUnassignedPayments(
	db: Queryable,
	request: PageRequest = firstPage
): Promise<UnassignedList> {
	const rows = await db<
		(Omit<UnassignedPayment, 'pledge' | 'mistyped'> & {
			pledgeId: string | null;
			pledgeAmount: number | null;
			needNumber: number | null;
		})[]
	>`
		select b.id, to_char(b.booked_on, 'YYYY-MM-DD') as "bookedOn", b.amount, b.variable_symbol as "variableSymbol",
			b.counter_account as "counterAccount", b.counter_name as "counterName", b.message,
			p.id as "pledgeId", p.amount as "pledgeAmount", n.number as "needNumber"
		from (
			select * from bank_payments b where b.status = 'unassigned'
			order by b.booked_on, b.id limit ${request.size} offset ${request.offset}
		) b
		left join pledges p on p.variable_symbol = b.variable_symbol and p.status = 'open'
		left join needs n on n.id = p.need_id
		order by b.booked_on, b.id`;
	const [sum] = await db<{ n: number; amount: number }[]>`
		select count(*)::int as n, coalesce(sum(amount), 0)::bigint as amount
		from bank_payments where status = 'unassigned'`;
	const list = rows.map(({ pledgeId, pledgeAmount, needNumber, ...r }) => ({
		...r,
		pledge: pledgeId ? { id: pledgeId, amount: pledgeAmount!, needNumber } : null,
		mistyped: r.variableSymbol !== null && r.variableSymbol.length === 9 && !isPledgeSymbol(r.variableSymbol)
	}));
	return { ...paged(list, sum!.n, request), amount: sum!.amount };
}

export interface StatementRow {
	id: string;
	format: StatementFile['format'];
	fileName: string;
	account: string | null;
	importedAt: Date;
	importedByName: string;
	/** false while importing, or when the import stopped halfway (importing the file again finishes it) */
	finished: boolean;
	lines: number;
	recorded: number;
	matched: number;
	duplicates: number;
	outgoing: number;
	returned: number;
	interest: number;
	fees: number;
	ownTransfers: number;
}

/** One page of the imported statements, the latest first (the id last: unique). */
export async function listStatements(
	db: Queryable,
	request: PageRequest = firstPage
): Promise<Paged<StatementRow>> {
	const rows = await db<StatementRow[]>`
		select s.id, s.format, s.file_name as "fileName", s.account, s.imported_at as "importedAt", u.name as "importedByName",
			s.finished_at is not null as finished, s.lines, s.recorded, s.matched, s.duplicates, s.outgoing,
			s.returned, s.interest, s.fees, s.own_transfers as "ownTransfers"
		from (
			select * from bank_statements s order by s.imported_at desc, s.id desc
			limit ${request.size} offset ${request.offset}
		) s join users u on u.id = s.imported_by
		order by s.imported_at desc, s.id desc`;
	const [count] = await db<{ n: number }[]>`select count(*)::int as n from bank_statements`;
	return paged(rows, count!.n, request);
}

export interface ReceivedPayment {
	id: string;
	bookedOn: string;
	amount: number;
	variableSymbol: string | null;
	counterAccount: string | null;
	counterName: string | null;
	message: string | null;
	status: 'matched' | 'assigned' | 'unassigned' | 'returned';
	/** the need the gift went to, null for the fund or a payment still waiting */
	needNumber: number | null;
	returnedAt: Date | null;
	returnNote: string | null;
}

/**
 * One page of the incoming bank payments, newest first (the id last: unique), for the coordinator to
 * find one to return: by variable symbol, payer's name or account, or message (`query`).
 */
export async function listReceivedPayments(
	db: Queryable,
	query: string | null,
	request: PageRequest = firstPage
): Promise<Paged<ReceivedPayment>> {
	const like = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
	const where = db`
		where b.status in ('matched', 'assigned', 'unassigned', 'returned')
			${
				like
					? db`and (b.variable_symbol like ${like} or b.counter_name ilike ${like}
						or b.counter_account like ${like} or b.message ilike ${like})`
					: db``
			}`;
	const rows = await db<ReceivedPayment[]>`
		select b.id, to_char(b.booked_on, 'YYYY-MM-DD') as "bookedOn", b.amount, b.variable_symbol as "variableSymbol",
			b.counter_account as "counterAccount", b.counter_name as "counterName", b.message, b.status,
			n.number as "needNumber", b.returned_at as "returnedAt", b.return_note as "returnNote"
		from (
			select * from bank_payments b ${where}
			order by b.booked_on desc, b.id desc limit ${request.size} offset ${request.offset}
		) b
		left join donations d on d.bank_payment_id = b.id
		left join needs n on n.id = d.need_id
		order by b.booked_on desc, b.id desc`;
	const [count] = await db<{ n: number }[]>`select count(*)::int as n from bank_payments b ${where}`;
	return paged(rows, count!.n, request);
}
