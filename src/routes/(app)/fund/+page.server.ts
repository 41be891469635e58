import { pageRequest } from '$lib/paging';
import { requireRole } from '$lib/server/http/guards';
import { fundBalance } from '$lib/server/ledger/ledger';
import { fundFilters, listNeedProgress, type FundFilter } from '$lib/server/ledger/progress';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The club's fund as its members see it: the balance and how far each open approved need got. */
export const load = (async (event) => {
	const user = requireRole(event, 'member', 'coordinator');
	const asked = event.url.searchParams.get('show');
	// an unknown filter is the whole list, as a missing one
	const filter: FundFilter = fundFilters.find((f) => f === asked) ?? 'all';
	const [balance, needs] = await Promise.all([
		fundBalance(db()),
		listNeedProgress(db(), user.id, filter, pageRequest(event.url))
	]);
	return { balance, filter, needs };
}) satisfies PageServerLoad;
