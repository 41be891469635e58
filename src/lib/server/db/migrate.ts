import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './client';

export interface Migration {
	/** file name, e.g. `0001_foundation.sql` */
	name: string;
	sql: string;
}

const FILE_NAME = /^(\d{4})_[a-z0-9_]+\.sql$/;
/** Any constant: all Spolu instances take this advisory lock while migrating. */
const LOCK_KEY = 7_352_001;

export class MigrationError extends Error {
	override name = 'MigrationError';
}

/** Orders migrations by number and refuses malformed names and duplicate numbers. */
export function sortMigrations(files: Record<string, string>): Migration[] {
	const list = Object.entries(files).map(([path, sql]) => {
		const name = path.split('/').pop()!;
		if (!FILE_NAME.test(name)) {
			throw new MigrationError(`${name}: a migration file is named NNNN_words.sql (lower case, digits, _)`);
		}
		return { name, sql };
	});
	list.sort((a, b) => a.name.localeCompare(b.name));
	for (let i = 1; i < list.length; i++) {
		if (list[i]!.name.slice(0, 4) === list[i - 1]!.name.slice(0, 4)) {
			throw new MigrationError(`${list[i - 1]!.name} and ${list[i]!.name} share a number`);
		}
	}
	return list;
}

/** Reads `*.sql` from a directory (scripts and tests; the app bundles its migrations). */
export function readMigrations(dir: string): Migration[] {
	const files: Record<string, string> = {};
	for (const name of readdirSync(dir)) {
		if (name.endsWith('.sql')) files[name] = readFileSync(join(dir, name), 'utf8');
	}
	return sortMigrations(files);
}

const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/**
 * Applies pending migrations in order. Each runs in its own transaction holding a transaction-level
 * advisory lock, so instances starting at once against one server apply every migration exactly once:
 * the second waits for the lock, then finds the migration recorded. A migration that fails rolls back
 * and stops with the file name and the database's error; the ones before it stay applied.
 * Returns the names applied by this call.
 */
export async function migrate(sql: Db, migrations: Migration[]): Promise<string[]> {
	const applied: string[] = [];
	for (const migration of migrations) {
		const done = await sql.begin(async (tx) => {
			await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
			await tx`
				create table if not exists schema_migrations (
					name text primary key,
					checksum text not null,
					applied_at timestamptz not null default now()
				)`;
			const [row] = await tx<{ checksum: string }[]>`
				select checksum from schema_migrations where name = ${migration.name}`;
			if (row) {
				if (row.checksum !== checksum(migration.sql)) {
					throw new MigrationError(
						`${migration.name} was changed after it was applied; add a new migration instead of editing it`
					);
				}
				return false;
			}
			try {
				// The file comes from the repository, never from a user: running it as raw SQL is the point.
				await tx.unsafe(migration.sql);
			} catch (e) {
				throw new MigrationError(`${migration.name} failed: ${(e as Error).message}`);
			}
			await tx`insert into schema_migrations (name, checksum) values (${migration.name}, ${checksum(migration.sql)})`;
			return true;
		});
		if (done) applied.push(migration.name);
	}
	return applied;
}
