import { getClubSettings } from '$lib/server/club/settings';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load = (async () => {
	const club = await getClubSettings(db());
	// the home page names the club and its contact; nothing else of the settings leaves the server
	return { club: club && { name: club.name, contactEmail: club.contactEmail } };
}) satisfies PageServerLoad;
