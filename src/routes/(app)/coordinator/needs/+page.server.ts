import { categories, urgencies } from '$lib/needs';
import { pageRequest } from '$lib/paging';
import { isRegion } from '$lib/regions';
import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listTriage, triageFilterStates, type TriageFilter } from '$lib/server/needs/lists';
import type { PageServerLoad } from './$types';

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
	allowed.find((a) => a === value) ?? null;

export const load = (async (event) => {
	const user = requireRole(event, 'coordinator');
	const q = event.url.searchParams;
	const region = q.get('region');
	const filter: TriageFilter = {
		state: pick(triageFilterStates, q.get('state')) ?? 'open',
		category: pick(categories, q.get('category')),
		region: region && isRegion(region) ? region : null,
		urgency: pick(urgencies, q.get('urgency'))
	};
	return { filter, needs: await listTriage(contextOf(event, user), filter, pageRequest(event.url)) };
}) satisfies PageServerLoad;
