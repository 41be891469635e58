import { expect, test } from '../support/e2e-server';

/**
 * Sign-in throttling against its own server (its buckets would otherwise lock the shared server's
 * other tests out): the answer is 429 with how long to wait, and a forged X-Forwarded-For changes nothing,
 * since Spolu only trusts it when ADDRESS_HEADER says so.
 */
test.describe.configure({ timeout: 180_000 });

test('repeated wrong passwords get 429 saying how long to wait, and a forged X-Forwarded-For resets nothing', async ({
	spolu,
	request
}) => {
	const app = await spolu.start();
	const attempt = (forwardedFor: string) =>
		request.post(`${app.url}/login`, {
			headers: { Origin: app.url, Accept: 'text/html', 'X-Forwarded-For': forwardedFor },
			form: { email: 'clen2@example.org', password: 'spatne-heslo' },
			maxRedirects: 0
		});
	const statuses: number[] = [];
	const waits: number[] = [];
	for (let i = 0; i < 10; i++) {
		const response = await attempt(`198.51.100.${i}`);
		statuses.push(response.status());
		if (response.status() === 429) {
			waits.push(Number(response.headers()['retry-after']));
			expect(await response.text()).toMatch(/Příliš mnoho pokusů\. Zkuste to prosím znovu za \d+ s\./);
		}
	}
	expect(statuses.slice(0, 3)).toEqual([400, 400, 400]);
	expect(statuses.slice(3)).toContain(429);
	expect(waits.every((w) => w >= 1)).toBe(true);

	// Even the right password waits now, whatever address the request claims.
	const right = await request.post(`${app.url}/login`, {
		headers: { Origin: app.url, Accept: 'text/html', 'X-Forwarded-For': '203.0.113.99' },
		form: { email: 'clen2@example.org', password: 'spolu-demo-2026' },
		maxRedirects: 0
	});
	expect(right.status()).toBe(429);
	expect(app.stderr).toBe('');
});
