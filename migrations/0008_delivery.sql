-- Delivery: the client's protected data, entered by the social worker after approval and read only by
-- the submitting organisation and the need's contact person, encrypted field by field.

alter table club_settings
	-- protected data is deleted this many days after the help was delivered
	add column protected_retention_days smallint not null default 30 check (protected_retention_days between 1 and 365);

create table need_protected_data (
	need_id uuid primary key references needs (id),
	-- AES-256-GCM values `keyId:iv:tag:ciphertext`, each bound to `need_protected_data:<column>:<need id>`
	client_name text not null check (length(client_name) <= 2000),
	client_phone text not null check (length(client_phone) <= 2000),
	delivery_address text check (length(delivery_address) <= 4000),
	-- safety first: the intervention centre's office unless the social worker chooses otherwise
	delivery_way text not null default 'office' check (delivery_way in ('office', 'supplier', 'pickup', 'home')),
	entered_by uuid not null references users (id),
	entered_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	-- an address exists only for home delivery
	check ((delivery_way = 'home') = (delivery_address is not null))
);

alter table need_events drop constraint need_events_kind_check;
alter table need_events add constraint need_events_kind_check check (kind in (
	'created', 'edited', 'submitted', 'review_started', 'info_requested', 'answered', 'message',
	'ready', 'rejected', 'duplicate', 'withdrawn', 'attachment_added', 'attachment_removed',
	'personal_data_confirmed', 'vote_opened', 'vote_extended', 'vote_closed', 'fast_tracked', 'decided',
	'allocated', 'donations_received', 'funded', 'payout', 'money_returned', 'cancelled', 'closed',
	'protected_data_entered', 'protected_data_changed', 'protected_data_deleted', 'contact_changed',
	'delivery_arranged', 'delivery_bought', 'delivered', 'receipt_confirmed', 'feedback_recorded'));

-- The delivery of the help, step by step: the contact person arranges, buys (with the payouts of the
-- money part) and delivers; the social worker confirms that the family received it and writes down the
-- family's feedback. Everything here is read by the club, so every text passed the anonymisation guard.
create table need_deliveries (
	need_id uuid primary key references needs (id),
	arranged_at timestamptz not null default now(),
	arranged_by uuid not null references users (id),
	-- what was arranged, e.g. "the shop delivers to the centre's office on Thursday"
	plan text not null default '' check (length(plan) <= 1000),
	bought_at timestamptz,
	bought_by uuid references users (id),
	delivered_on date,
	delivered_at timestamptz,
	delivered_by uuid references users (id),
	delivery_note text check (length(delivery_note) <= 1000),
	-- a photo or receipt of the delivery: cleaned, encrypted at rest like attachments
	proof_key text,
	proof_name text,
	proof_media_type text,
	confirmed_at timestamptz,
	confirmed_by uuid references users (id),
	-- the family's words, as the social worker wrote them down: their thanks, and what changed for them
	feedback_thanks text check (length(feedback_thanks) <= 2000),
	feedback_change text check (length(feedback_change) <= 2000),
	feedback_at timestamptz,
	check (bought_at is null or bought_by is not null),
	check ((delivered_at is null) = (delivered_on is null) and (delivered_at is null) = (delivered_by is null)),
	check (delivered_at is null or bought_at is not null),
	check (confirmed_at is null or delivered_at is not null),
	check ((proof_key is null) = (proof_name is null) and (proof_key is null) = (proof_media_type is null))
);
-- the retention job looks for deliveries older than the club's retention
create index need_deliveries_delivered on need_deliveries (delivered_at) where delivered_at is not null;
