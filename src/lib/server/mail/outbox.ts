import type { Queryable } from '../db/client';
import { enqueueJob } from '../jobs/queue';
import { renderMail, type Locale, type TemplateName } from './templates';
import { describeSendError, type MailTransport } from './transport';

/**
 * A file sent with a message. With `cid` it is an inline image the HTML body shows as
 * `<img src="cid:…">` (the QR Platba code); without, an ordinary attachment (a PDF).
 */
export interface MailAttachment {
	filename: string;
	contentType: string;
	content: Uint8Array;
	cid?: string;
}

export interface OutgoingMail {
	to: string;
	locale: Locale;
	template: TemplateName;
	params: Record<string, string>;
	attachments?: MailAttachment[];
}

/** Limits of what a message carries (the migration checks them too); many servers refuse more. */
export const MAX_ATTACHMENTS = 10;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_MESSAGE_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const CONTENT_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,99}$/;
const CONTENT_ID = /^[A-Za-z0-9._@-]{1,100}$/;

/**
 * Refuses an attachment a mail server or the database would refuse later: better a loud error in the
 * transaction that queues it than a message that can never be sent. These are programming errors (the
 * callers build attachments themselves), not a user's input.
 */
function checkAttachments(attachments: MailAttachment[]): void {
	if (attachments.length > MAX_ATTACHMENTS) throw new Error(`at most ${MAX_ATTACHMENTS} attachments`);
	let total = 0;
	const cids = new Set<string>();
	for (const a of attachments) {
		if (!a.filename || a.filename.length > 200 || /[/\\\r\n]/.test(a.filename))
			throw new Error(`attachment file name ${JSON.stringify(a.filename)} is not allowed`);
		if (!CONTENT_TYPE.test(a.contentType))
			throw new Error(`attachment content type ${JSON.stringify(a.contentType)} is not allowed`);
		if (a.cid !== undefined && (!CONTENT_ID.test(a.cid) || cids.has(a.cid)))
			throw new Error(`attachment content id ${JSON.stringify(a.cid)} is not allowed or repeated`);
		if (a.cid !== undefined) cids.add(a.cid);
		if (a.content.byteLength < 1 || a.content.byteLength > MAX_ATTACHMENT_BYTES)
			throw new Error(`attachment ${a.filename} must have 1 byte to ${MAX_ATTACHMENT_BYTES} bytes`);
		total += a.content.byteLength;
	}
	if (total > MAX_MESSAGE_ATTACHMENT_BYTES)
		throw new Error(`attachments of one message must stay under ${MAX_MESSAGE_ATTACHMENT_BYTES} bytes`);
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Writes a message to the outbox. Call it with the transaction that makes the change the message is
 * about: the message exists exactly when the change does. The `mail.send` job delivers it, with its
 * attachments, which are stored beside the row.
 */
export async function queueMail(db: Queryable, mail: OutgoingMail): Promise<number> {
	const attachments = mail.attachments ?? [];
	checkAttachments(attachments);
	const rendered = renderMail(mail.template, mail.locale, mail.params);
	const [row] = await db<{ id: number }[]>`
		insert into outbox (to_address, locale, template, subject, text_body, html_body)
		values (${mail.to}, ${mail.locale}, ${mail.template}, ${rendered.subject}, ${rendered.text}, ${rendered.html})
		returning id`;
	const outboxId = row!.id;
	for (const [position, a] of attachments.entries()) {
		await db`
			insert into outbox_attachments (outbox_id, position, filename, content_type, content_id, content)
			values (${outboxId}, ${position}, ${a.filename}, ${a.contentType}, ${a.cid ?? null}, ${toBuffer(a.content)})`;
	}
	await enqueueJob(db, 'mail.send', { outboxId }, { key: `outbox-${outboxId}`, maxAttempts: 8 });
	return outboxId;
}

/** A message's attachments with their bytes, in order: what the transport sends. */
async function attachmentsOf(db: Queryable, outboxId: number): Promise<MailAttachment[]> {
	const rows = await db<{ filename: string; contentType: string; cid: string | null; content: Buffer }[]>`
		select filename, content_type as "contentType", content_id as cid, content
		from outbox_attachments where outbox_id = ${outboxId} order by position`;
	return rows.map((r) => ({
		filename: r.filename,
		contentType: r.contentType,
		content: new Uint8Array(r.content),
		...(r.cid ? { cid: r.cid } : {})
	}));
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
	const attachments = await attachmentsOf(db, outboxId);
	try {
		await sender.transport.send({
			from: sender.from,
			to: row.toAddress,
			subject: row.subject,
			text: row.textBody,
			html: row.htmlBody,
			...(attachments.length ? { attachments } : {})
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
	/** the names of the files sent with it, in order (the coordinator sees names, never the bytes) */
	attachmentNames: string[];
}

export interface OutboxAttachmentInfo {
	filename: string;
	contentType: string;
	size: number;
	/** shown inside the message (an inline image) rather than attached */
	inline: boolean;
}

export const OUTBOX_PAGE_SIZE = 50;

const entryColumns = (db: Queryable) => db`
	o.id, o.to_address as "toAddress", o.locale, o.template, o.subject, o.created_at as "createdAt",
	o.sent_at as "sentAt", o.attempts, o.last_error as "lastError",
	array(select a.filename from outbox_attachments a where a.outbox_id = o.id order by a.position) as "attachmentNames"`;

/** The outbox for the coordinator, newest first; `before` (an id) pages back. */
export async function listOutbox(
	db: Queryable,
	options: { before?: number; limit?: number } = {}
): Promise<OutboxEntry[]> {
	return db<OutboxEntry[]>`
		select ${entryColumns(db)}
		from outbox o
		where ${options.before ? db`o.id < ${options.before}` : db`true`}
		order by o.id desc
		limit ${options.limit ?? OUTBOX_PAGE_SIZE}`;
}

export async function getOutboxMessage(
	db: Queryable,
	id: number
): Promise<(OutboxEntry & { textBody: string; attachments: OutboxAttachmentInfo[] }) | null> {
	const [row] = await db<(OutboxEntry & { textBody: string })[]>`
		select ${entryColumns(db)}, o.text_body as "textBody"
		from outbox o where o.id = ${id}`;
	if (!row) return null;
	const attachments = await db<OutboxAttachmentInfo[]>`
		select filename, content_type as "contentType", octet_length(content)::int as size,
			content_id is not null as inline
		from outbox_attachments where outbox_id = ${id} order by position`;
	return { ...row, attachments };
}

/**
 * Hides the secret part of links in a message body (reset, verification and invitation tokens), so
 * that reading the outbox does not hand a coordinator the keys to other people's accounts. Only the
 * demo, where no mail leaves the server, shows the links whole.
 */
export function hideLinkTokens(text: string): string {
	return text.replace(/(https?:\/\/\S*?\/)[A-Za-z0-9_-]{20,}(?=[\s/?#]|$)/g, '$1…');
}
