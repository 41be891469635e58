import { getClubSettings } from '$lib/server/club/settings';
import { db } from '$lib/server/runtime';
import { impactSummary } from '$lib/server/stories/impact';
import { listPublicStories } from '$lib/server/stories/public';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { audienceOf, toCard } from './stories/_stories';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const [club, stories, impact] = await Promise.all([
		getClubSettings(db()),
		listPublicStories(db(), { audience: audienceOf(event.locals.user), limit: 3 }),
		impactSummary(db())
	]);
	cacheWhenAnonymous(event);
	return {
		// the home page names the club and its contact; nothing else of the settings leaves the server
		club: club && { name: club.name, contactEmail: club.contactEmail },
		stories: stories.map(toCard),
		impact
	};
}) satisfies PageServerLoad;
