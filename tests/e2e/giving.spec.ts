import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { personas, signInPage } from '../support/e2e-accounts';

/*
 * Giving as Czech donors know it (issue 19): preset amounts with "Jiná částka", the split offered
 * before giving when a gift is larger than what a collection misses, a monthly standing order, and a
 * signed-in donor's details filled in. Relies on the demo data holding an open public collection (the
 * half-funded one) and the demo's bank account; every gift here is a pledge, which reserves nothing,
 * so no test fills a collection for the others.
 */

const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

/** Haléře of a Czech amount on the page ("8 500 Kč", "1 234,50 Kč"). */
function halere(text: string): number {
	const [crowns, rest = '0'] = text.replace(/[\s\u00a0\u202f]|Kč/g, '').split(',');
	return Number(crowns) * 100 + Number(rest.padEnd(2, '0'));
}

/** "8 500" as a donor types it. */
const typed = (h: number) => String(Math.round(h / 100));

/** Opens the first open collection and returns what it still misses, in haléře. */
async function openCollection(page: Page): Promise<number> {
	await page.goto('/collections');
	await page
		.getByRole('link', { name: /^Přispět\s*: / })
		.first()
		.click();
	await expect(page).toHaveURL(/\/collections\/\d+$/);
	const note = (await page.getByText(/^Sbírce ještě chybí /).textContent()) ?? '';
	const missing = halere(note.replace(/^Sbírce ještě chybí /, '').replace(/\.$/, ''));
	expect(missing).toBeGreaterThan(0);
	return missing;
}

const bankForm = (page: Page) => page.locator('form[action="?/bank"]');

test('preset amounts: a radio group usable by keyboard, with "Jiná částka" and a typed amount', async ({
	page
}) => {
	await page.goto('/give');
	const form = bankForm(page);
	const group = form.getByRole('group', { name: 'Výše daru' });
	for (const name of [/^200\sKč/, /^500\sKč/, /^1\s000\sKč/, /^2\s000\sKč/])
		await expect(group.getByRole('radio', { name })).toBeVisible();
	await expect(group.getByRole('radio', { name: 'Jiná částka' })).toBeVisible();

	// the keyboard moves through the presets like through any radio group
	await group.getByRole('radio', { name: /^200\sKč/ }).focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('ArrowRight');
	await expect(group.getByRole('radio', { name: /^500\sKč/ })).toBeChecked();

	// "Jiná částka" with a typed amount gives that amount
	await group.getByRole('radio', { name: 'Jiná částka' }).check();
	await form.getByLabel('Jiná částka v Kč').fill('750');
	await form.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByText(/750\sKč/).first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('without JavaScript a preset and a different typed amount are asked back, not guessed', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/give');
	const form = bankForm(page);
	await form.getByRole('radio', { name: /^500\sKč/ }).check();
	await form.getByLabel('Jiná částka v Kč').fill('800');
	await form.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page.getByText('Vybrali jste jednu částku a napsali jinou.', { exact: false })).toBeVisible();
	await expect(bankForm(page).getByLabel('Jiná částka v Kč')).toHaveValue('800');

	// a preset alone goes through
	await bankForm(page).getByLabel('Jiná částka v Kč').fill('');
	await bankForm(page)
		.getByRole('radio', { name: /^500\sKč/ })
		.check();
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByText(/500\sKč/).first()).toBeVisible();
	await context.close();
});

test('a gift above what a collection misses is offered as a split before giving', async ({ page }) => {
	const missing = await openCollection(page);
	const amount = missing + 100_000;
	await bankForm(page).getByLabel('Jiná částka v Kč').fill(typed(amount));
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();

	// nothing is created yet: the donor is asked where the part above what is missing goes (the public
	// pages send no script, so the form's answer is at the action's address)
	await expect(page).toHaveURL(/\/collections\/\d+(\?\/bank)?$/);
	const offer = bankForm(page);
	await expect(offer.getByRole('alert')).toContainText('Sbírce chybí už jen');
	const split = offer.getByRole('radio', { name: /této sbírce, .* do fondu klubu$/ });
	await expect(split).toBeChecked();
	await expect(split).toHaveAccessibleName(/1\s000\sKč do fondu klubu$/);
	await expect(offer.getByRole('radio', { name: /^Darovat jen .* které sbírce chybí$/ })).toBeVisible();
	await expect(offer.getByRole('radio', { name: /^Celých .* do fondu klubu$/ })).toBeVisible();
	// the amount typed is kept
	await expect(offer.getByLabel('Jiná částka v Kč')).toHaveValue(typed(amount));
	expect(await axeViolations(page)).toEqual([]);

	await offer.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('gift-split')).toContainText(/1\s000\sKč do fondu klubu/);
	await expect(page.getByText(/Dar na potřebu č\. \d+/)).toBeVisible();
});

test('the donor may instead give only what is missing, or all of it to the fund', async ({ page }) => {
	const missing = await openCollection(page);
	const collection = page.url();
	await bankForm(page)
		.getByLabel('Jiná částka v Kč')
		.fill(typed(missing + 50_000));
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await bankForm(page)
		.getByRole('radio', { name: /^Darovat jen/ })
		.check();
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	// the QR code's description names the amount to pay
	const alt = (await page.getByRole('img', { name: /^QR kód pro platbu / }).getAttribute('alt')) ?? '';
	expect(halere(/platbu (.*) s variabilním/.exec(alt)?.[1] ?? '')).toBe(missing);
	await expect(page.getByTestId('gift-split')).toHaveCount(0);

	await page.goto(collection);
	await bankForm(page)
		.getByLabel('Jiná částka v Kč')
		.fill(typed(missing + 50_000));
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await bankForm(page)
		.getByRole('radio', { name: /^Celých/ })
		.check();
	await bankForm(page).getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByText('Dar do obecného fondu klubu.')).toBeVisible();
});

test('a monthly gift by standing order shows instructions with a symbol for every month', async ({
	page
}) => {
	await page.goto('/give');
	const form = bankForm(page);
	await form.getByRole('radio', { name: /^500\sKč/ }).check();
	await form.getByRole('radio', { name: 'Měsíčně převodem (trvalý příkaz)' }).check();
	await form.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Trvalý příkaz' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Jak nastavit trvalý příkaz' })).toBeVisible();
	await expect(page.getByText('Částka každý měsíc')).toBeVisible();
	await expect(page.getByText('měsíčně', { exact: true })).toBeVisible();
	await expect(page.getByTestId('variable-symbol')).toHaveText(/^\s*[1-9][0-9]{8}\s*$/);
	await expect(page.getByText(/platí pro každou měsíční platbu/)).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('a signed-in donor finds their name and e-mail filled in, and may ask for news of the help', async ({
	page
}) => {
	await signInPage(page, 'donor');
	await page.goto('/give');
	await expect(bankForm(page).getByLabel('Jméno a příjmení')).toHaveValue(personas.donor.name);
	await expect(bankForm(page).getByLabel('E-mail')).toHaveValue(personas.donor.email);

	await openCollection(page);
	const form = bankForm(page);
	await expect(form.getByLabel('E-mail')).toHaveValue(personas.donor.email);
	const news = form.getByRole('checkbox', { name: 'Pošlete mi zprávu, až pomoc dorazí a až bude příběh' });
	await expect(news).not.toBeChecked();
	await news.check();
	await form.getByRole('radio', { name: /^200\sKč/ }).check();
	await form.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);

	// the page is personal: never cached
	const again = await page.goto('/give');
	expect(again?.headers()['cache-control']).toBe('no-store');
});

test('a visitor asking for news without an e-mail is asked for one', async ({ page }) => {
	await openCollection(page);
	const form = bankForm(page);
	await expect(form.getByLabel('E-mail')).toHaveValue('');
	await form.getByRole('radio', { name: /^200\sKč/ }).check();
	await form.getByRole('checkbox', { name: /Pošlete mi zprávu/ }).check();
	await form.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(
		bankForm(page).getByText('Abychom vám mohli poslat zprávu, vyplňte prosím e-mail.')
	).toBeVisible();
	await expect(bankForm(page).getByRole('checkbox', { name: /Pošlete mi zprávu/ })).toBeChecked();
});
