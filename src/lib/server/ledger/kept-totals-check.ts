import type { Queryable } from '../db/client';

/*
 * For the tests: every kept total (migrations/0023_kept_totals.sql) against the same sum recomputed from
 * scratch from the ledger's entries, the donations and the deliveries. Each query returns the keys where
 * the two differ (a slot table's rows summed per key first; a key that sums to nothing on both sides is
 * no difference). Empty lists everywhere: the totals are exact.
 */

export interface KeptTotalsDrift {
	ledgerMonths: unknown[];
	ledgerDays: unknown[];
	donationMonths: unknown[];
	deliveryDays: unknown[];
	deliveryGroups: unknown[];
}

export async function keptTotalsDrift(db: Queryable): Promise<KeptTotalsDrift> {
	const ledgerMonths = await db`
		with kept as (select account_id, month, kind, amount, entries from ledger_month_totals),
		recomputed as (
			select e.account_id, date_trunc('month', t.occurred_on::timestamp)::date as month, t.kind,
				sum(e.amount)::bigint as amount, count(*)::int as entries
			from ledger_entries e join ledger_transactions t on t.id = e.transaction_id group by 1, 2, 3)
		select coalesce(k.account_id, r.account_id) as account, coalesce(k.month, r.month) as month,
			coalesce(k.kind, r.kind) as kind, k.amount as kept, r.amount as recomputed, k.entries as "keptEntries",
			r.entries as "recomputedEntries"
		from kept k full join recomputed r using (account_id, month, kind)
		where k.amount is distinct from r.amount or k.entries is distinct from r.entries`;
	const ledgerDays = await db`
		with recomputed as (
			select e.account_id, t.occurred_on as day, sum(e.amount)::bigint as amount
			from ledger_entries e join ledger_transactions t on t.id = e.transaction_id group by 1, 2)
		select coalesce(k.account_id, r.account_id) as account, coalesce(k.day, r.day) as day,
			k.amount as kept, r.amount as recomputed
		from ledger_day_totals k full join recomputed r using (account_id, day)
		where k.amount is distinct from r.amount`;
	const donationMonths = await db`
		with kept as (
			select month, channel, purpose, sum(amount)::bigint as amount, sum(refunded)::bigint as refunded,
				sum(gifts)::int as gifts
			from donation_month_totals group by 1, 2, 3),
		recomputed as (
			select date_trunc('month', received_on::timestamp)::date as month, channel, purpose,
				sum(amount)::bigint as amount, sum(refunded)::bigint as refunded, count(*)::int as gifts
			from donations group by 1, 2, 3)
		select coalesce(k.month, r.month) as month, coalesce(k.channel, r.channel) as channel,
			coalesce(k.purpose, r.purpose) as purpose, k.amount, r.amount as "recomputedAmount", k.refunded,
			r.refunded as "recomputedRefunded", k.gifts, r.gifts as "recomputedGifts"
		from kept k full join recomputed r using (month, channel, purpose)
		where (coalesce(k.amount, 0), coalesce(k.refunded, 0), coalesce(k.gifts, 0))
			<> (coalesce(r.amount, 0), coalesce(r.refunded, 0), coalesce(r.gifts, 0))`;
	const deliveryDays = await db`
		with kept as (
			select year, days, sum(needs)::int as needs, sum(children)::int as children
			from delivery_day_totals group by 1, 2),
		recomputed as (
			select extract(year from d.delivered_at at time zone 'Europe/Prague')::int as year,
				floor(extract(epoch from d.delivered_at - n.submitted_at) / 86400)::int as days,
				count(*)::int as needs, sum(cardinality(n.children))::int as children
			from need_deliveries d join needs n on n.id = d.need_id
			where d.delivered_at is not null group by 1, 2)
		select coalesce(k.year, r.year) as year, coalesce(k.days, r.days) as days, k.needs,
			r.needs as "recomputedNeeds", k.children, r.children as "recomputedChildren"
		from kept k full join recomputed r on k.year = r.year and k.days is not distinct from r.days
		where (coalesce(k.needs, 0), coalesce(k.children, 0)) <> (coalesce(r.needs, 0), coalesce(r.children, 0))`;
	const deliveryGroups = await db`
		with kept as (
			select dimension, key, sum(count)::int as count from delivery_group_totals group by 1, 2),
		delivered as (
			select n.* from need_deliveries d join needs n on n.id = d.need_id where d.delivered_at is not null),
		recomputed as (
			select 'category' as dimension, category as key, count(*)::int as count from delivered group by 2
			union all
			select 'region', region::text, count(*)::int from delivered group by 2
			union all
			select 'band', c.band, count(*)::int from delivered, unnest(children) as c(band) group by 2)
		select coalesce(k.dimension, r.dimension) as dimension, coalesce(k.key, r.key) as key, k.count,
			r.count as recomputed
		from kept k full join recomputed r using (dimension, key)
		where coalesce(k.count, 0) <> coalesce(r.count, 0)`;
	return { ledgerMonths, ledgerDays, donationMonths, deliveryDays, deliveryGroups };
}

export const noDrift: KeptTotalsDrift = {
	ledgerMonths: [],
	ledgerDays: [],
	donationMonths: [],
	deliveryDays: [],
	deliveryGroups: []
};
