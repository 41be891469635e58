import { createHash } from 'node:crypto';
import type { Person } from '../../../core/actor';
import { actingAs, inTransaction, type SystemContext } from '../../../core/context';
import type { Queryable } from '../../../db/client';
import { log } from '../../../log';
import { importParsedFile, type ImportResult } from '../import';
import { fioClient, type FioAnswer } from './client';
import { importingCoordinator, openToken, scheduleSoon, type FioErrorCode } from './connection';
import { FioFormatError, parseFioJson } from './convert';

/*
 * One run of the Fio download: at most one call to Fio, decided from the connection's row.
 *
 * Fio's "/last" hands out the movements after its mark for the token and moves the mark past them at
 * once, before Spolu has recorded anything. So Spolu keeps its own mark (cursor_id, the last movement it
 * imported, written in the same transaction as the import) and, whenever a download may not have been
 * imported, sets Fio's back to it with "/set-last-id" (or, before the first import, "/set-last-date" to
 * the chosen first day) before the next download. That is the case after an import that failed or was
 * refused, a download whose answer was lost or unreadable, a process that died in the middle (its
 * in-flight mark grows old), and a new token. Rewinding too far does no harm: the importer records each
 * movement once, by Fio's ID pohybu. Not rewinding would lose movements for good.
 *
 * Fio answers each token at most once per 30 seconds (409 otherwise). The row keeps the time of the
 * last call and the earliest time of the next one; the instance that makes a call claims the row first
 * (in_flight_since, written under the row's lock and committed before the call), so two instances of
 * Spolu never call at once and never call sooner than Fio allows. A 409 (someone else used the token,
 * or a clock differs) is no failure: the next call waits longer each time.
 */

/** Fio's limit: one call per token per 30 seconds; a second more for clocks that differ a little. */
export const FIO_CALL_SPACING_MS = 31_000;
/** A call in flight longer than this was made by an instance that died (the HTTP timeout is 60 s). */
export const FIO_STALE_CALL_MS = 10 * 60_000;

export interface FioSyncOptions {
	apiUrl: string;
	/** the schedule of the job: backing off after 409s never waits longer than this */
	everyMs: number;
}

export type FioSyncOutcome =
	| { outcome: 'no_token' }
	| { outcome: 'busy' }
	| { outcome: 'waiting'; until: Date }
	| { outcome: 'not_coordinator' }
	| { outcome: 'rate_limited'; retryAt: Date }
	| { outcome: 'rewound' }
	| { outcome: 'failed'; error: FioErrorCode }
	| { outcome: 'imported'; lines: number; recorded: number; statementId: string | null };

interface Claim {
	id: string;
	token: string;
	person: Person;
	/** the call to make: set Fio's mark back, or download */
	rewindTo: { id: number } | { day: string } | null;
	conflicts: number;
}

type ClaimOutcome = { claim: Claim } | { done: FioSyncOutcome };

const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

/** Runs one step of the download; never throws for what Fio answers (only for the database). */
export async function syncFio(ctx: SystemContext, options: FioSyncOptions): Promise<FioSyncOutcome> {
	const claimed = await claim(ctx);
	if ('done' in claimed) return claimed.done;
	const { claim: c } = claimed;
	const client = fioClient(options.apiUrl, c.token);
	if (c.rewindTo) {
		const answer =
			'id' in c.rewindTo ? await client.setLastId(c.rewindTo.id) : await client.setLastDate(c.rewindTo.day);
		return finishRewind(ctx, options, c, answer);
	}
	return finishDownload(ctx, options, c, await client.last());
}

async function claim(ctx: SystemContext): Promise<ClaimOutcome> {
	const now = ctx.now();
	return ctx.db.begin(async (tx): Promise<ClaimOutcome> => {
		const [row] = await tx<
			{
				id: string;
				token: string;
				storedBy: string;
				startOn: string;
				cursorId: number | null;
				rewind: boolean;
				inFlightSince: Date | null;
				notBefore: Date | null;
				conflicts: number;
			}[]
		>`
			select id, token, stored_by as "storedBy", to_char(start_on, 'YYYY-MM-DD') as "startOn",
				cursor_id as "cursorId", rewind, in_flight_since as "inFlightSince", not_before as "notBefore",
				conflicts
			from fio_api_connection for update`;
		if (!row) return { done: { outcome: 'no_token' } };
		const stale =
			row.inFlightSince !== null && now.getTime() - row.inFlightSince.getTime() >= FIO_STALE_CALL_MS;
		if (row.inFlightSince !== null && !stale) return { done: { outcome: 'busy' } };
		// an instance died during a call: whatever it downloaded was not imported
		const rewind = row.rewind || stale;
		if (row.notBefore && now < row.notBefore) {
			if (stale)
				await tx`update fio_api_connection set in_flight_since = null, rewind = true where id = ${row.id}`;
			await scheduleSoon(tx, row.notBefore);
			return { done: { outcome: 'waiting', until: row.notBefore } };
		}
		const person = await importingCoordinator(tx, row.storedBy);
		if (!person) {
			// nothing is asked of Fio, so its mark stays where Spolu's is
			await recordError(tx, row.id, now, 'not_coordinator', null, { rewind });
			return { done: { outcome: 'not_coordinator' } };
		}
		const token = openToken(ctx.keys, row.id, row.token);
		await tx`
			update fio_api_connection set in_flight_since = ${now}, last_call_at = ${now},
				not_before = ${later(now, FIO_CALL_SPACING_MS)}, rewind = ${rewind}
			where id = ${row.id}`;
		return {
			claim: {
				id: row.id,
				token,
				person,
				rewindTo: rewind ? (row.cursorId !== null ? { id: row.cursorId } : { day: row.startOn }) : null,
				conflicts: row.conflicts
			}
		};
	});
}

/** Fio said "too soon": nothing happened there. Wait 30 s, then twice as long each time, up to the schedule. */
async function rateLimited(ctx: SystemContext, options: FioSyncOptions, c: Claim): Promise<FioSyncOutcome> {
	const now = ctx.now();
	const wait = Math.min(
		FIO_CALL_SPACING_MS * 2 ** c.conflicts,
		Math.max(options.everyMs, FIO_CALL_SPACING_MS)
	);
	const retryAt = later(now, wait);
	await ctx.db.begin(async (tx) => {
		const [row] = await tx`
			update fio_api_connection set in_flight_since = null, conflicts = conflicts + 1, not_before = ${retryAt}
			where id = ${c.id} returning id`;
		if (row) await scheduleSoon(tx, retryAt);
	});
	log.info('fio: too soon, retrying later', { seconds: Math.round(wait / 1000) });
	return { outcome: 'rate_limited', retryAt };
}

async function finishRewind(
	ctx: SystemContext,
	options: FioSyncOptions,
	c: Claim,
	answer: FioAnswer<null>
): Promise<FioSyncOutcome> {
	const now = ctx.now();
	if (!answer.ok) {
		const { problem, status } = answer;
		if (problem === 'rate_limited') return rateLimited(ctx, options, c);
		await recordError(ctx.db, c.id, now, problem, status === null ? null : `HTTP ${status}`, {
			rewind: true
		});
		return { outcome: 'failed', error: problem };
	}
	const next = later(now, FIO_CALL_SPACING_MS);
	await ctx.db.begin(async (tx) => {
		const [row] = await tx`
			update fio_api_connection set rewind = false, in_flight_since = null, conflicts = 0
			where id = ${c.id} returning id`;
		// the download itself follows as soon as Fio allows, not only at the next scheduled run
		if (row) await scheduleSoon(tx, next);
	});
	return { outcome: 'rewound' };
}

class ImportRefused extends Error {
	constructor(readonly result: Exclude<ImportResult, { ok: true }>) {
		super('import refused');
	}
}

class ConnectionGone extends Error {}

async function finishDownload(
	ctx: SystemContext,
	options: FioSyncOptions,
	c: Claim,
	answer: FioAnswer<string>
): Promise<FioSyncOutcome> {
	const now = ctx.now();
	if (!answer.ok) {
		const { problem, status } = answer;
		if (problem === 'rate_limited') return rateLimited(ctx, options, c);
		// Fio may have handed movements out (and moved its mark) all the same, the answer lost on the
		// way: until an import commits, the next call sets the mark back
		await recordError(ctx.db, c.id, now, problem, status === null ? null : `HTTP ${status}`, {
			rewind: true
		});
		return { outcome: 'failed', error: problem };
	}
	let download;
	try {
		download = parseFioJson(answer.value);
	} catch (e) {
		if (!(e instanceof FioFormatError)) throw e;
		await recordError(ctx.db, c.id, now, 'bad_response', e.message, { rewind: true });
		return { outcome: 'failed', error: 'bad_response' };
	}
	const lines = download.file.statements.flatMap((s) => s.lines);
	const days = lines.map((l) => l.bookedOn).sort();
	try {
		const result = await ctx.db.begin(async (tx) => {
			const [row] = await tx`select id from fio_api_connection where id = ${c.id} for update`;
			// the token was removed or replaced meanwhile: what it downloaded is not the club's to record now
			if (!row) throw new ConnectionGone();
			let statementId: string | null = null;
			let recorded = 0;
			if (lines.length > 0) {
				const imported = await importParsedFile(actingAs(inTransaction(ctx, tx), c.person), {
					name: `Fio API ${days[0]} – ${days.at(-1)}`,
					sha256: createHash('sha256').update(answer.value, 'utf8').digest('hex'),
					file: download.file
				});
				if (!imported.ok) throw new ImportRefused(imported);
				statementId = imported.summary.statements[0]?.statementId ?? null;
				recorded = imported.summary.recorded;
			}
			await tx`
				update fio_api_connection set
					cursor_id = coalesce(${download.info.idTo}::bigint, cursor_id), rewind = false,
					in_flight_since = null, conflicts = 0, last_sync_at = ${now}, last_sync_lines = ${lines.length},
					last_sync_recorded = ${recorded}, last_statement_id = coalesce(${statementId}::uuid, last_statement_id),
					last_error = null, last_error_detail = null, last_error_at = null
				where id = ${c.id}`;
			return { lines: lines.length, recorded, statementId };
		});
		return { outcome: 'imported', ...result };
	} catch (e) {
		if (e instanceof ConnectionGone) return { outcome: 'no_token' };
		if (e instanceof ImportRefused) {
			const r = e.result;
			if (r.reason === 'forbidden') {
				await recordError(ctx.db, c.id, now, 'not_coordinator', null, { rewind: true });
				return { outcome: 'not_coordinator' };
			}
			if (r.code === 'wrong_account' || r.code === 'no_club_account') {
				// the token is for an account the club does not list as its own: the page names it
				await recordError(ctx.db, c.id, now, 'wrong_account', r.accounts?.statement ?? r.detail, {
					rewind: true
				});
				return { outcome: 'failed', error: 'wrong_account' };
			}
			const detail = [r.code, r.line === null ? null : `line ${r.line}`, r.detail].filter(Boolean).join(': ');
			await recordError(ctx.db, c.id, now, 'import_refused', detail, { rewind: true });
			return { outcome: 'failed', error: 'import_refused' };
		}
		// a failure of Spolu's own (the database): the coordinator learns that it failed, the log gets the
		// database's error code (its message may quote a movement's data, which belongs in neither)
		const failure = e as { name?: string; code?: string };
		log.error('fio: import failed', { error: failure.code ?? failure.name ?? 'unknown' });
		await recordError(ctx.db, c.id, now, 'import_failed', null, { rewind: true });
		return { outcome: 'failed', error: 'import_failed' };
	}
}

async function recordError(
	db: Queryable,
	id: string,
	now: Date,
	code: FioErrorCode,
	detail: string | null,
	state: { rewind: boolean }
) {
	await db`
		update fio_api_connection set in_flight_since = null, conflicts = 0, rewind = ${state.rewind},
			last_error = ${code}, last_error_detail = ${detail?.slice(0, 500) ?? null}, last_error_at = ${now}
		where id = ${id}`;
	log.warn('fio: download problem', { error: code });
}
