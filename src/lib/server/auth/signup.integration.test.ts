import { systemContextFor } from '../needs/test-factory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { JobRunner } from '../jobs/runner';
import { createMailSendJob } from '../mail/send-job';
import { generateKey, parseKeyRing } from '../privacy/encryption';
import { hashPassword } from './password';
import { requestPasswordReset, resetPassword } from './password-reset';
import { signIn } from './sign-in';
import { checkVerifyLink, signUpDonor, verifyEmail, type SignUpInput } from './signup';
import { findUserByEmail, insertUser } from './users';

let db: TestDatabase;
let sql: Db;
let smtp: TestSmtpServer;
let runner: JobRunner;
const origin = 'https://spolu.example.org';
const address = '198.51.100.4';
const PASSWORD = 'modry-kopec-jaro';
const keys = parseKeyRing(generateKey());

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

const signUp = (input: Partial<SignUpInput> = {}) =>
	signUpDonor(sql, {
		name: 'Pavel Horák',
		email: 'pavel@example.org',
		password: PASSWORD,
		locale: 'cs',
		address,
		origin,
		...input
	});

const linkToken = (text: string) =>
	/https:\/\/spolu\.example\.org\/verify-email\/([a-z2-7]+)/.exec(text)?.[1];

describe('donor sign-up', () => {
	it('creates a waiting donor who becomes active by the link in the e-mail', async () => {
		expect(await signUp({ locale: 'en' })).toEqual({ ok: true });
		const user = await findUserByEmail(sql, 'pavel@example.org');
		expect(user).toMatchObject({
			name: 'Pavel Horák',
			status: 'pending_email',
			roles: ['donor'],
			locale: 'en'
		});
		expect(await signIn(sql, { email: 'pavel@example.org', password: PASSWORD, address })).toMatchObject({
			ok: false,
			reason: 'pending_email'
		});

		const [mail] = await deliver();
		expect(mail).toMatchObject({
			to: ['pavel@example.org'],
			subject: 'Confirm your e-mail address for Spolu'
		});
		const token = linkToken(mail!.text)!;
		expect(await checkVerifyLink(sql, token)).toEqual({ ok: true });
		expect(await verifyEmail(sql, { token, address })).toEqual({ ok: true });

		expect(await findUserByEmail(sql, 'pavel@example.org')).toMatchObject({ status: 'active' });
		expect(await signIn(sql, { email: 'pavel@example.org', password: PASSWORD, address })).toMatchObject({
			ok: true
		});
		expect(await verifyEmail(sql, { token, address })).toEqual({ ok: false, reason: 'used' });
		const actions = await sql<{ action: string }[]>`select action from audit_log order by id`;
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['user.signed_up', 'auth.email_verified', 'auth.sign_in'])
		);
	});

	it('writes the verification e-mail in Czech by default', async () => {
		await signUp();
		const [mail] = await deliver();
		expect(mail!.subject).toBe('Potvrďte svou e-mailovou adresu ve Spolu');
		expect(mail!.text).toContain('Odkaz platí 48 hodin');
	});

	it('for a taken address answers the same, mails its owner and creates nothing', async () => {
		await insertUser(sql, {
			email: 'pavel@example.org',
			name: 'Pavel Horák',
			passwordHash: await hashPassword('puvodni-heslo-les'),
			locale: 'en',
			roles: ['member']
		});
		expect(await signUp({ email: 'Pavel@Example.org', name: 'Someone Else', locale: 'cs' })).toEqual({
			ok: true
		});

		const [mail] = await deliver();
		expect(mail).toMatchObject({ to: ['pavel@example.org'], subject: 'You already have a Spolu account' });
		expect(mail!.text).toContain('https://spolu.example.org/reset-password');
		expect(linkToken(mail!.text)).toBeUndefined();
		expect(await sql`select id from users`).toHaveLength(1);
		expect(await sql`select token_hash from email_tokens`).toHaveLength(0);
		expect(await findUserByEmail(sql, 'pavel@example.org')).toMatchObject({
			name: 'Pavel Horák',
			roles: ['member'],
			status: 'active'
		});
		expect(await signIn(sql, { email: 'pavel@example.org', password: PASSWORD, address })).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
	});

	it('refuses a verification link after 48 hours', async () => {
		const now = new Date('2026-04-01T08:00:00Z');
		await signUp({ now });
		const token = linkToken((await deliver())[0]!.text)!;
		const later = new Date(now.getTime() + 48 * 3600_000);
		expect(await verifyEmail(sql, { token, address, now: later })).toEqual({ ok: false, reason: 'expired' });
		expect(await findUserByEmail(sql, 'pavel@example.org')).toMatchObject({ status: 'pending_email' });
	});

	it('lets a donor whose link expired in by resetting the password', async () => {
		const now = new Date();
		await signUp({ now: new Date(now.getTime() - 49 * 3600_000) });
		await signUp({ now }); // the answer to signing up again: an e-mail pointing to the password reset
		const mails = await deliver();
		expect(mails.map((m) => m.subject)).toEqual([
			'Potvrďte svou e-mailovou adresu ve Spolu',
			'Účet ve Spolu už máte'
		]);
		await requestPasswordReset(sql, { email: 'pavel@example.org', address, origin, now });
		const token = /\/reset-password\/([a-z2-7]+)/.exec((await deliver()).at(-1)!.text)![1]!;
		expect(await resetPassword(sql, keys, { token, password: 'nove-heslo-pro-pavla', address, now })).toEqual(
			{
				ok: true
			}
		);
		expect(await findUserByEmail(sql, 'pavel@example.org')).toMatchObject({ status: 'active' });
	});

	it('refuses a wrong link', async () => {
		await signUp();
		expect(await verifyEmail(sql, { token: 'b'.repeat(32), address })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await checkVerifyLink(sql, '../../etc')).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses a common password and creates nothing', async () => {
		expect(await signUp({ password: 'heslo123' })).toEqual({
			ok: false,
			reason: 'password',
			problem: 'common'
		});
		expect(await sql`select id from users`).toHaveLength(0);
		expect(await sql`select id from outbox`).toHaveLength(0);
	});

	it('throttles repeated sign-ups with one address', async () => {
		const now = new Date();
		for (let i = 0; i < 3; i++) expect(await signUp({ now })).toEqual({ ok: true });
		expect(await signUp({ now })).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await sql`select id from outbox`).toHaveLength(3);
	});
});
