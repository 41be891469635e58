import type { Db } from '../db/client';
import { deleteProtectedData } from '../delivery/protected';
import type { JobDefinition } from '../jobs/runner';
import { log } from '../log';

/*
 * Retention of the client's protected data: it exists only to deliver the help, so it is deleted the
 * club's number of days (club setting, default 30) after the help was delivered — or, when the need
 * ended without a delivery (cancelled, or closed without being marked delivered), after it ended. The
 * need keeps its anonymised history; the deletion is on its timeline and in the audit log.
 */

/** Deletes every protected record past retention at `now`; returns how many were deleted. */
export async function purgeExpiredProtectedData(db: Db, now = new Date()): Promise<number> {
	const due = await db<{ needId: string }[]>`
		select p.need_id as "needId"
		from need_protected_data p
		join needs n on n.id = p.need_id
		left join need_deliveries d on d.need_id = p.need_id
		-- before the club is set up its row does not exist yet: the default applies
		cross join (select coalesce((select protected_retention_days from club_settings where id), 30) as days) s
		where coalesce(
			d.delivered_at,
			(select max(e.at) from need_events e
				where e.need_id = p.need_id and e.kind in ('cancelled', 'closed')
					and n.status in ('cancelled', 'closed'))
		) + make_interval(days => s.days) <= ${now}
		order by p.need_id`;
	let deleted = 0;
	// one transaction per need: a failure leaves the others deleted and is retried on the next run
	for (const { needId } of due) {
		if (await db.begin((tx) => deleteProtectedData(tx, needId, null))) deleted++;
	}
	return deleted;
}

/** Runs hourly, so data is gone within an hour of its day. */
export const protectedRetentionJob: JobDefinition = {
	kind: 'privacy.protected_retention',
	everyMs: 60 * 60 * 1000,
	async run(_job, { db }) {
		const deleted = await purgeExpiredProtectedData(db);
		if (deleted) log.info('protected data past retention deleted', { needs: deleted });
	}
};
