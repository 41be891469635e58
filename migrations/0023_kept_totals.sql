-- Kept totals (issue 20): the public figures, balances as of a day and the impact charts read small
-- tables of totals kept by triggers in the same transaction as each ledger entry, gift and delivery,
-- instead of summing a million ledger entries on every request. The invariant tests
-- (src/lib/server/ledger/kept-totals.integration.test.ts) recompute every total from the rows.
--
-- Locks: a kept total must never make two writers wait on each other in a new order.
--   * The ledger's totals are rows of ONE account, written by the entry trigger right after it updated
--     that account's balance row. Every writer of an account's totals therefore already holds the
--     account's row lock (kept until commit): the totals rows add no waits and no new lock order.
--   * Gifts and deliveries are not under one account's lock (an assignment from the suspense account
--     and a bank import both write bank gifts). Their totals are "slots": a writer adds to a slot row
--     of the key it can lock at once (for update skip locked) or, when every slot is busy (or there is
--     none yet), inserts a new one (no unique key, so the insert waits for nobody). Such a writer never
--     waits, so it can never be part of a deadlock. A key has as many slots as writers ever added to it
--     at the same moment (a handful); readers sum the slots of a key.

-- The ledger: per account, per calendar month and per kind of transaction (what came in, went out or
-- went back), and per account and day (for balances as of any day).
create table ledger_month_totals (
	account_id uuid not null references ledger_accounts (id),
	-- the first day of the month of the transactions' occurred_on
	month date not null check (extract(day from month) = 1),
	-- the transactions' kind (ledger_transactions.kind)
	kind text not null,
	amount bigint not null,
	entries integer not null,
	primary key (account_id, month, kind)
);
-- "everything after a day" (balances as of a day) and the years that have entries
create index ledger_month_totals_month on ledger_month_totals (month);

create table ledger_day_totals (
	account_id uuid not null references ledger_accounts (id),
	day date not null,
	amount bigint not null,
	primary key (account_id, day)
);
create index ledger_day_totals_day on ledger_day_totals (day);

-- The club's own accounts (fund, income, payouts, fees, suspense, interest): a dozen rows among the
-- need accounts, read by the yearly figures.
create index ledger_accounts_fixed on ledger_accounts (code) where need_id is null;

-- The same function the balance trigger of 0006 runs, now keeping the totals too. The balance first:
-- its row lock is what makes the totals rows of this account safe to take (see above).
create or replace function ledger_entry_balance() returns trigger language plpgsql as $$
declare
	t record;
begin
	update ledger_accounts set balance = balance + new.amount where id = new.account_id;
	select kind, occurred_on into strict t from ledger_transactions where id = new.transaction_id;
	insert into ledger_month_totals as m (account_id, month, kind, amount, entries)
	values (new.account_id, date_trunc('month', t.occurred_on::timestamp)::date, t.kind, new.amount, 1)
	on conflict (account_id, month, kind) do update set amount = m.amount + excluded.amount, entries = m.entries + 1;
	insert into ledger_day_totals as d (account_id, day, amount)
	values (new.account_id, t.occurred_on, new.amount)
	on conflict (account_id, day) do update set amount = d.amount + excluded.amount;
	return null;
end;
$$;

-- Gifts and dues per month of received_on, channel and purpose: what came in, what of it went back
-- (donations.refunded, whenever it went back) and how many gifts. Slots, see above.
create table donation_month_totals (
	id bigint generated always as identity primary key,
	month date not null check (extract(day from month) = 1),
	channel text not null,
	purpose text not null,
	amount bigint not null,
	refunded bigint not null,
	gifts integer not null
);
create index donation_month_totals_key on donation_month_totals (month, channel, purpose);

create function donation_totals_add(m date, c text, p text, a bigint, r bigint, g integer)
returns void language plpgsql as $$
declare
	slot bigint;
begin
	select id into slot from donation_month_totals where month = m and channel = c and purpose = p
		limit 1 for update skip locked;
	if found then
		update donation_month_totals set amount = amount + a, refunded = refunded + r, gifts = gifts + g
		where id = slot;
	else
		insert into donation_month_totals (month, channel, purpose, amount, refunded, gifts) values (m, c, p, a, r, g);
	end if;
end;
$$;

-- A gift counts in its month from its insert; a refund (reversal.ts raises `refunded`) or any other
-- change of what the totals count moves the difference.
create function donation_totals() returns trigger language plpgsql as $$
begin
	if tg_op = 'UPDATE' and (old.received_on, old.channel, old.purpose) = (new.received_on, new.channel, new.purpose) then
		if (old.amount, old.refunded) <> (new.amount, new.refunded) then
			perform donation_totals_add(date_trunc('month', new.received_on::timestamp)::date, new.channel, new.purpose,
				new.amount - old.amount, new.refunded - old.refunded, 0);
		end if;
		return null;
	end if;
	if tg_op in ('UPDATE', 'DELETE') then
		perform donation_totals_add(date_trunc('month', old.received_on::timestamp)::date, old.channel, old.purpose,
			-old.amount, -old.refunded, -1);
	end if;
	if tg_op in ('UPDATE', 'INSERT') then
		perform donation_totals_add(date_trunc('month', new.received_on::timestamp)::date, new.channel, new.purpose,
			new.amount, new.refunded, 1);
	end if;
	return null;
end;
$$;
create trigger donations_totals after insert or delete or update of amount, refunded, received_on, channel, purpose
	on donations for each row execute function donation_totals();

-- Delivered needs (need_deliveries.delivered_at set): per Prague calendar year of the delivery and whole
-- days (24 hours, rounded down) from the need's submission — null when it has no submission time — how
-- many needs and how many children in their households. The median days come from this histogram.
create table delivery_day_totals (
	id bigint generated always as identity primary key,
	year integer not null,
	days integer,
	needs integer not null,
	children integer not null
);
create index delivery_day_totals_key on delivery_day_totals (year, days);

-- The impact charts: delivered needs per category and per kraj, their children per age band.
create table delivery_group_totals (
	id bigint generated always as identity primary key,
	dimension text not null check (dimension in ('category', 'region', 'band')),
	key text not null,
	count integer not null
);
create index delivery_group_totals_key on delivery_group_totals (dimension, key);

create function delivery_group_add(dim text, k text, n integer) returns void language plpgsql as $$
declare
	slot bigint;
begin
	select id into slot from delivery_group_totals where dimension = dim and key = k limit 1 for update skip locked;
	if found then
		update delivery_group_totals set count = count + n where id = slot;
	else
		insert into delivery_group_totals (dimension, key, count) values (dim, k, n);
	end if;
end;
$$;

-- Adds (sign 1) or takes away (sign -1) one delivered need, as the figures define it.
create function delivery_totals_apply(delivered_at timestamptz, n needs, sign integer)
returns void language plpgsql as $$
declare
	y integer := extract(year from delivered_at at time zone 'Europe/Prague')::int;
	d integer := floor(extract(epoch from delivered_at - n.submitted_at) / 86400)::int;
	slot bigint;
	b record;
begin
	select id into slot from delivery_day_totals
		where year = y and (days = d or (d is null and days is null)) limit 1 for update skip locked;
	if found then
		update delivery_day_totals set needs = needs + sign, children = children + sign * cardinality(n.children)
		where id = slot;
	else
		insert into delivery_day_totals (year, days, needs, children) values (y, d, sign, sign * cardinality(n.children));
	end if;
	perform delivery_group_add('category', n.category, sign);
	perform delivery_group_add('region', n.region::text, sign);
	for b in select c.band, count(*)::int as children from unnest(n.children) as c(band) group by 1 order by 1 loop
		perform delivery_group_add('band', b.band, sign * b.children);
	end loop;
end;
$$;

-- A delivery counts from the moment it is marked delivered. Nothing in the app takes a delivery back,
-- but a changed or removed delivered_at (by hand, a repair) moves the totals with it.
create function delivery_totals() returns trigger language plpgsql as $$
declare
	n needs;
begin
	if tg_op = 'UPDATE' and old.need_id = new.need_id and old.delivered_at is not distinct from new.delivered_at then
		return null;
	end if;
	if tg_op in ('UPDATE', 'DELETE') and old.delivered_at is not null then
		select * into strict n from needs where id = old.need_id;
		perform delivery_totals_apply(old.delivered_at, n, -1);
	end if;
	if tg_op in ('UPDATE', 'INSERT') and new.delivered_at is not null then
		select * into strict n from needs where id = new.need_id;
		perform delivery_totals_apply(new.delivered_at, n, 1);
	end if;
	return null;
end;
$$;
create trigger need_deliveries_totals after insert or delete or update of delivered_at, need_id
	on need_deliveries for each row execute function delivery_totals();

-- The figures read the need's submission, children, category and kraj as they are now: a change of a
-- delivered need moves its place in the totals.
create function delivery_totals_need() returns trigger language plpgsql as $$
declare
	delivered timestamptz;
begin
	select delivered_at into delivered from need_deliveries where need_id = new.id and delivered_at is not null;
	if delivered is not null then
		perform delivery_totals_apply(delivered, old, -1);
		perform delivery_totals_apply(delivered, new, 1);
	end if;
	return null;
end;
$$;
create trigger needs_delivery_totals after update of submitted_at, children, category, region on needs
	for each row when ((old.submitted_at, old.children, old.category, old.region::text)
		is distinct from (new.submitted_at, new.children, new.category, new.region::text))
	execute function delivery_totals_need();

-- Every total again from the rows: the backfill below, and a repair after writes that bypassed the
-- triggers (a bulk load with session_replication_role = replica, say). Writers wait meanwhile.
create function kept_totals_rebuild() returns void language plpgsql as $$
begin
	lock table ledger_entries, ledger_transactions, donations, need_deliveries, needs in share mode;
	delete from ledger_month_totals;
	delete from ledger_day_totals;
	delete from donation_month_totals;
	delete from delivery_day_totals;
	delete from delivery_group_totals;
	insert into ledger_month_totals (account_id, month, kind, amount, entries)
	select e.account_id, date_trunc('month', t.occurred_on::timestamp)::date, t.kind, sum(e.amount), count(*)
	from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
	group by 1, 2, 3;
	insert into ledger_day_totals (account_id, day, amount)
	select e.account_id, t.occurred_on, sum(e.amount)
	from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
	group by 1, 2;
	insert into donation_month_totals (month, channel, purpose, amount, refunded, gifts)
	select date_trunc('month', received_on::timestamp)::date, channel, purpose, sum(amount), sum(refunded), count(*)
	from donations group by 1, 2, 3;
	insert into delivery_day_totals (year, days, needs, children)
	select extract(year from d.delivered_at at time zone 'Europe/Prague')::int,
		floor(extract(epoch from d.delivered_at - n.submitted_at) / 86400)::int, count(*), sum(cardinality(n.children))
	from need_deliveries d join needs n on n.id = d.need_id
	where d.delivered_at is not null group by 1, 2;
	insert into delivery_group_totals (dimension, key, count)
	select 'category', n.category, count(*)
	from need_deliveries d join needs n on n.id = d.need_id where d.delivered_at is not null group by 2
	union all
	select 'region', n.region::text, count(*)
	from need_deliveries d join needs n on n.id = d.need_id where d.delivered_at is not null group by 2
	union all
	select 'band', c.band, count(*)
	from need_deliveries d join needs n on n.id = d.need_id, unnest(n.children) as c(band)
	where d.delivered_at is not null group by 2;
end;
$$;

select kept_totals_rebuild();
