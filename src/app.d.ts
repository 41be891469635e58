import type { Session, SessionUser } from '$lib/server/auth/session';
import type { Context } from '$lib/server/core/context';
import type { Person, Visitor } from '$lib/server/core/actor';

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
			/**
			 * Built once per request in hooks.server.ts: the database, who asks (the signed-in person or a
			 * visitor), the configured public address, the key ring and the clock. Routes pass it on to
			 * domain functions through `contextOf`/`systemContextOf` (lib/server/http/actor.ts).
			 */
			context: Context<Person | Visitor>;
		}
	}
}

export {};
