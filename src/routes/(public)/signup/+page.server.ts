import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { PASSWORD_MIN } from '$lib/server/auth/password';
import { signUpDonor } from '$lib/server/auth/signup';
import { waitSeconds } from '$lib/server/auth/throttle';
import { parseForm, readForm } from '$lib/server/http/forms';
import { redirectIfSignedIn } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField, newPasswordField, passwordProblemMessage, requiredText } from '$lib/server/http/fields';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	name: requiredText(200),
	email: emailField,
	password: newPasswordField,
	locale: z.enum(['cs', 'en'], { error: () => m.signup_language_invalid() })
});

export const load = ((event) => {
	redirectIfSignedIn(event);
	return { passwordMin: PASSWORD_MIN, locale: getLocale() };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		redirectIfSignedIn(event);
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const { name, email, password, locale } = input.data;
		const values = { name, email, locale };
		const result = await signUpDonor(db(), {
			name,
			email,
			password,
			locale,
			address: event.getClientAddress(),
			origin: event.locals.context.origin
		});
		if (!result.ok) {
			if (result.reason === 'password') {
				return fail(400, { values, errors: { password: passwordProblemMessage(result.problem) } });
			}
			const seconds = waitSeconds(result.retryAfterMs);
			event.setHeaders({ 'Retry-After': String(seconds) });
			return fail(429, { values, errors: { _form: m.signup_throttled({ seconds }) } });
		}
		// The same answer whether the address was new or already had an account.
		return { sent: true, email };
	}
} satisfies Actions;
