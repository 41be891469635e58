import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClient, type Db } from '../db/client';
import { startEmbedded, type EmbeddedDatabase } from '../db/embedded';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { fillFund } from '../ledger/test-factory';
import { createPeople } from '../needs/test-factory';
import { publicPagesListener, type PublicPagesListener } from './page-cache-listen';
import type { PublicPagesRegistry } from './page-cache.js';

/*
 * The public page cache is dropped by notifications of the triggers of migration 0024. On the embedded
 * database (the default; PGlite behind its socket, one connection) the one connection listens itself;
 * on a PostgreSQL server (TEST_DATABASE_URL) each instance listens on a connection of its own, and a
 * write by one instance drops the pages of every other.
 */

/** Every table a public page reads, as migration 0024 lists them. */
const PUBLIC_TABLES = [
	'bank_payments',
	'club_accounts',
	'club_settings',
	'donations',
	'ledger_accounts',
	'ledger_entries',
	'ledger_transactions',
	'need_consents',
	'need_decisions',
	'need_deliveries',
	'needs',
	'organisations',
	'stored_files',
	'stories'
];

interface Instance {
	sql: Db;
	registry: PublicPagesRegistry;
	listener: PublicPagesListener;
}

const server = Boolean(process.env.TEST_DATABASE_URL);
let db: TestDatabase | undefined;
let embedded: EmbeddedDatabase | undefined;
const instances: Instance[] = [];

/** One Spolu process's client and listener, as runtime.ts makes them. */
async function instance(): Promise<Instance> {
	const registry: PublicPagesRegistry = { version: 0, listening: false };
	const listener = publicPagesListener(registry);
	let sql: Db;
	if (db) sql = db.connect({ max: 2 });
	else {
		sql = createClient(embedded!.url, { max: 1, ...listener.sameConnection });
	}
	await listener.start(
		sql,
		db
			? { sameConnection: false, connect: (listening) => db!.connect({ max: 1, ...listening }) }
			: { sameConnection: true }
	);
	const made = { sql, registry, listener };
	instances.push(made);
	return made;
}

beforeAll(async () => {
	if (server) db = await createTestDatabase({ migrate: true });
	else {
		const dir = inject('pgliteTemplates');
		if (!dir) throw new Error('the PGlite templates are missing: run the tests through vitest');
		embedded = await startEmbedded(undefined, new Blob([readFileSync(join(dir, 'migrated.tar'))]));
	}
});

afterAll(async () => {
	for (const i of instances) {
		await i.listener.stop();
		if (!db) await i.sql.end({ timeout: 5 });
	}
	await db?.close();
	await embedded?.close();
});

/** Waits until `registry`'s version passed `before` (a notification reaches another connection a moment after the commit). */
async function changedSince(registry: PublicPagesRegistry, before: number, ms = 3000) {
	const until = Date.now() + ms;
	while (registry.version === before && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
	return registry.version > before;
}

describe(`public pages are dropped at once on ${server ? 'PostgreSQL' : 'the embedded database'}`, () => {
	it('listens once started, and says so', async () => {
		const a = await instance();
		expect(a.registry.listening).toBe(true);
		expect(a.registry.version).toBeGreaterThan(0);
	});

	it('watches inserts, updates, deletes and truncates of every table a public page reads', async () => {
		const a = instances[0] ?? (await instance());
		const rows = await a.sql<{ table: string; events: string[] }[]>`
			select c.relname as table, array_agg(t.tgname order by t.tgname) as events
			from pg_trigger t join pg_class c on c.oid = t.tgrelid
			where t.tgname like '%\_public\_pages\_%' group by 1 order by 1`;
		expect(rows.map((r) => r.table)).toEqual(PUBLIC_TABLES);
		for (const r of rows) {
			expect(r.events.map((e) => e.slice(r.table.length + '_public_pages_'.length))).toEqual([
				'delete',
				'insert',
				'truncate',
				'update'
			]);
		}
	});

	it.each(PUBLIC_TABLES)('a statement on %s that changes no row changes nothing', async (table) => {
		// the background jobs run such statements every few seconds (the sweep of unused files)
		const a = instances[0] ?? (await instance());
		const before = a.registry.version;
		await a.sql.begin(async (tx) => {
			await tx.unsafe(`delete from ${table} where false`);
			await tx.unsafe(`insert into ${table} overriding system value select * from ${table} where false`);
		});
		await a.sql`select 1`;
		await new Promise((r) => setTimeout(r, 100));
		expect(a.registry.version).toBe(before);
	});

	it.each([
		['a help directory entry added (organisations)', (sql: Db) => createPeople(sql)],
		[
			'a gift booked (ledger_transactions, ledger_entries, ledger_accounts)',
			(sql: Db) => fillFund(sql, 50_000)
		],
		[
			'an account’s row updated (ledger_accounts)',
			(sql: Db) => sql`update ledger_accounts set balance = balance`
		],
		['a table emptied', (sql: Db) => sql`truncate need_deliveries`]
	])('%s changes the version before the commit returns', async (_, write) => {
		const a = instances[0] ?? (await instance());
		const before = a.registry.version;
		await write(a.sql);
		expect(await changedSince(a.registry, before)).toBe(true);
	});

	it.each(PUBLIC_TABLES)('emptying %s changes the version', async (table) => {
		const a = instances[0] ?? (await instance());
		const before = a.registry.version;
		await a.sql.unsafe(`truncate ${table} cascade`);
		expect(await changedSince(a.registry, before)).toBe(true);
	});

	it('a rolled-back write and a write elsewhere (a sign-in) change nothing', async () => {
		const a = instances[0] ?? (await instance());
		const before = a.registry.version;
		await a.sql
			.begin(async (tx) => {
				await tx`update ledger_accounts set balance = balance`;
				throw new Error('rolled back');
			})
			.catch(() => {});
		await a.sql`delete from sessions`;
		await a.sql`select 1`;
		await new Promise((r) => setTimeout(r, 200));
		expect(a.registry.version).toBe(before);
	});

	it.runIf(server)('a write by one instance drops the pages of the other', async () => {
		const a = instances[0] ?? (await instance());
		const b = await instance();
		const [beforeA, beforeB] = [a.registry.version, b.registry.version];
		const organisation = (sql: Db, name: string) =>
			sql`insert into organisations (name, kind, region) values (${name}, 'intervention_centre', 'CZ010')`;
		await organisation(a.sql, 'Poradna A');
		expect(await changedSince(b.registry, beforeB)).toBe(true);
		expect(await changedSince(a.registry, beforeA)).toBe(true);
		const [againA, againB] = [a.registry.version, b.registry.version];
		await organisation(b.sql, 'Poradna B');
		expect(await changedSince(a.registry, againA)).toBe(true);
		expect(await changedSince(b.registry, againB)).toBe(true);
	});

	it('stops keeping pages when stopped', async () => {
		const registry: PublicPagesRegistry = { version: 0, listening: false };
		const listener = publicPagesListener(registry);
		const sql = instances[0]!.sql;
		if (!db) {
			// the embedded database's one connection is taken: this listener only learns it was stopped
			listener.sameConnection.onnotify('spolu_public_pages', 'stories');
			expect(registry.version).toBe(1);
		} else
			await listener.start(sql, {
				sameConnection: false,
				connect: (listening) => db!.connect({ max: 1, ...listening })
			});
		await listener.stop();
		expect(registry.listening).toBe(false);
	});
});
