/**
 * A same-site path to return to after an action; anything else (other hosts, `//x`, `\x`) becomes
 * `fallback`: the home page, or where the caller sends people by default (sign-in: the start page).
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
	try {
		const url = new URL(value, 'http://spolu.invalid');
		if (url.origin !== 'http://spolu.invalid') return fallback;
		return url.pathname + url.search + url.hash;
	} catch {
		return fallback;
	}
}
