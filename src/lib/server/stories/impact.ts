import { ageBands, type AgeBand, type Category } from '$lib/needs';
import type { Region } from '$lib/regions';
import type { Queryable } from '../db/client';
import { giftsByMonth, hideSmallCounts, mergeSmallGroups } from '../figures/public-figures';

/*
 * The impact page's charts: what the club's help did, by category, kraj and the children's age, and the
 * gifts per month. Every figure, its small-number rule and its median are defined once in
 * figures/public-figures.ts (the home page, /impact, /transparency and the CSVs share them); this file
 * only groups the delivered needs for the charts, merging a group of fewer than MIN_GROUP needs so that
 * a family is never recognisable from a bar.
 */

export interface ImpactCharts {
	/** delivered needs per category; 'other' holds the real "other" category and every merged group */
	byCategory: { category: Category; count: number }[];
	/** delivered needs per kraj; 'other' holds the merged small kraje */
	byRegion: { region: Region | 'other'; count: number }[];
	/** haléře given as gifts per month (Prague calendar), net, the last 12 months up to `now`'s, oldest first */
	raisedByMonth: { month: string; amount: number }[];
	/** children of the delivered needs per age band, in the order of `ageBands`; null: fewer than 3 */
	childrenByAgeBand: { band: AgeBand; count: number | null }[];
}

export async function impactCharts(db: Queryable, now = new Date()): Promise<ImpactCharts> {
	// the delivered needs' groups are kept by triggers (migrations/0023_kept_totals.sql): a few dozen rows
	const groups = await db<{ dimension: 'category' | 'region' | 'band'; key: string; count: number }[]>`
		select dimension, key, sum(count)::int as count from delivery_group_totals
		group by 1, 2 having sum(count) <> 0`;
	const of = <K extends string>(dimension: 'category' | 'region' | 'band') =>
		groups.filter((g) => g.dimension === dimension).map((g) => ({ key: g.key as K, count: g.count }));
	const categories = of<Category>('category');
	const regions = of<Region | 'other'>('region');
	const months = await giftsByMonth(db, now);
	const perBand = new Map(of<AgeBand>('band').map((b) => [b.key, b.count]));
	const shownBands = hideSmallCounts(ageBands.map((b) => perBand.get(b) ?? 0));
	return {
		byCategory: mergeSmallGroups(categories, 'other').map((r) => ({ category: r.key, count: r.count })),
		byRegion: mergeSmallGroups(regions, 'other').map((r) => ({ region: r.key, count: r.count })),
		raisedByMonth: months,
		childrenByAgeBand: ageBands.map((band, i) => ({ band, count: shownBands[i] ?? null }))
	};
}
