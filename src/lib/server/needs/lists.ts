import type { PersonContext } from '$lib/server/core/context';
import type { Category, NeedStatus, Urgency } from '$lib/needs';
import type { Region } from '$lib/regions';
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

export const TRIAGE_PAGE_SIZE = 500;

/**
 * The coordinator's queue: by default every need that waits for the club (submitted, in review, waiting
 * for an answer, ready); urgent first, then the oldest submission first, so nothing waits unseen.
 */
export async function listTriage(
	ctx: PersonContext<Queryable>,
	filter: TriageFilter
): Promise<NeedSummary[]> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return [];
	const states: NeedStatus[] =
		filter.state === 'open' ? ['submitted', 'in_review', 'info_requested', 'ready'] : [filter.state];
	return db<NeedSummary[]>`
		select ${summaryColumns(db)}
		from needs n join organisations o on o.id = n.organisation_id
		where n.status in ${db(states)} and n.submitted_at is not null
			${filter.category ? db`and n.category = ${filter.category}` : db``}
			${filter.region ? db`and n.region = ${filter.region}` : db``}
			${filter.urgency ? db`and n.urgency = ${filter.urgency}` : db``}
		order by case n.urgency when 'urgent' then 0 when 'high' then 1 else 2 end, n.submitted_at, n.number
		limit ${TRIAGE_PAGE_SIZE}`;
}
