-- Stories: what a delivered help did, written anonymously from the family's feedback, published only with
-- the client's consent (recorded by the social worker, withdrawable at any time) after the coordinator's
-- review.

-- The client's consent to tell their story: when it was given, and where the story may appear.
create table need_consents (
	need_id uuid primary key references needs (id),
	given_on date not null,
	-- this website, for everyone
	scope_website boolean not null default false,
	-- the club's social networks
	scope_social boolean not null default false,
	-- only donors with an account, signed in
	scope_donors boolean not null default false,
	check (scope_website or scope_social or scope_donors),
	recorded_by uuid not null references users (id),
	recorded_at timestamptz not null default now(),
	-- a withdrawn consent hides the story from every public place at once
	withdrawn_at timestamptz,
	withdrawn_by uuid references users (id),
	check ((withdrawn_at is null) = (withdrawn_by is null))
);

create table stories (
	id uuid primary key default gen_random_uuid(),
	-- the public address: /stories/<number>; says nothing about the need's number
	number integer generated always as identity unique,
	need_id uuid not null unique references needs (id),
	author_id uuid not null references users (id),
	title text not null check (length(title) between 1 and 120),
	body text not null check (length(body) between 1 and 6000),
	category text not null check (category in (
		'leisure', 'housing', 'furniture', 'appliances', 'school', 'clothing', 'health', 'transport',
		'food', 'other')),
	-- a coarse place only: the kraj
	region region_code not null,
	-- haléře the help cost
	amount bigint not null check (amount >= 0),
	-- the photo, re-encoded without metadata and encrypted at rest; its author confirmed it shows no face
	-- and no recognisable place
	photo_key text,
	photo_media_type text,
	photo_alt text check (length(photo_alt) <= 300),
	photo_confirmed boolean not null default false,
	check ((photo_key is null) = (photo_media_type is null)),
	check (photo_key is null or (photo_confirmed and photo_alt is not null)),
	status text not null default 'draft' check (status in ('draft', 'submitted', 'published', 'withdrawn')),
	-- published stories appear from this moment on (now, or a set date)
	publish_at timestamptz,
	published_by uuid references users (id),
	check ((status = 'published') = (publish_at is not null)),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index stories_public on stories (publish_at desc) where status = 'published';

alter table need_events drop constraint need_events_kind_check;
alter table need_events add constraint need_events_kind_check check (kind in (
	'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
	'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
	'personal_data_confirmed', 'vote_opened', 'vote_extended', 'vote_closed', 'fast_tracked', 'decided',
	'allocated', 'donations_received', 'funded', 'payout', 'money_returned', 'cancelled', 'closed',
	'protected_data_entered', 'protected_data_changed', 'protected_data_deleted', 'contact_changed',
	'delivery_arranged', 'delivery_bought', 'delivered', 'receipt_confirmed', 'feedback_recorded',
	'consent_recorded', 'consent_withdrawn', 'story_submitted', 'story_published', 'story_unpublished'));
