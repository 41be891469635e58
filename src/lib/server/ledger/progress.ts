import type { Category, NeedStatus } from '$lib/needs';
import { paged, type PageRequest, type Paged } from '$lib/paging';
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

export const fundFilters = ['all', 'collecting', 'funded', 'delivering', 'yours'] as const;
/**
 * every open decided need; those still collecting money; those funded, waiting to be bought or handed
 * over; those being bought or handed over; those whose contact person the viewer is
 */
export type FundFilter = (typeof fundFilters)[number];

export interface NeedProgressList extends Paged<NeedProgress> {
	/** the open decided needs under each filter */
	counts: Record<FundFilter, number>;
}

/*
 * The filters as literals, not parameters: the partial index needs_money_open of migration 0025 is for
 * exactly openMoneyStates, and a prepared statement's generic plan uses a partial index only when the
 * query writes its condition out.
 */
const filterSql = (db: Queryable, filter: FundFilter, viewerId: string | null) => {
	switch (filter) {
		case 'collecting':
			return db`n.status in ('approved', 'funding')`;
		case 'funded':
			return db`n.status = 'funded'`;
		case 'delivering':
			return db`n.status in ('fulfilling', 'delivered')`;
		case 'yours':
			return db`n.status in ('approved', 'funding', 'funded', 'fulfilling', 'delivered')
				and d.contact_person_id = ${viewerId}::uuid`;
		default:
			return db`n.status in ('approved', 'funding', 'funded', 'fulfilling', 'delivered')`;
	}
};

/**
 * One page of the decided needs still open, oldest number first (numbers are unique: no need is on two
 * pages), with its funding progress, summed for the page's needs only; and how many needs each filter
 * holds. `viewerId` marks (and filters) the needs whose contact person the viewer is.
 */
export async function listNeedProgress(
	db: Queryable,
	viewerId: string | null,
	filter: FundFilter,
	request: PageRequest
): Promise<NeedProgressList> {
	const rows = await db<Omit<NeedProgress, 'missing'>[]>`
		select n.id, n.number, n.title, n.category, n.status, n.form, n.target, n.yours, r.raised
		from (
			select n.id, n.number, n.title, n.category, n.status, d.form, d.approved_amount as target,
				coalesce(d.contact_person_id = ${viewerId}::uuid, false) as yours
			from needs n join need_decisions d on d.need_id = n.id
			where ${filterSql(db, filter, viewerId)}
			order by n.number
			limit ${request.size} offset ${request.offset}
		) n
		cross join lateral (
			select coalesce(sum(e.amount), 0)::bigint as raised
			from ledger_accounts a
			join ledger_entries e on e.account_id = a.id
			join ledger_transactions t on t.id = e.transaction_id
			where a.need_id = n.id and t.kind in ('allocation', 'donation', 'assignment', 'refund')
		) r
		order by n.number`;
	const [row] = await db<Record<FundFilter, number>[]>`
		select count(*)::int as "all",
			count(*) filter (where n.status in ('approved', 'funding'))::int as "collecting",
			count(*) filter (where n.status = 'funded')::int as "funded",
			count(*) filter (where n.status in ('fulfilling', 'delivered'))::int as "delivering",
			count(*) filter (where d.contact_person_id = ${viewerId}::uuid)::int as "yours"
		from needs n join need_decisions d on d.need_id = n.id
		where ${filterSql(db, 'all', viewerId)}`;
	const counts = row!;
	return {
		...paged(
			rows.map((r) => ({ ...r, missing: Math.max(0, r.target - r.raised) })),
			counts[filter],
			request
		),
		counts
	};
}
