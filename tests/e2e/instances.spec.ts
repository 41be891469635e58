import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type Db } from '../../src/lib/server/db/client';
import { readFile } from '../../src/lib/server/files/store';
import { encryptBytes, parseKeyRing } from '../../src/lib/server/privacy/encryption';
import { apiAs, openNeedWithPayouts, signInPage } from '../support/e2e-accounts';
import { expect, test, type AppProcess } from '../support/e2e-server';
import { postgresBinaries, startPostgresServer, type PostgresServer } from '../support/postgres-server';

/*
 * Two instances behind one PostgreSQL server, each with its own data directory, as behind a load
 * balancer: a file uploaded through one is served by the other, because files live in the database.
 * And an instance upgraded from the version that kept files on its disk moves them in at start-up.
 */

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);
// the launcher's default DATA_ENCRYPTION_KEY
const KEY = `test:${Buffer.alloc(32, 1).toString('base64')}`;

test.describe('several instances', () => {
	test.skip(!postgresBinaries(), 'needs a PostgreSQL server (apt-get install postgresql), as CI installs');

	let server: PostgresServer | undefined;
	let sql: Db | undefined;
	test.afterEach(async () => {
		await sql?.end({ timeout: 5 });
		server?.stop();
	});

	test('a receipt uploaded through one instance downloads through the other, also after an upgrade', async ({
		spolu,
		browser
	}) => {
		test.setTimeout(180_000);
		server = await startPostgresServer();
		const env = { DATABASE_URL: server.url, SPOLU_DEMO: '1' };
		const one = await spolu.start({ env });
		const other = await spolu.start({ env: { ...env, SPOLU_JOBS: '0' } });
		expect(one.dataDir).not.toBe(other.dataDir);

		// the demo member records a payout with a receipt through the first instance
		const context = await browser.newContext({ baseURL: one.url });
		const page = await context.newPage();
		await signInPage(page, 'member');
		await openNeedWithPayouts(page);
		await page.getByLabel('Dodavateli (obchod, firma)').check();
		await page.getByLabel('Dodavatel nebo způsob platby').fill('Decathlon');
		await page.getByLabel('Částka (Kč)').fill('1');
		await page.getByLabel('Poznámka (nepovinná)').fill('Karimatka');
		await page
			.getByLabel('Doklad (nepovinný)')
			.setInputFiles({ name: 'uctenka.png', mimeType: 'image/png', buffer: PNG });
		await page.getByRole('button', { name: 'Zapsat platbu' }).click();
		await expect(page.getByRole('status')).toHaveText('Platba je zapsaná.');
		const row = page.getByRole('row').filter({ hasText: 'Karimatka' }).last();
		const href = (await row.getByRole('link', { name: /Stáhnout doklad/ }).getAttribute('href'))!;
		await context.close();

		const download = async (app: AppProcess) => {
			const api = await apiAs(app.url, 'member');
			const response = await api.get(href, { maxRedirects: 0 });
			const result = { status: response.status(), headers: response.headers(), body: await response.body() };
			await api.dispose();
			return result;
		};
		const first = await download(one);
		expect(first.status).toBe(200);
		const second = await download(other);
		expect(second.status).toBe(200);
		expect(second.body.equals(first.body)).toBe(true);
		expect(second.headers['content-type']).toBe('image/png');
		expect(second.headers['content-length']).toBe(String(second.body.length));
		expect(second.headers['content-disposition']).toMatch(/^attachment; filename="uctenka.png"/);
		expect(second.headers['cache-control']).toMatch(/no-store/);
		// neither instance wrote a file of its own
		for (const app of [one, other]) expect(existsSync(join(app.dataDir, 'attachments'))).toBe(false);

		// The first instance as the version before: its receipt on its disk, not in the database.
		await one.stop();
		sql = createClient(server.url, { max: 1 });
		const [payout] = await sql<{ key: string; needId: string }[]>`
			select receipt_key as key, need_id::text as "needId" from payouts where note = 'Karimatka'`;
		const keys = parseKeyRing(KEY);
		const context_ = `payouts:${payout!.needId}`;
		const plain = (await readFile(sql, keys, payout!.key, context_))!;
		const [shard, name] = payout!.key.split('/') as [string, string];
		mkdirSync(join(one.dataDir, 'attachments', shard), { recursive: true });
		writeFileSync(join(one.dataDir, 'attachments', shard, name), encryptBytes(keys, plain, context_));
		await sql`delete from stored_files where key = ${payout!.key}`;
		expect((await download(other)).status).toBe(404);

		// upgraded: at its start it moves the file into the database, and the other instance serves it
		await spolu.start({ dataDir: one.dataDir, env });
		const afterUpgrade = await download(other);
		expect(afterUpgrade.status).toBe(200);
		expect(afterUpgrade.body.equals(first.body)).toBe(true);
		expect(existsSync(join(one.dataDir, 'attachments'))).toBe(false);
	});
});
