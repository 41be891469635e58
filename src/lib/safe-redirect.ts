/** A same-site path to return to after an action; anything else (other hosts, `//x`, `\x`) becomes `/`. */
export function safeRedirectPath(value: unknown): string {
	if (typeof value !== 'string' || value.length > 2000) return '/';
	if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
	try {
		const url = new URL(value, 'http://spolu.invalid');
		if (url.origin !== 'http://spolu.invalid') return '/';
		return url.pathname + url.search + url.hash;
	} catch {
		return '/';
	}
}
