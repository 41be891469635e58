import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import {
	ABSOLUTE_LIFETIME_MS,
	createSession,
	INACTIVITY_TIMEOUT_MS,
	invalidateUserSessions,
	RENEWAL_INTERVAL_MS,
	validateSessionToken
} from './session';
import { insertUser } from './users';

let db: TestDatabase;
let sql: Db;
let userId: string;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	userId = (await insertUser(sql, {
		email: 'Jana@Example.org',
		name: 'Jana',
		passwordHash: 'x',
		roles: ['member', 'coordinator']
	}))!;
});

const start = new Date('2026-11-25T10:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

describe('sessions', () => {
	it('stores nothing of the secret in the cookie token, only its hash', async () => {
		const { token } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		const [id, secret] = token.split('.') as [string, string];
		expect(secret.length).toBeGreaterThanOrEqual(26); // ≥ 128 bits in base32
		const rows = await sql<
			{ id: string; hash: string }[]
		>`select id, encode(secret_hash, 'hex') as hash from sessions`;
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(id);
		expect(JSON.stringify(rows)).not.toContain(secret);
		expect(rows[0]!.hash).toHaveLength(64);
	});

	it('gives the person, their roles and language for a valid token', async () => {
		const { token } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		const valid = await validateSessionToken(sql, token, later(1000));
		expect(valid?.user).toMatchObject({
			id: userId,
			email: 'jana@example.org',
			roles: ['coordinator', 'member'],
			locale: 'cs',
			totpEnabled: false
		});
	});

	it.each([
		['a changed character', (t: string) => t.slice(0, -1) + (t.endsWith('a') ? 'b' : 'a')],
		['three parts', (t: string) => `${t}.x`],
		['no dot', (t: string) => t.replace('.', '')],
		['bad encoding', (t: string) => t.toUpperCase()],
		['an empty value', () => ''],
		['another session’s secret', (t: string) => `${'a'.repeat(24)}.${t.split('.')[1]}`]
	])('treats a token with %s as no session', async (_name, tamper) => {
		const { token } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		expect(await validateSessionToken(sql, tamper(token), later(1000))).toBeNull();
		// The genuine token still works.
		expect(await validateSessionToken(sql, token, later(1000))).not.toBeNull();
	});

	it('is valid one second before the inactivity timeout and gone at it', async () => {
		const { token } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		expect(await validateSessionToken(sql, token, later(INACTIVITY_TIMEOUT_MS - 1000))).not.toBeNull();
		const again = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		expect(await validateSessionToken(sql, again.token, later(INACTIVITY_TIMEOUT_MS))).toBeNull();
		expect(await sql`select id from sessions where id = ${again.session.id}`).toEqual([]);
	});

	it('slides with activity, writing it at most hourly, up to the absolute lifetime', async () => {
		const { token, session } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		const lastSeen = async () =>
			(await sql<{ at: Date }[]>`select last_seen_at as at from sessions where id = ${session.id}`)[0]?.at;

		const soon = await validateSessionToken(sql, token, later(RENEWAL_INTERVAL_MS - 1000));
		expect(soon?.renewedUntil).toBeNull();
		expect(await lastSeen()).toEqual(start);

		const renewed = await validateSessionToken(sql, token, later(RENEWAL_INTERVAL_MS));
		expect(renewed?.renewedUntil).toEqual(later(RENEWAL_INTERVAL_MS + INACTIVITY_TIMEOUT_MS));
		expect(await lastSeen()).toEqual(later(RENEWAL_INTERVAL_MS));

		// Active every few hours, it still ends at the absolute lifetime.
		let t = RENEWAL_INTERVAL_MS;
		while (t + 4 * 3600_000 < ABSOLUTE_LIFETIME_MS) {
			t += 4 * 3600_000;
			expect(await validateSessionToken(sql, token, later(t))).not.toBeNull();
		}
		expect(await validateSessionToken(sql, token, later(ABSOLUTE_LIFETIME_MS))).toBeNull();
	});

	it('ends with the account: a deactivated person has no session', async () => {
		const { token } = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		await sql`update users set status = 'deactivated' where id = ${userId}`;
		expect(await validateSessionToken(sql, token, later(1000))).toBeNull();
	});

	it('ends every other session of a person, keeping the one that asked', async () => {
		const a = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		const b = await createSession(sql, userId, { twoFactorVerified: true, now: start });
		await invalidateUserSessions(sql, userId, a.session.id);
		expect(await validateSessionToken(sql, a.token, later(1000))).not.toBeNull();
		expect(await validateSessionToken(sql, b.token, later(1000))).toBeNull();
	});
});
