import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createClient } from '../../src/lib/server/db/client';
import { startEmbedded } from '../../src/lib/server/db/embedded';
import { migrate } from '../../src/lib/server/db/migrate';
import { projectMigrations } from '../../src/lib/server/db/test-db';

/**
 * PGlite's initdb takes seconds. Before the integration tests, make an empty and a migrated database
 * once and hand their dumps to every test file, which then start from a copy in about a second.
 */
export default async function setup(project: TestProject) {
	if (process.env.TEST_DATABASE_URL) return;
	const dir = mkdtempSync(join(tmpdir(), 'spolu-pglite-'));
	const e = await startEmbedded();
	try {
		writeFileSync(join(dir, 'empty.tar'), Buffer.from(await (await e.dump()).arrayBuffer()));
		const sql = createClient(e.url, { max: 1 });
		await migrate(sql, projectMigrations());
		await sql.end();
		writeFileSync(join(dir, 'migrated.tar'), Buffer.from(await (await e.dump()).arrayBuffer()));
	} finally {
		await e.close();
	}
	project.provide('pgliteTemplates', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplates: string | undefined;
	}
}
