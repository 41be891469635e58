import { db } from '$lib/server/runtime';
import { listPublicStories, type PublicStory } from '$lib/server/stories/public';
import { buildSitemap, publicPaths, type SitemapEntry } from './_sitemap';
import type { RequestHandler } from './$types';

const BATCH = 100;

// Only what everyone may read: the stories for signed-in donors stay out of search engines.
export const GET: RequestHandler = async ({ url }) => {
	const stories: PublicStory[] = [];
	for (let offset = 0; ; offset += BATCH) {
		const batch = await listPublicStories(db(), { audience: 'public', limit: BATCH, offset });
		stories.push(...batch);
		if (batch.length < BATCH) break;
	}
	const entries: SitemapEntry[] = [
		...publicPaths.map((path) => ({ path })),
		...stories.map((story) => ({ path: `/stories/${story.number}`, lastmod: story.publishedAt }))
	];
	return new Response(buildSitemap(url.origin, entries), {
		headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
