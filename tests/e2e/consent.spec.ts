import { expect, test } from '../support/e2e-server';
import { signInPage, type Persona } from '../support/e2e-accounts';
import type { Browser } from '@playwright/test';

/*
 * A story the family agreed to show to signed-in donors only, on a server of its own (publishing changes
 * the demo for everyone else). The worker chooses the audience and reads back who will see the story,
 * the coordinator's publishing step says it again, and then no anonymous visitor, feed, sitemap or
 * shared cache gets it, while a signed-in donor reads it with a response no cache may keep.
 */
test.describe.configure({ timeout: 240_000 });

const STORY = 'Čerstvé jídlo pro malého kluka';

async function signedIn(browser: Browser, baseURL: string, persona: Persona) {
	const context = await browser.newContext({ baseURL });
	const page = await context.newPage();
	await signInPage(page, persona);
	return page;
}

test('a story for donors only reaches signed-in donors and no public place', async ({
	spolu,
	browser,
	playwright
}) => {
	const app = await spolu.start();

	// the fridge's organisation records the consent for donors only, with the social networks ticked too
	const coordinator = await signedIn(browser, app.url, 'coordinator');
	await coordinator.goto('/coordinator/stories');
	const row = coordinator.getByRole('row').filter({ hasText: STORY });
	const needPath = await row.getByRole('link').getAttribute('href');
	expect(needPath).toMatch(/^\/needs\//);

	const worker = await signedIn(browser, app.url, 'otherSocialWorker');
	await worker.goto(needPath!);
	await worker.getByLabel('Jen dárci přihlášení ke svému účtu na tomto webu').check();
	await worker.getByLabel('Klub smí příběh sdílet i na svých sociálních sítích').check();
	await worker.getByRole('button', { name: 'Uložit změnu souhlasu' }).click();
	await expect(worker.getByText(/nejde sdílet na sociálních sítích/)).toBeVisible();
	await worker.getByLabel('Klub smí příběh sdílet i na svých sociálních sítích').uncheck();
	await worker.getByRole('button', { name: 'Uložit změnu souhlasu' }).click();
	await expect(worker.getByText(/^Souhlas udělen/)).toContainText(
		'přečtou jen dárci přihlášení ke svému účtu na tomto webu. Veřejnost, vyhledávače ani sociální sítě ho neuvidí.'
	);

	// the publishing step repeats who will read it, and so does its button
	await coordinator.goto(needPath!);
	await expect(coordinator.getByText(/^Kdo příběh uvidí:/)).toContainText('jen dárci přihlášení');
	await coordinator.getByRole('button', { name: 'Zveřejnit jen pro přihlášené dárce' }).click();
	await expect(coordinator.getByText('Vidí ho jen přihlášení dárci, veřejnost ne.')).toBeVisible();
	const storyPath = await coordinator
		.getByRole('link', { name: 'Zobrazit příběh' })
		.first()
		.getAttribute('href');
	expect(storyPath).toMatch(/^\/stories\/\d+$/);

	// anonymous: no page, photo, list, home, feed or sitemap has it
	const anonymous = await playwright.request.newContext({ baseURL: app.url });
	expect((await anonymous.get(storyPath!)).status()).toBe(404);
	expect((await anonymous.get(`${storyPath}/photo`)).status()).toBe(404);
	for (const path of ['/', '/stories', '/stories/feed.xml', '/sitemap.xml']) {
		const response = await anonymous.get(path);
		expect(response.status(), path).toBe(200);
		const body = await response.text();
		expect(body, path).not.toContain(STORY);
		expect(body, path).not.toContain(`${storyPath}"`);
		expect(body, path).not.toContain(`${storyPath}<`);
	}

	// a signed-in donor reads it, and the answer is for them alone: no shared cache may keep it
	const donor = await signedIn(browser, app.url, 'donor');
	const page = await donor.goto(storyPath!);
	expect(page?.status()).toBe(200);
	await expect(donor.getByRole('heading', { level: 1 })).toHaveText(STORY);
	const cacheControl = page?.headers()['cache-control'] ?? '';
	expect(cacheControl).not.toContain('public');
	expect(cacheControl).toMatch(/no-store|private/);
	await donor.goto('/stories');
	await expect(donor.getByRole('link', { name: STORY })).toBeVisible();

	// after the donor's visit, an anonymous visitor still gets nothing
	expect((await anonymous.get(storyPath!)).status()).toBe(404);
	await anonymous.dispose();
});
