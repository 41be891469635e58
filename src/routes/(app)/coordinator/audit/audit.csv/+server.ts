import { getServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { allAudit, audit } from '$lib/server/audit';
import { contentDisposition } from '$lib/server/files/cleaning';
import { requireRole } from '$lib/server/http/guards';
import { redirect } from '@sveltejs/kit';
import { csvHeader, csvLines, parseAuditQuery, queryString, readableEntries } from '../_view';
import type { RequestHandler } from './$types';

/**
 * The audit log as the page filters it, as CSV, however long: written batch by batch while it downloads.
 * Taking it is itself recorded, with the filter used.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const { query, filter } = parseAuditQuery(event.url.searchParams);
	// a wrong date goes back to the page, which says what is wrong with it
	if (!filter) redirect(303, `/coordinator/audit${queryString(query)}`);
	const sql = event.locals.context.db;
	await audit(sql, {
		actorId: user.id,
		action: 'audit.exported',
		address: event.getClientAddress(),
		details: {
			action: query.action || null,
			person: query.person || null,
			from: query.from || null,
			to: query.to || null,
			routine: !filter.hideRoutine
		}
	});
	// The stream is read after this handler returned, outside the request's language: each batch is
	// written in the language of the request, as the page would be.
	const storage = getServerAsyncLocalStorage();
	const store = storage?.getStore();
	const inRequestLanguage = <T>(fn: () => Promise<T>): Promise<T> =>
		storage && store ? storage.run(store, fn) : fn();
	const batches = allAudit(sql, filter);
	const encoder = new TextEncoder();
	let started = false;
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				if (!started) {
					started = true;
					controller.enqueue(encoder.encode(await inRequestLanguage(async () => csvHeader())));
					return;
				}
				const next = await batches.next();
				if (next.done) return controller.close();
				const text = await inRequestLanguage(async () => csvLines(await readableEntries(sql, next.value)));
				controller.enqueue(encoder.encode(text));
			} catch (e) {
				controller.error(e);
			}
		},
		async cancel() {
			await batches.return(undefined);
		}
	});
	const day = new Date().toISOString().slice(0, 10);
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': contentDisposition(`zaznam-udalosti-${day}.csv`),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
