import { contextOf } from '$lib/server/http/actor';
import { privateDownload } from '$lib/server/http/download';
import { requireRole } from '$lib/server/http/guards';
import { readPayoutReceipt } from '$lib/server/ledger/payouts';
import { attachmentStore } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * A payout's receipt, always as a download (it may show the family's name, so never rendered inline),
 * to those the domain allows: everyone else gets the same 404 as for a receipt that does not exist.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'social_worker', 'coordinator', 'member');
	return privateDownload(
		await readPayoutReceipt(contextOf(event, user), attachmentStore(), event.params.id, event.params.payoutId)
	);
};
