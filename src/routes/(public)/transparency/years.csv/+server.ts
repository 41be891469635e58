import { csvPublicCount } from '$lib/figures';
import { m } from '$lib/paraglide/messages';
import { transparencyYears } from '$lib/server/figures/public-figures';
import { publicCsv } from '$lib/server/http/public-csv';
import { csvAmount, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

/**
 * The transparency table as CSV for a spreadsheet (UTF-8 with BOM, `;`, decimal comma): aggregates per
 * year only, never a donor or a need. The same rows as the page: gifts per channel, dues and unassigned
 * payments apart from them, and a count of 1 or 2 needs written "méně než 3" as everywhere.
 */
export const GET: RequestHandler = async (event) => {
	const years = await transparencyYears(db());
	const csv = toCsv(
		[
			m.transparency_csv_year(),
			m.transparency_csv_card(),
			m.transparency_csv_bank(),
			m.transparency_csv_offline(),
			m.transparency_csv_in_kind(),
			m.transparency_csv_refunds(),
			m.figures_csv_gifts(),
			m.figures_csv_dues(),
			m.figures_csv_unassigned(),
			m.figures_csv_net_income(),
			m.transparency_csv_suppliers(),
			m.transparency_csv_families(),
			m.transparency_csv_returned(),
			m.transparency_csv_fund(),
			m.transparency_csv_held(),
			m.figures_csv_needs_helped()
		],
		years.map((y) => [
			y.year,
			csvAmount(y.income.card),
			csvAmount(y.income.bank),
			csvAmount(y.income.offline),
			csvAmount(y.income.in_kind),
			csvAmount(y.refunds),
			csvAmount(y.gifts),
			csvAmount(y.dues),
			csvAmount(y.unassigned),
			csvAmount(y.netIncome),
			csvAmount(y.paidToSuppliers),
			csvAmount(y.paidToFamilies),
			csvAmount(y.returnedToFund),
			csvAmount(y.fundBalance),
			csvAmount(y.heldForNeeds),
			csvPublicCount(y.needsHelped)
		])
	);
	return publicCsv(event, 'spolu-transparentnost.csv', csv);
};
