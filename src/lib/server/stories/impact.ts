import { pragueDay } from '$lib/core/prague';
import { ageBands, type AgeBand, type Category } from '$lib/needs';
import type { Region } from '$lib/regions';
import type { Queryable } from '../db/client';
import { accountBalances } from '../ledger/ledger';

/*
 * The public figures of what the club's help did (the impact page) and where the money came from and
 * went (the transparency page). Everything here is an aggregate: a family must never be recognisable
 * from a figure, so a group of fewer than MIN_GROUP needs is never shown on its own — it is merged into
 * "other", and when even that stays too small (or could be worked out by subtracting the shown groups
 * from a total), further groups are merged until it cannot.
 *
 * Money comes from the ledger, not from the donations table: the ledger also holds bank payments not yet
 * assigned to a gift, and only the ledger's figures add up (income − refunds − payouts = money held).
 */

/** The smallest group of needs (or children) whose size the public may read. */
export const MIN_GROUP = 3;

export interface ImpactSummary {
	/** needs whose help was delivered */
	needsHelped: number;
	/** the children in the households of those needs */
	childrenHelped: number;
	/** haléře that came in through every channel, ever, less refunds */
	raised: number;
	/** the median whole days from submitting a need to delivering its help; null before the first delivery */
	medianDays: number | null;
}

export async function impactSummary(db: Queryable): Promise<ImpactSummary> {
	const [helped] = await db<{ needsHelped: number; childrenHelped: number; medianDays: number | null }[]>`
		select count(*)::int as "needsHelped", coalesce(sum(cardinality(n.children)), 0)::int as "childrenHelped",
			percentile_cont(0.5) within group (
				order by floor(extract(epoch from d.delivered_at - n.submitted_at) / 86400)) as "medianDays"
		from need_deliveries d join needs n on n.id = d.need_id
		where d.delivered_at is not null`;
	// income accounts go negative by what came in and a refund credits them back
	const [income] = await db<{ raised: number }[]>`
		select coalesce(-sum(balance), 0)::bigint as raised from ledger_accounts where kind = 'income'`;
	return {
		needsHelped: helped?.needsHelped ?? 0,
		childrenHelped: helped?.childrenHelped ?? 0,
		raised: income?.raised ?? 0,
		medianDays: helped?.medianDays ?? null
	};
}

/**
 * Merges every group smaller than MIN_GROUP into `other` (together with an existing `other` group). If
 * the merged group is still too small but not empty, the smallest shown groups join it until it is big
 * enough, because its size could otherwise be worked out from the total. Biggest groups first, `other`
 * last; a merged group that cannot reach MIN_GROUP is left out.
 */
export function mergeSmallGroups<K extends string>(
	rows: { key: K; count: number }[],
	other: K
): { key: K; count: number }[] {
	const shown = rows
		.filter((r) => r.key !== other && r.count >= MIN_GROUP)
		.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
	let rest = rows.filter((r) => r.key === other || r.count < MIN_GROUP).reduce((s, r) => s + r.count, 0);
	while (rest > 0 && rest < MIN_GROUP && shown.length > 0) rest += shown.pop()!.count;
	return rest >= MIN_GROUP ? [...shown, { key: other, count: rest }] : shown;
}

/**
 * For cells that must keep their place (age bands): a count of 1 or 2 becomes null ("fewer than 3"),
 * and while the hidden cells together are fewer than MIN_GROUP the smallest shown non-zero cell is hidden
 * too, so that no hidden cell follows from the total.
 */
export function hideSmallCounts(counts: number[]): (number | null)[] {
	const hidden = counts.map((c) => c > 0 && c < MIN_GROUP);
	const hiddenSum = () => counts.reduce((s, c, i) => s + (hidden[i] ? c : 0), 0);
	while (hiddenSum() > 0 && hiddenSum() < MIN_GROUP) {
		let smallest = -1;
		counts.forEach((c, i) => {
			if (!hidden[i] && c > 0 && (smallest < 0 || c < counts[smallest]!)) smallest = i;
		});
		if (smallest < 0) break;
		hidden[smallest] = true;
	}
	return counts.map((c, i) => (hidden[i] ? null : c));
}

export interface ImpactCharts {
	/** delivered needs per category; 'other' holds the real "other" category and every merged group */
	byCategory: { category: Category; count: number }[];
	/** delivered needs per kraj; 'other' holds the merged small kraje */
	byRegion: { region: Region | 'other'; count: number }[];
	/** haléře that came in per month (Prague calendar), the last 12 months up to `now`'s, oldest first */
	raisedByMonth: { month: string; amount: number }[];
	/** children of the delivered needs per age band, in the order of `ageBands`; null: fewer than 3 */
	childrenByAgeBand: { band: AgeBand; count: number | null }[];
}

export async function impactCharts(db: Queryable, now = new Date()): Promise<ImpactCharts> {
	const categories = await db<{ key: Category; count: number }[]>`
		select n.category as key, count(*)::int as count
		from need_deliveries d join needs n on n.id = d.need_id
		where d.delivered_at is not null group by 1`;
	const regions = await db<{ key: Region | 'other'; count: number }[]>`
		select n.region::text as key, count(*)::int as count
		from need_deliveries d join needs n on n.id = d.need_id
		where d.delivered_at is not null group by 1`;
	const months = await db<{ month: string; amount: number }[]>`
		with months as (
			select generate_series(date_trunc('month', ${pragueDay(now)}::date) - interval '11 months',
				date_trunc('month', ${pragueDay(now)}::date), interval '1 month')::date as first)
		select to_char(m.first, 'YYYY-MM') as month, coalesce((
			select -sum(e.amount) from ledger_entries e
			join ledger_accounts a on a.id = e.account_id
			join ledger_transactions t on t.id = e.transaction_id
			where a.kind = 'income' and t.occurred_on >= m.first and t.occurred_on < m.first + interval '1 month'
		), 0)::bigint as amount
		from months m order by m.first`;
	const bands = await db<{ band: AgeBand; count: number }[]>`
		select c.band, count(*)::int as count
		from need_deliveries d join needs n on n.id = d.need_id, unnest(n.children) as c(band)
		where d.delivered_at is not null group by 1`;
	const perBand = new Map(bands.map((b) => [b.band, b.count]));
	const shownBands = hideSmallCounts(ageBands.map((b) => perBand.get(b) ?? 0));
	return {
		byCategory: mergeSmallGroups(categories, 'other').map((r) => ({ category: r.key, count: r.count })),
		byRegion: mergeSmallGroups(regions, 'other').map((r) => ({ region: r.key, count: r.count })),
		raisedByMonth: months,
		childrenByAgeBand: ageBands.map((band, i) => ({ band, count: shownBands[i] ?? null }))
	};
}

export const channels = ['card', 'bank', 'offline', 'in_kind'] as const;
export type IncomeChannel = (typeof channels)[number];

/** One calendar year of the club's money, by the day the money moved; amounts in haléře, all positive. */
export interface TransparencyYear {
	year: number;
	/** what came in per channel, before refunds */
	income: Record<IncomeChannel, number>;
	/** what went back to donors (card refunds) */
	refunds: number;
	/** income less refunds */
	netIncome: number;
	/** purchases from suppliers for the needs */
	paidToSuppliers: number;
	/** gifts paid or handed over (in kind) to the families */
	paidToFamilies: number;
	/** what the needs did not spend, back in the general fund */
	returnedToFund: number;
	/** the general fund at the year's end (or now, for the running year) */
	fundBalance: number;
	/** money set aside for approved needs and not yet spent, at the year's end */
	heldForNeeds: number;
	/** needs whose help was delivered that year; null when 1 or 2 (too few to show) */
	needsHelped: number | null;
}

export async function transparencyYears(db: Queryable): Promise<TransparencyYear[]> {
	const money = await db<
		{
			year: number;
			card: number;
			bank: number;
			offline: number;
			in_kind: number;
			refunds: number;
			suppliers: number;
			families: number;
			returned: number;
		}[]
	>`
		select extract(year from t.occurred_on)::int as year,
			coalesce(-sum(e.amount) filter (where a.code = 'income:card' and e.amount < 0), 0)::bigint as card,
			coalesce(-sum(e.amount) filter (where a.code = 'income:bank' and e.amount < 0), 0)::bigint as bank,
			coalesce(-sum(e.amount) filter (where a.code = 'income:offline' and e.amount < 0), 0)::bigint as offline,
			coalesce(-sum(e.amount) filter (where a.code = 'income:in_kind' and e.amount < 0), 0)::bigint as in_kind,
			coalesce(sum(e.amount) filter (where a.kind = 'income' and e.amount > 0), 0)::bigint as refunds,
			coalesce(sum(e.amount) filter (where a.code = 'payout:suppliers'), 0)::bigint as suppliers,
			coalesce(sum(e.amount) filter (where a.code = 'payout:families'), 0)::bigint as families,
			coalesce(sum(e.amount) filter (where t.kind = 'return_to_fund' and a.kind = 'fund'), 0)::bigint as returned
		from ledger_entries e
		join ledger_accounts a on a.id = e.account_id
		join ledger_transactions t on t.id = e.transaction_id
		group by 1`;
	const helped = await db<{ year: number; count: number }[]>`
		select extract(year from delivered_at at time zone 'Europe/Prague')::int as year, count(*)::int as count
		from need_deliveries where delivered_at is not null group by 1`;
	const years = [...new Set([...money.map((r) => r.year), ...helped.map((r) => r.year)])].sort(
		(a, b) => b - a
	);
	const rows: TransparencyYear[] = [];
	for (const year of years) {
		const m = money.find((r) => r.year === year);
		const income = {
			card: m?.card ?? 0,
			bank: m?.bank ?? 0,
			offline: m?.offline ?? 0,
			in_kind: m?.in_kind ?? 0
		};
		const refunds = m?.refunds ?? 0;
		const balances = await accountBalances(db, `${year}-12-31`);
		const count = helped.find((r) => r.year === year)?.count ?? 0;
		rows.push({
			year,
			income,
			refunds,
			netIncome: income.card + income.bank + income.offline + income.in_kind - refunds,
			paidToSuppliers: m?.suppliers ?? 0,
			paidToFamilies: m?.families ?? 0,
			returnedToFund: m?.returned ?? 0,
			fundBalance: balances.find((b) => b.code === 'fund')?.balance ?? 0,
			heldForNeeds: balances.filter((b) => b.kind === 'need').reduce((s, b) => s + b.balance, 0),
			needsHelped: count > 0 && count < MIN_GROUP ? null : count
		});
	}
	return rows;
}
