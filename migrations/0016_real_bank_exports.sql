-- Money at its edges (issue 18): statements in every format Czech banks write (Fio's web and API
-- exports, GPC/ABO), and the state of a card dispute, which decides whether a gift may stand on the
-- donor's confirmation.

alter table bank_statements drop constraint bank_statements_format_check;
alter table bank_statements
	add constraint bank_statements_format_check check (format in ('fio_csv', 'fio_api', 'camt053', 'gpc'));

-- open: the donor's bank is deciding, the gift is held off confirmations; won: it stands again;
-- lost: the money went back to the donor (booked once, counted in `refunded`).
alter table donations
	add column dispute_status text check (dispute_status in ('open', 'won', 'lost'));
update donations set dispute_status = 'open' where disputed_at is not null;
alter table donations
	add constraint donations_dispute_status check ((dispute_status is null) = (disputed_at is null));

-- Statements are imported in batches (each its own short transaction, so other money actions wait at
-- most for one batch); finished_at stays null while a statement is being imported or if its import
-- stopped halfway (importing the same file again finishes it: what is in is recognised by bank_ref).
alter table bank_statements
	add column finished_at timestamptz,
	add column returned integer not null default 0,
	add column interest integer not null default 0,
	add column fees integer not null default 0,
	add column own_transfers integer not null default 0;
update bank_statements set finished_at = imported_at;

-- Besides incoming gifts, bank_payments now keeps every line that changes what the club has: interest
-- the bank credited, its fees, transfers between the club's own accounts and returned payments, so that
-- importing the same statement again books none of them twice.
alter table bank_payments drop constraint bank_payments_amount_check;
alter table bank_payments drop constraint bank_payments_status_check;
alter table bank_payments
	add constraint bank_payments_amount_check check (amount <> 0),
	add constraint bank_payments_status_check check (status in (
		'matched', 'unassigned', 'assigned', 'returned', 'return', 'interest', 'fee', 'own_transfer')),
	-- a 'return' line (the bank reversed or sent back an incoming payment) names the payment it returns
	add column returns_payment_id uuid unique references bank_payments (id),
	-- a 'returned' payment: when, by whom (null: the bank's own return line) and why
	add column returned_at timestamptz,
	add column returned_by uuid references users (id),
	add column return_note text check (length(return_note) between 1 and 300),
	add column transaction_id uuid references ledger_transactions (id),
	-- gifts come in, returns and fees go out; interest (less the tax withheld) and own transfers go both ways
	add constraint bank_payments_sign check ((amount > 0) = (status in ('matched', 'unassigned', 'assigned', 'returned'))
		or status in ('own_transfer', 'interest')),
	add constraint bank_payments_returned check ((status = 'returned') = (returned_at is not null));
create index bank_payments_counter on bank_payments (counter_account, amount) where amount > 0;

-- Interest the bank credits is the club's money but no gift: it has its own account kind, so that the
-- public figures of gifts never count it.
alter table ledger_accounts drop constraint ledger_accounts_kind_check;
alter table ledger_accounts
	add constraint ledger_accounts_kind_check check (kind in ('fund', 'need', 'income', 'payout', 'fees', 'suspense', 'interest'));
insert into ledger_accounts (code, kind, non_negative) values ('interest', 'interest', false);
alter table ledger_transactions drop constraint ledger_transactions_kind_check;
alter table ledger_transactions
	add constraint ledger_transactions_kind_check check (kind in (
		'donation', 'allocation', 'payout', 'return_to_fund', 'bank_unassigned', 'assignment', 'refund', 'fee',
		'interest'));

-- The club's own accounts besides BANK_IBAN and the collection account: a statement for any other
-- account is refused, and a transfer between two of them is neither a gift nor a payout.
create table club_accounts (
	iban text primary key check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
	label text check (length(label) between 1 and 80),
	added_by uuid references users (id),
	added_at timestamptz not null default now()
);
