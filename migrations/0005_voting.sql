-- Club decisions: the club's voting rules, polls on needs with the electorate fixed when the vote
-- opens, and the members' votes.

alter table club_settings
	-- share of the electorate (without recused members) that must take part: yes, no or abstain
	add column quorum_percent smallint not null default 50 check (quorum_percent between 1 and 100),
	-- a need is approved when yes votes are more than this share of yes and no votes
	add column approval_percent smallint not null default 50 check (approval_percent between 1 and 99),
	add column vote_hours integer not null default 168 check (vote_hours between 1 and 2160),
	add column urgent_vote_hours integer not null default 48 check (urgent_vote_hours between 1 and 2160),
	-- the coordinator may approve alone up to this amount (haléře); 0 turns fast-track off
	add column fast_track_limit bigint not null default 0 check (fast_track_limit between 0 and 100000000),
	-- members see tallies and one another's votes only once the poll has closed
	add column results_hidden boolean not null default true;

create table polls (
	id uuid primary key default gen_random_uuid(),
	need_id uuid not null references needs (id),
	opened_by uuid not null references users (id),
	opened_at timestamptz not null default now(),
	closes_at timestamptz not null,
	-- a poll may be extended once, with a reason
	extended_by uuid references users (id),
	extension_reason text check (length(extension_reason) between 1 and 2000),
	reminded_at timestamptz,
	closed_at timestamptz,
	-- null when the deadline closed it (the background job)
	closed_by uuid references users (id),
	outcome text check (outcome in ('approved', 'rejected', 'no_quorum')),
	-- the tally as it was at closing
	yes integer,
	no integer,
	abstain integer,
	recused integer,
	electorate integer not null check (electorate >= 0),
	check ((closed_at is null) = (outcome is null)),
	check (closes_at > opened_at),
	check ((extended_by is null) = (extension_reason is null))
);
-- one open poll per need at a time
create unique index polls_open_need on polls (need_id) where closed_at is null;
create index polls_due on polls (closes_at) where closed_at is null;

-- Who may vote: every active member when the poll opened.
create table poll_electorate (
	poll_id uuid not null references polls (id),
	member_id uuid not null references users (id),
	primary key (poll_id, member_id)
);

create table votes (
	poll_id uuid not null,
	member_id uuid not null,
	choice text not null check (choice in ('yes', 'no', 'abstain', 'recused')),
	-- required for "no" (why not) and for recusal (the declared conflict of interest)
	reason text check (length(reason) <= 2000),
	cast_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (poll_id, member_id),
	foreign key (poll_id, member_id) references poll_electorate (poll_id, member_id),
	check (choice not in ('no', 'recused') or length(trim(coalesce(reason, ''))) > 0)
);

alter table need_events drop constraint need_events_kind_check;
alter table need_events add constraint need_events_kind_check check (kind in (
	'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
	'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
	'personal_data_confirmed', 'vote_opened', 'vote_extended', 'vote_closed', 'fast_tracked'));

-- Members who offer to be the need's contact person (they arrange delivery with the family).
create table need_volunteers (
	need_id uuid not null references needs (id),
	member_id uuid not null references users (id),
	offered_at timestamptz not null default now(),
	primary key (need_id, member_id)
);

-- The club's decision on an approved need: how much, in which form of help, and who is the contact person.
create table need_decisions (
	need_id uuid primary key references needs (id),
	-- the positions of the items the club pays for (all, or fewer than requested)
	item_positions smallint[] not null check (cardinality(item_positions) between 1 and 50),
	-- haléře: the chosen items less the other funding secured
	approved_amount bigint not null check (approved_amount between 1 and 100000000),
	form text not null check (form in ('gift', 'purchase', 'collection', 'sponsor', 'fund_and_collection')),
	contact_person_id uuid not null references users (id),
	note text check (length(note) <= 2000),
	decided_by uuid not null references users (id),
	decided_at timestamptz not null default now()
);

alter table need_events drop constraint need_events_kind_check;
alter table need_events add constraint need_events_kind_check check (kind in (
	'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
	'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
	'personal_data_confirmed', 'vote_opened', 'vote_extended', 'vote_closed', 'fast_tracked', 'decided'));
