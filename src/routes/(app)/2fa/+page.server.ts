import { m } from '$lib/paraglide/messages';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { waitSeconds } from '$lib/server/auth/throttle';
import { completeTwoFactor } from '$lib/server/auth/totp';
import { parseForm, readForm } from '$lib/server/http/forms';
import { runtime } from '$lib/server/runtime';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { codeField } from './_code';

/*
 * The second step of signing in. A half-signed-in session reaches only this page and /2fa/setup, so
 * it cannot use requireUser (which sends such sessions here); it reads `locals.twoFactor` instead.
 */
function pendingVerification({ locals }: Pick<RequestEvent, 'locals'>) {
	if (locals.user) redirect(303, '/start');
	if (!locals.twoFactor) redirect(303, '/login');
	if (locals.twoFactor.step === 'enrol') redirect(303, '/2fa/setup');
	return locals.twoFactor;
}

const schema = z.object({ code: codeField });

export const load = ((event) => {
	pendingVerification(event);
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, session } = pendingVerification(event);
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { errors: input.errors });
		const r = runtime();
		const result = await completeTwoFactor(r.sql, r.keys, {
			userId: user.id,
			sessionId: session.id,
			code: input.data.code,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			if (result.reason === 'throttled') {
				const seconds = waitSeconds(result.retryAfterMs);
				event.setHeaders({ 'Retry-After': String(seconds) });
				return fail(429, { errors: { _form: m.sign_in_throttled({ seconds }) } });
			}
			return fail(400, { errors: { code: m.twofa_invalid_code() } });
		}
		event.cookies.set(SESSION_COOKIE, result.token, sessionCookieOptions(result.expiresAt));
		redirect(303, '/start');
	}
} satisfies Actions;
