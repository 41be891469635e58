-- Indexes for the paged lists of issue 20, part b (the coordinator's money overview, people, audit log,
-- bank lines, disputed gifts) and for the exports read in slices: each serves a list's filter and its
-- order, so that a page reads its rows from an index instead of sorting the whole table. The queries
-- spell the same expressions (ledger/reports.ts, accounts/people.ts, audit.ts, payments/bank/import.ts,
-- payments/bank/pledges.ts, payments/stripe/disputes.ts).

-- The ledger export continues after the last row of each slice: (day, recorded, transaction).
create index ledger_transactions_export on ledger_transactions (occurred_on, recorded_at, id);

-- The people: those waiting for approval first, then by name, the e-mail last (unique).
create index users_people_list on users ((status = 'pending_approval') desc, lower(name), email);
-- ... and the count per status under the same filters.
create index users_status on users (status);

-- The audit log filtered by an action or a group of them: a range in byte order (see audit.ts).
create index audit_log_action on audit_log ((action collate "C"), id desc);
-- ... and by who acted, newest first by id, the order of the pages.
create index audit_log_actor_id on audit_log (actor_id, id desc) where actor_id is not null;

-- Bank payments waiting to be assigned, oldest first; the id makes the order unique.
drop index bank_payments_unassigned;
create index bank_payments_unassigned on bank_payments (booked_on, id) where status = 'unassigned';
-- Payments received, newest first (the statuses of import.ts listReceivedPayments: an index-only count).
create index bank_payments_booked on bank_payments (booked_on desc, id desc)
	where status in ('matched', 'assigned', 'unassigned', 'returned');
-- Pledges of one status, and all of them, newest first.
create index pledges_status_created on pledges (status, created_at desc, id desc);
create index pledges_created on pledges (created_at desc, id desc);
-- Imported statements, the latest first.
create index bank_statements_imported on bank_statements (imported_at desc, id desc);

-- Disputed gifts: the open ones first, then the newest dispute.
create index donations_disputes on donations ((dispute_status = 'open') desc, disputed_at desc, id)
	where disputed_at is not null;
