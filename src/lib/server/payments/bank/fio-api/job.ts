import type { Config } from '../../../config';
import type { JobDefinition } from '../../../jobs/runner';
import { FIO_SYNC_JOB } from './connection';
import { syncFio } from './sync';

/**
 * Downloads the club's new Fio movements every FIO_SYNC_MINUTES (15 by default), and sooner when a
 * step asks for a follow-up (after setting Fio's mark back, after a 409, "download now"). Without a
 * stored token a run does nothing.
 */
export function createFioSyncJob(config: Pick<Config, 'fio'>): JobDefinition {
	const options = { apiUrl: config.fio.apiUrl, everyMs: config.fio.syncEveryMs };
	return {
		kind: FIO_SYNC_JOB,
		everyMs: options.everyMs,
		// a call waits at most a minute for Fio; the import of a day's movements takes seconds
		leaseMs: 5 * 60_000,
		async run(_job, ctx) {
			await syncFio(ctx, options);
		}
	};
}
