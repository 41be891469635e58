import { m } from '$lib/paraglide/messages';
import { PASSWORD_MIN } from '$lib/server/auth/password';
import { checkResetLink, resetPassword } from '$lib/server/auth/password-reset';
import { waitSeconds } from '$lib/server/auth/throttle';
import { parseForm, readForm } from '$lib/server/http/forms';
import { db, runtime } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { newPasswordField, passwordProblemMessage } from '$lib/server/http/fields';
import type { Actions, PageServerLoad } from './$types';

/*
 * Reached from an e-mail by someone who cannot sign in: public, the token is the credential. A person
 * signed in elsewhere may use it too; afterwards every session of the account ends.
 */

const schema = z
	.object({
		password: newPasswordField,
		confirm: z.string({ error: () => m.form_required() }).max(1000),
		code: z.string().max(100).optional()
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'], error: () => m.reset_mismatch() });

export const load = (async ({ params }) => {
	const link = await checkResetLink(db(), params.token);
	return { link, passwordMin: PASSWORD_MIN };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { errors: input.errors });
		const result = await resetPassword(db(), runtime().keys, {
			token: event.params.token,
			password: input.data.password,
			code: input.data.code,
			address: event.getClientAddress()
		});
		if (result.ok) return { done: true };
		switch (result.reason) {
			case 'invalid':
			case 'expired':
			case 'used':
				return fail(410, { linkProblem: result.reason });
			case 'password':
				return fail(400, { errors: { password: passwordProblemMessage(result.problem) } });
			case 'code_required':
				return fail(400, { errors: { code: m.reset_code_required() } });
			case 'code_invalid':
				return fail(400, { errors: { code: m.reset_code_invalid() } });
			case 'throttled': {
				const seconds = waitSeconds(result.retryAfterMs);
				event.setHeaders({ 'Retry-After': String(seconds) });
				return fail(429, { errors: { _form: m.reset_code_throttled({ seconds }) } });
			}
		}
	}
} satisfies Actions;
