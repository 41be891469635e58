/**
 * Headers every response gets. Page responses already carry SvelteKit's CSP with a nonce (kit.csp);
 * everything else (JSON, redirects, endpoints) gets a CSP that allows nothing.
 */
export function applySecurityHeaders(
	headers: Headers,
	options: { production: boolean; personal: boolean }
): void {
	const set = (name: string, value: string) => {
		if (!headers.has(name)) headers.set(name, value);
	};
	set('X-Content-Type-Options', 'nosniff');
	// A need's URL or a story's address must not travel to shops or other sites linked from Spolu.
	set('Referrer-Policy', 'same-origin');
	set('X-Frame-Options', 'DENY');
	set('Cross-Origin-Opener-Policy', 'same-origin');
	set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	set(
		'Content-Security-Policy',
		"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	);
	if (options.production) set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	// What a signed-in person sees must never be kept by a browser or a proxy cache.
	if (options.personal) headers.set('Cache-Control', 'no-store');
}
