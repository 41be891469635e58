import { m } from '$lib/paraglide/messages';
import { requestPasswordReset } from '$lib/server/auth/password-reset';
import { waitSeconds } from '$lib/server/auth/throttle';
import { parseForm, readForm } from '$lib/server/http/forms';
import { redirectIfSignedIn } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField } from '$lib/server/http/fields';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({ email: emailField });

export const load = ((event) => {
	redirectIfSignedIn(event);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		redirectIfSignedIn(event);
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const { email } = input.data;
		const result = await requestPasswordReset(db(), {
			email,
			address: event.getClientAddress(),
			origin: event.locals.context.origin
		});
		if (!result.ok) {
			const seconds = waitSeconds(result.retryAfterMs);
			event.setHeaders({ 'Retry-After': String(seconds) });
			return fail(429, { values: { email }, errors: { _form: m.reset_throttled({ seconds }) } });
		}
		// The same answer whether or not the address has an account.
		return { sent: true, email };
	}
} satisfies Actions;
