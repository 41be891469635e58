import nodemailer from 'nodemailer';

/** A file sent with a message; with `cid`, an inline image the HTML shows as `<img src="cid:…">`. */
export interface TransportAttachment {
	filename: string;
	contentType: string;
	content: Uint8Array;
	cid?: string;
}

export interface TransportMessage {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	attachments?: TransportAttachment[];
}

/** What the sender needs from a transport; nodemailer's SMTP transport in production and tests. */
export interface MailTransport {
	send(message: TransportMessage): Promise<void>;
	close(): void;
}

/**
 * An SMTP transport for `smtpUrl` (smtp:// with STARTTLS when the server offers it, or smtps://;
 * credentials in the URL). Short timeouts: a hanging server fails this attempt and the job retries later
 * instead of holding the job's lease.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
	const url = new URL(smtpUrl);
	const transporter = nodemailer.createTransport({
		host: url.hostname,
		port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
		secure: url.protocol === 'smtps:',
		auth: url.username
			? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
			: undefined,
		connectionTimeout: 15_000,
		greetingTimeout: 15_000,
		socketTimeout: 30_000
	});
	return {
		async send({ attachments, ...message }) {
			await transporter.sendMail({
				...message,
				// An inline image (cid) goes into a multipart/related part with the HTML, the others are
				// ordinary attachments; base64, so that a PDF's or PNG's bytes arrive unchanged.
				attachments: attachments?.map((a) => ({
					filename: a.filename,
					contentType: a.contentType,
					content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
					...(a.cid ? { cid: a.cid, contentDisposition: 'inline' as const } : {})
				}))
			});
		},
		close() {
			transporter.close();
		}
	};
}

/**
 * An error message that is safe to store and log: no credentials, no e-mail addresses (SMTP servers
 * quote the recipient when they refuse it), bounded length.
 */
export function describeSendError(e: unknown, smtpUrl?: string): string {
	const err = e as { code?: unknown; responseCode?: unknown; message?: unknown };
	let message = typeof err?.message === 'string' ? err.message : String(e);
	if (smtpUrl) {
		const url = new URL(smtpUrl);
		for (const secret of [url.password, decodeURIComponent(url.password)]) {
			if (secret.length >= 3) message = message.split(secret).join('***');
		}
	}
	// Also catches user:password@host in a URL.
	message = message
		.replace(/<?[^\s<>@"']+@[^\s<>@"']+>?/g, '<address>')
		.replace(/\s+/g, ' ')
		.trim();
	const code = typeof err?.code === 'string' ? err.code : undefined;
	const prefix = code && !message.startsWith(code) ? `${code}: ` : '';
	return (prefix + message).slice(0, 500);
}
