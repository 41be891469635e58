import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { ledgerCsv, ledgerEntries } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { redirect } from '@sveltejs/kit';
import { checkPeriod } from '$lib/core/prague';
import { auditExport, CSV, download } from '../_download';
import type { RequestHandler } from './$types';

/** The ledger's entries for a period, for the club's accountant. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const from = (event.url.searchParams.get('from') ?? '').trim().slice(0, 10);
	const to = (event.url.searchParams.get('to') ?? '').trim().slice(0, 10);
	// a wrong period goes back to the form, which says what is wrong with it
	if (checkPeriod(from, to)) {
		const query = new URLSearchParams({ from, to });
		redirect(303, `/coordinator/money/reports?${query}#ledger`);
	}
	const rows = await ledgerEntries(db(), from, to);
	const csv = ledgerCsv(rows, [
		m.money_csv_date(),
		m.money_csv_transaction(),
		m.money_csv_kind(),
		m.money_csv_need_number(),
		m.money_csv_memo(),
		m.money_csv_account(),
		m.money_csv_amount()
	]);
	await auditExport(event, user, { report: 'ledger', from, to, rows: rows.length });
	return download(csv, CSV, `ucetni-zaznamy-${from}-${to}.csv`);
};
