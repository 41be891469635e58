import { pragueDay } from '$lib/core/prague';
import type { Queryable } from '../db/client';

/*
 * The one definition of every figure the public reads: the home page, /impact, /transparency and their
 * CSV downloads all take their numbers from here, and `$lib/figures.ts` writes them the one way. A
 * figure defined twice drifts apart (dues counted as gifts in one table and not in another, two medians,
 * two small-number rules), so nothing public computes a figure of its own.
 *
 * - A **gift** is a donation of purpose 'gift' (card, bank transfer, offline: cash, sponsor, another
 *   account, and in kind at its estimated value), counted in the year and month it came, less what of it
 *   went back to the donor (a card refund, a lost dispute, a returned transfer) whenever that was: the
 *   same amounts as the donor's confirmation of gifts and the coordinator's totals per channel.
 * - **Member dues** are not gifts, and neither is a **bank payment not (yet) assigned** to a gift or
 *   dues: both are shown apart and labelled. Together with the gifts they are all the club's income in
 *   the ledger (interest the bank credits has its own account and is neither).
 * - **Needs helped** are needs whose help the contact person marked delivered; the **children helped**
 *   are the children in those needs' households.
 * - **Days to delivery**: whole days (24 hours) from submitting a need to delivering its help; the
 *   median is the middle value — with an even number of deliveries the mean of the two middle ones —
 *   rounded to whole days, half up (19 and 20 days → 20).
 * - **Small numbers**: a family must never be recognisable from a figure, so a count of needs or
 *   children of 1 or 2 is never published (null, written "méně než 3"); groups of a chart are merged
 *   until every group shown or merged holds at least MIN_GROUP.
 *
 * Every figure reads the kept totals (migrations/0023_kept_totals.sql: per account and month or day, per
 * month of gifts, per year and days of deliveries), which triggers keep in the same transaction as each
 * entry, gift and delivery: a few hundred rows whatever the size of the ledger, so a figure holds the
 * database (one connection, when embedded) for a few milliseconds. The unassigned bank payments are
 * read as they are (a few, through their own index).
 */

/** The smallest group of needs (or children) whose size the public may read. */
export const MIN_GROUP = 3;

/** The small-number rule of every public count: 1 or 2 becomes null ("fewer than 3"); 0 and ≥ 3 stay. */
export const publicCount = (n: number): number | null => (n > 0 && n < MIN_GROUP ? null : n);

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

export interface PublicSummary {
	/** needs whose help was delivered; null when 1 or 2 */
	needsHelped: number | null;
	/** the children in the households of those needs; null when 1 or 2 */
	childrenHelped: number | null;
	/** haléře given as gifts through every channel, ever, less what went back (dues and unassigned apart) */
	gifts: number;
	/** the median whole days from submission to delivery, rounded (see above); null before the first delivery */
	medianDays: number | null;
}

/** The headline figures of the home page and /impact (and the summary rows of figures.csv). */
export async function publicSummary(db: Queryable): Promise<PublicSummary> {
	const histogram = await deliveryDays(db);
	const [given] = await db<{ gifts: number }[]>`
		select coalesce(sum(amount - refunded), 0)::bigint as gifts from donation_month_totals where purpose = 'gift'`;
	return {
		needsHelped: publicCount(histogram.reduce((s, r) => s + r.needs, 0)),
		childrenHelped: publicCount(histogram.reduce((s, r) => s + r.children, 0)),
		gifts: given?.gifts ?? 0,
		medianDays: medianDays(histogram)
	};
}

/** Delivered needs and their children per whole days to delivery (null: no submission time), kept. */
async function deliveryDays(db: Queryable) {
	return db<{ days: number | null; needs: number; children: number }[]>`
		select days, sum(needs)::int as needs, sum(children)::int as children
		from delivery_day_totals group by days having sum(needs) <> 0 order by days`;
}

/**
 * The median of the days (see above) from the kept histogram: the middle value, or the mean of the two
 * middle ones, rounded half away from zero as PostgreSQL rounds a numeric (19.5 → 20). Needs without a
 * submission time have no days and are left out, as an aggregate leaves out a null.
 */
export function medianDays(histogram: { days: number | null; needs: number }[]): number | null {
	const rows = histogram
		.filter((r): r is { days: number; needs: number } => r.days !== null && r.needs > 0)
		.sort((a, b) => a.days - b.days);
	const n = rows.reduce((s, r) => s + r.needs, 0);
	if (n === 0) return null;
	// the values at 0-based positions ⌊(n−1)/2⌋ and ⌈(n−1)/2⌉ of the sorted days
	const at = (position: number) => {
		let seen = 0;
		for (const r of rows) {
			seen += r.needs;
			if (position < seen) return r.days;
		}
		throw new Error('position beyond the histogram');
	};
	const middle = (at(Math.floor((n - 1) / 2)) + at(Math.ceil((n - 1) / 2))) / 2;
	return Math.sign(middle) * Math.round(Math.abs(middle));
}

/** Gifts (net, as above) per month of the Prague calendar: the last 12 months up to `now`'s, oldest first. */
export async function giftsByMonth(
	db: Queryable,
	now = new Date()
): Promise<{ month: string; amount: number }[]> {
	return db<{ month: string; amount: number }[]>`
		with months as (
			select generate_series(date_trunc('month', ${pragueDay(now)}::date) - interval '11 months',
				date_trunc('month', ${pragueDay(now)}::date), interval '1 month')::date as first)
		select to_char(m.first, 'YYYY-MM') as month, coalesce((
			select sum(t.amount - t.refunded) from donation_month_totals t
			where t.purpose = 'gift' and t.month = m.first
		), 0)::bigint as amount
		from months m order by m.first`;
}

export const channels = ['card', 'bank', 'offline', 'in_kind'] as const;
export type GiftChannel = (typeof channels)[number];

/** One calendar year of the club's money; amounts in haléře, all positive. */
export interface TransparencyYear {
	year: number;
	/** gifts that came in that year per channel, before what went back */
	income: Record<GiftChannel, number>;
	/** what of that year's gifts went back to the donors */
	refunds: number;
	/** the year's gifts less what went back: the sum of the years is the home page's gifts */
	gifts: number;
	/** member dues, less what went back: not gifts */
	dues: number;
	/** bank payments of the year not (yet) assigned to a gift or dues: not gifts */
	unassigned: number;
	/** gifts, dues and unassigned payments: everything that came in, less what went back */
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
	/** needs whose help was delivered that year (Prague calendar); null when 1 or 2 */
	needsHelped: number | null;
}

/** The transparency table (and years.csv): newest year first. */
export async function transparencyYears(db: Queryable): Promise<TransparencyYear[]> {
	const given = await db<
		{ year: number; channel: GiftChannel; purpose: 'gift' | 'dues'; amount: number; refunded: number }[]
	>`
		select extract(year from month)::int as year, channel, purpose,
			sum(amount)::bigint as amount, sum(refunded)::bigint as refunded
		from donation_month_totals group by 1, 2, 3 having sum(gifts) <> 0`;
	const waiting = await db<{ year: number; amount: number }[]>`
		select extract(year from booked_on)::int as year, sum(amount)::bigint as amount
		from bank_payments where status = 'unassigned' group by 1`;
	// every year with a ledger entry: the first and last month through the index, then one probe a year
	const booked = await db<{ year: number }[]>`
		select y::int as year from generate_series(
			(select extract(year from min(month)) from ledger_month_totals)::int,
			(select extract(year from max(month)) from ledger_month_totals)::int) as y
		where exists (select 1 from ledger_month_totals
			where month >= make_date(y::int, 1, 1) and month < make_date(y::int + 1, 1, 1))`;
	/*
	 * The club's own accounts (a dozen) per year. Every ledger transaction sums to zero (the database
	 * refuses any other at commit), so on any day the need accounts together hold exactly minus what all
	 * other accounts hold: held for needs = −(the sum of the club's own accounts' balances). The year-end
	 * balances thus need only these accounts' totals, never the need accounts' (one per need).
	 */
	const own = await db<
		{ year: number; suppliers: number; families: number; returned: number; fund: number; all: number }[]
	>`
		select extract(year from m.month)::int as year,
			coalesce(sum(m.amount) filter (where a.code = 'payout:suppliers'), 0)::bigint as suppliers,
			coalesce(sum(m.amount) filter (where a.code = 'payout:families'), 0)::bigint as families,
			coalesce(sum(m.amount) filter (where m.kind = 'return_to_fund' and a.kind = 'fund'), 0)::bigint as returned,
			coalesce(sum(m.amount) filter (where a.kind = 'fund'), 0)::bigint as fund,
			coalesce(sum(m.amount), 0)::bigint as all
		from ledger_accounts a join ledger_month_totals m on m.account_id = a.id
		where a.need_id is null
		group by 1 order by 1`;
	const helped = await db<{ year: number; count: number }[]>`
		select year, sum(needs)::int as count from delivery_day_totals group by 1 having sum(needs) <> 0`;
	const years = [
		...new Set([given, waiting, booked, helped].flatMap((rows) => rows.map((r) => r.year)))
	].sort((a, b) => b - a);
	/** the fund's and the club's own accounts' balances at the end of a year: every year up to it */
	const atEnd = (year: number) =>
		own
			.filter((r) => r.year <= year)
			.reduce((s, r) => ({ fund: s.fund + r.fund, all: s.all + r.all }), { fund: 0, all: 0 });
	const rows: TransparencyYear[] = [];
	for (const year of years) {
		const ofYear = given.filter((r) => r.year === year);
		const gifts = ofYear.filter((r) => r.purpose === 'gift');
		const income = Object.fromEntries(
			channels.map((c) => [c, gifts.filter((r) => r.channel === c).reduce((s, r) => s + r.amount, 0)])
		) as Record<GiftChannel, number>;
		const refunds = gifts.reduce((s, r) => s + r.refunded, 0);
		const giftsNet = channels.reduce((s, c) => s + income[c], 0) - refunds;
		const dues = ofYear.filter((r) => r.purpose === 'dues').reduce((s, r) => s + r.amount - r.refunded, 0);
		const unassigned = waiting.find((r) => r.year === year)?.amount ?? 0;
		const m = own.find((r) => r.year === year);
		const end = atEnd(year);
		rows.push({
			year,
			income,
			refunds,
			gifts: giftsNet,
			dues,
			unassigned,
			netIncome: giftsNet + dues + unassigned,
			paidToSuppliers: m?.suppliers ?? 0,
			paidToFamilies: m?.families ?? 0,
			returnedToFund: m?.returned ?? 0,
			fundBalance: end.fund,
			heldForNeeds: -end.all || 0,
			needsHelped: publicCount(helped.find((r) => r.year === year)?.count ?? 0)
		});
	}
	return rows;
}
