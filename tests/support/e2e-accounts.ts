import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

/** The demo accounts (README), by persona. All share one password. */
export const DEMO_PASSWORD = 'spolu-demo-2026';
export const personas = {
	coordinator: { email: 'koordinator@example.org', name: 'Jana Dvořáková' },
	socialWorker: { email: 'pracovnice@example.org', name: 'Petra Nováková' },
	otherSocialWorker: { email: 'ospod@example.org', name: 'Lenka Marešová' },
	member: { email: 'clen1@example.org', name: 'Tomáš Svoboda' },
	donor: { email: 'darce@example.org', name: 'Pavel Horák' }
} as const;
export type Persona = keyof typeof personas;

/** Signs in through the form, as a person would. */
export async function signInPage(page: Page, persona: Persona) {
	await page.goto('/login');
	await page.getByLabel('E-mail').fill(personas[persona].email);
	await page.getByLabel('Heslo', { exact: true }).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: 'Přihlásit se' }).click();
	await expect(page.getByRole('button', { name: 'Odhlásit se' })).toBeVisible();
}

/** An API context signed in as `persona` (or anonymous), sending the Origin the CSRF check wants. */
export async function apiAs(baseURL: string, persona: Persona | 'anonymous'): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL,
		extraHTTPHeaders: { Origin: baseURL, Accept: 'text/html' }
	});
	if (persona !== 'anonymous') {
		const response = await context.post('/login', {
			form: { email: personas[persona].email, password: DEMO_PASSWORD },
			maxRedirects: 0
		});
		expect(response.status(), `sign-in of ${persona}`).toBe(303);
	}
	return context;
}

/**
 * Opens the demo need whose contact person the demo member (clen1) is and that has money on its account:
 * found through /fund by what its page offers (recording a payout), never by id.
 */
export async function openNeedWithPayouts(page: Page) {
	await page.goto('/fund');
	const hrefs = await page
		.getByRole('region', { name: 'Schválené potřeby' })
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	for (const href of hrefs) {
		await page.goto(href);
		if ((await page.getByRole('button', { name: 'Zapsat platbu' }).count()) > 0) return;
	}
	expect(false, 'a demo need with clen1 as its contact person and money on its account').toBe(true);
}
