import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Stripe from 'stripe';
import { apiAs, signInPage } from '../support/e2e-accounts';
import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET, STRIPE_API } from '../support/e2e-stripe';

/*
 * Card payments through the fake Stripe (tests/support/fake-stripe.ts): its checkout page at the
 * session's address has a button "Zaplatit" that pays, delivers the signed webhook to the app and sends
 * the browser to the success address. Money counts only once the webhook arrives, so the effects are
 * awaited by reloading, never assumed. The collection is picked through the page, like in give.spec.ts.
 */

const axeViolations = async (page: Page) =>
	(await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id);

/** "Vybráno 12 500 Kč z 20 000 Kč (62 %)" → 1 250 000 haléře. */
async function collected(page: Page): Promise<number> {
	const text =
		(await page
			.getByText(/Vybráno .* z .*%/)
			.first()
			.textContent()) ?? '';
	const amount = /Vybráno\s+(.+?)\s*Kč\s+z\s/.exec(text)?.[1] ?? '';
	const [crowns, halere = '0'] = amount.replace(/[\s\u00a0\u202f]/g, '').split(',');
	expect(crowns, text).toMatch(/^\d+$/);
	return Number(crowns) * 100 + Number(halere.padEnd(2, '0'));
}

/** On the fake Stripe's page: pay and come back. */
async function payOnFakeStripe(page: Page, amount: RegExp) {
	await expect(page).toHaveURL(/\/pay\/cs_test_/);
	await expect(page.getByText(amount).first()).toBeVisible();
	await page.getByRole('button', { name: 'Zaplatit', exact: true }).click();
}

test('an anonymous visitor gives 200 Kč by card to a collection and it is counted once Stripe confirms it', async ({
	page
}) => {
	await page.goto('/collections');
	await page
		.getByRole('link', { name: /^Přispět\s*: / })
		.first()
		.click();
	await expect(page).toHaveURL(/\/collections\/\d+$/);
	const collection = new URL(page.url()).pathname;
	const before = await collected(page);

	// bank transfer first (free for the club), card second with the fee said
	const headings = await page.getByRole('heading', { level: 3 }).allTextContents();
	expect(headings.map((h) => h.trim())).toEqual(['Bankovním převodem', 'Platební kartou']);
	await expect(page.getByText(/účtuje klubu malý poplatek/)).toBeVisible();

	await page.getByRole('radio', { name: /^200\sKč$/ }).check();
	await page.getByLabel('Darovat anonymně').check();
	// the page runs no script: the details are hidden by CSS alone
	await expect(page.getByLabel('Vaše celé jméno')).toBeHidden();
	await page.getByLabel('Darovat anonymně').uncheck();
	await expect(page.getByLabel('Vaše celé jméno')).toBeVisible();
	await page.getByLabel('Darovat anonymně').check();
	await page.getByRole('button', { name: 'Zaplatit kartou' }).click();

	await payOnFakeStripe(page, /200/);
	await expect(page).toHaveURL(/\/give\/card\/thanks\?session=cs_test_/);
	await expect(page.getByRole('heading', { level: 1, name: 'Děkujeme za váš dar' })).toBeVisible();
	await expect(page.getByText(/Jakmile nám platební brána platbu potvrdí/)).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);

	// a fresh address each time: the public page may be cached for a minute
	await expect
		.poll(
			async () => {
				await page.goto(`${collection}?fresh=${Date.now()}`);
				return collected(page);
			},
			{ timeout: 10_000 }
		)
		.toBe(before + 20_000);
});

test('a card gift below 15 Kč is refused with a message, also without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/give');
	await page.getByRole('radio', { name: 'Vlastní částka' }).check();
	await page.getByLabel('Vlastní částka (Kč)').fill('10');
	await page.getByRole('button', { name: 'Zaplatit kartou' }).click();
	await expect(page.getByText(/Zadejte prosím částku v korunách, nejméně 15 Kč/)).toBeVisible();
	await expect(page.getByLabel('Vlastní částka (Kč)')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Vlastní částka (Kč)')).toHaveValue('10');
	await expect(page).toHaveURL(/\/give/);

	// 15 Kč itself goes through to the payment page: without JavaScript the answer's refresh leads there
	await page.getByRole('radio', { name: 'Vlastní částka' }).check();
	await page.getByLabel('Vlastní částka (Kč)').fill('15');
	await page.getByRole('button', { name: 'Zaplatit kartou' }).click();
	await expect(page).toHaveURL(/\/pay\/cs_test_/);
	await context.close();
});

test('/give offers the card form after the bank form, accessibly', async ({ page }) => {
	await page.goto('/give');
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.map((h) => h.trim())).toEqual(['Bankovním převodem', 'Platební kartou']);
	await expect(page.getByRole('radio', { name: /^1\s000\sKč$/ })).toBeVisible();
	await expect(page.getByLabel('Email pro potvrzení')).toBeVisible();
	await expect(page.getByText(/účtuje klubu malý poplatek/)).toBeVisible();
	expect(await axeViolations(page)).toEqual([]);
});

test('a member pays dues monthly by card, sees them active and cancels them at the period’s end', async ({
	page
}) => {
	await signInPage(page, 'member');
	await page.goto('/dues');
	await expect(page.getByRole('heading', { level: 2, name: 'Platební kartou' })).toBeVisible();
	await page.getByRole('radio', { name: /^100\sKč za měsíc$/ }).check();
	await page.getByRole('button', { name: 'Pokračovat k platbě kartou' }).click();

	await payOnFakeStripe(page, /100/);
	await expect(page).toHaveURL(/\/dues\?paid=cs_test_/);
	await expect(page.getByText(/Děkujeme, příspěvek se započítá, jakmile ho brána potvrdí/)).toBeVisible();

	const active = page
		.getByRole('row')
		.filter({ hasText: /100\sKč za měsíc/ })
		.filter({ hasText: 'aktivní' })
		.filter({ has: page.getByRole('button', { name: /^Zrušit k/ }) });
	await expect
		.poll(
			async () => {
				await page.reload();
				return active.count();
			},
			{ timeout: 10_000 }
		)
		.toBeGreaterThan(0);
	expect(await axeViolations(page)).toEqual([]);

	const row = active.first();
	const id = await row.locator('input[name="subscription"]').getAttribute('value');
	await row.getByRole('button', { name: /^Zrušit k/ }).click();
	await expect(page.getByText(/Pravidelnou platbu jsme zrušili ke konci placeného období/)).toBeVisible();
	const cancelled = page.getByRole('row').filter({ has: page.locator(`input[value="${id}"]`) });
	await expect(cancelled).toHaveCount(0);
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: /zrušeno k/ })
			.first()
	).toBeVisible();

	// and it stays so after a reload (the row, not only the page, says so)
	await page.reload();
	await expect(
		page
			.getByRole('row')
			.filter({ hasText: /zrušeno k/ })
			.first()
	).toContainText('100');
});

/*
 * The webhook endpoint of the built server: only Stripe's signature on the unaltered, fresh body is
 * accepted, and one event delivered twenty times at once records its money once. Card income is read on
 * the coordinator's money page; the tests of this file run one after another, and no other file pays by card.
 */
const stripe = new Stripe(E2E_STRIPE_SECRET_KEY, { maxNetworkRetries: 0, telemetry: false });

async function cardIncome(page: Page): Promise<number> {
	await page.goto('/coordinator/money');
	const text = (await page.getByRole('row', { name: /Platební kartou/ }).innerText()).replace(
		/[\s\u00a0\u202f]/g,
		''
	);
	const [crowns, halere = '0'] = (/(\d+(?:,\d+)?)Kč/.exec(text)?.[1] ?? '').split(',');
	expect(crowns, text).toMatch(/^\d+$/);
	return Number(crowns) * 100 + Number(halere.padEnd(2, '0'));
}

/** Starts a 300 Kč card gift to the general fund and returns the fake Stripe's session for it. */
async function startCardGift(api: APIRequestContext) {
	const response = await api.post('/give?/card', {
		form: { preset: 'other', amount: '300', anonymous: 'on' },
		headers: { accept: 'application/json' }
	});
	const body = await response.text();
	const sessionId = /cs_test_[A-Za-z0-9]+/.exec(body)?.[0];
	expect(sessionId, body).toBeTruthy();
	const session = await (
		await fetch(`${STRIPE_API}/v1/checkout/sessions/${sessionId}`, {
			headers: { authorization: `Bearer ${E2E_STRIPE_SECRET_KEY}` }
		})
	).json();
	return session as { id: string; metadata: Record<string, string>; amount_total: number };
}

function completed(session: { id: string; metadata: Record<string, string>; amount_total: number }) {
	return JSON.stringify({
		id: `evt_e2e${Date.now()}${Math.random().toString(36).slice(2, 8)}`,
		object: 'event',
		type: 'checkout.session.completed',
		created: Math.floor(Date.now() / 1000),
		livemode: false,
		api_version: Stripe.API_VERSION,
		data: {
			object: {
				...session,
				object: 'checkout.session',
				mode: 'payment',
				status: 'complete',
				payment_status: 'paid',
				created: Math.floor(Date.now() / 1000),
				payment_intent: `pi_e2e${session.id.slice(-8)}`
			}
		}
	});
}

const post = (api: APIRequestContext, payload: string, signature?: string) =>
	api.post('/api/stripe/webhook', {
		data: payload,
		headers: { 'content-type': 'application/json', ...(signature && { 'stripe-signature': signature }) }
	});

test('only Stripe’s fresh signature on the unaltered body is accepted, and twenty deliveries count once', async ({
	page,
	baseURL
}) => {
	const api = await apiAs(baseURL!, 'anonymous');
	await signInPage(page, 'coordinator');
	const before = await cardIncome(page);
	const session = await startCardGift(api);
	const payload = completed(session);
	const sign = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
		stripe.webhooks.generateTestHeaderString({
			payload: body,
			secret: options.secret ?? E2E_STRIPE_WEBHOOK_SECRET,
			timestamp: options.timestamp
		});

	expect((await post(api, payload)).status()).toBe(400);
	expect((await post(api, payload, sign(payload, { secret: 'whsec_forged' }))).status()).toBe(400);
	expect((await post(api, payload.replace('"paid"', '"paid" '), sign(payload))).status()).toBe(400);
	const stale = sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 600 });
	expect((await post(api, payload, stale)).status()).toBe(400);
	expect(await cardIncome(page)).toBe(before);

	const signature = sign(payload);
	const answers = await Promise.all(Array.from({ length: 20 }, () => post(api, payload, signature)));
	expect(answers.map((a) => a.status())).toEqual(Array(20).fill(200));
	const outcomes = await Promise.all(
		answers.map(async (a) => ((await a.json()) as { outcome: string }).outcome)
	);
	expect(outcomes.filter((o) => o === 'processed')).toHaveLength(1);
	expect(await cardIncome(page)).toBe(before + 30_000);
	await api.dispose();
});
