import type { Category, NeedStatus } from '$lib/needs';
import type { Queryable } from '../db/client';
import type { HelpForm } from '../voting/decision';

/*
 * What the club's members see of the money: the approved needs that are still open or being funded,
 * with how far each got toward its target. Anonymised fields only (no organisation, no people), since
 * every member reads this list.
 */

/** Approved needs the club still works on: collecting money or turning it into help. */
export const openMoneyStates: readonly NeedStatus[] = [
	'approved',
	'funding',
	'funded',
	'fulfilling',
	'delivered'
];

export interface NeedProgress {
	id: string;
	number: number;
	title: string;
	category: Category;
	status: NeedStatus;
	form: HelpForm;
	/** haléře: the approved amount */
	target: number;
	/** haléře: allocations and gifts that reached the need, less refunds (as in `needMoney`) */
	raised: number;
	/** haléře: what the need still lacks, never below zero */
	missing: number;
	/** the person asking is its contact person, who arranges the delivery */
	yours: boolean;
}

/** Every decided need still open, oldest number first, with its funding progress. */
export async function listNeedProgress(
	db: Queryable,
	viewerId: string | null = null
): Promise<NeedProgress[]> {
	const rows = await db<Omit<NeedProgress, 'missing'>[]>`
		select n.id, n.number, n.title, n.category, n.status, d.form, d.approved_amount as target,
			coalesce(d.contact_person_id = ${viewerId}::uuid, false) as yours,
			coalesce(sum(e.amount) filter (where t.kind in ('allocation', 'donation', 'assignment', 'refund')), 0)::bigint
				as raised
		from needs n
		join need_decisions d on d.need_id = n.id
		left join ledger_accounts a on a.need_id = n.id
		left join ledger_entries e on e.account_id = a.id
		left join ledger_transactions t on t.id = e.transaction_id
		where n.status in ${db([...openMoneyStates])}
		group by n.id, d.need_id
		order by n.number`;
	return rows.map((r) => ({ ...r, missing: Math.max(0, r.target - r.raised) }));
}
