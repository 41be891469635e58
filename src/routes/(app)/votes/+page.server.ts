import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listMyPolls } from '$lib/server/voting/view';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'member');
	return { polls: await listMyPolls(contextOf(event, user)) };
}) satisfies PageServerLoad;
