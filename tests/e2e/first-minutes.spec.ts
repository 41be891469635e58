import http from 'node:http';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/e2e-server';
import { DEMO_PASSWORD, personas, type Persona } from '../support/e2e-accounts';

/**
 * The first minutes of someone trying Spolu: `npm start` without ORIGIN (scripts/serve.js), opened as
 * http://localhost:PORT or as http://127.0.0.1:PORT, whichever they typed. Both must sign in and take
 * forms; any other address is told which one to open.
 */
test.describe.configure({ mode: 'serial', timeout: 180_000 });

/** Signs in through the form at `base`, then saves English on the profile page: two form posts. */
async function signInAndPostAForm(browser: Browser, base: string, persona: Persona) {
	const context = await browser.newContext({ baseURL: base });
	const page: Page = await context.newPage();
	const refused: string[] = [];
	page.on('response', (response) => {
		if (response.status() === 403) refused.push(`${response.request().method()} ${response.url()}`);
	});

	await page.goto('/login');
	await page.getByLabel('E-mail').fill(personas[persona].email);
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByRole('button', { name: 'Odhlásit se' })).toBeVisible();
	expect(new URL(page.url()).origin, 'the browser stays on the address it was given').toBe(base);

	// the browser kept the session cookie for this address: it is not marked Secure on plain http
	const session = (await context.cookies(base)).find((c) => c.name === 'spolu_session');
	expect(session, 'the session cookie is kept').toBeDefined();
	expect(session!.secure).toBe(false);

	await page.goto('/profile');
	await page.getByRole('radio', { name: 'English' }).check();
	await page.getByRole('button', { name: 'Uložit jazyk' }).click();
	await expect(page.getByRole('heading', { name: 'Language', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

	expect(refused, 'no form was refused as cross-site').toEqual([]);
	await context.close();
}

test('npm start without ORIGIN works at http://127.0.0.1 and at http://localhost', async ({
	spolu,
	browser
}) => {
	const app = await spolu.start({ entry: 'serve', env: { ORIGIN: undefined } });
	// the address to open is printed once the server listens
	expect(app.stdout).toContain(`Spolu běží: http://localhost:${app.port}`);
	expect(app.stdout).toContain(`http://127.0.0.1:${app.port}`);

	await signInAndPostAForm(browser, `http://127.0.0.1:${app.port}`, 'member');
	await signInAndPostAForm(browser, `http://localhost:${app.port}`, 'coordinator');

	// a post from another site is still refused at either address
	for (const base of [`http://127.0.0.1:${app.port}`, `http://localhost:${app.port}`]) {
		const status = await post(app.port, new URL(base).host, 'http://evil.example');
		expect(status, base).toBe(403);
	}

	// another name for this machine gets a page saying which address to open, in Czech and English
	const other = await get(app.port, `spolu.example.org:${app.port}`);
	expect(other.status).toBe(421);
	expect(other.body).toContain(`Spolu běží na adrese <a href="http://localhost:${app.port}/">`);
	expect(other.body).toContain(`Spolu is running at`);
	// what the client sent as Host is shown escaped
	const injected = await get(app.port, `"><script>x</script>:${app.port}`);
	expect(injected.body).not.toContain('<script>x');
});

/** A raw request with a Host header of our choosing (browsers and Playwright fix Host to the URL). */
function get(port: number, host: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port, path: '/', headers: { Host: host }, agent: false },
			(res) => {
				let body = '';
				res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
				res.on('end', () => resolve({ status: res.statusCode!, body }));
			}
		);
		req.on('error', reject);
		req.end();
	});
}

function post(port: number, host: string, origin: string): Promise<number> {
	const body = 'locale=en&redirectTo=%2Fprivacy';
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port,
				method: 'POST',
				path: '/language',
				agent: false,
				headers: {
					Host: host,
					Origin: origin,
					'Content-Type': 'application/x-www-form-urlencoded',
					'Content-Length': Buffer.byteLength(body)
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode!));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}
