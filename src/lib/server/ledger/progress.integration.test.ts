import type { Person } from '$lib/server/core/actor';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { createPeople, type People, contextFor } from '../needs/test-factory';
import { insertUser } from '../auth/users';
import { completeNeed } from '../needs/test-factory';
import { createNeed, submitNeed } from '../needs/transitions';
import { viewNeed } from '../needs/view';
import { closeNeed } from './closing';
import { allocateFromFund } from './funding';
import { listNeedProgress } from './progress';
import { decidedNeed, fillFund } from './test-factory';

let db: TestDatabase;
let sql: Db;
let p: People;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	p = await createPeople(sql);
	await sql`insert into club_settings (name) values ('Klub')`;
	await fillFund(sql, 5_000_000);
});
afterAll(async () => {
	await db.close();
});

// the whole list on one page: these tests look at their own needs among all the file made
const everything = { page: 1, size: 1000, offset: 0 };

// the ledger is append-only, so each test works with needs of its own and looks only at those
let mine: string[];
beforeEach(() => {
	mine = [];
});
const decided = async (target: number) => {
	const id = await decidedNeed(sql, p, target);
	mine.push(id);
	return id;
};
const progressOfMine = async () =>
	(await listNeedProgress(sql, null, 'all', everything)).rows.filter((r) => mine.includes(r.id));

describe('listNeedProgress', () => {
	it('lists a decided need with nothing raised yet as missing its whole target', async () => {
		const id = await decided(1_000_000);
		const [row] = await progressOfMine();
		expect(row).toMatchObject({
			id,
			title: 'Postel a matrace pro dvě děti',
			category: 'furniture',
			status: 'approved',
			form: 'fund_and_collection',
			target: 1_000_000,
			raised: 0,
			missing: 1_000_000
		});
		expect(row!.number).toBeGreaterThan(0);
	});

	it('counts allocations toward the target and shows a funded need with nothing missing', async () => {
		const half = await decided(1_000_000);
		const full = await decided(400_000);
		expect(await allocateFromFund(contextFor(sql, p.coordinator), half, 600_000)).toEqual({
			ok: true,
			funded: false
		});
		expect(await allocateFromFund(contextFor(sql, p.coordinator), full, 400_000)).toEqual({
			ok: true,
			funded: true
		});
		const rows = await progressOfMine();
		expect(rows.find((r) => r.id === half)).toMatchObject({
			status: 'funding',
			raised: 600_000,
			missing: 400_000
		});
		expect(rows.find((r) => r.id === full)).toMatchObject({ status: 'funded', raised: 400_000, missing: 0 });
	});

	it('leaves out closed needs and needs the club has not decided', async () => {
		const closed = await decided(200_000);
		await allocateFromFund(contextFor(sql, p.coordinator), closed, 200_000);
		expect((await closeNeed(contextFor(sql, p.coordinator), closed, '')).ok).toBe(true);
		const created = await createNeed(contextFor(sql, p.worker), completeNeed());
		if (!created.ok) throw new Error(created.reason);
		await submitNeed(contextFor(sql, p.worker), created.id);
		mine.push(created.id);
		expect(await progressOfMine()).toEqual([]);
	});

	it('tells the contact person which needs are theirs to deliver', async () => {
		const id = await decided(100_000);
		const contact = (await listNeedProgress(sql, p.member.id, 'all', everything)).rows.find(
			(r) => r.id === id
		);
		const other = (await listNeedProgress(sql, p.coordinator.id, 'all', everything)).rows.find(
			(r) => r.id === id
		);
		expect([contact?.yours, other?.yours]).toEqual([true, false]);
	});

	it('orders the needs by their number', async () => {
		await decided(100_000);
		await decided(100_000);
		const numbers = (await listNeedProgress(sql, null, 'all', everything)).rows.map((r) => r.number);
		expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
	});
});

describe('the need page with money (viewNeed)', () => {
	let otherMember: Person;
	beforeAll(async () => {
		const id = await insertUser(sql, {
			email: 'clen2@test.cz',
			name: 'clen2',
			passwordHash: 'x',
			roles: ['member']
		});
		otherMember = { kind: 'person', id: id!, name: 'clen2', roles: ['member'], organisationId: null };
	});

	it('offers the coordinator the allocation and cancelling, and payouts only once money is on the need', async () => {
		const id = await decided(1_000_000);
		const before = await viewNeed(contextFor(sql, p.coordinator), id);
		if (before?.view !== 'coordinator') throw new Error('expected the coordinator view');
		expect(before.money).toEqual({
			target: 1_000_000,
			raised: 0,
			missing: 1_000_000,
			detail: { allocated: 0, donated: 0, paidOut: 0, returned: 0, balance: 0 }
		});
		expect(before.can).toMatchObject({ allocate: true, cancel: true, close: false, recordPayout: false });
		expect(before.fundBalance).toBeGreaterThan(0);
		expect(before.payouts).toEqual([]);

		await allocateFromFund(contextFor(sql, p.coordinator), id, 1_000_000);
		const after = await viewNeed(contextFor(sql, p.coordinator), id);
		if (after?.view !== 'coordinator') throw new Error('expected the coordinator view');
		expect(after.money).toMatchObject({ raised: 1_000_000, missing: 0, detail: { allocated: 1_000_000 } });
		expect(after.can).toMatchObject({ allocate: false, cancel: true, close: true, recordPayout: true });
	});

	it('shows members only target, raised and missing; the contact person also the payouts', async () => {
		const id = await decided(1_000_000);
		await allocateFromFund(contextFor(sql, p.coordinator), id, 250_000);
		const member = await viewNeed(contextFor(sql, otherMember), id);
		expect(member).toMatchObject({
			view: 'member',
			money: { target: 1_000_000, raised: 250_000, missing: 750_000, detail: null },
			payouts: null,
			can: { allocate: false, cancel: false, close: false, recordPayout: false }
		});
		const contact = await viewNeed(contextFor(sql, p.member), id);
		expect(contact).toMatchObject({
			view: 'member',
			money: { detail: { balance: 250_000 } },
			payouts: [],
			can: { allocate: false, cancel: false, close: false, recordPayout: true }
		});
	});

	it('shows the organisation the money and the payouts without the coordinator actions', async () => {
		const id = await decided(1_000_000);
		const page = await viewNeed(contextFor(sql, p.worker), id);
		if (page?.view !== 'organisation') throw new Error('expected the organisation view');
		expect(page.money?.detail).not.toBeNull();
		expect(page.payouts).toEqual([]);
		expect(page.fundBalance).toBeNull();
		expect(page.can).toMatchObject({ allocate: false, cancel: false, close: false, recordPayout: false });
		expect(await viewNeed(contextFor(sql, p.otherWorker), id)).toBeNull();
	});
});
