import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import {
	acceptInvitationAsNewUser,
	acceptInvitationAsSignedIn,
	findInvitation
} from '$lib/server/accounts/invitations';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth/password';
import { needsTwoFactor } from '$lib/server/auth/two-factor-policy';
import { passwordField, passwordProblemMessage, requiredText } from '$lib/server/http/fields';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireUser } from '$lib/server/http/guards';
import { db, runtime } from '$lib/server/runtime';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/*
 * The link from an invitation e-mail. A new address sets its name and password here; an address that
 * already has an account must sign in to it first and then accepts, so an invitation never takes over
 * an account. Unknown links answer 404, used or expired ones 410.
 */

const schema = z.object({
	name: requiredText(200),
	password: passwordField
});

function refuse(reason: 'not_found' | 'used' | 'expired'): never {
	error(reason === 'not_found' ? 404 : 410, reason === 'not_found' ? 'Not Found' : 'Gone');
}

/** A half-finished sign-in (second factor pending) finishes first. */
function finishSignInFirst(event: Pick<RequestEvent, 'locals'>) {
	const pending = event.locals.twoFactor;
	if (pending) redirect(303, pending.step === 'verify' ? '/2fa' : '/2fa/setup');
}

export const load = (async (event) => {
	finishSignInFirst(event);
	const invitation = await findInvitation(db(), event.params.token);
	if (!invitation) refuse('not_found');
	const user = event.locals.user;
	// The person who just accepted sees that it worked, not that the link is used.
	const acceptedByMe = invitation.state === 'used' && user !== null && invitation.acceptedBy === user.id;
	if (invitation.state !== 'open' && !acceptedByMe) refuse(invitation.state);
	const mode = acceptedByMe
		? 'accepted'
		: user
			? user.email === invitation.email
				? 'confirm'
				: 'wrong_account'
			: invitation.existingAccount
				? 'sign_in'
				: 'create';
	return {
		mode,
		email: invitation.email,
		role: invitation.role,
		organisationName: invitation.organisationName,
		inviterName: invitation.inviterName,
		signedInAs: user?.email ?? null,
		passwordMin: PASSWORD_MIN,
		passwordMax: PASSWORD_MAX
	};
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		finishSignInFirst(event);
		if (event.locals.user) error(403, 'Forbidden');
		const input = parseForm(schema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const result = await acceptInvitationAsNewUser(db(), event.params.token, {
			name: input.data.name,
			password: input.data.password,
			locale: getLocale(),
			address: event.getClientAddress()
		});
		if (!result.ok) {
			const values = { name: input.data.name };
			if (result.reason === 'password') {
				return fail(400, { values, errors: { password: passwordProblemMessage(result.problem) } });
			}
			if (result.reason === 'account_exists') {
				return fail(409, { values, errors: { _form: m.invite_account_exists() } });
			}
			refuse(result.reason);
		}
		event.cookies.set(SESSION_COOKIE, result.sessionToken, sessionCookieOptions(result.sessionExpiresAt));
		const r = runtime();
		redirect(303, needsTwoFactor([result.role], r.config.require2fa ?? !r.demo) ? '/2fa/setup' : '/start');
	},
	accept: async (event) => {
		const user = requireUser(event);
		const result = await acceptInvitationAsSignedIn(
			db(),
			event.params.token,
			{ id: user.id, email: user.email },
			event.getClientAddress()
		);
		if (!result.ok) {
			if (result.reason === 'wrong_account') error(403, 'Forbidden');
			refuse(result.reason);
		}
		return { accepted: true };
	}
} satisfies Actions;
