import { requireRole } from '$lib/server/http/guards';
import { getOutboxMessage, hideLinkTokens } from '$lib/server/mail/outbox';
import { db, runtime } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const id = event.params.id;
	if (!/^\d{1,15}$/.test(id)) error(404, 'Not Found');
	const message = await getOutboxMessage(db(), Number(id));
	if (!message) error(404, 'Not Found');
	// Outside the demo the links' tokens would let the reader into someone else's account.
	const { demo } = runtime();
	return {
		message: { ...message, textBody: demo ? message.textBody : hideLinkTokens(message.textBody) },
		linksHidden: !demo
	};
}) satisfies PageServerLoad;
