import { systemContextFor } from '../needs/test-factory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { JobRunner } from '../jobs/runner';
import { deliverOutboxMessage, getOutboxMessage, listOutbox, queueMail } from './outbox';
import { createMailSendJob } from './send-job';
import { mailLink } from './templates';
import { createSmtpTransport } from './transport';

let db: TestDatabase;
let sql: Db;
let smtp: TestSmtpServer;
const from = 'Spolu <spolu@example.org>';

beforeAll(async () => {
	[db, smtp] = await Promise.all([createTestDatabase({ migrate: true }), startSmtpServer()]);
	sql = db.sql;
});
afterAll(async () => {
	await Promise.all([db.close(), smtp.close()]);
});
beforeEach(async () => {
	await resetDatabase(sql);
	smtp.messages.length = 0;
	smtp.refuse = null;
});

const runnerFor = (smtpUrl: string | undefined) =>
	new JobRunner(systemContextFor(sql)).register(createMailSendJob(() => ({ smtpUrl, mailFrom: from })));

async function drain(runner: JobRunner) {
	while (await runner.runOne());
}

const outboxRow = async (id: number) => (await getOutboxMessage(sql, id))!;
const mailJob = async () =>
	(
		await sql<{ status: string; attempts: number; lastError: string | null }[]>`
			select status, attempts, last_error as "lastError" from jobs where kind = 'mail.send'`
	)[0]!;

function queueReset(to = 'jana@example.org', locale: 'cs' | 'en' = 'cs') {
	return queueMail(sql, {
		to,
		locale,
		template: 'reset_password',
		params: { url: mailLink('https://spolu.example.org', '/reset-password/abc') }
	});
}

describe('sending the outbox', () => {
	it('delivers a queued message over SMTP and marks it sent', async () => {
		const id = await queueReset();
		await drain(runnerFor(smtp.url));

		expect(smtp.messages).toHaveLength(1);
		const [mail] = smtp.messages;
		expect(mail!.to).toEqual(['jana@example.org']);
		expect(mail!.from).toBe('spolu@example.org');
		expect(mail!.subject).toBe('Obnovení hesla do Spolu');
		expect(mail!.text).toContain('Nastavit nové heslo: https://spolu.example.org/reset-password/abc');
		expect(await outboxRow(id)).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
		expect(await mailJob()).toMatchObject({ status: 'done' });
	});

	it('writes in the language of the recipient', async () => {
		await queueReset('john@example.org', 'en');
		await drain(runnerFor(smtp.url));
		expect(smtp.messages[0]).toMatchObject({ subject: 'Reset your Spolu password' });
		expect(smtp.messages[0]!.text).toContain(
			'Set a new password: https://spolu.example.org/reset-password/abc'
		);
	});

	it('never sends a message twice', async () => {
		const id = await queueReset();
		const runner = runnerFor(smtp.url);
		await drain(runner);
		const sender = { transport: createSmtpTransport(smtp.url), from, smtpUrl: smtp.url };
		expect(await deliverOutboxMessage(sql, id, sender)).toBe('already_sent');
		await sql`insert into jobs (kind, payload) values ('mail.send', ${sql.json({ outboxId: id })})`;
		await drain(runner);
		expect(smtp.messages).toHaveLength(1);
		expect(await outboxRow(id)).toMatchObject({ attempts: 1 });
		sender.transport.close();
	});

	it('keeps the message unsent with the error when the server refuses it, and retries later', async () => {
		const id = await queueReset();
		const runner = runnerFor(smtp.url);
		smtp.refuse = { code: 451, message: 'Mailbox jana@example.org is busy, try later' };
		await drain(runner);

		expect(smtp.messages).toHaveLength(0);
		const failed = await outboxRow(id);
		expect(failed).toMatchObject({ sentAt: null, attempts: 1 });
		expect(failed.lastError).toContain('451');
		expect(failed.lastError).not.toContain('jana@example.org');
		const job = await mailJob();
		expect(job).toMatchObject({ status: 'pending', attempts: 1 });
		expect(job.lastError).not.toContain('jana@example.org');

		smtp.refuse = null;
		await sql`update jobs set run_at = now() where kind = 'mail.send'`;
		await drain(runner);
		expect(smtp.messages).toHaveLength(1);
		expect(await outboxRow(id)).toMatchObject({ attempts: 2, lastError: null, sentAt: expect.any(Date) });
		expect(await mailJob()).toMatchObject({ status: 'done', attempts: 2 });
	});

	it('records a server that cannot be reached', async () => {
		const closed = await startSmtpServer();
		await closed.close();
		const id = await queueReset();
		await drain(runnerFor(closed.url));
		const row = await outboxRow(id);
		expect(row).toMatchObject({ sentAt: null, attempts: 1 });
		expect(row.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
		expect(await mailJob()).toMatchObject({ status: 'pending' });
	});

	it('without SMTP keeps messages in the outbox, unsent and without an error', async () => {
		const id = await queueReset();
		await drain(runnerFor(undefined));
		expect(await outboxRow(id)).toMatchObject({ sentAt: null, attempts: 0, lastError: null });
		expect(await mailJob()).toMatchObject({ status: 'done' });
	});

	it('lists the outbox newest first, a page at a time', async () => {
		const ids = [];
		for (let i = 0; i < 5; i++) ids.push(await queueReset(`p${i}@example.org`));
		const first = await listOutbox(sql, { limit: 2 });
		expect(first.map((r) => r.id)).toEqual([ids[4], ids[3]]);
		const next = await listOutbox(sql, { limit: 2, before: first.at(-1)!.id });
		expect(next.map((r) => r.toAddress)).toEqual(['p2@example.org', 'p1@example.org']);
	});
});
