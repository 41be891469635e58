import { csvMedianDays, csvPublicCount } from '$lib/figures';
import { categoryName, ageBandName } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { regionName } from '$lib/regions';
import { publicSummary } from '$lib/server/figures/public-figures';
import { publicCsv } from '$lib/server/http/public-csv';
import { csvAmount, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { impactCharts } from '$lib/server/stories/impact';
import type { RequestHandler } from './$types';

/**
 * The impact page's figures and charts as one CSV: exactly what the page shows (and the home page: the
 * same summary), with the same small-number rule and merging of groups under three needs, so the
 * download reveals nothing the page does not.
 */
export const GET: RequestHandler = async (event) => {
	const [summary, charts] = await Promise.all([publicSummary(db()), impactCharts(db())]);
	const summaryGroup = m.figures_csv_summary();
	const rows: (string | number | null)[][] = [
		[summaryGroup, m.figures_csv_summary_needs(), csvPublicCount(summary.needsHelped)],
		[summaryGroup, m.figures_csv_summary_children(), csvPublicCount(summary.childrenHelped)],
		[summaryGroup, m.figures_csv_summary_gifts(), csvAmount(summary.gifts)],
		[summaryGroup, m.figures_csv_summary_median_days(), csvMedianDays(summary.medianDays)],
		...charts.byCategory.map((r) => [
			m.impact_csv_by_category(),
			r.category === 'other' ? m.impact_category_other_merged() : categoryName(r.category),
			r.count
		]),
		...charts.byRegion.map((r) => [
			m.impact_csv_by_region(),
			r.region === 'other' ? m.impact_region_other_merged() : regionName(r.region),
			r.count
		]),
		...charts.raisedByMonth.map((r) => [m.impact_csv_raised_by_month(), r.month, csvAmount(r.amount)]),
		...charts.childrenByAgeBand.map((r) => [
			m.impact_csv_children_by_age(),
			ageBandName(r.band),
			csvPublicCount(r.count)
		])
	];
	return publicCsv(
		event,
		'spolu-dopad.csv',
		toCsv([m.impact_csv_group(), m.impact_csv_item(), m.impact_csv_value()], rows)
	);
};
