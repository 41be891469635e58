import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { hashPassword } from './password';
import { validateSessionToken } from './session';
import { signIn } from './sign-in';
import { insertUser } from './users';

let db: TestDatabase;
let sql: Db;
const password = 'správné heslo 🌻';
let passwordHash: string;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	passwordHash = await hashPassword(password);
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	await insertUser(sql, {
		email: 'petra@example.org',
		name: 'Petra',
		passwordHash,
		roles: ['social_worker']
	});
});

const at = (s: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, s));
const address = '203.0.113.7';

describe('signIn', () => {
	it('starts a session with the right password, whatever the case of the e-mail', async () => {
		const result = await signIn(sql, { email: ' Petra@Example.org ', password, address, now: at(0) });
		expect(result).toMatchObject({ ok: true, twoFactorPending: false });
		if (!result.ok) return;
		const valid = await validateSessionToken(sql, result.token, at(1));
		expect(valid?.user.email).toBe('petra@example.org');
		const audit = await sql`select action, address from audit_log`;
		expect(audit).toEqual([{ action: 'auth.sign_in', address }]);
	});

	it('gives the same answer for a wrong password and an unknown address', async () => {
		const wrong = await signIn(sql, {
			email: 'petra@example.org',
			password: 'nope nope',
			address,
			now: at(0)
		});
		const unknown = await signIn(sql, { email: 'nikdo@example.org', password, address, now: at(0) });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		const audit = await sql`select action from audit_log`;
		expect(audit).toEqual([{ action: 'auth.sign_in_failed' }, { action: 'auth.sign_in_failed' }]);
		expect(JSON.stringify(await sql`select details from audit_log`)).not.toContain('nope');
	});

	it('makes an account wait longer after each wrong password, then lets the right one in', async () => {
		const waits: number[] = [];
		let t = 0;
		let rightOneWhileBlocked: unknown;
		for (let i = 0; i < 12; i++) {
			const r = await signIn(sql, {
				email: 'petra@example.org',
				password: 'wrong-password',
				address: `10.0.0.${i}`,
				now: at(t)
			});
			if (!r.ok && r.reason === 'throttled') {
				rightOneWhileBlocked ??= await signIn(sql, {
					email: 'petra@example.org',
					password,
					address,
					now: at(t)
				});
				waits.push(r.retryAfterMs);
				t += r.retryAfterMs / 1000; // wait as told, then try again
			}
		}
		expect(rightOneWhileBlocked).toMatchObject({ ok: false, reason: 'throttled' });
		expect(waits.length).toBeGreaterThan(3);
		for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
		const after = await signIn(sql, { email: 'petra@example.org', password, address, now: at(t + 3600) });
		expect(after.ok).toBe(true);
	});

	it('throttles one address guessing many accounts, without blocking others', async () => {
		for (let i = 0; i < 30; i++) {
			await signIn(sql, { email: `guess${i}@example.org`, password: 'x'.repeat(8), address, now: at(0) });
		}
		const fromAddress = await signIn(sql, { email: 'petra@example.org', password, address, now: at(1) });
		expect(fromAddress).toMatchObject({ ok: false, reason: 'throttled' });
		const elsewhere = await signIn(sql, {
			email: 'petra@example.org',
			password,
			address: '198.51.100.1',
			now: at(1)
		});
		expect(elsewhere.ok).toBe(true);
	});

	it('tells the state of an account only to someone who knows its password', async () => {
		await sql`update users set status = 'pending_approval'`;
		expect(
			await signIn(sql, { email: 'petra@example.org', password: 'wrong one', address, now: at(0) })
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(sql, { email: 'petra@example.org', password, address, now: at(1) })).toEqual({
			ok: false,
			reason: 'pending_approval'
		});
		await sql`update users set status = 'deactivated'`;
		expect(await signIn(sql, { email: 'petra@example.org', password, address, now: at(2) })).toEqual({
			ok: false,
			reason: 'deactivated'
		});
	});

	it('leaves the second factor pending for an account with 2FA', async () => {
		await sql`update users set totp_key = 'k1:x:y:z'`;
		const result = await signIn(sql, { email: 'petra@example.org', password, address, now: at(0) });
		expect(result).toMatchObject({ ok: true, twoFactorPending: true });
		if (!result.ok) return;
		const valid = await validateSessionToken(sql, result.token, at(1));
		expect(valid?.session.twoFactorVerified).toBe(false);
	});
});
