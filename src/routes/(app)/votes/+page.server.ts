import { pageRequest } from '$lib/paging';
import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listMyPolls, pollFilters, type PollFilter } from '$lib/server/voting/view';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'member');
	const asked = event.url.searchParams.get('show');
	// an unknown filter is the whole list, as a missing one
	const filter: PollFilter = pollFilters.find((f) => f === asked) ?? 'all';
	return { filter, polls: await listMyPolls(contextOf(event, user), filter, pageRequest(event.url)) };
}) satisfies PageServerLoad;
