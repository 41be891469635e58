import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Queryable } from '../db/client';

/*
 * Single-use links sent by e-mail (address verification, password reset). The link carries a random
 * token of 160 bits; the database keeps only its SHA-256, so a leaked table opens no account.
 */

export type EmailTokenPurpose = 'verify_email' | 'reset_password';

export const TOKEN_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
	reset_password: 60 * 60_000,
	verify_email: 48 * 60 * 60_000
};

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

const hashToken = (token: string) => sha256(new TextEncoder().encode(token));

/** Creates a token for `userId` and returns it (for the e-mail only; never stored or logged). */
export async function createEmailToken(
	db: Queryable,
	userId: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<string> {
	const token = generateToken();
	await db`
		insert into email_tokens (token_hash, user_id, purpose, created_at, expires_at)
		values (${hashToken(token)}, ${userId}, ${purpose}, ${now},
			${new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose])})`;
	return token;
}

export type TokenCheck =
	{ ok: true; userId: string; tokenHash: Uint8Array } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/**
 * What a token from a link is worth now. A malformed or unknown token, or one for another purpose, is
 * 'invalid'. With `lock` the row stays locked until the caller's transaction ends, so two requests
 * with one link cannot both use it.
 */
export async function checkEmailToken(
	db: Queryable,
	token: string,
	purpose: EmailTokenPurpose,
	options: { now?: Date; lock?: boolean } = {}
): Promise<TokenCheck> {
	if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: 'invalid' };
	const now = options.now ?? new Date();
	const tokenHash = hashToken(token);
	const [row] = await db<{ userId: string; expiresAt: Date; usedAt: Date | null }[]>`
		select user_id as "userId", expires_at as "expiresAt", used_at as "usedAt"
		from email_tokens where token_hash = ${tokenHash} and purpose = ${purpose}
		${options.lock ? db`for update` : db``}`;
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.usedAt) return { ok: false, reason: 'used' };
	if (now >= row.expiresAt) return { ok: false, reason: 'expired' };
	return { ok: true, userId: row.userId, tokenHash };
}

/** Uses up every open token of `userId` for `purpose` (the one just followed and any older ones). */
export async function useEmailTokens(
	db: Queryable,
	userId: string,
	purpose: EmailTokenPurpose,
	now = new Date()
): Promise<void> {
	await db`
		update email_tokens set used_at = ${now}
		where user_id = ${userId} and purpose = ${purpose} and used_at is null`;
}
