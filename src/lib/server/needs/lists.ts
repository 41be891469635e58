import type { PersonContext } from '$lib/server/core/context';
import type { Category, NeedStatus, Urgency } from '$lib/needs';
import type { Region } from '$lib/regions';
import { paged, type PageRequest, type Paged } from '$lib/paging';
import type { Queryable } from '../db/client';
import { isCoordinator } from './access';

/* The lists of needs: an organisation's dashboard and the coordinator's triage queue. */

export interface NeedSummary {
	id: string;
	number: number;
	title: string;
	category: Category;
	status: NeedStatus;
	urgency: Urgency;
	region: Region;
	organisationName: string;
	/** haléře: items minus other funding */
	requested: number;
	neededBy: string | null;
	submittedAt: Date | null;
	updatedAt: Date;
	/** the latest event, for "what happened last" */
	lastEventAt: Date;
}

/** What need `n` asks of the club, haléře: its items less the other funding secured. */
export const requestedAmount = (db: Queryable) => db`
	(coalesce((select sum(i.quantity * i.unit_price) from need_items i where i.need_id = n.id), 0)
		- coalesce((select sum(f.amount) from need_funding f where f.need_id = n.id), 0))::bigint`;

const summaryColumns = (db: Queryable) => db`
	n.id, n.number, n.title, n.category, n.status, n.urgency, n.region, o.name as "organisationName",
	${requestedAmount(db)} as requested,
	to_char(n.needed_by, 'YYYY-MM-DD') as "neededBy", n.submitted_at as "submittedAt", n.updated_at as "updatedAt",
	(select max(e.at) from need_events e where e.need_id = n.id) as "lastEventAt"`;

/** Every need of the social worker's organisation, newest activity first. */
export async function listOrganisationNeeds(ctx: PersonContext<Queryable>): Promise<NeedSummary[]> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('social_worker') || !actor.organisationId) return [];
	return db<NeedSummary[]>`
		select ${summaryColumns(db)}
		from needs n join organisations o on o.id = n.organisation_id
		where n.organisation_id = ${actor.organisationId}
		order by n.updated_at desc`;
}

export const triageFilterStates = [
	'open',
	'submitted',
	'in_review',
	'info_requested',
	'ready',
	'rejected',
	'withdrawn'
] as const;
export type TriageFilterState = (typeof triageFilterStates)[number];

export interface TriageFilter {
	state: TriageFilterState;
	category?: Category | null;
	region?: Region | null;
	urgency?: Urgency | null;
}

/** The states the coordinator's queue waits on by default: what the club has to act on. */
const openTriageStates = ['submitted', 'in_review', 'info_requested', 'ready'] as const;

/** Needs in each state of the queue's state filter, under the other filters chosen. */
export type TriageCounts = Record<TriageFilterState, number>;

export interface TriageList extends Paged<NeedSummary> {
	counts: TriageCounts;
}

const noCounts = (): TriageCounts =>
	Object.fromEntries(triageFilterStates.map((s) => [s, 0])) as TriageCounts;

/*
 * The queue's order, written once: the index needs_triage_* in migration 0025 is built on this very
 * expression, and the planner uses an index on an expression only when the query spells it the same.
 */
const urgencyRank = (db: Queryable) =>
	db`(case n.urgency when 'urgent' then 0 when 'high' then 1 else 2 end)`;

/**
 * The coordinator's queue, one page of it: by default every need that waits for the club (submitted, in
 * review, waiting for an answer, ready); urgent first, then the oldest submission first, so nothing waits
 * unseen; the number last makes the order unique, so no need is on two pages. With the page come the
 * counts of every state under the same category, region and urgency, which the state filter shows.
 */
export async function listTriage(
	ctx: PersonContext<Queryable>,
	filter: TriageFilter,
	request: PageRequest
): Promise<TriageList> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ...paged([], 0, request), counts: noCounts() };
	const others = db`
		${filter.category ? db`and n.category = ${filter.category}` : db``}
		${filter.region ? db`and n.region = ${filter.region}` : db``}
		${filter.urgency ? db`and n.urgency = ${filter.urgency}` : db``}`;
	// the open states as a literal, not parameters: so the partial index for them serves also a
	// prepared statement's generic plan
	const state =
		filter.state === 'open'
			? db`n.status in ('submitted', 'in_review', 'info_requested', 'ready')`
			: db`n.status = ${filter.state}`;
	const rows = await db<NeedSummary[]>`
		select ${summaryColumns(db)}
		from (
			select n.*, ${urgencyRank(db)} as rank
			from needs n
			where ${state} and n.submitted_at is not null ${others}
			order by ${urgencyRank(db)}, n.submitted_at, n.number
			limit ${request.size} offset ${request.offset}
		) n join organisations o on o.id = n.organisation_id
		order by n.rank, n.submitted_at, n.number`;
	const byState = await db<{ status: NeedStatus; count: number }[]>`
		select n.status, count(*)::int as count
		from needs n
		where n.status in ${db(triageFilterStates.filter((s) => s !== 'open'))} and n.submitted_at is not null
			${others}
		group by n.status`;
	const counts = noCounts();
	for (const { status, count } of byState) {
		if (status in counts) counts[status as TriageFilterState] = count;
		if ((openTriageStates as readonly string[]).includes(status)) counts.open += count;
	}
	return { ...paged(rows, counts[filter.state], request), counts };
}
