/** Name of the session cookie (sessions arrive with accounts). */
export const SESSION_COOKIE = 'spolu_session';
