import { expect, test, type Page, type Route } from '@playwright/test';
import { signInPage } from '../support/e2e-accounts';

/*
 * Forms on a slow connection: the page is usable before its script has arrived, and whatever a person
 * chose in the meantime must survive the moment the script takes over.
 */

/** Opens a page with SvelteKit's start-up script held back, as on a slow phone; returns its release. */
async function openWithoutScript(page: Page, path: string) {
	const held: Route[] = [];
	let released = false;
	await page.route('**/_app/immutable/entry/**', (route) => (released ? route.continue() : held.push(route)));
	await page.goto(path, { waitUntil: 'domcontentloaded' });
	await expect.poll(() => held.length).toBeGreaterThan(0);
	return async () => {
		expect(await page.locator('#svelte-announcer').count(), 'the script ran too early').toBe(0);
		released = true;
		for (const route of held) await route.continue();
		// the route announcer is mounted once the script has taken over the page
		await expect(page.locator('#svelte-announcer')).toBeAttached();
	};
}

test('choices made in selects before the page script runs are kept when it starts', async ({ page }) => {
	await signInPage(page, 'coordinator');
	const release = await openWithoutScript(page, '/coordinator/organisations');
	const name = `Poradna Pomalé spojení ${Date.now()}`;
	await page.getByLabel('Název organizace').fill(name);
	await page.getByLabel('Typ organizace').selectOption({ label: 'Nezisková organizace' });
	await page.getByLabel('Kraj').selectOption({ label: 'Kraj Vysočina' });
	await release();

	await expect(page.getByLabel('Název organizace')).toHaveValue(name);
	await expect(page.getByLabel('Typ organizace').locator('option:checked')).toHaveText(
		'Nezisková organizace'
	);
	await expect(page.getByLabel('Kraj').locator('option:checked')).toHaveText('Kraj Vysočina');
	await page.getByRole('button', { name: 'Přidat organizaci' }).click();
	const row = page.getByRole('row').filter({ hasText: name });
	await expect(row).toContainText('Nezisková organizace');
	await expect(row).toContainText('Kraj Vysočina');
});

test('a radio button chosen before the page script runs stays chosen', async ({ page }) => {
	await signInPage(page, 'member');
	const release = await openWithoutScript(page, '/profile');
	// nothing is submitted: the language stays as it is for the other tests
	await page.getByRole('radio', { name: 'English' }).check();
	await release();
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	await expect(page.getByRole('radio', { name: 'Čeština' })).not.toBeChecked();
});
