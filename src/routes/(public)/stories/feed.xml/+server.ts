import { categoryName } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { db } from '$lib/server/runtime';
import { publicCacheHeaders } from '$lib/server/http/cache';
import { listPublicStories } from '$lib/server/stories/public';
import { excerpt } from '../_stories';
import { buildAtomFeed } from './_atom';
import type { RequestHandler } from './$types';

// A feed reader is never signed in: the feed always holds the stories meant for everyone.
export const GET: RequestHandler = async ({ url }) => {
	const stories = await listPublicStories(db(), { audience: 'public', limit: 20 });
	const body = buildAtomFeed({
		self: `${url.origin}/stories/feed.xml`,
		alternate: `${url.origin}/stories`,
		title: `${m.stories_title()} – ${m.site_name()}`,
		subtitle: m.stories_lead(),
		author: m.site_name(),
		lang: getLocale(),
		updated: new Date(),
		entries: stories.map((story) => ({
			url: `${url.origin}/stories/${story.number}`,
			title: story.title,
			summary: excerpt(story.body),
			content: story.body,
			published: story.publishedAt,
			category: { term: story.category, label: categoryName(story.category) }
		}))
	});
	return new Response(body, {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			// a withdrawn story leaves the feed at once, as it leaves the pages (see http/cache.ts)
			...publicCacheHeaders(),
			vary: 'cookie'
		}
	});
};
