import { actorOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listOrganisationNeeds } from '$lib/server/needs/lists';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'social_worker');
	return { needs: await listOrganisationNeeds(db(), actorOf(event, user)) };
}) satisfies PageServerLoad;
