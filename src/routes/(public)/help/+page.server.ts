import { listHelpDirectory } from '$lib/server/accounts/help-directory';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The help directory is the same for every anonymous visitor: a cache may keep it. */
export const load = (async (event) => {
	cacheWhenAnonymous(event);
	return { directory: await listHelpDirectory(db()) };
}) satisfies PageServerLoad;
