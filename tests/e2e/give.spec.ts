import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInPage } from '../support/e2e-accounts';

/*
 * Giving by bank transfer as the public and members do it: a collection, the general fund, dues. It
 * relies on the demo data holding at least one open public collection (the half-funded one) and on the
 * demo's bank account (the Czech National Bank's example account, CZ65 0800 0000 1920 0014 5399). The
 * collection is picked through the page, never by id or title, and each test pledges a small amount
 * so that none of them fills it.
 */

const DEMO_IBAN = 'CZ65 0800 0000 1920 0014 5399';
const SURPLUS_NOTE =
	'Pokud sbírka mezitím dosáhne cílové částky, použijeme váš dar na jiné potřeby rodin z obecného fondu klubu.';

const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

/** The pledge page shows what to pay and where, and a QR code the server really serves. */
async function expectPaymentDetails(page: Page, amount: RegExp) {
	await expect(page).toHaveURL(/\/give\/pledge\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Platební údaje' })).toBeVisible();
	await expect(page.getByText('čekáme na platbu')).toBeVisible();
	await expect(page.getByText(amount).first()).toBeVisible();
	await expect(page.getByText(DEMO_IBAN)).toBeVisible();
	await expect(page.getByText('19-2000145399/0800')).toBeVisible();
	const symbol = (await page.getByTestId('variable-symbol').textContent())?.trim() ?? '';
	expect(symbol).toMatch(/^[1-9][0-9]{8}$/);
	const qr = page.getByRole('img', { name: new RegExp(`QR kód pro platbu .* ${symbol}`) });
	await expect(qr).toBeVisible();
	const src = await qr.getAttribute('src');
	expect(src).toBe(`${new URL(page.url()).pathname}/qr.svg`);
	const svg = await page.request.get(src!);
	expect(svg.status()).toBe(200);
	expect(svg.headers()['content-type']).toContain('image/svg+xml');
	expect(await svg.text()).toContain('<svg');
	await expect(page.getByText(/obvykle do několika pracovních dnů/)).toBeVisible();
	return symbol;
}

test('a visitor pledges 200 Kč to a collection and gets the account, the symbol and a QR code', async ({
	page
}) => {
	const list = await page.goto('/collections');
	expect(list?.status()).toBe(200);
	expect(list?.headers()['cache-control']).toBe('public, no-cache');
	await expect(page.getByRole('heading', { level: 1, name: 'Sbírky na potřeby rodin' })).toBeVisible();
	await expect(page.getByText(/Vybráno .* z .*%/).first()).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	await page
		.getByRole('link', { name: /^Přispět\s*: / })
		.first()
		.click();
	await expect(page).toHaveURL(/\/collections\/\d+$/);
	await expect(page.getByRole('heading', { name: 'Jak přispět' })).toBeVisible();
	await expect(page.getByText(SURPLUS_NOTE)).toBeVisible();
	// nothing about the family beyond the public fields
	await expect(page.getByText(/Situace|Položky|Okres/)).toHaveCount(0);

	await page.getByLabel('Částka v Kč').fill('abc');
	await page.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page.getByText('Zadejte prosím částku v korunách')).toBeVisible();

	await page.getByLabel('Částka v Kč').fill('200');
	await page.getByLabel('Jméno a příjmení').fill('Marie Dárcovská');
	await page.getByLabel('E-mail').fill('marie.darcovska@example.org');
	await page.getByLabel('Adresa').fill('Dlouhá 12, 110 00 Praha 1');
	await page.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();

	await expectPaymentDetails(page, /200\sKč/);
	await expect(page.getByText(/Dar na potřebu č\. \d+/)).toBeVisible();
	await expect(page.getByText(/DAR POTREBA|Dar potreba c\. \d+/)).toBeVisible();
	// the pledge's page never shows who gave
	const html = await page.content();
	for (const personal of ['Marie Dárcovská', 'marie.darcovska@example.org', 'Dlouhá 12'])
		expect(html).not.toContain(personal);
	expect(await axeViolations(page)).toEqual([]);
});

test('an unknown pledge, QR code or collection is a 404', async ({ request }) => {
	const missing = '00000000-0000-4000-8000-000000000000';
	expect((await request.get(`/give/pledge/${missing}`)).status()).toBe(404);
	expect((await request.get(`/give/pledge/${missing}/qr.svg`)).status()).toBe(404);
	expect((await request.get('/give/pledge/not-an-id')).status()).toBe(404);
	expect((await request.get('/collections/999999')).status()).toBe(404);
	expect((await request.get('/collections/abc')).status()).toBe(404);
});

test('a visitor gives to the general fund', async ({ page }) => {
	await page.goto('/give');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Přispět do obecného fondu klubu' })
	).toBeVisible();
	await expect(page.getByText(SURPLUS_NOTE)).toHaveCount(0);
	await page.getByLabel('Částka v Kč').fill('1 000');
	await page.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expectPaymentDetails(page, /1\s000\sKč/);
	await expect(page.getByText('Dar do obecného fondu klubu.')).toBeVisible();
	await expect(page.getByText('Dar Spolu')).toBeVisible();
});

test('a member pays dues and finds the pledge among their own payments', async ({ page }) => {
	const anonymous = await page.request.get('/dues', { maxRedirects: 0 });
	expect(anonymous.status()).toBe(303);
	expect(anonymous.headers()['location']).toContain('/login');

	await signInPage(page, 'member');
	// signed in, the collections page is personal and never cached
	const list = await page.goto('/collections');
	expect(list?.headers()['cache-control']).toBe('no-store');

	await page.goto('/dues');
	await expect(page.getByRole('heading', { level: 1, name: 'Členský příspěvek' })).toBeVisible();
	await page.getByLabel('Jiná částka', { exact: true }).check();
	await page.getByLabel('Jiná částka v Kč').fill('');
	await page.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	await expect(page.getByText('Zadejte prosím částku v korunách')).toBeVisible();

	await page.getByRole('radio', { name: /^500\sKč ročně$/ }).check();
	await page.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	const symbol = await expectPaymentDetails(page, /500\sKč/);
	await expect(page.getByText('Členský příspěvek.')).toBeVisible();

	await page.goto('/profile/gifts');
	await expect(page.getByRole('heading', { level: 1, name: 'Moje dary a platby' })).toBeVisible();
	const row = page.getByRole('row').filter({ hasText: symbol });
	await expect(row).toContainText('Členský příspěvek');
	await expect(row).toContainText('čekáme na platbu');
	expect(await axeViolations(page)).toEqual([]);
});
