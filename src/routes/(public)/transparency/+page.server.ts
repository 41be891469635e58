import { pragueYear } from '$lib/core/prague';
import { transparencyYears } from '$lib/server/figures/public-figures';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const years = await transparencyYears(db());
	cacheWhenAnonymous(event, 300);
	const currentYear = pragueYear();
	return { years, currentYear };
}) satisfies PageServerLoad;
