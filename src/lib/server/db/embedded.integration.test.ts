import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client';
import { DataDirInUseError, startEmbedded } from './embedded';
import { migrate } from './migrate';
import { projectMigrations } from './test-db';

const dirs: string[] = [];
function tempDir() {
	const dir = mkdtempSync(join(tmpdir(), 'spolu-embedded-'));
	dirs.push(dir);
	return dir;
}
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database', () => {
	it('keeps its data in the directory across a restart', async () => {
		const dir = tempDir();
		let e = await startEmbedded(dir);
		let sql = createClient(e.url, { max: 1 });
		await migrate(sql, projectMigrations());
		await sql`insert into club_settings (name) values ('Klub Vysočina')`;
		await sql.end();
		await e.close();

		e = await startEmbedded(dir);
		sql = createClient(e.url, { max: 1 });
		expect(await migrate(sql, projectMigrations())).toEqual([]);
		expect(await sql`select name from club_settings`).toEqual([{ name: 'Klub Vysočina' }]);
		await sql.end();
		await e.close();
		expect(existsSync(join(dir, 'spolu.lock'))).toBe(false);
	});

	it('refuses a second opening of a directory that a living process holds', async () => {
		const dir = tempDir();
		const e = await startEmbedded(dir);
		try {
			// Another living process (this test runner's parent) holds the lock.
			writeFileSync(join(dir, 'spolu.lock'), String(process.ppid));
			await expect(startEmbedded(dir)).rejects.toThrow(DataDirInUseError);
			await expect(startEmbedded(dir)).rejects.toThrow(/in use by another process \(pid \d+\)/);
		} finally {
			writeFileSync(join(dir, 'spolu.lock'), String(process.pid));
			await e.close();
		}
	});

	it('is consistent after the process writing to it is killed with SIGKILL', async () => {
		const dir = tempDir();
		const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-writer.ts', dir], {
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stderr = '';
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		await new Promise<void>((resolve, reject) => {
			child.stdout.on('data', (d: Buffer) => {
				if (d.toString().includes('ready')) resolve();
			});
			child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${stderr}`)));
		});
		// Let it write for a while, then kill it in the middle of its transactions.
		await new Promise((r) => setTimeout(r, 1500));
		const exited = new Promise((r) => child.on('exit', r));
		child.kill('SIGKILL');
		await exited;
		expect(Number(readFileSync(join(dir, 'spolu.lock'), 'utf8'))).toBe(child.pid);

		// The stale lock of the dead process is taken over; every transaction is there whole or not at all.
		const e = await startEmbedded(dir);
		const sql = createClient(e.url, { max: 1 });
		try {
			expect(await migrate(sql, projectMigrations())).toEqual([]);
			const batches = await sql<{ batch: number; rows: number }[]>`
				select batch, count(*)::int as rows from crash_probe group by batch order by batch`;
			expect(batches.length).toBeGreaterThan(1);
			expect(batches.filter((b) => b.rows !== 10)).toEqual([]);
			// No gaps: batches commit in order.
			expect(batches.map((b) => b.batch)).toEqual(batches.map((_, i) => i + 1));
			const [jobs] = await sql<
				{ n: number }[]
			>`select count(*)::int as n from jobs where kind = 'crash.probe'`;
			expect(jobs!.n).toBe(batches.length);
			// And it takes new writes.
			await sql`insert into crash_probe (batch, n, filler) values (0, 0, '')`;
		} finally {
			await sql.end();
			await e.close();
		}
	});
});
