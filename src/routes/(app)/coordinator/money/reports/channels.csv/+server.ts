import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/http/guards';
import { channelTotalSlices, csvAmount, type ChannelTotal } from '$lib/server/ledger/reports';
import { db } from '$lib/server/runtime';
import { pragueDay } from '$lib/core/prague';
import { channelName } from '../../_labels';
import { auditExport, csvDownload } from '../_download';
import type { RequestHandler } from './$types';

const cells = (t: ChannelTotal) => [
	t.year,
	channelName(t.channel),
	t.purpose === 'dues' ? m.money_purpose_dues() : m.money_purpose_gift(),
	t.count,
	csvAmount(t.amount)
];

/** Gifts and dues received per year and channel, a year at a time while it downloads. */
export const GET: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	// recorded when taken: the length of a download is not known before it ends
	await auditExport(event, user, { report: 'channels' });
	return csvDownload(
		[
			m.money_csv_year(),
			m.money_csv_channel(),
			m.money_csv_purpose(),
			m.money_csv_count(),
			m.money_csv_amount()
		],
		channelTotalSlices(db()),
		cells,
		`prijmy-podle-zpusobu-${pragueDay()}.csv`
	);
};
