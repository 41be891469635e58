import type { SubmitFunction } from '@sveltejs/kit';

/*
 * The way from a card form to Stripe's page. The CSP allows forms to post only to this site
 * (`form-action 'self'`), and browsers apply that to a redirect after the post too, so the card actions
 * answer with the session's address instead of a 303: with JavaScript the browser goes there at once,
 * without it the page shows a link and a meta refresh (neither is a form submission).
 */

/** `use:enhance` for a card form: a session's address is followed, anything else updates the page. */
export const toCheckout: SubmitFunction = () => {
	return async ({ result, update }) => {
		const checkout = result.type === 'success' ? result.data?.checkout : undefined;
		if (typeof checkout === 'string') {
			window.location.assign(checkout);
			return;
		}
		await update();
	};
};
