import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { pragueDay } from '$lib/core/prague';
import { isActionFailure, isHttpError } from '@sveltejs/kit';
import { startFakeFio, type FakeFio, type FakeFioMovement } from '../../../../../../tests/support/fake-fio';
import { visitor, type Person } from '../../../core/actor';
import type { Environment } from '../../../core/context';
import { parseConfig } from '../../../config';
import type { Db } from '../../../db/client';
import { jobDefinitions } from '../../../jobs/registry';
import { JobRunner } from '../../../jobs/runner';
import { moneyTestDatabase } from '../../../ledger/test-factory';
import { contextFor, publicEnvironment, systemContextFor, type People } from '../../../needs/test-factory';
import { decryptField } from '../../../privacy/encryption';
import { createPledge } from '../pledges';
import { FIO_SYNC_JOB, fioStatus, removeFioToken, requestFioSync, storeFioToken } from './connection';
import { FIO_STALE_CALL_MS, syncFio } from './sync';
import * as page from '../../../../../routes/(app)/coordinator/money/bank/fio/+page.server';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let fake: FakeFio;
/** the test's clock, shared by Spolu and the fake Fio: 30 seconds pass when a test says so */
let clock = Date.parse('2026-04-14T08:00:00Z');
const pass = (ms: number) => (clock += ms);

const TOKEN = 'Fio1'.repeat(16);
const CLUB_IBAN = 'CZ2720100000002900123451';
const OTHER_IBAN = 'CZ6508000000192000145399';
let bankIban = CLUB_IBAN;
const env = (): Environment => ({ ...publicEnvironment, bankIban, now: () => new Date(clock) });
const options = () => ({ apiUrl: fake.url, everyMs: 15 * 60_000 });
const run = () => syncFio(systemContextFor(sql, env()), options());
const as = (person: Person) => contextFor(sql, person, env());

beforeAll(async () => {
	fake = await startFakeFio({ now: () => clock });
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	({ sql, p } = t);
	bankIban = CLUB_IBAN;
	clock += 3_600_000;
	fake.calls.length = 0;
});

const donor = { id: null, name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Brno' };

/** A fresh token at the fake Fio, for one test. */
function freshToken(): string {
	const token = randomBytes(32).toString('hex');
	fake.addToken(token, { iban: CLUB_IBAN });
	return token;
}

const movement = (id: number, over: Partial<FakeFioMovement> = {}): FakeFioMovement => ({
	id,
	date: '2026-04-10',
	amount: '500.00',
	counterAccount: '2900999888',
	bankCode: '2010',
	counterName: 'Eva Dárcová',
	vs: null,
	message: 'dar',
	type: 'Bezhotovostní příjem',
	...over
});

const connection = async () =>
	(
		await sql<
			{ token: string; id: string; cursorId: number | null; rewind: boolean; notBefore: Date | null }[]
		>`select token, id, cursor_id as "cursorId", rewind, not_before as "notBefore" from fio_api_connection`
	)[0];

const payments = () =>
	sql<{ bankRef: string; amount: number; status: string }[]>`
		select bank_ref as "bankRef", amount, status from bank_payments order by bank_ref`;

/** Stores the token and lets the first run set Fio's mark to the first day; 31 s later the download may run. */
async function connect(token: string, startOn = '2026-04-01') {
	expect(await storeFioToken(as(p.coordinator), { token, startOn })).toEqual({ ok: true });
	expect(await run()).toEqual({ outcome: 'rewound' });
	expect(fake.calls.at(-1)).toMatchObject({ endpoint: 'set-last-date', argument: startOn, status: 200 });
	pass(31_000);
}

describe('the Fio API token', () => {
	it('is stored encrypted: the database never holds it, the page only says that one is stored', async () => {
		expect(await storeFioToken(as(p.coordinator), { token: ` ${TOKEN}\n`, startOn: '2026-04-01' })).toEqual({
			ok: true
		});
		const row = (await connection())!;
		expect(row.token).not.toContain(TOKEN);
		expect(row.token.startsWith('t1:')).toBe(true);
		expect(decryptField(publicEnvironment.keys, row.token, `fio_api_connection:token:${row.id}`)).toBe(TOKEN);
		// bound to its row: copied elsewhere it does not decrypt
		expect(() =>
			decryptField(publicEnvironment.keys, row.token, `fio_api_connection:token:${p.member.id}`)
		).toThrow();
		const status = await fioStatus(sql);
		expect(status).toMatchObject({
			storedByName: 'koordinator',
			startOn: '2026-04-01',
			lastSync: null,
			error: null
		});
		expect(JSON.stringify(status)).not.toContain(TOKEN);
		const audit = await sql`select details::text from audit_log where action = 'ledger.fio_token_stored'`;
		expect(audit).toHaveLength(1);
		expect(JSON.stringify(audit)).not.toContain(TOKEN);
		// not in the bytes an operator would copy either
		expect((await t.db.dump()).includes(Buffer.from(TOKEN))).toBe(false);
	});

	it('refuses what is not a token or not a day Fio gives movements for, and a member', async () => {
		const coordinator = as(p.coordinator);
		expect(await storeFioToken(coordinator, { token: TOKEN.slice(2), startOn: '2026-04-01' })).toEqual({
			ok: false,
			reason: 'token',
			problem: 'length',
			length: 62
		});
		expect(
			await storeFioToken(coordinator, { token: `${TOKEN.slice(1)}ř`, startOn: '2026-04-01' })
		).toMatchObject({
			reason: 'token',
			problem: 'characters'
		});
		const today = new Date(clock).toISOString().slice(0, 10);
		expect(await storeFioToken(coordinator, { token: TOKEN, startOn: '2026-05-30' })).toEqual({
			ok: false,
			reason: 'start',
			problem: 'future'
		});
		expect(await storeFioToken(coordinator, { token: TOKEN, startOn: '2025-12-01' })).toMatchObject({
			problem: 'too_old'
		});
		expect(await storeFioToken(coordinator, { token: TOKEN, startOn: '2026-02-30' })).toMatchObject({
			problem: 'invalid'
		});
		expect(await storeFioToken(as(p.member), { token: TOKEN, startOn: today })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await removeFioToken(as(p.member))).toEqual({ ok: false, reason: 'forbidden' });
		expect(await connection()).toBeUndefined();
	});

	it('can be replaced and removed; a run without a token asks Fio nothing', async () => {
		const first = freshToken();
		await storeFioToken(as(p.coordinator), { token: first, startOn: '2026-04-01' });
		const { id } = (await connection())!;
		await storeFioToken(as(p.coordinator), { token: TOKEN, startOn: '2026-04-05' });
		const replaced = (await connection())!;
		expect(replaced.id).not.toBe(id);
		expect(
			decryptField(publicEnvironment.keys, replaced.token, `fio_api_connection:token:${replaced.id}`)
		).toBe(TOKEN);
		expect(await removeFioToken(as(p.coordinator))).toEqual({ ok: true });
		expect(await removeFioToken(as(p.coordinator))).toEqual({ ok: false, reason: 'none' });
		expect(await fioStatus(sql)).toBeNull();
		expect(await run()).toEqual({ outcome: 'no_token' });
		expect(fake.calls).toEqual([]);
	});
});

describe('downloading new movements', () => {
	it('imports the movements since the last download as a statement, and nothing twice', async () => {
		const token = freshToken();
		const pledge = await createPledge(sql, { purpose: 'gift', needId: null, amount: 50_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		fake.book(
			token,
			movement(26100000090, { date: '2026-03-31', amount: '900.00' }),
			movement(26100000101, { vs: pledge.variableSymbol }),
			movement(26100000102, { amount: '1234.56', vs: '77' }),
			movement(26100000103, { amount: '-120.00', type: 'Platba převodem uvnitř banky', counterName: 'IKEA' })
		);
		await connect(token);

		expect(await run()).toEqual({
			outcome: 'imported',
			lines: 3,
			recorded: 2,
			statementId: expect.any(String)
		});
		// the movement before the first day stays out; the pledge is paid; the outgoing payment is only counted
		expect(await payments()).toEqual([
			{ bankRef: '26100000101', amount: 50_000, status: 'matched' },
			{ bankRef: '26100000102', amount: 123_456, status: 'unassigned' }
		]);
		const [statement] = await sql`
			select format, account, imported_by, lines from bank_statements`;
		expect(statement).toEqual({
			format: 'fio_api',
			account: CLUB_IBAN,
			imported_by: p.coordinator.id,
			lines: 3
		});
		expect(await fioStatus(sql)).toMatchObject({
			lastSync: { at: new Date(clock), lines: 3, recorded: 2 },
			error: null
		});
		expect((await connection())!.cursorId).toBe(26100000103);

		// within Fio's 30 seconds Spolu does not call at all
		const calls = fake.calls.length;
		expect(await run()).toEqual({ outcome: 'waiting', until: expect.any(Date) });
		expect(fake.calls).toHaveLength(calls);

		// nothing new: nothing recorded, no empty statement
		pass(31_000);
		expect(await run()).toEqual({ outcome: 'imported', lines: 0, recorded: 0, statementId: null });
		expect(await sql`select id from bank_statements`).toHaveLength(1);

		// a new movement; then an overlapping download (Fio's mark set back by hand) records nothing twice
		fake.book(token, movement(26100000110, { amount: '250.00' }));
		pass(31_000);
		expect(await run()).toMatchObject({ outcome: 'imported', lines: 1, recorded: 1 });
		pass(31_000);
		await fetch(`${fake.url}/set-last-id/${token}/26100000100/`);
		pass(31_000);
		expect(await run()).toMatchObject({ outcome: 'imported', lines: 4, recorded: 0 });
		expect(await payments()).toHaveLength(3);
	});

	it('respects a 409: no import, no failure shown, a later retry that waits longer each time', async () => {
		const token = freshToken();
		fake.book(token, movement(26100000201));
		await connect(token);
		// another program used the token a moment ago
		await fetch(`${fake.url}/set-last-id/${token}/26100000200/`);
		const calls = fake.calls.length;

		expect(await run()).toEqual({ outcome: 'rate_limited', retryAt: new Date(clock + 31_000) });
		expect(fake.calls.at(-1)).toMatchObject({ endpoint: 'last', status: 409 });
		expect(await payments()).toEqual([]);
		expect((await fioStatus(sql))!.error).toBeNull();
		const [retry] = await sql<{ runAt: Date }[]>`
			select max(run_at) as "runAt" from jobs where kind = ${FIO_SYNC_JOB} and status = 'pending'`;
		expect(retry!.runAt.getTime()).toBeGreaterThanOrEqual(clock + 31_000);
		// no second call before the retry time
		expect(await run()).toMatchObject({ outcome: 'waiting' });
		expect(fake.calls).toHaveLength(calls + 1);

		// at the retry time the other program has just called again: the next wait is twice as long
		pass(31_000);
		expect((await fetch(`${fake.url}/set-last-id/${token}/26100000200/`)).status).toBe(200);
		expect(await run()).toEqual({ outcome: 'rate_limited', retryAt: new Date(clock + 62_000) });
		pass(62_000);
		expect(await run()).toMatchObject({ outcome: 'imported', lines: 1, recorded: 1 });
	});

	it("sets Fio's mark back when the import fails, so nothing is lost", async () => {
		const token = freshToken();
		fake.book(token, movement(26100000301), movement(26100000302, { amount: '700.00' }));
		await connect(token);

		// the club's account is configured as another one: the statement is refused, nothing recorded
		bankIban = OTHER_IBAN;
		expect(await run()).toEqual({ outcome: 'failed', error: 'wrong_account' });
		expect(await payments()).toEqual([]);
		expect(fake.mark(token)).toBe(26100000302); // Fio moved its mark all the same
		expect((await fioStatus(sql))!.error).toMatchObject({ code: 'wrong_account', detail: '2900123451/2010' });

		pass(31_000);
		expect(await run()).toEqual({ outcome: 'rewound' });
		expect(fake.calls.at(-1)).toMatchObject({ endpoint: 'set-last-date', argument: '2026-04-01' });
		expect(fake.mark(token)).toBeNull();

		bankIban = CLUB_IBAN;
		pass(31_000);
		expect(await run()).toMatchObject({ outcome: 'imported', lines: 2, recorded: 2 });
		expect((await fioStatus(sql))!.error).toBeNull();

		// once something is imported, the mark goes back to the last movement imported
		fake.book(token, movement(26100000303, { amount: '10.00', currency: 'EUR' }));
		pass(31_000);
		expect(await run()).toEqual({ outcome: 'failed', error: 'import_refused' });
		expect((await fioStatus(sql))!.error).toMatchObject({
			code: 'import_refused',
			detail: 'currency: line 1: EUR'
		});
		expect(fake.mark(token)).toBe(26100000303);
		pass(31_000);
		expect(await run()).toEqual({ outcome: 'rewound' });
		expect(fake.calls.at(-1)).toMatchObject({ endpoint: 'set-last-id', argument: '26100000302' });
		expect(fake.mark(token)).toBe(26100000302);
	});

	it('sets the mark back after an instance died during a download', async () => {
		const token = freshToken();
		fake.book(token, movement(26100000401));
		await connect(token);
		// the call went out, the instance died before importing
		const res = await fetch(`${fake.url}/last/${token}/transactions.json`);
		expect(res.status).toBe(200);
		await sql`update fio_api_connection set in_flight_since = ${new Date(clock)}`;
		pass(31_000);
		expect(await run()).toEqual({ outcome: 'busy' });
		pass(FIO_STALE_CALL_MS);
		expect(await run()).toEqual({ outcome: 'rewound' });
		pass(31_000);
		expect(await run()).toMatchObject({ outcome: 'imported', lines: 1, recorded: 1 });
	});

	it('never lets two instances call Fio at once', async () => {
		const token = freshToken();
		await storeFioToken(as(p.coordinator), { token, startOn: '2026-04-01' });
		const outcomes = await Promise.all([run(), run(), run()]);
		expect(outcomes.filter((o) => o.outcome === 'rewound')).toHaveLength(1);
		expect(fake.calls).toHaveLength(1);
	});

	it('says so when Fio refuses the token', async () => {
		await storeFioToken(as(p.coordinator), { token: TOKEN.replace(/1/g, '2'), startOn: '2026-04-01' });
		expect(await run()).toEqual({ outcome: 'failed', error: 'token_rejected' });
		expect((await fioStatus(sql))!.error).toMatchObject({ code: 'token_rejected', detail: 'HTTP 500' });
		expect(await sql`select id from bank_statements`).toEqual([]);
	});

	it('stops, asking Fio nothing, when whoever stored the token no longer coordinates', async () => {
		const token = freshToken();
		fake.book(token, movement(26100000501));
		await connect(token);
		await sql`delete from user_roles where user_id = ${p.coordinator.id} and role = 'coordinator'`;
		const calls = fake.calls.length;
		expect(await run()).toEqual({ outcome: 'not_coordinator' });
		expect(fake.calls).toHaveLength(calls);
		expect((await fioStatus(sql))!.error).toMatchObject({ code: 'not_coordinator' });
		expect(await payments()).toEqual([]);
	});

	it('runs as a scheduled job of the runner, pointed at FIO_API_URL', async () => {
		// the runner takes the jobs that are due by the database's clock
		const saved = clock;
		clock = Date.now();
		onTestFinished(() => {
			clock = saved;
		});
		const token = freshToken();
		const definitions = jobDefinitions(parseConfig({ FIO_API_URL: fake.url, FIO_SYNC_MINUTES: '15' }));
		const job = definitions.find((d) => d.kind === FIO_SYNC_JOB)!;
		expect(job.everyMs).toBe(15 * 60_000);
		const runner = new JobRunner(systemContextFor(sql, env())).register(job);
		await storeFioToken(as(p.coordinator), { token, startOn: pragueDay(new Date(clock)) });
		expect(await runner.runOne()).toBe(true);
		expect(fake.calls).toMatchObject([{ endpoint: 'set-last-date', status: 200 }]);
		// the download follows as soon as Fio allows
		expect(await requestFioSync(as(p.coordinator))).toEqual({ ok: true, at: expect.any(Date) });
		const [next] = await sql<{ runAt: Date }[]>`
			select min(run_at) as "runAt" from jobs where kind = ${FIO_SYNC_JOB} and status = 'pending'`;
		expect(next!.runAt.getTime()).toBeGreaterThanOrEqual(clock + 30_000);
		expect(await runner.runOne()).toBe(false);
	});
});

describe('the coordinator page', () => {
	type Event = Parameters<typeof page.load>[0];
	const event = (person: Person | null, form?: Record<string, string>): Event => {
		const user = person && {
			id: person.id,
			email: person.name,
			name: person.name,
			locale: 'cs' as const,
			roles: person.roles,
			organisationId: person.organisationId,
			totpEnabled: true
		};
		const url = new URL('https://spolu.example/coordinator/money/bank/fio');
		const body = form ? new URLSearchParams(form) : undefined;
		return {
			url,
			request: new Request(url, { method: form ? 'POST' : 'GET', body }),
			locals: { user, session: null, twoFactor: null, context: contextFor(sql, visitor, env()) },
			getClientAddress: () => '203.0.113.9'
		} as unknown as Event;
	};
	const status = async (work: () => unknown) => {
		try {
			await work();
		} catch (e) {
			if (isHttpError(e)) return e.status;
			const redirect = e as { status?: number; location?: string };
			if (redirect.location) return redirect.status;
			throw e;
		}
		return 200;
	};

	it("is the coordinator's only: a member cannot open it or post its forms", async () => {
		expect(await status(() => page.load(event(p.member)))).toBe(403);
		const saveEvent = event(p.member, { token: TOKEN, start_on: '2026-04-01' });
		expect(await status(() => page.actions.save(saveEvent as never))).toBe(403);
		expect(await status(() => page.actions.remove(event(p.member, {}) as never))).toBe(403);
		expect(await status(() => page.actions.sync(event(p.member, {}) as never))).toBe(403);
		// signed out: to the sign-in page
		expect(await status(() => page.load(event(null)))).toBe(303);
		expect(await connection()).toBeUndefined();
		expect(await status(() => page.load(event(p.coordinator)))).toBe(200);
	});

	it('answers a wrong token in Czech, without sending it back, and stores a good one', async () => {
		const wrong = await page.actions.save(
			event(p.coordinator, { token: 'abc123', start_on: '2026-04-01' }) as never
		);
		expect(isActionFailure(wrong)).toBe(true);
		expect(JSON.stringify(wrong)).toContain('Token z Fio banky má 64 znaků, vložený jich má 6.');
		expect(JSON.stringify(wrong)).not.toContain('abc123');
		const late = await page.actions.save(
			event(p.coordinator, { token: TOKEN, start_on: '2026-12-24' }) as never
		);
		expect(JSON.stringify(late)).toContain('Datum nesmí být v budoucnosti.');
		expect(JSON.stringify(late)).not.toContain(TOKEN);
		expect(
			await page.actions.save(event(p.coordinator, { token: TOKEN, start_on: '2026-04-01' }) as never)
		).toEqual({
			action: 'save',
			done: true
		});
		const data = await page.load(event(p.coordinator));
		expect(data.status).toMatchObject({ storedByName: 'koordinator' });
		expect(JSON.stringify(data)).not.toContain(TOKEN);
	});
});
