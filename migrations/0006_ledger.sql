-- Club money: a double-entry ledger (accounts, transactions whose entries sum to zero), the gifts behind
-- the income, bank-transfer pledges with variable symbols, imported bank statements, and payouts.
-- All amounts are haléře (bigint).

-- The club's legal identity (for confirmations of gifts) and its public-collection account.
alter table club_settings
	add column registration_number text check (registration_number ~ '^[0-9]{8}$'),
	add column address text check (length(address) between 1 and 300),
	add column place text check (length(place) between 1 and 60),
	-- veřejná sbírka (zákon 117/2001 Sb.): the dedicated account and the regional authority's reference
	add column collection_iban text check (collection_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
	add column collection_reference text check (length(collection_reference) between 1 and 100);

create table ledger_accounts (
	id uuid primary key default gen_random_uuid(),
	-- 'fund', 'income:bank', 'need:<uuid>', ...
	code text not null unique check (code ~ '^[a-z_]+(:[a-z0-9_-]+)?$'),
	kind text not null check (kind in ('fund', 'need', 'income', 'payout', 'fees', 'suspense')),
	need_id uuid unique references needs (id),
	-- money the club holds (the fund, a need's earmarked money, unassigned bank payments) cannot be spent twice
	non_negative boolean not null,
	-- kept by the trigger below from the entries, so that a concurrent writer waits on this row and the
	-- check refuses an overdraft inside the database itself
	balance bigint not null default 0,
	created_at timestamptz not null default now(),
	check (not non_negative or balance >= 0),
	check ((kind = 'need') = (need_id is not null))
);

insert into ledger_accounts (code, kind, non_negative) values
	('fund', 'fund', true),
	('income:card', 'income', false),
	('income:bank', 'income', false),
	('income:offline', 'income', false),
	('income:in_kind', 'income', false),
	('payout:suppliers', 'payout', false),
	('payout:families', 'payout', false),
	('fees', 'fees', false),
	('suspense:bank', 'suspense', true);

create table ledger_transactions (
	id uuid primary key default gen_random_uuid(),
	kind text not null check (kind in (
		'donation', 'allocation', 'payout', 'return_to_fund', 'bank_unassigned', 'assignment', 'refund', 'fee')),
	-- the day the money moved (the bank's booking date, the payout's date)
	occurred_on date not null default current_date,
	recorded_at timestamptz not null default now(),
	recorded_by uuid references users (id),
	need_id uuid references needs (id),
	memo text check (length(memo) <= 500),
	-- a refund names the transaction it reverses; each is reversed at most once
	reverses uuid unique references ledger_transactions (id)
);
create index ledger_transactions_day on ledger_transactions (occurred_on, recorded_at);
create index ledger_transactions_need on ledger_transactions (need_id) where need_id is not null;

create table ledger_entries (
	id bigint generated always as identity primary key,
	transaction_id uuid not null references ledger_transactions (id),
	account_id uuid not null references ledger_accounts (id),
	amount bigint not null check (amount <> 0 and amount between -10000000000 and 10000000000)
);
create index ledger_entries_transaction on ledger_entries (transaction_id);
create index ledger_entries_account on ledger_entries (account_id);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
	raise exception '% is append-only', tg_table_name;
end;
$$;
create trigger ledger_transactions_append_only before update or delete on ledger_transactions
	for each row execute function ledger_append_only();
create trigger ledger_entries_append_only before update or delete on ledger_entries
	for each row execute function ledger_append_only();

create function ledger_entry_balance() returns trigger language plpgsql as $$
begin
	update ledger_accounts set balance = balance + new.amount where id = new.account_id;
	return null;
end;
$$;
create trigger ledger_entries_balance after insert on ledger_entries
	for each row execute function ledger_entry_balance();

-- Checked at commit, when every entry of the transaction is in: the entries sum to zero and there are
-- at least two of them.
create function ledger_check_balanced(tid uuid) returns void language plpgsql as $$
declare
	total numeric;
	n integer;
begin
	select coalesce(sum(amount), 0), count(*) into total, n from ledger_entries where transaction_id = tid;
	if total <> 0 or n < 2 then
		raise exception 'ledger transaction % is unbalanced (% entries, sum %)', tid, n, total
			using errcode = '23514';
	end if;
end;
$$;
create function ledger_entry_balanced() returns trigger language plpgsql as $$
begin
	perform ledger_check_balanced(new.transaction_id);
	return null;
end;
$$;
create function ledger_transaction_balanced() returns trigger language plpgsql as $$
begin
	perform ledger_check_balanced(new.id);
	return null;
end;
$$;
create constraint trigger ledger_entries_balanced after insert on ledger_entries
	deferrable initially deferred for each row execute function ledger_entry_balanced();
create constraint trigger ledger_transactions_balanced after insert on ledger_transactions
	deferrable initially deferred for each row execute function ledger_transaction_balanced();

-- Bank-transfer pledges: the donor is shown the account, this variable symbol and a QR Platba code.
create table pledges (
	id uuid primary key default gen_random_uuid(),
	variable_symbol text not null unique check (variable_symbol ~ '^[1-9][0-9]{0,9}$'),
	purpose text not null check (purpose in ('gift', 'dues')),
	-- null: the general fund
	need_id uuid references needs (id),
	amount bigint not null check (amount between 100 and 100000000),
	donor_id uuid references users (id),
	-- for the confirmation of gifts; optional
	donor_name text check (length(donor_name) between 1 and 200),
	donor_email text check (donor_email ~ '^[^@\s]+@[^@\s]+$' and length(donor_email) <= 254),
	donor_address text check (length(donor_address) between 1 and 300),
	status text not null default 'open' check (status in ('open', 'paid', 'cancelled')),
	created_at timestamptz not null default now(),
	paid_at timestamptz,
	check ((status = 'paid') = (paid_at is not null)),
	check (purpose = 'gift' or need_id is null)
);
create index pledges_open on pledges (status, created_at);

-- Statements the coordinator imported, with what the import did.
create table bank_statements (
	id uuid primary key default gen_random_uuid(),
	format text not null check (format in ('fio_csv', 'camt053')),
	file_name text not null check (length(file_name) between 1 and 200),
	sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
	account text,
	imported_by uuid not null references users (id),
	imported_at timestamptz not null default now(),
	lines integer not null,
	recorded integer not null,
	matched integer not null,
	duplicates integer not null,
	outgoing integer not null
);

-- Incoming payments from the statements; the bank's reference makes a second import record nothing.
create table bank_payments (
	id uuid primary key default gen_random_uuid(),
	statement_id uuid not null references bank_statements (id),
	bank_ref text not null unique check (length(bank_ref) between 1 and 200),
	booked_on date not null,
	amount bigint not null check (amount > 0),
	variable_symbol text check (variable_symbol ~ '^[0-9]{1,10}$'),
	counter_account text check (length(counter_account) <= 100),
	counter_name text check (length(counter_name) <= 200),
	message text check (length(message) <= 500),
	status text not null check (status in ('matched', 'unassigned', 'assigned')),
	pledge_id uuid unique references pledges (id),
	-- an unassigned payment waits in the suspense account until the coordinator assigns it
	suspense_transaction_id uuid references ledger_transactions (id),
	assigned_by uuid references users (id),
	assigned_at timestamptz
);
create index bank_payments_unassigned on bank_payments (booked_on) where status = 'unassigned';

-- Each gift (or dues payment) that came in, whichever channel, with the part that reached the need and
-- the part that went to the general fund.
create table donations (
	id uuid primary key default gen_random_uuid(),
	channel text not null check (channel in ('card', 'bank', 'offline', 'in_kind')),
	purpose text not null default 'gift' check (purpose in ('gift', 'dues')),
	-- offline: how it came
	offline_kind text check (offline_kind in ('cash', 'sponsor', 'transfer', 'other')),
	-- in kind: what it was
	description text check (length(description) between 1 and 200),
	amount bigint not null check (amount between 1 and 100000000),
	-- the need the donor chose (null: the general fund)
	need_id uuid references needs (id),
	to_need bigint not null check (to_need >= 0),
	to_fund bigint not null check (to_fund >= 0),
	donor_id uuid references users (id),
	donor_name text check (length(donor_name) between 1 and 200),
	donor_email text check (length(donor_email) <= 254),
	donor_address text check (length(donor_address) between 1 and 300),
	received_on date not null,
	pledge_id uuid unique references pledges (id),
	bank_payment_id uuid unique references bank_payments (id),
	note text check (length(note) <= 1000),
	transaction_id uuid not null unique references ledger_transactions (id),
	recorded_by uuid references users (id),
	created_at timestamptz not null default now(),
	check (to_need + to_fund = amount),
	check (need_id is not null or to_need = 0),
	check ((channel = 'offline') = (offline_kind is not null)),
	check ((channel = 'in_kind') = (description is not null))
);
create index donations_donor on donations (donor_id, received_on) where donor_id is not null;
create index donations_received on donations (received_on);
create index donations_need on donations (need_id) where need_id is not null;

-- Money paid out for a need: a purchase from a supplier or a gift paid to the family.
create table payouts (
	id uuid primary key default gen_random_uuid(),
	need_id uuid not null references needs (id),
	recipient text not null check (recipient in ('supplier', 'family')),
	supplier text check (length(supplier) between 1 and 120),
	amount bigint not null check (amount between 1 and 100000000),
	paid_on date not null,
	note text check (length(note) <= 1000),
	-- a gift in kind handed over to the family (recorded with the gift itself)
	in_kind boolean not null default false,
	-- the receipt, encrypted at rest like attachments
	receipt_key text unique check (receipt_key ~ '^[0-9a-f]{2}/[0-9a-f]{32}$'),
	receipt_name text check (length(receipt_name) between 1 and 120),
	receipt_media_type text check (receipt_media_type in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
	transaction_id uuid not null unique references ledger_transactions (id),
	recorded_by uuid not null references users (id),
	created_at timestamptz not null default now(),
	check ((receipt_key is null) = (receipt_name is null) and (receipt_key is null) = (receipt_media_type is null))
);
create index payouts_need on payouts (need_id);

alter table need_events drop constraint need_events_kind_check;
alter table need_events add constraint need_events_kind_check check (kind in (
	'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
	'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
	'personal_data_confirmed', 'vote_opened', 'vote_extended', 'vote_closed', 'fast_tracked', 'decided',
	'allocated', 'donations_received', 'funded', 'payout', 'money_returned', 'cancelled', 'closed'));
