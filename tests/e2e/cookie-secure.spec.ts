import { expect, test } from '../support/e2e-server';
import { DEMO_PASSWORD, personas } from '../support/e2e-accounts';

/** Served as in production behind a TLS proxy (ORIGIN https://…), the session cookie is Secure too. */
test('behind HTTPS the session cookie is Secure, HttpOnly and SameSite=Lax', async ({ spolu, request }) => {
	const origin = 'https://spolu.example.org';
	const app = await spolu.start({ env: { ORIGIN: origin } });
	const response = await request.post(`http://127.0.0.1:${app.port}/login`, {
		headers: { Origin: origin, Accept: 'text/html' },
		form: { email: personas.member.email, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	const cookie = response
		.headersArray()
		.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('spolu_session='))?.value;
	expect(cookie).toMatch(/; Secure/);
	expect(cookie).toMatch(/; HttpOnly/);
	expect(cookie).toMatch(/; SameSite=Lax/);
	expect(response.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
});
