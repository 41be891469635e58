import { SESSION_COOKIE } from '$lib/server/auth/cookie';

/*
 * Only an anonymous page may be kept by a cache (hooks send no-store for anyone carrying a session
 * cookie); the language comes from a cookie too, so a cache must tell visitors apart by it. A form's
 * answer (a POST to a page with actions) is never kept.
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
	if (isAnonymous(event)) event.setHeaders({ 'cache-control': `public, max-age=${maxAge}`, vary: 'cookie' });
}

/** No one signed in, half signed in, or carrying a session cookie: the visitor a cache may serve. */
export function isAnonymous(event: {
	locals: App.Locals;
	cookies: { get(name: string): string | undefined };
}): boolean {
	const { locals, cookies } = event;
	return !locals.user && !locals.twoFactor && cookies.get(SESSION_COOKIE) === undefined;
}
