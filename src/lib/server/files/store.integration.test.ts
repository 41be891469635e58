import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../db/test-db';
import { parseKeyRing } from '../privacy/encryption';
import { CHUNK_BYTES, deleteFile, openFile, readFile, storeFile, streamBytes } from './store';
import { bytesAtRest } from './test-factory';

let db: TestDatabase;
let sql: Db;
const keys = parseKeyRing(`f1:${Buffer.alloc(32, 3).toString('base64')}`);
const context = 'payouts:5b8f7a52-8c55-4b8e-9a7c-0f2f4d1d7a11';

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(() => db.close());
beforeEach(() => resetDatabase(sql));

/** 2.5 MiB that say where they are: a misplaced chunk could not go unnoticed. */
const bigFile = () => {
	const bytes = Buffer.alloc(Math.floor(2.5 * CHUNK_BYTES));
	for (let i = 0; i < bytes.length; i += 4) bytes.writeUInt32BE(i, i);
	return bytes;
};

const chunks = (key: string) =>
	sql<{ seq: number; content: Buffer }[]>`
		select seq, content from stored_file_chunks where file_key = ${key} order by seq`;

describe('files in the database', () => {
	it('stores a file in encrypted chunks and streams it back whole, chunk by chunk', async () => {
		const bytes = bigFile();
		const key = await storeFile(sql, keys, bytes, context);
		expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);

		const stored = await chunks(key);
		expect(stored.map((c) => c.seq)).toEqual([0, 1, 2]);
		for (const chunk of stored) {
			expect(chunk.content.subarray(0, 3).toString('ascii')).toBe('f1:');
			// no plain run of the file is at rest
			expect(chunk.content.includes(bytes.subarray(CHUNK_BYTES, CHUNK_BYTES + 64))).toBe(false);
		}

		const opened = await openFile(sql, keys, key, context);
		expect(opened!.size).toBe(bytes.length);
		const parts: Uint8Array[] = [];
		for await (const part of opened!.body) parts.push(part);
		expect(parts.map((p) => p.length)).toEqual([CHUNK_BYTES, CHUNK_BYTES, bytes.length - 2 * CHUNK_BYTES]);
		expect(Buffer.concat(parts).equals(bytes)).toBe(true);
		expect((await readFile(sql, keys, key, context))!.equals(bytes)).toBe(true);
	});

	it('reads the chunks as the reader takes them, not all at once', async () => {
		const key = await storeFile(sql, keys, bigFile(), context);
		const opened = await openFile(sql, keys, key, context);
		const reader = opened!.body.getReader();
		expect((await reader.read()).value!.length).toBe(CHUNK_BYTES);
		// the file goes while the download is under way: at most the chunk read ahead still comes, the
		// last one is not there to read
		await deleteFile(sql, key);
		const rest = (async () => {
			for (;;) if ((await reader.read()).done) return 'whole';
		})();
		await expect(rest).rejects.toThrow(/missing/);
	});

	it('gives two stores of the same bytes different keys and stores an empty file too', async () => {
		const first = await storeFile(sql, keys, Buffer.from('stejné'), context);
		const second = await storeFile(sql, keys, Buffer.from('stejné'), context);
		expect(first).not.toBe(second);
		const empty = await storeFile(sql, keys, new Uint8Array(0), context);
		const opened = await openFile(sql, keys, empty, context);
		expect(opened!.size).toBe(0);
		expect((await streamBytes(opened!.body)).length).toBe(0);
	});

	it('does not decrypt a file in another place, nor chunks moved, swapped or cut off', async () => {
		const bytes = bigFile();
		const key = await storeFile(sql, keys, bytes, context);
		const other = await storeFile(sql, keys, bytes, context);
		// the same file under another need
		await expect(openFile(sql, keys, key, 'payouts:00000000-0000-4000-8000-000000000000')).rejects.toThrow();

		// the first chunk of one file copied over the first chunk of another with the same bytes
		const [firstOfOther] = await chunks(other);
		await sql`update stored_file_chunks set content = ${firstOfOther!.content} where file_key = ${key} and seq = 0`;
		await expect(readFile(sql, keys, key, context)).rejects.toThrow();

		// two chunks of one file swapped
		const [, second, third] = await chunks(other);
		await sql`update stored_file_chunks set content = ${third!.content} where file_key = ${other} and seq = 1`;
		await sql`update stored_file_chunks set content = ${second!.content} where file_key = ${other} and seq = 2`;
		await expect(readFile(sql, keys, other, context)).rejects.toThrow();

		// the last chunk cut off and the count made to match
		const cut = await storeFile(sql, keys, bytes, context);
		await sql`delete from stored_file_chunks where file_key = ${cut} and seq = 2`;
		await sql`update stored_files set chunk_count = 2 where key = ${cut}`;
		await expect(readFile(sql, keys, cut, context)).rejects.toThrow();
	});

	it('fails before any byte is sent when the first chunk is damaged', async () => {
		const key = await storeFile(sql, keys, Buffer.from('%PDF-1.4\n%%EOF\n'), context);
		const [chunk] = await chunks(key);
		chunk!.content.writeUInt8(
			chunk!.content.readUInt8(chunk!.content.length - 1) ^ 1,
			chunk!.content.length - 1
		);
		await sql`update stored_file_chunks set content = ${chunk!.content} where file_key = ${key}`;
		await expect(openFile(sql, keys, key, context)).rejects.toThrow();
	});

	it('gives null for a key that is malformed or was never stored, and deletes a file once', async () => {
		for (const key of ['../x', '/etc/passwd', `ab/../../${'0'.repeat(32)}`, `AB/${'A'.repeat(32)}`, ''])
			expect(await openFile(sql, keys, key, context), key).toBeNull();
		expect(await openFile(sql, keys, `ab/${'0'.repeat(32)}`, context)).toBeNull();

		const key = await storeFile(sql, keys, Buffer.from('x'), context);
		await deleteFile(sql, key);
		expect(await openFile(sql, keys, key, context)).toBeNull();
		expect(await sql`select 1 from stored_file_chunks`).toHaveLength(0);
		await expect(deleteFile(sql, key)).resolves.toBeUndefined();
	});

	it('stores inside the caller’s transaction, so a rollback leaves no file behind', async () => {
		await expect(
			sql.begin(async (tx) => {
				await storeFile(tx, keys, bigFile(), context);
				throw new Error('the record could not be written');
			})
		).rejects.toThrow('the record');
		expect(await sql`select 1 from stored_files`).toHaveLength(0);
		expect(await sql`select 1 from stored_file_chunks`).toHaveLength(0);
	});

	it('keeps what is at rest readable only through the key ring', async () => {
		const key = await storeFile(sql, keys, Buffer.from('Jana Nováková, Dlouhá 12'), context);
		const atRest = await bytesAtRest(sql, key);
		expect(atRest.includes(Buffer.from('Nováková'))).toBe(false);
		const otherRing = parseKeyRing(`f1:${Buffer.alloc(32, 4).toString('base64')}`);
		await expect(readFile(sql, otherRing, key, context)).rejects.toThrow();
	});
});
