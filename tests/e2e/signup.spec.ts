import { expect, test } from '@playwright/test';
import { signInPage } from '../support/e2e-accounts';

/**
 * A donor signs up; in the demo no e-mail leaves Spolu, so the coordinator reads the message in the
 * outbox, and the donor follows the link in it to confirm the address and sign in.
 */
test('a donor signs up, confirms the address from the e-mail, and signs in', async ({ browser }) => {
	const email = `darce-${Date.now()}@example.org`;
	const password = 'moje tajné heslo pro dary';
	const donor = await (await browser.newContext()).newPage();
	await donor.goto('/signup');
	await donor.getByLabel('Jméno a příjmení').fill('Alena Testová');
	await donor.getByLabel('E-mail').fill(email);
	await donor.getByLabel('Heslo', { exact: true }).fill(password);
	await donor.getByRole('button', { name: 'Zaregistrovat se' }).click();
	await expect(donor.getByRole('heading', { name: 'Zkontrolujte svou e-mailovou schránku' })).toBeVisible();

	// Not yet confirmed: signing in says so.
	await donor.goto('/login');
	await donor.getByLabel('E-mail').fill(email);
	await donor.getByLabel('Heslo', { exact: true }).fill(password);
	await donor.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(donor.getByRole('alert')).toContainText('Nejdříve prosím potvrďte svou e-mailovou adresu');

	const coordinator = await (await browser.newContext()).newPage();
	await signInPage(coordinator, 'coordinator');
	await coordinator.goto('/coordinator/outbox');
	const row = coordinator.getByRole('row').filter({ hasText: email });
	await row.getByRole('link').first().click();
	const body = await coordinator.locator('pre').innerText();
	const link = /https?:\/\/\S+\/verify-email\/\S+/.exec(body)?.[0];
	expect(link, body).toBeTruthy();

	await donor.goto(new URL(link!).pathname);
	await donor.getByRole('button', { name: 'Potvrdit adresu' }).click();
	await expect(donor.getByRole('heading', { name: 'Adresa je potvrzená' })).toBeVisible();
	await donor.goto('/login');
	await donor.getByLabel('E-mail').fill(email);
	await donor.getByLabel('Heslo', { exact: true }).fill(password);
	await donor.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(donor.getByRole('link', { name: 'Alena Testová' })).toBeVisible();
});
