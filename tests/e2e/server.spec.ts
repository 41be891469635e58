import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { expect, test, type AppProcess } from '../support/e2e-server';

/**
 * What an operator sees of the server process: start-up refusals, an external database, a second
 * instance on one data directory, graceful shutdown and a crash. Each test starts its own `node build`.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const HOME_TITLE = 'Rychlá a bezpečná pomoc pro děti a rodiny zasažené domácím násilím';
const CLUB = 'Provozuje Klub dárců Spolu';
const DEMO_BANNER = 'Ukázková verze.';

/** The lines a process wrote to stderr. */
const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

const lockFile = (app: AppProcess) => join(app.dataDir, 'spolu.lock');

/** Resolves once a new connection to `port` is refused, i.e. the server stopped accepting. */
async function waitUntilRefused(port: number, timeoutMs = 10_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const refused = await new Promise<boolean>((resolve) => {
			const socket = net.connect({ host: '127.0.0.1', port });
			socket.once('connect', () => {
				socket.destroy();
				resolve(false);
			});
			socket.once('error', () => resolve(true));
		});
		if (refused) return;
		if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

test.describe('npm start', () => {
	test('serves plain http://localhost with working forms and reads .env from the working directory', async ({
		spolu,
		request
	}) => {
		const cwd = spolu.tempDir();
		writeFileSync(join(cwd, '.env'), 'SPOLU_DEMO=0\n');
		const app = await spolu.start({ entry: 'serve', cwd, env: { ORIGIN: undefined } });
		expect(app.stdout).toContain(`ORIGIN is not set; serving ${app.url}`);

		const home = await request.get(app.url);
		expect(await home.text(), 'SPOLU_DEMO=0 from .env').not.toContain(DEMO_BANNER);
		const response = await request.post(`${app.url}/language`, {
			headers: { Origin: app.url },
			form: { locale: 'en', redirectTo: '/privacy' },
			maxRedirects: 0
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/privacy');

		// without BANK_IBAN and without Stripe's keys neither way of giving is offered, and the page says so
		const give = await (
			await request.get(`${app.url}/give`, { headers: { cookie: 'PARAGLIDE_LOCALE=cs' } })
		).text();
		expect(give).not.toContain('Platební kartou');
		expect(give).not.toContain('name="amount"');
		expect(give).toContain('Platba bankovním převodem teď bohužel není k dispozici.');
	});
});

test.describe('start-up refusals', () => {
	test('an invalid PORT stops start-up with one line naming it', async ({ spolu }) => {
		const result = await spolu.startExpectingExit({ env: { PORT: 'abc' } });
		expect(result.code).toBe(1);
		expect(result.listened).toBe(false);
		expect(lines(result.stderr)).toEqual([
			'Spolu cannot start: PORT must be a whole number between 0 and 65535 (got "abc")'
		]);
	});

	test('without ORIGIN the build refuses to start, since e-mails could not link back', async ({ spolu }) => {
		const result = await spolu.startExpectingExit({ env: { ORIGIN: undefined } });
		expect(result.code).toBe(1);
		expect(lines(result.stderr)).toEqual([
			'Spolu cannot start: ORIGIN is not set: links in e-mails need the public address, e.g. ORIGIN=https://spolu.example.org'
		]);
	});

	test('a PostgreSQL server without DATA_ENCRYPTION_KEY stops start-up with one line', async ({ spolu }) => {
		const result = await spolu.startExpectingExit({
			env: { DATABASE_URL: 'postgres://spolu@127.0.0.1:1/spolu', DATA_ENCRYPTION_KEY: undefined }
		});
		expect(result.code).toBe(1);
		expect(lines(result.stderr)).toEqual([
			'Spolu cannot start: DATA_ENCRYPTION_KEY is required with DATABASE_URL (generate one with: npm run --silent key)'
		]);
	});

	test('an invalid DATABASE_URL is named but its value is never printed', async ({ spolu }) => {
		for (const value of ['nonsense', 'postgres://spolu:s3cret-Passw0rd@db.example:99999/spolu']) {
			const result = await spolu.startExpectingExit({ env: { DATABASE_URL: value } });
			expect(result.code, value).toBe(1);
			const stderr = lines(result.stderr);
			expect(stderr, value).toHaveLength(1);
			expect(stderr[0], value).toMatch(/^Spolu cannot start: DATABASE_URL /);
			const output = result.stdout + result.stderr;
			expect(output, value).not.toContain('nonsense');
			expect(output, value).not.toContain('s3cret');
		}
	});

	test('a failing migration stops start-up, names the file and leaves nothing half-applied', async ({
		spolu
	}) => {
		const database = await spolu.externalDatabase((db) => db.exec('create table app_state (x int)'));
		const result = await spolu.startExpectingExit({
			env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '1' }
		});
		expect(result.code).toBe(1);
		expect(result.listened).toBe(false);
		const stderr = lines(result.stderr);
		expect(stderr).toHaveLength(1);
		expect(stderr[0]).toMatch(/^Spolu cannot start: 0001_foundation\.sql failed: .*already exists/);
		// The migration ran in a transaction: none of its tables exist, and it is not recorded as applied.
		const { rows } = await database.db.query<{ jobs: string | null; migrations: string | null }>(
			`select to_regclass('jobs')::text as jobs, to_regclass('schema_migrations')::text as migrations`
		);
		expect(rows).toEqual([{ jobs: null, migrations: null }]);
	});
});

test.describe('external database', () => {
	test('with DATABASE_URL there is no demo data unless asked for', async ({ spolu, page, request }) => {
		const database = await spolu.externalDatabase();
		const app = await spolu.start({ env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '1' } });

		const health = await request.get(`${app.url}/healthz`);
		expect(health.status()).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });

		const response = await page.goto(app.url);
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOME_TITLE);
		await expect(page.getByRole('complementary', { name: DEMO_BANNER })).toHaveCount(0);
		await expect(page.getByText(CLUB)).toHaveCount(0);
		// No embedded database was created next to it.
		expect(existsSync(app.dataDir)).toBe(false);
	});

	test('with SPOLU_DEMO=1 the demo is loaded; when the database goes away the app says so without details', async ({
		spolu,
		page,
		request
	}) => {
		const database = await spolu.externalDatabase();
		const app = await spolu.start({
			env: { DATABASE_URL: database.url, DATABASE_POOL_MAX: '1', SPOLU_DEMO: '1' }
		});
		expect((await request.get(`${app.url}/healthz`)).status()).toBe(200);
		await page.goto(app.url);
		await expect(page.getByRole('complementary', { name: DEMO_BANNER })).toBeVisible();
		await expect(page.getByText(CLUB)).toBeVisible();

		await database.stop();

		const health = await request.get(`${app.url}/healthz`);
		expect(health.status()).toBe(503);
		expect(await health.json()).toEqual({ status: 'unavailable', database: 'unavailable' });

		// a fresh address: the browser may keep the public home page it was just sent for a minute
		const response = await page.goto(`${app.url}/?database=stopped`);
		expect(response?.status()).toBe(500);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Něco se pokazilo');
		const reference = page.getByText(/kód chyby: [0-9a-f-]{36}/);
		await expect(reference).toBeVisible();
		const id = /kód chyby: ([0-9a-f-]{36})/.exec(await reference.innerText())![1]!;

		const html = await response!.text();
		const port = new URL(database.url).port;
		for (const leak of ['ECONNREFUSED', 'postgres', 'PGlite', `127.0.0.1:${port}`]) {
			expect(html, `the page must not reveal "${leak}"`).not.toContain(leak);
		}
		// The operator finds the details in the log under the same reference.
		await expect.poll(() => app.stderr).toContain(id);
	});
});

test.describe('embedded database', () => {
	test('a second instance on the same data directory refuses to start; the first keeps serving', async ({
		spolu,
		page,
		request
	}) => {
		const dataDir = join(spolu.tempDir(), 'data');
		const first = await spolu.start({ dataDir });

		const second = await spolu.startExpectingExit({ dataDir });
		expect(second.code).toBe(1);
		expect(second.listened).toBe(false);
		const stderr = lines(second.stderr);
		expect(stderr).toHaveLength(1);
		expect(stderr[0]).toMatch(/^Spolu cannot start: .* is in use by another process \(pid (\d+)\)/);
		expect(stderr[0]).toContain(`(pid ${first.pid})`);

		// The refused instance did not take or remove the first one's lock.
		expect(readFileSync(join(dataDir, 'spolu.lock'), 'utf8')).toBe(String(first.pid));
		expect(first.running).toBe(true);
		const health = await request.get(`${first.url}/healthz`);
		expect(health.status()).toBe(200);
		await page.goto(first.url);
		await expect(page.getByRole('complementary', { name: DEMO_BANNER })).toBeVisible();
		await expect(page.getByText(CLUB)).toBeVisible();
	});

	test('SIGTERM answers the request in flight, then closes the database and exits 0', async ({ spolu }) => {
		const app = await spolu.start();
		expect(readFileSync(lockFile(app), 'utf8')).toBe(String(app.pid));

		const body = 'locale=en&redirectTo=%2Fprivacy';
		const request = http.request({
			host: '127.0.0.1',
			port: app.port,
			method: 'POST',
			path: '/language',
			agent: false,
			headers: {
				Host: `localhost:${app.port}`,
				Origin: app.url,
				'Content-Type': 'application/x-www-form-urlencoded',
				'Content-Length': Buffer.byteLength(body),
				// The server answers "100 Continue" once it has read the headers: from then on the
				// request is in flight, whatever happens to the rest of the body.
				Expect: '100-continue',
				Connection: 'close'
			}
		});
		const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
			request.once('response', (res) => {
				res.resume();
				res.once('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
				res.once('error', reject);
			});
			request.once('error', reject);
		});
		const headersRead = new Promise<void>((resolve) => request.once('continue', resolve));
		request.flushHeaders();
		await headersRead;
		request.write(body.slice(0, 12));

		app.signal('SIGTERM');
		// Shutdown has begun once the server stops accepting new connections.
		await waitUntilRefused(app.port);
		expect(app.running).toBe(true);
		request.end(body.slice(12));

		const answer = await response;
		expect(answer.status).toBe(303);
		expect(answer.headers.location).toBe('/privacy');
		expect(answer.headers['set-cookie']?.join('\n')).toMatch(/^PARAGLIDE_LOCALE=en;/);

		const exit = await app.waitForExit();
		expect(exit, app.describeOutput()).toEqual({ code: 0, signal: null });
		expect(existsSync(lockFile(app)), 'the lock file is removed').toBe(false);
		expect(app.stderr).toBe('');
	});

	test('after kill -9 a restart takes over the stale lock and finds the data once', async ({
		spolu,
		page,
		request
	}) => {
		const dataDir = join(spolu.tempDir(), 'data');
		const env = { LOG_LEVEL: 'info' };
		const first = await spolu.start({ dataDir, env });
		expect(first.stdout).toContain('demo data loaded');
		await page.goto(first.url);
		await expect(page.getByText(CLUB)).toBeVisible();

		first.signal('SIGKILL');
		expect(await first.waitForExit()).toEqual({ code: null, signal: 'SIGKILL' });
		expect(readFileSync(join(dataDir, 'spolu.lock'), 'utf8'), 'a stale lock is left').toBe(String(first.pid));

		const second = await spolu.start({ dataDir, env });
		expect(readFileSync(join(dataDir, 'spolu.lock'), 'utf8')).toBe(String(second.pid));
		const health = await request.get(`${second.url}/healthz`);
		expect(health.status()).toBe(200);
		expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
		// The database survived: nothing was migrated or seeded again.
		expect(second.stdout).not.toContain('migrations applied');
		expect(second.stdout).not.toContain('demo data loaded');

		await page.goto(second.url);
		await expect(page.getByRole('complementary', { name: DEMO_BANNER })).toHaveCount(1);
		await expect(page.getByRole('complementary', { name: DEMO_BANNER })).toBeVisible();
		await expect(page.getByText(CLUB)).toHaveCount(1);
		await expect(page.getByText(CLUB)).toBeVisible();
	});
});
