import type { PersonContext } from '$lib/server/core/context';
import { createHash } from 'node:crypto';
import { audit } from '../../audit';
import type { Queryable, Tx } from '../../db/client';
import { receiveGift } from '../../ledger/funding';
import { incomeAccount, postTransaction, SUSPENSE_BANK } from '../../ledger/ledger';
import { isCoordinator } from '../../needs/access';
import { isUuid } from '$lib/core/ids';
import { isPledgeSymbol } from './pledges';
import { fallbackRef, parseStatement, StatementError, type StatementLine } from './statement';

/*
 * Importing the club's bank statement. Each incoming payment is recorded once, keyed by the bank's own
 * reference (so importing the same or an overlapping statement again records nothing twice). A payment
 * whose variable symbol and amount match an open pledge becomes that pledge's gift; every other payment
 * is booked to the suspense account and listed for the coordinator to assign. The whole file is one
 * database transaction: a file that fails halfway leaves nothing.
 */

export interface ImportSummary {
	statementId: string;
	lines: number;
	recorded: number;
	matched: number;
	unassigned: number;
	duplicates: number;
	outgoing: number;
}

export type ImportResult =
	| { ok: true; summary: ImportSummary }
	| { ok: false; reason: 'forbidden' }
	| {
			ok: false;
			reason: 'invalid';
			code: StatementError['code'] | 'currency';
			line: number | null;
			detail: string;
	  };

// one import at a time: two imports of overlapping statements must not match the same pledge twice
const IMPORT_LOCK = 0x5350_4c55;

export async function importStatement(
	ctx: PersonContext,
	file: { name: string; bytes: Uint8Array }
): Promise<ImportResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	return db.begin((tx) => importInTransaction({ ...ctx, db: tx }, file));
}

/** The import inside the caller's transaction (the demo data imports its statement this way). */
export async function importInTransaction(
	ctx: PersonContext<Tx>,
	file: { name: string; bytes: Uint8Array }
): Promise<ImportResult> {
	const { db: tx, actor } = ctx;
	let statement;
	try {
		statement = parseStatement(file.bytes);
	} catch (e) {
		if (e instanceof StatementError)
			return { ok: false, reason: 'invalid', code: e.code, line: e.line, detail: e.detail };
		throw e;
	}
	const foreign = statement.lines.find((l) => l.currency !== 'CZK');
	if (foreign)
		return { ok: false, reason: 'invalid', code: 'currency', line: foreign.line, detail: foreign.currency };
	const incoming = statement.lines.filter((l) => l.amount > 0);
	const seen = new Map<string, number>();
	const refs = incoming.map((l) => {
		if (l.bankRef) return l.bankRef;
		const base = fallbackRef(l, 0);
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		return fallbackRef(l, n);
	});
	const sha256 = createHash('sha256').update(file.bytes).digest('hex');

	await tx`select pg_advisory_xact_lock(${IMPORT_LOCK})`;
	await lockPledgedNeeds(tx, incoming);
	const [row] = await tx<{ id: string }[]>`
		insert into bank_statements (format, file_name, sha256, account, imported_by, lines, recorded, matched, duplicates, outgoing)
		values (${statement.format}, ${file.name.slice(0, 200) || 'vypis'}, ${sha256}, ${statement.accountIban},
			${actor.id}, ${statement.lines.length}, 0, 0, 0, ${statement.lines.length - incoming.length})
		returning id`;
	const s: ImportSummary = {
		statementId: row!.id,
		lines: statement.lines.length,
		recorded: 0,
		matched: 0,
		unassigned: 0,
		duplicates: 0,
		outgoing: statement.lines.length - incoming.length
	};
	for (const [i, line] of incoming.entries()) {
		const outcome = await recordPayment({ ...ctx, db: tx }, s.statementId, refs[i]!, line);
		if (outcome === 'duplicate') s.duplicates++;
		else {
			s.recorded++;
			if (outcome === 'matched') s.matched++;
			else s.unassigned++;
		}
	}
	await tx`
		update bank_statements set recorded = ${s.recorded}, matched = ${s.matched}, duplicates = ${s.duplicates}
		where id = ${s.statementId}`;
	await audit(tx, {
		actorId: actor.id,
		action: 'ledger.statement_imported',
		targetType: 'bank_statement',
		targetId: s.statementId,
		address: actor.address,
		details: { recorded: s.recorded, matched: s.matched, duplicates: s.duplicates }
	});
	return { ok: true, summary: s };
}

/**
 * The needs that matching may credit, locked up front in one order: a gift locks its need before the
 * ledger accounts, and so does an allocation, so taking them one by one later could deadlock.
 */
async function lockPledgedNeeds(tx: Tx, lines: StatementLine[]) {
	const symbols = [...new Set(lines.map((l) => l.variableSymbol).filter((v): v is string => v !== null))];
	if (!symbols.length) return;
	await tx`
		select id from needs where id in (
			select need_id from pledges where status = 'open' and need_id is not null and variable_symbol in ${tx(symbols)})
		order by id for update`;
}

async function recordPayment(
	ctx: PersonContext<Tx>,
	statementId: string,
	bankRef: string,
	line: StatementLine
): Promise<'duplicate' | 'matched' | 'unassigned'> {
	const { db: tx, actor } = ctx;
	const [payment] = await tx<{ id: string }[]>`
		insert into bank_payments (statement_id, bank_ref, booked_on, amount, variable_symbol, counter_account,
			counter_name, message, status)
		values (${statementId}, ${bankRef}, ${line.bookedOn}, ${line.amount}, ${line.variableSymbol},
			${line.counterAccount?.slice(0, 100) ?? null}, ${line.counterName?.slice(0, 200) ?? null},
			${line.message?.slice(0, 500) ?? null}, 'unassigned')
		on conflict (bank_ref) do nothing
		returning id`;
	if (!payment) return 'duplicate';
	const [pledge] = line.variableSymbol
		? await tx<PledgeForGift[]>`
			select id, purpose, need_id, donor_id, donor_name, donor_email, donor_address from pledges
			where variable_symbol = ${line.variableSymbol} and amount = ${line.amount} and status = 'open'
			for update`
		: [];
	if (pledge) {
		await payPledge({ ...ctx, db: tx }, pledge, payment.id, line.amount, line.bookedOn, false);
		await tx`update bank_payments set status = 'matched' where id = ${payment.id}`;
		return 'matched';
	}
	const transactionId = await postTransaction(tx, {
		kind: 'bank_unassigned',
		occurredOn: line.bookedOn,
		recordedBy: actor.id,
		entries: [
			{ account: incomeAccount('bank'), amount: -line.amount },
			{ account: SUSPENSE_BANK, amount: line.amount }
		]
	});
	await tx`update bank_payments set suspense_transaction_id = ${transactionId} where id = ${payment.id}`;
	return 'unassigned';
}

interface PledgeForGift {
	id: string;
	purpose: 'gift' | 'dues';
	need_id: string | null;
	donor_id: string | null;
	donor_name: string | null;
	donor_email: string | null;
	donor_address: string | null;
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
			recordedBy: actor.id,
			fromSuspense
		}
	);
	await tx`update pledges set status = 'paid', paid_at = now() where id = ${pledge.id}`;
	await tx`update bank_payments set pledge_id = ${pledge.id} where id = ${paymentId}`;
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
				select id, purpose, need_id, donor_id, donor_name, donor_email, donor_address, status from pledges
				where id = ${target.pledgeId} for update`;
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

export async function listUnassignedPayments(db: Queryable): Promise<UnassignedPayment[]> {
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
		from bank_payments b
		left join pledges p on p.variable_symbol = b.variable_symbol and p.status = 'open'
		left join needs n on n.id = p.need_id
		where b.status = 'unassigned' order by b.booked_on, b.id limit 500`;
	return rows.map(({ pledgeId, pledgeAmount, needNumber, ...r }) => ({
		...r,
		pledge: pledgeId ? { id: pledgeId, amount: pledgeAmount!, needNumber } : null,
		mistyped: r.variableSymbol !== null && r.variableSymbol.length === 9 && !isPledgeSymbol(r.variableSymbol)
	}));
}

export interface StatementRow {
	id: string;
	format: 'fio_csv' | 'camt053';
	fileName: string;
	account: string | null;
	importedAt: Date;
	importedByName: string;
	lines: number;
	recorded: number;
	matched: number;
	duplicates: number;
	outgoing: number;
}

export async function listStatements(db: Queryable): Promise<StatementRow[]> {
	return db<StatementRow[]>`
		select s.id, s.format, s.file_name as "fileName", s.account, s.imported_at as "importedAt", u.name as "importedByName",
			s.lines, s.recorded, s.matched, s.duplicates, s.outgoing
		from bank_statements s join users u on u.id = s.imported_by order by s.imported_at desc limit 100`;
}
