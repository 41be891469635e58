import { countPublicStories, listPublicStories } from '$lib/server/stories/public';
import { db } from '$lib/server/runtime';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { audienceOf, PAGE_SIZE, parseCategory, parsePage, toCard } from './_stories';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const { url, locals } = event;
	const category = parseCategory(url.searchParams.get('category'));
	const page = parsePage(url.searchParams.get('page'));
	const audience = audienceOf(locals.user);
	const [stories, total] = await Promise.all([
		listPublicStories(db(), { category, audience, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
		countPublicStories(db(), { category, audience })
	]);
	cacheWhenAnonymous(event);
	return {
		stories: stories.map(toCard),
		category,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total
	};
}) satisfies PageServerLoad;
