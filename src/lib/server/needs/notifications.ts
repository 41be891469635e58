import type { PersonContext } from '$lib/server/core/context';
import type { Queryable, Tx } from '../db/client';
import { queueMail } from '../mail/outbox';
import { mailLink, type Locale } from '../mail/templates';
import { isCoordinator } from './access';
import type { Need, NeedEventKind } from './queries';

/** Events that tell the other side by e-mail; the rest only appear on the timeline. */
const toCoordinators: ReadonlySet<NeedEventKind> = new Set(['submitted', 'answered', 'withdrawn']);
const toOrganisation: ReadonlySet<NeedEventKind> = new Set([
	'info_requested',
	'ready',
	'rejected',
	'duplicate'
]);

export interface Recipient {
	email: string;
	locale: Locale;
}

/**
 * Queues the e-mail about a need's event to the other side: the coordinators for what the organisation
 * did, the organisation for what the coordinator did. A message goes to whichever side did not write it.
 * The organisation is reached through the social worker who created the need, or, when that person is no
 * longer active there, every active social worker of the organisation.
 */
export async function notifyNeedEvent(ctx: PersonContext<Tx>, need: Need, kind: NeedEventKind) {
	const { db: tx, actor } = ctx;
	let recipients: Recipient[] = [];
	const fromCoordinator =
		kind === 'message' ? isCoordinator(actor) && actor.organisationId !== need.organisationId : false;
	if (toCoordinators.has(kind) || (kind === 'message' && !fromCoordinator)) {
		recipients = await tx<Recipient[]>`
			select u.email, u.locale from users u join user_roles r on r.user_id = u.id
			where r.role = 'coordinator' and u.status = 'active' and u.id <> ${actor.id}`;
	} else if (toOrganisation.has(kind) || (kind === 'message' && fromCoordinator)) {
		recipients = await tx<Recipient[]>`
			select email, locale from users where id = ${need.createdBy} and status = 'active'
				and organisation_id = ${need.organisationId} and id <> ${actor.id}`;
		if (!recipients.length) {
			recipients = await tx<Recipient[]>`
				select u.email, u.locale from users u join user_roles r on r.user_id = u.id
				where r.role = 'social_worker' and u.status = 'active' and u.organisation_id = ${need.organisationId}
					and u.id <> ${actor.id}`;
		}
	}
	await mailNeedUpdate(tx, recipients, need, kind, mailLink(ctx.origin, `/needs/${need.id}`));
}

/** The `need_update` e-mail (number, title, what happened, a link: never the need's text) to each recipient. */
export async function mailNeedUpdate(
	tx: Queryable,
	recipients: Recipient[],
	need: Pick<Need, 'number' | 'title'>,
	event: string,
	url: string
) {
	for (const r of recipients) {
		await queueMail(tx, {
			to: r.email,
			locale: r.locale,
			template: 'need_update',
			params: { number: String(need.number), title: need.title, event, url }
		});
	}
}
