import { publicEnvironment, systemContextFor } from '../../needs/test-factory';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../../../tests/support/fake-stripe';
import { startSmtpServer, type TestSmtpServer } from '../../../../../tests/support/smtp';
import { JobRunner } from '../../jobs/runner';
import { createMailSendJob } from '../../mail/send-job';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { decidedNeed, fillFund, moneyTestDatabase } from '../../ledger/test-factory';
import type { People } from '../../needs/test-factory';
import {
	type CardGiftInput,
	cancelDues,
	createCardGift,
	createDuesSubscription,
	listMemberSubscriptions
} from './checkout';
import { stripeClient } from './client';
import { handleStripeEvent } from './webhook';

/* Checkout sessions against a local fake of Stripe's API, with the real SDK; webhook events fed back. */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let fake: FakeStripe;
let stripe: Stripe;
let smtp: TestSmtpServer;

beforeAll(async () => {
	[fake, smtp] = await Promise.all([startFakeStripe(), startSmtpServer()]);
	stripe = stripeClient({ secretKey: 'sk_test_checkout', apiUrl: fake.url });
});
afterAll(async () => {
	await Promise.all([fake.close(), smtp.close()]);
});
beforeEach(() => {
	({ sql, p } = t);
	smtp.messages.length = 0;
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
	for (const e of events) await handleStripeEvent(systemContextFor(sql, publicEnvironment), e);
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

describe('the donor Checkout knows', () => {
	const giftFrom = (donor: CardGiftInput['donor'], isAnonymous: boolean) =>
		createCardGift(sql, stripe, {
			needId: null,
			amount: 30_000,
			donor,
			anonymous: isAnonymous,
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Dar klubu Spolu'
		});
	const details = {
		name: 'Jana Nováková',
		email: 'jana@example.cz',
		address: { line1: 'Květná 12', postal_code: '603 00', city: 'Brno', country: 'CZ' }
	};
	const donation = async () =>
		(await sql`select donor_name as name, donor_email as email, donor_address as address from donations`)[0];

	it('names a donor who left Spolu’s form empty by what they gave Checkout', async () => {
		const result = await giftFrom(anonymous, false);
		if (!result.ok) throw new Error(result.reason);
		await feed(fake.pay(sessionOf(result.url), details));
		expect(await donation()).toEqual({
			name: 'Jana Nováková',
			email: 'jana@example.cz',
			address: 'Květná 12, 603 00 Brno'
		});
	});

	it('keeps an anonymous gift anonymous: nothing is sent to Stripe and nothing is taken from it', async () => {
		const result = await giftFrom({ ...anonymous, email: 'typed@example.cz' }, true);
		if (!result.ok) throw new Error(result.reason);
		const request = fake.requests.findLast((r) => r.path === '/v1/checkout/sessions')!;
		expect(request.body.customer_email).toBeUndefined();
		await feed(fake.pay(sessionOf(result.url), details));
		expect(await donation()).toEqual({ name: null, email: null, address: null });
	});
});

describe('a dispute through Stripe', () => {
	it('holds the gift, then gives it back to the donor once when lost, with the fee booked', async () => {
		const result = await gift(null, 40_000);
		if (!result.ok) throw new Error(result.reason);
		await feed(fake.pay(sessionOf(result.url)));
		await fillFund(sql, 37_500);
		const pi = String(fake.session(sessionOf(result.url))!.payment_intent);
		const opened = fake.dispute(pi, { fee: 37_500 });
		await feed([opened]);
		const state = async () =>
			(await sql`select dispute_status as status, refunded from donations`)[0] as {
				status: string;
				refunded: number;
			};
		expect(await state()).toEqual({ status: 'open', refunded: 0 });
		const lost = fake.closeDispute((opened.data.object as Stripe.Dispute).id, 'lost');
		await feed([lost, lost]);
		expect(await state()).toEqual({ status: 'lost', refunded: 40_000 });
		expect(await fundBalance(sql)).toBe(0);
	});

	it('lets the gift stand when the club wins, and books no fee the network gave back', async () => {
		const result = await gift(null, 40_000);
		if (!result.ok) throw new Error(result.reason);
		await feed(fake.pay(sessionOf(result.url)));
		const pi = String(fake.session(sessionOf(result.url))!.payment_intent);
		const opened = fake.dispute(pi, { fee: 37_500, feeReturnedIfWon: true });
		await feed([opened, fake.closeDispute((opened.data.object as Stripe.Dispute).id, 'won')]);
		expect((await sql`select dispute_status as status, refunded from donations`)[0]).toEqual({
			status: 'won',
			refunded: 0
		});
		expect(await fundBalance(sql)).toBe(40_000);
	});
});

describe('a failed dues payment', () => {
	const runner = () =>
		new JobRunner(systemContextFor(sql)).register(
			createMailSendJob(() => ({ smtpUrl: smtp.url, mailFrom: 'Spolu <spolu@example.org>' }))
		);
	const drain = async (r: JobRunner) => {
		while (await r.runOne());
	};
	const subscribe = async () => {
		const started = await createDuesSubscription(sql, stripe, {
			memberId: p.member.id,
			email: 'clen@test.cz',
			amount: 20_000,
			interval: 'month',
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Členský příspěvek'
		});
		if (!started.ok) throw new Error(started.reason);
		await feed(fake.pay(sessionOf(started.url)));
		return (await sql`select stripe_subscription_id as id from subscriptions`)[0]!.id as string;
	};
	const notices = async () =>
		(await sql`select to_address as "to", subject, text_body as text from outbox where template = 'due_failed'`) as {
			to: string;
			subject: string;
			text: string;
		}[];

	it('e-mails the member once per failed invoice, in their language, with the amount and the dues page', async () => {
		const stripeId = await subscribe();
		const failed = fake.failRenewal(stripeId);
		await feed(failed);
		expect((await listMemberSubscriptions(sql, p.member.id))[0]!.status).toBe('past_due');
		// the same event redelivered, and Stripe's retries of the same invoice: no second e-mail
		await feed(failed);
		await feed([fake.retryFailed(stripeId), fake.retryFailed(stripeId)]);
		expect(await notices()).toHaveLength(1);
		await drain(runner());
		// (other messages, such as thanks for the first dues, may go out too)
		const failures = smtp.messages.filter((m) => m.subject.includes('nezdařila'));
		expect(failures, smtp.messages.map((m) => m.subject).join(' | ')).toHaveLength(1);
		const [mail] = failures;
		expect(mail!.to).toEqual(['clen@test.cz']);
		expect(mail!.subject).toBe('Platba členského příspěvku se nezdařila');
		expect(mail!.text).toMatch(/příspěvku 200\s*Kč kartou/);
		expect(mail!.text).toContain(`${publicEnvironment.origin}/dues`);

		// the next invoice fails too: that is news again, now in English for a member who reads English
		await sql`update users set locale = 'en' where id = ${p.member.id}`;
		await feed(fake.failRenewal(stripeId));
		const sent = await notices();
		expect(sent).toHaveLength(2);
		expect(sent[1]!.subject).toBe('Your membership dues payment failed');
		expect(sent[1]!.text).toMatch(/dues of CZK\s200 did not go through/);
	});

	it('says nothing about an invoice already paid, or to a member no longer active', async () => {
		const stripeId = await subscribe();
		const [failed] = fake.failRenewal(stripeId);
		const invoice = failed!.data.object as Stripe.Invoice;
		// Stripe's retry paid it, and that arrived before the failure
		const paidEvent = {
			...failed!,
			id: 'evt_paidfirst1',
			type: 'invoice.paid',
			data: { object: { ...invoice, status: 'paid', amount_paid: invoice.amount_due } }
		} as unknown as Stripe.Event;
		await feed([paidEvent, failed!]);
		expect(await notices()).toEqual([]);
		await sql`update users set status = 'deactivated' where id = ${p.member.id}`;
		await feed(fake.failRenewal(stripeId));
		expect(await notices()).toEqual([]);
	});
});
