// Downloads of a 10 MB file: from PostgreSQL in encrypted chunks (files/store.ts), against how Spolu
// served files before they moved into the database (one encrypted file on disk, read and decrypted
// whole). On the embedded database by default; with DATABASE_URL on that server (a throwaway database
// is best: the bench creates and deletes its own rows only).
//   npm run bench:files                    (BENCH_RUNS to change the number of downloads, default 20)
// Reports the median and 95th percentile time to the last byte and the most memory a download holds.
// Never a pass/fail test.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile as readDisk, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../src/lib/server/db/client';
import { startEmbedded } from '../src/lib/server/db/embedded';
import { migrate, readMigrations } from '../src/lib/server/db/migrate';
import { deleteFile, openFile, storeFile } from '../src/lib/server/files/store';
import { decryptBytes, encryptBytes, generateKey, parseKeyRing } from '../src/lib/server/privacy/encryption';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const size = 10 * 1024 * 1024;
const keys = parseKeyRing(generateKey('bench'));
const context = 'payouts:00000000-0000-4000-8000-000000000000';
const dir = mkdtempSync(join(tmpdir(), 'spolu-bench-files-'));

const embedded = process.env.DATABASE_URL ? undefined : await startEmbedded(join(dir, 'db'));
const sql = createClient(process.env.DATABASE_URL ?? embedded!.url, { max: 1 });
await migrate(sql, readMigrations(join(import.meta.dirname, '..', 'migrations')));

const plain = Buffer.alloc(size);
for (let i = 0; i < size; i += 4) plain.writeUInt32BE((i * 2654435761) >>> 0, i);

/**
 * One download: the time to its last byte and the most memory it held. `held()` is called while the
 * download holds what it has read (after a forced collection, so garbage does not count).
 */
type Download = (held: () => void) => Promise<number>;

async function once(download: Download) {
	globalThis.gc?.();
	const base = process.memoryUsage();
	let peak = 0;
	const held = () => {
		globalThis.gc?.();
		const now = process.memoryUsage();
		peak = Math.max(peak, now.heapUsed + now.external - base.heapUsed - base.external);
	};
	const start = performance.now();
	const bytes = await download(() => undefined);
	const ms = performance.now() - start;
	if (bytes !== size) throw new Error(`read ${bytes} bytes, not ${size}`);
	// memory on a second, untimed run: the collections would distort the time
	await download(held);
	return { ms, peak };
}

const summary = (results: { ms: number; peak: number }[]) => {
	const times = results.map((r) => r.ms).sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)]!;
	return {
		'median ms': Math.round(median),
		'p95 ms': Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.95))]!),
		'MB/s': Math.round(size / 1024 / 1024 / (median / 1000)),
		'memory held, MB': Math.round((Math.max(...results.map((r) => r.peak)) / 1024 / 1024) * 10) / 10
	};
};

// before: one file on disk, encrypted whole, read and decrypted whole
const diskFile = join(dir, 'file');
await writeFile(diskFile, encryptBytes(keys, plain, context));
const fromDisk: Download = async (held) => {
	const bytes = decryptBytes(keys, await readDisk(diskFile), context);
	held();
	return bytes.length;
};

// now: chunks in the database, streamed; the bytes are counted as a response would send them
const key = await storeFile(sql, keys, plain, context);
const fromDatabase: Download = async (held) => {
	const file = (await openFile(sql, keys, key, context))!;
	let bytes = 0;
	for await (const part of file.body) {
		bytes += part.length;
		held();
	}
	return bytes;
};

// taken in turns, so that whatever else the machine does weighs on both alike
const disk: { ms: number; peak: number }[] = [];
const database: { ms: number; peak: number }[] = [];
for (let i = 0; i < runs; i++) {
	disk.push(await once(fromDisk));
	database.push(await once(fromDatabase));
}
await deleteFile(sql, key);

console.log(
	`10 MB download, ${runs} runs, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite'}`
);
console.table({ 'disk (before)': summary(disk), 'database, streamed': summary(database) });

await sql.end({ timeout: 5 });
await embedded?.close();
rmSync(dir, { recursive: true, force: true });
