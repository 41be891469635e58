import { m } from '$lib/paraglide/messages';
import { cookieMaxAge, cookieName, locales } from '$lib/paraglide/runtime';
import { PASSWORD_MIN } from '$lib/server/auth/password';
import { changeLocale, changeName, changePassword } from '$lib/server/auth/profile';
import { waitSeconds } from '$lib/server/auth/throttle';
import { disableTwoFactor, recoveryCodesLeft, regenerateRecoveryCodes } from '$lib/server/auth/totp';
import { needsTwoFactor } from '$lib/server/auth/two-factor-policy';
import { passwordProblemMessage } from '$lib/server/http/fields';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { runtime } from '$lib/server/runtime';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { codeField } from '../2fa/_code';

const required = () => m.form_required();
const secret = z
	.string({ error: required })
	.min(1, { error: required })
	.max(1000, { error: () => m.form_too_long({ max: 1000 }) });

const nameSchema = z.object({
	name: z
		.string({ error: required })
		.trim()
		.min(1, { error: required })
		.max(200, { error: () => m.form_too_long({ max: 200 }) })
});
const languageSchema = z.object({ locale: z.enum(locales, { error: required }) });
const passwordSchema = z.object({ currentPassword: secret, newPassword: secret });
// Field names differ from the other forms' so that ids on the page stay unique.
const disableSchema = z.object({ disablePassword: secret, disableCode: codeField });
const recoveryCodesSchema = z.object({ code: codeField });

/** The person and this session, for every load and action alike. */
function me(event: RequestEvent) {
	const user = requireUser(event);
	return { user, sessionId: event.locals.session!.id, address: event.getClientAddress() };
}

const throttled = (event: RequestEvent, action: string, retryAfterMs: number) => {
	const seconds = waitSeconds(retryAfterMs);
	event.setHeaders({ 'Retry-After': String(seconds) });
	return fail(429, { action, errors: { _form: m.sign_in_throttled({ seconds }) } });
};

export const load = (async (event) => {
	const { user } = me(event);
	const r = runtime();
	// The same rule hooks.server.ts applies: required by default except on the demo.
	const twoFactorRequired = needsTwoFactor(user.roles, r.config.require2fa ?? !r.demo);
	return {
		profile: { email: user.email, name: user.name, locale: user.locale },
		passwordMin: PASSWORD_MIN,
		twoFactor: {
			enabled: user.totpEnabled,
			required: twoFactorRequired,
			codesLeft: user.totpEnabled ? await recoveryCodesLeft(r.sql, user.id) : 0
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	name: async (event) => {
		const { user, address } = me(event);
		const input = parseForm(nameSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'name', values: input.values, errors: input.errors });
		await changeName(runtime().sql, { userId: user.id, name: input.data.name, address });
		return { action: 'name', message: m.profile_name_saved() };
	},

	language: async (event) => {
		const { user, address } = me(event);
		const input = parseForm(languageSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'language', errors: input.errors });
		await changeLocale(runtime().sql, { userId: user.id, locale: input.data.locale, address });
		// The same cookie as the language switch, so this browser follows at once.
		event.cookies.set(cookieName, input.data.locale, {
			path: '/',
			maxAge: cookieMaxAge,
			sameSite: 'lax',
			httpOnly: false
		});
		redirect(303, '/profile');
	},

	password: async (event) => {
		const { user, sessionId, address } = me(event);
		const input = parseForm(passwordSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'password', errors: input.errors });
		const result = await changePassword(runtime().sql, {
			userId: user.id,
			sessionId,
			currentPassword: input.data.currentPassword,
			newPassword: input.data.newPassword,
			address
		});
		if (result.ok) return { action: 'password', message: m.profile_password_changed() };
		if (result.reason === 'throttled') return throttled(event, 'password', result.retryAfterMs);
		const errors = {
			wrong_password: { currentPassword: m.profile_wrong_password() },
			too_short: { newPassword: passwordProblemMessage('too_short') },
			too_long: { newPassword: passwordProblemMessage('too_long') },
			common: { newPassword: passwordProblemMessage('common') }
		}[result.reason];
		return fail(400, { action: 'password', errors });
	},

	disableTwoFactor: async (event) => {
		const { user, sessionId, address } = me(event);
		const input = parseForm(disableSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'disableTwoFactor', errors: input.errors });
		const r = runtime();
		const result = await disableTwoFactor(r.sql, r.keys, {
			userId: user.id,
			sessionId,
			address,
			password: input.data.disablePassword,
			code: input.data.disableCode
		});
		if (result.ok) return { action: 'disableTwoFactor', message: m.profile_twofa_disabled() };
		if (result.reason === 'throttled') return throttled(event, 'disableTwoFactor', result.retryAfterMs);
		const errors =
			result.reason === 'wrong_password'
				? { disablePassword: m.profile_wrong_password() }
				: { disableCode: m.twofa_invalid_code() };
		return fail(400, { action: 'disableTwoFactor', errors });
	},

	recoveryCodes: async (event) => {
		const { user, sessionId, address } = me(event);
		const input = parseForm(recoveryCodesSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'recoveryCodes', errors: input.errors });
		const r = runtime();
		const result = await regenerateRecoveryCodes(r.sql, r.keys, {
			userId: user.id,
			sessionId,
			address,
			code: input.data.code
		});
		if (result.ok) return { action: 'recoveryCodes', recoveryCodes: result.recoveryCodes };
		if (result.reason === 'throttled') return throttled(event, 'recoveryCodes', result.retryAfterMs);
		return fail(400, { action: 'recoveryCodes', errors: { code: m.twofa_invalid_code() } });
	}
} satisfies Actions;
