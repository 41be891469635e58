import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { hashPassword, verifyPassword } from './password';
import { changeLocale, changeName, changePassword } from './profile';
import { createSession, validateSessionToken } from './session';
import { findUserById, insertUser } from './users';

const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'kůň pije vodu u řeky';

let db: TestDatabase;
let passwordHash: string;
let counter = 0;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
	await db?.close();
});

async function signedInUser() {
	const id = (await insertUser(db.sql, {
		email: `profile${++counter}@example.org`,
		name: 'Jana Testová',
		passwordHash,
		roles: ['donor']
	}))!;
	const current = await createSession(db.sql, id, { twoFactorVerified: true });
	return { id, current, address: `198.51.100.${counter}` };
}

const change = (
	user: Awaited<ReturnType<typeof signedInUser>>,
	currentPassword: string,
	newPassword: string
) =>
	changePassword(db.sql, {
		userId: user.id,
		sessionId: user.current.session.id,
		currentPassword,
		newPassword,
		address: user.address
	});

describe('changePassword', () => {
	it('requires the right current password', async () => {
		const user = await signedInUser();
		expect(await change(user, 'not my password', NEW_PASSWORD)).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		const stored = await findUserById(db.sql, user.id);
		expect(await verifyPassword(stored!.passwordHash, PASSWORD)).toBe(true);
	});

	it('refuses a common, a short and an overlong new password', async () => {
		const user = await signedInUser();
		expect(await change(user, PASSWORD, 'password1')).toEqual({ ok: false, reason: 'common' });
		expect(await change(user, PASSWORD, 'Heslo123')).toEqual({ ok: false, reason: 'common' });
		expect(await change(user, PASSWORD, 'short')).toEqual({ ok: false, reason: 'too_short' });
		expect(await change(user, PASSWORD, 'x'.repeat(256))).toEqual({ ok: false, reason: 'too_long' });
		const stored = await findUserById(db.sql, user.id);
		expect(await verifyPassword(stored!.passwordHash, PASSWORD)).toBe(true);
	});

	it('stores the new password with argon2id, ends other sessions and keeps the current one', async () => {
		const user = await signedInUser();
		const other = await createSession(db.sql, user.id, { twoFactorVerified: true });
		expect(await change(user, PASSWORD, NEW_PASSWORD)).toEqual({ ok: true });
		const stored = await findUserById(db.sql, user.id);
		expect(stored!.passwordHash.startsWith('$argon2id$v=19$m=19456')).toBe(true);
		expect(await verifyPassword(stored!.passwordHash, NEW_PASSWORD)).toBe(true);
		expect(await verifyPassword(stored!.passwordHash, PASSWORD)).toBe(false);
		expect(await validateSessionToken(db.sql, other.token)).toBeNull();
		expect(await validateSessionToken(db.sql, user.current.token)).not.toBeNull();
		const audited = await db.sql`
			select 1 from audit_log where actor_id = ${user.id} and action = 'auth.password_changed'`;
		expect(audited).toHaveLength(1);
	});

	it('uses up reset links asked for before the change', async () => {
		const user = await signedInUser();
		await db.sql`
			insert into email_tokens (token_hash, user_id, purpose, expires_at)
			values (${new Uint8Array(32).fill(counter)}, ${user.id}, 'reset_password', now() + interval '1 hour')`;
		expect(await change(user, PASSWORD, NEW_PASSWORD)).toEqual({ ok: true });
		const open = await db.sql`
			select 1 from email_tokens where user_id = ${user.id} and used_at is null`;
		expect(open).toHaveLength(0);
	});

	it('makes someone guessing the current password wait', async () => {
		const user = await signedInUser();
		const results = [];
		for (let i = 0; i < 4; i++) results.push((await change(user, `guess number ${i}`, NEW_PASSWORD)).ok);
		const blocked = await change(user, PASSWORD, NEW_PASSWORD);
		expect(results).toEqual([false, false, false, false]);
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
	});
});

describe('name and language', () => {
	it('changes the name and the language, and audits both', async () => {
		const user = await signedInUser();
		await changeName(db.sql, { userId: user.id, name: 'Jana Nová', address: user.address });
		await changeLocale(db.sql, { userId: user.id, locale: 'en', address: user.address });
		const stored = await findUserById(db.sql, user.id);
		expect([stored!.name, stored!.locale]).toEqual(['Jana Nová', 'en']);
		const audited = await db.sql`
			select 1 from audit_log where actor_id = ${user.id} and action = 'user.profile_changed'`;
		expect(audited).toHaveLength(2);
	});
});
