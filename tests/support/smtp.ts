import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, a free port, no TLS, no login),
 * collecting what it receives. `refuse` makes it reject the next messages, to test failures.
 */
export interface ReceivedMail {
	/** envelope recipients */
	to: string[];
	from: string;
	subject: string;
	/** the text/plain part, decoded */
	text: string;
	raw: string;
}

export interface TestSmtpServer {
	url: string;
	messages: ReceivedMail[];
	/** reject every message with this SMTP reply until set back to null */
	refuse: { code: number; message: string } | null;
	/** resolves when `count` messages have arrived in total */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	close(): Promise<void>;
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
	const messages: ReceivedMail[] = [];
	const waiters: (() => void)[] = [];
	const state: Pick<TestSmtpServer, 'refuse'> = { refuse: null };
	const options: SMTPServerOptions = {
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				if (state.refuse) {
					const err = Object.assign(new Error(state.refuse.message), { responseCode: state.refuse.code });
					return callback(err);
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				const parsed = parseMessage(raw);
				messages.push({
					to: session.envelope.rcptTo.map((r) => r.address),
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					subject: parsed.subject,
					text: parsed.text,
					raw
				});
				for (const w of waiters.splice(0)) w();
				callback();
			});
		}
	};
	const server = new SMTPServer(options);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		get refuse() {
			return state.refuse;
		},
		set refuse(value) {
			state.refuse = value;
		},
		async waitFor(count, timeoutMs = 10_000) {
			const deadline = Date.now() + timeoutMs;
			while (messages.length < count) {
				if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 100);
				});
			}
			return messages;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

// ---------------------------------------------------------------------------------------------------
// Just enough MIME to read what nodemailer writes: headers with RFC 2047 encoded words, a
// multipart/alternative body, quoted-printable or base64 parts.

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
	const end = raw.indexOf('\r\n\r\n');
	const head = end === -1 ? raw : raw.slice(0, end);
	const body = end === -1 ? '' : raw.slice(end + 4);
	const headers = new Map<string, string>();
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	return { headers, body };
}

function decodeQuotedPrintable(text: string): Buffer {
	const bytes: number[] = [];
	const unfolded = text.replace(/=\r?\n/g, '');
	for (let i = 0; i < unfolded.length; i++) {
		const c = unfolded[i]!;
		if (c === '=' && /^[0-9A-F]{2}$/i.test(unfolded.slice(i + 1, i + 3))) {
			bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(c, 'utf8'));
	}
	return Buffer.from(bytes);
}

function decodeBody(body: string, encoding: string | undefined): string {
	switch ((encoding ?? '7bit').toLowerCase()) {
		case 'quoted-printable':
			return decodeQuotedPrintable(body).toString('utf8');
		case 'base64':
			return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
		default:
			return body;
	}
}

export function decodeEncodedWords(value: string): string {
	const word = /=\?[^?]+\?([bq])\?([^?]*)\?=/gi;
	// Adjacent encoded words form one run; a character's bytes may be split between two words.
	return value
		.replace(/(\?=)\s+(=\?)/g, '$1$2')
		.replace(/(?:=\?[^?]+\?[bq]\?[^?]*\?=)+/gi, (run) =>
			Buffer.concat(
				[...run.matchAll(word)].map(([, kind, data]) =>
					kind!.toLowerCase() === 'b'
						? Buffer.from(data!, 'base64')
						: decodeQuotedPrintable(data!.replace(/_/g, ' '))
				)
			).toString('utf8')
		);
}

function textPart(headers: Map<string, string>, body: string): string | null {
	const type = headers.get('content-type') ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (/^multipart\//i.test(type) && boundary) {
		for (const part of body.split(`--${boundary}`).slice(1)) {
			if (part.startsWith('--')) break;
			const inner = splitHeaders(part.replace(/^\r\n/, ''));
			const text = textPart(inner.headers, inner.body);
			if (text !== null) return text;
		}
		return null;
	}
	if (!/^text\/plain/i.test(type)) return null;
	return decodeBody(body, headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n').trimEnd();
}

export function parseMessage(raw: string): { subject: string; text: string } {
	const { headers, body } = splitHeaders(raw);
	return {
		subject: decodeEncodedWords(headers.get('subject') ?? ''),
		text: textPart(headers, body) ?? ''
	};
}

/** One leaf part of a received message: its type, name, Content-ID and decoded bytes. */
export interface MimePart {
	contentType: string;
	/** from Content-Disposition's filename or Content-Type's name, decoded */
	filename: string | null;
	/** the Content-ID without its angle brackets */
	cid: string | null;
	disposition: 'inline' | 'attachment' | null;
	content: Buffer;
}

function decodeBytes(body: string, encoding: string | undefined): Buffer {
	switch ((encoding ?? '7bit').toLowerCase()) {
		case 'quoted-printable':
			return decodeQuotedPrintable(body);
		case 'base64':
			return Buffer.from(body.replace(/\s+/g, ''), 'base64');
		default:
			return Buffer.from(body, 'utf8');
	}
}

function headerParam(value: string | undefined, name: string): string | null {
	if (!value) return null;
	const match = new RegExp(`(?:^|;)\\s*${name}="?([^";]*)"?`, 'i').exec(value);
	return match ? decodeEncodedWords(match[1]!) : null;
}

/**
 * Every leaf part of a message, multipart/mixed, /related and /alternative walked in order: enough to
 * check the HTML body and each attachment's bytes of what nodemailer wrote.
 */
export function mimeParts(raw: string): MimePart[] {
	const walk = (headers: Map<string, string>, body: string): MimePart[] => {
		const type = headers.get('content-type') ?? 'text/plain';
		const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
		if (/^multipart\//i.test(type) && boundary) {
			const parts: MimePart[] = [];
			for (const part of body.split(`--${boundary}`).slice(1)) {
				if (part.startsWith('--')) break;
				const inner = splitHeaders(part.replace(/^\r\n/, ''));
				parts.push(...walk(inner.headers, inner.body.replace(/\r\n$/, '')));
			}
			return parts;
		}
		const disposition = headers.get('content-disposition');
		const kind = disposition?.split(';')[0]?.trim().toLowerCase();
		return [
			{
				contentType: type.split(';')[0]!.trim().toLowerCase(),
				filename: headerParam(disposition, 'filename') ?? headerParam(type, 'name'),
				cid: headers.get('content-id')?.replace(/^<|>$/g, '') ?? null,
				disposition: kind === 'inline' || kind === 'attachment' ? kind : null,
				content: decodeBytes(body, headers.get('content-transfer-encoding'))
			}
		];
	};
	const { headers, body } = splitHeaders(raw);
	return walk(headers, body);
}
