import { cacheWhenAnonymous } from '$lib/server/http/cache';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	cacheWhenAnonymous(event, 300);
}) satisfies PageServerLoad;
