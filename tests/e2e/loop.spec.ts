import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * The whole loop, in Chromium against the built server, as its people do it: a social worker submits a
 * need → the coordinator opens a vote → every member votes → the decision with a public collection →
 * gifts by bank transfer (the coordinator imports the statement) and by card (Stripe faked, signed
 * webhook) → the contact person reads the protected data and delivers → the social worker records the
 * family's feedback and consent and writes the story → the coordinator publishes it → an anonymous
 * visitor reads the story and sees the collection completed. Everything is named with this run's stamp.
 */

test.describe.configure({ timeout: 300_000 });

const run = Date.now().toString(36);
const TITLE = `Psací stůl pro školačku ${run}`;
const STORY = `Vlastní místo na učení ${run}`;
const CLIENT = `Klára Smyšlená ${run}`;
const pragueToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
const czechDate = (day: string) => day.split('-').reverse().join('.');
const MEMBERS = [
	'koordinator@example.org',
	'clen1@example.org',
	'clen2@example.org',
	'clen3@example.org',
	'clen4@example.org'
];

async function as(browser: Browser, who: Persona | string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	if (who.includes('@')) {
		await page.goto('/login');
		await page.getByLabel('E-mail').fill(who);
		await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Přihlásit se' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	} else await signInPage(page, who as Persona);
	return { page, close: () => context.close() };
}

const done = (page: Page) => page.getByRole('status').first();

test('a need goes the whole way from the social worker to a published story', async ({ browser }) => {
	// 1. the social worker submits an anonymised need
	const worker = await as(browser, 'socialWorker');
	await worker.page.goto('/needs');
	await worker.page.getByRole('link', { name: 'Nová potřeba' }).click();
	await worker.page.getByLabel('Oblast pomoci').selectOption({ label: 'Nábytek' });
	await worker.page.getByLabel('Název').fill(TITLE);
	await worker.page
		.getByLabel('Situace rodiny')
		.fill('Matka s dcerou odešla po letech násilí do malého bytu. Dcera píše úkoly u kuchyňské linky.');
	await worker.page.getByLabel('Co pomoc změní').fill('Dcera bude mít klidné místo na učení.');
	await worker.page.getByLabel('6–10 let').fill('1');
	await worker.page.getByLabel('Co', { exact: true }).first().fill('Psací stůl se židlí');
	await worker.page.getByLabel('Počet', { exact: true }).first().fill('1');
	await worker.page.getByLabel('Cena za kus (Kč)').first().fill('1 000');
	await worker.page.getByRole('button', { name: 'Uložit a odeslat klubu' }).click();
	await expect(worker.page).toHaveURL(/\/needs\/[0-9a-f-]{36}\?submitted=1$/);
	const needPath = new URL(worker.page.url()).pathname;

	// 2. the coordinator triages it and opens the vote
	const coordinator = await as(browser, 'coordinator');
	await coordinator.page.goto(needPath);
	await coordinator.page.getByRole('button', { name: 'Začít posuzovat' }).click();
	await expect(coordinator.page.getByText('Posuzuje se').first()).toBeVisible();
	await coordinator.page.getByRole('button', { name: 'Označit jako připravenou k hlasování' }).click();
	await expect(done(coordinator.page)).toContainText('připravena k hlasování');
	await coordinator.page.getByRole('button', { name: 'Vyhlásit hlasování klubu' }).click();
	await expect(done(coordinator.page)).toContainText('Hlasování je vyhlášené');
	await coordinator.page.getByRole('link', { name: 'Hlasování o této potřebě' }).click();
	await coordinator.page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
	const pollPath = new URL(coordinator.page.url()).pathname;

	// 3. every member votes for it; the contact person offers to help
	for (const email of MEMBERS) {
		const member = await as(browser, email);
		await member.page.goto(pollPath);
		await member.page.getByLabel('Pro', { exact: true }).check();
		await member.page.getByRole('button', { name: 'Hlasovat' }).click();
		await expect(member.page.getByText('můj hlas: Pro')).toBeVisible();
		await member.close();
	}
	await coordinator.page.goto(pollPath);
	await coordinator.page.getByRole('button', { name: 'Ukončit hlasování (všichni už hlasovali)' }).click();
	await expect(coordinator.page.getByText('schváleno').first()).toBeVisible();
	const contact = await as(browser, 'member');
	await contact.page.goto(pollPath);
	await contact.page.getByRole('button', { name: 'Nabízím se jako kontaktní osoba' }).click();
	await expect(contact.page.getByText('Nabídli jste se jako kontaktní osoba.')).toBeVisible();

	// 4. the decision: a public collection, Tomáš Svoboda the contact person
	await coordinator.page.goto(needPath);
	await coordinator.page.getByLabel('Veřejná sbírka').check();
	await coordinator.page.getByLabel('Kontaktní osoba').selectOption({ label: 'Tomáš Svoboda' });
	await coordinator.page.getByRole('button', { name: 'Zaznamenat rozhodnutí' }).click();
	await expect(done(coordinator.page)).toContainText('Rozhodnutí je zaznamenané');

	// 5. a visitor pledges 800 Kč by bank transfer; the coordinator imports the statement
	const visitor = await browser.newContext();
	const anonymous = await visitor.newPage();
	await anonymous.goto('/collections');
	await anonymous.getByRole('link', { name: new RegExp(`Přispět.*${run}`) }).click();
	const collectionPath = new URL(anonymous.url()).pathname;
	await anonymous.getByLabel('Částka v Kč').fill('800');
	await anonymous.getByRole('button', { name: 'Pokračovat k platebním údajům' }).click();
	const symbol = ((await anonymous.getByTestId('variable-symbol').textContent()) ?? '').trim();
	expect(symbol).toMatch(/^\d{9}$/);
	const statement = [
		'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Kód banky";"Název protiúčtu";"VS";"Zpráva pro příjemce"',
		`"loop-${run}";"${czechDate(pragueToday())}";"800,00";"CZK";"2900999888";"2010";"Dárce";"${symbol}";"Dar"`
	].join('\r\n');
	await coordinator.page.goto('/coordinator/money/bank');
	await coordinator.page
		.getByLabel('Soubor s výpisem')
		.setInputFiles({ name: 'vypis.csv', mimeType: 'text/csv', buffer: Buffer.from(statement, 'utf8') });
	await coordinator.page.getByRole('button', { name: 'Načíst výpis' }).click();
	await expect(coordinator.page.getByRole('status').filter({ hasText: 'Výpis je načtený' })).toContainText(
		'spárováno s příslibem: 1'
	);

	// 6. and 200 Kč by card, counted once the signed webhook arrives: the collection is complete
	await anonymous.goto(collectionPath);
	await anonymous.getByRole('radio', { name: /^200\sKč$/ }).check();
	await anonymous.getByLabel('Darovat anonymně').check();
	await anonymous.getByRole('button', { name: 'Zaplatit kartou' }).click();
	await expect(anonymous).toHaveURL(/\/pay\/cs_test_/);
	await anonymous.getByRole('button', { name: 'Zaplatit', exact: true }).click();
	await expect(anonymous).toHaveURL(/\/give\/card\/thanks/);
	await expect
		.poll(
			async () => {
				await anonymous.goto(`${collectionPath}?fresh=${Date.now()}`);
				return anonymous.getByText('Vybráno – děkujeme!').count();
			},
			{ timeout: 15_000 }
		)
		.toBe(1);

	// 7. the social worker enters the client's contact; the contact person reads it on purpose
	await worker.page.goto(needPath);
	const protectedData = worker.page.getByRole('region', { name: 'Kontakt pro předání pomoci' });
	await protectedData.getByLabel('Jméno a příjmení klienta').fill(CLIENT);
	await protectedData.getByLabel('Telefon').fill('+420 777 000 111');
	await protectedData.getByRole('button', { name: 'Uložit kontaktní údaje' }).click();
	await expect(protectedData.getByRole('status').first()).toHaveText('Kontaktní údaje jsou uložené.');

	await contact.page.goto(needPath);
	await contact.page.getByRole('button', { name: 'Zobrazit kontakt' }).click();
	await expect(contact.page.getByText(CLIENT)).toBeVisible();

	// 8. the contact person arranges, pays, buys and hands the help over
	const delivery = contact.page.getByRole('region', { name: 'Předání pomoci', exact: true });
	await delivery.getByLabel('Jak je předání domluvené').fill('Stůl dovezeme do kanceláře centra.');
	await delivery.getByRole('button', { name: 'Uložit domluvu' }).click();
	await expect(done(contact.page)).toHaveText('Předání je domluvené.');
	await contact.page.getByLabel('Dodavateli (obchod, firma)').check();
	await contact.page.getByLabel('Dodavatel nebo způsob platby').fill('IKEA');
	await contact.page.getByLabel('Částka (Kč)').fill('1 000');
	await contact.page.getByRole('button', { name: 'Zapsat platbu' }).click();
	await expect(done(contact.page)).toHaveText('Platba je zapsaná.');
	await delivery.getByRole('button', { name: 'Označit jako nakoupené' }).click();
	await expect(done(contact.page)).toHaveText('Pomoc je označená jako nakoupená.');
	await delivery.getByRole('button', { name: 'Zapsat předání' }).click();
	await expect(done(contact.page)).toContainText('Předání je zapsané.');

	// 9. the social worker records the feedback and consent, and writes the story
	await worker.page.goto(needPath);
	const confirm = worker.page.getByRole('region', { name: 'Předání pomoci', exact: true });
	await confirm.getByLabel('Poděkování rodiny').fill('Moc děkujeme, dcera se u stolu ráda učí.');
	await confirm.getByLabel('Co se pro rodinu změnilo').fill('Úkoly už nepíše u kuchyňské linky.');
	await confirm.getByRole('button', { name: 'Potvrdit převzetí' }).click();
	await expect(done(worker.page)).toHaveText('Převzetí je potvrzené a zpětná vazba rodiny uložená.');
	await worker.page.getByLabel('Datum souhlasu').fill(pragueToday());
	await worker.page.getByRole('radio', { name: /Kdokoli/ }).check();
	await worker.page.getByRole('button', { name: 'Zapsat souhlas' }).click();
	await expect(worker.page.getByText(/Souhlas udělen/)).toContainText(
		'může přečíst kdokoli na internetu, i bez přihlášení'
	);
	await worker.page.getByLabel('Nadpis').fill(STORY);
	await worker.page
		.getByLabel('Text příběhu')
		.fill('Dívka psala úkoly u kuchyňské linky. Díky dárcům má vlastní stůl a klid na učení.');
	await worker.page.getByRole('button', { name: 'Uložit příběh' }).click();
	await worker.page.getByRole('button', { name: 'Poslat příběh ke kontrole' }).click();
	await expect(worker.page.getByText('Čeká na kontrolu koordinátora').first()).toBeVisible();

	// 10. the coordinator publishes it
	await coordinator.page.goto(needPath);
	await expect(coordinator.page.getByText(/^Kdo příběh uvidí:/)).toContainText('kdokoli na internetu');
	await coordinator.page.getByRole('button', { name: 'Zveřejnit pro všechny' }).click();
	await expect(coordinator.page.getByText('Teď je veřejně vidět').first()).toBeVisible();

	// 11. an anonymous visitor reads the story and sees the collection completed
	await anonymous.goto(`/stories?fresh=${run}`);
	await anonymous.getByRole('link', { name: STORY }).click();
	await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText(STORY);
	await expect(anonymous.getByText('Díky dárcům má vlastní stůl')).toBeVisible();
	expect(await anonymous.content()).not.toContain(CLIENT);
	await expect(anonymous.getByText('1 000 Kč').first()).toBeVisible();
	// the collection is complete: it no longer asks for gifts
	await anonymous.goto(`/collections?fresh=${run}`);
	await expect(anonymous.getByRole('link', { name: new RegExp(`Přispět.*${run}`) })).toHaveCount(0);
	// and its own page says so, with the bar full and no form to give
	await anonymous.goto(`${collectionPath}?fresh=${Date.now()}`);
	await expect(anonymous.getByRole('heading', { name: 'Vybráno – děkujeme!' })).toBeVisible();
	await expect(anonymous.locator('progress')).toHaveJSProperty('position', 1);
	await expect(anonymous.getByRole('button', { name: 'Zaplatit kartou' })).toHaveCount(0);

	await visitor.close();
	for (const c of [worker, coordinator, contact]) await c.close();
});
