import { clubAccount } from '$lib/server/payments/bank/collections';
import { donorPrefill, GIFT_PRESETS } from '$lib/server/payments/giving';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { bankIban, db, stripe } from '$lib/server/runtime';
import { cardPresets, submitCardGift } from './_card.server';
import { submitGift } from './_pledge.server';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	cacheWhenAnonymous(event);
	const account = await clubAccount(db(), bankIban());
	const user = event.locals.user;
	return {
		available: account.fundIban !== null,
		card: stripe() !== null,
		presets: [...GIFT_PRESETS],
		cardPresets: [...cardPresets],
		// a signed-in donor's own details, filled in (the page is then never cached: see cacheWhenAnonymous)
		donor: user ? await donorPrefill(db(), user.id) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	bank: (event) => submitGift(event, null),
	card: (event) => submitCardGift(event, null)
} satisfies Actions;
