import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocateFromFund } from '../ledger/funding';
import {
	contextFor,
	createPeople,
	createTestDatabase,
	decidedNeed,
	fillFund,
	resetDatabase,
	type TestDatabase
} from '../test-factories';
import type { Db } from './client';

let db: TestDatabase;
let sql: Db;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});

/** Every table of the public schema with its rows, as JSON text, read from the catalog. */
async function contents(): Promise<Record<string, string[]>> {
	const tables = await sql<{ name: string }[]>`
		select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations'
		order by tablename`;
	const all: Record<string, string[]> = {};
	for (const { name } of tables) {
		const rows = await sql.unsafe<{ row: string }[]>(`select to_jsonb(t)::text as row from public.${name} t`);
		all[name] = rows.map((r) => r.row).sort();
	}
	return all;
}

describe('resetDatabase', () => {
	it('empties every table and leaves the rows the migrations wrote, as they wrote them', async () => {
		const migrated = await contents();
		// the migrations seed something (the ledger's accounts, the need's transitions): else this proves little
		expect(Object.values(migrated).filter((rows) => rows.length).length).toBeGreaterThan(1);

		const p = await createPeople(sql);
		const needId = await decidedNeed(sql, p, 20_000, 'collection');
		await fillFund(sql, 50_000);
		expect(await allocateFromFund(contextFor(sql, p.coordinator), needId, 20_000)).toMatchObject({
			ok: true
		});
		const used = await contents();
		const touched = Object.keys(used).filter((t) => used[t]!.join() !== migrated[t]!.join());
		expect(touched).toEqual(
			expect.arrayContaining(['needs', 'users', 'ledger_accounts', 'ledger_entries', 'polls'])
		);

		await resetDatabase(sql);
		expect(await contents()).toEqual(migrated);
		// identities start again: the next need is number 1 again
		const again = await decidedNeed(sql, await createPeople(sql), 20_000, 'collection');
		const [row] = await sql<{ number: number }[]>`select number from needs where id = ${again}`;
		expect(row!.number).toBe(1);
	});
});
