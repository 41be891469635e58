-- Public pages near the wire (issue 20): anonymous answers of the public reading pages are kept as
-- rendered bytes in front of the framework (src/lib/server/http/page-cache.js, scripts/serve.js). They
-- must go the moment what they show changes: a story published or withdrawn, a consent withdrawn, a gift
-- arriving, a delivery, a decision, the club's settings, the help directory. Every write to a table the
-- public pages read sends a notification on the channel `spolu_public_pages`; every Spolu process
-- listens on it and drops its kept pages. PostgreSQL delivers a notification only after the writing
-- transaction committed, so a page rendered after it sees the new rows, and it reaches every process
-- listening on the database (several instances behind one load balancer).
--
-- Statement-level triggers with the statement's changed rows (transition tables): one notification per
-- statement however many rows it touched, and none for a statement that touched no row (the background
-- jobs run such statements every few seconds, e.g. the sweep of unused files, and each would drop every
-- kept page). PostgreSQL folds identical notifications of one transaction into one. The payload is the
-- table's name, for whoever watches the channel; the listeners do not read it. A trigger with a
-- transition table has one event, hence three triggers per table, and a fourth for TRUNCATE.
--
-- A new table read by a public page (src/routes/(public)/**, sitemap.xml, feed.xml) needs the same
-- triggers: `select public_pages_watch('<table>');`. The kept totals of 0023 change only in the same
-- transaction as the rows they sum (ledger entries, gifts, deliveries), which notify already.

create function public_pages_new_rows() returns trigger language plpgsql as $$
begin
	if exists (select 1 from public_pages_new) then
		perform pg_notify('spolu_public_pages', tg_table_name);
	end if;
	return null;
end;
$$;

create function public_pages_old_rows() returns trigger language plpgsql as $$
begin
	if exists (select 1 from public_pages_old) then
		perform pg_notify('spolu_public_pages', tg_table_name);
	end if;
	return null;
end;
$$;

create function public_pages_truncated() returns trigger language plpgsql as $$
begin
	perform pg_notify('spolu_public_pages', tg_table_name);
	return null;
end;
$$;

-- The four triggers on one table (the table's name comes from migrations, never from a request).
create function public_pages_watch(t text) returns void language plpgsql as $$
begin
	execute format('create trigger %I after insert on %I referencing new table as public_pages_new
		for each statement execute function public_pages_new_rows()', t || '_public_pages_insert', t);
	execute format('create trigger %I after update on %I referencing new table as public_pages_new
		for each statement execute function public_pages_new_rows()', t || '_public_pages_update', t);
	execute format('create trigger %I after delete on %I referencing old table as public_pages_old
		for each statement execute function public_pages_old_rows()', t || '_public_pages_delete', t);
	execute format('create trigger %I after truncate on %I
		for each statement execute function public_pages_truncated()', t || '_public_pages_truncate', t);
end;
$$;

select public_pages_watch(t) from unnest(array[
	-- stories, their consent and their photos (/, /stories, a story, feed.xml, sitemap.xml)
	'stories', 'need_consents', 'stored_files',
	-- the needs behind collections, stories and figures, their decisions and deliveries
	'needs', 'need_decisions', 'need_deliveries',
	-- money: gifts and dues, bank lines waiting for assignment, the ledger (collections' figures,
	-- /transparency, /impact)
	'donations', 'bank_payments', 'ledger_entries', 'ledger_transactions', 'ledger_accounts',
	-- the club's name, contact, accounts and collection reference; the help directory
	'club_settings', 'club_accounts', 'organisations'
]) as t;
