import { clubAccount } from '$lib/server/payments/bank/collections';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { bankIban, db, stripe } from '$lib/server/runtime';
import { cardPresets, submitCardGift } from './_card.server';
import { submitGift } from './_pledge.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	cacheWhenAnonymous(event);
	const account = await clubAccount(db(), bankIban());
	return {
		available: account.fundIban !== null,
		card: stripe() !== null,
		cardPresets: [...cardPresets]
	};
}) satisfies PageServerLoad;

export const actions = {
	bank: (event) => submitGift(event, null),
	card: (event) => submitCardGift(event, null)
} satisfies Actions;
