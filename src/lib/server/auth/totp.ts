import { sha256 } from '@oslojs/crypto/sha2';
import {
	decodeBase64,
	encodeBase32LowerCaseNoPadding,
	encodeBase32NoPadding,
	encodeBase64
} from '@oslojs/encoding';
import { createTOTPKeyURI, verifyHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';
import { audit } from '../audit';
import type { Db, Queryable } from '../db/client';
import { decryptField, encryptField, type KeyRing } from '../privacy/encryption';
import { verifyPassword } from './password';
import {
	createSession,
	invalidateSession,
	invalidateUserSessions,
	markSessionTwoFactorVerified,
	sessionExpiry
} from './session';
import { clearThrottle, policies, recordAttempt, refuseWhileThrottled } from './throttle';
import { findUserById } from './users';

/*
 * TOTP second factor (RFC 6238: 30-second steps, 6 digits, SHA-1 — what every authenticator app
 * speaks). The key is 20 random bytes, stored encrypted; the last accepted time step is stored too, so
 * each code works once (ASVS 6.5.1). Ten recovery codes stand in for a lost phone; only their SHA-256
 * is kept.
 */

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
const ISSUER = 'Spolu';
/** Steps either side of now that are still accepted: clocks of phones drift. */
const DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long a QR code shown for enrolment may be confirmed. */
export const ENROLMENT_LIFETIME_MS = 30 * 60_000;

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const keyContext = (userId: string) => `users:totp_key:${userId}`;
const enrolmentContext = (userId: string) => `totp-enrolment:${userId}`;

/** The time step a moment falls into. */
export const totpStep = (now: Date) => Math.floor(now.getTime() / (TOTP_PERIOD_SECONDS * 1000));

/** The step among now ± drift whose code `code` is, or null. */
function matchingStep(key: Uint8Array, code: string, now: Date): number | null {
	const current = totpStep(now);
	for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
		if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
	}
	return null;
}

/* Codes as people type them: spaces and dashes are ignored, letters in either case. */
const normalise = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();
const isTotpCode = (code: string) => new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code);
const isRecoveryCode = (code: string) => /^[a-z2-7]{16}$/.test(code);
const hashRecoveryCode = (code: string) => sha256(new TextEncoder().encode(code));

/** `abcd-efgh-ijkl-mnop`: 80 random bits, easy to copy by hand. */
function newRecoveryCode(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(10)).match(/.{4}/g)!.join('-');
}

/** Replaces a person's recovery codes with ten new ones and returns them (to show once). */
async function replaceRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await db`delete from recovery_codes where user_id = ${userId}`;
	for (const code of codes) {
		await db`insert into recovery_codes (user_id, code_hash) values (${userId}, ${hashRecoveryCode(normalise(code))})`;
	}
	return codes;
}

/** How many unused recovery codes a person has left. */
export async function recoveryCodesLeft(db: Queryable, userId: string): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select count(*)::int as n from recovery_codes where user_id = ${userId} and used_at is null`;
	return row?.n ?? 0;
}

/**
 * Checks a second-factor code of a person with 2FA enabled: a TOTP code of now ± one step that is newer
 * than the last one accepted, or an unused recovery code. Either is used up by a success: the step is
 * stored, the recovery code marked. Both writes are conditional, so two requests racing with one code
 * cannot both succeed.
 */
export async function verifyTwoFactorCode(
	db: Queryable,
	keys: KeyRing,
	userId: string,
	code: string,
	now: Date = new Date()
): Promise<boolean> {
	const input = normalise(code);
	if (isTotpCode(input)) {
		const [row] = await db<{ totpKey: string | null }[]>`
			select totp_key as "totpKey" from users where id = ${userId}`;
		if (!row?.totpKey) return false;
		const key = decodeBase64(decryptField(keys, row.totpKey, keyContext(userId)));
		const step = matchingStep(key, input, now);
		if (step === null) return false;
		const accepted = await db`
			update users set totp_last_step = ${step}
			where id = ${userId} and totp_key is not null and (totp_last_step is null or totp_last_step < ${step})
			returning id`;
		return accepted.length === 1;
	}
	if (isRecoveryCode(input)) {
		const used = await db`
			update recovery_codes set used_at = ${now}
			where user_id = ${userId} and code_hash = ${hashRecoveryCode(input)} and used_at is null
				and exists (select 1 from users u where u.id = ${userId} and u.totp_key is not null)
			returning user_id`;
		if (used.length !== 1) return false;
		await audit(db, {
			actorId: userId,
			action: 'auth.recovery_code_used',
			targetType: 'user',
			targetId: userId,
			details: { remaining: await recoveryCodesLeft(db, userId) }
		});
		return true;
	}
	return false;
}

// ---------------------------------------------------------------------------------------------------
// Enrolment

/** What the set-up page shows: the QR code, the key to type in by hand, and the sealed key to post back. */
export interface Enrolment {
	/** the key, encrypted for this person with an issue time; goes into a hidden field */
	sealed: string;
	/** `otpauth://` URI the QR code holds */
	uri: string;
	/** the QR code as a PNG data URL */
	qr: string;
	/** the key in base32, in groups of four, for typing into an app */
	manualKey: string;
}

interface Pending {
	key: Uint8Array;
	issuedAt: number;
}

/*
 * The key being set up travels in the form, not in the database: encrypted and authenticated for this
 * person (a sealed key copied into someone else's form does not open), with its issue time so that an
 * old page cannot be confirmed.
 */
function seal(keys: KeyRing, userId: string, pending: Pending): string {
	const payload = JSON.stringify({ k: encodeBase64(pending.key), t: pending.issuedAt });
	return encryptField(keys, payload, enrolmentContext(userId));
}

function unseal(keys: KeyRing, userId: string, sealed: string, now: Date): Pending | null {
	try {
		const { k, t } = JSON.parse(decryptField(keys, sealed, enrolmentContext(userId))) as {
			k: string;
			t: number;
		};
		const key = decodeBase64(k);
		const age = now.getTime() - t;
		if (key.length !== 20 || !(age >= 0 && age <= ENROLMENT_LIFETIME_MS)) return null;
		return { key, issuedAt: t };
	} catch {
		return null;
	}
}

async function present(
	keys: KeyRing,
	user: { id: string; email: string },
	pending: Pending
): Promise<Enrolment> {
	const uri = createTOTPKeyURI(ISSUER, user.email, pending.key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
	return {
		sealed: seal(keys, user.id, pending),
		uri,
		qr: await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
		manualKey: encodeBase32NoPadding(pending.key)
			.match(/.{1,4}/g)!
			.join(' ')
	};
}

/** A new key to set up, nothing stored yet. */
export function startEnrolment(
	keys: KeyRing,
	user: { id: string; email: string },
	now: Date = new Date()
): Promise<Enrolment> {
	return present(keys, user, { key: randomBytes(20), issuedAt: now.getTime() });
}

/** The same key again (after a mistyped code), or a new one when the sealed key is stale or not theirs. */
export async function resumeEnrolment(
	keys: KeyRing,
	user: { id: string; email: string },
	sealed: string,
	now: Date = new Date()
): Promise<Enrolment> {
	const pending = unseal(keys, user.id, sealed, now);
	return pending ? present(keys, user, pending) : startEnrolment(keys, user, now);
}

export type EnableResult =
	| { ok: true; recoveryCodes: string[] }
	| { ok: false; reason: 'invalid_code' | 'expired' | 'already_enabled' };

/**
 * Turns 2FA on once the person proves their app has the key: stores the key encrypted (and the code's
 * step, used up), creates ten recovery codes, ends their other sessions and completes this one.
 */
export async function enableTwoFactor(
	db: Db,
	keys: KeyRing,
	input: { userId: string; sessionId: string; sealed: string; code: string; address?: string; now?: Date }
): Promise<EnableResult> {
	const now = input.now ?? new Date();
	const pending = unseal(keys, input.userId, input.sealed, now);
	if (!pending) return { ok: false, reason: 'expired' };
	const code = normalise(input.code);
	const step = isTotpCode(code) ? matchingStep(pending.key, code, now) : null;
	if (step === null) return { ok: false, reason: 'invalid_code' };
	const stored = encryptField(keys, encodeBase64(pending.key), keyContext(input.userId));
	return db.begin(async (tx) => {
		const updated = await tx`
			update users set totp_key = ${stored}, totp_last_step = ${step}, updated_at = ${now}
			where id = ${input.userId} and totp_key is null
			returning id`;
		if (updated.length !== 1) return { ok: false as const, reason: 'already_enabled' as const };
		const recoveryCodes = await replaceRecoveryCodes(tx, input.userId);
		await invalidateUserSessions(tx, input.userId, input.sessionId);
		await markSessionTwoFactorVerified(tx, input.sessionId);
		await audit(tx, {
			actorId: input.userId,
			action: 'auth.two_factor_enabled',
			targetType: 'user',
			targetId: input.userId,
			address: input.address ?? null
		});
		return { ok: true as const, recoveryCodes };
	});
}

// ---------------------------------------------------------------------------------------------------
// Code checks from forms, throttled per person and per address

type Throttled = { ok: false; reason: 'throttled'; retryAfterMs: number };
type Step = 'verify' | 'disable' | 'recovery_codes';
interface Caller {
	userId: string;
	address: string;
	now: Date;
}

const accountKey = (userId: string) => `two-factor:account:${userId}`;
const addressKey = (address: string) => `two-factor:address:${address}`;

async function waitBeforeCode(db: Db, who: Caller, step: Step): Promise<Throttled | null> {
	return refuseWhileThrottled(db, [accountKey(who.userId), addressKey(who.address)], {
		actorId: who.userId,
		address: who.address,
		step: `two-factor:${step}`,
		now: who.now
	});
}

async function recordCodeFailure(db: Db, who: Caller, step: Step, reason: string) {
	await db.begin(async (tx) => {
		await recordAttempt(tx, accountKey(who.userId), policies.twoFactorAccount, who.now);
		await recordAttempt(tx, addressKey(who.address), policies.twoFactorAddress, who.now);
		await audit(tx, {
			actorId: who.userId,
			action: 'auth.two_factor_failed',
			targetType: 'user',
			targetId: who.userId,
			address: who.address,
			details: { step, reason }
		});
	});
}

/**
 * Runs `effect` in one transaction with a successful code check; a wrong code is counted against the
 * person and the address and audited, and nothing else is written.
 */
async function withCode<T>(
	db: Db,
	keys: KeyRing,
	who: Caller & { code: string },
	step: Step,
	effect: (tx: Queryable) => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; reason: 'invalid_code' }> {
	const value = await db.begin(async (tx) => {
		if (!(await verifyTwoFactorCode(tx, keys, who.userId, who.code, who.now))) return null;
		await clearThrottle(tx, accountKey(who.userId));
		return { v: await effect(tx) };
	});
	if (value) return { ok: true, value: value.v };
	await recordCodeFailure(db, who, step, 'invalid_code');
	return { ok: false, reason: 'invalid_code' };
}

export type CompleteResult =
	{ ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'invalid_code' } | Throttled;

/**
 * The second step of signing in. On success the half-signed-in session is replaced by a new, complete
 * one (a new token, so a session id seen before the second factor is worth nothing after it).
 */
export async function completeTwoFactor(
	db: Db,
	keys: KeyRing,
	input: { userId: string; sessionId: string; code: string; address: string; now?: Date }
): Promise<CompleteResult> {
	const who = { ...input, now: input.now ?? new Date() };
	const throttled = await waitBeforeCode(db, who, 'verify');
	if (throttled) return throttled;
	const result = await withCode(db, keys, who, 'verify', async (tx) => {
		const { token, session } = await createSession(tx, input.userId, {
			twoFactorVerified: true,
			now: who.now
		});
		await invalidateSession(tx, input.sessionId);
		return { token, expiresAt: sessionExpiry(session) };
	});
	return result.ok ? { ok: true, ...result.value } : result;
}

export type RecoveryCodesResult =
	{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'invalid_code' } | Throttled;

/** Ten new recovery codes in place of the old ones; asks for a code, ends the person's other sessions. */
export async function regenerateRecoveryCodes(
	db: Db,
	keys: KeyRing,
	input: { userId: string; sessionId: string; code: string; address: string; now?: Date }
): Promise<RecoveryCodesResult> {
	const who = { ...input, now: input.now ?? new Date() };
	const throttled = await waitBeforeCode(db, who, 'recovery_codes');
	if (throttled) return throttled;
	const result = await withCode(db, keys, who, 'recovery_codes', async (tx) => {
		const codes = await replaceRecoveryCodes(tx, input.userId);
		await invalidateUserSessions(tx, input.userId, input.sessionId);
		return codes;
	});
	return result.ok ? { ok: true, recoveryCodes: result.value } : result;
}

export type DisableResult =
	{ ok: true } | { ok: false; reason: 'wrong_password' | 'invalid_code' } | Throttled;

/**
 * Turns 2FA off: asks for the password and a code, removes the key and the recovery codes, ends the
 * person's other sessions. Where their roles require 2FA the next page asks them to set it up again —
 * which is how a new phone replaces a lost one.
 */
export async function disableTwoFactor(
	db: Db,
	keys: KeyRing,
	input: { userId: string; sessionId: string; password: string; code: string; address: string; now?: Date }
): Promise<DisableResult> {
	const who = { ...input, now: input.now ?? new Date() };
	const throttled = await waitBeforeCode(db, who, 'disable');
	if (throttled) return throttled;
	const user = await findUserById(db, input.userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
		await recordCodeFailure(db, who, 'disable', 'wrong_password');
		return { ok: false, reason: 'wrong_password' };
	}
	const result = await withCode(db, keys, who, 'disable', async (tx) => {
		await tx`
			update users set totp_key = null, totp_last_step = null, updated_at = ${who.now}
			where id = ${input.userId}`;
		await tx`delete from recovery_codes where user_id = ${input.userId}`;
		await invalidateUserSessions(tx, input.userId, input.sessionId);
		await audit(tx, {
			actorId: input.userId,
			action: 'auth.two_factor_disabled',
			targetType: 'user',
			targetId: input.userId,
			address: input.address
		});
	});
	return result.ok ? { ok: true } : result;
}
