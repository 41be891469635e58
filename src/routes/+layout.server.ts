import { runtime } from '$lib/server/runtime';
import type { LayoutServerLoad } from './$types';

export const load = (({ locals }) => ({
	demo: runtime().demo,
	roles: locals.user?.roles ?? []
})) satisfies LayoutServerLoad;
