-- Giving as Czech donors know it (issue 19): a monthly gift by standing order (trvalý příkaz) whose
-- variable symbol keeps matching, a gift larger than what a collection misses split between it and the
-- general fund, and the donor's wish to hear when the help arrived and when its story is out.

-- A standing order: one pledge, one variable symbol, a payment every month. It stays open: each payment
-- with its symbol is a new gift of that donor to the general fund (a collection closes, a fund does not).
-- `news`: the donor asked for an e-mail when the help arrives and when its story is published.
-- `need_part`: a gift larger than what the collection missed, split as the donor chose: at most this
-- much goes to the collection when the money arrives, the rest to the general fund (null: no split).
alter table pledges
	add column standing boolean not null default false,
	add column news boolean not null default false,
	add column need_part bigint check (need_part > 0 and need_part < amount),
	add constraint pledges_standing_fund check (not standing or (purpose = 'gift' and need_id is null));

-- A standing order's pledge is paid many times, so its payments and gifts share it. A one-off pledge is
-- still paid once: matching takes only open pledges and closes a one-off one in the same transaction,
-- and a payment books one gift (donations.bank_payment_id stays unique).
alter table bank_payments drop constraint bank_payments_pledge_id_key;
alter table donations drop constraint donations_pledge_id_key;
create index bank_payments_pledge on bank_payments (pledge_id) where pledge_id is not null;
create index donations_pledge on donations (pledge_id) where pledge_id is not null;

-- Card gifts: the same wish for news, the language of the page (for that e-mail), and the part of a
-- split gift the collection holds while the session is open (null: all of it; the rest goes to the fund).
alter table card_checkouts
	add column news boolean not null default false,
	add column locale text check (locale in ('cs', 'en')),
	add column reserved_amount bigint check (reserved_amount > 0 and reserved_amount <= amount);

-- Each news e-mail once per need, event and recipient (lower-case address), whoever calls it again.
create table need_news_mails (
	need_id uuid not null references needs (id),
	event text not null check (event in ('delivered', 'story')),
	recipient text not null check (length(recipient) between 3 and 254 and recipient = lower(recipient)),
	outbox_id bigint not null references outbox (id),
	created_at timestamptz not null default now(),
	primary key (need_id, event, recipient)
);
