import { contextOf } from '$lib/server/http/actor';
import { requireUser } from '$lib/server/http/guards';
import { startPage } from '$lib/server/start/start';
import type { PageServerLoad } from './$types';

/** Where everyone lands after signing in: what waits for them in each role they hold. */
export const load = (async (event) => {
	const user = requireUser(event);
	return { start: await startPage(contextOf(event, user)) };
}) satisfies PageServerLoad;
