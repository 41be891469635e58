import type { NeedStatus } from '$lib/needs';
import { cancelNeed } from '../../ledger/closing';
import { system } from '$lib/server/core/actor';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../../db/test-db';
import { allocateFromFund, receiveGift } from '../../ledger/funding';
import { decidedNeed, fillFund } from '../../ledger/test-factory';
import { selectNeed } from '../../needs/queries';
import { createPeople, type People, contextFor, walkTo } from '../../needs/test-factory';
import {
	clubAccount,
	getCollection,
	listOpenCollections,
	listOwnDonations,
	pledgeForCollection
} from './collections';
import { getPledge } from './pledges';

let db: TestDatabase;
let sql: Db;
let p: People;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	p = await createPeople(sql);
});

const PUBLIC_KEYS = ['category', 'collected', 'impact', 'number', 'open', 'region', 'target', 'title'];
const firstPage = { page: 1, size: 50, offset: 0 };
const today = () => new Date().toISOString().slice(0, 10);
const numberOf = async (id: string) => (await selectNeed(sql, id))!.number;

const gift = (needId: string | null, amount: number, donorId: string | null = null) =>
	sql.begin((tx) =>
		receiveGift(contextFor(tx, system), {
			channel: 'bank',
			amount,
			needId,
			receivedOn: today(),
			donor: { id: donorId }
		})
	);

describe('public collections', () => {
	it('lets only the public fields leave, and none of the family details', async () => {
		// the factory's need has a district (Praha 7) and a situation that mentions the shelter
		const id = await decidedNeed(sql, p, 1_000_000, 'collection');
		await gift(id, 250_000);
		const [row] = (await listOpenCollections(sql, firstPage)).rows;
		expect(Object.keys(row!).sort()).toEqual(PUBLIC_KEYS);
		expect(row).toEqual({
			number: await numberOf(id),
			title: 'Postel a matrace pro dvě děti',
			category: 'furniture',
			region: 'CZ010',
			impact: 'Děti budou mít vlastní postel a klidný spánek, což jim pomůže ve škole.',
			target: 1_000_000,
			collected: 250_000,
			open: true
		});
		const one = await getCollection(sql, await numberOf(id));
		expect(Object.keys(one!).sort()).toEqual(PUBLIC_KEYS);
		expect(JSON.stringify(one)).not.toMatch(/Praha 7|azylov|Intervenční|Postel s matrací/);
	});

	it('shows collections and fund-and-collection needs, not needs the club pays for alone', async () => {
		const collection = await decidedNeed(sql, p, 100_000, 'collection');
		const mixed = await decidedNeed(sql, p, 200_000, 'fund_and_collection');
		const gifted = await decidedNeed(sql, p, 300_000, 'gift');
		const purchase = await decidedNeed(sql, p, 300_000, 'purchase');
		const numbers = (await listOpenCollections(sql, firstPage)).rows.map((c) => c.number);
		// newest decision first
		expect(numbers).toEqual([await numberOf(mixed), await numberOf(collection)]);
		expect(await getCollection(sql, await numberOf(gifted))).toBeNull();
		expect(await getCollection(sql, await numberOf(purchase))).toBeNull();
		expect(await getCollection(sql, 999_999)).toBeNull();
		expect(await getCollection(sql, -1)).toBeNull();
		expect(await getCollection(sql, 1.5)).toBeNull();
	});

	it('keeps a funded collection on the list, closed, and its page as completed once it is fulfilled', async () => {
		const id = await decidedNeed(sql, p, 100_000, 'fund_and_collection');
		await fillFund(sql, 100_000);
		const allocated = await allocateFromFund(contextFor(sql, p.coordinator), id, 100_000);
		expect(allocated).toMatchObject({ ok: true, funded: true });
		expect((await selectNeed(sql, id))!.status).toBe('funded');
		const funded = await getCollection(sql, await numberOf(id));
		expect(funded).toMatchObject({ target: 100_000, collected: 100_000, open: false });
		expect(await pledgeForCollection(sql, await numberOf(id), pledgeInput(10_000))).toEqual({
			ok: false,
			reason: 'collection_closed'
		});
		for (const status of ['fulfilling', 'delivered', 'closed']) {
			await walkTo(sql, id, status as NeedStatus);
			expect((await listOpenCollections(sql, firstPage)).rows).toEqual([]);
			// a donor coming back finds it completed, still taking nothing
			expect(await getCollection(sql, await numberOf(id))).toMatchObject({ collected: 100_000, open: false });
			expect(await pledgeForCollection(sql, await numberOf(id), pledgeInput(10_000))).toEqual({
				ok: false,
				reason: 'not_found'
			});
		}
	});

	it('has no page for a collection cancelled before it reached its target', async () => {
		const id = await decidedNeed(sql, p, 100_000, 'fund_and_collection');
		await fillFund(sql, 40_000);
		await allocateFromFund(contextFor(sql, p.coordinator), id, 40_000);
		await cancelNeed(contextFor(sql, p.coordinator), id, 'Rodině pomohl někdo jiný.');
		expect(await getCollection(sql, await numberOf(id))).toBeNull();
	});

	it('leaves out needs not yet decided, cancelled or closed', async () => {
		const id = await decidedNeed(sql, p, 100_000, 'collection');
		await cancelNeed(contextFor(sql, p.coordinator), id, 'Rodina pomoc už nepotřebuje.');
		expect((await listOpenCollections(sql, firstPage)).rows).toEqual([]);
		expect(await getCollection(sql, await numberOf(id))).toBeNull();
	});
});

const pledgeInput = (amount: number, donorId: string | null = null) => ({
	amount,
	donor: { id: donorId, name: null, email: null, address: null }
});

describe('pledges to a collection by its number', () => {
	it('creates a gift pledge for the need behind the number', async () => {
		const id = await decidedNeed(sql, p, 100_000, 'collection');
		const result = await pledgeForCollection(sql, await numberOf(id), pledgeInput(20_000, p.donor.id));
		expect(result.ok).toBe(true);
		const pledge = await getPledge(sql, result.ok ? result.id : '');
		expect(pledge).toMatchObject({ needId: id, amount: 20_000, purpose: 'gift', donorId: p.donor.id });
	});

	it('refuses a number that is no public collection, and more than is missing', async () => {
		const gifted = await decidedNeed(sql, p, 100_000, 'gift');
		expect(await pledgeForCollection(sql, await numberOf(gifted), pledgeInput(10_000))).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(await pledgeForCollection(sql, 0, pledgeInput(10_000))).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const id = await decidedNeed(sql, p, 100_000, 'collection');
		expect(await pledgeForCollection(sql, await numberOf(id), pledgeInput(100_100))).toEqual({
			ok: false,
			reason: 'over_missing',
			limit: 100_000
		});
		const [count] = await sql<{ n: number }[]>`select count(*)::int as n from pledges`;
		expect(count!.n).toBe(0);
	});
});

describe('the club account', () => {
	it('uses the collection account for collections when the club has one', async () => {
		expect(await clubAccount(sql, 'CZ6508000000192000145399')).toEqual({
			fundIban: 'CZ6508000000192000145399',
			collectionIban: 'CZ6508000000192000145399',
			collectionReference: null,
			clubName: null
		});
		await sql`insert into club_settings (name, collection_iban, collection_reference)
			values ('Spolu z. s.', 'CZ5508000000001234567899', 'KUJCK 12345/2026')`;
		expect(await clubAccount(sql, null)).toEqual({
			fundIban: null,
			collectionIban: 'CZ5508000000001234567899',
			collectionReference: 'KUJCK 12345/2026',
			clubName: 'Spolu z. s.'
		});
	});
});

describe("a donor's own gifts", () => {
	it('lists only what came from their account, newest first', async () => {
		const id = await decidedNeed(sql, p, 100_000, 'collection');
		await gift(id, 30_000, p.donor.id);
		await gift(null, 50_000, p.donor.id);
		await gift(null, 70_000, p.member.id);
		await gift(null, 90_000);
		const own = await listOwnDonations(sql, p.donor.id);
		expect(own.map((d) => d.amount).sort()).toEqual([30_000, 50_000]);
		expect(own.find((d) => d.amount === 30_000)).toMatchObject({
			needNumber: await numberOf(id),
			purpose: 'gift',
			channel: 'bank',
			year: new Date().getFullYear(),
			receivedOn: today(),
			onConfirmation: 30_000
		});
		expect(await listOwnDonations(sql, p.coordinator.id)).toEqual([]);
		// what the confirmation covers: less what went back, nothing while a dispute is open
		await sql`update donations set refunded = 10000 where donor_id = ${p.donor.id} and amount = 30000`;
		await sql`update donations set disputed_at = now(), dispute_status = 'open' where donor_id = ${p.donor.id} and amount = 50000`;
		const after = await listOwnDonations(sql, p.donor.id);
		expect(after.map((d) => [d.amount, d.onConfirmation]).sort()).toEqual([
			[30_000, 20_000],
			[50_000, 0]
		]);
	});
});
