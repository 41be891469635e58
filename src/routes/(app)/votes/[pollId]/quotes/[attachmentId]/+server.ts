import { contextOf } from '$lib/server/http/actor';
import { privateDownload } from '$lib/server/http/download';
import { requireRole } from '$lib/server/http/guards';
import { attachmentStore } from '$lib/server/runtime';
import { readPollQuote } from '$lib/server/voting/quotes';
import type { RequestHandler } from './$types';

/** A price quote of the poll's need, always as a download, to its voters and the coordinator. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'member', 'coordinator');
	return privateDownload(
		await readPollQuote(
			contextOf(event, user),
			attachmentStore(),
			event.params.pollId,
			event.params.attachmentId
		)
	);
};
