import type { Queryable } from '../db/client';
import { cleanPdf } from './pdf';
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

/**
 * A real one-page PDF, as an upload keeps it: already cleaned (files/pdf.ts), so cleaning it again
 * changes no byte and a download equals what was uploaded. `width` tells two of them apart;
 * `contentBytes` of blank page content make it as large as a scan.
 */
export async function samplePdf(width = 200, contentBytes = 0): Promise<Buffer> {
	const source = Buffer.concat([
		Buffer.from(
			[
				'%PDF-1.4',
				'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
				'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
				`3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} 200] /Contents 4 0 R >> endobj`,
				`4 0 obj << /Length ${contentBytes} >> stream`,
				''
			].join('\n'),
			'latin1'
		),
		Buffer.alloc(contentBytes, 0x20),
		Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')
	]);
	const cleaned = await cleanPdf(source);
	if (!cleaned.ok) throw new Error(cleaned.reason);
	return cleaned.bytes;
}
