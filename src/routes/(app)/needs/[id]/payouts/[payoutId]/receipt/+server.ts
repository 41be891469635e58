import { actorOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { readPayoutReceipt } from '$lib/server/ledger/payouts';
import { contentDisposition } from '$lib/server/needs/attachment-files';
import { attachmentStore, db } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * A payout's receipt, always as a download (it may show the family's name, so never rendered inline),
 * to those the domain allows: everyone else gets the same 404 as for a receipt that does not exist.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'social_worker', 'coordinator', 'member');
	const file = await readPayoutReceipt(
		db(),
		attachmentStore(),
		actorOf(event, user),
		event.params.id,
		event.params.payoutId
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
