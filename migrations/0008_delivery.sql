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
	'protected_data_entered', 'protected_data_changed', 'protected_data_deleted', 'contact_changed'));
