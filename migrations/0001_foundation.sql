-- Foundation: instance state, background jobs and the club's own settings.

-- Facts about this installation (first start, demo data loaded). Key/value, written rarely.
create table app_state (
	key text primary key,
	value jsonb not null,
	updated_at timestamptz not null default now()
);

-- Background work. Claimed with FOR UPDATE SKIP LOCKED; a claim holds a lease (locked_until) so that a
-- job whose instance died is picked up again once the lease runs out.
create table jobs (
	id bigint generated always as identity primary key,
	kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,99}$'),
	payload jsonb not null default '{}'::jsonb,
	-- Deduplication: at most one unfinished job per (kind, key).
	key text,
	status text not null default 'pending' check (status in ('pending', 'running', 'done', 'failed')),
	run_at timestamptz not null default now(),
	attempts integer not null default 0 check (attempts >= 0),
	max_attempts integer not null default 5 check (max_attempts between 1 and 100),
	locked_by text,
	locked_until timestamptz,
	last_error text,
	created_at timestamptz not null default now(),
	finished_at timestamptz,
	check ((status = 'running') = (locked_by is not null and locked_until is not null))
);

create index jobs_due on jobs (run_at, id) where status in ('pending', 'running');
create index jobs_status on jobs (status, created_at desc);
create unique index jobs_unfinished_key on jobs (kind, key) where key is not null and status in ('pending', 'running');

-- The club that runs this installation. Exactly one row.
create table club_settings (
	id boolean primary key default true check (id),
	name text not null check (length(name) between 1 and 200),
	contact_email text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+$'),
	updated_at timestamptz not null default now()
);
