import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, personas, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * The start page (/start) every signed-in person lands on: each demo role sees its own sections, with
 * what waits for it, and the links lead to where the work is done. Other suites change the shared demo
 * data (they vote, assign payments, answer questions), so these tests rely only on what the demo keeps:
 * the organisation's needs, the contact person's deliveries, the triage queue, the donor's gift.
 */

const NEED_PAGE = /\/needs\/[0-9a-f-]{36}$/;

async function signedIn(
	browser: Browser,
	persona: Persona
): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, persona);
	await expect(page).toHaveURL(/\/start$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Přehled' })).toBeVisible();
	return { page, close: () => context.close() };
}

/** No accessibility violations and nothing wider than a phone at 390 px. */
async function checkPage(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual(
		[]
	);
	await page.setViewportSize({ width: 390, height: 844 });
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	expect(width, 'the start page fits a 390 px phone').toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 800 });
}

const region = (page: Page, name: RegExp) => page.getByRole('region', { name });

test('the social worker lands on what waits for the organisation and its needs by state', async ({
	browser
}) => {
	const { page, close } = await signedIn(browser, 'socialWorker');
	await expect(region(page, /^Vaše organizace/)).toBeVisible();
	// only the sections of the worker's role
	await expect(region(page, /^Koordinace klubu/)).toHaveCount(0);
	await expect(region(page, /^Hlasování a předávání pomoci/)).toHaveCount(0);
	await expect(region(page, /^Vaše dary/)).toHaveCount(0);

	const states = region(page, /^Potřeby organizace podle stavu/);
	await expect(states.getByRole('link').first()).toBeVisible();
	await checkPage(page);

	// the demo organisation has drafts and a question of the coordinator: something waits
	const waiting = region(page, /^Čeká na vás/);
	const first = waiting.getByRole('listitem').first();
	await expect(first).toBeVisible();
	await expect(first).toContainText(/Odpovězte koordinátorovi|Dokončete ji|Doplňte údaje|Potvrďte převzetí/);
	await first.getByRole('link').click();
	await expect(page).toHaveURL(NEED_PAGE);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.goto('/start');
	await page.getByRole('link', { name: /Všechny potřeby organizace/ }).click();
	await expect(page).toHaveURL(/\/needs$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Potřeby vaší organizace' })).toBeVisible();
	await close();
});

test('the member lands on the polls waiting for their vote, the needs they deliver and the fund', async ({
	browser
}) => {
	const { page, close } = await signedIn(browser, 'member');
	await expect(region(page, /^Hlasování a předávání pomoci/)).toBeVisible();
	await expect(region(page, /^Vaše organizace/)).toHaveCount(0);
	await expect(region(page, /^Koordinace klubu/)).toHaveCount(0);

	// the polls: each waiting one, or the kind word that none waits
	const polls = region(page, /^Hlasování, která čekají na váš hlas/);
	await expect(
		polls
			.getByRole('listitem')
			.first()
			.or(polls.getByText('Nic na vás nečeká', { exact: false }))
	).toBeVisible();
	await expect(region(page, /^Obecný fond klubu/)).toContainText('Zůstatek:');
	await checkPage(page);

	// clen1 is the contact person of the demo's approved needs: the list the fund page only hinted at
	const deliveries = region(page, /^Potřeby, které předáváte jako kontaktní osoba/);
	const first = deliveries.getByRole('listitem').first();
	await expect(first).toBeVisible();
	await expect(first).toContainText(
		/Domluvte|Zapište nákup|Zapište předání|Čeká se|Předáno|Peníze se ještě shánějí/
	);
	await first.getByRole('link').click();
	await expect(page).toHaveURL(NEED_PAGE);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.goto('/start');
	await polls.getByRole('link', { name: 'Všechna hlasování' }).click();
	await expect(page).toHaveURL(/\/votes$/);
	await close();
});

test('the coordinator lands on the triage queue, money to assign, stories and access requests', async ({
	browser
}) => {
	const { page, close } = await signedIn(browser, 'coordinator');
	await expect(region(page, /^Koordinace klubu/)).toBeVisible();
	for (const name of [
		/^Potřeby čekající na posouzení/,
		/^Platby čekající na přiřazení/,
		/^Příběhy čekající na schválení/,
		/^Žádosti o přístup/
	])
		await expect(region(page, name)).toBeVisible();
	// the demo coordinator is a member too: the member's section follows
	await expect(region(page, /^Hlasování a předávání pomoci/)).toBeVisible();
	await checkPage(page);

	const triage = region(page, /^Potřeby čekající na posouzení/);
	await triage.getByRole('listitem').first().getByRole('link').click();
	await expect(page).toHaveURL(NEED_PAGE);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	await page.goto('/start');
	await region(page, /^Potřeby čekající na posouzení/)
		.getByRole('link', { name: 'Celá fronta potřeb' })
		.click();
	await expect(page).toHaveURL(/\/coordinator\/needs$/);

	await page.goto('/start');
	await region(page, /^Platby čekající na přiřazení/)
		.getByRole('link', { name: 'Přiřadit platby' })
		.click();
	await expect(page).toHaveURL(/\/coordinator\/money\/bank#bank-unassigned$/);
	await expect(page.getByRole('heading', { level: 2, name: 'Platby čekající na přiřazení' })).toBeVisible();
	await close();
});

test('the donor lands on their gifts and what they did', async ({ browser }) => {
	const { page, close } = await signedIn(browser, 'donor');
	await expect(region(page, /^Vaše dary/)).toBeVisible();
	await expect(region(page, /^Vaše organizace/)).toHaveCount(0);
	await expect(region(page, /^Koordinace klubu/)).toHaveCount(0);
	await expect(region(page, /^Hlasování a předávání pomoci/)).toHaveCount(0);

	// the demo donor's bank gift of 1 000 Kč to the general fund
	const gifts = region(page, /^Vaše poslední dary/);
	await expect(gifts.getByRole('listitem').filter({ hasText: 'Obecný fond klubu' }).first()).toContainText(
		/1\s000\sKč/
	);
	await expect(region(page, /^Co vaše dary udělaly/)).toBeVisible();
	await checkPage(page);

	await gifts.getByRole('link', { name: 'Všechny dary a potvrzení o daru' }).click();
	await expect(page).toHaveURL(/\/profile\/gifts$/);
	await close();
});

test('a sign-in from a page that asked for it still returns to that page', async ({ page }) => {
	await page.goto('/fund');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Ffund$/);
	await page.getByLabel('E-mail').fill(personas.member.email);
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page).toHaveURL(/\/fund$/);

	// the main navigation leads back to the start page; the sign-in page sends the signed-in there too
	await page
		.getByRole('navigation', { name: 'Hlavní navigace' })
		.getByRole('link', { name: 'Přehled' })
		.click();
	await expect(page).toHaveURL(/\/start$/);
	await page.goto('/login');
	await expect(page).toHaveURL(/\/start$/);
});
