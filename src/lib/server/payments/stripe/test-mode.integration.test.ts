import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as testPage from '../../../../routes/(public)/give/card/test/[session]/+page.server';
import { visitor } from '../../core/actor';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { decidedNeed, moneyTestDatabase } from '../../ledger/test-factory';
import { contextFor, publicEnvironment, systemContextFor, type People } from '../../needs/test-factory';
import { createCardGift, createDuesSubscription, listMemberSubscriptions } from './checkout';
import { cancelTestCheckout, cardTestModeAllowed, payTestCheckout, testModeStripe } from './test-mode';

/* Card payments in the demo's local test mode: booked by the webhook's own code, once, and only in the demo. */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const { client } = testModeStripe();
const system = () => systemContextFor(sql, publicEnvironment);
type Donor = { id: string | null; name: string | null; email: string | null; address: string | null };
const anonymous: Donor = { id: null, name: null, email: null, address: null };

async function cardGift(needId: string | null, amount: number, donor: Donor = anonymous) {
	const result = await createCardGift(sql, client, {
		needId,
		amount,
		donor,
		locale: 'cs',
		origin: 'https://spolu.example',
		description: 'Dar'
	});
	if (!result.ok) throw new Error(result.reason);
	expect(result.url).toMatch(/^\/give\/card\/test\/cs_localtest_[0-9a-f-]{36}$/);
	return result.url.split('/').at(-1)!;
}

const cardGiftsOf = async (needId: string | null) => {
	const [row] = await sql<{ count: number; total: number }[]>`
		select count(*)::int as count, coalesce(sum(amount), 0)::int as total from donations
		where channel = 'card' and need_id is not distinct from ${needId}`;
	return row!;
};

describe('a card gift in test mode', () => {
	it('is booked in the ledger when paid, exactly once however often Pay is pressed', async () => {
		const needId = await decidedNeed(sql, p, 100_000, 'collection');
		const session = await cardGift(needId, 25_000, {
			id: null,
			name: 'Eva Dárcová',
			email: 'eva@example.cz',
			address: null
		});

		expect(await payTestCheckout(system(), session, 'cs')).toEqual({ ok: true, purpose: 'gift' });
		expect((await needMoney(sql, needId))!.balance).toBe(25_000);
		// a reload of the page after paying, a second tab, a double click
		expect(await payTestCheckout(system(), session, 'cs')).toEqual({ ok: true, purpose: 'gift' });
		expect(await payTestCheckout(system(), session, 'en')).toEqual({ ok: true, purpose: 'gift' });
		expect((await needMoney(sql, needId))!.balance).toBe(25_000);
		expect(await cardGiftsOf(needId)).toEqual({ count: 1, total: 25_000 });
		const [donation] = await sql<{ donorName: string | null }[]>`
			select donor_name as "donorName" from donations where need_id = ${needId} and channel = 'card'`;
		expect(donation!.donorName).toBe('Eva Dárcová');

		// cancelling afterwards takes nothing back
		await cancelTestCheckout(system(), session);
		expect(await cardGiftsOf(needId)).toEqual({ count: 1, total: 25_000 });
	});

	it('holds the collection while open; cancelled, it frees the hold and can no longer be paid', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'collection');
		const session = await cardGift(needId, 50_000);
		// the whole missing amount is held by the open session
		const second = await createCardGift(sql, client, {
			needId,
			amount: 10_000,
			donor: anonymous,
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Dar'
		});
		expect(second).toMatchObject({ ok: false, reason: 'over_missing' });

		expect(await cancelTestCheckout(system(), session)).toBe(true);
		expect(await payTestCheckout(system(), session, 'cs')).toEqual({ ok: false, reason: 'ended' });
		expect(await cardGiftsOf(needId)).toEqual({ count: 0, total: 0 });
		// the hold is gone: the collection takes a gift again
		await cardGift(needId, 10_000);
	});

	it('to the club fund goes to the fund', async () => {
		const before = await fundBalance(sql);
		const session = await cardGift(null, 30_000);
		await payTestCheckout(system(), session, 'cs');
		await payTestCheckout(system(), session, 'cs');
		expect((await fundBalance(sql)) - before).toBe(30_000);
	});

	it('knows no session it did not open, nor a real Stripe one', async () => {
		for (const id of ['cs_test_a1b2c3', 'cs_localtest_00000000-0000-4000-8000-000000000000', 'x']) {
			expect(await payTestCheckout(system(), id, 'cs')).toEqual({ ok: false, reason: 'not_found' });
		}
	});
});

describe('dues by card in test mode', () => {
	it('start an active subscription and book the first payment once', async () => {
		const result = await createDuesSubscription(sql, client, {
			memberId: p.member.id,
			email: 'clen@test.cz',
			amount: 20_000,
			interval: 'month',
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Příspěvek'
		});
		if (!result.ok) throw new Error(result.reason);
		const session = result.url.split('/').at(-1)!;
		expect(await payTestCheckout(system(), session, 'cs')).toEqual({ ok: true, purpose: 'dues' });
		expect(await payTestCheckout(system(), session, 'cs')).toEqual({ ok: true, purpose: 'dues' });

		const subscriptions = await listMemberSubscriptions(sql, p.member.id);
		expect(subscriptions).toHaveLength(1);
		expect(subscriptions[0]).toMatchObject({ status: 'active', amount: 20_000, interval: 'month' });
		const [dues] = await sql<{ count: number; total: number }[]>`
			select count(*)::int as count, coalesce(sum(amount), 0)::int as total from donations
			where purpose = 'dues' and donor_id = ${p.member.id}`;
		expect(dues).toEqual({ count: 1, total: 20_000 });
	});
});

describe('the test mode runs only in the demo without Stripe keys', () => {
	it('is off outside demo mode and whenever a Stripe key is set', () => {
		expect(cardTestModeAllowed(true, {})).toBe(true);
		expect(cardTestModeAllowed(false, {})).toBe(false);
		expect(cardTestModeAllowed(true, { STRIPE_SECRET_KEY: 'sk_live_x' })).toBe(false);
		expect(cardTestModeAllowed(true, { STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toBe(false);
	});

	// the page reads the process's runtime: a stand-in with only what it asks (demo or not, Stripe keys)
	const holder = globalThis as unknown as { __spolu?: { runtime?: unknown } };
	let saved: unknown;
	beforeEach(() => {
		holder.__spolu ??= {};
		saved = holder.__spolu.runtime;
	});
	afterEach(() => {
		holder.__spolu!.runtime = saved;
	});
	const runAs = (demo: boolean, stripe?: object) => {
		holder.__spolu!.runtime = { demo, config: { stripe } };
	};

	type LoadEvent = Parameters<typeof testPage.load>[0];
	type ActionEvent = Parameters<typeof testPage.actions.pay>[0];
	const event = (session: string) => {
		const url = new URL(`https://spolu.example/give/card/test/${session}`);
		return {
			url,
			params: { session },
			request: new Request(url, { method: 'POST', body: new URLSearchParams() }),
			locals: {
				user: null,
				session: null,
				twoFactor: null,
				context: contextFor(sql, visitor, publicEnvironment)
			},
			getClientAddress: () => '203.0.113.9'
		};
	};
	async function outcome(work: () => Promise<unknown>): Promise<number | string> {
		try {
			await work();
		} catch (e) {
			if (isHttpError(e)) return e.status;
			const redirect = e as { status?: number; location?: string };
			if (redirect.location) return `${redirect.status} ${redirect.location}`;
			throw e;
		}
		return 'shown';
	}

	it('its page and Pay are not found outside the demo or with Stripe configured; nothing is booked', async () => {
		const needId = await decidedNeed(sql, p, 100_000, 'collection');
		const session = await cardGift(needId, 20_000);
		const load = () => testPage.load(event(session) as unknown as LoadEvent);
		const pay = () => testPage.actions.pay(event(session) as unknown as ActionEvent);

		runAs(false);
		expect(await outcome(load)).toBe(404);
		expect(await outcome(pay)).toBe(404);
		runAs(true, { secretKey: 'sk_test_x', webhookSecret: 'whsec_x', apiUrl: undefined });
		expect(await outcome(load)).toBe(404);
		expect(await outcome(pay)).toBe(404);
		expect(await cardGiftsOf(needId)).toEqual({ count: 0, total: 0 });

		// in the demo without keys: shown, and Pay books the gift and sends the donor to the thanks page
		runAs(true);
		expect(await outcome(load)).toBe('shown');
		expect(await outcome(pay)).toBe(`303 /give/card/thanks?session=${session}`);
		expect(await cardGiftsOf(needId)).toEqual({ count: 1, total: 20_000 });
	});
});
