import { SESSION_COOKIE } from '$lib/server/auth/cookie';
import { signOut } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/runtime';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Signing out ends the session in the database, not only in the browser. */
export const POST: RequestHandler = async ({ locals, cookies, getClientAddress }) => {
	const session = locals.session ?? locals.twoFactor?.session;
	const user = locals.user ?? locals.twoFactor?.user;
	if (session && user) {
		await signOut(db(), { sessionId: session.id, userId: user.id, address: getClientAddress() });
	}
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/');
};
