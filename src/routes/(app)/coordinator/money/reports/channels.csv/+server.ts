import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { channelTotals, csvAmount, toCsv } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { pragueDay } from '$lib/core/prague';
import { channelName } from '../../_labels';
import { auditExport, CSV, download } from '../_download';
import type { RequestHandler } from './$types';

/** Gifts and dues received per year and channel. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const totals = await channelTotals(db());
	const csv = toCsv(
		[
			m.money_csv_year(),
			m.money_csv_channel(),
			m.money_csv_purpose(),
			m.money_csv_count(),
			m.money_csv_amount()
		],
		totals.map((t) => [
			t.year,
			channelName(t.channel),
			t.purpose === 'dues' ? m.money_purpose_dues() : m.money_purpose_gift(),
			t.count,
			csvAmount(t.amount)
		])
	);
	await auditExport(event, user, { report: 'channels', rows: totals.length });
	return download(csv, CSV, `prijmy-podle-zpusobu-${pragueDay()}.csv`);
};
