import type { Role } from '$lib/roles';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';

/*
 * The one place routes ask who is calling. Every load, action and endpoint calls one of these on the
 * server: a layout's load does not run for actions or for every client navigation, so it is never the
 * check. `locals.user` is set only for a complete session (second factor done where needed).
 */

type Event = Pick<RequestEvent, 'url' | 'request'> & { locals: Pick<App.Locals, 'user' | 'twoFactor'> };

/** The signed-in person; otherwise pages go to sign-in (or to the second factor) and other requests get 401. */
export function requireUser(event: Event): SessionUser {
	const user = event.locals.user;
	if (user) return user;
	if (event.locals.twoFactor) redirect(303, event.locals.twoFactor.step === 'verify' ? '/2fa' : '/2fa/setup');
	if (event.request.method === 'GET' || event.request.method === 'HEAD') {
		const back = event.url.pathname.replace(/\/__data\.json$/, '') + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	error(401, 'Unauthorized');
}

/** The signed-in person holding at least one of `roles`; 403 for anyone else signed in. */
export function requireRole(event: Event, ...roles: Role[]): SessionUser {
	const user = requireUser(event);
	if (!roles.some((r) => user.roles.includes(r))) error(403, 'Forbidden');
	return user;
}

/** For pages only signed-out visitors use (sign-in, sign-up): the signed-in go to their start page. */
export function redirectIfSignedIn(event: Event) {
	if (event.locals.user) redirect(303, '/start');
	if (event.locals.twoFactor) redirect(303, event.locals.twoFactor.step === 'verify' ? '/2fa' : '/2fa/setup');
}
