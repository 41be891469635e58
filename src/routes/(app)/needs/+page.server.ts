import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listOrganisationNeeds } from '$lib/server/needs/lists';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'social_worker');
	return { needs: await listOrganisationNeeds(contextOf(event, user)) };
}) satisfies PageServerLoad;
