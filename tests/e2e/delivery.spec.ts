import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import { apiAs, signInPage, type Persona } from '../support/e2e-accounts';

/*
 * Delivering the help, on the demo's winter clothes (funded, the client's data entered, clen1 its contact
 * person): the contact person arranges, records the purchase and marks it bought, hands it over with a
 * photo; the social worker confirms the receipt with the family's feedback, which the guard checks.
 * Each page is checked with axe and at a phone's width.
 */

test.describe.configure({ mode: 'serial' });

const TITLE = 'Zimní bundy a boty pro dva chlapce';
let needPath = '';

async function signedIn(browser: Browser, persona: Persona, width = 1280) {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	await signInPage(page, persona);
	return { context, page };
}

async function expectAccessibleAndNarrow(page: Page) {
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(violations.map((v) => ({ rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }))).toEqual(
		[]
	);
	const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		// the innermost elements past the screen's edge, to name the culprit when this fails
		wide: [...document.body.querySelectorAll('*')]
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth)
			.filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}[name=${e.getAttribute('name')}].${e.className}`)
	}));
	expect(scrollWidth, wide.join(' | ')).toBeLessThanOrEqual(innerWidth);
}

const delivery = (page: Page) => page.getByRole('region', { name: 'Předání pomoci', exact: true });

test('the contact person arranges the delivery, on a phone', async ({ browser }) => {
	const { page, context } = await signedIn(browser, 'member', 390);
	await page.goto('/fund');
	const href = await page.getByRole('link', { name: TITLE }).first().getAttribute('href');
	expect(href, 'the demo need waiting to be arranged').toBeTruthy();
	needPath = href!;
	await page.goto(needPath);
	const section = delivery(page);
	await expect(section.locator('[aria-current="step"]')).toContainText('Domluveno');
	await expectAccessibleAndNarrow(page);

	// the plan is read by the club: the client's phone is refused next to the field
	const plan = section.getByLabel('Jak je předání domluvené');
	await plan.fill('Zavolám klientce na 608 724 113 a domluvíme se.');
	await section.getByRole('button', { name: 'Uložit domluvu' }).click();
	await expect(plan).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('alert').first()).toContainText('osobní údaje');
	await plan.fill('Obchod pošle bundy a boty do kanceláře centra, pracovnice je předá.');
	await section.getByRole('button', { name: 'Uložit domluvu' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Předání je domluvené.');
	await expect(section.locator('[aria-current="step"]')).toContainText('Nakoupeno');
	await expect(page.getByText('Předává se').first()).toBeVisible();
	await context.close();
});

test('bought only after the payout; delivered with a photo that loses its location', async ({ browser }) => {
	expect(needPath).not.toBe('');
	const { page, context } = await signedIn(browser, 'member');
	await page.goto(needPath);
	const section = delivery(page);
	await section.getByRole('button', { name: 'Označit jako nakoupené' }).click();
	await expect(page.getByText('Nejdřív zapište v části Peníze platbu za nákup')).toBeVisible();

	await page.getByLabel('Dodavateli (obchod, firma)').check();
	await page.getByLabel('Dodavatel nebo způsob platby').fill('Sportisimo');
	await page.getByLabel('Částka (Kč)').fill('4 200');
	await page.getByRole('button', { name: 'Zapsat platbu' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Platba je zapsaná.');
	await section.getByRole('button', { name: 'Označit jako nakoupené' }).click();
	await expect(page.getByRole('status').first()).toHaveText('Pomoc je označená jako nakoupená.');

	const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#46a' } })
		.jpeg()
		.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 5/1 0/1' } })
		.toBuffer();
	await section.getByLabel('Poznámka k předání').fill('Bundy i boty sedí, chlapci je hned vyzkoušeli.');
	await section
		.getByLabel('Fotka nebo doklad o předání (nepovinné)')
		.setInputFiles({ name: 'IMG_2207.jpg', mimeType: 'image/jpeg', buffer: photo });
	await section.getByRole('button', { name: 'Zapsat předání' }).click();
	await expect(page.getByRole('status').first()).toContainText('Předání je zapsané.');
	await expect(section.locator('[aria-current="step"]')).toContainText('Převzetí potvrzeno');
	await expect(section).toContainText('Bundy i boty sedí');
	await expectAccessibleAndNarrow(page);
	await context.close();
});

test('the social worker downloads the cleaned photo and confirms the receipt with feedback', async ({
	browser,
	baseURL
}) => {
	expect(needPath).not.toBe('');
	const { page, context } = await signedIn(browser, 'socialWorker', 390);
	await page.goto(needPath);
	const section = delivery(page);
	const proof = await page.request.get(`${needPath}/delivery-proof`);
	expect(proof.status()).toBe(200);
	expect(proof.headers()['content-disposition']).toContain('attachment');
	const meta = await sharp(await proof.body()).metadata();
	expect(meta.format).toBe('jpeg');
	expect(meta.exif).toBeUndefined();

	// a name in the feedback is shown and must be confirmed consciously
	const thanks = section.getByLabel('Poděkování rodiny');
	await thanks.fill('Děkuje paní Petra Šimková, kluci mají teplo.');
	await section.getByLabel('Co se pro rodinu změnilo').fill('Chlapci chodí ven i v mrazu.');
	await section.getByRole('button', { name: 'Potvrdit převzetí' }).click();
	await expect(section.getByText('V textu jsme našli něco, co vypadá jako osobní údaj:')).toBeVisible();
	await expect(section.locator('mark').first()).toContainText('Šimková');
	await thanks.fill('Moc děkujeme, kluci mají konečně teplo.');
	await section.getByRole('button', { name: 'Potvrdit převzetí' }).click();
	await expect(page.getByRole('status').first()).toHaveText(
		'Převzetí je potvrzené a zpětná vazba rodiny uložená.'
	);
	await expect(section).toContainText('Moc děkujeme, kluci mají konečně teplo.');
	await expect(section.getByRole('button', { name: 'Upravit zpětnou vazbu' })).toBeVisible();
	await expectAccessibleAndNarrow(page);
	await context.close();

	// the proof is for the contact person, the organisation and the coordinator only
	for (const [persona, status] of [
		['otherSocialWorker', 404],
		['donor', 403],
		['coordinator', 200]
	] as const) {
		const api = await apiAs(baseURL!, persona);
		const response = await api.get(`${needPath}/delivery-proof`, { maxRedirects: 0 });
		expect(response.status(), persona).toBe(status);
		await api.dispose();
	}
});

test('the coordinator follows the steps on the timeline', async ({ browser }) => {
	expect(needPath).not.toBe('');
	const { page, context } = await signedIn(browser, 'coordinator');
	await page.goto(needPath);
	await expect(delivery(page).locator('[aria-current="step"]')).toHaveCount(0);
	await expect(delivery(page)).toContainText('Chlapci chodí ven i v mrazu.');
	const timeline = page.getByRole('region', { name: /Historie/ });
	for (const text of [
		'Kontaktní osoba domluvila předání pomoci',
		'Pomoc je nakoupená',
		'Pomoc byla předána',
		'Organizace potvrdila, že rodina pomoc převzala'
	])
		await expect(timeline.getByText(text).first()).toBeVisible();
	await context.close();
});
