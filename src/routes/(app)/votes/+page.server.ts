import { actorOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { listMyPolls } from '$lib/server/voting/view';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'member');
	return { polls: await listMyPolls(db(), actorOf(event, user)) };
}) satisfies PageServerLoad;
