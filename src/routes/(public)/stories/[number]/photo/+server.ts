import { error } from '@sveltejs/kit';
import { attachmentStore, db } from '$lib/server/runtime';
import { readPublicStoryPhoto } from '$lib/server/stories/public';
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
			// a withdrawn consent must take the photo off the web soon: caches keep it a minute at most, as the page
			'cache-control': audience === 'public' ? 'public, max-age=60' : 'private, no-store'
		}
	});
};
