import { m } from '$lib/paraglide/messages';
import { organisationNames } from '$lib/server/accounts/organisations';
import { userEmails } from '$lib/server/accounts/people';
import { listAudit } from '$lib/server/audit';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';
import { addDays, isDay, pragueDayStart } from '$lib/core/prague';

const PAGE_SIZE = 50;

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const params = event.url.searchParams;
	const filter = {
		action: (params.get('action') ?? '').trim().slice(0, 80),
		actor: (params.get('actor') ?? '').trim().toLowerCase().slice(0, 254),
		from: (params.get('from') ?? '').trim().slice(0, 10),
		to: (params.get('to') ?? '').trim().slice(0, 10)
	};
	const rawBefore = params.get('before');
	const before = rawBefore && /^\d{1,15}$/.test(rawBefore) ? Number(rawBefore) : undefined;
	// a filter day runs from midnight to midnight in Prague; null: not a day
	const dayStart = (day: string, later = 0) => (isDay(day) ? pragueDayStart(addDays(day, later)) : null);
	const from = filter.from ? dayStart(filter.from) : undefined;
	const to = filter.to ? dayStart(filter.to, 1) : undefined;
	const errors: Record<string, string> = {};
	if (from === null) errors.from = m.audit_date_invalid();
	if (to === null) errors.to = m.audit_date_invalid();
	const filtered = Object.values(filter).some(Boolean);
	if (Object.keys(errors).length) {
		return { filter, filtered, errors, entries: [], older: null, paged: false };
	}
	const sql = db();
	const rows = await listAudit(sql, {
		action: filter.action || undefined,
		actorEmail: filter.actor || undefined,
		from: from ?? undefined,
		to: to ?? undefined,
		before,
		limit: PAGE_SIZE + 1
	});
	const page = rows.slice(0, PAGE_SIZE);
	const ids = (type: string) =>
		page.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!);
	const [emails, organisations] = await Promise.all([
		userEmails(sql, ids('user')),
		organisationNames(sql, ids('organisation'))
	]);
	const entries = page.map((r) => ({
		id: r.id,
		at: r.at,
		actorEmail: r.actorEmail,
		action: r.action,
		targetType: r.targetType,
		target:
			(r.targetType === 'user' && r.targetId ? emails.get(r.targetId) : undefined) ??
			(r.targetType === 'organisation' && r.targetId ? organisations.get(r.targetId) : undefined) ??
			r.targetId,
		address: r.address,
		details: Object.entries(r.details ?? {}).map(([key, value]) => ({
			key,
			value: Array.isArray(value) ? value.join(', ') : String(value)
		}))
	}));
	return {
		filter,
		filtered,
		errors,
		entries,
		older: rows.length > PAGE_SIZE ? page.at(-1)!.id : null,
		paged: before !== undefined
	};
}) satisfies PageServerLoad;
