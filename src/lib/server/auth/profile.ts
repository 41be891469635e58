import { audit } from '../audit';
import type { Db } from '../db/client';
import { checkPassword, hashPassword, verifyPassword, type PasswordProblem } from './password';
import { invalidateUserSessions } from './session';
import { clearThrottle, policies, recordAttempt, refuseWhileThrottled } from './throttle';
import { findUserById } from './users';

/** What a person changes about their own account: name, language, password. */

export async function changeName(db: Db, input: { userId: string; name: string; address: string }) {
	await db.begin(async (tx) => {
		await tx`update users set name = ${input.name}, updated_at = now() where id = ${input.userId}`;
		await audit(tx, {
			actorId: input.userId,
			action: 'user.profile_changed',
			targetType: 'user',
			targetId: input.userId,
			address: input.address,
			details: { field: 'name' }
		});
	});
}

export async function changeLocale(db: Db, input: { userId: string; locale: 'cs' | 'en'; address: string }) {
	await db.begin(async (tx) => {
		await tx`update users set locale = ${input.locale}, updated_at = now() where id = ${input.userId}`;
		await audit(tx, {
			actorId: input.userId,
			action: 'user.profile_changed',
			targetType: 'user',
			targetId: input.userId,
			address: input.address,
			details: { field: 'locale', locale: input.locale }
		});
	});
}

export type PasswordChangeResult =
	| { ok: true }
	| { ok: false; reason: 'wrong_password' | PasswordProblem }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/*
 * Someone holding a stolen session cookie could try passwords here, so wrong current passwords are
 * throttled like sign-ins: growing waits per person, a bucket per address.
 */
const accountKey = (userId: string) => `password-change:account:${userId}`;
const addressKey = (address: string) => `password-change:address:${address}`;

/**
 * Changes the password of a signed-in person who knows the current one. Every other session of theirs
 * ends (whoever else was signed in is out); the one making the change stays. Reset links still
 * outstanding are used up, since they were asked for under the old password.
 */
export async function changePassword(
	db: Db,
	input: {
		userId: string;
		sessionId: string;
		currentPassword: string;
		newPassword: string;
		address: string;
		now?: Date;
	}
): Promise<PasswordChangeResult> {
	const now = input.now ?? new Date();
	const keys = [accountKey(input.userId), addressKey(input.address)];
	const throttled = await refuseWhileThrottled(db, keys, {
		actorId: input.userId,
		address: input.address,
		step: 'password-change',
		now
	});
	if (throttled) return throttled;
	const user = await findUserById(db, input.userId);
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
		await db.begin(async (tx) => {
			await recordAttempt(tx, keys[0]!, policies.signInAccount, now);
			await recordAttempt(tx, keys[1]!, policies.signInAddress, now);
		});
		return { ok: false, reason: 'wrong_password' };
	}
	const problem = checkPassword(input.newPassword);
	if (problem) return { ok: false, reason: problem };
	const passwordHash = await hashPassword(input.newPassword);
	await db.begin(async (tx) => {
		await tx`update users set password_hash = ${passwordHash}, updated_at = ${now} where id = ${input.userId}`;
		await tx`
			update email_tokens set used_at = ${now}
			where user_id = ${input.userId} and purpose = 'reset_password' and used_at is null`;
		await invalidateUserSessions(tx, input.userId, input.sessionId);
		await clearThrottle(tx, keys[0]!);
		await audit(tx, {
			actorId: input.userId,
			action: 'auth.password_changed',
			targetType: 'user',
			targetId: input.userId,
			address: input.address
		});
	});
	return { ok: true };
}
