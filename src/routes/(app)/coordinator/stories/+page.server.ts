import { pageRequest } from '$lib/paging';
import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import {
	listStoriesForReview,
	storyReviewFilters,
	type StoryReviewFilter
} from '$lib/server/stories/stories';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'coordinator');
	const asked = event.url.searchParams.get('status');
	// an unknown filter is the whole list, as a missing one
	const filter: StoryReviewFilter = storyReviewFilters.find((f) => f === asked) ?? 'all';
	const stories = await listStoriesForReview(contextOf(event, user), filter, pageRequest(event.url));
	// requireRole let a coordinator in, and the domain answers every coordinator: null cannot come back
	if (!stories) error(403, 'Forbidden');
	return { filter, stories };
}) satisfies PageServerLoad;
