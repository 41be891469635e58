import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { listStoriesForReview } from '$lib/server/stories/stories';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'coordinator');
	const stories = await listStoriesForReview(contextOf(event, user));
	// requireRole let a coordinator in, and the domain answers every coordinator: null cannot come back
	if (!stories) error(403, 'Forbidden');
	return { stories };
}) satisfies PageServerLoad;
