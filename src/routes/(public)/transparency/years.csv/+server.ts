import { m } from '$lib/paraglide/messages';
import { publicCsv } from '$lib/server/http/public-csv';
import { csvAmount, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { transparencyYears } from '$lib/server/stories/impact';
import type { RequestHandler } from './$types';

/**
 * The transparency table as CSV for a spreadsheet (UTF-8 with BOM, `;`, decimal comma): aggregates per
 * year only, never a donor or a need. A count of 1 or 2 needs is left empty, as on the page.
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
			m.transparency_csv_net_income(),
			m.transparency_csv_suppliers(),
			m.transparency_csv_families(),
			m.transparency_csv_returned(),
			m.transparency_csv_fund(),
			m.transparency_csv_held(),
			m.transparency_csv_needs_helped()
		],
		years.map((y) => [
			y.year,
			csvAmount(y.income.card),
			csvAmount(y.income.bank),
			csvAmount(y.income.offline),
			csvAmount(y.income.in_kind),
			csvAmount(y.refunds),
			csvAmount(y.netIncome),
			csvAmount(y.paidToSuppliers),
			csvAmount(y.paidToFamilies),
			csvAmount(y.returnedToFund),
			csvAmount(y.fundBalance),
			csvAmount(y.heldForNeeds),
			y.needsHelped
		])
	);
	return publicCsv(event, 'spolu-transparentnost.csv', csv);
};
