import { expect, test, type Page } from '@playwright/test';
import { signInPage, type Persona } from '../support/e2e-accounts';

/*
 * Every page a signed-in person can reach, measured on a phone (390 px): the page never scrolls sideways
 * and no table needs sideways scrolling inside its own box either (tables become cards there, see
 * `cards-on-phone` in app.css). The pages are found by following the links each role meets, from the
 * start page on, so a page added later is measured without being listed here.
 */

const WIDTH = 390;
/** Links that are downloads or actions, not pages. */
const notPages =
	/^\/(logout|language)|\.(csv|pdf|svg|xml|zip|json|txt)(\?|$)|\/(receipt|attachments|photo|delivery-proof|archive|confirmation)(\/|\?|$)/;
/** Many pages differ only by id or number; two of each kind are enough. */
const kindOf = (path: string) =>
	path
		.replace(/\?.*$/, '')
		.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')
		.replace(/\/\d+(?=\/|$)/g, '/:n');

async function measure(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), `${path} answers`).toBeLessThan(400);
	return page.evaluate(() => {
		const describe = (e: Element) =>
			`${e.tagName.toLowerCase()}.${String(e.className).slice(0, 40)} “${(e.textContent ?? '').trim().slice(0, 40)}”`;
		// the innermost elements reaching past the screen's edge, to name the culprit when this fails
		const wide = [...document.body.querySelectorAll('*')]
			.filter((e) => e.getBoundingClientRect().right > window.innerWidth)
			.filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth))
			.slice(0, 4)
			.map(describe);
		const scrollingTables = [...document.querySelectorAll('table')]
			.map((table) => {
				for (let box = table.parentElement; box; box = box.parentElement)
					if (getComputedStyle(box).overflowX !== 'visible')
						return box.scrollWidth > box.clientWidth + 1 ? table : null;
				return null;
			})
			.filter((t): t is HTMLTableElement => t !== null)
			.map((t) => t.querySelector('caption')?.textContent?.trim() || describe(t));
		const links = [...document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')].map(
			(a) => a.getAttribute('href') ?? ''
		);
		return { scrollWidth: document.documentElement.scrollWidth, wide, scrollingTables, links };
	});
}

const roles: Persona[] = ['socialWorker', 'member', 'coordinator', 'donor'];

for (const persona of roles) {
	test(`every page of the ${persona} fits a 390 px phone`, async ({ browser }) => {
		test.setTimeout(240_000);
		const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
		const page = await context.newPage();
		await signInPage(page, persona);
		const queue = [new URL(page.url()).pathname, '/'];
		const seen = new Set<string>();
		const kinds = new Map<string, number>();
		const measured: string[] = [];
		const failures: string[] = [];
		while (queue.length > 0 && measured.length < 60) {
			const path = queue.shift()!;
			if (seen.has(path) || notPages.test(path)) continue;
			seen.add(path);
			const kind = kindOf(path);
			if ((kinds.get(kind) ?? 0) >= 2) continue;
			kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
			const result = await measure(page, path);
			measured.push(path);
			if (result.scrollWidth > WIDTH)
				failures.push(`${path} is ${result.scrollWidth} px wide: ${result.wide.join(' | ')}`);
			if (result.scrollingTables.length > 0)
				failures.push(`${path} has tables wider than the phone: ${result.scrollingTables.join(' | ')}`);
			for (const link of result.links) {
				const clean = link.replace(/#.*$/, '');
				if (clean && !seen.has(clean)) queue.push(clean);
			}
		}
		console.log(`${persona}: ${measured.length} pages measured at ${WIDTH} px`);
		expect(measured.length, 'pages measured').toBeGreaterThan(5);
		expect(failures).toEqual([]);
		await context.close();
	});
}
