import type Stripe from 'stripe';
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor';
import type { Context } from '../../core/context';
import type { Queryable } from '../../db/client';
import { handleStripeEvent } from './webhook';

/*
 * Card payments in a local test mode, so that someone trying the demo can give by card without a Stripe
 * account. It stands in for Stripe at the network boundary only: checkout.ts opens a "session" here as
 * it would at Stripe (the same hold on a collection, the same card_checkouts row), Spolu's own page
 * /give/card/test/[session] plays Checkout's part, and paying there hands webhook.ts the event Stripe
 * would send, checkout.session.completed, so the gift is booked by exactly the code that books real ones.
 * Its event id is fixed per checkout, so paying twice (a reload, a second tab) books it once.
 *
 * Only ever on a demo database and only when no Stripe key is set: real keys mean real Stripe, and
 * outside the demo a card option must never pretend to take money.
 */

const SESSION_PREFIX = 'cs_localtest_';
const SESSION_ID = /^cs_localtest_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Whether the test mode may run: a demo database and neither of Stripe's keys in the environment. */
export function cardTestModeAllowed(
	demo: boolean,
	env: Record<string, string | undefined> = process.env
): boolean {
	return demo && !env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET;
}

/** Our checkout's id inside a test session's id; null for anything else (a real Stripe session included). */
export const checkoutIdOfTestSession = (sessionId: string): string | null =>
	SESSION_ID.exec(sessionId)?.[1] ?? null;

export const isTestSession = (sessionId: string) => checkoutIdOfTestSession(sessionId) !== null;

/**
 * The part of Stripe's client that checkout.ts uses, answered locally. A session's address is Spolu's
 * own test page (relative, so the donor stays on the address they opened Spolu at).
 */
export function testModeStripe(): { client: Stripe; webhookSecret: string } {
	const client = {
		checkout: {
			sessions: {
				async create(params: Stripe.Checkout.SessionCreateParams) {
					const checkoutId = params.client_reference_id ?? params.metadata?.checkout_id;
					if (!checkoutId) throw new Error('test mode: a session needs our checkout id');
					const id = `${SESSION_PREFIX}${checkoutId}`;
					return {
						id,
						object: 'checkout.session',
						url: `/give/card/test/${id}`,
						expires_at: params.expires_at
					};
				}
			}
		},
		subscriptions: {
			async update(id: string) {
				return { id, object: 'subscription' };
			}
		},
		webhooks: {
			// nothing from outside is a test payment: every signature is refused
			constructEvent() {
				throw new Error('test mode: no webhooks');
			}
		}
	};
	// a secret nobody knows, for the webhook route's check that never passes in test mode
	return { client: client as unknown as Stripe, webhookSecret: randomBytes(24).toString('hex') };
}

export interface TestCheckout {
	sessionId: string;
	checkoutId: string;
	purpose: 'gift' | 'dues';
	amount: number;
	interval: 'month' | 'year' | null;
	needNumber: number | null;
	status: string;
}

/** The checkout behind a test session, as its page shows it; null when there is none. */
export async function findTestCheckout(db: Queryable, sessionId: string): Promise<TestCheckout | null> {
	const checkoutId = checkoutIdOfTestSession(sessionId);
	if (!checkoutId) return null;
	const [row] = await db<TestCheckout[]>`
		select c.stripe_session_id as "sessionId", c.id as "checkoutId", c.purpose, c.amount, c.interval,
			n.number as "needNumber", c.status
		from card_checkouts c left join needs n on n.id = c.need_id
		where c.id = ${checkoutId} and c.stripe_session_id = ${sessionId}`;
	return row ?? null;
}

/** The session as Stripe would describe it in its events. */
function sessionOf(checkout: TestCheckout, locale: 'cs' | 'en', paid: boolean): Stripe.Checkout.Session {
	const subscription = checkout.purpose === 'dues';
	return {
		id: checkout.sessionId,
		object: 'checkout.session',
		mode: subscription ? 'subscription' : 'payment',
		status: paid ? 'complete' : 'expired',
		payment_status: paid ? 'paid' : 'unpaid',
		amount_total: checkout.amount,
		currency: 'czk',
		locale,
		client_reference_id: checkout.checkoutId,
		metadata: { checkout_id: checkout.checkoutId },
		payment_intent: subscription ? null : `pi_localtest_${checkout.checkoutId}`,
		subscription: subscription ? `sub_localtest_${checkout.checkoutId}` : null,
		customer: subscription ? `cus_localtest_${checkout.checkoutId}` : null,
		customer_details: null
	} as unknown as Stripe.Checkout.Session;
}

/** Stripe's event ids are letters, digits and "_" (and the table checks it): the checkout's id without its dashes. */
const eventId = (what: string, checkoutId: string) =>
	`evt_localtest_${what}_${checkoutId.replaceAll('-', '')}`;

const event = (id: string, type: Stripe.Event['type'], object: unknown): Stripe.Event =>
	({
		id,
		object: 'event',
		type,
		created: Math.floor(Date.now() / 1000),
		livemode: false,
		data: { object }
	}) as unknown as Stripe.Event;

export type TestPayment =
	{ ok: true; purpose: 'gift' | 'dues' } | { ok: false; reason: 'not_found' | 'ended' };

/**
 * The donor paid on the test page: the events Stripe would send for it, handled as the webhook handles
 * Stripe's. A gift is checkout.session.completed; dues are the subscription's session, the subscription
 * becoming active and its first invoice paid. Each event id is fixed per checkout: a second Pay is a
 * duplicate and books nothing.
 */
export async function payTestCheckout(
	ctx: Context<Actor>,
	sessionId: string,
	locale: 'cs' | 'en'
): Promise<TestPayment> {
	const checkout = await findTestCheckout(ctx.db, sessionId);
	if (!checkout) return { ok: false, reason: 'not_found' };
	if (checkout.status === 'expired' || checkout.status === 'failed') return { ok: false, reason: 'ended' };
	const id = checkout.checkoutId;
	await handleStripeEvent(
		ctx,
		event(eventId('paid', id), 'checkout.session.completed', sessionOf(checkout, locale, true))
	);
	if (checkout.purpose === 'dues') {
		const now = Math.floor(Date.now() / 1000);
		const subscription = `sub_localtest_${id}`;
		await handleStripeEvent(
			ctx,
			event(eventId('subscription', id), 'customer.subscription.created', {
				id: subscription,
				object: 'subscription',
				status: 'active',
				customer: `cus_localtest_${id}`,
				cancel_at_period_end: false,
				metadata: { checkout_id: id },
				items: {
					data: [
						{
							current_period_start: now,
							current_period_end: now + (checkout.interval === 'year' ? 365 : 30) * 86_400
						}
					]
				}
			})
		);
		await handleStripeEvent(
			ctx,
			event(eventId('invoice', id), 'invoice.paid', {
				id: `in_localtest_${id}`,
				object: 'invoice',
				status: 'paid',
				amount_paid: checkout.amount,
				amount_due: checkout.amount,
				customer: `cus_localtest_${id}`,
				status_transitions: { paid_at: now },
				parent: { subscription_details: { subscription, metadata: { checkout_id: id } } }
			})
		);
	}
	return { ok: true, purpose: checkout.purpose };
}

/** The donor cancelled on the test page: the session ends as an expired one does, and its hold lapses. */
export async function cancelTestCheckout(ctx: Context<Actor>, sessionId: string): Promise<boolean> {
	const checkout = await findTestCheckout(ctx.db, sessionId);
	if (!checkout) return false;
	await handleStripeEvent(
		ctx,
		event(
			eventId('expired', checkout.checkoutId),
			'checkout.session.expired',
			sessionOf(checkout, 'cs', false)
		)
	);
	return true;
}
