import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signInPage } from '../support/e2e-accounts';

/*
 * The coordinator's money pages: a bank statement imported, its payment that matched no pledge assigned
 * to the general fund, the same statement again recording nothing, a broken statement refused with its
 * line, a cash gift, and the ledger downloaded for the accountant. The statement is built here with a
 * movement id and a payer name of this run alone, and a variable symbol no pledge can have (Spolu's
 * symbols have nine digits), so nothing in the demo data matches it.
 */

const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

const pragueToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
const czechDate = (day: string) => day.split('-').reverse().join('.');

/** "12 500 Kč" (with whatever spaces the browser's Intl puts in) → haléře. */
const halere = (text: string) => {
	const [whole, fraction = '0'] = text.replace(/[^\d,]/g, '').split(',');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

// funds.spec.ts may allocate 100 Kč from the same fund meanwhile (another worker, the same demo server)
const expectGrowth = (after: number, before: number, by: number) => {
	expect(after - before).toBeGreaterThanOrEqual(by - 10_000);
	expect(after - before).toBeLessThanOrEqual(by);
};

async function fund(page: Page) {
	await page.goto('/coordinator/money');
	return halere((await page.getByTestId('fund-balance').textContent()) ?? '');
}

const HEADER =
	'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Kód banky";"Název protiúčtu";"VS";"Zpráva pro příjemce"';

test('the coordinator imports a statement, assigns a payment to the fund and records a cash gift', async ({
	page
}) => {
	// many pages one after another: on a busy machine this walk takes more than the default minute
	test.setTimeout(120_000);
	const stamp = Date.now().toString(36);
	const payer = `Dárce E2E ${stamp}`;
	const today = pragueToday();
	const statement = [
		HEADER,
		`"e2e-${stamp}";"${czechDate(today)}";"1234,00";"CZK";"2900999888";"2010";"${payer}";"777";"Dar klubu"`,
		`"e2e-${stamp}-out";"${czechDate(today)}";"-99,00";"CZK";"1001234567";"0100";"Dodavatel";"";"Faktura"`
	].join('\r\n');
	const upload = async (name: string, text: string) => {
		await page.goto('/coordinator/money/bank');
		await page
			.getByLabel('Soubor s výpisem')
			.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
		await page.getByRole('button', { name: 'Načíst výpis' }).click();
	};

	await signInPage(page, 'coordinator');
	const before = await fund(page);
	await expect(page.getByRole('heading', { level: 1, name: 'Peníze klubu' })).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	await upload('vypis.csv', statement);
	const summary = page.getByRole('status').filter({ hasText: 'Výpis je načtený' });
	await expect(summary).toContainText('Pohybů ve výpisu: 2');
	await expect(summary).toContainText('nové platby: 1');
	await expect(summary).toContainText('čeká na přiřazení: 1');
	await expect(summary).toContainText('odchozí platby (přeskočeno): 1');

	// the payments waiting for assignment (the list of received payments below names it too)
	const waiting = page.getByRole('region', { name: 'Platby čekající na přiřazení' });
	const payment = waiting.getByRole('listitem').filter({ hasText: payer });
	await expect(payment).toContainText('777');
	await expect(payment).toContainText('Dar klubu');
	await expect(payment.getByRole('heading')).toHaveText(/1\s234\sKč ze dne/);
	// a need number that does not exist is refused next to the payment, and nothing moves
	await payment.getByLabel('Číslo potřeby').fill('999999');
	await payment.getByRole('button', { name: 'Přiřadit k potřebě' }).click();
	await expect(payment.getByRole('alert')).toHaveText('Potřebu č. 999999 jsme nenašli.');
	await payment.getByRole('button', { name: 'Přiřadit do obecného fondu' }).click();
	await expect(page.getByRole('status')).toHaveText('Platba je připsaná do obecného fondu.');
	await expect(waiting.getByRole('listitem').filter({ hasText: payer })).toHaveCount(0);
	expectGrowth(await fund(page), before, 123_400);

	// the same statement again records nothing
	await upload('vypis-znovu.csv', statement);
	const again = page.getByRole('status').filter({ hasText: 'Výpis je načtený' });
	await expect(again).toContainText('už byly načteny dříve: 1');
	await expect(again).toContainText('nové platby: 0');
	await expect(again).toContainText('čeká na přiřazení: 0');
	await expect(page.getByRole('row').filter({ hasText: 'vypis-znovu.csv' })).toBeVisible();

	// a statement with an impossible date on its third line is refused as a whole, with the line
	const broken = [
		HEADER,
		`"e2e-${stamp}-b1";"${czechDate(today)}";"10,00";"CZK";"2900999888";"2010";"${payer} B";"";""`,
		`"e2e-${stamp}-b2";"32.13.2026";"20,00";"CZK";"2900999888";"2010";"${payer} B";"";""`
	].join('\r\n');
	await upload('rozbity.csv', broken);
	const refusal = page.getByRole('alert');
	await expect(refusal).toContainText('Jeden řádek výpisu se nedá přečíst.');
	await expect(refusal).toContainText('Chyba je na řádku 3.');
	await expect(refusal).toContainText('32.13.2026');
	await expect(page.getByLabel('Soubor s výpisem')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('listitem').filter({ hasText: `${payer} B` })).toHaveCount(0);
	// a gift the club sent back: recorded from the list of received payments, once
	const received = page.getByRole('region', { name: 'Přijaté platby z výpisů' });
	await page.getByLabel('Hledat platbu').fill(payer);
	await page.getByRole('button', { name: 'Hledat', exact: true }).click();
	const gift = received.getByRole('listitem').filter({ hasText: payer });
	await expect(gift).toHaveCount(1);
	await gift.getByText('Vrátit dar dárci').click();
	await gift.getByRole('button', { name: 'Zapsat vrácení' }).click();
	await expect(gift.getByText('Napište krátce, proč byl dar vrácen')).toBeVisible();
	await gift.getByLabel('Proč a jak byl dar vrácen').fill('Dárce poslal dar omylem, vráceno na jeho účet.');
	await gift.getByRole('button', { name: 'Zapsat vrácení' }).click();
	await expect(gift.getByText('Vrácení je zapsané.')).toBeVisible();
	await expect(gift).toContainText('vráceno dárci');
	await expect(gift.getByRole('button', { name: 'Zapsat vrácení' })).toHaveCount(0);
	expectGrowth(await fund(page), before, 0);

	// a cash gift to the general fund
	await page.goto('/coordinator/money/gifts');
	await page.getByLabel('Druh daru').selectOption({ label: 'Hotovost' });
	await page.getByLabel('Částka (Kč)').fill('500');
	await expect(page.getByLabel('Datum přijetí')).toHaveValue(today);
	await page.getByLabel('Jméno dárce nebo název firmy').fill(`Hotovost ${stamp}`);
	await page.getByRole('button', { name: 'Zaznamenat dar' }).click();
	await expect(page.getByRole('status')).toHaveText(/^Dar 500\sKč je zaznamenaný v obecném fondu\.$/);
	expectGrowth(await fund(page), before, 50_000);

	// a gift in kind needs a need and a description
	await page.goto('/coordinator/money/gifts');
	await page.getByLabel('Druh daru').selectOption({ label: 'Věcný dar' });
	await page.getByLabel('Částka (Kč)').fill('800');
	await page.getByRole('button', { name: 'Zaznamenat dar' }).click();
	await expect(page.getByText('Napište, co bylo darováno.')).toBeVisible();
	await expect(page.getByText('Věcný dar zapište k potřebě, pro kterou je určen.')).toBeVisible();

	// the ledger for today, as the accountant gets it
	await page.goto('/coordinator/money/reports');
	await page.getByLabel('Od', { exact: true }).fill(today);
	await page.getByLabel('Do', { exact: true }).fill(today);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Stáhnout účetní záznamy (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe(`ucetni-zaznamy-${today}-${today}.csv`);
	const csv = await readFile((await download.path())!, 'utf8');
	const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe('Datum;Transakce;Druh;Potřeba č.;Poznámka;Účet;Částka (Kč)');
	expect(
		lines.some((l) => l.startsWith(today) && l.includes(';assignment;') && l.endsWith(';fund;1234,00'))
	).toBe(true);
	expect(lines.some((l) => l.includes(';donation;') && l.endsWith(';fund;500,00'))).toBe(true);

	// a period the wrong way round comes back to the form with a message
	await page.getByLabel('Od', { exact: true }).fill('2026-02-01');
	await page.getByLabel('Do', { exact: true }).fill('2026-01-01');
	await page.getByRole('button', { name: 'Stáhnout účetní záznamy (CSV)' }).click();
	await expect(page.getByText('Datum „do“ musí být stejné nebo pozdější než datum „od“.')).toBeVisible();

	await page.goto('/coordinator/audit?action=ledger.report_exported');
	await expect(page.getByRole('row').filter({ hasText: 'ledger' }).first()).toBeVisible();
	await page.goto('/coordinator/money');
	expect(await axeViolations(page)).toEqual([]);
});

test('only the coordinator reaches the money pages and downloads', async ({ page }) => {
	await signInPage(page, 'member');
	for (const path of [
		'/coordinator/money',
		'/coordinator/money/bank',
		'/coordinator/money/gifts',
		'/coordinator/money/reports',
		'/coordinator/money/reports/needs.csv'
	]) {
		expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(403);
	}
});
