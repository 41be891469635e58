import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) stored in a directory and served
 * on a loopback port, so that the application talks to it with postgres.js exactly as to a server.
 * The socket server serves one connection; connect with exactly one client with `max: 1`.
 */
export interface EmbeddedDatabase {
	/** postgres:// URL of the loopback server */
	url: string;
	/** The data directory, or undefined for an in-memory database */
	dataDir: string | undefined;
	/** A copy of the whole database, for `startEmbedded(undefined, dump)` */
	dump(): Promise<Blob>;
	close(): Promise<void>;
}

export class DataDirInUseError extends Error {
	override name = 'DataDirInUseError';
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * PGlite is a single process database: two processes writing one directory would corrupt it.
 * A lock file with the owner's pid keeps a second Spolu away; a lock left by a killed process is taken over.
 */
function lockDataDir(dir: string): () => void {
	const path = join(dir, 'spolu.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx', 0o600);
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(path, { force: true });
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const pid = Number(readFileSync(path, 'utf8').trim());
			if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
				throw new DataDirInUseError(
					`the embedded database in ${dir} is in use by another process (pid ${pid}); stop it first or set SPOLU_DATA_DIR`
				);
			}
			rmSync(path, { force: true });
		}
	}
	throw new DataDirInUseError(`could not lock the embedded database in ${dir}`);
}

/**
 * Starts PGlite (in `dataDir`, or in memory when it is undefined) and serves it on 127.0.0.1.
 * `from` is a data directory dump (`dumpEmbedded`) to start from instead of an empty cluster; tests use
 * it to skip PGlite's initdb, which takes seconds.
 */
export async function startEmbedded(dataDir?: string, from?: Blob): Promise<EmbeddedDatabase> {
	let unlock = () => {};
	let pgDir: string | undefined;
	if (dataDir) {
		const dir = resolve(dataDir);
		mkdirSync(dir, { recursive: true, mode: 0o700 });
		unlock = lockDataDir(dir);
		pgDir = join(dir, 'pg');
	}
	let db: PGlite | undefined;
	try {
		db = await PGlite.create({
			...(pgDir ? { dataDir: pgDir } : {}),
			...(from ? { loadDataDir: from } : {})
		});
		const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
		await server.start();
		const conn = server.getServerConn();
		let closed = false;
		return {
			url: `postgres://postgres@${conn}/postgres`,
			dataDir: pgDir,
			dump: () => db!.dumpDataDir('none') as Promise<Blob>,
			async close() {
				if (closed) return;
				closed = true;
				try {
					await server.stop();
					// Closing PGlite flushes its files to disk.
					await db!.close();
				} finally {
					unlock();
				}
			}
		};
	} catch (e) {
		await db?.close().catch(() => {});
		unlock();
		throw e;
	}
}
