import { m } from '$lib/paraglide/messages';
import { enableTwoFactor, resumeEnrolment, startEnrolment } from '$lib/server/auth/totp';
import { parseForm, readForm } from '$lib/server/http/forms';
import { runtime } from '$lib/server/runtime';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { codeField } from '../_code';

/*
 * Setting up 2FA, for two kinds of visitor: a half-signed-in session whose roles require 2FA (step
 * 'enrol'; it reaches nothing else, so requireUser cannot be used here) and a signed-in person turning
 * it on from their profile.
 */
function enrollee({ locals }: Pick<RequestEvent, 'locals'>) {
	if (locals.twoFactor?.step === 'enrol') return { ...locals.twoFactor, required: true };
	if (locals.twoFactor) redirect(303, '/2fa');
	if (locals.user && locals.session) return { user: locals.user, session: locals.session, required: false };
	redirect(303, '/login');
}

const schema = z.object({ sealed: z.string().max(1000), code: codeField });

export const load = (async (event) => {
	const { user, required } = enrollee(event);
	// Already on (also right after enabling it, when the page's data is loaded again): nothing to set up.
	if (user.totpEnabled) return { required, enrolment: null };
	const enrolment = await startEnrolment(runtime().keys, user);
	return {
		required,
		enrolment: { sealed: enrolment.sealed, qr: enrolment.qr, manualKey: enrolment.manualKey }
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const { user, session, required } = enrollee(event);
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		const r = runtime();
		// A failed attempt shows the same key again, so the app set up a moment ago still fits.
		const again = async () => {
			const e = await resumeEnrolment(r.keys, user, String(form.get('sealed') ?? ''));
			return { sealed: e.sealed, qr: e.qr, manualKey: e.manualKey };
		};
		if (!input.ok) return fail(400, { errors: input.errors, enrolment: await again() });
		const result = await enableTwoFactor(r.sql, r.keys, {
			userId: user.id,
			sessionId: session.id,
			sealed: input.data.sealed,
			code: input.data.code,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			if (result.reason === 'already_enabled') redirect(303, '/profile');
			const errors =
				result.reason === 'expired' ? { _form: m.twofa_setup_expired() } : { code: m.twofa_invalid_code() };
			return fail(400, { errors, enrolment: await again() });
		}
		return { recoveryCodes: result.recoveryCodes, next: required ? '/start' : '/profile' };
	}
} satisfies Actions;
