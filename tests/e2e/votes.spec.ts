import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { apiAs, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * The club's vote from the coordinator opening it to a member voting. It uses the demo's ready need of
 * OSPOD Brno-střed ("Lednice s mrazákem…"), which no other suite touches.
 */

async function signedIn(browser: Browser, persona: Persona) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInPage(page, persona);
	return { context, page };
}

test('the coordinator opens a vote, a member votes with a reason for no, and results stay hidden', async ({
	browser
}) => {
	const coordinator = await signedIn(browser, 'coordinator');
	await coordinator.page.goto('/coordinator/needs?state=ready');
	await coordinator.page.getByRole('link', { name: /Lednice s mrazákem/ }).click();
	await coordinator.page.getByRole('button', { name: 'Vyhlásit hlasování klubu' }).click();
	await expect(coordinator.page.getByRole('status')).toContainText('Hlasování je vyhlášené');
	await expect(coordinator.page.getByText('Hlasuje se').first()).toBeVisible();
	await coordinator.page.getByRole('link', { name: 'Hlasování o této potřebě' }).click();
	await expect(coordinator.page.getByText('Hlasovalo 0 z 5 členů.')).toBeVisible();

	const member = await signedIn(browser, 'member');
	await member.page.goto('/votes');
	const waiting = member.page.getByRole('region', { name: /Čeká na můj hlas/ });
	await waiting.getByRole('link', { name: /Lednice s mrazákem/ }).click();
	// the member reads the anonymised need: no organisation, no thread
	await expect(member.page.getByRole('heading', { name: 'Popis potřeby' })).toBeVisible();
	await expect(member.page.getByText('OSPOD Brno-střed')).toHaveCount(0);
	await expect(member.page.getByText('Úřad práce přiznal')).toHaveCount(0);

	await member.page.getByLabel('Proti').check();
	await member.page.getByRole('button', { name: 'Hlasovat' }).click();
	await expect(member.page.getByText('Napište prosím zdůvodnění')).toBeVisible();
	await member.page.getByLabel(/Zdůvodnění/).fill('Lednici může pokrýt dávka, ať úřad rozhodne znovu.');
	await member.page.getByRole('button', { name: 'Hlasovat' }).click();
	await expect(member.page.getByRole('status')).toContainText('Hlas je uložený');
	await expect(member.page.getByText('můj hlas: Proti')).toBeVisible();
	await member.page.getByLabel('Pro', { exact: true }).check();
	await member.page.getByRole('button', { name: 'Změnit hlas' }).click();
	await expect(member.page.getByText('můj hlas: Pro')).toBeVisible();
	await expect(
		member.page.getByText('Výsledky a hlasy ostatních uvidíte po skončení hlasování.')
	).toBeVisible();

	await coordinator.page.reload();
	await expect(coordinator.page.getByText('Hlasovalo 1 z 5 členů.')).toBeVisible();
	await coordinator.page.getByRole('button', { name: /Ukončit hlasování/ }).click();
	await expect(
		coordinator.page.getByText('Předčasně lze hlasování ukončit, jen když už hlasovali všichni')
	).toBeVisible();

	const { violations } = await new AxeBuilder({ page: member.page }).analyze();
	expect(violations.map((v) => v.id)).toEqual([]);
	await member.page.goto('/votes');
	expect((await new AxeBuilder({ page: member.page }).analyze()).violations.map((v) => v.id)).toEqual([]);
	await member.context.close();
	await coordinator.context.close();
});

test('the coordinator sets the voting rules; a wrong value gets a Czech message and saves nothing', async ({
	browser
}) => {
	const { page, context } = await signedIn(browser, 'coordinator');
	await page.goto('/coordinator/settings');
	await page.getByLabel('Kvórum (%)').fill('150');
	await page.getByRole('button', { name: 'Uložit nastavení' }).click();
	await expect(page.getByText('Zadejte celé číslo od 1 do 100.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Kvórum (%)')).toHaveValue('50');
	await page.getByLabel('Délka hlasování o naléhavé potřebě (hodiny)').fill('36');
	await page.getByRole('button', { name: 'Uložit nastavení' }).click();
	await expect(page.getByRole('status')).toHaveText('Nastavení je uložené.');
	await page.reload();
	await expect(page.getByLabel('Délka hlasování o naléhavé potřebě (hodiny)')).toHaveValue('36');
	await page.goto('/coordinator/audit');
	await expect(page.getByRole('cell', { name: 'Změna nastavení klubu' }).first()).toBeVisible();
	await context.close();
});

test('a member volunteers as contact person and the coordinator records the decision the organisation then reads', async ({
	browser
}) => {
	const member = await signedIn(browser, 'member');
	await member.page.goto('/votes');
	await member.page
		.getByRole('region', { name: /Uzavřená hlasování/ })
		.getByRole('link', { name: /Letní tábor pro dva sourozence/ })
		.click();
	await member.page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
	await expect(member.page.getByText('schváleno')).toBeVisible();
	await member.page.getByRole('button', { name: 'Nabízím se jako kontaktní osoba' }).click();
	await expect(member.page.getByText('Nabídli jste se jako kontaktní osoba.')).toBeVisible();
	const pollPath = new URL(member.page.url()).pathname;

	const coordinator = await signedIn(browser, 'coordinator');
	await coordinator.page.goto(pollPath);
	await coordinator.page.getByRole('link', { name: 'Potřeba' }).click();
	await coordinator.page.getByLabel('Nákup zajistí klub').check();
	await coordinator.page.getByLabel('Kontaktní osoba').selectOption({ label: 'Tomáš Svoboda' });
	await coordinator.page.getByRole('button', { name: 'Zaznamenat rozhodnutí' }).click();
	await expect(coordinator.page.getByRole('status')).toContainText('Rozhodnutí je zaznamenané');
	await expect(
		coordinator.page.getByText(
			/Schválená částka 8\s800\sKč, podoba pomoci: Nákup zajistí klub, kontaktní osoba: Tomáš Svoboda/
		)
	).toBeVisible();
	const needPath = new URL(coordinator.page.url()).pathname;

	const worker = await signedIn(browser, 'socialWorker');
	await worker.page.goto(needPath);
	await expect(worker.page.getByRole('heading', { name: 'Rozhodnutí klubu' })).toBeVisible();
	await expect(worker.page.getByText(/kontaktní osoba: Tomáš Svoboda/)).toBeVisible();
	for (const c of [member, coordinator, worker]) await c.context.close();
});

test('twenty votes sent at once by one member count once', async ({ browser, baseURL }) => {
	const api = await apiAs(baseURL!, 'member');
	const list = await (await api.get('/votes')).text();
	const pollId = list
		.split('<li')
		.find((row) => row.includes('Cestovné'))
		?.match(/\/votes\/([0-9a-f-]{36})/)?.[1];
	expect(pollId, 'the open demo poll').toBeTruthy();
	const responses = await Promise.all(
		Array.from({ length: 20 }, (_, i) =>
			api.post(`/votes/${pollId}?/vote`, {
				form: i % 2 ? { choice: 'yes' } : { choice: 'abstain' },
				maxRedirects: 0
			})
		)
	);
	expect(responses.map((r) => r.status()).every((s) => s === 200)).toBe(true);
	await api.dispose();
	const coordinator = await signedIn(browser, 'coordinator');
	await coordinator.page.goto(`/votes/${pollId}`);
	// the demo had two votes in: the member's is still one of them
	await expect(coordinator.page.getByText('Hlasovalo 2 z 5 členů.')).toBeVisible();
	await coordinator.context.close();
});
