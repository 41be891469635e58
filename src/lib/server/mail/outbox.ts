import type { Queryable } from '../db/client';
import { enqueueJob } from '../jobs/queue';
import { renderMail, type Locale, type TemplateName } from './templates';
import { describeSendError, type MailTransport } from './transport';

export interface OutgoingMail {
	to: string;
	locale: Locale;
	template: TemplateName;
	params: Record<string, string>;
}

/**
 * Writes a message to the outbox. Call it with the transaction that makes the change the message is
 * about: the message exists exactly when the change does. The `mail.send` job delivers it.
 */
export async function queueMail(db: Queryable, mail: OutgoingMail): Promise<number> {
	const rendered = renderMail(mail.template, mail.locale, mail.params);
	const [row] = await db<{ id: number }[]>`
		insert into outbox (to_address, locale, template, subject, text_body, html_body)
		values (${mail.to}, ${mail.locale}, ${mail.template}, ${rendered.subject}, ${rendered.text}, ${rendered.html})
		returning id`;
	await enqueueJob(db, 'mail.send', { outboxId: row!.id }, { key: `outbox-${row!.id}`, maxAttempts: 8 });
	return row!.id;
}

export type DeliveryResult = 'sent' | 'already_sent' | 'missing' | 'not_configured';

/**
 * Sends one outbox message. Without a transport (no SMTP_URL: demo and development) nothing is sent and
 * the message stays unsent in the outbox, where the coordinator can read it. A message already sent is
 * not sent again. On failure the attempt and a safe error are recorded and the error is thrown, so
 * that the job runner retries later.
 *
 * At least once: if the process dies between the SMTP server's acceptance and the update, the message
 * goes out again on the retry. A duplicate e-mail is better than a lost reset link.
 */
export async function deliverOutboxMessage(
	db: Queryable,
	outboxId: number,
	sender: { transport: MailTransport; from: string; smtpUrl?: string } | null
): Promise<DeliveryResult> {
	if (!sender) return 'not_configured';
	const [row] = await db<{ toAddress: string; subject: string; textBody: string; htmlBody: string }[]>`
		update outbox set attempts = attempts + 1
		where id = ${outboxId} and sent_at is null
		returning to_address as "toAddress", subject, text_body as "textBody", html_body as "htmlBody"`;
	if (!row) {
		const [exists] = await db`select 1 from outbox where id = ${outboxId}`;
		return exists ? 'already_sent' : 'missing';
	}
	try {
		await sender.transport.send({
			from: sender.from,
			to: row.toAddress,
			subject: row.subject,
			text: row.textBody,
			html: row.htmlBody
		});
	} catch (e) {
		const message = describeSendError(e, sender.smtpUrl);
		await db`update outbox set last_error = ${message} where id = ${outboxId}`;
		// The original error is left off on purpose: its message may quote the recipient's address.
		// eslint-disable-next-line preserve-caught-error
		throw new Error(`sending outbox message ${outboxId} failed: ${message}`);
	}
	await db`update outbox set sent_at = now(), last_error = null where id = ${outboxId}`;
	return 'sent';
}

export interface OutboxEntry {
	id: number;
	toAddress: string;
	locale: Locale;
	template: string;
	subject: string;
	createdAt: Date;
	sentAt: Date | null;
	attempts: number;
	lastError: string | null;
}

export const OUTBOX_PAGE_SIZE = 50;

/** The outbox for the coordinator, newest first; `before` (an id) pages back. */
export async function listOutbox(
	db: Queryable,
	options: { before?: number; limit?: number } = {}
): Promise<OutboxEntry[]> {
	return db<OutboxEntry[]>`
		select id, to_address as "toAddress", locale, template, subject, created_at as "createdAt",
			sent_at as "sentAt", attempts, last_error as "lastError"
		from outbox
		where ${options.before ? db`id < ${options.before}` : db`true`}
		order by id desc
		limit ${options.limit ?? OUTBOX_PAGE_SIZE}`;
}

export async function getOutboxMessage(
	db: Queryable,
	id: number
): Promise<(OutboxEntry & { textBody: string }) | null> {
	const [row] = await db<(OutboxEntry & { textBody: string })[]>`
		select id, to_address as "toAddress", locale, template, subject, created_at as "createdAt",
			sent_at as "sentAt", attempts, last_error as "lastError", text_body as "textBody"
		from outbox where id = ${id}`;
	return row ?? null;
}

/**
 * Hides the secret part of links in a message body (reset, verification and invitation tokens), so
 * that reading the outbox does not hand a coordinator the keys to other people's accounts. Only the
 * demo, where no mail leaves the server, shows the links whole.
 */
export function hideLinkTokens(text: string): string {
	return text.replace(/(https?:\/\/\S*?\/)[A-Za-z0-9_-]{20,}(?=[\s/?#]|$)/g, '$1…');
}
