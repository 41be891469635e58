import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { db } from '$lib/server/runtime';
import { transparencyYears } from '$lib/server/stories/impact';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
	const years = await transparencyYears(db());
	cacheWhenAnonymous(event, 300);
	const currentYear = Number(
		new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' }).slice(0, 4)
	);
	return { years, currentYear };
}) satisfies PageServerLoad;
