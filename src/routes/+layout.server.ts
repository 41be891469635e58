import { runtime } from '$lib/server/runtime';
import type { LayoutServerLoad } from './$types';

// Only what the header needs; every page still checks access in its own load.
export const load = (({ locals }) => ({
	demo: runtime().demo,
	roles: locals.user?.roles ?? [],
	account: locals.user
		? { name: locals.user.name }
		: locals.twoFactor
			? { name: locals.twoFactor.user.name, pending: true }
			: null
})) satisfies LayoutServerLoad;
