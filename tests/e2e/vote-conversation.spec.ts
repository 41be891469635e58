import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiAs, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * A vote with a conversation: the organisation's need comes to the club's vote with a price quote; a
 * member reads the quote on the poll's page and asks, the social worker answers on the need's page, the
 * member reads the answer and votes, and the radio button then shows the vote. The need is written by
 * the second demo organisation (OSPOD Brno-střed), as needs.spec.ts does, so the access matrix that
 * reads the first organisation's needs runs beside it undisturbed.
 */

async function signedIn(browser: Browser, persona: Persona) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, persona);
	return { context, page };
}

// The smallest PDF with a page: uploads are read and rewritten (files/pdf.ts), so a PDF without one is refused.
const PDF = Buffer.from(
	'%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
		'2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
		'3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
		'trailer\n<< /Root 1 0 R >>\n%%EOF\n'
);

const TITLE = 'Pračka pro rodinu po stěhování (diskuse)';

async function writeNeed(page: Page) {
	await page.goto('/needs/new');
	await page.getByLabel('Oblast pomoci').selectOption({ label: 'Spotřebiče' });
	await page.getByLabel('Název').fill(TITLE);
	await page
		.getByLabel('Situace rodiny')
		.fill(
			'Matka se dvěma dětmi odešla po opakovaném násilí ze strany partnera do azylového domu. Nyní se stěhují do malého bytu a pračku si vzít nemohly.'
		);
	await page
		.getByLabel('Co pomoc změní')
		.fill('Rodina bude moci prát doma a děti budou mít čisté oblečení do školy.');
	await page.getByLabel('6–10 let').fill('2');
	await page.getByLabel('Co', { exact: true }).first().fill('Pračka s předním plněním');
	await page.getByLabel('Počet', { exact: true }).first().fill('1');
	await page.getByLabel('Cena za kus (Kč)').first().fill('6 500');
	await page.getByRole('button', { name: 'Uložit rozpracované' }).click();
	await expect(page).toHaveURL(/\/edit\?saved=1$/);
	const id = /\/needs\/([0-9a-f-]{36})/.exec(page.url())![1]!;
	await page.goto(`/needs/${id}`);
	await page
		.getByLabel('Soubor')
		.setInputFiles({ name: 'nabidka pracka.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByLabel('Jde o cenovou nabídku a mohou ji vidět členové klubu').check();
	await page.getByRole('button', { name: 'Nahrát přílohu' }).click();
	await expect(page.getByRole('status')).toHaveText('Příloha je nahraná.');
	await page.getByRole('button', { name: 'Odeslat klubu' }).click();
	await expect(page.getByText('Odeslaná klubu').first()).toBeVisible();
	return id;
}

test('a member reads the quote and asks, the worker answers, and the vote shows as chosen', async ({
	browser,
	baseURL
}) => {
	const worker = await signedIn(browser, 'otherSocialWorker');
	const needId = await writeNeed(worker.page);

	const coordinator = await signedIn(browser, 'coordinator');
	await coordinator.page.goto(`/needs/${needId}`);
	await coordinator.page.getByRole('button', { name: 'Označit jako připravenou k hlasování' }).click();
	await coordinator.page.getByRole('button', { name: 'Vyhlásit hlasování klubu' }).click();
	await expect(coordinator.page.getByRole('status')).toContainText('Hlasování je vyhlášené');
	await coordinator.page.getByRole('link', { name: 'Hlasování o této potřebě' }).click();
	await coordinator.page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
	const pollPath = new URL(coordinator.page.url()).pathname;

	// the member reads the need and its quote, and sees how many voted (not how)
	const member = await signedIn(browser, 'member');
	await member.page.goto(pollPath);
	await expect(member.page.getByRole('heading', { name: TITLE })).toBeVisible();
	await expect(member.page.getByRole('heading', { name: 'Cenové nabídky' })).toBeVisible();
	const quote = member.page.getByRole('link', { name: 'nabidka pracka.pdf' });
	await expect(quote).toBeVisible();
	const api = await apiAs(baseURL!, 'member');
	expect((await api.get((await quote.getAttribute('href'))!, { maxRedirects: 0 })).status()).toBe(200);
	await api.dispose();
	await expect(member.page.getByText('Hlasovalo 0 z 5 členů.')).toBeVisible();
	// neither the organisation nor the worker is named to the club
	await expect(member.page.getByText('OSPOD Brno-střed')).toHaveCount(0);
	await expect(member.page.getByText('Lenka Marešová')).toHaveCount(0);

	// a detail that could identify the family is refused, and nothing reaches the thread
	const thread = member.page.getByRole('region', { name: 'Diskuse k hlasování' });
	await thread.getByLabel('Dotaz nebo poznámka').fill('Volala paní Zdeňka Pospíšilová z čísla 604 218 337?');
	await thread.getByRole('button', { name: 'Poslat do diskuse' }).click();
	await expect(thread.getByText('Zpráva obsahuje možné osobní údaje')).toBeVisible();
	await expect(thread.getByText('Zatím tu nikdo nic nenapsal.')).toBeVisible();

	await thread.getByLabel('Dotaz nebo poznámka').fill('Je v ceně i doprava a zapojení pračky?');
	await thread.getByRole('button', { name: 'Poslat do diskuse' }).click();
	await expect(member.page.getByRole('status')).toHaveText('Zpráva je v diskusi.');
	await expect(thread.getByText('Je v ceně i doprava a zapojení pračky?')).toBeVisible();

	// the worker answers on the need's page, where the member is not named
	await worker.page.goto(`/needs/${needId}`);
	const answerBox = worker.page.getByRole('region', { name: 'Diskuse k hlasování' });
	await expect(answerBox.getByText('Je v ceně i doprava a zapojení pračky?')).toBeVisible();
	await expect(answerBox.getByText('Člen klubu', { exact: true })).toBeVisible();
	await expect(answerBox.getByText('Tomáš Svoboda')).toHaveCount(0);
	await answerBox.getByLabel('Odpověď členům klubu').fill('Ano, obchod pračku doveze a zapojí zdarma.');
	await answerBox.getByRole('button', { name: 'Odpovědět' }).click();
	await expect(worker.page.getByRole('status')).toHaveText('Zpráva je v diskusi.');

	// the member reads the answer, votes, and the radio button shows the vote, also after a reload
	await member.page.reload();
	await expect(thread.getByText('Ano, obchod pračku doveze a zapojí zdarma.')).toBeVisible();
	await expect(thread.getByText('Sociální pracovnice organizace', { exact: true })).toBeVisible();
	await member.page.getByLabel('Pro', { exact: true }).check();
	await member.page.getByRole('button', { name: 'Hlasovat' }).click();
	await expect(member.page.getByRole('status')).toContainText('Hlas je uložený');
	await expect(member.page.getByText('můj hlas: Pro')).toBeVisible();
	await expect(member.page.getByLabel('Pro', { exact: true })).toBeChecked();
	await expect(member.page.getByText('Hlasovalo 1 z 5 členů.')).toBeVisible();
	await member.page.reload();
	await expect(member.page.getByLabel('Pro', { exact: true })).toBeChecked();
	await expect(member.page.getByLabel('Proti', { exact: true })).not.toBeChecked();

	const { violations } = await new AxeBuilder({ page: member.page }).analyze();
	expect(violations.map((v) => v.id)).toEqual([]);
	for (const c of [member, coordinator, worker]) await c.context.close();
});
