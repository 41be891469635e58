import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseForm, startFakeStripe, type FakeStripe } from '../support/fake-stripe';

const SECRET = 'whsec_test_fake';

interface Received {
	body: string;
	signature: string;
}

/** a webhook endpoint that checks signatures with the SDK, like Spolu's will */
async function startReceiver() {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			const signature = String(req.headers['stripe-signature'] ?? '');
			received.push({ body, signature });
			try {
				const ev = Stripe.webhooks.constructEvent(body, signature, SECRET);
				res.writeHead(200).end(`ok ${ev.type}`);
			} catch (error) {
				res.writeHead(400).end(error instanceof Error ? error.message : 'bad');
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return {
		url,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

let fake: FakeStripe;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let stripe: Stripe;

beforeAll(async () => {
	receiver = await startReceiver();
	fake = await startFakeStripe({ webhookUrl: receiver.url, webhookSecret: SECRET });
	stripe = new Stripe('sk_test_fake', {
		host: '127.0.0.1',
		port: fake.port,
		protocol: 'http',
		maxNetworkRetries: 0,
		telemetry: false
	});
});

afterAll(async () => {
	await fake.close();
	await receiver.close();
});

afterEach(() => {
	receiver.received.length = 0;
});

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

function gift(amount = 50_000, extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
	return stripe.checkout.sessions.create({
		mode: 'payment',
		line_items: [
			{
				price_data: { currency: 'czk', unit_amount: amount, product_data: { name: 'Dar pro Spolu' } },
				quantity: 1
			}
		],
		success_url: 'http://app.test/dar/dekujeme?session={CHECKOUT_SESSION_ID}',
		cancel_url: 'http://app.test/dar',
		expires_at: inAnHour(),
		metadata: { gift_id: 'g-1', fund: 'general' },
		client_reference_id: 'g-1',
		customer_email: 'donor@example.test',
		locale: 'cs',
		submit_type: 'donate',
		payment_intent_data: { metadata: { gift_id: 'g-1' } },
		...extra
	});
}

function dues() {
	return stripe.checkout.sessions.create({
		mode: 'subscription',
		line_items: [
			{
				price_data: {
					currency: 'czk',
					unit_amount: 20_000,
					product_data: { name: 'Členský příspěvek' },
					recurring: { interval: 'month' }
				},
				quantity: 1
			}
		],
		success_url: 'http://app.test/clenstvi/hotovo',
		cancel_url: 'http://app.test/clenstvi',
		metadata: { member_id: 'm-7' },
		subscription_data: { metadata: { member_id: 'm-7' } }
	});
}

type Loose = Record<string, unknown>;
const objectOf = (ev: Stripe.Event) => ev.data.object as unknown as Loose;

describe('parseForm', () => {
	it('nests brackets and turns numeric keys into arrays', () => {
		expect(
			parseForm('a=1&line_items[0][price_data][currency]=czk&line_items[1][quantity]=2&m[k]=v&e[]=x&e[]=y')
		).toEqual({
			a: '1',
			line_items: [{ price_data: { currency: 'czk' } }, { quantity: '2' }],
			m: { k: 'v' },
			e: ['x', 'y']
		});
	});
});

describe('checkout sessions with the real SDK', () => {
	it('creates a payment session that round-trips its parameters, retrieves and expires it', async () => {
		const created = await gift();
		expect(created.id).toMatch(/^cs_test_/);
		expect(created.url).toBe(`${fake.url}/pay/${created.id}`);
		expect(created).toMatchObject({
			object: 'checkout.session',
			status: 'open',
			payment_status: 'unpaid',
			mode: 'payment',
			amount_total: 50_000,
			currency: 'czk',
			metadata: { gift_id: 'g-1', fund: 'general' },
			client_reference_id: 'g-1',
			customer_email: 'donor@example.test',
			payment_intent: null,
			subscription: null,
			livemode: false
		});
		const request = fake.requests.find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
		expect(request?.body).toMatchObject({
			line_items: [{ price_data: { unit_amount: '50000', product_data: { name: 'Dar pro Spolu' } } }],
			payment_intent_data: { metadata: { gift_id: 'g-1' } }
		});

		const retrieved = await stripe.checkout.sessions.retrieve(created.id);
		expect(retrieved.id).toBe(created.id);
		expect(retrieved.metadata).toEqual({ gift_id: 'g-1', fund: 'general' });

		const expired = await stripe.checkout.sessions.expire(created.id);
		expect(expired.status).toBe('expired');
		await expect(stripe.checkout.sessions.expire(created.id)).rejects.toMatchObject({
			type: 'StripeInvalidRequestError',
			statusCode: 400
		});
	});

	it('rejects an amount below the CZK minimum with amount_too_small', async () => {
		const error: unknown = await gift(1499).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
		expect(error).toMatchObject({ code: 'amount_too_small', statusCode: 400 });
		await expect(gift(1500)).resolves.toMatchObject({ amount_total: 1500 });
	});

	it('rejects expires_at outside 30 minutes to 24 hours and a missing success_url', async () => {
		const now = Math.floor(Date.now() / 1000);
		await expect(gift(5000, { expires_at: now + 600 })).rejects.toMatchObject({ param: 'expires_at' });
		await expect(gift(5000, { expires_at: now + 25 * 3600 })).rejects.toMatchObject({ param: 'expires_at' });
		await expect(gift(5000, { expires_at: now + 1800 })).resolves.toMatchObject({ expires_at: now + 1800 });
		await expect(gift(5000, { success_url: undefined })).rejects.toMatchObject({ param: 'success_url' });
	});

	it('answers 404 resource_missing for unknown ids and 401 without a test key', async () => {
		await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({
			type: 'StripeInvalidRequestError',
			code: 'resource_missing',
			statusCode: 404
		});
		await expect(stripe.subscriptions.retrieve('sub_nope')).rejects.toMatchObject({
			code: 'resource_missing'
		});
		const live = new Stripe('sk_live_nope', {
			host: '127.0.0.1',
			port: fake.port,
			protocol: 'http',
			maxNetworkRetries: 0
		});
		await expect(live.checkout.sessions.retrieve('cs_test_x')).rejects.toBeInstanceOf(
			Stripe.errors.StripeAuthenticationError
		);
	});

	it('replays a request with the same idempotency key without creating twice', async () => {
		const before = fake.requests.length;
		const sessionsBefore = fake.sessions().length;
		const key = `gift-${Date.now()}`;
		const a = await stripe.checkout.sessions.create(
			{
				mode: 'payment',
				line_items: [
					{ price_data: { currency: 'czk', unit_amount: 3000, product_data: { name: 'Dar' } }, quantity: 1 }
				],
				success_url: 'http://app.test/ok'
			},
			{ idempotencyKey: key }
		);
		const b = await stripe.checkout.sessions.create(
			{
				mode: 'payment',
				line_items: [
					{ price_data: { currency: 'czk', unit_amount: 3000, product_data: { name: 'Dar' } }, quantity: 1 }
				],
				success_url: 'http://app.test/ok'
			},
			{ idempotencyKey: key }
		);
		expect(b.id).toBe(a.id);
		const keyed = fake.requests.slice(before).filter((r) => r.idempotencyKey === key);
		expect(keyed).toHaveLength(2);
		expect(fake.sessions().length).toBe(sessionsBefore + 1);
		await expect(
			stripe.checkout.sessions.create(
				{
					mode: 'payment',
					line_items: [
						{ price_data: { currency: 'czk', unit_amount: 4000, product_data: { name: 'Dar' } }, quantity: 1 }
					],
					success_url: 'http://app.test/ok'
				},
				{ idempotencyKey: key }
			)
		).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
	});
});

describe('payments driven from the test', () => {
	it('pays a card session: completed and paid, with a payment intent carrying its metadata', async () => {
		const s = await gift();
		const [completed, ...rest] = fake.pay(s.id, { name: 'Jana Nováková' });
		expect(rest).toHaveLength(0);
		expect(completed).toMatchObject({
			object: 'event',
			type: 'checkout.session.completed',
			livemode: false,
			api_version: Stripe.API_VERSION
		});
		expect(completed?.id).toMatch(/^evt_/);
		const session = objectOf(completed as Stripe.Event);
		expect(session).toMatchObject({
			id: s.id,
			status: 'complete',
			payment_status: 'paid',
			metadata: { gift_id: 'g-1', fund: 'general' }
		});
		expect(String(session.payment_intent)).toMatch(/^pi_/);
		const pi = await stripe.paymentIntents.retrieve(String(session.payment_intent));
		expect(pi).toMatchObject({ status: 'succeeded', metadata: { gift_id: 'g-1' }, amount: 50_000 });
		expect(String(pi.latest_charge)).toMatch(/^ch_/);
		expect(() => fake.pay(s.id)).toThrow(/complete/);
	});

	it('settles an async payment later, either way', async () => {
		const ok = await gift();
		const [completed] = fake.pay(ok.id, { async: true });
		expect(objectOf(completed as Stripe.Event)).toMatchObject({
			status: 'complete',
			payment_status: 'unpaid'
		});
		const succeeded = fake.asyncSucceeded(ok.id);
		expect(succeeded.type).toBe('checkout.session.async_payment_succeeded');
		expect(objectOf(succeeded)).toMatchObject({ payment_status: 'paid', metadata: { gift_id: 'g-1' } });
		expect(() => fake.asyncSucceeded(ok.id)).toThrow();

		const bad = await gift();
		fake.pay(bad.id, { async: true });
		const failed = fake.asyncFailed(bad.id);
		expect(failed.type).toBe('checkout.session.async_payment_failed');
		expect(objectOf(failed)).toMatchObject({ payment_status: 'unpaid' });
	});

	it('expires a session from the control API', async () => {
		const s = await gift();
		const ev = fake.expire(s.id);
		expect(ev.type).toBe('checkout.session.expired');
		expect(objectOf(ev)).toMatchObject({ id: s.id, status: 'expired', metadata: { gift_id: 'g-1' } });
		expect((await stripe.checkout.sessions.retrieve(s.id)).status).toBe('expired');
	});

	it('refunds twice partially with a cumulative amount_refunded, then disputes', async () => {
		const s = await gift(10_000);
		const [completed] = fake.pay(s.id);
		const pi = String(objectOf(completed as Stripe.Event).payment_intent);
		const first = fake.refund(pi, 3000);
		expect(first.type).toBe('charge.refunded');
		expect(objectOf(first)).toMatchObject({
			amount: 10_000,
			amount_refunded: 3000,
			refunded: false,
			payment_intent: pi
		});
		const second = fake.refund(pi, 2000);
		const charge = second.data.object as Stripe.Charge;
		expect(charge.amount_refunded).toBe(5000);
		expect(charge.refunds?.data.map((r) => r.amount)).toEqual([2000, 3000]);
		expect(charge.metadata).toEqual({ gift_id: 'g-1' });
		expect(() => fake.refund(pi, 6000)).toThrow();
		const rest = fake.refund(charge.id);
		expect(objectOf(rest)).toMatchObject({ amount_refunded: 10_000, refunded: true });
		// the first event is a snapshot, not changed by later refunds
		expect(objectOf(first).amount_refunded).toBe(3000);

		const disputed = fake.dispute(pi);
		expect(disputed.type).toBe('charge.dispute.created');
		expect(objectOf(disputed)).toMatchObject({
			charge: charge.id,
			payment_intent: pi,
			amount: 10_000,
			status: 'needs_response'
		});
	});
});

describe('subscriptions', () => {
	it('pays a subscription session and walks the subscription through renewals and cancellation', async () => {
		const s = await dues();
		const events = fake.pay(s.id, { email: 'member@example.test' });
		expect(events.map((e) => e.type)).toEqual([
			'checkout.session.completed',
			'invoice.paid',
			'customer.subscription.created'
		]);
		const session = objectOf(events[0] as Stripe.Event);
		expect(session).toMatchObject({ payment_status: 'paid', metadata: { member_id: 'm-7' } });
		const subId = String(session.subscription);
		expect(subId).toMatch(/^sub_/);
		expect(String(session.customer)).toMatch(/^cus_/);

		const invoice = events[1]?.data.object as Stripe.Invoice;
		expect(invoice).toMatchObject({
			amount_paid: 20_000,
			currency: 'czk',
			status: 'paid',
			customer: session.customer
		});
		expect(invoice.parent?.subscription_details).toEqual({
			subscription: subId,
			metadata: { member_id: 'm-7' }
		});
		const period = invoice.lines.data[0]?.period;

		const sub = await stripe.subscriptions.retrieve(subId);
		expect(sub).toMatchObject({
			status: 'active',
			metadata: { member_id: 'm-7' },
			cancel_at_period_end: false
		});
		const end = sub.items.data[0]?.current_period_end ?? 0;
		expect(end).toBe(period?.end);
		// a month, give or take the month's length
		expect(end - (period?.start ?? 0)).toBeGreaterThanOrEqual(28 * 86_400);
		expect(end - (period?.start ?? 0)).toBeLessThanOrEqual(31 * 86_400);

		const renewed = fake.renew(subId);
		expect(renewed.map((e) => e.type)).toEqual(['invoice.paid', 'customer.subscription.updated']);
		expect((renewed[0]?.data.object as Stripe.Invoice).lines.data[0]?.period.start).toBe(end);

		const failed = fake.failRenewal(subId);
		expect(failed.map((e) => e.type)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
		expect(objectOf(failed[0] as Stripe.Event)).toMatchObject({ status: 'open', amount_paid: 0 });
		expect(objectOf(failed[1] as Stripe.Event)).toMatchObject({ status: 'past_due' });
		expect(failed[1]?.data.previous_attributes).toMatchObject({ status: 'active' });
		expect((await stripe.subscriptions.retrieve(subId)).status).toBe('past_due');

		const atEnd = await stripe.subscriptions.update(subId, { cancel_at_period_end: true });
		expect(atEnd.cancel_at_period_end).toBe(true);
		expect(fake.requests.at(-1)?.body).toEqual({ cancel_at_period_end: 'true' });
		const resumed = await stripe.subscriptions.update(subId, { cancel_at_period_end: false });
		expect(resumed.cancel_at_period_end).toBe(false);

		const deleted = await stripe.subscriptions.cancel(subId);
		expect(deleted.status).toBe('canceled');
		expect(fake.requests.at(-1)?.method).toBe('DELETE');
		await expect(stripe.subscriptions.update(subId, { cancel_at_period_end: true })).rejects.toBeInstanceOf(
			Stripe.errors.StripeInvalidRequestError
		);
	});

	it('ends a subscription set to cancel at period end instead of renewing it, and cancels now', async () => {
		const a = await dues();
		const subA = String(objectOf(fake.pay(a.id)[0] as Stripe.Event).subscription);
		await stripe.subscriptions.update(subA, { cancel_at_period_end: true });
		const [ended] = fake.renew(subA);
		expect(ended?.type).toBe('customer.subscription.deleted');

		const b = await dues();
		const subB = String(objectOf(fake.pay(b.id)[0] as Stripe.Event).subscription);
		const ev = fake.cancelNow(subB);
		expect(ev.type).toBe('customer.subscription.deleted');
		expect(objectOf(ev)).toMatchObject({ id: subB, status: 'canceled', metadata: { member_id: 'm-7' } });
	});
});

describe('webhook delivery', () => {
	it('signs deliveries so constructEvent accepts them, and a tampered one is rejected', async () => {
		const s = await gift();
		const [ev] = fake.pay(s.id);
		const ok = await fake.deliver(ev as Stripe.Event, receiver.url, SECRET);
		expect(ok).toEqual({ status: 200, body: 'ok checkout.session.completed' });
		const got = receiver.received.at(-1) as Received;
		expect(Stripe.webhooks.constructEvent(got.body, got.signature, SECRET).id).toBe(ev?.id);

		const tampered = await fake.deliver(ev as Stripe.Event, receiver.url, SECRET, { tamper: true });
		expect(tampered.status).toBe(400);
		expect(tampered.body).toMatch(/signature/i);

		const stale = await fake.deliver(ev as Stripe.Event, receiver.url, SECRET, {
			timestamp: Math.floor(Date.now() / 1000) - 3600
		});
		expect(stale.status).toBe(400);
		expect(stale.body).toMatch(/tolerance/i);
	});
});

describe('the /pay page', () => {
	it('shows the amount and a pay button, and paying delivers the webhook and redirects to success_url', async () => {
		const s = await gift(25_000);
		const page = await fetch(`${fake.url}/pay/${s.id}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<title>Fake Stripe Checkout</title>');
		expect(html).toContain('250,00 CZK');
		expect(html).toContain('id="pay"');
		expect(html).toContain('Zaplatit');
		expect(html).toContain('href="http://app.test/dar">Zpět</a>');

		const paid = await fetch(`${fake.url}/pay/${s.id}`, { method: 'POST', redirect: 'manual' });
		expect(paid.status).toBe(303);
		expect(paid.headers.get('location')).toBe(`http://app.test/dar/dekujeme?session=${s.id}`);
		expect(receiver.received).toHaveLength(1);
		const delivered = Stripe.webhooks.constructEvent(
			receiver.received[0]?.body ?? '',
			receiver.received[0]?.signature ?? '',
			SECRET
		);
		expect(delivered.type).toBe('checkout.session.completed');
		expect(fake.deliveries.at(-1)).toMatchObject({ status: 200, url: receiver.url });
		expect(fake.session(s.id)?.payment_status).toBe('paid');

		const again = await fetch(`${fake.url}/pay/${s.id}`, { method: 'POST', redirect: 'manual' });
		expect(again.status).toBe(409);
		expect((await fetch(`${fake.url}/pay/cs_test_nope`)).status).toBe(404);
		expect((await fetch(`${fake.url}/healthz`)).status).toBe(200);
	});
});
