import { contextFor, publicEnvironment, systemContextFor, type People } from '../needs/test-factory';
import type Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeStripe, type FakeStripe } from '../../../../tests/support/fake-stripe';
import type { Db } from '../db/client';
import { needMoney } from '../ledger/funding';
import { fundBalance } from '../ledger/ledger';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import { importStatement } from './bank/import';
import { createPledge, getPledge, standingOrderGifts } from './bank/pledges';
import { pledgeForCollection } from './bank/collections';
import { collectionRoom, donorPrefill, GIFT_PRESETS, parseAmountChoice, planGift } from './giving';
import { createCardGift } from './stripe/checkout';
import { stripeClient } from './stripe/client';
import { handleStripeEvent } from './stripe/webhook';

/*
 * Giving as Czech donors know it: the preset amounts, a gift above what a collection misses split as
 * the donor chose and booked exactly so in the ledger, a standing order whose variable symbol matches
 * every month, and the signed-in donor's details filled in.
 */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let fake: FakeStripe;
let stripe: Stripe;

beforeAll(async () => {
	fake = await startFakeStripe();
	stripe = stripeClient({ secretKey: 'sk_test_giving', apiUrl: fake.url });
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	({ sql, p } = t);
});

const donor = { id: null, name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Brno' };
const bank = { min: 100, max: 100_000_000 };

const feed = async (events: Stripe.Event[]) => {
	for (const e of events) await handleStripeEvent(systemContextFor(sql, publicEnvironment), e);
};

let ref = 0;
/** Imports a Fio CSV statement of the club's account with incoming payments [day dd.mm.yyyy, haléře, VS]. */
async function importPayments(rows: [string, number, string][]) {
	const header =
		'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"';
	const lines = rows.map(
		([day, amount, vs]) =>
			`"g${++ref}";"${day}";"${Math.trunc(amount / 100)},${String(amount % 100).padStart(2, '0')}";"CZK";"2900999888";"Eva Dárcová";"2010";"${vs}";"Dar"`
	);
	const csv = ['"accountId";"2901234567"', '"bankId";"2010"', '"currency";"CZK"', '', header, ...lines].join(
		'\r\n'
	);
	const result = await importStatement(contextFor(sql, p.coordinator), {
		name: `vypis-${ref}.csv`,
		bytes: new TextEncoder().encode(csv)
	});
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.summary;
}

/** The ledger's own invariants (as ledger/invariants.integration.test.ts checks them). */
async function ledgerIsExact() {
	const unbalanced = await sql`
		select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0`;
	expect(unbalanced).toEqual([]);
	const drift = await sql`
		select a.code from ledger_accounts a left join ledger_entries e on e.account_id = a.id
		group by a.id having a.balance <> coalesce(sum(e.amount), 0)`;
	expect(drift).toEqual([]);
	const split = await sql`select id from donations where to_need + to_fund <> amount`;
	expect(split).toEqual([]);
}

describe('preset amounts', () => {
	it('takes a preset, or another amount typed as people type it', () => {
		expect(GIFT_PRESETS).toEqual([20_000, 50_000, 100_000, 200_000]);
		expect(parseAmountChoice({ preset: '500' }, bank)).toEqual({ ok: true, amount: 50_000 });
		expect(parseAmountChoice({ preset: '2000', amount: '' }, bank)).toEqual({ ok: true, amount: 200_000 });
		expect(parseAmountChoice({ preset: 'other', amount: '1 234,50 Kč' }, bank)).toEqual({
			ok: true,
			amount: 123_450
		});
		// without JavaScript a donor may type an amount without choosing "Jiná částka"
		expect(parseAmountChoice({ amount: '800' }, bank)).toEqual({ ok: true, amount: 80_000 });
		// the same amount chosen and typed is no conflict
		expect(parseAmountChoice({ preset: '500', amount: '500' }, bank)).toEqual({ ok: true, amount: 50_000 });
	});

	it('asks back instead of guessing, and refuses what is no amount', () => {
		expect(parseAmountChoice({}, bank)).toEqual({ ok: false, reason: 'missing' });
		expect(parseAmountChoice({ preset: 'other', amount: ' ' }, bank)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(parseAmountChoice({ preset: '500', amount: '800' }, bank)).toEqual({
			ok: false,
			reason: 'conflict'
		});
		expect(parseAmountChoice({ preset: 'other', amount: 'abc' }, bank)).toEqual({
			ok: false,
			reason: 'invalid'
		});
		// a preset that is not offered is no amount (a forged form)
		expect(parseAmountChoice({ preset: '300' }, bank)).toEqual({ ok: false, reason: 'missing' });
		// a card takes 15 Kč at least
		expect(parseAmountChoice({ preset: 'other', amount: '10' }, { min: 1_500, max: 100_000_000 })).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});
});

describe('a gift above what a collection misses', () => {
	it('is offered as a split first, and each choice gives what it says', () => {
		expect(planGift(1_000_000, 850_000, null)).toEqual({
			ok: false,
			offer: { amount: 1_000_000, toNeed: 850_000, toFund: 150_000 }
		});
		expect(planGift(1_000_000, 850_000, 'split')).toMatchObject({
			ok: true,
			amount: 1_000_000,
			allowOverflow: true
		});
		expect(planGift(1_000_000, 850_000, 'missing')).toMatchObject({
			ok: true,
			amount: 850_000,
			allowOverflow: false
		});
		expect(planGift(1_000_000, 850_000, 'fund')).toMatchObject({
			ok: true,
			toCollection: false,
			amount: 1_000_000
		});
		// within what is missing nothing is asked
		expect(planGift(500_000, 850_000, null)).toMatchObject({ ok: true, toCollection: true, amount: 500_000 });
	});

	it('split by bank transfer: 8 500 Kč to the collection, 1 500 Kč to the fund, exactly in the ledger', async () => {
		const needId = await decidedNeed(sql, p, 1_000_000, 'collection');
		const [need] = await sql<{ number: number }[]>`select number from needs where id = ${needId}`;
		const first = await createPledge(sql, { purpose: 'gift', needId, amount: 150_000, donor });
		if (!first.ok) throw new Error(first.reason);
		await importPayments([['02.11.2026', 150_000, first.variableSymbol]]);
		expect(await collectionRoom(sql, need!.number, 'bank')).toEqual({ needId, room: 850_000 });

		// without the donor's choice a larger gift is refused as before; with it, taken
		expect(await pledgeForCollection(sql, need!.number, { amount: 1_000_000, donor })).toMatchObject({
			ok: false,
			reason: 'over_missing',
			limit: 850_000
		});
		const split = await pledgeForCollection(sql, need!.number, {
			amount: 1_000_000,
			donor,
			allowOverflow: true
		});
		if (!split.ok) throw new Error(split.reason);
		expect(await getPledge(sql, split.id)).toMatchObject({ amount: 1_000_000, needPart: 850_000 });
		const fundBefore = await fundBalance(sql);
		await importPayments([['05.11.2026', 1_000_000, split.variableSymbol]]);

		const [gift] = await sql<{ to_need: number; to_fund: number }[]>`
			select to_need, to_fund from donations where pledge_id = ${split.id}`;
		expect(gift).toEqual({ to_need: 850_000, to_fund: 150_000 });
		const money = (await needMoney(sql, needId))!;
		expect(money.raised).toBe(1_000_000);
		expect(money.missing).toBe(0);
		expect(await fundBalance(sql)).toBe(fundBefore + 150_000);
		const [status] = await sql<{ status: string }[]>`select status from needs where id = ${needId}`;
		expect(status!.status).toBe('funded');
		await ledgerIsExact();
	});

	it('books no more to the collection than the donor was offered, even if more is missing by then', async () => {
		const needId = await decidedNeed(sql, p, 1_000_000, 'collection');
		const earlier = await createCardGift(sql, stripe, {
			needId,
			amount: 600_000,
			donor,
			locale: 'cs',
			origin: 'https://spolu.example',
			description: 'Dar na potřebu'
		});
		if (!earlier.ok) throw new Error(earlier.reason);
		const sessionId = earlier.url.split('/pay/')[1]!;
		await feed(fake.pay(sessionId));
		const split = await createPledge(sql, {
			purpose: 'gift',
			needId,
			amount: 500_000,
			donor,
			allowOverflow: true
		});
		if (!split.ok) throw new Error(split.reason);
		expect(await getPledge(sql, split.id)).toMatchObject({ needPart: 400_000 });
		// the earlier card gift is refunded meanwhile: the collection misses more than when the donor chose
		await feed([fake.refund(String(fake.session(sessionId)!.payment_intent))]);
		expect((await needMoney(sql, needId))!.missing).toBe(1_000_000);
		await importPayments([['05.11.2026', 500_000, split.variableSymbol]]);
		const [gift] = await sql<{ to_need: number; to_fund: number }[]>`
			select to_need, to_fund from donations where pledge_id = ${split.id}`;
		expect(gift).toEqual({ to_need: 400_000, to_fund: 100_000 });
		await ledgerIsExact();
	});

	it('split by card: the session holds only what is missing, and the webhook books the rest to the fund', async () => {
		const needId = await decidedNeed(sql, p, 1_000_000, 'collection');
		const [need] = await sql<{ number: number }[]>`select number from needs where id = ${needId}`;
		const card = (amount: number, allowOverflow = false) =>
			createCardGift(sql, stripe, {
				needId,
				amount,
				donor,
				locale: 'cs',
				origin: 'https://spolu.example',
				description: 'Dar na potřebu',
				allowOverflow
			});
		const first = await card(150_000);
		if (!first.ok) throw new Error(first.reason);
		expect(await collectionRoom(sql, need!.number, 'card')).toEqual({ needId, room: 850_000 });
		expect(await card(1_000_000)).toEqual({ ok: false, reason: 'over_missing', limit: 850_000 });
		const split = await card(1_000_000, true);
		if (!split.ok) throw new Error(split.reason);
		// the split holds the 8 500 Kč it gives the collection: nothing more is free for others
		expect(await collectionRoom(sql, need!.number, 'card')).toEqual({ needId, room: 0 });
		await feed(fake.pay(split.url.split('/pay/')[1]!));
		await feed(fake.pay(first.url.split('/pay/')[1]!));
		const gifts = await sql<{ amount: number; to_need: number; to_fund: number }[]>`
			select amount, to_need, to_fund from donations where need_id = ${needId} order by amount`;
		// the first donor's 1 500 Kč still reaches the collection: the split took only its share
		expect(gifts).toEqual([
			{ amount: 150_000, to_need: 150_000, to_fund: 0 },
			{ amount: 1_000_000, to_need: 850_000, to_fund: 150_000 }
		]);
		expect((await needMoney(sql, needId))!.missing).toBe(0);
		await ledgerIsExact();
	});
});

describe('a monthly gift by standing order', () => {
	it('matches every payment with its variable symbol as a new gift of that donor', async () => {
		const order = await createPledge(sql, {
			purpose: 'gift',
			needId: null,
			amount: 50_000,
			donor: { ...donor, id: p.donor.id },
			standing: true
		});
		if (!order.ok) throw new Error(order.reason);
		const before = await fundBalance(sql);
		for (const [i, day] of ['15.09.2026', '15.10.2026', '15.11.2026'].entries()) {
			const summary = await importPayments([[day, 50_000, order.variableSymbol]]);
			expect(summary).toMatchObject({ matched: 1, unassigned: 0 });
			expect(await standingOrderGifts(sql, order.id)).toBe(i + 1);
		}
		// still open, never "already paid"
		expect(await getPledge(sql, order.id)).toMatchObject({ status: 'open', standing: true });
		const gifts = await sql<{ received_on: string; amount: number; donor_id: string; to_fund: number }[]>`
			select to_char(received_on, 'YYYY-MM-DD') as received_on, amount, donor_id, to_fund from donations
			where pledge_id = ${order.id} order by received_on`;
		expect(gifts).toEqual(
			['2026-09-15', '2026-10-15', '2026-11-15'].map((received_on) => ({
				received_on,
				amount: 50_000,
				donor_id: p.donor.id,
				to_fund: 50_000
			}))
		);
		expect(await fundBalance(sql)).toBe(before + 150_000);
		// each month is thanked as the gift it is
		const [thanks] = await sql<{ n: number }[]>`
			select count(*)::int as n from donation_thanks t join donations d on d.id = t.donation_id
			where d.pledge_id = ${order.id}`;
		expect(thanks!.n).toBe(3);
		await ledgerIsExact();
	});

	it('takes a changed amount and two months in one statement, and an imported line only once', async () => {
		const order = await createPledge(sql, {
			purpose: 'gift',
			needId: null,
			amount: 30_000,
			donor,
			standing: true
		});
		if (!order.ok) throw new Error(order.reason);
		const summary = await importPayments([
			['15.10.2026', 30_000, order.variableSymbol],
			['15.11.2026', 45_000, order.variableSymbol]
		]);
		expect(summary).toMatchObject({ matched: 2, unassigned: 0 });
		expect(await standingOrderGifts(sql, order.id)).toBe(2);
		// the same statement again records nothing twice
		const header =
			'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"';
		const again = await importStatement(contextFor(sql, p.coordinator), {
			name: 'znovu.csv',
			bytes: new TextEncoder().encode(
				[
					'"accountId";"2901234567"',
					'"bankId";"2010"',
					'"currency";"CZK"',
					'',
					header,
					`"g${ref}";"15.11.2026";"450,00";"CZK";"2900999888";"Eva Dárcová";"2010";"${order.variableSymbol}";"Dar"`
				].join('\r\n')
			)
		});
		expect(again).toMatchObject({ ok: true, summary: { recorded: 0, duplicates: 1 } });
		expect(await standingOrderGifts(sql, order.id)).toBe(2);
		// a one-off pledge still takes one payment only
		const once = await createPledge(sql, { purpose: 'gift', needId: null, amount: 20_000, donor });
		if (!once.ok) throw new Error(once.reason);
		expect(
			await importPayments([
				['16.11.2026', 20_000, once.variableSymbol],
				['17.11.2026', 20_000, once.variableSymbol]
			])
		).toMatchObject({ matched: 1, unassigned: 1 });
		await ledgerIsExact();
	});

	it('is for the general fund only, and its e-mail says how to set it up', async () => {
		const needId = await decidedNeed(sql, p, 100_000, 'collection');
		expect(
			await createPledge(sql, { purpose: 'gift', needId, amount: 10_000, donor, standing: true })
		).toEqual({ ok: false, reason: 'forbidden' });
		const { clubAccount } = await import('./bank/collections');
		const order = await createPledge(
			sql,
			{ purpose: 'gift', needId: null, amount: 50_000, donor, standing: true, locale: 'cs' },
			{ origin: 'https://spolu.example', account: await clubAccount(sql, 'CZ5520100000002901234567') }
		);
		if (!order.ok) throw new Error(order.reason);
		const [mail] = await sql<{ template: string; subject: string; text_body: string }[]>`
			select template, subject, text_body from outbox order by id desc limit 1`;
		expect(mail!.template).toBe('standing_order_instructions');
		expect(mail!.subject).toContain('trvalý příkaz');
		expect(mail!.text_body).toContain(`Variabilní symbol: ${order.variableSymbol}`);
		expect(mail!.text_body).toContain('Četnost: měsíčně');
		expect(mail!.text_body).toContain(`https://spolu.example/give/pledge/${order.id}`);
	});
});

describe("a signed-in donor's details", () => {
	it('come from the treasurer’s donor profile, else the account and the newest gift', async () => {
		const [user] = await sql<{ name: string; email: string }[]>`
			select name, email from users where id = ${p.donor.id}`;
		expect(await donorPrefill(sql, p.donor.id)).toEqual({
			name: user!.name,
			email: user!.email,
			address: ''
		});

		const order = await createPledge(sql, {
			purpose: 'gift',
			needId: null,
			amount: 20_000,
			donor: { id: p.donor.id, name: user!.name, email: null, address: 'Lipová 3, 602 00 Brno' }
		});
		if (!order.ok) throw new Error(order.reason);
		await importPayments([['02.11.2026', 20_000, order.variableSymbol]]);
		expect(await donorPrefill(sql, p.donor.id)).toMatchObject({ address: 'Lipová 3, 602 00 Brno' });

		await sql`
			insert into donor_profiles (donor_key, kind, name, address)
			values (${`u:${p.donor.id}`}, 'person', 'Ing. Eva Dárcová', 'Dlouhá 12, 110 00 Praha 1')`;
		expect(await donorPrefill(sql, p.donor.id)).toEqual({
			name: 'Ing. Eva Dárcová',
			email: user!.email,
			address: 'Dlouhá 12, 110 00 Praha 1'
		});
		// a closed account fills in nothing
		await sql`update users set status = 'deactivated' where id = ${p.donor.id}`;
		expect(await donorPrefill(sql, p.donor.id)).toBeNull();
	});
});
