import { getClubSettings } from '$lib/server/club/settings';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async () => ({ club: await getClubSettings(db()) })) satisfies PageServerLoad;
