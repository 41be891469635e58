import { requireRole } from '$lib/server/http/guards';
import { listOutbox, OUTBOX_PAGE_SIZE } from '$lib/server/mail/outbox';
import { db, runtime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const raw = event.url.searchParams.get('before');
	const before = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
	const rows = await listOutbox(db(), { before, limit: OUTBOX_PAGE_SIZE + 1 });
	const entries = rows.slice(0, OUTBOX_PAGE_SIZE);
	return {
		entries,
		older: rows.length > OUTBOX_PAGE_SIZE ? entries.at(-1)!.id : null,
		paged: before !== undefined,
		smtp: Boolean(runtime().config.smtpUrl),
		demo: runtime().demo
	};
}) satisfies PageServerLoad;
