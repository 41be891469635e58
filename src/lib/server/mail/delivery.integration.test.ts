import { systemContextFor } from '../needs/test-factory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mimeParts, startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { JobRunner } from '../jobs/runner';
import {
	deliverOutboxMessage,
	getOutboxMessage,
	listOutbox,
	MAX_ATTACHMENT_BYTES,
	queueMail
} from './outbox';
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

	it('sends attachments with their exact bytes, and an inline image under its Content-ID', async () => {
		// every byte value, so that a text encoding anywhere on the way would show
		const pdf = new Uint8Array(4096).map((_, i) => (i * 7 + 3) % 256);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]);
		const id = await queueMail(sql, {
			to: 'jana@example.org',
			locale: 'cs',
			template: 'reset_password',
			params: { url: mailLink('https://spolu.example.org', '/reset-password/abc') },
			attachments: [
				{ filename: 'potvrzení-o-daru-2025.pdf', contentType: 'application/pdf', content: pdf },
				{ filename: 'qr-platba.png', contentType: 'image/png', content: png, cid: 'qr-platba@spolu' }
			]
		});
		await drain(runnerFor(smtp.url));

		expect(smtp.messages).toHaveLength(1);
		const [mail] = smtp.messages;
		expect(mail!.text).toContain('Nastavit nové heslo');
		const parts = mimeParts(mail!.raw);
		const attached = parts.find((p) => p.contentType === 'application/pdf')!;
		expect(attached).toMatchObject({ filename: 'potvrzení-o-daru-2025.pdf', disposition: 'attachment' });
		expect(new Uint8Array(attached.content)).toEqual(pdf);
		const inline = parts.find((p) => p.contentType === 'image/png')!;
		expect(inline).toMatchObject({
			cid: 'qr-platba@spolu',
			disposition: 'inline',
			filename: 'qr-platba.png'
		});
		expect(new Uint8Array(inline.content)).toEqual(png);
		// the text and the HTML body still arrive beside them
		expect(parts.map((p) => p.contentType)).toEqual(expect.arrayContaining(['text/plain', 'text/html']));
		expect(await outboxRow(id)).toMatchObject({
			sentAt: expect.any(Date),
			attachmentNames: ['potvrzení-o-daru-2025.pdf', 'qr-platba.png'],
			attachments: [
				{ filename: 'potvrzení-o-daru-2025.pdf', contentType: 'application/pdf', size: 4096, inline: false },
				{ filename: 'qr-platba.png', contentType: 'image/png', size: png.length, inline: true }
			]
		});
	});

	it('sends an attachment again with the message when the first attempt failed', async () => {
		const content = new Uint8Array([1, 2, 3, 250]);
		await queueMail(sql, {
			to: 'jana@example.org',
			locale: 'en',
			template: 'reset_password',
			params: { url: mailLink('https://spolu.example.org', '/reset-password/abc') },
			attachments: [{ filename: 'a.bin', contentType: 'application/octet-stream', content }]
		});
		const runner = runnerFor(smtp.url);
		smtp.refuse = { code: 451, message: 'try later' };
		await drain(runner);
		smtp.refuse = null;
		await sql`update jobs set run_at = now() where kind = 'mail.send'`;
		await drain(runner);
		expect(smtp.messages).toHaveLength(1);
		const part = mimeParts(smtp.messages[0]!.raw).find((p) => p.filename === 'a.bin')!;
		expect(new Uint8Array(part.content)).toEqual(content);
	});

	it('refuses to queue an attachment no mail server would take, and writes nothing', async () => {
		const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
		const queue = (attachment: {
			filename: string;
			contentType: string;
			content: Uint8Array;
			cid?: string;
		}) =>
			sql.begin((tx) =>
				queueMail(tx, {
					to: 'jana@example.org',
					locale: 'cs',
					template: 'reset_password',
					params: { url: 'https://spolu.example.org/reset-password/abc' },
					attachments: [attachment]
				})
			);
		await expect(
			queue({ filename: 'big.pdf', contentType: 'application/pdf', content: big })
		).rejects.toThrow(/bytes/);
		await expect(
			queue({ filename: '../etc/x.pdf', contentType: 'application/pdf', content: new Uint8Array([1]) })
		).rejects.toThrow(/file name/);
		await expect(
			queue({ filename: 'x.png', contentType: 'image/png', content: new Uint8Array([1]), cid: '<bad>' })
		).rejects.toThrow(/content id/);
		expect(await sql`select id from outbox`).toHaveLength(0);
		expect(await sql`select id from outbox_attachments`).toHaveLength(0);
	});

	it('lists the names of the attachments in the outbox, and none for a message without', async () => {
		await queueReset();
		await queueMail(sql, {
			to: 'petr@example.org',
			locale: 'cs',
			template: 'reset_password',
			params: { url: 'https://spolu.example.org/reset-password/abc' },
			attachments: [{ filename: 'qr.png', contentType: 'image/png', content: new Uint8Array([1]), cid: 'qr' }]
		});
		const rows = await listOutbox(sql);
		expect(rows.map((r) => r.attachmentNames)).toEqual([['qr.png'], []]);
	});
});
