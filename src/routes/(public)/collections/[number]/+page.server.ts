import { clubAccount, getCollection } from '$lib/server/payments/bank/collections';
import { donorPrefill, GIFT_PRESETS } from '$lib/server/payments/giving';
import { cacheWhenAnonymous } from '$lib/server/http/cache';
import { bankIban, db, stripe } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import { cardPresets, submitCardGift } from '../../give/_card.server';
import { submitGift } from '../../give/_pledge.server';
import type { Actions, PageServerLoad } from './$types';

/** The need's number from the address; anything else is a page that does not exist. */
function numberOf(param: string): number {
	if (!/^[1-9][0-9]{0,9}$/.test(param)) error(404, 'Not found');
	return Number(param);
}

export const load = (async (event) => {
	const collection = await getCollection(db(), numberOf(event.params.number));
	if (!collection) error(404, 'Not found');
	cacheWhenAnonymous(event);
	const account = await clubAccount(db(), bankIban());
	const user = event.locals.user;
	return {
		collection,
		available: account.collectionIban !== null,
		reference: account.collectionReference,
		card: stripe() !== null,
		presets: [...GIFT_PRESETS],
		cardPresets: [...cardPresets],
		// a signed-in donor's own details, filled in (the page is then never cached: see cacheWhenAnonymous)
		donor: user ? await donorPrefill(db(), user.id) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	bank: (event) => submitGift(event, numberOf(event.params.number)),
	card: (event) => submitCardGift(event, numberOf(event.params.number))
} satisfies Actions;
