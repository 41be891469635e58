import type { Role } from '$lib/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** reference for support, logged with the error on the server */
			id?: string;
		}
		interface Locals {
			/** the signed-in person, or null (accounts arrive with the sessions module) */
			user: { id: string; roles: Role[] } | null;
		}
	}
}

export {};
