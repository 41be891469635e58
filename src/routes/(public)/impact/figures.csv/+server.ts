import { categoryName, ageBandName } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { regionName } from '$lib/regions';
import { publicCsv } from '$lib/server/http/public-csv';
import { csvAmount, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { impactCharts } from '$lib/server/stories/impact';
import type { RequestHandler } from './$types';

/**
 * The impact page's charts as one CSV: exactly the figures the page shows, with the same merging of
 * groups under three needs, so the download reveals nothing the page does not.
 */
export const GET: RequestHandler = async (event) => {
	const charts = await impactCharts(db());
	const fewer = m.impact_chart_fewer_than_three();
	const rows: (string | number | null)[][] = [
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
			r.count === null ? fewer : r.count
		])
	];
	return publicCsv(
		event,
		'spolu-dopad.csv',
		toCsv([m.impact_csv_group(), m.impact_csv_item(), m.impact_csv_value()], rows)
	);
};
