/** Name of the session cookie. */
export const SESSION_COOKIE = 'spolu_session';

/** Cookie attributes; `secure` is SvelteKit's default (on, except for http://localhost). */
export const sessionCookieOptions = (expires: Date) =>
	({ path: '/', httpOnly: true, sameSite: 'lax', expires }) as const;
