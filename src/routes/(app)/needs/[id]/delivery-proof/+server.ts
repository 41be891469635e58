import { readDeliveryProof } from '$lib/server/delivery/steps';
import { contextOf } from '$lib/server/http/actor';
import { privateDownload } from '$lib/server/http/download';
import { requireRole } from '$lib/server/http/guards';
import { attachmentStore } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * The photo or receipt of the delivery, always as a download, to the contact person, the submitting
 * organisation and the coordinator; everyone else gets the same 404 as when there is none.
 */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'social_worker', 'coordinator', 'member');
	return privateDownload(await readDeliveryProof(contextOf(event, user), attachmentStore(), event.params.id));
};
