-- Card gifts at their edges (issue 18): which Stripe dispute a gift's dispute_status follows, how much of
-- `refunded` a lost dispute took back, the failed dues invoices a member has been told about, and
-- whether a card gift was given anonymously.

-- stripe_dispute_id: a closed dispute's late events must not touch a newer dispute of the same charge.
-- dispute_lost: the part of `refunded` a lost dispute reversed. The rest of `refunded` are card refunds,
-- which the webhook compares with the charge's amount_refunded (Stripe counts refunds and chargebacks
-- apart: a lost dispute does not raise amount_refunded).
alter table donations
	add column stripe_dispute_id text check (stripe_dispute_id ~ '^(dp|du)_[A-Za-z0-9_]{1,250}$'),
	add column dispute_lost bigint not null default 0,
	add constraint donations_dispute_lost check (dispute_lost between 0 and refunded),
	add constraint donations_dispute_id_disputed check (stripe_dispute_id is null or disputed_at is not null);

-- One e-mail per failed dues invoice: Stripe sends invoice.payment_failed on every retry of the same
-- invoice (each with a new event id); the member hears about the invoice once, written with the e-mail.
create table dues_failure_notices (
	stripe_invoice_id text primary key check (stripe_invoice_id ~ '^in_[A-Za-z0-9_]{1,250}$'),
	subscription_id uuid not null references subscriptions (id),
	outbox_id bigint not null unique references outbox (id),
	created_at timestamptz not null default now()
);

-- The donor ticked "give anonymously" in Spolu's form: the gift keeps no name, e-mail or address, not
-- even those the donor then gave Stripe Checkout. Sessions opened before this column: a gift with no
-- details at all is taken as anonymous, the careful reading.
alter table card_checkouts add column anonymous boolean not null default false;
update card_checkouts set anonymous = true
	where purpose = 'gift' and donor_name is null and donor_email is null and donor_address is null;
