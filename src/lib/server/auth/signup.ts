import { audit } from '../audit';
import type { Db } from '../db/client';
import { checkEmailToken, createEmailToken, useEmailTokens } from '../mail/email-tokens';
import { queueMail } from '../mail/outbox';
import { mailLink, type Locale } from '../mail/templates';
import { checkPassword, hashPassword, type PasswordProblem } from './password';
import { recordAttempt, refuseWhileThrottled, type Policy } from './throttle';
import { findUserByEmail, findUserById, insertUser, normaliseEmail } from './users';

/*
 * Donors sign themselves up; the account starts as `pending_email` and becomes active when the link
 * sent to the address is followed. The answer never tells whether an address already has an account:
 * its owner gets an e-mail saying someone tried, and nothing is created.
 */

export const signUpPolicies = {
	/** at most 3 sign-ups per hour for one address, so the form cannot flood someone's mailbox */
	account: { kind: 'bucket', limit: 3, windowMs: 60 * 60_000 },
	address: { kind: 'bucket', limit: 10, windowMs: 60 * 60_000 }
} satisfies Record<string, Policy>;

const accountKey = (email: string) => `signup:account:${normaliseEmail(email)}`;
const addressKey = (address: string) => `signup:address:${address}`;

export interface SignUpInput {
	name: string;
	email: string;
	password: string;
	locale: Locale;
	address: string;
	origin: string;
	now?: Date;
}

export type SignUpResult =
	| { ok: true }
	| { ok: false; reason: 'password'; problem: PasswordProblem }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

export async function signUpDonor(db: Db, input: SignUpInput): Promise<SignUpResult> {
	const now = input.now ?? new Date();
	const problem = checkPassword(input.password);
	if (problem) return { ok: false, reason: 'password', problem };
	const keys = [accountKey(input.email), addressKey(input.address)];
	const throttled = await refuseWhileThrottled(db, keys, {
		actorId: null,
		address: input.address,
		step: 'signup',
		now
	});
	if (throttled) return throttled;
	// Hashed whether or not the address is taken, so the time taken does not tell either.
	const passwordHash = await hashPassword(input.password);
	const email = normaliseEmail(input.email);
	await db.begin(async (tx) => {
		await recordAttempt(tx, keys[0]!, signUpPolicies.account, now);
		await recordAttempt(tx, keys[1]!, signUpPolicies.address, now);
		const userId = await insertUser(tx, {
			email,
			name: input.name,
			passwordHash,
			locale: input.locale,
			status: 'pending_email',
			roles: ['donor']
		});
		if (userId) {
			const token = await createEmailToken(tx, userId, 'verify_email', now);
			await queueMail(tx, {
				to: email,
				locale: input.locale,
				template: 'verify_email',
				params: { url: mailLink(input.origin, `/verify-email/${token}`) }
			});
			await audit(tx, {
				actorId: userId,
				action: 'user.signed_up',
				targetType: 'user',
				targetId: userId,
				address: input.address,
				details: { created: true }
			});
			return;
		}
		const existing = await findUserByEmail(tx, email);
		if (!existing) return;
		// A deactivated account can neither sign in nor reset its password: nothing useful to say.
		if (existing.status !== 'deactivated') {
			await queueMail(tx, {
				to: existing.email,
				locale: existing.locale,
				template: 'account_exists',
				params: {
					signInUrl: mailLink(input.origin, '/login'),
					resetUrl: mailLink(input.origin, '/reset-password')
				}
			});
		}
		await audit(tx, {
			actorId: null,
			action: 'user.signed_up',
			targetType: 'user',
			targetId: existing.id,
			address: input.address,
			details: { created: false }
		});
	});
	return { ok: true };
}

export type VerifyLinkState = { ok: true } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Whether a verification link can still be used. */
export async function checkVerifyLink(db: Db, token: string, now = new Date()): Promise<VerifyLinkState> {
	const check = await checkEmailToken(db, token, 'verify_email', { now });
	if (!check.ok) return check;
	const user = await findUserById(db, check.userId);
	if (!user || user.status === 'deactivated') return { ok: false, reason: 'invalid' };
	return { ok: true };
}

/** Confirms the address behind a verification link and activates a waiting account. */
export async function verifyEmail(
	db: Db,
	input: { token: string; address: string; now?: Date }
): Promise<VerifyLinkState> {
	const now = input.now ?? new Date();
	return db.begin(async (tx): Promise<VerifyLinkState> => {
		const check = await checkEmailToken(tx, input.token, 'verify_email', { now, lock: true });
		if (!check.ok) return check;
		const user = await findUserById(tx, check.userId);
		if (!user || user.status === 'deactivated') return { ok: false, reason: 'invalid' };
		await tx`
			update users set status = 'active', updated_at = ${now}
			where id = ${user.id} and status = 'pending_email'`;
		await useEmailTokens(tx, user.id, 'verify_email', now);
		await audit(tx, {
			actorId: user.id,
			action: 'auth.email_verified',
			targetType: 'user',
			targetId: user.id,
			address: input.address
		});
		return { ok: true };
	});
}
