import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { expect, test } from '../support/e2e-server';
import { DEMO_PASSWORD, personas } from '../support/e2e-accounts';

/**
 * Two-factor sign-in where it is required (SPOLU_REQUIRE_2FA=1, on its own server): a coordinator must
 * enrol before reaching anything, then signs in with a code that works once, or a recovery code.
 */
test.describe.configure({ timeout: 180_000 });

test('a coordinator enrols, then needs a fresh code or a recovery code at every sign-in', async ({
	spolu,
	page,
	request
}) => {
	const app = await spolu.start({ env: { SPOLU_REQUIRE_2FA: '1' } });
	const signIn = async () => {
		await page.goto(`${app.url}/login`);
		// a server of its own, started for this test: its first pages may be slow while the suite runs
		await expect(page.getByLabel('E-mail')).toBeVisible({ timeout: 30_000 });
		await page.getByLabel('E-mail').fill(personas.coordinator.email);
		await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: 'Přihlásit se' }).click();
	};

	await signIn();
	await expect(page).toHaveURL(`${app.url}/2fa/setup`);
	await expect(page.getByText('Vaše role v klubu vyžaduje ověření ve dvou krocích')).toBeVisible();

	// Pending, the session reaches nothing else: not the profile page, nor its data.
	await page.goto(`${app.url}/profile`);
	await expect(page).toHaveURL(`${app.url}/2fa/setup`);
	const cookie = (await page.context().cookies()).find((c) => c.name === 'spolu_session')!;
	const data = await request.get(`${app.url}/profile/__data.json`, {
		headers: { Cookie: `spolu_session=${cookie.value}` }
	});
	expect(await data.json()).toMatchObject({ type: 'redirect', location: '/2fa/setup' });

	const manualKey = await page
		.getByText('Nejde naskenovat?')
		.locator('xpath=following-sibling::p[1]')
		.innerText();
	const key = decodeBase32IgnorePadding(manualKey.replace(/[\s-]/g, '').toUpperCase());
	expect(key).toHaveLength(20);
	await expect(page.getByRole('img', { name: 'QR kód pro aplikaci pro ověřování' })).toBeVisible();

	const firstCode = generateTOTP(key, 30, 6);
	await page.getByLabel('Kód').fill(firstCode);
	await page.getByRole('button', { name: 'Zapnout ověření ve dvou krocích' }).click();
	await expect(page.locator('#recovery-codes-title ~ ol li')).toHaveCount(10);
	const codes = await page.locator('#recovery-codes-title ~ ol li').allInnerTexts();
	expect(codes).toHaveLength(10);
	await page.getByRole('link', { name: 'Kódy mám uložené, pokračovat' }).click();
	await expect(page.getByRole('link', { name: personas.coordinator.name })).toBeVisible();

	// Next sign-in: the code already used is refused; a recovery code works, once.
	await page.getByRole('button', { name: 'Odhlásit se' }).click();
	await signIn();
	await expect(page).toHaveURL(`${app.url}/2fa`);
	await page.getByLabel('Kód').fill(firstCode);
	await page.getByRole('button', { name: 'Ověřit' }).click();
	await expect(page.getByText('Kód nesouhlasí, nebo už byl použit.')).toBeVisible();
	await page.getByLabel('Kód').fill(codes[0]!);
	await page.getByRole('button', { name: 'Ověřit' }).click();
	await expect(page.getByRole('link', { name: personas.coordinator.name })).toBeVisible();

	await page.getByRole('button', { name: 'Odhlásit se' }).click();
	await signIn();
	await page.getByLabel('Kód').fill(codes[0]!);
	await page.getByRole('button', { name: 'Ověřit' }).click();
	await expect(page.getByText('Kód nesouhlasí, nebo už byl použit.')).toBeVisible();
	expect(app.stderr).toBe('');
});
