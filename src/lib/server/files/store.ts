import { randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../db/client';
import { decryptBytes, encryptBytes, KeyRingError, type KeyRing } from '../privacy/encryption';

/*
 * Files in PostgreSQL (migrations/0013_stored_files.sql). A file is cut into chunks of CHUNK_BYTES and
 * each chunk is encrypted on its own with the key ring, its additional data naming the file's place
 * (the context the owning module gives, e.g. `payouts:<needId>`), the file's key, the chunk's position
 * and the number of chunks: a file copied under another row does not decrypt, and chunks that are
 * reordered, swapped between files or cut off are refused. A download reads one chunk per query, so a
 * slow phone never holds a database connection or the whole file in memory.
 */

/** 1 MiB: a 10 MB file is ten short queries; a download holds at most two chunks at once. */
export const CHUNK_BYTES = 1024 * 1024;

const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export const isStorageKey = (key: string): boolean => STORAGE_KEY.test(key);

/** A random name, never the user's: two hex characters, a slash, 32 hex characters (as on disk before). */
function newStorageKey(): string {
	const name = randomBytes(16).toString('hex');
	return `${name.slice(0, 2)}/${name}`;
}

const chunkContext = (context: string, key: string, seq: number, count: number) =>
	`${context}|file:${key}|chunk:${seq}/${count}`;

/** Writes `plain` under `key` (which must be free) inside the caller's transaction. */
async function insertFile(tx: Tx, keys: KeyRing, key: string, plain: Uint8Array, context: string) {
	const count = Math.max(1, Math.ceil(plain.length / CHUNK_BYTES));
	await tx`
		insert into stored_files (key, size_bytes, chunk_count, key_id)
		values (${key}, ${plain.length}, ${count}, ${keys.current})`;
	for (let seq = 0; seq < count; seq++) {
		const part = plain.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
		const sealed = encryptBytes(keys, part, chunkContext(context, key, seq, count));
		await tx`insert into stored_file_chunks (file_key, seq, content) values (${key}, ${seq}, ${sealed})`;
	}
}

/** Stores a file, encrypted and bound to `context`, in its own transaction; returns its key. */
export async function storeFile(
	db: Queryable,
	keys: KeyRing,
	plain: Uint8Array,
	context: string
): Promise<string> {
	const key = newStorageKey();
	await begin(db, (tx) => insertFile(tx, keys, key, plain, context));
	return key;
}

/**
 * Stores a file under a key chosen before (files moved in from the old disk storage keep the key their
 * row names). False when the key is taken already: the file was moved in before.
 */
export async function storeFileUnderKey(
	tx: Tx,
	keys: KeyRing,
	key: string,
	plain: Uint8Array,
	context: string
): Promise<boolean> {
	if (!isStorageKey(key)) throw new KeyRingError('not a storage key');
	const [taken] = await tx`select 1 from stored_files where key = ${key} for update`;
	if (taken) return false;
	await insertFile(tx, keys, key, plain, context);
	return true;
}

/** Deletes a file and its chunks; a missing file is fine. */
export async function deleteFile(db: Queryable, key: string): Promise<void> {
	await db`delete from stored_files where key = ${key}`;
}

export interface OpenedFile {
	/** the plain size in bytes */
	size: number;
	body: ReadableStream<Uint8Array>;
}

interface FileRow {
	size: number;
	count: number;
}

async function fileRow(db: Queryable, key: string): Promise<FileRow | null> {
	if (!isStorageKey(key)) return null;
	const [row] = await db<FileRow[]>`
		select size_bytes as size, chunk_count as count from stored_files where key = ${key}`;
	return row ?? null;
}

async function readChunk(
	db: Queryable,
	keys: KeyRing,
	key: string,
	context: string,
	seq: number,
	count: number
): Promise<Buffer> {
	// Sent as base64 (a third less than bytea's hex text) and taken raw, as the bytes on the wire:
	// postgres.js would otherwise first decode the 1.4 MB of text as UTF-8, which halves the throughput
	// (bench/files.ts).
	const [row] = await db`
		select encode(content, 'base64') from stored_file_chunks where file_key = ${key} and seq = ${seq}`.raw();
	if (!row) throw new KeyRingError(`chunk ${seq} of a stored file is missing`);
	const base64 = (row[0] as Buffer).toString('latin1');
	return decryptBytes(keys, Buffer.from(base64, 'base64'), chunkContext(context, key, seq, count));
}

/**
 * Opens a file for streaming: null when there is none. The first chunk is read and decrypted before
 * this returns, so a damaged file or a missing key fails before any header is sent. While the reader
 * takes one chunk the next is already being read, so the database and the network work at once; at
 * most two chunks are held.
 */
export async function openFile(
	db: Queryable,
	keys: KeyRing,
	key: string,
	context: string
): Promise<OpenedFile | null> {
	const file = await fileRow(db, key);
	if (!file) return null;
	const read = (seq: number) => readChunk(db, keys, key, context, seq, file.count);
	let next: Promise<Buffer> | null = Promise.resolve(await read(0));
	let seq = 1;
	const body = new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const chunk = await next!;
					next = seq < file.count ? read(seq++) : null;
					// a failure of the read ahead is reported when its turn comes, not as an unhandled rejection
					next?.catch(() => undefined);
					controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
					if (!next) controller.close();
				} catch (error) {
					controller.error(error);
				}
			},
			cancel() {
				next = null;
			}
		},
		// pull only when the reader wants more
		{ highWaterMark: 0 }
	);
	return { size: file.size, body };
}

/** A whole file in memory (story photos on the public page, tests); null when there is none. */
export async function readFile(
	db: Queryable,
	keys: KeyRing,
	key: string,
	context: string
): Promise<Buffer | null> {
	const file = await fileRow(db, key);
	if (!file) return null;
	const parts: Buffer[] = [];
	for (let seq = 0; seq < file.count; seq++)
		parts.push(await readChunk(db, keys, key, context, seq, file.count));
	return Buffer.concat(parts);
}

/** Reads a whole stream, for callers (and tests) that need the bytes. */
export async function streamBytes(body: ReadableStream<Uint8Array>): Promise<Buffer> {
	const parts: Uint8Array[] = [];
	for await (const part of body) parts.push(part);
	return Buffer.concat(parts);
}

/** The key ring entry a file is encrypted with, or null when there is no such file. */
export async function fileKeyId(db: Queryable, key: string): Promise<string | null> {
	const [row] = await db<{ keyId: string }[]>`select key_id as "keyId" from stored_files where key = ${key}`;
	return row?.keyId ?? null;
}

export type RewrapOutcome = 'rotated' | 'current' | 'gone';

/**
 * Re-encrypts every chunk of a file with the current key, inside the caller's transaction (which should
 * hold the owning row's lock). Throws KeyRingError when a chunk does not decrypt; then nothing changes.
 */
export async function rewrapFile(
	tx: Tx,
	keys: KeyRing,
	key: string,
	context: string
): Promise<RewrapOutcome> {
	const [file] = await tx<(FileRow & { keyId: string })[]>`
		select size_bytes as size, chunk_count as count, key_id as "keyId"
		from stored_files where key = ${key} for update`;
	if (!file) return 'gone';
	if (file.keyId === keys.current) return 'current';
	for (let seq = 0; seq < file.count; seq++) {
		const plain = await readChunk(tx, keys, key, context, seq, file.count);
		const sealed = encryptBytes(keys, plain, chunkContext(context, key, seq, file.count));
		await tx`update stored_file_chunks set content = ${sealed} where file_key = ${key} and seq = ${seq}`;
	}
	await tx`update stored_files set key_id = ${keys.current} where key = ${key}`;
	return 'rotated';
}

/** Runs `fn` in a transaction: a new one on the client, or a savepoint inside the caller's. */
function begin<T>(db: Queryable, fn: (tx: Tx) => Promise<T>): Promise<T> {
	return 'savepoint' in db ? (db.savepoint(fn) as Promise<T>) : (db.begin(fn) as Promise<T>);
}
