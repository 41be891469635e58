import type { Queryable } from '../db/client';
import { enqueueJob } from '../jobs/queue';
import { renderMail, type Locale, type TemplateName } from './templates';

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
