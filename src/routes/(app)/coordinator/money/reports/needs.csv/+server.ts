import { needStatusName } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { csvAmount, needSummarySlices, type NeedSummary } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { helpFormName } from '$lib/votes';
import { pragueDay } from '$lib/core/prague';
import { auditExport, csvDownload } from '../_download';
import type { RequestHandler } from './$types';

const cells = (n: NeedSummary) => [
	n.number,
	n.title,
	needStatusName(n.status),
	helpFormName(n.form),
	csvAmount(n.target),
	csvAmount(n.allocated),
	csvAmount(n.donated),
	csvAmount(n.paidOut),
	csvAmount(n.returned),
	csvAmount(n.balance),
	csvAmount(Math.max(0, n.target - n.raised))
];

/** Every decided need's money, one row per need, written while it downloads. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	// recorded when taken: the length of a download is not known before it ends
	await auditExport(event, user, { report: 'needs' });
	return csvDownload(
		[
			m.money_csv_need_number(),
			m.money_csv_need_title(),
			m.money_csv_status(),
			m.money_csv_form(),
			m.money_csv_target(),
			m.money_csv_allocated(),
			m.money_csv_donated(),
			m.money_csv_paid_out(),
			m.money_csv_returned(),
			m.money_csv_balance(),
			m.money_csv_missing()
		],
		needSummarySlices(db()),
		cells,
		`potreby-${pragueDay()}.csv`
	);
};
