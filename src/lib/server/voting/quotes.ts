import type { PersonContext } from '$lib/server/core/context';
import { isUuid } from '$lib/core/ids';
import type { Queryable } from '../db/client';
import type { AttachmentDownload, AttachmentStore } from '../files/uploads';
import { isCoordinator } from '../needs/access';
import { openAuditedAttachment } from '../needs/attachments';

/*
 * The price quotes of a need, for those who vote on it. Of a need's attachments only quotes reach the
 * members: a quote prices what the club would pay for, and the worker uploads it without the family's names
 * (attachments_file_hint) and ticks that voters may see it (shown_to_voters; older quotes stay hidden); invoices and other papers stay with the organisation and the
 * coordinator (needs/access.ts). Members see neither who uploaded a quote nor the organisation. Each
 * download is audited, as every read of an attachment is.
 */

export interface PollQuote {
	id: string;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	createdAt: Date;
}

/** The need's current quotes (removed ones left out), oldest first. */
export async function listQuotes(db: Queryable, needId: string): Promise<PollQuote[]> {
	return db<PollQuote[]>`
		select id, file_name as "fileName", media_type as "mediaType", size_bytes as "sizeBytes",
			created_at as "createdAt"
		from need_attachments
		where need_id = ${needId} and kind = 'quote' and shown_to_voters and removed_at is null
		order by created_at, id`;
}

/** A quote of the poll's need, for a member of the poll's electorate or the coordinator; else null. */
export async function readPollQuote(
	ctx: PersonContext,
	store: AttachmentStore,
	pollId: string,
	attachmentId: string
): Promise<AttachmentDownload | null> {
	const { db, actor } = ctx;
	if (!isUuid(pollId) || !isUuid(attachmentId)) return null;
	const [poll] = await db<{ needId: string; voter: boolean }[]>`
		select p.need_id as "needId",
			exists (select 1 from poll_electorate e where e.poll_id = p.id and e.member_id = ${actor.id}) as voter
		from polls p where p.id = ${pollId}`;
	if (!poll) return null;
	const voter = poll.voter && actor.roles.includes('member');
	if (!voter && !isCoordinator(actor)) return null;
	const [row] = await db<{ storage_key: string; file_name: string; media_type: string }[]>`
		select storage_key, file_name, media_type from need_attachments
		where id = ${attachmentId} and need_id = ${poll.needId} and kind = 'quote' and shown_to_voters and removed_at is null`;
	if (!row) return null;
	return openAuditedAttachment(ctx, store, poll.needId, row, { attachment: attachmentId, poll: pollId });
}
