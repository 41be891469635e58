import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { createClient, type ClientOptions, type Db } from './client';
import { startEmbedded } from './embedded';
import { migrate, readMigrations } from './migrate';

/**
 * A fresh, empty database for one test file: an in-memory PGlite served on loopback by default, or a
 * new database on the PostgreSQL server in TEST_DATABASE_URL. Never a mock.
 */
export interface TestDatabase {
	sql: Db;
	/** true on a PostgreSQL server, where `connect()` gives independent connections */
	server: boolean;
	/**
	 * Another client of the same database. On a server it has its own connections; on PGlite, which
	 * serves one connection, it is the same client (its queue interleaves the callers' queries).
	 */
	connect(options?: Pick<ClientOptions, 'max' | 'onnotify' | 'onclose'>): Db;
	/**
	 * Everything the database holds, as the bytes an operator would copy: `pg_dump` output on a server,
	 * PGlite's whole data directory (uncompressed) on the embedded database.
	 */
	dump(): Promise<Buffer>;
	close(): Promise<void>;
}

export const projectMigrations = () => readMigrations(resolve(import.meta.dirname, '../../../../migrations'));

const execFileAsync = promisify(execFile);

/**
 * PGlite's initdb takes seconds, so tests start from dumps of an empty and a migrated database made
 * once by the global setup (tests/support/pglite-templates.ts).
 */
const templates = new Map<string, Blob>();

function template(migrated: boolean): Blob {
	const name = migrated ? 'migrated.tar' : 'empty.tar';
	let blob = templates.get(name);
	if (!blob) {
		const dir = inject('pgliteTemplates');
		if (!dir) throw new Error('the PGlite templates are missing: run the tests through vitest');
		blob = new Blob([readFileSync(join(dir, name))]);
		templates.set(name, blob);
	}
	return blob;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	let db: TestDatabase;
	if (adminUrl) {
		const name = `spolu_test_${randomBytes(6).toString('hex')}`;
		const admin = createClient(adminUrl, { max: 1 });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		const clients: Db[] = [];
		const connect = (o: Pick<ClientOptions, 'max' | 'onnotify' | 'onclose'> = {}) => {
			const c = createClient(url.toString(), { ...o, max: o.max ?? 4 });
			clients.push(c);
			return c;
		};
		db = {
			sql: connect(),
			server: true,
			connect,
			dump: async () =>
				(
					await execFileAsync('pg_dump', ['--no-owner', url.toString()], {
						maxBuffer: 256 * 1024 * 1024,
						encoding: 'buffer'
					})
				).stdout,
			async close() {
				await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end({ timeout: 5 });
			}
		};
	} else {
		const embedded = await startEmbedded(undefined, template(Boolean(options.migrate)));
		const sql = createClient(embedded.url, { max: 1 });
		db = {
			sql,
			server: false,
			connect: () => sql,
			dump: async () => Buffer.from(await (await embedded.dump()).arrayBuffer()),
			async close() {
				await sql.end({ timeout: 5 });
				await embedded.close();
			}
		};
	}
	if (options.migrate && db.server) await migrate(db.sql, projectMigrations());
	if (options.migrate) await keepSeeds(db.sql);
	return db;
}

/*
 * Resetting between tests, derived from the schema: every table of the public schema is emptied, and
 * the rows the migrations themselves inserted (the ledger's system accounts, the need's transition
 * table, ...) come back as the migrations left them. Which tables hold such rows is read from the
 * database right after migrating, so a new table or a new seeded row needs no list to be kept.
 */
const SEEDS = 'test_seeds';

/**
 * Copies every table the migrations left rows in to the test_seeds schema, once per database. Table
 * names in the unsafe statements here come from the catalog, never from a test's input.
 */
async function keepSeeds(sql: Db) {
	await sql.unsafe(`create schema if not exists ${SEEDS}`);
	for (const table of await publicTables(sql)) {
		if (table === 'schema_migrations') continue;
		const [row] = await sql.unsafe(`select exists (select 1 from public.${table}) as seeded`);
		if (row!.seeded) await sql.unsafe(`create table ${SEEDS}.${table} as table public.${table}`);
	}
}

const publicTables = async (sql: Db) =>
	(
		await sql<{ name: string }[]>`
			select tablename as name from pg_tables where schemaname = 'public' order by tablename`
	).map((r) => r.name);

/**
 * Empties every table (identities restarted) and puts the migrations' own rows back, in one
 * transaction. Only for databases made by createTestDatabase({ migrate: true }).
 */
export async function resetDatabase(sql: Db): Promise<void> {
	const tables = (await publicTables(sql)).filter((t) => t !== 'schema_migrations');
	const seeded = (
		await sql<{ name: string }[]>`select tablename as name from pg_tables where schemaname = ${SEEDS}`
	).map((r) => r.name);
	await sql.begin(async (tx) => {
		await tx.unsafe(`truncate ${tables.map((t) => `public.${t}`).join(', ')} restart identity cascade`);
		for (const table of seeded)
			await tx.unsafe(`insert into public.${table} overriding system value select * from ${SEEDS}.${table}`);
	});
}
