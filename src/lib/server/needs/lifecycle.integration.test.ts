import { needStatuses, type NeedStatus } from '$lib/needs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../core/actor';
import type { Db } from '../db/client';

import { allowedPairs, applyTransition, TransitionError } from './lifecycle';
import {
	completeNeed,
	contextFor,
	createPeople,
	createTestDatabase,
	type People,
	type TestDatabase
} from '../test-factories';
import { createNeed } from './transitions';

let db: TestDatabase;
let sql: Db;
let p: People;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	p = await createPeople(sql);
});
afterAll(async () => {
	await db.close();
});

async function draft() {
	const created = await createNeed(contextFor(sql, p.worker), completeNeed());
	if (!created.ok) throw new Error(created.reason);
	return created.id;
}
const statusOf = async (id: string) =>
	(await sql<{ status: NeedStatus }[]>`select status from needs where id = ${id}`)[0]!.status;

describe("the need's transition table", () => {
	it('is the one the database enforces', async () => {
		const rows = await sql<{ from: NeedStatus; to: NeedStatus }[]>`
			select from_status as from, to_status as to from need_transitions order by from_status, to_status`;
		expect(rows.map((r) => [r.from, r.to])).toEqual(allowedPairs());
	});

	it('reaches every state from a draft, and nothing leaves an ending', () => {
		const reached = new Set<NeedStatus>(['draft']);
		for (let grew = true; grew;) {
			grew = false;
			for (const [from, to] of allowedPairs())
				if (reached.has(from) && !reached.has(to)) grew = reached.add(to) !== undefined;
		}
		expect([...reached].sort()).toEqual([...needStatuses].sort());
		const endings: NeedStatus[] = ['closed', 'rejected', 'withdrawn', 'cancelled'];
		expect(allowedPairs().filter(([from]) => endings.includes(from))).toEqual([]);
	});
});

describe('the database', () => {
	it('refuses a status change the table does not allow, written straight in SQL', async () => {
		const id = await draft();
		await expect(sql`update needs set status = 'funded' where id = ${id}`).rejects.toThrow(
			'a need cannot move from draft to funded'
		);
		await expect(sql`update needs set status = 'in_vote' where id = ${id}`).rejects.toThrow(
			'a need cannot move from draft to in_vote'
		);
		expect(await statusOf(id)).toBe('draft');
	});

	it('lets an allowed change through, and other columns change freely', async () => {
		const id = await draft();
		await sql`update needs set status = 'submitted', title = 'Postel' where id = ${id}`;
		expect(await statusOf(id)).toBe('submitted');
		await sql`update needs set title = 'Postel a matrace' where id = ${id}`;
		expect(await statusOf(id)).toBe('submitted');
	});

	it('refuses a need that is born past its draft', async () => {
		await expect(
			sql`insert into needs (organisation_id, created_by, category, title, situation, impact, adults, children,
				region, district, urgency, status)
				select organisation_id, created_by, category, title, situation, impact, adults, children,
					region, district, urgency, 'approved' from needs limit 1`
		).rejects.toThrow('a new need starts as a draft, not approved');
	});
});

describe('applyTransition', () => {
	it('moves a need by the table and writes the new state', async () => {
		const id = await draft();
		expect(await applyTransition(sql, { id, status: 'draft' }, 'submit', p.worker)).toBe('submitted');
		expect(await statusOf(id)).toBe('submitted');
		const [row] = await sql`select submitted_at from needs where id = ${id}`;
		expect(row!.submitted_at).toBeInstanceOf(Date);
	});

	it('refuses a step from the wrong state, and a mover the table does not name', async () => {
		const id = await draft();
		await expect(applyTransition(sql, { id, status: 'draft' }, 'markReady', p.coordinator)).rejects.toThrow(
			TransitionError
		);
		await expect(applyTransition(sql, { id, status: 'draft' }, 'submit', system)).rejects.toThrow(
			'submit: system may not move a need to submitted'
		);
		await expect(applyTransition(sql, { id, status: 'draft' }, 'submit', p.donor)).rejects.toThrow(
			TransitionError
		);
		expect(await statusOf(id)).toBe('draft');
	});
});
