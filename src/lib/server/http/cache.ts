import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { KEEP_HEADER } from '$lib/server/http/page-cache.js';

/*
 * Only an anonymous page may be kept by a cache (hooks send no-store for anyone carrying a session
 * cookie); the language comes from a cookie too, so a cache must tell visitors apart by it. A form's
 * answer (a POST to a page with actions) is never kept.
 *
 * Spolu's own cache of rendered pages (http/page-cache.js, in front of the framework) keeps the page for
 * `maxAge` seconds and is emptied the moment anything the page shows changes. Browsers and proxies
 * cannot be told that, so they are sent `no-cache`: they ask again every time, and a withdrawn story is
 * gone from every screen at the next look, not a minute later.
 */
export function cacheWhenAnonymous(
	event: {
		request: Request;
		locals: App.Locals;
		cookies: { get(name: string): string | undefined };
		setHeaders(headers: Record<string, string>): void;
	},
	maxAge = 60
): void {
	const { request } = event;
	if (request.method !== 'GET' && request.method !== 'HEAD') return;
	if (isAnonymous(event)) event.setHeaders({ ...publicCacheHeaders(maxAge), vary: 'cookie' });
}

/** The headers of anything public (a page, a feed, a photo, a CSV): see the top of this file. */
export const publicCacheHeaders = (maxAge = 60): Record<string, string> => ({
	'cache-control': 'public, no-cache',
	[KEEP_HEADER]: String(maxAge)
});

/** No one signed in, half signed in, or carrying a session cookie: the visitor a cache may serve. */
export function isAnonymous(event: {
	locals: App.Locals;
	cookies: { get(name: string): string | undefined };
}): boolean {
	const { locals, cookies } = event;
	return !locals.user && !locals.twoFactor && cookies.get(SESSION_COOKIE) === undefined;
}
