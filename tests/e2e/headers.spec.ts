import { expect, test, type APIResponse } from '@playwright/test';

/** Security headers and CSRF protection of the built server, as a browser or an attacker receives them. */

// the public site sends only the quick exit's static file; the others start SvelteKit with the nonce
const PAGES = [
	{ path: '/', status: 200, script: false },
	{ path: '/how-it-works', status: 200, script: false },
	{ path: '/privacy', status: 200, script: false },
	{ path: '/login', status: 200, script: false },
	{ path: '/e2e-missing-page', status: 404, script: true }
];

/** `Content-Security-Policy` as directive → sources. */
function parseCsp(header: string | undefined): Map<string, string[]> {
	const directives = new Map<string, string[]>();
	for (const part of (header ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

/** The headers every response of the app must carry. */
function expectBaseHeaders(response: APIResponse) {
	const headers = response.headers();
	const where = response.url();
	expect(headers['x-content-type-options'], where).toBe('nosniff');
	expect(headers['referrer-policy'], where).toBe('same-origin');
	expect(headers['x-frame-options'], where).toBe('DENY');
	const hsts = /^max-age=(\d+)/.exec(headers['strict-transport-security'] ?? '');
	expect(hsts, `${where}: Strict-Transport-Security`).not.toBeNull();
	expect(Number(hsts![1]), `${where}: HSTS of at least a year`).toBeGreaterThanOrEqual(31_536_000);
}

/** The CSP of everything that is not a page: nothing may load, nothing may frame it. */
function expectRestrictiveCsp(response: APIResponse) {
	const csp = parseCsp(response.headers()['content-security-policy']);
	expect(csp.get('default-src')).toEqual(["'none'"]);
	expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
}

const setCookies = (response: APIResponse) =>
	response
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value);

test('pages carry a CSP with a fresh nonce, no framing, and the security headers', async ({ request }) => {
	const nonces: string[] = [];
	for (const { path, status, script } of PAGES) {
		for (let i = 0; i < 2; i++) {
			const response = await request.get(path);
			expect(response.status()).toBe(status);
			expectBaseHeaders(response);
			const csp = parseCsp(response.headers()['content-security-policy']);
			expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
			expect(csp.get('object-src'), path).toEqual(["'none'"]);
			const scriptSrc = csp.get('script-src') ?? [];
			expect(scriptSrc, path).not.toContain("'unsafe-inline'");
			const nonce = scriptSrc.map((s) => /^'nonce-([^']+)'$/.exec(s)?.[1]).find(Boolean);
			if (!script) {
				// no inline script and no framework: the quick exit's file from this site is the only one
				const tags = [...(await response.text()).matchAll(/<script[^>]*>/g)].map((m) => m[0]);
				expect(tags, `${path} sends only the quick exit's script`).toEqual([
					expect.stringMatching(/^<script src="\/quick-exit\.js" defer(="")?>$/)
				]);
				expect(nonce, `${path}: no nonce needed`).toBeUndefined();
				continue;
			}
			expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
			// The nonce is the one SvelteKit's start-up script carries, or the page would not start.
			expect(await response.text()).toContain(`nonce="${nonce}"`);
			nonces.push(nonce!);
		}
	}
	expect(new Set(nonces).size, 'every response has its own nonce').toBe(nonces.length);
});

test('/healthz answers the exact JSON with the security headers and a CSP allowing nothing', async ({
	request
}) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/^application\/json/);
	expect(await response.text()).toBe('{"status":"ok","database":"ok"}');
	expectBaseHeaders(response);
	expectRestrictiveCsp(response);
});

test('a request carrying the session cookie is never stored by a cache', async ({ request }) => {
	for (const { path, status } of [...PAGES, { path: '/healthz', status: 200 }]) {
		const response = await request.get(path, { headers: { Cookie: 'spolu_session=x' } });
		expect(response.status()).toBe(status);
		expect(response.headers()['cache-control'], path).toBe('no-store');
	}
	// Without the cookie, public pages may be cached.
	for (const { path } of PAGES.filter((p) => p.status === 200)) {
		const response = await request.get(path);
		expect(response.headers()['cache-control'] ?? '', path).not.toContain('no-store');
	}
});

const FORM_BODIES = {
	'application/x-www-form-urlencoded': {
		contentType: 'application/x-www-form-urlencoded',
		body: 'locale=en&redirectTo=%2Fprivacy'
	},
	'multipart/form-data': {
		contentType: 'multipart/form-data; boundary=----e2e',
		body: [
			'------e2e',
			'Content-Disposition: form-data; name="locale"',
			'',
			'en',
			'------e2e',
			'Content-Disposition: form-data; name="redirectTo"',
			'',
			'/privacy',
			'------e2e--',
			''
		].join('\r\n')
	},
	// What a browser sends for <form enctype="text/plain">: a classic cross-site form trick.
	'text/plain': { contentType: 'text/plain', body: 'locale=en\r\nredirectTo=/privacy\r\n' }
};

for (const [type, { contentType, body }] of Object.entries(FORM_BODIES)) {
	test(`a cross-origin ${type} POST to /language is refused and sets nothing`, async ({ request }) => {
		const response = await request.post('/language', {
			headers: { Origin: 'https://evil.example', 'Content-Type': contentType },
			data: body,
			maxRedirects: 0
		});
		expect(response.status()).toBe(403);
		expect(setCookies(response)).toEqual([]);
	});
}

for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data'] as const) {
	test(`a same-origin ${type} POST to /language switches the language`, async ({ request, baseURL }) => {
		const { contentType, body } = FORM_BODIES[type];
		const response = await request.post('/language', {
			headers: { Origin: baseURL!, 'Content-Type': contentType },
			data: body,
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/privacy');
		const cookies = setCookies(response);
		expect(cookies).toHaveLength(1);
		expect(cookies[0]).toMatch(/^PARAGLIDE_LOCALE=en;/);
		expect(cookies[0]).toMatch(/;\s*Path=\/(;|$)/i);
		expect(cookies[0]).toMatch(/;\s*SameSite=Lax/i);
		expectBaseHeaders(response);
		expectRestrictiveCsp(response);
	});
}

test('/language sends a visitor back only to a path on this site', async ({ request, baseURL }) => {
	for (const redirectTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
		const response = await request.post('/language', {
			headers: { Origin: baseURL! },
			form: { locale: 'en', redirectTo },
			maxRedirects: 0
		});
		expect(response.status(), redirectTo).toBe(303);
		expect(response.headers()['location'], redirectTo).toBe('/');
	}
});
