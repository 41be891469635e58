import { cacheWhenAnonymous } from '$lib/server/http/cache';
import type { PageServerLoad } from './$types';

/** The help directory is the same for every anonymous visitor: a cache may keep it. */
export const load = (async (event) => {
	cacheWhenAnonymous(event);
}) satisfies PageServerLoad;
