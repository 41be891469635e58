import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Role } from '$lib/roles';
import type { Queryable } from '../db/client';

/*
 * Sessions as Lucia's guide designs them: the cookie holds `id.secret`; the database holds the id and
 * the SHA-256 of the secret, compared in constant time. A stolen database therefore gives no usable
 * cookie, and a guessed id is worth nothing without its secret.
 */

/** Ends a session nobody used for this long. */
export const INACTIVITY_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** Ends every session this long after sign-in, however active. */
export const ABSOLUTE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
/** Activity is written back at most this often. */
export const RENEWAL_INTERVAL_MS = 60 * 60 * 1000;

export interface Session {
	id: string;
	userId: string;
	createdAt: Date;
	lastSeenAt: Date;
	twoFactorVerified: boolean;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	locale: 'cs' | 'en';
	roles: Role[];
	organisationId: string | null;
	totpEnabled: boolean;
}

export interface Validated {
	session: Session;
	user: SessionUser;
	/** the cookie must be sent again with this expiry (activity was written) */
	renewedUntil: Date | null;
}

const randomString = (bytes: number) => {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
};
const hashSecret = (secret: string) => sha256(new TextEncoder().encode(secret));

/** When the session ends if nothing else happens. */
export function sessionExpiry(session: Pick<Session, 'createdAt' | 'lastSeenAt'>): Date {
	return new Date(
		Math.min(
			session.lastSeenAt.getTime() + INACTIVITY_TIMEOUT_MS,
			session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS
		)
	);
}

/** Starts a session and returns its token (for the cookie only; never stored or logged). */
export async function createSession(
	db: Queryable,
	userId: string,
	options: { twoFactorVerified: boolean; now?: Date }
): Promise<{ token: string; session: Session }> {
	const now = options.now ?? new Date();
	const id = randomString(15);
	const secret = randomString(20); // 160 bits
	await db`
		insert into sessions (id, secret_hash, user_id, created_at, last_seen_at, two_factor_verified)
		values (${id}, ${hashSecret(secret)}, ${userId}, ${now}, ${now}, ${options.twoFactorVerified})`;
	return {
		token: `${id}.${secret}`,
		session: { id, userId, createdAt: now, lastSeenAt: now, twoFactorVerified: options.twoFactorVerified }
	};
}

/** The session and person behind a cookie value, or null for anything wrong with it. */
export async function validateSessionToken(
	db: Queryable,
	token: string,
	now = new Date()
): Promise<Validated | null> {
	const parts = token.split('.');
	if (parts.length !== 2) return null;
	const [id, secret] = parts as [string, string];
	if (!/^[a-z2-7]{24}$/.test(id) || !/^[a-z2-7]{32}$/.test(secret)) return null;
	const [row] = await db<
		{
			secretHash: Uint8Array;
			userId: string;
			createdAt: Date;
			lastSeenAt: Date;
			twoFactorVerified: boolean;
			email: string;
			name: string;
			locale: 'cs' | 'en';
			organisationId: string | null;
			totpEnabled: boolean;
			status: string;
			roles: Role[];
		}[]
	>`
		select s.secret_hash as "secretHash", s.user_id as "userId", s.created_at as "createdAt",
			s.last_seen_at as "lastSeenAt", s.two_factor_verified as "twoFactorVerified",
			u.email, u.name, u.locale, u.organisation_id as "organisationId", u.status,
			u.totp_key is not null as "totpEnabled",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from sessions s join users u on u.id = s.user_id
		where s.id = ${id}`;
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	const session: Session = {
		id,
		userId: row.userId,
		createdAt: row.createdAt,
		lastSeenAt: row.lastSeenAt,
		twoFactorVerified: row.twoFactorVerified
	};
	if (row.status !== 'active' || now >= sessionExpiry(session)) {
		await db`delete from sessions where id = ${id}`;
		return null;
	}
	let renewedUntil: Date | null = null;
	if (now.getTime() - session.lastSeenAt.getTime() >= RENEWAL_INTERVAL_MS) {
		session.lastSeenAt = now;
		await db`update sessions set last_seen_at = ${now} where id = ${id}`;
		renewedUntil = sessionExpiry(session);
	}
	return {
		session,
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			locale: row.locale,
			roles: row.roles,
			organisationId: row.organisationId,
			totpEnabled: row.totpEnabled
		},
		renewedUntil
	};
}

export async function invalidateSession(db: Queryable, sessionId: string) {
	await db`delete from sessions where id = ${sessionId}`;
}

/** Ends every session of a person, except `keep` (the one making the change) when given. */
export async function invalidateUserSessions(db: Queryable, userId: string, keep?: string) {
	await db`delete from sessions where user_id = ${userId} and id is distinct from ${keep ?? null}`;
}

/** Marks the second factor as done for this session. */
export async function markSessionTwoFactorVerified(db: Queryable, sessionId: string) {
	await db`update sessions set two_factor_verified = true where id = ${sessionId}`;
}
