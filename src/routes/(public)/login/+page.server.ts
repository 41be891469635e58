import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { safeRedirectPath } from '$lib/safe-redirect';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { signIn } from '$lib/server/auth/sign-in';
import { redirectIfSignedIn } from '$lib/server/http/guards';
import { emailField, passwordField } from '$lib/server/http/fields';
import { parseForm, readForm } from '$lib/server/http/forms';
import { db, twoFactorRequired } from '$lib/server/runtime';
import { twoFactorStep } from '$lib/server/auth/two-factor-policy';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	email: emailField,
	password: passwordField,
	redirectTo: z.string().optional()
});

export const load = ((event) => {
	redirectIfSignedIn(event);
	// without a page to return to, people land on their start page: what waits for them in the club
	return { redirectTo: safeRedirectPath(event.url.searchParams.get('redirectTo'), '/start') };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		redirectIfSignedIn(event);
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const { email, password, redirectTo } = input.data;
		const result = await signIn(db(), { email, password, address: event.getClientAddress() });
		if (!result.ok) {
			const values = { email };
			if (result.reason === 'throttled') {
				const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
				event.setHeaders({ 'Retry-After': String(seconds) });
				return fail(429, { values, errors: { _form: m.sign_in_throttled({ seconds }) } });
			}
			const messages = {
				invalid: m.sign_in_invalid,
				pending_email: m.sign_in_pending_email,
				pending_approval: m.sign_in_pending_approval,
				deactivated: m.sign_in_deactivated
			};
			return fail(result.reason === 'invalid' ? 400 : 403, {
				values,
				errors: { _form: messages[result.reason]() }
			});
		}
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
		event.cookies.set(cookieName, result.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			httpOnly: false
		});
		const step = twoFactorStep(
			{ roles: result.roles, totpEnabled: result.twoFactorPending },
			{ twoFactorVerified: !result.twoFactorPending },
			twoFactorRequired()
		);
		redirect(
			303,
			step === 'verify' ? '/2fa' : step === 'enrol' ? '/2fa/setup' : safeRedirectPath(redirectTo, '/start')
		);
	}
} satisfies Actions;
