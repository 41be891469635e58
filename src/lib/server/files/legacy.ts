import { readdir, readFile, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/client';
import { log } from '../log';
import { decryptBytes, type KeyRing } from '../privacy/encryption';
import { filePlaces } from './places';
import { isStorageKey, storeFileUnderKey } from './store';

/*
 * Until migration 0013 files lived on the instance's disk, encrypted whole, under
 * `<SPOLU_DATA_DIR>/attachments/<2 hex>/<32 hex>`. On start-up each instance moves the files of its own
 * data directory into the database under the same key, so the rows that name them need no change.
 * Each file is decrypted (which proves it is whole and belongs to its row), stored in one transaction
 * and only then deleted from disk; a run that is interrupted simply continues on the next start.
 * Nothing is deleted that is not safely in the database: a file no record uses, or one that does not
 * decrypt with the key ring, stays where it is and is reported.
 */

export interface DiskMoveResult {
	/** files now in the database and gone from disk */
	moved: number;
	/** files left on disk, with why */
	left: { key: string; reason: 'unused' | 'undecryptable' }[];
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

async function entries(dir: string): Promise<string[]> {
	try {
		return await readdir(dir);
	} catch (error) {
		if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
		throw error;
	}
}

/** The row that uses a file, and the context it was encrypted under; null when no live row does. */
async function ownerOf(db: Db, key: string): Promise<{ context: string } | null> {
	for (const place of filePlaces) {
		const [row] = await db<{ needId: string }[]>`
			select need_id::text as "needId" from ${db(place.table)}
			where ${db(place.column)} = ${key} and ${db.unsafe(place.live(place.table))} limit 1`;
		if (row) return { context: place.context(row.needId) };
	}
	return null;
}

/** Moves the files under `<dataDir>/attachments` into the database; safe to run on every start. */
export async function moveDiskFiles(db: Db, keys: KeyRing, dataDir: string): Promise<DiskMoveResult> {
	const root = path.join(path.resolve(dataDir), 'attachments');
	const result: DiskMoveResult = { moved: 0, left: [] };
	for (const shard of await entries(root)) {
		const shardDir = path.join(root, shard);
		for (const name of await entries(shardDir)) {
			const file = path.join(shardDir, name);
			// a temporary file is a write that never finished: no record was ever given its key
			if (name.endsWith('.tmp')) {
				await unlink(file);
				continue;
			}
			const key = `${shard}/${name}`;
			if (!isStorageKey(key)) continue;
			const owner = await ownerOf(db, key);
			if (!owner) {
				result.left.push({ key, reason: 'unused' });
				continue;
			}
			let plain: Buffer;
			try {
				plain = decryptBytes(keys, await readFile(file), owner.context);
			} catch {
				result.left.push({ key, reason: 'undecryptable' });
				continue;
			}
			// false: an earlier run stored it and stopped before deleting it here
			await db.begin((tx) => storeFileUnderKey(tx, keys, key, plain, owner.context));
			await unlink(file);
			result.moved++;
		}
		await rmdir(shardDir).catch(() => undefined);
	}
	await rmdir(root).catch(() => undefined);
	if (result.moved) log.info('files moved from disk into the database', { files: result.moved });
	if (result.left.length)
		log.warn('files left on disk: not used by any record or not readable with the key ring', {
			dir: root,
			files: result.left.length
		});
	return result;
}
