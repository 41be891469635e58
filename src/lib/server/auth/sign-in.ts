import type { Role } from '$lib/roles';
import { audit } from '../audit';
import type { Db } from '../db/client';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession, invalidateSession, sessionExpiry } from './session';
import { clearThrottle, policies, recordAttempt, refuseWhileThrottled } from './throttle';
import { findUserByEmail } from './users';

export type SignInResult =
	| {
			ok: true;
			token: string;
			expiresAt: Date;
			twoFactorPending: boolean;
			locale: 'cs' | 'en';
			roles: Role[];
	  }
	| { ok: false; reason: 'invalid' | 'pending_email' | 'pending_approval' | 'deactivated' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `sign-in:address:${address}`;

/**
 * Checks e-mail and password and starts a session. Unknown addresses cost the same password check as
 * known ones and get the same answer, so the form does not tell who has an account. The state of an
 * account (waiting for approval, deactivated) is told only to someone who knows its password.
 */
export async function signIn(
	db: Db,
	input: { email: string; password: string; address: string; now?: Date }
): Promise<SignInResult> {
	const now = input.now ?? new Date();
	const keys = [accountKey(input.email), addressKey(input.address)];
	const throttled = await refuseWhileThrottled(db, keys, {
		actorId: null,
		address: input.address,
		step: 'sign-in',
		now
	});
	if (throttled) return throttled;
	const user = await findUserByEmail(db, input.email);
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
	if (!user || !valid) {
		await db.begin(async (tx) => {
			await recordAttempt(tx, keys[0]!, policies.signInAccount, now);
			await recordAttempt(tx, keys[1]!, policies.signInAddress, now);
			await audit(tx, {
				actorId: user?.id ?? null,
				action: 'auth.sign_in_failed',
				address: input.address,
				details: { known: Boolean(user) }
			});
		});
		return { ok: false, reason: 'invalid' };
	}
	if (user.status !== 'active') return { ok: false, reason: user.status };
	return db.begin(async (tx) => {
		await clearThrottle(tx, keys[0]!);
		const { token, session } = await createSession(tx, user.id, {
			twoFactorVerified: !user.totpEnabled,
			now
		});
		await audit(tx, {
			actorId: user.id,
			action: 'auth.sign_in',
			targetType: 'user',
			targetId: user.id,
			address: input.address
		});
		return {
			ok: true as const,
			token,
			expiresAt: sessionExpiry(session),
			twoFactorPending: user.totpEnabled,
			locale: user.locale,
			roles: user.roles
		};
	});
}

export async function signOut(db: Db, input: { sessionId: string; userId: string; address: string }) {
	await db.begin(async (tx) => {
		await invalidateSession(tx, input.sessionId);
		await audit(tx, { actorId: input.userId, action: 'auth.sign_out', address: input.address });
	});
}
