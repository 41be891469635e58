-- Accounts: organisations, people and their roles, sessions, 2FA, invitations, e-mail tokens,
-- throttling, the e-mail outbox and the audit log.

-- Regions (kraje) by their CZ-NUTS code.
create domain region_code as text check (value in (
	'CZ010', 'CZ020', 'CZ031', 'CZ032', 'CZ041', 'CZ042', 'CZ051',
	'CZ052', 'CZ053', 'CZ063', 'CZ064', 'CZ071', 'CZ072', 'CZ080'));

create table organisations (
	id uuid primary key default gen_random_uuid(),
	name text not null check (length(name) between 2 and 200),
	kind text not null check (kind in ('intervention_centre', 'child_protection', 'ngo', 'other')),
	region region_code not null,
	created_at timestamptz not null default now()
);
create unique index organisations_name on organisations (lower(name));

create table users (
	id uuid primary key default gen_random_uuid(),
	email text not null check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+$'),
	name text not null check (length(name) between 1 and 200),
	password_hash text not null,
	locale text not null default 'cs' check (locale in ('cs', 'en')),
	organisation_id uuid references organisations (id),
	-- pending_email: a donor who has not confirmed the address yet;
	-- pending_approval: a social worker who asked for access and waits for the coordinator.
	status text not null default 'active'
		check (status in ('pending_email', 'pending_approval', 'active', 'deactivated')),
	-- TOTP: the key encrypted with DATA_ENCRYPTION_KEY; the last accepted time step makes each code single use.
	totp_key text,
	totp_last_step bigint,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create unique index users_email on users (email);

create table user_roles (
	user_id uuid not null references users (id) on delete cascade,
	role text not null check (role in ('social_worker', 'member', 'coordinator', 'donor')),
	granted_at timestamptz not null default now(),
	primary key (user_id, role)
);

create table sessions (
	id text primary key,
	secret_hash bytea not null,
	user_id uuid not null references users (id) on delete cascade,
	created_at timestamptz not null default now(),
	last_seen_at timestamptz not null default now(),
	two_factor_verified boolean not null default false
);
create index sessions_user on sessions (user_id);

create table recovery_codes (
	user_id uuid not null references users (id) on delete cascade,
	code_hash bytea not null,
	used_at timestamptz,
	primary key (user_id, code_hash)
);

-- Single-use links sent by e-mail; only the SHA-256 of the token is stored.
create table invitations (
	id uuid primary key default gen_random_uuid(),
	token_hash bytea not null unique,
	email text not null check (email = lower(email)),
	role text not null check (role in ('social_worker', 'member', 'coordinator', 'donor')),
	organisation_id uuid references organisations (id),
	invited_by uuid not null references users (id),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	accepted_at timestamptz,
	accepted_by uuid references users (id),
	check (role <> 'social_worker' or organisation_id is not null)
);

create table email_tokens (
	token_hash bytea primary key,
	user_id uuid not null references users (id) on delete cascade,
	purpose text not null check (purpose in ('verify_email', 'reset_password')),
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz
);
create index email_tokens_user on email_tokens (user_id, purpose);

-- Throttling that holds across instances: a key such as 'login:address:203.0.113.7'.
create table throttles (
	key text primary key,
	failures integer not null default 0,
	window_started_at timestamptz not null default now(),
	blocked_until timestamptz
);

-- E-mail is written here in the transaction that causes it and sent by a background job.
create table outbox (
	id bigint generated always as identity primary key,
	to_address text not null,
	locale text not null check (locale in ('cs', 'en')),
	template text not null,
	subject text not null,
	text_body text not null,
	html_body text not null,
	created_at timestamptz not null default now(),
	sent_at timestamptz,
	attempts integer not null default 0,
	last_error text
);
create index outbox_unsent on outbox (created_at) where sent_at is null;

-- Append-only: who did what to what, from where. Never passwords, tokens or protected data.
create table audit_log (
	id bigint generated always as identity primary key,
	at timestamptz not null default now(),
	actor_id uuid references users (id),
	action text not null,
	target_type text,
	target_id text,
	address text,
	details jsonb not null default '{}'::jsonb
);
create index audit_log_at on audit_log (at desc);
create index audit_log_actor on audit_log (actor_id, at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
	raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
	for each row execute function audit_log_append_only();
