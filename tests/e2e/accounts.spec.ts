import { expect, test } from '@playwright/test';
import { apiAs, DEMO_PASSWORD, personas, signInPage } from '../support/e2e-accounts';

/** Signing in and out with the demo accounts, on the shared server (demo mode: 2FA not required). */

test('every demo account signs in with the demo password and sees its name', async ({ browser }) => {
	for (const persona of Object.keys(personas) as (keyof typeof personas)[]) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInPage(page, persona);
		await expect(page.getByRole('link', { name: personas[persona].name })).toBeVisible();
		await context.close();
	}
});

test('a wrong password is refused in Czech and the e-mail stays filled in', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-mail').fill('pracovnice@example.org');
	await page.getByLabel('Heslo', { exact: true }).fill('tohle není ono');
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mail nebo heslo nesouhlasí.');
	await expect(page.getByLabel('E-mail')).toHaveValue('pracovnice@example.org');
	await expect(page.getByLabel('Heslo', { exact: true })).toHaveValue('');
});

test('an e-mail that is not an address gets a message next to the field', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('E-mail').fill('jana-bez-zavinace');
	await page.getByLabel('Heslo', { exact: true }).fill('cokoli dlouheho');
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByText('Zadejte prosím platnou e-mailovou adresu')).toBeVisible();
	await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
});

test('signing in works without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInPage(page, 'member');
	await context.close();
});

test('the session cookie is HttpOnly, SameSite=Lax, Path=/, and sign-out deletes the session', async ({
	baseURL,
	request
}) => {
	const response = await request.post('/login', {
		headers: { Origin: baseURL!, Accept: 'text/html' },
		form: { email: personas.donor.email, password: DEMO_PASSWORD },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	const cookie = response
		.headersArray()
		.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('spolu_session='))!.value;
	expect(cookie).toMatch(/HttpOnly/);
	expect(cookie).toMatch(/SameSite=Lax/);
	expect(cookie).toMatch(/Path=\//);
	const token = cookie.split(';')[0]!;

	const signedIn = await request.get('/', { headers: { Cookie: token } });
	expect(await signedIn.text()).toContain(personas.donor.name);
	expect(signedIn.headers()['cache-control']).toBe('no-store');

	const out = await request.post('/logout', {
		headers: { Origin: baseURL!, Cookie: token },
		maxRedirects: 0
	});
	expect(out.status()).toBe(303);
	expect(out.headers()['set-cookie']).toMatch(/spolu_session=; Max-Age=0/);
	// The old cookie is worth nothing now.
	const after = await request.get('/', { headers: { Cookie: token } });
	expect(await after.text()).not.toContain(personas.donor.name);
});

test('a malformed or tampered cookie is no session, never an error', async ({ request, baseURL }) => {
	const api = await apiAs(baseURL!, 'member');
	const state = await api.storageState();
	const real = state.cookies.find((c) => c.name === 'spolu_session')!.value;
	// the last character changed (to one it is not: 'a' on a token ending in 'a' would be no change)
	const tampered = real.slice(0, -1) + (real.endsWith('a') ? 'b' : 'a');
	for (const value of [tampered, `${real}.x`, 'x', '%%%', 'a'.repeat(5000)]) {
		const response = await request.get('/', { headers: { Cookie: `spolu_session=${value}` } });
		expect(response.status(), value.slice(0, 20)).toBe(200);
		expect(await response.text()).toContain('Přihlásit se');
	}
	await api.dispose();
});

test('a signed-in person refused a page is in the audit log, with the route and not its ids', async ({
	baseURL
}) => {
	const member = await apiAs(baseURL!, 'member');
	expect((await member.get('/coordinator/people', { maxRedirects: 0 })).status()).toBe(403);
	await member.dispose();
	const coordinator = await apiAs(baseURL!, 'coordinator');
	const page = await (
		await coordinator.get(
			`/coordinator/audit?action=access.denied&actor=${encodeURIComponent(personas.member.email)}`
		)
	).text();
	await coordinator.dispose();
	expect(page).toContain('Odepřený přístup');
	expect(page).toContain('/(app)/coordinator/people');
});
