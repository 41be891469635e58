import { audit } from '../audit';
import type { Queryable } from '../db/client';

/*
 * Throttling kept in PostgreSQL, so it holds across instances and restarts. Two kinds of policy:
 * - backoff (per account): after `free` failures each further one makes the next attempt wait twice as
 *   long, from `baseMs` up to `maxMs`; a success clears it;
 * - bucket (per address and the like): at most `limit` attempts per window; the rest wait for its end.
 */
export type Policy =
	| { kind: 'backoff'; free: number; baseMs: number; maxMs: number; forgetAfterMs: number }
	| { kind: 'bucket'; limit: number; windowMs: number };

export const policies = {
	signInAccount: {
		kind: 'backoff',
		free: 3,
		baseMs: 2_000,
		maxMs: 15 * 60_000,
		forgetAfterMs: 24 * 3600_000
	},
	signInAddress: { kind: 'bucket', limit: 30, windowMs: 15 * 60_000 },
	twoFactorAccount: { kind: 'bucket', limit: 5, windowMs: 30 * 60_000 },
	twoFactorAddress: { kind: 'bucket', limit: 10, windowMs: 30 * 60_000 },
	resetAccount: { kind: 'bucket', limit: 3, windowMs: 60 * 60_000 },
	resetAddress: { kind: 'bucket', limit: 10, windowMs: 60 * 60_000 }
} satisfies Record<string, Policy>;

/** How long the caller must wait before trying again (0: go ahead), the longest over the keys. */
export async function throttleWait(db: Queryable, keys: string[], now = new Date()): Promise<number> {
	const [row] = await db<{ until: Date | null }[]>`
		select max(blocked_until) as until from throttles where key = any(${keys}::text[])`;
	const until = row?.until;
	return until && until > now ? until.getTime() - now.getTime() : 0;
}

/** Counts one failure (or, for buckets, one attempt) against `key`. */
export async function recordAttempt(
	db: Queryable,
	key: string,
	policy: Policy,
	now = new Date()
): Promise<void> {
	const windowMs = policy.kind === 'bucket' ? policy.windowMs : policy.forgetAfterMs;
	const windowStart = new Date(now.getTime() - windowMs);
	const [row] = await db<{ failures: number; windowStartedAt: Date }[]>`
		insert into throttles (key, failures, window_started_at) values (${key}, 1, ${now})
		on conflict (key) do update set
			failures = case when throttles.window_started_at < ${windowStart} then 1 else throttles.failures + 1 end,
			window_started_at = case when throttles.window_started_at < ${windowStart} then ${now}
				else throttles.window_started_at end
		returning failures, window_started_at as "windowStartedAt"`;
	const { failures, windowStartedAt } = row!;
	let blockedUntil: Date | null = null;
	if (policy.kind === 'bucket') {
		if (failures >= policy.limit) blockedUntil = new Date(windowStartedAt.getTime() + policy.windowMs);
	} else if (failures >= policy.free) {
		const wait = Math.min(policy.baseMs * 2 ** (failures - policy.free), policy.maxMs);
		blockedUntil = new Date(now.getTime() + wait);
	}
	if (blockedUntil) await db`update throttles set blocked_until = ${blockedUntil} where key = ${key}`;
}

/** Forgets the failures of `key` (after a successful sign-in). */
export async function clearThrottle(db: Queryable, key: string): Promise<void> {
	await db`delete from throttles where key = ${key}`;
}

/** Whole seconds to show a person, rounded up. */
export const waitSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export type Throttled = { ok: false; reason: 'throttled'; retryAfterMs: number };

/** Refuses an attempt while any of `keys` is blocked, and writes the refusal to the audit log. */
export async function refuseWhileThrottled(
	db: Queryable,
	keys: string[],
	who: { actorId: string | null; address: string; step: string; now?: Date }
): Promise<Throttled | null> {
	const wait = await throttleWait(db, keys, who.now);
	if (wait <= 0) return null;
	await audit(db, {
		actorId: who.actorId,
		action: 'auth.throttled',
		address: who.address,
		details: { step: who.step }
	});
	return { ok: false, reason: 'throttled', retryAfterMs: wait };
}
