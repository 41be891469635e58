import type { PersonContext } from '$lib/server/core/context';
import { paged, type PageRequest, type Paged } from '$lib/paging';
import type { Queryable } from '../db/client';
import { isCoordinator } from '../needs/access';
import { requestedAmount } from '../needs/lists';
import { selectNeed } from '../needs';
import { isUuid } from '$lib/core/ids';
import { anonymised, type AnonymisedNeed } from '../needs/view';
import { getVoteSettings, type Outcome, type Tally } from './settings';
import { pollTakesVolunteers } from './decision';
import { listQuotes, type PollQuote } from './quotes';

/* What members and the coordinator see of polls. */

export interface PollSummary {
	id: string;
	needNumber: number;
	needTitle: string;
	requested: number;
	urgency: string;
	closesAt: Date;
	closedAt: Date | null;
	outcome: Outcome | null;
	/** the asking member's vote, if any */
	myChoice: string | null;
}

export const pollFilters = ['all', 'waiting', 'open', 'closed'] as const;
/** all of the member's polls; open without their vote; every open one; the closed ones */
export type PollFilter = (typeof pollFilters)[number];

export interface PollList extends Paged<PollSummary> {
	/** the member's polls under each filter */
	counts: Record<PollFilter, number>;
	/** open polls the member has voted in, for the page's group heading */
	voted: number;
}

/** What a filter keeps of the member's polls (`p` the poll, `v` the member's vote). */
const pollFilterSql = (db: Queryable, filter: PollFilter) =>
	filter === 'waiting'
		? db`and p.closed_at is null and v.choice is null`
		: filter === 'open'
			? db`and p.closed_at is null`
			: filter === 'closed'
				? db`and p.closed_at is not null`
				: db``;

/**
 * One page of the polls a member may vote in: open ones first (waiting for their vote on top, the one
 * closing soonest first), then the closed ones, the latest closed first; the poll's id last, so the
 * order is unique and no poll is on two pages. Only polls whose electorate holds the member are read,
 * and counted: the counts say how many of *their* polls each filter holds.
 */
export async function listMyPolls(
	ctx: PersonContext<Queryable>,
	filter: PollFilter,
	request: PageRequest
): Promise<PollList> {
	const { db, actor } = ctx;
	const none = { all: 0, waiting: 0, open: 0, closed: 0 };
	if (!actor.roles.includes('member')) return { ...paged([], 0, request), counts: none, voted: 0 };
	const rows = await db<PollSummary[]>`
		select p.id, n.number as "needNumber", n.title as "needTitle", n.urgency,
			${requestedAmount(db)} as requested,
			p.closes_at as "closesAt", p.closed_at as "closedAt", p.outcome, p."myChoice"
		from (
			select p.id, p.need_id, p.closes_at, p.closed_at, p.outcome, v.choice as "myChoice"
			from poll_electorate e
			join polls p on p.id = e.poll_id
			left join votes v on v.poll_id = p.id and v.member_id = e.member_id
			where e.member_id = ${actor.id} ${pollFilterSql(db, filter)}
			order by p.closed_at is not null, v.choice is not null,
				case when p.closed_at is null then p.closes_at end, p.closed_at desc, p.id
			limit ${request.size} offset ${request.offset}
		) p
		join needs n on n.id = p.need_id
		order by p.closed_at is not null, p."myChoice" is not null,
			case when p.closed_at is null then p.closes_at end, p.closed_at desc, p.id`;
	const [counts] = await db<(Record<PollFilter, number> & { voted: number })[]>`
		select count(*)::int as "all",
			count(*) filter (where p.closed_at is null and v.choice is null)::int as "waiting",
			count(*) filter (where p.closed_at is null)::int as "open",
			count(*) filter (where p.closed_at is not null)::int as "closed",
			count(*) filter (where p.closed_at is null and v.choice is not null)::int as "voted"
		from poll_electorate e
		join polls p on p.id = e.poll_id
		left join votes v on v.poll_id = p.id and v.member_id = e.member_id
		where e.member_id = ${actor.id}`;
	const { voted, ...byFilter } = counts!;
	return { ...paged(rows, byFilter[filter], request), counts: byFilter, voted };
}

export interface VoteRow {
	memberName: string;
	choice: string;
	reason: string | null;
}

export interface PollPage {
	id: string;
	need: AnonymisedNeed;
	closesAt: Date;
	closedAt: Date | null;
	extensionReason: string | null;
	outcome: Outcome | null;
	/** what the asking person is: a voter (member of the electorate) and/or the coordinator */
	voter: boolean;
	coordinator: boolean;
	myVote: { choice: string; reason: string | null } | null;
	/**
	 * how many of the electorate have voted (a recusal counts), never how: for the coordinator and the
	 * voters, while the poll runs and after
	 */
	participation: { voted: number; electorate: number };
	/** whether the asking member offered to be the contact person, and may still change that */
	volunteered: boolean;
	canVolunteer: boolean;
	/** why a member may no longer offer: the poll closed (or a newer one runs), or the contact person is chosen */
	volunteering: 'open' | 'closed' | 'chosen';
	/** the need's price quotes (quotes.ts says why only those) */
	quotes: PollQuote[];
	/** the tally and everyone's votes: after closing, or while open when the club does not hide them */
	results: { tally: Tally; votes: VoteRow[] } | null;
}

/** A poll as a member of its electorate or the coordinator sees it; null for anyone else. */
export async function viewPoll(ctx: PersonContext<Queryable>, pollId: string): Promise<PollPage | null> {
	const { db, actor } = ctx;
	if (!isUuid(pollId)) return null;
	const [poll] = await db<
		{
			id: string;
			needId: string;
			closesAt: Date;
			closedAt: Date | null;
			extensionReason: string | null;
			outcome: Outcome | null;
			electorate: number;
			superseded: boolean;
		}[]
	>`
		select id, need_id as "needId", closes_at as "closesAt", closed_at as "closedAt",
			extension_reason as "extensionReason", outcome, electorate,
			exists (select 1 from polls l where l.need_id = p.need_id and l.opened_at > p.opened_at) as superseded
		from polls p where id = ${pollId}`;
	if (!poll) return null;
	const [inElectorate] = await db`
		select 1 from poll_electorate where poll_id = ${pollId} and member_id = ${actor.id}`;
	const voter = !!inElectorate && actor.roles.includes('member');
	const coordinator = isCoordinator(actor);
	if (!voter && !coordinator) return null;
	const need = (await selectNeed(db, poll.needId))!;
	const votes = await db<(VoteRow & { memberId: string })[]>`
		select v.member_id as "memberId", u.name as "memberName", v.choice, v.reason
		from votes v join users u on u.id = v.member_id
		where v.poll_id = ${pollId} order by u.name`;
	const mine = votes.find((v) => v.memberId === actor.id);
	const { resultsHidden } = await getVoteSettings(db);
	const count = (c: string) => votes.filter((v) => v.choice === c).length;
	const tally: Tally = {
		yes: count('yes'),
		no: count('no'),
		abstain: count('abstain'),
		recused: count('recused'),
		electorate: poll.electorate
	};
	const showResults = poll.closedAt !== null || !resultsHidden;
	const [volunteered] = await db`
		select 1 from need_volunteers where need_id = ${poll.needId} and member_id = ${actor.id}`;
	const [decided] = await db`select 1 from need_decisions where need_id = ${poll.needId}`;
	const volunteering = pollTakesVolunteers(poll, need.status, !!decided);
	return {
		id: poll.id,
		need: anonymised(need),
		closesAt: poll.closesAt,
		closedAt: poll.closedAt,
		extensionReason: poll.extensionReason,
		outcome: poll.outcome,
		voter,
		coordinator,
		myVote: mine ? { choice: mine.choice, reason: mine.reason } : null,
		participation: { voted: votes.length, electorate: poll.electorate },
		volunteered: !!volunteered,
		canVolunteer: voter && volunteering === 'open',
		volunteering,
		quotes: await listQuotes(db, poll.needId),
		results: showResults
			? { tally, votes: votes.map(({ memberName, choice, reason }) => ({ memberName, choice, reason })) }
			: null
	};
}
