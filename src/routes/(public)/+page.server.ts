import { getClubSettings } from '$lib/server/club/settings';
import { publicSummary } from '$lib/server/figures/public-figures';
import { bankIban, db, stripe } from '$lib/server/runtime';
import { listPublicStories } from '$lib/server/stories/public';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { audienceOf, toCard } from './stories/_stories';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const [club, stories, impact] = await Promise.all([
		getClubSettings(db()),
		listPublicStories(db(), { audience: audienceOf(event.locals.user), limit: 3 }),
		publicSummary(db())
	]);
	cacheWhenAnonymous(event);
	return {
		// the home page names the club and its contact; nothing else of the settings leaves the server
		club: club && { name: club.name, contactEmail: club.contactEmail },
		stories: stories.map(toCard),
		impact,
		// the ways of giving /give offers, so that the home page promises only those
		giving: { card: stripe() !== null, bank: bankIban() !== null }
	};
}) satisfies PageServerLoad;
