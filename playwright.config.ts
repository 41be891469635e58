import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET, STRIPE_PORT } from './tests/support/e2e-stripe';

/**
 * End-to-end tests against the production build (`npm run build` first): `node scripts/serve.js` on port 4173 with
 * a fresh embedded database, so every run starts with the demo data and nothing from a developer's
 * `./data`. Specs that need their own servers (start-up failures, shutdown, external database) start
 * them with tests/support/e2e-server.ts on ports 4100–4199.
 */

const PORT = 4173;
// The browser and the app must agree on the origin: adapter-node assumes https without ORIGIN, and then
// SvelteKit's CSRF check refuses every form post from http://. `localhost` (not 127.0.0.1) lets
// SvelteKit's cookies omit `Secure` on plain http, as a browser requires.
const E2E_ORIGIN = `http://localhost:${PORT}`;

// This file is evaluated by the runner and again by every worker; only the first evaluation (the
// runner, whose environment the workers inherit) creates the data directory, and it removes it at exit.
if (!process.env.SPOLU_E2E_DATA_DIR) {
	const dir = mkdtempSync(join(tmpdir(), 'spolu-e2e-'));
	process.env.SPOLU_E2E_DATA_DIR = dir;
	process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
const dataDir = process.env.SPOLU_E2E_DATA_DIR;

const systemChromium = '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	forbidOnly: !!process.env.CI,
	retries: 0,
	workers: 2,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: E2E_ORIGIN,
		trace: 'retain-on-failure',
		navigationTimeout: 15_000,
		actionTimeout: 10_000
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: existsSync(systemChromium) ? systemChromium : undefined,
					args: [
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--disable-quic',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: [
		{
			// Stripe's API, faked locally: Checkout's page "pays" and sends the signed webhook to the app
			command: `npx tsx ${JSON.stringify(fileURLToPath(new URL('./tests/support/fake-stripe-cli.ts', import.meta.url)))}`,
			url: `http://127.0.0.1:${STRIPE_PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'ignore',
			stderr: 'pipe',
			env: {
				FAKE_STRIPE_PORT: String(STRIPE_PORT),
				FAKE_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${PORT}/api/stripe/webhook`,
				FAKE_STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET
			}
		},
		{
			// What a deployment runs (scripts/serve.js: the page cache and compression in front of the build).
			// Run from the data directory so that a developer's `.env` in the checkout is not read.
			command: `node ${JSON.stringify(fileURLToPath(new URL('./scripts/serve.js', import.meta.url)))}`,
			cwd: dataDir,
			url: `http://127.0.0.1:${PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 120_000,
			stdout: 'ignore',
			stderr: 'pipe',
			gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				ORIGIN: E2E_ORIGIN,
				SPOLU_DATA_DIR: join(dataDir, 'data'),
				// Empty counts as unset: never an external database from the caller's environment.
				DATABASE_URL: '',
				SPOLU_DEMO: '',
				SPOLU_JOBS: '1',
				SPOLU_JOBS_POLL_MS: '500',
				LOG_LEVEL: 'warn',
				BODY_SIZE_LIMIT: '11M',
				STRIPE_SECRET_KEY: E2E_STRIPE_SECRET_KEY,
				STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
				STRIPE_API_URL: `http://127.0.0.1:${STRIPE_PORT}`
			}
		}
	]
});
