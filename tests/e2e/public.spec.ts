import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { signInPage } from '../support/e2e-accounts';

/**
 * The public pages as a visitor sees them, against the shared server of playwright.config.ts
 * (embedded database with the demo data).
 */

/** An address that exists nowhere; its last segment would be markup if the page echoed it unescaped. */
const MISSING_MARKER = 'e2e-missing-7q3';
const MISSING_PATH = `/${MISSING_MARKER}/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E`;

const cs = {
	homeTitle: 'Rychlá a bezpečná pomoc pro děti a rodiny zasažené domácím násilím',
	banner: 'Ukázková verze.',
	club: 'Provozuje Klub dárců Spolu',
	nav: 'Hlavní navigace'
};
const en = {
	homeTitle: 'Fast and safe help for children and families hurt by domestic violence',
	banner: 'Demo version.',
	club: 'Run by Klub dárců Spolu',
	nav: 'Main navigation'
};

/**
 * Every test here fails when the browser logs an error (a CSP violation, a failed script, an uncaught
 * exception). Expected: Chromium's note about the deliberate 404 response.
 */
const test = base.extend<{ consoleErrors: string[] }>({
	consoleErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('console', (message) => {
				if (message.type() !== 'error') return;
				const url = message.location().url;
				const expected404 =
					url.includes(MISSING_MARKER) &&
					message.text().includes('the server responded with a status of 404');
				if (!expected404) {
					errors.push(`${message.text()} (${url})`);
				}
			});
			page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
			await use(errors);
			expect(errors, 'errors in the browser console').toEqual([]);
		},
		{ auto: true }
	]
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

test('the home page is in Czech, marked as a demo and names the club', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	await expect(page).toHaveTitle('Spolu – Pomoc dětem a rodinám zasaženým domácím násilím');
	await expect(h1(page)).toHaveText(cs.homeTitle);
	const banner = page.getByRole('complementary', { name: cs.banner });
	await expect(banner).toBeVisible();
	await expect(banner).toContainText('Všechna data jsou smyšlená.');
	await expect(page.getByText(cs.club)).toBeVisible();
	await expect(page.getByRole('link', { name: 'klub@example.org' })).toHaveAttribute(
		'href',
		'mailto:klub@example.org'
	);
});

test('the language switch shows English everywhere until Czech is chosen again', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Přepnout jazyk na English' }).click();

	await expect(page).toHaveURL('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(h1(page)).toHaveText(en.homeTitle);
	await expect(page.getByRole('complementary', { name: en.banner })).toBeVisible();
	await expect(page.getByText(en.club)).toBeVisible();

	// Kept while moving around: by a link (client-side navigation) and by a fresh page load.
	await page.getByRole('navigation', { name: en.nav }).getByRole('link', { name: 'How it works' }).click();
	await expect(page).toHaveURL('/how-it-works');
	await expect(h1(page)).toHaveText('How it works');
	await page.goto('/privacy');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(h1(page)).toHaveText('Privacy');

	// Back to Czech, on the page where the switch was used.
	await page.getByRole('button', { name: 'Switch language to Čeština' }).click();
	await expect(page).toHaveURL('/privacy');
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	await expect(h1(page)).toHaveText('Ochrana soukromí');
	await page.goto('/');
	await expect(h1(page)).toHaveText(cs.homeTitle);
});

test('the main navigation reaches every public page and marks the current one', async ({ page }) => {
	const pages = [
		{ link: 'Úvod', path: '/', title: cs.homeTitle },
		{ link: 'Jak to funguje', path: '/how-it-works', title: 'Jak to funguje' },
		{ link: 'Kde najít pomoc', path: '/help', title: 'Kde najít pomoc' }
	];
	const nav = page.getByRole('navigation', { name: cs.nav });
	const expectCurrent = async (current: (typeof pages)[number]) => {
		await expect(page).toHaveURL(current.path);
		await expect(h1(page)).toHaveText(current.title);
		for (const p of pages) {
			const link = nav.getByRole('link', { name: p.link, exact: true });
			if (p === current) await expect(link).toHaveAttribute('aria-current', 'page');
			else await expect(link).not.toHaveAttribute('aria-current');
		}
	};

	await page.goto('/');
	await expectCurrent(pages[0]!);
	for (const target of [pages[1]!, pages[2]!, pages[0]!]) {
		await nav.getByRole('link', { name: target.link, exact: true }).click();
		await expectCurrent(target);
	}
	// The same on a page loaded directly.
	await page.goto('/help');
	await expectCurrent(pages[2]!);
});

test('the first Tab reaches the skip link, which moves the focus to the content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Přeskočit na obsah' });
	await expect(skip).toBeFocused();
	// Hidden until focused, then shown to sighted keyboard users.
	expect((await skip.boundingBox())?.width ?? 0).toBeGreaterThan(20);

	await page.keyboard.press('Enter');
	await expect(page.getByRole('main')).toBeFocused();
	// The next Tab continues inside the content, not in the header.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('main').getByRole('link', { name: 'Jak to funguje' })).toBeFocused();
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('the navigation is a menu that opens and leads to the pages', async ({ page }) => {
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: cs.nav });
		const menu = nav.locator('details');
		const summary = menu.locator('summary');
		await expect(summary).toHaveText('Nabídka');
		await expect(summary).toBeVisible();
		await expect(nav.getByRole('link', { name: 'Jak to funguje' })).toBeHidden();

		await summary.click();
		await expect(menu).toHaveAttribute('open', '');
		for (const name of ['Úvod', 'Jak to funguje', 'Kde najít pomoc']) {
			await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
		}
		await nav.getByRole('link', { name: 'Kde najít pomoc' }).click();
		await expect(page).toHaveURL('/help');
		await expect(h1(page)).toHaveText('Kde najít pomoc');
	});

	test('no page scrolls sideways, with the menu closed or open, in either language', async ({
		page,
		context,
		baseURL
	}) => {
		for (const locale of ['cs', 'en']) {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			for (const path of ['/', '/how-it-works', '/privacy', MISSING_PATH]) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				for (const state of ['closed', 'open']) {
					if (state === 'open') await page.locator('nav details > summary').click();
					const { scrollWidth, innerWidth } = await page.evaluate(() => ({
						scrollWidth: document.documentElement.scrollWidth,
						innerWidth: window.innerWidth
					}));
					expect(scrollWidth, `${path} in ${locale}, menu ${state}`).toBeLessThanOrEqual(innerWidth);
				}
			}
		}
	});
});

test('an unknown address gets a 404 page in Czech that does not repeat the address', async ({ page }) => {
	const response = await page.goto(MISSING_PATH);
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
	await expect(page).toHaveTitle('Stránka nenalezena – Spolu');
	await expect(h1(page)).toHaveText('Stránka nenalezena');
	await expect(page.getByText('Tato stránka neexistuje nebo byla přesunuta.')).toBeVisible();
	const text = await page.locator('body').innerText();
	expect(text).not.toContain(MISSING_MARKER);
	expect(text).not.toContain('onerror');
	await expect(page.locator('img[src="x"]')).toHaveCount(0);

	await page.getByRole('link', { name: 'Zpět na úvod' }).click();
	await expect(page).toHaveURL('/');
	await expect(h1(page)).toHaveText(cs.homeTitle);
});

test('the language switch works without JavaScript', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	try {
		const page = await context.newPage();
		await page.goto('/how-it-works');
		await expect(h1(page)).toHaveText('Jak to funguje');

		await page.getByRole('button', { name: 'Přepnout jazyk na English' }).click();
		await expect(page).toHaveURL('/how-it-works');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(h1(page)).toHaveText('How it works');

		await page.getByRole('button', { name: 'Switch language to Čeština' }).click();
		await expect(page).toHaveURL('/how-it-works');
		await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
		await expect(h1(page)).toHaveText('Jak to funguje');
	} finally {
		await context.close();
	}
});

for (const locale of ['cs', 'en'] as const) {
	for (const path of ['/', '/how-it-works', '/privacy', MISSING_PATH]) {
		const name = path === MISSING_PATH ? 'the 404 page' : path;
		test(`${name} in ${locale}: no accessibility violations (axe), no console errors`, async ({
			page,
			context,
			baseURL
		}) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL! }]);
			const response = await page.goto(path);
			expect(response?.status()).toBe(path === MISSING_PATH ? 404 : 200);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(h1(page)).toBeVisible();

			const { violations } = await new AxeBuilder({ page }).analyze();
			const summary = violations.map((v) => ({
				rule: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
			expect(summary).toEqual([]);
		});
	}
}

test('a page loads without any CSP violation, including the route announcer for screen readers', async ({
	page
}) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
			violations.push(message.text());
		}
	});
	// the public site sends no SvelteKit script (a page load each time); the signed-in pages start it
	await signInPage(page, 'member');
	await page.goto('/fund');
	// Hydration has run once the announcer exists; a violation, if any, is logged by then.
	await expect(page.locator('#svelte-announcer')).toBeAttached();
	await page.getByRole('link', { name: 'Členský příspěvek' }).first().click();
	await expect(page.locator('#svelte-announcer')).toHaveText(/Členský příspěvek/);
	await expect(page.locator('#svelte-announcer')).not.toBeInViewport({ ratio: 0.5 });
	expect(violations).toEqual([]);
});
