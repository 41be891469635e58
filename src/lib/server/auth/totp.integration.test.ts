import {
	decodeBase32IgnorePadding,
	encodeBase32LowerCaseNoPadding,
	encodeBase32NoPadding,
	encodeBase64,
	encodeHexLowerCase
} from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { decryptField, generateKey, parseKeyRing } from '../privacy/encryption';
import { hashPassword } from './password';
import { createSession, validateSessionToken } from './session';
import {
	completeTwoFactor,
	disableTwoFactor,
	enableTwoFactor,
	ENROLMENT_LIFETIME_MS,
	recoveryCodesLeft,
	regenerateRecoveryCodes,
	resumeEnrolment,
	startEnrolment,
	verifyTwoFactorCode
} from './totp';
import { insertUser } from './users';

const keys = parseKeyRing(generateKey());
const PASSWORD = 'a long enough password';
/** A moment at the very start of a 30-second step, so that `T0 + n steps` stays inside step n. */
const T0 = new Date(Math.floor(Date.UTC(2026, 2, 2, 9, 0, 0) / 30_000) * 30_000);
const at = (steps: number, seconds = 0) => new Date(T0.getTime() + steps * 30_000 + seconds * 1000);

/** The code an authenticator app shows at `moment`. */
function codeAt(key: Uint8Array, moment: Date): string {
	vi.setSystemTime(moment);
	try {
		return generateTOTP(key, 30, 6);
	} finally {
		vi.useRealTimers();
	}
}

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

async function newUser(roles: ('member' | 'donor')[] = ['member']) {
	const email = `person${++counter}@example.org`;
	const id = await insertUser(db.sql, { email, name: 'Test Person', passwordHash, roles });
	return { id: id!, email };
}

/** A person with 2FA enabled at T0 (step 0 used up), signed in on this session. */
async function enrolledUser() {
	const user = await newUser();
	const { token, session } = await createSession(db.sql, user.id, { twoFactorVerified: false, now: T0 });
	const enrolment = await startEnrolment(keys, user, T0);
	const key = decodeBase32IgnorePadding(new URL(enrolment.uri).searchParams.get('secret')!);
	const result = await enableTwoFactor(db.sql, keys, {
		userId: user.id,
		sessionId: session.id,
		sealed: enrolment.sealed,
		code: codeAt(key, T0),
		now: T0
	});
	if (!result.ok) throw new Error(`enrolment failed: ${result.reason}`);
	return { ...user, key, token, session, recoveryCodes: result.recoveryCodes };
}

const auditCount = async (userId: string, action: string) => {
	const [row] = await db.sql<{ n: number }[]>`
		select count(*)::int as n from audit_log where actor_id = ${userId} and action = ${action}`;
	return row!.n;
};

describe('enrolment', () => {
	it('offers an otpauth URI, a PNG QR code and the key for typing in', async () => {
		const user = await newUser();
		const enrolment = await startEnrolment(keys, user, T0);
		const uri = new URL(enrolment.uri);
		expect(enrolment.uri.startsWith(`otpauth://totp/Spolu:${encodeURIComponent(user.email)}?`)).toBe(true);
		expect(uri.searchParams.get('issuer')).toBe('Spolu');
		const key = decodeBase32IgnorePadding(uri.searchParams.get('secret')!);
		expect(key).toHaveLength(20);
		expect(enrolment.manualKey.replaceAll(' ', '')).toBe(encodeBase32NoPadding(key));
		expect(enrolment.qr.startsWith('data:image/png;base64,')).toBe(true);
		// The hidden field does not carry the key in clear.
		for (const form of [encodeBase32NoPadding(key), encodeBase64(key), encodeHexLowerCase(key)]) {
			expect(enrolment.sealed).not.toContain(form);
		}
	});

	it('turns 2FA on only after a correct code, and stores the key encrypted', async () => {
		const user = await newUser();
		const { session } = await createSession(db.sql, user.id, { twoFactorVerified: false, now: T0 });
		const enrolment = await startEnrolment(keys, user, T0);
		const key = decodeBase32IgnorePadding(new URL(enrolment.uri).searchParams.get('secret')!);
		const input = { userId: user.id, sessionId: session.id, sealed: enrolment.sealed, now: at(1) };
		const wrong = codeAt(key, at(1)) === '000000' ? '111111' : '000000';
		expect(await enableTwoFactor(db.sql, keys, { ...input, code: wrong })).toEqual({
			ok: false,
			reason: 'invalid_code'
		});
		const [before] = await db.sql`select totp_key from users where id = ${user.id}`;
		expect(before!.totp_key).toBeNull();

		const result = await enableTwoFactor(db.sql, keys, { ...input, code: codeAt(key, at(1)) });
		expect(result.ok).toBe(true);
		const [row] = await db.sql<{ totpKey: string; lastStep: number }[]>`
			select totp_key as "totpKey", totp_last_step as "lastStep" from users where id = ${user.id}`;
		for (const plain of [
			encodeBase32NoPadding(key),
			encodeBase32NoPadding(key).toLowerCase(),
			encodeBase32LowerCaseNoPadding(key),
			encodeBase64(key),
			encodeHexLowerCase(key)
		]) {
			expect(row!.totpKey).not.toContain(plain);
		}
		expect(decryptField(keys, row!.totpKey, `users:totp_key:${user.id}`)).toBe(encodeBase64(key));
		// The confirming code is used up.
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(key, at(1)), at(1))).toBe(false);
		expect(await auditCount(user.id, 'auth.two_factor_enabled')).toBe(1);
		// A second enrolment cannot replace the key.
		expect(await enableTwoFactor(db.sql, keys, { ...input, code: codeAt(key, at(2)), now: at(2) })).toEqual({
			ok: false,
			reason: 'already_enabled'
		});
	});

	it('refuses a sealed key made for someone else, or too old', async () => {
		const alice = await newUser();
		const bob = await newUser();
		const { session } = await createSession(db.sql, bob.id, { twoFactorVerified: false, now: T0 });
		const enrolment = await startEnrolment(keys, alice, T0);
		const key = decodeBase32IgnorePadding(new URL(enrolment.uri).searchParams.get('secret')!);
		expect(
			await enableTwoFactor(db.sql, keys, {
				userId: bob.id,
				sessionId: session.id,
				sealed: enrolment.sealed,
				code: codeAt(key, T0),
				now: T0
			})
		).toEqual({ ok: false, reason: 'expired' });

		const own = await startEnrolment(keys, bob, T0);
		const ownKey = decodeBase32IgnorePadding(new URL(own.uri).searchParams.get('secret')!);
		const late = new Date(T0.getTime() + ENROLMENT_LIFETIME_MS + 1000);
		expect(
			await enableTwoFactor(db.sql, keys, {
				userId: bob.id,
				sessionId: session.id,
				sealed: own.sealed,
				code: codeAt(ownKey, late),
				now: late
			})
		).toEqual({ ok: false, reason: 'expired' });
		// After a mistyped code the same key is offered again; a stale one is replaced.
		expect((await resumeEnrolment(keys, bob, own.sealed, at(2))).uri).toBe(own.uri);
		expect((await resumeEnrolment(keys, bob, own.sealed, late)).uri).not.toBe(own.uri);
	});

	it("ends the person's other sessions and completes the one that enrolled", async () => {
		const user = await newUser();
		const other = await createSession(db.sql, user.id, { twoFactorVerified: true, now: T0 });
		const mine = await createSession(db.sql, user.id, { twoFactorVerified: false, now: T0 });
		const enrolment = await startEnrolment(keys, user, T0);
		const key = decodeBase32IgnorePadding(new URL(enrolment.uri).searchParams.get('secret')!);
		const result = await enableTwoFactor(db.sql, keys, {
			userId: user.id,
			sessionId: mine.session.id,
			sealed: enrolment.sealed,
			code: codeAt(key, T0),
			now: T0
		});
		expect(result.ok).toBe(true);
		expect(await validateSessionToken(db.sql, other.token, at(1))).toBeNull();
		const kept = await validateSessionToken(db.sql, mine.token, at(1));
		expect(kept?.session.twoFactorVerified).toBe(true);
		expect(kept?.user.totpEnabled).toBe(true);
	});

	it('gives ten distinct recovery codes and keeps only their hashes', async () => {
		const user = await enrolledUser();
		expect(new Set(user.recoveryCodes).size).toBe(10);
		expect(await recoveryCodesLeft(db.sql, user.id)).toBe(10);
		const rows = await db.sql<{ codeHash: Uint8Array }[]>`
			select code_hash as "codeHash" from recovery_codes where user_id = ${user.id}`;
		const stored = rows.map((r) => Buffer.from(r.codeHash).toString('latin1')).join();
		for (const code of user.recoveryCodes) expect(stored).not.toContain(code.replaceAll('-', ''));
	});
});

describe('verifyTwoFactorCode', () => {
	it('accepts a valid code once: the same code again is refused', async () => {
		const user = await enrolledUser();
		const code = codeAt(user.key, at(10));
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, code, at(10))).toBe(true);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, code, at(10, 5))).toBe(false);
	});

	it('accepts a code of the previous step once within the drift, and refuses an older one', async () => {
		const user = await enrolledUser();
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(user.key, at(19)), at(20, 3))).toBe(true);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(user.key, at(19)), at(20, 4))).toBe(false);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(user.key, at(28)), at(30))).toBe(false);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(user.key, at(31)), at(30))).toBe(true);
		// Once a later step has been accepted, an earlier one (though within the drift) is not.
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, codeAt(user.key, at(30)), at(30, 10))).toBe(
			false
		);
	});

	it('lets two racing requests with one code succeed once', async () => {
		const user = await enrolledUser();
		const code = codeAt(user.key, at(40));
		const a = db.connect();
		const b = db.connect();
		const results = await Promise.all([
			verifyTwoFactorCode(a, keys, user.id, code, at(40)),
			verifyTwoFactorCode(b, keys, user.id, code, at(40))
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('accepts a recovery code once, however it is typed', async () => {
		const user = await enrolledUser();
		const code = user.recoveryCodes[3]!;
		const typed = ` ${code.replaceAll('-', '').toUpperCase()} `;
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, typed, at(5))).toBe(true);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, code, at(6))).toBe(false);
		expect(await recoveryCodesLeft(db.sql, user.id)).toBe(9);
		expect(await auditCount(user.id, 'auth.recovery_code_used')).toBe(1);
	});

	it('refuses codes of someone else, malformed input, and people without 2FA', async () => {
		const user = await enrolledUser();
		const other = await enrolledUser();
		const plain = await newUser();
		expect(await verifyTwoFactorCode(db.sql, keys, other.id, user.recoveryCodes[0]!, at(1))).toBe(false);
		for (const junk of ['', '12345', '1234567', "' or 1=1 --", 'x'.repeat(5000)]) {
			expect(await verifyTwoFactorCode(db.sql, keys, user.id, junk, at(4))).toBe(false);
		}
		expect(await verifyTwoFactorCode(db.sql, keys, plain.id, '123456', at(4))).toBe(false);
	});
});

describe('completeTwoFactor', () => {
	it('replaces the pending session with a new, complete one', async () => {
		const user = await enrolledUser();
		const pending = await createSession(db.sql, user.id, { twoFactorVerified: false, now: at(10) });
		const result = await completeTwoFactor(db.sql, keys, {
			userId: user.id,
			sessionId: pending.session.id,
			code: codeAt(user.key, at(10)),
			address: '203.0.113.1',
			now: at(10)
		});
		if (!result.ok) throw new Error(result.reason);
		expect(await validateSessionToken(db.sql, pending.token, at(11))).toBeNull();
		const fresh = await validateSessionToken(db.sql, result.token, at(11));
		expect(fresh?.session.twoFactorVerified).toBe(true);
		expect(fresh?.session.id).not.toBe(pending.session.id);
	});

	it('audits wrong codes and throttles the person after five', async () => {
		const user = await enrolledUser();
		const pending = await createSession(db.sql, user.id, { twoFactorVerified: false, now: at(10) });
		const input = { userId: user.id, sessionId: pending.session.id, address: '203.0.113.2', now: at(10) };
		const right = codeAt(user.key, at(10));
		const wrong = right === '000000' ? '111111' : '000000';
		for (let i = 0; i < 5; i++) {
			expect(await completeTwoFactor(db.sql, keys, { ...input, code: wrong })).toEqual({
				ok: false,
				reason: 'invalid_code'
			});
		}
		expect(await auditCount(user.id, 'auth.two_factor_failed')).toBe(5);
		const blocked = await completeTwoFactor(db.sql, keys, { ...input, code: right });
		expect(blocked).toMatchObject({ ok: false, reason: 'throttled' });
		expect((blocked as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
		// The right code was not spent while throttled.
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, right, at(10))).toBe(true);
	});
});

describe('changing 2FA', () => {
	it('disables 2FA with the password and a code, and ends other sessions', async () => {
		const user = await enrolledUser();
		const other = await createSession(db.sql, user.id, { twoFactorVerified: true, now: at(1) });
		const input = { userId: user.id, sessionId: user.session.id, address: '203.0.113.3', now: at(5) };
		const code = codeAt(user.key, at(5));
		expect(await disableTwoFactor(db.sql, keys, { ...input, password: 'wrong password', code })).toEqual({
			ok: false,
			reason: 'wrong_password'
		});
		expect(
			await disableTwoFactor(db.sql, keys, {
				...input,
				password: PASSWORD,
				code: '000000' === code ? '111111' : '000000'
			})
		).toEqual({
			ok: false,
			reason: 'invalid_code'
		});
		expect(await disableTwoFactor(db.sql, keys, { ...input, password: PASSWORD, code })).toEqual({
			ok: true
		});
		const [row] = await db.sql`select totp_key from users where id = ${user.id}`;
		expect(row!.totp_key).toBeNull();
		expect(await recoveryCodesLeft(db.sql, user.id)).toBe(0);
		expect(await validateSessionToken(db.sql, other.token, at(6))).toBeNull();
		expect(await validateSessionToken(db.sql, user.token, at(6))).not.toBeNull();
		expect(await auditCount(user.id, 'auth.two_factor_disabled')).toBe(1);
		// Recovery codes of the switched-off factor are gone too.
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, user.recoveryCodes[0]!, at(7))).toBe(false);
	});

	it('replaces the recovery codes after a code, and ends other sessions', async () => {
		const user = await enrolledUser();
		const other = await createSession(db.sql, user.id, { twoFactorVerified: true, now: at(1) });
		const result = await regenerateRecoveryCodes(db.sql, keys, {
			userId: user.id,
			sessionId: user.session.id,
			code: codeAt(user.key, at(5)),
			address: '203.0.113.4',
			now: at(5)
		});
		if (!result.ok) throw new Error(result.reason);
		expect(result.recoveryCodes).toHaveLength(10);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, user.recoveryCodes[0]!, at(6))).toBe(false);
		expect(await verifyTwoFactorCode(db.sql, keys, user.id, result.recoveryCodes[0]!, at(6))).toBe(true);
		expect(await validateSessionToken(db.sql, other.token, at(6))).toBeNull();
		expect(await validateSessionToken(db.sql, user.token, at(6))).not.toBeNull();
	});
});
