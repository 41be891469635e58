import { publicSummary } from '$lib/server/figures/public-figures';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { db } from '$lib/server/runtime';
import { impactCharts } from '$lib/server/stories/impact';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const [summary, charts] = await Promise.all([publicSummary(db()), impactCharts(db())]);
	cacheWhenAnonymous(event, 300);
	return { summary, charts };
}) satisfies PageServerLoad;
