import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { bytesAtRest, downloadedBytes, samplePdf } from '../files/test-factory';
import { parseKeyRing } from '../privacy/encryption';
import type { AttachmentStore } from '../files/uploads';
import { addAttachment, readAttachment, removeAttachment } from './attachments';
import { completeNeed, createPeople, type People, contextFor } from './test-factory';
import { createNeed, rejectNeed, submitNeed } from './transitions';
import { viewNeed } from './view';

let db: TestDatabase;
let sql: Db;
let p: People;
const keys = parseKeyRing(`t1:${Buffer.alloc(32, 5).toString('base64')}`);
const store: AttachmentStore = { keys };

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	p = await createPeople(sql);
});

async function need() {
	const created = await createNeed(contextFor(sql, p.worker), completeNeed());
	if (!created.ok) throw new Error(created.reason);
	return created.id;
}
const storedFiles = async () =>
	(await sql<{ key: string }[]>`select key from stored_files order by key`).map((f) => f.key);
const photoWithGps = () =>
	sharp({ create: { width: 40, height: 30, channels: 3, background: '#8a8' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'Telefon', Model: 'X1' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 5/1 0/1' }
		})
		.toBuffer();

describe('attachments', () => {
	it('stores a photo without its metadata, under a random name, and lists it for the organisation', async () => {
		const id = await need();
		const bytes = await photoWithGps();
		expect((await sharp(bytes).metadata()).exif).toBeDefined();
		const result = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes,
			name: 'IMG_2041 byt Nováková.jpg',
			type: 'image/jpeg',
			kind: 'quote'
		});
		expect(result.ok).toBe(true);
		const files = await storedFiles();
		expect(files).toHaveLength(1);
		expect(files[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
		// encrypted at rest: the stored file is not a JPEG at all
		const atRest = await bytesAtRest(sql, files[0]!);
		expect(atRest.subarray(0, 3).toString()).toBe('t1:');
		expect(atRest.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);

		const file = await readAttachment(contextFor(sql, p.colleague), store, id, result.ok ? result.id : '');
		expect(file?.mediaType).toBe('image/jpeg');
		const served = (await downloadedBytes(file))!;
		expect(file!.size).toBe(served.length);
		const meta = await sharp(served).metadata();
		expect(meta.exif).toBeUndefined();
		expect(served.includes(Buffer.from('Telefon'))).toBe(false);

		const page = await viewNeed(contextFor(sql, p.worker), id);
		// the upload's name held a surname: it gives way to a plain one
		expect(
			page?.view !== 'member' && page?.attachments.map((a) => [a.kind, a.mediaType, a.fileName])
		).toEqual([['quote', 'image/jpeg', 'priloha.jpg']]);
		expect(page?.view !== 'member' && page?.attachments[0]).not.toHaveProperty('storageKey');
	});

	it('refuses a file that is not what it claims, and keeps nothing of it', async () => {
		const id = await need();
		const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		for (const upload of [
			{ bytes: png, name: 'faktura.pdf', type: 'application/pdf' },
			{ bytes: Buffer.from('MZ\x90\x00 not a document'), name: 'faktura.pdf', type: 'application/pdf' },
			{ bytes: new Uint8Array(0), name: 'prazdny.pdf', type: 'application/pdf' },
			{ bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'bez-stranky.pdf', type: 'application/pdf' }
		]) {
			const result = await addAttachment(contextFor(sql, p.worker), store, id, {
				...upload,
				kind: 'invoice'
			});
			expect(result.ok).toBe(false);
		}
		expect(await sql`select 1 from need_attachments`).toHaveLength(0);
		expect(await storedFiles()).toHaveLength(0);
	});

	it('gives the file to the organisation and, once submitted, the coordinator; audits every read', async () => {
		const id = await need();
		const pdf = await samplePdf();
		const added = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes: pdf,
			name: 'nabidka.pdf',
			type: 'application/pdf',
			kind: 'quote'
		});
		const attachmentId = added.ok ? added.id : '';
		expect(await readAttachment(contextFor(sql, p.coordinator), store, id, attachmentId)).toBeNull();
		await submitNeed(contextFor(sql, p.worker), id);
		expect(
			(
				await downloadedBytes(await readAttachment(contextFor(sql, p.coordinator), store, id, attachmentId))
			)?.equals(pdf)
		).toBe(true);
		for (const outsider of [p.otherWorker, p.member, p.donor]) {
			expect(
				await readAttachment(contextFor(sql, outsider), store, id, attachmentId),
				outsider.name
			).toBeNull();
		}
		// an attachment id with another need's id is not found either
		const other = await need();
		expect(await readAttachment(contextFor(sql, p.worker), store, other, attachmentId)).toBeNull();
		const reads = await sql<{ actorId: string }[]>`
			select actor_id as "actorId" from audit_log where action = 'need.attachment_read' order by id`;
		expect(reads.map((r) => r.actorId)).toEqual([p.coordinator.id]);
	});

	it("keeps a PDF without its author's name, and records the size of what it keeps", async () => {
		const id = await need();
		const document = await PDFDocument.create({ updateMetadata: false });
		document.addPage([300, 400]);
		document.setAuthor('Jana Nováková');
		document.setCreator('Microsoft Word');
		const added = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes: await document.save(),
			name: 'nabidka.pdf',
			type: 'application/pdf',
			kind: 'quote'
		});
		if (!added.ok) throw new Error(added.reason);
		const downloaded = await downloadedBytes(
			await readAttachment(contextFor(sql, p.worker), store, id, added.id)
		);
		const kept = await PDFDocument.load(downloaded!, { updateMetadata: false });
		expect(kept.context.trailerInfo.Info).toBeUndefined();
		expect(kept.getPages().map((page) => page.getSize())).toEqual([{ width: 300, height: 400 }]);
		const [row] = await sql<{ size: number }[]>`
			select size_bytes as size from need_attachments where id = ${added.id}`;
		expect(row!.size).toBe(downloaded!.length);
	});

	it('removes an attachment and its file; only the organisation, only before the decision', async () => {
		const id = await need();
		const pdf = await samplePdf();
		const added = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes: pdf,
			name: 'a.pdf',
			type: '',
			kind: 'other'
		});
		const attachmentId = added.ok ? added.id : '';
		await submitNeed(contextFor(sql, p.worker), id);
		expect(await removeAttachment(contextFor(sql, p.coordinator), store, id, attachmentId)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await removeAttachment(contextFor(sql, p.colleague), store, id, attachmentId)).toEqual({
			ok: true
		});
		expect(await storedFiles()).toHaveLength(0);
		expect(await readAttachment(contextFor(sql, p.worker), store, id, attachmentId)).toBeNull();
		const kinds = (
			await sql<{ kind: string }[]>`select kind from need_events where need_id = ${id} order by id`
		).map((e) => e.kind);
		expect(kinds).toEqual(['created', 'attachment_added', 'submitted', 'attachment_removed']);

		await rejectNeed(contextFor(sql, p.coordinator), id, 'Mimo zaměření klubu.');
		const late = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes: pdf,
			name: 'b.pdf',
			type: '',
			kind: 'other'
		});
		expect(late).toEqual({ ok: false, reason: 'wrong_state' });
		expect(await storedFiles()).toHaveLength(0);
	});
});
