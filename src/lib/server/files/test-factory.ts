import type { Queryable } from '../db/client';
import { streamBytes } from './store';

/** What a download delivers, as one buffer; null stays null. */
export async function downloadedBytes(
	file: { body: ReadableStream<Uint8Array> } | null
): Promise<Buffer | null> {
	return file && streamBytes(file.body);
}

/** A stored file as it lies in the database (every chunk's ciphertext), to show what is at rest. */
export async function bytesAtRest(sql: Queryable, key: string): Promise<Buffer> {
	const chunks = await sql<{ content: Buffer }[]>`
		select content from stored_file_chunks where file_key = ${key} order by seq`;
	return Buffer.concat(chunks.map((c) => c.content));
}
