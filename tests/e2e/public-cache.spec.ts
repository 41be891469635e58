import { expect, test } from '../support/e2e-server';
import { signInPage } from '../support/e2e-accounts';
import type { APIRequestContext, Browser, Page } from '@playwright/test';

/*
 * The public page cache in front of SvelteKit (scripts/serve.js, src/lib/server/http/page-cache.js), on
 * a server of its own started the way `npm start` starts it (withdrawing and giving change the demo for
 * everyone else). An anonymous visitor's second visit comes from the cache (x-cache: hit), and the moment
 * the coordinator takes a story down, the family's consent is withdrawn or a gift arrives, the very next
 * visit shows it: the database notified every kept page away (migration 0024).
 */
test.describe.configure({ timeout: 240_000 });

const PUBLISHED = 'Týden bez strachu';

async function signedIn(browser: Browser, baseURL: string): Promise<Page> {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signInPage(page, 'coordinator');
	return page;
}

/** The page twice as an anonymous visitor: the second answer comes from the cache, the same page. */
async function servedTwice(anonymous: APIRequestContext, path: string): Promise<string> {
	const first = await anonymous.get(path);
	expect(first.status(), path).toBe(200);
	const second = await anonymous.get(path);
	expect(second.status(), path).toBe(200);
	expect(second.headers()['x-cache'], `${path} the second time`).toBe('hit');
	const body = await second.text();
	expect(body, path).toBe(await first.text());
	return body;
}

/** The published demo story's address, and the coordinator's need page it belongs to. */
async function publishedStory(anonymous: APIRequestContext, coordinator: Page) {
	const list = await servedTwice(anonymous, '/stories');
	expect(list).toContain(PUBLISHED);
	await coordinator.goto('/coordinator/stories');
	const needPath = await coordinator
		.getByRole('row')
		.filter({ hasText: PUBLISHED })
		.getByRole('link')
		.first()
		.getAttribute('href');
	expect(needPath).toMatch(/^\/needs\//);
	await coordinator.goto(needPath!);
	const storyPath = await coordinator
		.getByRole('link', { name: 'Zobrazit příběh' })
		.first()
		.getAttribute('href');
	expect(storyPath).toMatch(/^\/stories\/\d+$/);
	expect(await servedTwice(anonymous, storyPath!)).toContain(PUBLISHED);
	expect(await servedTwice(anonymous, '/')).toContain(PUBLISHED);
	return { needPath: needPath!, storyPath: storyPath! };
}

/** After a change: the list, the home page and the story's page no longer have it, at once. */
async function goneEverywhere(anonymous: APIRequestContext, storyPath: string) {
	expect((await anonymous.get(storyPath)).status()).toBe(404);
	for (const path of ['/stories', '/']) {
		const response = await anonymous.get(path);
		expect(response.status(), path).toBe(200);
		expect(response.headers()['x-cache'], path).toBe('miss');
		expect(await response.text(), path).not.toContain(PUBLISHED);
	}
}

test('a story the coordinator takes down leaves every cached public page at once', async ({
	spolu,
	browser,
	playwright
}) => {
	const app = await spolu.start({ entry: 'serve' });
	const anonymous = await playwright.request.newContext({ baseURL: app.url });
	const coordinator = await signedIn(browser, app.url);
	const { needPath, storyPath } = await publishedStory(anonymous, coordinator);

	await coordinator.goto(needPath);
	await coordinator.getByRole('button', { name: 'Stáhnout z webu' }).click();
	await expect(coordinator.getByText('Příběh už není zveřejněný.')).toBeVisible();
	await goneEverywhere(anonymous, storyPath);
	await anonymous.dispose();
});

test('a withdrawn consent takes the story off every cached public page at once', async ({
	spolu,
	browser,
	playwright
}) => {
	const app = await spolu.start({ entry: 'serve' });
	const anonymous = await playwright.request.newContext({ baseURL: app.url });
	const coordinator = await signedIn(browser, app.url);
	const { needPath, storyPath } = await publishedStory(anonymous, coordinator);

	await coordinator.goto(needPath);
	await coordinator.getByRole('button', { name: 'Odvolat souhlas' }).click();
	await expect(coordinator.getByText('Souhlas je odvolaný a příběh není veřejně vidět.')).toBeVisible();
	await goneEverywhere(anonymous, storyPath);
	await anonymous.dispose();
});

/** "Vybráno 12 500 Kč z 20 000 Kč (62 %)" → "12 500". */
const collectedText = (html: string) => /Vybráno\s+(.+?)\s*Kč\s+z\s/.exec(html.replace(/<[^>]+>/g, ''))?.[1];

test('a gift arriving changes the collection’s figure on its cached page at once', async ({
	spolu,
	page,
	playwright
}) => {
	const app = await spolu.start({ entry: 'serve' });
	const anonymous = await playwright.request.newContext({ baseURL: app.url });
	const list = await servedTwice(anonymous, '/collections');
	const collection = /href="(\/collections\/\d+)"/.exec(list)?.[1];
	expect(collection).toBeTruthy();
	const before = collectedText(await servedTwice(anonymous, collection!));
	expect(before).toBeTruthy();
	const transparency = await servedTwice(anonymous, '/transparency');

	// a visitor gives 200 Kč by card; the demo's test mode books it as a card payment would
	await page.goto(`${app.url}${collection}`);
	await page.getByRole('radio', { name: /^200\sKč$/ }).check();
	await page.getByLabel('Darovat anonymně').check();
	await page.getByRole('button', { name: 'Zaplatit kartou' }).click();
	await expect(page).toHaveURL(/\/give\/card\/test\//);
	await page.getByRole('button', { name: 'Zaplatit (testovací platba)' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Děkujeme za váš dar' })).toBeVisible();

	const after = await anonymous.get(collection!);
	expect(after.headers()['x-cache']).toBe('miss');
	const figure = collectedText(await after.text());
	expect(figure).toBeTruthy();
	expect(figure).not.toBe(before);
	const toNumber = (s: string) => Number(s.replace(/[\s\u00a0\u202f]/g, '').split(',')[0]);
	expect(toNumber(figure!) - toNumber(before!)).toBe(200);
	// the year's gifts on /transparency were dropped too
	const transparencyAfter = await anonymous.get('/transparency');
	expect(transparencyAfter.headers()['x-cache']).toBe('miss');
	expect(await transparencyAfter.text()).not.toBe(transparency);
	await anonymous.dispose();
});
