import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { apiAs, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * The client's protected data on a need's page: the Praha intervention centre's social worker enters it,
 * the contact person (the demo member, clen1) shows it on purpose, the coordinator sees only who the
 * contact person is, the other organisation sees nothing. The values typed here are unique to each run so
 * that finding them anywhere they should not be (the page's load data, a refused answer) means a leak.
 */

test.describe.configure({ mode: 'serial' });

const TITLE = 'Postele a psací stůl pro dvě sestry v novém bytě';
const run = Date.now().toString(36);
const client = {
	name: `Alena Zkušební ${run}`,
	phone: '+420 777 123 456',
	address: `Tajná ${run.length + 10}, Praha 8, kód ${run}`
};

async function signedIn(browser: Browser, persona: Persona) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, persona);
	return { context, page };
}

/** Nothing of the entered data may be in what the page's load sends, for anyone. */
function expectNoClientData(text: string, who: string) {
	expect(text, who).not.toContain(client.name);
	expect(text, who).not.toContain(client.address);
	expect(text, who).not.toContain(run);
}

let needPath = '';

test('the social worker enters the contact for home delivery; the form is accessible', async ({
	browser
}) => {
	const { page, context } = await signedIn(browser, 'socialWorker');
	await page.goto('/needs');
	const href = await page.getByRole('link', { name: TITLE }).first().getAttribute('href');
	expect(href, 'the demo need of the Praha intervention centre').toBeTruthy();
	needPath = href!;
	await page.goto(needPath);

	const section = page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await expect(section).toBeVisible();
	await expect(section).toContainText('uvidí jen kontaktní osoba klubu');
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual(
		[]
	);

	// home delivery without an address is refused next to the field
	await section.getByLabel('Jméno a příjmení klienta').fill(client.name);
	await section.getByLabel('Telefon').fill(client.phone);
	await section.getByRole('radio', { name: /^Doručení domů/ }).check();
	await expect(section).toContainText('Doručení domů zvolte jen tehdy, když je to bezpečné');
	await section.getByRole('button', { name: 'Uložit kontaktní údaje' }).click();
	await expect(section.getByText('Při doručení domů vyplňte adresu.')).toBeVisible();

	await section.getByLabel('Adresa pro doručení').fill(client.address);
	await section.getByRole('button', { name: 'Uložit kontaktní údaje' }).click();
	await expect(section.getByRole('status').first()).toHaveText('Kontaktní údaje jsou uložené.');
	await expect(section).toContainText('Způsob předání: Doručení domů');

	const data = await page.request.get(`${needPath}/__data.json`);
	expect(data.status()).toBe(200);
	expectNoClientData(await data.text(), 'the social worker’s load data');
	await context.close();
});

test('the contact person shows the contact and is warned that the address is confidential', async ({
	browser
}) => {
	expect(needPath).not.toBe('');
	const { page, context } = await signedIn(browser, 'member');
	await page.goto(needPath);
	const section = page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await expect(section).not.toContainText(client.name);
	await section.getByRole('button', { name: 'Zobrazit kontakt' }).click();
	await expect(section).toContainText(client.name);
	await expect(section).toContainText(client.address);
	await expect(section).toContainText('Adresa je důvěrná — nesdělujte ji nikomu dalšímu');
	await expect(section).toContainText('Zobrazení kontaktu bylo zaznamenáno.');
	// the data lives in that answer only: not in the address bar, not after a reload
	expect(page.url()).not.toContain(run);
	const data = await page.request.get(`${needPath}/__data.json`);
	expectNoClientData(await data.text(), 'the contact person’s load data');
	await page.goto(needPath);
	await expect(section).not.toContainText(client.name);
	await context.close();
});

test('the coordinator sees who the contact person is but cannot show the contact', async ({
	browser,
	baseURL
}) => {
	expect(needPath).not.toBe('');
	const { page, context } = await signedIn(browser, 'coordinator');
	await page.goto(needPath);
	const section = page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await expect(section).toContainText('Kontaktní osoba: Tomáš Svoboda');
	await expect(section.getByLabel('Nová kontaktní osoba')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Zobrazit kontakt' })).toHaveCount(0);
	const data = await page.request.get(`${needPath}/__data.json`);
	expectNoClientData(await data.text(), 'the coordinator’s load data');
	await context.close();

	const api = await apiAs(baseURL!, 'coordinator');
	const response = await api.post(`${needPath}?/reveal`, { form: {}, maxRedirects: 0 });
	expect([403, 404]).toContain(response.status());
	expectNoClientData(await response.text(), 'the coordinator’s reveal');
	await api.dispose();
});

test('the other organisation’s social worker gets a 404 and nothing of the contact', async ({ baseURL }) => {
	expect(needPath).not.toBe('');
	const api = await apiAs(baseURL!, 'otherSocialWorker');
	const page = await api.get(needPath, { maxRedirects: 0 });
	expect(page.status()).toBe(404);
	const data = await api.get(`${needPath}/__data.json`, { maxRedirects: 0 });
	expectNoClientData(await data.text(), 'the other organisation’s load data');
	const reveal = await api.post(`${needPath}?/reveal`, { form: {}, maxRedirects: 0 });
	expect(reveal.status()).toBe(404);
	expectNoClientData(await reveal.text(), 'the other organisation’s reveal');
	await api.dispose();
});

test('no one reads the contact from the load data', async ({ baseURL }) => {
	expect(needPath).not.toBe('');
	for (const persona of ['socialWorker', 'member', 'coordinator', 'otherSocialWorker', 'donor'] as const) {
		const api = await apiAs(baseURL!, persona);
		const data = await api.get(`${needPath}/__data.json`, { maxRedirects: 0 });
		expectNoClientData(await data.text(), `${persona}’s load data`);
		await api.dispose();
	}
});

test('after the delivery the contact can still be shown, but no longer entered, changed or passed on', async ({
	browser
}) => {
	// the demo's fridge for OSPOD Brno-střed, delivered eight days ago
	const worker = await signedIn(browser, 'otherSocialWorker');
	await worker.page.goto('/needs');
	const href = await worker.page
		.getByRole('link', { name: 'Lednice do nového bytu' })
		.first()
		.getAttribute('href');
	expect(href).toBeTruthy();
	await worker.page.goto(href!);
	const section = worker.page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await expect(section).toContainText('Kontaktní údaje jsou zadané.');
	await expect(section.getByRole('button', { name: 'Zobrazit kontakt' })).toBeVisible();
	await expect(section.getByLabel('Jméno a příjmení klienta')).toHaveCount(0);
	await worker.context.close();

	const coordinator = await signedIn(browser, 'coordinator');
	await coordinator.page.goto(href!);
	const seen = coordinator.page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await expect(seen).toContainText('Kontaktní osoba: Tomáš Svoboda');
	await expect(seen.getByLabel('Nová kontaktní osoba')).toHaveCount(0);
	await coordinator.context.close();
});
