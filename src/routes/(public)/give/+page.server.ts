import { clubAccount } from '$lib/server/payments/bank/collections';
import { bankIban, db } from '$lib/server/runtime';
import { submitGift } from './_pledge.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => {
	const account = await clubAccount(db(), bankIban());
	return { available: account.fundIban !== null };
}) satisfies PageServerLoad;

export const actions = {
	default: (event) => submitGift(event, null)
} satisfies Actions;
