import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { db } from '$lib/server/runtime';
import { impactCharts, impactSummary } from '$lib/server/stories/impact';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, cookies, setHeaders }) => {
	const [summary, charts] = await Promise.all([impactSummary(db()), impactCharts(db())]);
	// Only an anonymous page may be kept by a cache (hooks send no-store for anyone carrying a session
	// cookie); the language comes from a cookie too, so a cache must tell visitors apart by it.
	if (!locals.user && !locals.twoFactor && cookies.get(SESSION_COOKIE) === undefined)
		setHeaders({ 'cache-control': 'public, max-age=300', vary: 'cookie' });
	return { summary, charts };
}) satisfies PageServerLoad;
