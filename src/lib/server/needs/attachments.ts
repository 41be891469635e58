import type { PersonContext } from '$lib/server/core/context';
import type { AttachmentKind } from '$lib/needs';
import { audit } from '../audit';
import type { PrepareRefusal } from '../files/cleaning';
import { deleteFile } from '../files/store';
import {
	openDownload,
	withStoredFile,
	type AttachmentDownload,
	type AttachmentStore
} from '../files/uploads';
import { attachmentStates, canReadAttachments, isOwnOrganisation, needView } from './access';
import { insertEvent, selectNeed } from './queries';
import { isUuid } from '$lib/core/ids';

// binds a stored file to its need: a file copied into another need's place does not decrypt
const fileContext = (needId: string) => `need_attachments:${needId}`;

/*
 * Private attachments of a need (quotes, invoices). They may show an identity, so they are kept like
 * protected data: encrypted at rest (AES-256-GCM) and every read audited. The file is cleaned and stored
 * under a random name first, then recorded with its timeline event in one transaction; if that fails the
 * file is removed again, so no row points to a missing file and no file lingers without a row (what a
 * crash leaves between the two, files/sweep.ts removes).
 */

export type AttachmentResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' | PrepareRefusal };

export async function addAttachment(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	upload: {
		bytes: Uint8Array;
		name: string;
		type: string;
		kind: AttachmentKind;
		/** a quote the voting members may see (the worker's choice; never another kind) */
		shownToVoters?: boolean;
	}
): Promise<AttachmentResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return { ok: false, reason: 'not_found' };
	// checked before the file is read into sharp, and again under the lock below
	const before = await selectNeed(db, needId);
	if (!before || !needView(actor, before)) return { ok: false, reason: 'not_found' };
	if (!isOwnOrganisation(actor, before)) return { ok: false, reason: 'forbidden' };
	if (!attachmentStates.has(before.status)) return { ok: false, reason: 'wrong_state' };

	// a name like "smlouva Nováková.pdf" is shown on the timeline: such a name gives way to a plain one
	return withStoredFile(db, store, upload, fileContext(needId), 'priloha', (file) =>
		db.begin(async (tx) => {
			const need = await selectNeed(tx, needId, true);
			if (!need || !attachmentStates.has(need.status))
				return { ok: false as const, reason: 'wrong_state' as const };
			const [row] = await tx<{ id: string }[]>`
				insert into need_attachments (need_id, uploaded_by, kind, file_name, media_type, size_bytes, storage_key,
					shown_to_voters)
				values (${needId}, ${actor.id}, ${upload.kind}, ${file!.name}, ${file!.mediaType}, ${file!.size}, ${file!.key},
					${upload.kind === 'quote' && upload.shownToVoters === true})
				returning id`;
			await insertEvent(tx, {
				needId,
				actorId: actor.id,
				kind: 'attachment_added',
				data: { fileName: file!.name, kind: upload.kind }
			});
			return { ok: true as const, id: row!.id };
		})
	);
}

export async function removeAttachment(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	attachmentId: string
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'forbidden' | 'wrong_state' }> {
	const { db, actor } = ctx;
	if (!isUuid(needId) || !isUuid(attachmentId)) return { ok: false, reason: 'not_found' };
	const result = await db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || !needView(actor, need)) return { ok: false as const, reason: 'not_found' as const };
		if (!isOwnOrganisation(actor, need)) return { ok: false as const, reason: 'forbidden' as const };
		if (!attachmentStates.has(need.status)) return { ok: false as const, reason: 'wrong_state' as const };
		const [row] = await tx<{ storage_key: string; file_name: string }[]>`
			update need_attachments set removed_at = now(), removed_by = ${actor.id}
			where id = ${attachmentId} and need_id = ${needId} and removed_at is null
			returning storage_key, file_name`;
		if (!row) return { ok: false as const, reason: 'not_found' as const };
		await insertEvent(tx, {
			needId,
			actorId: actor.id,
			kind: 'attachment_removed',
			data: { fileName: row.file_name }
		});
		// the file goes with the removal: no row names it any more
		await deleteFile(tx, row.storage_key);
		return { ok: true as const };
	});
	return result;
}

/** The file for those allowed to read it; each read is audited (quotes and invoices may show identities). */
export async function readAttachment(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	attachmentId: string
): Promise<AttachmentDownload | null> {
	const { db, actor } = ctx;
	if (!isUuid(needId) || !isUuid(attachmentId)) return null;
	const need = await selectNeed(db, needId);
	if (!need || !canReadAttachments(needView(actor, need))) return null;
	const [row] = await db<{ storage_key: string; file_name: string; media_type: string }[]>`
		select storage_key, file_name, media_type from need_attachments
		where id = ${attachmentId} and need_id = ${needId} and removed_at is null`;
	if (!row) return null;
	return openAuditedAttachment(ctx, store, needId, row, { attachment: attachmentId });
}

/**
 * Opens a need's attachment row the caller has checked the reader may see, and audits the read (every
 * way to an attachment ends here: the need page's and the poll's quotes).
 */
export async function openAuditedAttachment(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	row: { storage_key: string; file_name: string; media_type: string },
	details: Record<string, string>
): Promise<AttachmentDownload | null> {
	const { db, actor } = ctx;
	const download = await openDownload(db, store, {
		key: row.storage_key,
		context: fileContext(needId),
		fileName: row.file_name,
		mediaType: row.media_type
	});
	if (!download) return null;
	await audit(db, {
		actorId: actor.id,
		action: 'need.attachment_read',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details
	});
	return download;
}
