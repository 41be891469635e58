import { systemContextFor } from '../needs/test-factory';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { JobRunner } from '../jobs/runner';
import { createMailSendJob } from '../mail/send-job';
import { generateKey, parseKeyRing } from '../privacy/encryption';
import { hashPassword } from './password';
import { checkResetLink, requestPasswordReset, resetPassword } from './password-reset';
import { createSession, validateSessionToken } from './session';
import { signIn } from './sign-in';
import { enableTwoFactor, startEnrolment, totpStep } from './totp';
import { insertUser } from './users';

let db: TestDatabase;
let sql: Db;
let smtp: TestSmtpServer;
let runner: JobRunner;
const keys = parseKeyRing(generateKey());
const origin = 'https://spolu.example.org';
const address = '203.0.113.7';
const OLD = 'stare-heslo-2025';
const NEW = 'nove-heslo-zahrada';

beforeAll(async () => {
	[db, smtp] = await Promise.all([createTestDatabase({ migrate: true }), startSmtpServer()]);
	sql = db.sql;
	runner = new JobRunner(systemContextFor(sql)).register(
		createMailSendJob(() => ({ smtpUrl: smtp.url, mailFrom: 'Spolu <spolu@example.org>' }))
	);
});
afterAll(async () => {
	await Promise.all([db.close(), smtp.close()]);
});
beforeEach(async () => {
	await resetDatabase(sql);
	smtp.messages.length = 0;
});

async function deliver() {
	while (await runner.runOne());
	return smtp.messages;
}

async function person(email = 'jana@example.org', locale: 'cs' | 'en' = 'cs') {
	return (await insertUser(sql, {
		email,
		name: 'Jana Dvořáková',
		passwordHash: await hashPassword(OLD),
		locale,
		roles: ['member']
	}))!;
}

/** Requests a reset and follows the link in the e-mail that arrives. */
async function resetLinkToken(email = 'jana@example.org', now?: Date) {
	expect(await requestPasswordReset(sql, { email, address, origin, now })).toEqual({ ok: true });
	const mails = await deliver();
	const match = /https:\/\/spolu\.example\.org\/reset-password\/([a-z2-7]+)/.exec(mails.at(-1)!.text);
	return match![1]!;
}

describe('password reset', () => {
	it('mails a link that sets a new password, ends every session and works only once', async () => {
		const userId = await person();
		const phone = await createSession(sql, userId, { twoFactorVerified: true });
		const laptop = await createSession(sql, userId, { twoFactorVerified: true });

		const token = await resetLinkToken();
		const [mail] = smtp.messages;
		expect(mail).toMatchObject({ to: ['jana@example.org'], subject: 'Obnovení hesla do Spolu' });
		expect(mail!.text).toContain('Odkaz platí 1 hodinu');
		expect(await checkResetLink(sql, token)).toEqual({ ok: true, twoFactor: false });

		expect(await resetPassword(sql, keys, { token, password: NEW, address })).toEqual({ ok: true });

		expect(await validateSessionToken(sql, phone.token)).toBeNull();
		expect(await validateSessionToken(sql, laptop.token)).toBeNull();
		expect(await signIn(sql, { email: 'jana@example.org', password: OLD, address })).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(sql, { email: 'jana@example.org', password: NEW, address })).toMatchObject({
			ok: true
		});

		expect(await resetPassword(sql, keys, { token, password: 'jine-heslo-lednice', address })).toEqual({
			ok: false,
			reason: 'used'
		});
		expect(await checkResetLink(sql, token)).toEqual({ ok: false, reason: 'used' });
		const audits = await sql<{ action: string; details: unknown }[]>`
			select action, details from audit_log where action like 'auth.password_reset%' order by id`;
		expect(audits.map((a) => a.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset']);
		expect(JSON.stringify(audits)).not.toContain(token);
	});

	it('stores only a hash of the token', async () => {
		await person();
		const token = await resetLinkToken();
		const rows = await sql<{ hash: string }[]>`select encode(token_hash, 'hex') as hash from email_tokens`;
		expect(rows).toHaveLength(1);
		expect(rows[0]!.hash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits
	});

	it('writes to the person in their language', async () => {
		await person('john@example.org', 'en');
		await resetLinkToken('john@example.org');
		expect(smtp.messages[0]).toMatchObject({ subject: 'Reset your Spolu password' });
	});

	it('gives the same answer for an unknown address and sends nothing', async () => {
		await person();
		expect(await requestPasswordReset(sql, { email: 'nikdo@example.org', address, origin })).toEqual({
			ok: true
		});
		expect(await deliver()).toHaveLength(0);
		expect(await sql`select id from outbox`).toHaveLength(0);
	});

	it('refuses a link after its hour is over', async () => {
		await person();
		const sent = new Date('2026-03-02T10:00:00Z');
		const token = await resetLinkToken('jana@example.org', sent);
		const later = (ms: number) => new Date(sent.getTime() + ms);
		expect(await checkResetLink(sql, token, later(59 * 60_000))).toMatchObject({ ok: true });
		expect(
			await resetPassword(sql, keys, { token, password: NEW, address, now: later(60 * 60_000) })
		).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await signIn(sql, { email: 'jana@example.org', password: OLD, address })).toMatchObject({
			ok: true
		});
	});

	it('refuses a wrong or malformed token', async () => {
		await person();
		await resetLinkToken();
		for (const token of ['a'.repeat(32), 'not a token', '', 'A'.repeat(32), 'a'.repeat(33)]) {
			expect(await resetPassword(sql, keys, { token, password: NEW, address })).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
	});

	it('refuses a weak password and keeps the link usable', async () => {
		await person();
		const token = await resetLinkToken();
		expect(await resetPassword(sql, keys, { token, password: 'krátké', address })).toEqual({
			ok: false,
			reason: 'password',
			problem: 'too_short'
		});
		expect(await resetPassword(sql, keys, { token, password: 'heslo12345', address })).toMatchObject({
			problem: 'common'
		});
		expect(await resetPassword(sql, keys, { token, password: NEW, address })).toEqual({ ok: true });
	});

	it('throttles repeated requests for one address and says how long to wait', async () => {
		await person();
		const now = new Date();
		for (let i = 0; i < 3; i++) {
			expect(await requestPasswordReset(sql, { email: 'jana@example.org', address, origin, now })).toEqual({
				ok: true
			});
		}
		const fourth = await requestPasswordReset(sql, { email: 'Jana@Example.org', address, origin, now });
		expect(fourth).toMatchObject({ ok: false, reason: 'throttled' });
		expect(fourth.ok === false && fourth.retryAfterMs).toBeGreaterThan(59 * 60_000);
		expect(await sql`select id from outbox`).toHaveLength(3);
	});

	it('with 2FA on asks for a code and accepts a current one or a recovery code', async () => {
		const userId = await person();
		const start = new Date();
		const session = await createSession(sql, userId, { twoFactorVerified: false, now: start });
		const enrolment = await startEnrolment(keys, { id: userId, email: 'jana@example.org' }, start);
		const key = decodeBase32IgnorePadding(enrolment.manualKey.replace(/ /g, ''));
		const codeAt = (at: Date) => generateHOTP(key, BigInt(totpStep(at)), 6);
		const enabled = await enableTwoFactor(sql, keys, {
			userId,
			sessionId: session.session.id,
			sealed: enrolment.sealed,
			code: codeAt(start),
			now: start
		});
		expect(enabled.ok).toBe(true);
		const recoveryCodes = enabled.ok ? enabled.recoveryCodes : [];

		const now = new Date(start.getTime() + 5 * 60_000);
		const token = await resetLinkToken('jana@example.org', now);
		expect(await checkResetLink(sql, token, now)).toEqual({ ok: true, twoFactor: true });
		const attempt = (code?: string) => resetPassword(sql, keys, { token, password: NEW, code, address, now });
		expect(await attempt()).toEqual({ ok: false, reason: 'code_required' });
		expect(await attempt('000000' === codeAt(now) ? '111111' : '000000')).toEqual({
			ok: false,
			reason: 'code_invalid'
		});
		expect(await attempt(codeAt(now))).toEqual({ ok: true });

		const second = await resetLinkToken('jana@example.org', now);
		expect(
			await resetPassword(sql, keys, { token: second, password: OLD, code: recoveryCodes[0], address, now })
		).toEqual({ ok: true });
	});

	it('sends nothing to a deactivated account', async () => {
		const userId = await person();
		await sql`update users set status = 'deactivated' where id = ${userId}`;
		expect(await requestPasswordReset(sql, { email: 'jana@example.org', address, origin })).toEqual({
			ok: true
		});
		expect(await sql`select id from outbox`).toHaveLength(0);
	});
});
