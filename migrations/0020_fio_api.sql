-- The club's Fio API connection (issue 18): a read-only token the coordinator stores, with which a
-- background job downloads the account's new movements ("since the last download") and imports them
-- like a statement. One connection per Spolu: the club's Fio account.
--
-- Fio keeps its own mark of the last movement handed out for each token and moves it on every download.
-- Spolu keeps its own as well (cursor_id: the last movement it imported) and sets Fio's back to it
-- (rewind) whenever a download may not have been imported: a failed import, a crash in the middle, a new
-- token. Fio answers at most one call per 30 seconds per token; the time of the last call is kept here
-- so that several instances of Spolu respect it together.
create table fio_api_connection (
	id uuid primary key default gen_random_uuid(),
	singleton boolean not null default true unique check (singleton),
	-- the 64-character token, encrypted (AES-256-GCM under DATA_ENCRYPTION_KEY, fio-api/connection.ts);
	-- the additional data is "fio_api_connection:token:<id>". A new token is a new row.
	token text not null,
	-- the coordinator whose name the imports run under; they must still be one when a download runs
	stored_by uuid not null references users (id),
	stored_at timestamptz not null,
	-- the first day to download when nothing has been imported with this token yet
	start_on date not null,
	-- Fio's id of the last movement imported (ID pohybu); null: none yet, the rewind goes to start_on
	cursor_id bigint check (cursor_id > 0),
	-- Fio's mark must be set back to cursor_id (or start_on) before the next download
	rewind boolean not null default true,
	-- a call to Fio under way (the instance that started it holds it); an old one means it died
	in_flight_since timestamptz,
	last_call_at timestamptz,
	-- no call before this: 30 seconds after the last call, longer while Fio answers "too soon" (409)
	not_before timestamptz,
	-- consecutive "too soon" answers, for backing off
	conflicts integer not null default 0 check (conflicts >= 0),
	-- the last download that went through (also one without new movements)
	last_sync_at timestamptz,
	last_sync_lines integer check (last_sync_lines >= 0),
	last_sync_recorded integer check (last_sync_recorded >= 0),
	last_statement_id uuid references bank_statements (id),
	-- the last problem, shown to the coordinator in their language; cleared by a download that went through
	last_error text check (
		last_error in (
			'token_rejected', 'too_old', 'too_many', 'unavailable', 'bad_response', 'wrong_account',
			'import_refused', 'import_failed', 'not_coordinator'
		)
	),
	last_error_detail text check (length(last_error_detail) <= 500),
	last_error_at timestamptz,
	check ((last_error is null) = (last_error_at is null)),
	check (last_error is not null or last_error_detail is null)
);
