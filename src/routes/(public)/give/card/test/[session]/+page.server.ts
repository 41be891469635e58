import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { systemContextOf } from '$lib/server/http/actor';
import { cancelTestCheckout, findTestCheckout, payTestCheckout } from '$lib/server/payments/stripe/test-mode';
import { cardTestMode } from '$lib/server/runtime';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/*
 * The local test mode's stand-in for Stripe Checkout (see payments/stripe/test-mode.ts): it exists only
 * while Spolu runs on demo data without Stripe's keys; anywhere else it is not found.
 */

function requireTestMode() {
	if (!cardTestMode()) error(404, 'Not found');
}

/** Where the donor goes after paying or cancelling, as Stripe's success and cancel addresses would send them. */
const after = (purpose: 'gift' | 'dues', session: string, paid: boolean) =>
	purpose === 'dues'
		? paid
			? `/dues?paid=${encodeURIComponent(session)}`
			: '/dues'
		: paid
			? `/give/card/thanks?session=${encodeURIComponent(session)}`
			: '/give/card/cancelled';

export const load = (async (event) => {
	requireTestMode();
	const checkout = await findTestCheckout(event.locals.context.db, event.params.session);
	if (!checkout) error(404, 'Not found');
	return {
		checkout: {
			purpose: checkout.purpose,
			amount: checkout.amount,
			interval: checkout.interval,
			needNumber: checkout.needNumber,
			paid: checkout.status === 'paid',
			ended: checkout.status === 'expired' || checkout.status === 'failed'
		},
		next: after(checkout.purpose, event.params.session, true)
	};
}) satisfies PageServerLoad;

export const actions = {
	pay: async (event) => {
		requireTestMode();
		const session = event.params.session;
		const result = await payTestCheckout(systemContextOf(event), session, getLocale() === 'en' ? 'en' : 'cs');
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not found');
			return fail(409, { error: m.card_test_ended() });
		}
		redirect(303, after(result.purpose, session, true));
	},
	cancel: async (event) => {
		requireTestMode();
		const session = event.params.session;
		const checkout = await findTestCheckout(event.locals.context.db, session);
		if (!checkout) error(404, 'Not found');
		await cancelTestCheckout(systemContextOf(event), session);
		redirect(303, after(checkout.purpose, session, false));
	}
} satisfies Actions;
