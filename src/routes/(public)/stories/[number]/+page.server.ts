import { error } from '@sveltejs/kit';
import { getPublicStory } from '$lib/server/stories/public';
import { db } from '$lib/server/runtime';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { audienceOf, excerpt, paragraphs, parseNumber } from '../_stories';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const number = parseNumber(event.params.number);
	const story = number && (await getPublicStory(db(), number, { audience: audienceOf(event.locals.user) }));
	if (!story) error(404, 'Not found');
	cacheWhenAnonymous(event);
	const address = `${event.url.origin}/stories/${story.number}`;
	return {
		story: {
			number: story.number,
			title: story.title,
			paragraphs: paragraphs(story.body),
			description: excerpt(story.body, 160),
			category: story.category,
			region: story.region,
			amount: Number(story.amount),
			publishedAt: story.publishedAt,
			hasPhoto: story.hasPhoto,
			photoAlt: story.photoAlt
		},
		address,
		photo: story.hasPhoto ? `${address}/photo` : null
	};
}) satisfies PageServerLoad;
