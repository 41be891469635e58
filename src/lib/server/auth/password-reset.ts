import { audit } from '../audit';
import type { Db } from '../db/client';
import { checkEmailToken, createEmailToken, useEmailTokens } from '../mail/email-tokens';
import { queueMail } from '../mail/outbox';
import { mailLink } from '../mail/templates';
import type { KeyRing } from '../privacy/encryption';
import { checkPassword, hashPassword, type PasswordProblem } from './password';
import { invalidateUserSessions } from './session';
import { policies, recordAttempt, refuseWhileThrottled, throttleWait } from './throttle';
import { verifyTwoFactorCode } from './totp';
import { findUserById, findUserByEmail, normaliseEmail } from './users';

/*
 * Password reset as the Copenhagen Book describes it: the answer to a request never tells whether the
 * address has an account; the link carries a single-use token valid for one hour; a person with 2FA
 * also gives a code; afterwards every session of the person ends.
 */

type Throttled = { ok: false; reason: 'throttled'; retryAfterMs: number };

export type ResetRequestResult = { ok: true } | Throttled;

const accountKey = (email: string) => `reset:account:${normaliseEmail(email)}`;
const addressKey = (address: string) => `reset:address:${address}`;
const twoFactorKey = (userId: string) => `reset:two-factor:${userId}`;

/**
 * Sends a reset link when the address belongs to an account that is not deactivated. The result is the
 * same either way; only throttling (per address and per network address) is told.
 */
export async function requestPasswordReset(
	db: Db,
	input: { email: string; address: string; origin: string; now?: Date }
): Promise<ResetRequestResult> {
	const now = input.now ?? new Date();
	const keys = [accountKey(input.email), addressKey(input.address)];
	const throttled = await refuseWhileThrottled(db, keys, {
		actorId: null,
		address: input.address,
		step: 'password-reset',
		now
	});
	if (throttled) return throttled;
	await db.begin(async (tx) => {
		await recordAttempt(tx, keys[0]!, policies.resetAccount, now);
		await recordAttempt(tx, keys[1]!, policies.resetAddress, now);
		const user = await findUserByEmail(tx, input.email);
		const eligible = user !== null && user.status !== 'deactivated';
		if (eligible) {
			const token = await createEmailToken(tx, user.id, 'reset_password', now);
			await queueMail(tx, {
				to: user.email,
				locale: user.locale,
				template: 'reset_password',
				params: { url: mailLink(input.origin, `/reset-password/${token}`) }
			});
		}
		await audit(tx, {
			actorId: user?.id ?? null,
			action: 'auth.password_reset_requested',
			targetType: user ? 'user' : undefined,
			targetId: user?.id,
			address: input.address,
			details: { sent: eligible }
		});
	});
	return { ok: true };
}

export type ResetLinkState =
	{ ok: true; twoFactor: boolean } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Whether a reset link can still be used, and whether the form must ask for a second-factor code. */
export async function checkResetLink(db: Db, token: string, now = new Date()): Promise<ResetLinkState> {
	const check = await checkEmailToken(db, token, 'reset_password', { now });
	if (!check.ok) return check;
	const user = await findUserById(db, check.userId);
	if (!user || user.status === 'deactivated') return { ok: false, reason: 'invalid' };
	return { ok: true, twoFactor: user.totpEnabled };
}

export type ResetResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' }
	| { ok: false; reason: 'password'; problem: PasswordProblem }
	| { ok: false; reason: 'code_required' | 'code_invalid' }
	| Throttled;

/**
 * Sets a new password through a reset link. The link proves the person reads the account's mailbox,
 * so an account still waiting for its address to be confirmed becomes active too.
 */
export async function resetPassword(
	db: Db,
	keys: KeyRing,
	input: { token: string; password: string; code?: string; address: string; now?: Date }
): Promise<ResetResult> {
	const now = input.now ?? new Date();
	const problem = checkPassword(input.password);
	if (problem) return { ok: false, reason: 'password', problem };
	const preview = await checkResetLink(db, input.token, now);
	if (!preview.ok) return preview;
	// argon2 takes a while: hash before the transaction that locks the token.
	const passwordHash = await hashPassword(input.password);
	return db.begin(async (tx): Promise<ResetResult> => {
		const check = await checkEmailToken(tx, input.token, 'reset_password', { now, lock: true });
		if (!check.ok) return check;
		const user = await findUserById(tx, check.userId);
		if (!user || user.status === 'deactivated') return { ok: false, reason: 'invalid' };
		if (user.totpEnabled) {
			const wait = await throttleWait(tx, [twoFactorKey(user.id)], now);
			if (wait > 0) return { ok: false, reason: 'throttled', retryAfterMs: wait };
			const code = input.code?.trim() ?? '';
			if (!code) return { ok: false, reason: 'code_required' };
			if (!(await verifyTwoFactorCode(tx, keys, user.id, code, now))) {
				await recordAttempt(tx, twoFactorKey(user.id), policies.twoFactorAccount, now);
				await audit(tx, {
					actorId: user.id,
					action: 'auth.two_factor_failed',
					targetType: 'user',
					targetId: user.id,
					address: input.address,
					details: { step: 'password-reset' }
				});
				return { ok: false, reason: 'code_invalid' };
			}
		}
		const activated = user.status === 'pending_email';
		await tx`
			update users set password_hash = ${passwordHash}, updated_at = ${now},
				status = case when status = 'pending_email' then 'active' else status end
			where id = ${user.id}`;
		await useEmailTokens(tx, user.id, 'reset_password', now);
		await invalidateUserSessions(tx, user.id);
		await audit(tx, {
			actorId: user.id,
			action: 'auth.password_reset',
			targetType: 'user',
			targetId: user.id,
			address: input.address
		});
		if (activated) {
			await useEmailTokens(tx, user.id, 'verify_email', now);
			await audit(tx, {
				actorId: user.id,
				action: 'auth.email_verified',
				targetType: 'user',
				targetId: user.id,
				address: input.address,
				details: { via: 'password-reset' }
			});
		}
		return { ok: true };
	});
}
