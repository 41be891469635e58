import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { completeNeed, createPeople, type People, contextFor } from '../needs/test-factory';
import { createNeed } from '../needs/transitions';
import { decidedNeed } from './test-factory';
import { findNeedIdByNumber } from './lookup';

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

const numberOf = async (id: string) =>
	(await sql<{ number: number }[]>`select number from needs where id = ${id}`)[0]!.number;

describe('findNeedIdByNumber', () => {
	it('finds a submitted need by its number', async () => {
		const id = await decidedNeed(sql, p, 500_000);
		expect(await findNeedIdByNumber(sql, await numberOf(id))).toBe(id);
	});

	it('leaves out drafts, which cannot take money', async () => {
		const created = await createNeed(contextFor(sql, p.worker), completeNeed());
		if (!created.ok) throw new Error(created.reason);
		expect(await findNeedIdByNumber(sql, await numberOf(created.id))).toBeNull();
	});

	it('answers null for a number no need has, or one that is not a need number at all', async () => {
		for (const n of [999_999, 0, -1, 1.5, Number.NaN, 2 ** 40]) {
			expect(await findNeedIdByNumber(sql, n)).toBeNull();
		}
	});
});
