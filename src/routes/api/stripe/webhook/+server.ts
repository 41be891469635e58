import { error, json } from '@sveltejs/kit';
import { log } from '$lib/server/log';
import { verifyStripeEvent } from '$lib/server/payments/stripe/client';
import { handleStripeEvent } from '$lib/server/payments/stripe/webhook';
import { systemContextOf } from '$lib/server/http/actor';
import { stripe } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/*
 * Stripe's webhook. The signature is checked on the raw body before anything is parsed; a bad one is
 * 400 and writes nothing. A handled event (or one seen before) is 200; a failure is 500 with the
 * transaction rolled back, so that Stripe delivers it again.
 */
export const POST: RequestHandler = async (requestEvent) => {
	const { request } = requestEvent;
	const configured = stripe();
	if (!configured) error(404, 'Not Found');
	const payload = await request.text();
	const event = verifyStripeEvent(
		configured.client,
		payload,
		request.headers.get('stripe-signature'),
		configured.webhookSecret
	);
	if (!event) return json({ error: 'invalid signature' }, { status: 400 });
	try {
		const outcome = await handleStripeEvent(systemContextOf(requestEvent), event);
		return json({ received: true, outcome });
	} catch (e) {
		// the event id and type only: the payload may hold a donor's name or e-mail
		log.error('stripe webhook failed', { event: event.id, type: event.type, error: String(e) });
		return json({ error: 'not processed' }, { status: 500 });
	}
};
