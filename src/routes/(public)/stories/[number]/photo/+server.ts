import { error } from '@sveltejs/kit';
import { attachmentStore, db } from '$lib/server/runtime';
import { readPublicStoryPhoto } from '$lib/server/stories/public';
import { publicCacheHeaders } from '$lib/server/http/cache';
import { audienceOf, parseNumber } from '../../_stories';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals }) => {
	const number = parseNumber(params.number);
	const audience = audienceOf(locals.user);
	const photo = number && (await readPublicStoryPhoto(db(), attachmentStore(), number, { audience }));
	if (!photo) error(404, 'Not found');
	return new Response(photo.body, {
		headers: {
			'content-type': photo.mediaType,
			'content-length': String(photo.size),
			// a withdrawn consent takes the photo off the web at once, as the page (see http/cache.ts)
			...(audience === 'public' ? publicCacheHeaders() : { 'cache-control': 'private, no-store' })
		}
	});
};
