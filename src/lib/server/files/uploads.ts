import type { Queryable } from '../db/client';
import type { KeyRing } from '../privacy/encryption';
import { findPersonalData } from '../privacy/pii';
import { prepareAttachment, type PrepareRefusal } from './cleaning';
import { deleteFile, openFile, storeFile } from './store';

/*
 * Uploads and downloads of private files, for every module that keeps one beside its record (need
 * attachments, payout receipts, delivery proofs, story photos): an upload is cleaned (files/cleaning.ts),
 * stored encrypted (files/store.ts) and handed to the caller's record; a download streams back.
 */

/** Where files live: in the database (files/store.ts), encrypted with the key ring. */
export interface AttachmentStore {
	keys: KeyRing;
}

/** A cleaned upload, stored encrypted, as the row that records it names it. */
export interface StoredFile {
	key: string;
	name: string;
	mediaType: string;
	size: number;
}

/**
 * Cleans an upload (images are re-encoded without their metadata), stores it encrypted under `context`
 * and hands it to `record`, which writes the row; when `record` refuses or throws, the file is removed
 * again, so no row points to a missing file and no file lingers without a row. A file name that looks
 * like personal data gives way to `<plainName>.<extension>`. Without an upload, `record` gets null.
 */
export async function withStoredFile<R extends { ok: boolean }>(
	db: Queryable,
	store: AttachmentStore,
	upload: { bytes: Uint8Array; name: string; type: string } | null,
	context: string,
	plainName: string,
	record: (file: StoredFile | null) => Promise<R>
): Promise<R | { ok: false; reason: PrepareRefusal }> {
	if (!upload) return record(null);
	const prepared = await prepareAttachment(upload.bytes, upload.name, upload.type);
	if (!prepared.ok) return prepared;
	const name = findPersonalData(prepared.fileName).length
		? `${plainName}.${prepared.extension}`
		: prepared.fileName;
	const key = await storeFile(db, store.keys, prepared.bytes, context);
	try {
		const result = await record({ key, name, mediaType: prepared.mediaType, size: prepared.bytes.length });
		if (!result.ok) await deleteFile(db, key);
		return result;
	} catch (e) {
		await deleteFile(db, key);
		throw e;
	}
}

/** A private file on its way to the reader: streamed, with its plain size for Content-Length. */
export interface AttachmentDownload {
	size: number;
	body: ReadableStream<Uint8Array>;
	fileName: string;
	mediaType: string;
}

/** Opens a file as a download; null when it is gone. */
export async function openDownload(
	db: Queryable,
	store: AttachmentStore,
	file: { key: string; context: string; fileName: string; mediaType: string }
): Promise<AttachmentDownload | null> {
	const opened = await openFile(db, store.keys, file.key, file.context);
	return opened && { ...opened, fileName: file.fileName, mediaType: file.mediaType };
}
