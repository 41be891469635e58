import { randomUUID } from 'node:crypto';
import { addDays, isDay, pragueDay } from '$lib/core/prague';
import type { Person } from '../../../core/actor';
import type { PersonContext } from '../../../core/context';
import { audit } from '../../../audit';
import type { Queryable } from '../../../db/client';
import { enqueueJob } from '../../../jobs/queue';
import { isCoordinator } from '../../../needs/access';
import { decryptField, encryptField, type KeyRing } from '../../../privacy/encryption';
import { FIO_TOKEN } from './client';

/*
 * The club's Fio API token: stored by a coordinator, encrypted like protected data, never shown again
 * (the page says only that one is stored, by whom and since when). Storing a token, replacing it or
 * removing it is one transaction each; a new token is a new row, so a download still running with the
 * old one finds its row gone and records nothing under the new one.
 */

export const FIO_SYNC_JOB = 'bank.fio_sync';
/** Fio hands out movements older than this only with an extra authorisation in its internet banking */
export const FIO_MAX_DAYS_BACK = 89;

export const tokenContext = (connectionId: string) => `fio_api_connection:token:${connectionId}`;

export type TokenProblem = 'empty' | 'length' | 'characters';

/**
 * The token as people paste it: Fio shows it in a box that is easy to copy with a space or a line break
 * around or inside it, which are dropped. Anything else must be Fio's 64 letters and digits.
 */
export function readToken(
	raw: string
): { ok: true; token: string } | { ok: false; problem: TokenProblem; length: number } {
	const token = raw.replace(/\s+/g, '');
	if (token === '') return { ok: false, problem: 'empty', length: 0 };
	if (!/^[A-Za-z0-9]*$/.test(token)) return { ok: false, problem: 'characters', length: token.length };
	if (!FIO_TOKEN.test(token)) return { ok: false, problem: 'length', length: token.length };
	return { ok: true, token };
}

export type StartProblem = 'invalid' | 'future' | 'too_old';

/** The first day to download: a real day, not after today, at most 89 days back (Prague calendar). */
export function checkStartDay(day: string, now: Date): StartProblem | null {
	if (!isDay(day)) return 'invalid';
	const today = pragueDay(now);
	if (day > today) return 'future';
	if (day < addDays(today, -FIO_MAX_DAYS_BACK)) return 'too_old';
	return null;
}

/**
 * Where a first download should start: the day of the last movement Spolu knows (an uploaded statement
 * overlaps without harm: nothing is recorded twice), else 30 days back, never beyond Fio's 89 days.
 */
export async function suggestedStartDay(db: Queryable, now: Date): Promise<string> {
	const [row] = await db<{ day: string | null }[]>`
		select to_char(max(booked_on), 'YYYY-MM-DD') as day from bank_payments`;
	const today = pragueDay(now);
	const oldest = addDays(today, -FIO_MAX_DAYS_BACK);
	const day = row?.day ?? addDays(today, -30);
	return day < oldest ? oldest : day > today ? today : day;
}

export type StoreResult =
	| { ok: true }
	| { ok: false; reason: 'forbidden' }
	| { ok: false; reason: 'token'; problem: TokenProblem; length: number }
	| { ok: false; reason: 'start'; problem: StartProblem };

/** Stores (or replaces) the token; the first download runs as soon as Fio allows. */
export async function storeFioToken(
	ctx: PersonContext,
	input: { token: string; startOn: string }
): Promise<StoreResult> {
	const { db, actor, keys } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	const token = readToken(input.token);
	if (!token.ok) return { ok: false, reason: 'token', problem: token.problem, length: token.length };
	const now = ctx.now();
	const start = checkStartDay(input.startOn, now);
	if (start) return { ok: false, reason: 'start', problem: start };
	await db.begin(async (tx) => {
		const [old] = await tx<{ id: string; notBefore: Date | null; lastCallAt: Date | null }[]>`
			select id, not_before as "notBefore", last_call_at as "lastCallAt" from fio_api_connection for update`;
		if (old) await tx`delete from fio_api_connection where id = ${old.id}`;
		const id = randomUUID();
		// Fio's 30 seconds belong to a token, and the new one may be the old one pasted again
		await tx`
			insert into fio_api_connection (id, token, stored_by, stored_at, start_on, rewind, last_call_at, not_before)
			values (${id}, ${encryptField(keys, token.token, tokenContext(id))}, ${actor.id}, ${now},
				${input.startOn}, true, ${old?.lastCallAt ?? null}, ${old?.notBefore ?? null})`;
		// keyed by its time: a run still busy with the old token must not swallow the new token's first one
		await scheduleSoon(tx, old?.notBefore && old.notBefore > now ? old.notBefore : now);
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.fio_token_stored',
			targetType: 'fio_api_connection',
			targetId: id,
			address: actor.address,
			details: { replaced: Boolean(old), startOn: input.startOn }
		});
	});
	return { ok: true };
}

export type RemoveResult = { ok: true } | { ok: false; reason: 'forbidden' | 'none' };

export async function removeFioToken(ctx: PersonContext): Promise<RemoveResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	return db.begin(async (tx): Promise<RemoveResult> => {
		const [row] = await tx<{ id: string }[]>`delete from fio_api_connection returning id`;
		if (!row) return { ok: false, reason: 'none' };
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.fio_token_removed',
			targetType: 'fio_api_connection',
			targetId: row.id,
			address: actor.address
		});
		return { ok: true };
	});
}

export type SyncRequestResult = { ok: true; at: Date } | { ok: false; reason: 'forbidden' | 'none' };

/** "Download now": a run as soon as Fio allows (the job decides; this only asks for it). */
export async function requestFioSync(ctx: PersonContext): Promise<SyncRequestResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	const [row] = await db<{ notBefore: Date | null }[]>`
		select not_before as "notBefore" from fio_api_connection`;
	if (!row) return { ok: false, reason: 'none' };
	const now = ctx.now();
	const at = row.notBefore && row.notBefore > now ? row.notBefore : now;
	await scheduleSoon(db, at, 'manual');
	return { ok: true, at };
}

/**
 * A run of the sync job outside its schedule. `key` keeps at most one such run pending per purpose;
 * follow-ups are keyed by their time, as the run that asks for one is itself still running.
 */
export async function scheduleSoon(db: Queryable, at: Date, key = `at-${Math.ceil(at.getTime() / 1000)}`) {
	await enqueueJob(db, FIO_SYNC_JOB, {}, { key, runAt: at, maxAttempts: 3 });
}

export type FioErrorCode =
	| 'token_rejected'
	| 'too_old'
	| 'too_many'
	| 'unavailable'
	| 'bad_response'
	| 'wrong_account'
	| 'import_refused'
	| 'import_failed'
	| 'not_coordinator';

export interface FioStatus {
	storedByName: string;
	storedAt: Date;
	startOn: string;
	lastSync: { at: Date; lines: number; recorded: number } | null;
	error: { code: FioErrorCode; detail: string | null; at: Date } | null;
	/** the next run of the job (its schedule, or sooner when one was asked for) */
	nextRunAt: Date | null;
}

/** What the coordinator sees: never the token. Null when none is stored. */
export async function fioStatus(db: Queryable): Promise<FioStatus | null> {
	const [row] = await db<
		{
			storedByName: string;
			storedAt: Date;
			startOn: string;
			lastSyncAt: Date | null;
			lastSyncLines: number | null;
			lastSyncRecorded: number | null;
			lastError: FioErrorCode | null;
			lastErrorDetail: string | null;
			lastErrorAt: Date | null;
			nextRunAt: Date | null;
		}[]
	>`
		select u.name as "storedByName", c.stored_at as "storedAt", to_char(c.start_on, 'YYYY-MM-DD') as "startOn",
			c.last_sync_at as "lastSyncAt", c.last_sync_lines as "lastSyncLines",
			c.last_sync_recorded as "lastSyncRecorded", c.last_error as "lastError",
			c.last_error_detail as "lastErrorDetail", c.last_error_at as "lastErrorAt",
			(select min(run_at) from jobs where kind = ${FIO_SYNC_JOB} and status = 'pending') as "nextRunAt"
		from fio_api_connection c join users u on u.id = c.stored_by`;
	if (!row) return null;
	return {
		storedByName: row.storedByName,
		storedAt: row.storedAt,
		startOn: row.startOn,
		lastSync:
			row.lastSyncAt === null
				? null
				: { at: row.lastSyncAt, lines: row.lastSyncLines ?? 0, recorded: row.lastSyncRecorded ?? 0 },
		error:
			row.lastError === null
				? null
				: { code: row.lastError, detail: row.lastErrorDetail, at: row.lastErrorAt! },
		nextRunAt: row.nextRunAt
	};
}

/** The token in plain text, for the call to Fio only. */
export const openToken = (keys: KeyRing, connectionId: string, stored: string) =>
	decryptField(keys, stored, tokenContext(connectionId));

/**
 * The coordinator a download imports under: the person who stored the token, as long as their account
 * is active and they still coordinate. Null otherwise (the download is refused, and the page says why).
 */
export async function importingCoordinator(db: Queryable, userId: string): Promise<Person | null> {
	const [user] = await db<
		{ id: string; name: string; organisationId: string | null; roles: Person['roles'] }[]
	>`
		select u.id, u.name, u.organisation_id as "organisationId",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from users u where u.id = ${userId} and u.status = 'active'`;
	if (!user) return null;
	const person: Person = { kind: 'person', ...user, address: null };
	return isCoordinator(person) ? person : null;
}
