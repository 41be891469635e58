import { needStatusName } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { csvAmount, needSummaries, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { helpFormName } from '$lib/votes';
import { pragueDay } from '$lib/core/prague';
import { auditExport, CSV, download } from '../_download';
import type { RequestHandler } from './$types';

/** Every decided need's money, one row per need. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const needs = await needSummaries(db());
	const csv = toCsv(
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
		needs.map((n) => [
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
		])
	);
	await auditExport(event, user, { report: 'needs', rows: needs.length });
	return download(csv, CSV, `potreby-${pragueDay()}.csv`);
};
