import { countAudit, listAudit } from '$lib/server/audit';
import { requireRole } from '$lib/server/http/guards';
import type { PageServerLoad } from './$types';
import { parseAuditQuery, queryString, readableEntries } from './_view';

const PAGE_SIZE = 50;

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const params = event.url.searchParams;
	const { query, filter, errors } = parseAuditQuery(params);
	const rawBefore = params.get('before');
	const before = rawBefore && /^\d{1,15}$/.test(rawBefore) ? Number(rawBefore) : undefined;
	const filtered = Boolean(query.action || query.person || query.from || query.to || query.routine);
	if (!filter) {
		return {
			query,
			filtered,
			errors,
			entries: [],
			count: null,
			older: null,
			newest: null,
			csv: null,
			routineHidden: false
		};
	}
	// the request's context carries this process's database (set up in hooks.server.ts)
	const sql = event.locals.context.db;
	const [rows, count] = await Promise.all([
		listAudit(sql, { ...filter, before, limit: PAGE_SIZE + 1 }),
		countAudit(sql, filter)
	]);
	const page = rows.slice(0, PAGE_SIZE);
	return {
		query,
		filtered,
		errors,
		entries: await readableEntries(sql, page),
		count,
		older: rows.length > PAGE_SIZE ? `/coordinator/audit${queryString(query, page.at(-1)!.id)}` : null,
		newest: before !== undefined ? `/coordinator/audit${queryString(query)}` : null,
		csv: `/coordinator/audit/audit.csv${queryString(query)}`,
		routineHidden: filter.hideRoutine ?? false
	};
}) satisfies PageServerLoad;
