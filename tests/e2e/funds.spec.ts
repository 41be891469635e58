import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs, openNeedWithPayouts, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * The club's money on the need page and on the members' fund page. It uses the demo's money: a funded
 * general fund, a half-funded approved need and a need with money on its account whose contact person is
 * the demo member (clen1). Needs are found through /fund by what the page shows, never by id.
 */

test.describe.configure({ mode: 'serial' });

const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64'
);

async function signedIn(browser: Browser, persona: Persona) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, persona);
	return { context, page };
}

const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

test('the coordinator allocates from the fund to a half-funded need and sees its progress change', async ({
	browser
}) => {
	const { page, context } = await signedIn(browser, 'coordinator');
	await page.goto('/fund');
	const item = page.getByRole('listitem').filter({ hasText: 'zbývá' }).first();
	const link = item.getByRole('link');
	const title = (await link.innerText()).trim();
	await link.click();
	await expect(page.getByRole('heading', { name: 'Peníze' })).toBeVisible();
	const progress = page.locator('#money-progress');
	const before = (await progress.innerText()).trim();
	expect(before).toMatch(/^Vybráno .+ z .+, zbývá .+$/);
	await expect(page.getByText('z toho z fondu klubu')).toBeVisible();
	await expect(page.getByText('Zůstatek na účtu potřeby')).toBeVisible();

	await page.getByText('Přidělit peníze z fondu klubu').click();
	await expect(page.getByText(/^Ve fondu klubu je teď/)).toBeVisible();
	const amount = page.getByLabel('Částka z fondu (Kč)');
	// prefilled with what is missing (or what the fund holds, if less)
	await expect(amount).not.toHaveValue('');
	await amount.fill('abc');
	await page.getByRole('button', { name: 'Přidělit z fondu' }).click();
	await expect(page.getByText('Zadejte částku v Kč, např. 1500 nebo 1 500,50.')).toBeVisible();
	await amount.fill('100');
	await page.getByRole('button', { name: 'Přidělit z fondu' }).click();
	await expect(page.getByRole('status')).toContainText('Peníze z fondu jsou přidělené');
	await expect(progress).not.toHaveText(before);
	await expect(page.getByText('Přiděleno z fondu klubu 100 Kč').first()).toBeVisible();

	// the members' page shows the new progress of the same need
	await page.goto('/fund');
	const again = page.getByRole('listitem').filter({ hasText: title });
	await expect(again).not.toContainText(before);
	expect(await axeViolations(page)).toEqual([]);
	await context.close();
});

test('a member sees the general fund and the approved needs with their progress on /fund', async ({
	browser,
	baseURL
}) => {
	const { page, context } = await signedIn(browser, 'member');
	await page.goto('/fund');
	await expect(page.getByRole('heading', { name: 'Fond klubu', level: 1 })).toBeVisible();
	const balance = page.getByRole('region', { name: 'Zůstatek obecného fondu' });
	await expect(balance).toContainText('Kč');
	const needs = page.getByRole('region', { name: 'Schválené potřeby' });
	await expect(needs.getByRole('listitem').first()).toContainText(/Vybráno .+ z /);
	await expect(needs.getByRole('progressbar').first()).toBeVisible();
	// members read no organisation on the fund page
	await expect(page.getByText('Intervenční centrum Praha')).toHaveCount(0);
	await expect(page.getByText('OSPOD Brno-střed')).toHaveCount(0);
	expect(await axeViolations(page)).toEqual([]);

	// a donor is not a member
	const donor = await apiAs(baseURL!, 'donor');
	expect((await donor.get('/fund', { maxRedirects: 0 })).status()).toBe(403);
	await donor.dispose();
	await context.close();
});

test('the contact person records a payout with a receipt and downloads it; only those allowed may', async ({
	browser,
	baseURL
}) => {
	const { page, context } = await signedIn(browser, 'member');
	await openNeedWithPayouts(page);
	await expect(page.getByText('Zůstatek na účtu potřeby')).toBeVisible();

	// the family is never named in a payout
	await page.getByLabel('Dodavateli (obchod, firma)').check();
	await page.getByLabel('Dodavatel nebo způsob platby').fill('Jana Nováková');
	await page.getByLabel('Částka (Kč)').fill('1');
	await page.getByRole('button', { name: 'Zapsat platbu' }).click();
	await expect(page.getByRole('alert')).toContainText('rodina v nich proto nesmí být jmenována');
	await expect(page.getByLabel('Dodavatel nebo způsob platby')).toHaveAttribute('aria-invalid', 'true');

	// more than the need's account holds
	await page.getByLabel('Dodavatel nebo způsob platby').fill('Decathlon');
	await page.getByLabel('Částka (Kč)').fill('900 000');
	await page.getByRole('button', { name: 'Zapsat platbu' }).click();
	await expect(page.getByText(/^Na účtu potřeby je jen/)).toBeVisible();

	await page.getByLabel('Částka (Kč)').fill('1');
	await page.getByLabel('Poznámka (nepovinná)').fill('Spacák na tábor');
	await page
		.getByLabel('Doklad (nepovinný)')
		.setInputFiles({ name: 'uctenka.png', mimeType: 'image/png', buffer: PNG });
	await page.getByRole('button', { name: 'Zapsat platbu' }).click();
	await expect(page.getByRole('status')).toHaveText('Platba je zapsaná.');
	const row = page.getByRole('row').filter({ hasText: 'Spacák na tábor' }).last();
	await expect(row).toContainText('Decathlon');
	await expect(row).toContainText('1 Kč');
	expect(await axeViolations(page)).toEqual([]);

	const receipt = row.getByRole('link', { name: /Stáhnout doklad/ });
	const downloading = page.waitForEvent('download');
	await receipt.click();
	expect((await downloading).suggestedFilename()).toBe('uctenka.png');

	const href = (await receipt.getAttribute('href'))!;
	const outcome = async (persona: Persona | 'anonymous') => {
		const api = await apiAs(baseURL!, persona);
		const response = await api.get(href, { maxRedirects: 0 });
		const result = { status: response.status(), headers: response.headers() };
		await api.dispose();
		return result;
	};
	const own = await outcome('member');
	expect(own.status).toBe(200);
	expect(own.headers['content-type']).toBe('image/png');
	expect(own.headers['content-disposition']).toMatch(/^attachment; filename="uctenka.png"/);
	expect(own.headers['x-content-type-options']).toBe('nosniff');
	expect(own.headers['cache-control']).toMatch(/no-store/);
	expect(own.headers['content-security-policy']).toContain('sandbox');
	expect((await outcome('coordinator')).status).toBe(200);
	// the submitting organisation reads it; the other organisation's social worker gets a 404
	const workers = [(await outcome('socialWorker')).status, (await outcome('otherSocialWorker')).status];
	expect(workers.sort()).toEqual([200, 404]);
	expect((await outcome('donor')).status).toBe(403);
	expect((await outcome('anonymous')).status).toBe(303);
	await context.close();
});
