import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInPage, type Persona } from '../support/e2e-accounts';

/*
 * Every page of club money, as the person who uses it: no axe violations, and on a phone (390 px) no
 * page scrolls sideways (wide tables scroll inside their own region).
 */

async function as(browser: Browser, persona: Persona | null, width = 1280) {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	if (persona) await signInPage(page, persona);
	return { page, close: () => context.close() };
}

async function check(page: Page, path: string) {
	await page.goto(path);
	const { violations } = await new AxeBuilder({ page }).analyze();
	expect(
		violations.map((v) => ({ path, rule: v.id, targets: v.nodes.map((n) => n.target.join(' ')) })),
		path
	).toEqual([]);
	const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		innerWidth: window.innerWidth,
		// the innermost elements that reach past the screen's edge outside any scrolling box, to name the
		// culprit when this fails
		wide: [...document.body.querySelectorAll('*')]
			.filter((e) => {
				for (let a = e.parentElement; a; a = a.parentElement)
					if (getComputedStyle(a).overflowX !== 'visible') return a === document.body;
				return true;
			})
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth)
			.filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth))
			.slice(0, 5)
			.map((e) => `${e.tagName.toLowerCase()}.${e.className} “${(e.textContent ?? '').trim().slice(0, 40)}”`)
	}));
	expect(scrollWidth, `${path} scrolls sideways: ${wide.join(' | ')}`).toBeLessThanOrEqual(innerWidth);
}

const pagesOf: [Persona | null, string[]][] = [
	[null, ['/collections', '/give', '/give/card/thanks', '/give/card/cancelled']],
	[
		'coordinator',
		[
			'/coordinator/money',
			'/coordinator/money/bank',
			'/coordinator/money/gifts',
			'/coordinator/money/reports',
			'/fund'
		]
	],
	['member', ['/dues', '/profile/gifts']],
	['donor', ['/profile/gifts']]
];

for (const width of [1280, 390]) {
	test(`money pages are accessible and fit the screen at ${width} px`, async ({ browser }) => {
		test.setTimeout(180_000);
		for (const [persona, paths] of pagesOf) {
			const { page, close } = await as(browser, persona, width);
			const found = [...paths];
			if (persona === null) {
				await page.goto('/collections');
				const collection = await page.locator('a[href^="/collections/"]').first().getAttribute('href');
				if (collection) found.push(collection);
			}
			if (persona === 'coordinator') {
				await page.goto('/fund');
				const need = await page.locator('a[href^="/needs/"]').first().getAttribute('href');
				expect(need, 'a decided need on /fund').toBeTruthy();
				found.push(need!);
			}
			for (const path of found) await check(page, path);
			await close();
		}
	});
}
