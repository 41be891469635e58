import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, type Migration } from './migrate';
import { createTestDatabase, projectMigrations, type TestDatabase } from './test-db';

let db: TestDatabase;
afterEach(async () => {
	await db?.close();
});

const one: Migration = {
	name: '0001_people.sql',
	sql: 'create table people (id int primary key, name text);'
};
const two: Migration = {
	name: '0002_people_seed.sql',
	sql: "insert into people values (1, 'a'); alter table people add column born int;"
};

async function tableNames(sql: TestDatabase['sql']) {
	const rows = await sql<{ name: string }[]>`
		select table_name as name from information_schema.tables where table_schema = 'public' order by 1`;
	return rows.map((r) => r.name);
}

describe('migrate', () => {
	it('applies the files in order and records each one', async () => {
		db = await createTestDatabase();
		expect(await migrate(db.sql, [one, two])).toEqual(['0001_people.sql', '0002_people_seed.sql']);
		const recorded = await db.sql<
			{ name: string }[]
		>`select name from schema_migrations order by applied_at, name`;
		expect(recorded.map((r) => r.name)).toEqual(['0001_people.sql', '0002_people_seed.sql']);
		const [person] = await db.sql`select id, name, born from people`;
		expect(person).toEqual({ id: 1, name: 'a', born: null });
	});

	it('applies nothing the second time and only the new file after one is added', async () => {
		db = await createTestDatabase();
		await migrate(db.sql, [one]);
		expect(await migrate(db.sql, [one])).toEqual([]);
		expect(await migrate(db.sql, [one, two])).toEqual(['0002_people_seed.sql']);
	});

	it('applies each migration once when two instances start at the same time', async () => {
		db = await createTestDatabase();
		const a = db.connect({ max: 2 });
		const b = db.connect({ max: 2 });
		const migrations = projectMigrations();
		const [fromA, fromB] = await Promise.all([migrate(a, migrations), migrate(b, migrations)]);
		// Between them, every migration was applied exactly once.
		expect([...fromA, ...fromB].sort()).toEqual(migrations.map((m) => m.name));
		expect(await db.sql`select count(*)::int as n from schema_migrations`).toEqual([
			{ n: migrations.length }
		]);
	});

	it('stops at a failing migration with its name and the database error, keeping the ones before', async () => {
		db = await createTestDatabase();
		const broken: Migration = { name: '0002_broken.sql', sql: 'alter table nonexistent add column x int;' };
		const after: Migration = { name: '0003_after.sql', sql: 'create table after_broken (id int);' };
		const error = await migrate(db.sql, [one, broken, after]).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as Error).message).toMatch(/^0002_broken\.sql failed: .*nonexistent.*does not exist/);
		expect(await tableNames(db.sql)).toEqual(['people', 'schema_migrations']);
		const recorded = await db.sql<{ name: string }[]>`select name from schema_migrations`;
		expect(recorded.map((r) => r.name)).toEqual(['0001_people.sql']);
	});

	it('rolls back a failing migration whole, leaving no half-made table', async () => {
		db = await createTestDatabase();
		const half: Migration = {
			name: '0001_half.sql',
			sql: 'create table half_made (id int); select 1/0;'
		};
		await expect(migrate(db.sql, [half])).rejects.toThrow(/0001_half\.sql failed: division by zero/);
		expect(await tableNames(db.sql)).not.toContain('half_made');
	});

	it('refuses to go on when an applied migration was edited', async () => {
		db = await createTestDatabase();
		await migrate(db.sql, [one]);
		const edited = { ...one, sql: one.sql + ' -- changed' };
		await expect(migrate(db.sql, [edited])).rejects.toThrow(
			/0001_people\.sql was changed after it was applied/
		);
	});

	it("creates the project's schema on an empty database", async () => {
		db = await createTestDatabase();
		await migrate(db.sql, projectMigrations());
		expect(await tableNames(db.sql)).toEqual(
			expect.arrayContaining(['app_state', 'club_settings', 'jobs', 'schema_migrations'])
		);
	});
});
