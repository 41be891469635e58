import { requireRole } from '$lib/server/http/guards';
import { fundBalance } from '$lib/server/ledger/ledger';
import { listNeedProgress } from '$lib/server/ledger/progress';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

/** The club's fund as its members see it: the balance and how far each open approved need got. */
export const load = (async (event) => {
	const user = requireRole(event, 'member', 'coordinator');
	const [balance, needs] = await Promise.all([fundBalance(db()), listNeedProgress(db(), user.id)]);
	return { balance, needs };
}) satisfies PageServerLoad;
