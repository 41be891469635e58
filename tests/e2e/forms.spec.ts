import { expect, test, type Route } from '@playwright/test';
import { signInPage } from '../support/e2e-accounts';

/*
 * Forms on a slow connection: the page is usable before its script has arrived, and whatever a person
 * chose in the meantime must survive the moment the script takes over.
 */

test('choices made before the page script runs are kept when it starts', async ({ page }) => {
	await signInPage(page, 'coordinator');

	// hold SvelteKit's start-up script until the form has been filled in, as on a slow phone
	const held: Route[] = [];
	let released = false;
	await page.route('**/_app/immutable/entry/**', (route) => (released ? route.continue() : held.push(route)));
	await page.goto('/coordinator/organisations', { waitUntil: 'domcontentloaded' });
	const name = `Poradna Pomalé spojení ${Date.now()}`;
	await page.getByLabel('Název organizace').fill(name);
	await page.getByLabel('Typ organizace').selectOption({ label: 'Nezisková organizace' });
	await page.getByLabel('Kraj').selectOption({ label: 'Kraj Vysočina' });
	await expect.poll(() => held.length).toBeGreaterThan(0);
	expect(await page.locator('#svelte-announcer').count()).toBe(0);

	released = true;
	for (const route of held) await route.continue();
	// the route announcer is mounted once the script has taken over the page
	await expect(page.locator('#svelte-announcer')).toBeAttached();

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
