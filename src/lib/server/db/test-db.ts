import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inject } from 'vitest';
import { createClient, type Db } from './client';
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
	connect(options?: { max?: number }): Db;
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
		const connect = (o: { max?: number } = {}) => {
			const c = createClient(url.toString(), { max: o.max ?? 4 });
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
	return db;
}
