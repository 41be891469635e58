-- The conversation on a club's vote: members ask before they vote, the need's organisation answers.
-- The thread is the need's (a vote opened again keeps what was asked before); each message names the
-- poll it was written in. Every body passed the anonymisation guard: members read it.

-- lets a message name its poll and its need with one key, so the two cannot disagree
alter table polls add constraint polls_id_need unique (id, need_id);

create table poll_messages (
	id uuid primary key default gen_random_uuid(),
	poll_id uuid not null,
	need_id uuid not null references needs (id),
	author_id uuid not null references users (id),
	-- the role the author wrote in, as the thread shows it: a member of the club, the coordinator, or
	-- a social worker of the need's organisation
	author_role text not null check (author_role in ('member', 'coordinator', 'social_worker')),
	body text not null check (length(body) between 1 and 2000 and length(trim(body)) > 0),
	created_at timestamptz not null default now(),
	foreign key (poll_id, need_id) references polls (id, need_id)
);
create index poll_messages_need on poll_messages (need_id, created_at);

-- Price quotes reach the members who vote only when the worker who uploaded one said so: quotes
-- uploaded before this migration were uploaded under the promise that only the organisation, the
-- coordinator and the contact person see attachments, so they stay that way.
alter table need_attachments add column shown_to_voters boolean not null default false;
alter table need_attachments add constraint need_attachments_voters_quotes
	check (not shown_to_voters or kind = 'quote');
