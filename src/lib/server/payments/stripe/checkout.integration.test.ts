import { systemContextFor } from '../../needs/test-factory';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../../../tests/support/fake-stripe';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { decidedNeed, moneyTestDatabase } from '../../ledger/test-factory';
import type { People } from '../../needs/test-factory';
import { cancelDues, createCardGift, createDuesSubscription, listMemberSubscriptions } from './checkout';
import { stripeClient } from './client';
import { handleStripeEvent } from './webhook';

/* Checkout sessions against a local fake of Stripe's API, with the real SDK; webhook events fed back. */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
	fake = await startFakeStripe();
	stripe = stripeClient({ secretKey: 'sk_test_checkout', apiUrl: fake.url });
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	({ sql, p } = t);
});

const anonymous = { id: null, name: null, email: null, address: null };
const gift = (needId: string | null, amount: number) =>
	createCardGift(sql, stripe, {
		needId,
		amount,
		donor: anonymous,
		locale: 'cs',
		origin: 'https://spolu.example',
		description: needId ? 'Dar na potřebu č. 1' : 'Dar klubu Spolu'
	});
const sessionOf = (url: string) => url.split('/pay/')[1]!;
const feed = async (events: Stripe.Event[]) => {
	for (const e of events) await handleStripeEvent(systemContextFor(sql), e);
};

describe('card gifts through Checkout', () => {
	it('opens a session with opaque ids only, and records the gift when the webhook says it is paid', async () => {
		const needId = await decidedNeed(sql, p, 100_000, 'collection');
		const result = await gift(needId, 30_000);
		if (!result.ok) throw new Error(result.reason);
		const request = fake.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
		expect(request.idempotencyKey).toMatch(/^checkout-/);
		expect(Object.keys(request.body.metadata as object)).toEqual(['checkout_id']);
		expect(JSON.stringify(request.body)).not.toContain('Postel');
		// nothing is recorded before Stripe confirms
		expect((await needMoney(sql, needId))!.raised).toBe(0);
		await feed(fake.pay(sessionOf(result.url)));
		expect((await needMoney(sql, needId))!.raised).toBe(30_000);
	});

	it('holds a collection’s amount while a session is open, and frees it when the session expires', async () => {
		const needId = await decidedNeed(sql, p, 100_000, 'collection');
		const first = await gift(needId, 60_000);
		if (!first.ok) throw new Error(first.reason);
		expect(await gift(needId, 60_000)).toEqual({ ok: false, reason: 'over_missing', limit: 40_000 });
		await feed([fake.expire(sessionOf(first.url))]);
		expect(await gift(needId, 60_000)).toMatchObject({ ok: true });
	});

	it('refuses less than Stripe’s minimum before asking Stripe, and frees the hold when Stripe fails', async () => {
		const before = fake.requests.length;
		expect(await gift(null, 1_499)).toEqual({ ok: false, reason: 'invalid_amount' });
		expect(fake.requests.length).toBe(before);
		const needId = await decidedNeed(sql, p, 50_000, 'collection');
		const down = stripeClient({ secretKey: 'sk_test_down', apiUrl: 'http://127.0.0.1:9' });
		const failed = await createCardGift(sql, down, {
			needId,
			amount: 50_000,
			donor: anonymous,
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Dar'
		});
		expect(failed).toEqual({ ok: false, reason: 'stripe_unavailable' });
		expect(await gift(needId, 50_000)).toMatchObject({ ok: true });
	});

	it('reverses a refund made in Stripe', async () => {
		const result = await gift(null, 40_000);
		if (!result.ok) throw new Error(result.reason);
		const events = fake.pay(sessionOf(result.url));
		await feed(events);
		expect(await fundBalance(sql)).toBe(40_000);
		const session = fake.session(sessionOf(result.url))!;
		await feed([fake.refund(String(session.payment_intent), 10_000)]);
		await feed([fake.refund(String(session.payment_intent))]);
		expect(await fundBalance(sql)).toBe(0);
	});
});

describe('dues by card', () => {
	it('subscribes a member, records each paid period, and cancels at the period’s end', async () => {
		const started = await createDuesSubscription(sql, stripe, {
			memberId: p.member.id,
			email: 'clen@test.cz',
			amount: 10_000,
			interval: 'month',
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Členský příspěvek'
		});
		if (!started.ok) throw new Error(started.reason);
		await feed(fake.pay(sessionOf(started.url)));
		let [mine] = await listMemberSubscriptions(sql, p.member.id);
		expect(mine).toMatchObject({
			interval: 'month',
			amount: 10_000,
			status: 'active',
			cancelAtPeriodEnd: false
		});
		expect(await fundBalance(sql)).toBe(10_000);
		const stripeId = (await sql`select stripe_subscription_id as id from subscriptions`)[0]!.id as string;
		await feed(fake.renew(stripeId));
		expect(await fundBalance(sql)).toBe(20_000);

		expect(await cancelDues(sql, stripe, p.coordinator.id, mine!.id)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await cancelDues(sql, stripe, p.member.id, mine!.id)).toEqual({ ok: true });
		expect(fake.object(stripeId)).toMatchObject({ cancel_at_period_end: true });
		await feed(fake.renew(stripeId));
		[mine] = await listMemberSubscriptions(sql, p.member.id);
		expect(mine!.status).toBe('canceled');
		expect(await fundBalance(sql)).toBe(20_000);
	});
});
