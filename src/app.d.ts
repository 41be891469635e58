import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** reference for support, logged with the error on the server */
			id?: string;
		}
		interface Locals {
			/** the signed-in person with a complete session (second factor done where needed), or null */
			user: SessionUser | null;
			session: Session | null;
			/** a session that still needs its second factor: it reaches nothing but the 2FA pages */
			twoFactor: { step: 'verify' | 'enrol'; user: SessionUser; session: Session } | null;
		}
	}
}

export {};
