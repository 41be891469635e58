import { actorOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { readAttachment } from '$lib/server/needs/attachments';
import { contentDisposition } from '$lib/server/needs/attachment-files';
import { attachmentStore, db } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** An attachment, always as a download (never rendered inline), to those the need's rules allow. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'social_worker', 'coordinator', 'member');
	const file = await readAttachment(
		db(),
		attachmentStore(),
		actorOf(event, user),
		event.params.id,
		event.params.attachmentId
	);
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.length),
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
