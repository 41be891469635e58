import { contentDisposition } from '$lib/server/files/cleaning';
import { isAnonymous, publicCacheHeaders } from './cache';

/**
 * A public CSV download (aggregates only): a cache may keep it for anonymous visitors for five minutes
 * (the headers' language comes from a cookie, so caches tell visitors apart by it); anyone signed in gets
 * it fresh.
 */
export function publicCsv(
	event: { locals: App.Locals; cookies: { get(name: string): string | undefined } },
	fileName: string,
	csv: string
): Response {
	const bytes = new TextEncoder().encode(csv);
	return new Response(bytes, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-length': String(bytes.length),
			'content-disposition': contentDisposition(fileName),
			'x-content-type-options': 'nosniff',
			...(isAnonymous(event)
				? { ...publicCacheHeaders(300), vary: 'cookie' }
				: { 'cache-control': 'private, no-store' })
		}
	});
}
