-- Needs: what a social worker asks the club for on behalf of a family, anonymised; its items, other
-- funding already secured, private attachments, the timeline of events and the confirmations that a
-- fragment the anonymisation guard flagged is not personal data.

create table needs (
	id uuid primary key default gen_random_uuid(),
	-- a short number people can say on the phone ("potřeba č. 12"); reveals nothing about the family
	number integer generated always as identity unique,
	organisation_id uuid not null references organisations (id),
	created_by uuid not null references users (id),
	status text not null default 'draft' check (status in (
		'draft', 'submitted', 'in_review', 'info_requested', 'ready', 'in_vote', 'approved', 'funding',
		'funded', 'fulfilling', 'delivered', 'closed', 'rejected', 'withdrawn', 'cancelled')),
	category text not null check (category in (
		'leisure', 'housing', 'furniture', 'appliances', 'school', 'clothing', 'health', 'transport',
		'food', 'other')),
	title text not null check (length(title) between 1 and 120),
	situation text not null default '' check (length(situation) <= 4000),
	impact text not null default '' check (length(impact) <= 2000),
	adults smallint not null default 1 check (adults between 0 and 10),
	-- one entry per child, by age band: never names or birth dates
	children text[] not null default '{}' check (
		children <@ array['0-2', '3-5', '6-10', '11-14', '15-17', '18+']::text[] and cardinality(children) <= 15),
	region region_code not null,
	district text check (length(district) between 1 and 60),
	urgency text not null default 'normal' check (urgency in ('normal', 'high', 'urgent')),
	needed_by date,
	-- set when the coordinator marks the need as a duplicate of another one
	duplicate_of uuid references needs (id) check (duplicate_of <> id),
	submitted_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index needs_organisation on needs (organisation_id, status);
create index needs_status on needs (status, urgency, submitted_at);

create table need_items (
	need_id uuid not null references needs (id) on delete cascade,
	position smallint not null check (position between 0 and 49),
	description text not null check (length(description) between 1 and 200),
	quantity integer not null check (quantity between 1 and 999),
	-- haléře; at most 1 000 000 Kč a piece
	unit_price bigint not null check (unit_price between 0 and 100000000),
	link text check (link ~ '^https?://' and length(link) <= 500),
	primary key (need_id, position)
);

create table need_funding (
	need_id uuid not null references needs (id) on delete cascade,
	position smallint not null check (position between 0 and 9),
	source text not null check (length(source) between 1 and 200),
	amount bigint not null check (amount between 1 and 100000000),
	primary key (need_id, position)
);

create table need_attachments (
	id uuid primary key default gen_random_uuid(),
	need_id uuid not null references needs (id),
	uploaded_by uuid not null references users (id),
	kind text not null check (kind in ('quote', 'invoice', 'other')),
	file_name text not null check (length(file_name) between 1 and 120),
	media_type text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
	size_bytes integer not null check (size_bytes > 0),
	-- the random name under <data dir>/attachments; never derived from the upload's name
	storage_key text not null unique check (storage_key ~ '^[0-9a-f]{2}/[0-9a-f]{32}$'),
	created_at timestamptz not null default now(),
	removed_at timestamptz,
	removed_by uuid references users (id)
);
create index need_attachments_need on need_attachments (need_id);

-- The need's timeline: every change of state and every message, with who and when.
create table need_events (
	id bigint generated always as identity primary key,
	need_id uuid not null references needs (id),
	at timestamptz not null default now(),
	actor_id uuid references users (id),
	kind text not null check (kind in (
		'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
		'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
		'personal_data_confirmed')),
	from_status text,
	to_status text,
	body text check (length(body) <= 4000),
	data jsonb
);
create index need_events_need on need_events (need_id, id);

create function need_events_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'need_events is append-only';
end;
$$;
create trigger need_events_append_only before update or delete on need_events
	for each row execute function need_events_append_only();

-- A fragment the guard flagged and the social worker confirmed as not personal data (audited).
create table need_pii_confirmations (
	need_id uuid not null references needs (id) on delete cascade,
	field text not null check (field ~ '^[a-z_]+(\.[0-9]{1,2}\.[a-z_]+)?$'),
	kind text not null,
	fragment text not null check (length(fragment) between 1 and 200),
	confirmed_by uuid not null references users (id),
	confirmed_at timestamptz not null default now(),
	primary key (need_id, field, kind, fragment)
);
