import { checkVerifyLink, verifyEmail } from '$lib/server/auth/signup';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/*
 * Public: the token is the credential. Confirming takes a press of a button (a POST), so that mail
 * scanners that fetch every link in a message do not confirm an address on their own.
 */

export const load = (async ({ params }) => ({
	link: await checkVerifyLink(db(), params.token)
})) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const result = await verifyEmail(db(), { token: event.params.token, address: event.getClientAddress() });
		if (!result.ok) return fail(410, { linkProblem: result.reason });
		return { done: true };
	}
} satisfies Actions;
