import { pageRequest } from '$lib/paging';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { listOpenCollections } from '$lib/server/payments/bank/collections';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const collections = await listOpenCollections(db(), pageRequest(event.url));
	cacheWhenAnonymous(event);
	return { collections };
}) satisfies PageServerLoad;
