import { contextOf } from '$lib/server/http/actor';
import { privateDownload } from '$lib/server/http/download';
import { requireRole } from '$lib/server/http/guards';
import { readAttachment } from '$lib/server/needs/attachments';
import { attachmentStore } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/** An attachment, always as a download (never rendered inline), to those the need's rules allow. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'social_worker', 'coordinator', 'member');
	return privateDownload(
		await readAttachment(
			contextOf(event, user),
			attachmentStore(),
			event.params.id,
			event.params.attachmentId
		)
	);
};
