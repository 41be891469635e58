import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { ledgerCsvCells, ledgerEntrySlices } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { redirect } from '@sveltejs/kit';
import { checkPeriod } from '$lib/core/prague';
import { auditExport, csvDownload } from '../_download';
import type { RequestHandler } from './$types';

/** The ledger's entries for a period, for the club's accountant: written while it downloads. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const from = (event.url.searchParams.get('from') ?? '').trim().slice(0, 10);
	const to = (event.url.searchParams.get('to') ?? '').trim().slice(0, 10);
	// a wrong period goes back to the form, which says what is wrong with it
	if (checkPeriod(from, to)) {
		const query = new URLSearchParams({ from, to });
		redirect(303, `/coordinator/money/reports?${query}#ledger`);
	}
	// recorded when taken: the length of a download is not known before it ends
	await auditExport(event, user, { report: 'ledger', from, to });
	return csvDownload(
		[
			m.money_csv_date(),
			m.money_csv_transaction(),
			m.money_csv_kind(),
			m.money_csv_need_number(),
			m.money_csv_memo(),
			m.money_csv_account(),
			m.money_csv_amount()
		],
		ledgerEntrySlices(db(), from, to),
		ledgerCsvCells,
		`ucetni-zaznamy-${from}-${to}.csv`
	);
};
