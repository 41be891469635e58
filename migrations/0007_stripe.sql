-- Card payments through Stripe: Checkout sessions for gifts (a gift to a collection holds its amount
-- while the session is open), member dues as subscriptions, the webhook events already processed,
-- refunds and disputes of card gifts.

create table card_checkouts (
	id uuid primary key default gen_random_uuid(),
	stripe_session_id text unique,
	purpose text not null check (purpose in ('gift', 'dues')),
	need_id uuid references needs (id),
	amount bigint not null check (amount between 1500 and 100000000),
	-- dues: how often
	interval text check (interval in ('month', 'year')),
	donor_id uuid references users (id),
	donor_name text check (length(donor_name) between 1 and 200),
	donor_email text check (length(donor_email) <= 254),
	donor_address text check (length(donor_address) between 1 and 300),
	-- creating: before Stripe answered; open: the donor may pay; unpaid: paid by a method that settles
	-- later; paid; expired; failed
	status text not null default 'creating'
		check (status in ('creating', 'open', 'unpaid', 'paid', 'expired', 'failed')),
	-- a gift to a collection holds its amount until then (the session's expiry)
	reserved_until timestamptz,
	payment_intent text unique,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (purpose = 'gift' or need_id is null),
	check ((purpose = 'dues') = (interval is not null))
);
create index card_checkouts_reserved on card_checkouts (need_id, reserved_until)
	where status in ('creating', 'open', 'unpaid');

-- Each Stripe event once: written in the same transaction as its effect.
create table stripe_events (
	id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
	type text not null,
	processed_at timestamptz not null default now()
);

alter table donations
	add column card_checkout_id uuid unique references card_checkouts (id),
	add column stripe_invoice_id text unique,
	add column payment_intent text,
	-- card refunds so far (haléře) and a dispute the coordinator must look at
	add column refunded bigint not null default 0,
	add column disputed_at timestamptz,
	add column dispute_reason text check (length(dispute_reason) <= 100),
	add constraint donations_refunded_check check (refunded between 0 and amount);
create index donations_payment_intent on donations (payment_intent) where payment_intent is not null;
create index donations_disputed on donations (disputed_at) where disputed_at is not null;

create table subscriptions (
	id uuid primary key default gen_random_uuid(),
	member_id uuid not null references users (id),
	checkout_id uuid unique references card_checkouts (id),
	stripe_subscription_id text not null unique,
	stripe_customer_id text,
	interval text not null check (interval in ('month', 'year')),
	amount bigint not null check (amount > 0),
	-- Stripe's status: active, past_due, canceled, ...
	status text not null check (length(status) between 1 and 40),
	cancel_at_period_end boolean not null default false,
	current_period_end timestamptz,
	-- the time of the newest Stripe event applied, so that an older event arriving late changes nothing
	synced_at timestamptz not null default 'epoch',
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index subscriptions_member on subscriptions (member_id);
