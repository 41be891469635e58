import type { JobDefinition } from '../jobs/runner';
import { log } from '../log';
import { deliverOutboxMessage } from './outbox';
import { createSmtpTransport, type MailTransport } from './transport';

export interface MailSettings {
	/** SMTP_URL; undefined in demo and development: messages stay in the outbox */
	smtpUrl: string | undefined;
	/** MAIL_FROM */
	mailFrom: string;
}

/**
 * The `mail.send` job: delivers one outbox message (`{ outboxId }`). `settings` is read at every run,
 * so tests pass a fixed SMTP server and the application passes its configuration.
 *
 * Without SMTP_URL the job is still queued (queueMail does not know the configuration, and stays a pure
 * database write that every test can run) and finishes without sending, leaving the message unsent
 * and without an error: the outbox page shows it as waiting, which is what it is.
 */
export function createMailSendJob(settings: () => MailSettings): JobDefinition {
	let transport: { url: string; instance: MailTransport } | undefined;
	const transportFor = (url: string) => {
		if (transport?.url !== url) {
			transport?.instance.close();
			transport = { url, instance: createSmtpTransport(url) };
		}
		return transport.instance;
	};
	return {
		kind: 'mail.send',
		leaseMs: 2 * 60_000,
		async run(job, { db }) {
			const outboxId = Number((job.payload as { outboxId?: unknown }).outboxId);
			if (!Number.isSafeInteger(outboxId)) throw new Error('mail.send needs a numeric outboxId');
			const { smtpUrl, mailFrom } = settings();
			const sender = smtpUrl ? { transport: transportFor(smtpUrl), from: mailFrom, smtpUrl } : null;
			const result = await deliverOutboxMessage(db, outboxId, sender);
			log.debug('mail.send', { outboxId, result });
		}
	};
}
