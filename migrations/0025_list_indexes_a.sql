-- Indexes for the paged lists of issue 20 (triage queue, votes, public collections, the members' fund,
-- the stories review): each serves a list's filter and its order, so that a page reads its 50 rows
-- from an index instead of sorting the whole table. An index on an expression or with a condition is
-- used only when the query writes the same expression or condition, so the queries spell them alike
-- (needs/lists.ts, voting/view.ts, payments/bank/collections.ts, ledger/progress.ts, stories/stories.ts).

-- The coordinator's queue by default: the states waiting for the club, urgent first, oldest first.
create index needs_triage_open on needs (
	(case urgency when 'urgent' then 0 when 'high' then 1 else 2 end), submitted_at, number
) where status in ('submitted', 'in_review', 'info_requested', 'ready') and submitted_at is not null;
-- The queue filtered to one state (rejected and withdrawn ones pile up over the years).
create index needs_triage_state on needs (
	status, (case urgency when 'urgent' then 0 when 'high' then 1 else 2 end), submitted_at, number
) where submitted_at is not null;

-- A member's polls: the electorate's key starts with the poll, the member's list starts with them.
create index poll_electorate_member on poll_electorate (member_id, poll_id);
-- and the member's own votes among them
create index votes_member on votes (member_id, poll_id);

-- The public collections, newest decision first; the states and forms of collections.ts's listedSql.
create index need_decisions_collections on need_decisions (decided_at desc, need_id)
	where form in ('collection', 'fund_and_collection');
create index needs_collections on needs (number) where status in ('approved', 'funding', 'funded');

-- The members' fund: the decided needs still open by number, one state by number, and "mine".
create index needs_money_open on needs (number)
	where status in ('approved', 'funding', 'funded', 'fulfilling', 'delivered');
create index needs_status_number on needs (status, number);
create index need_decisions_contact on need_decisions (contact_person_id);

-- The stories review: those waiting first, then the latest changed; or one state.
create index stories_review on stories ((status = 'submitted') desc, updated_at desc, number desc)
	where status <> 'draft';
create index stories_status on stories (status, updated_at desc, number desc);
