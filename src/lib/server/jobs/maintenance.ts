import type { JobDefinition } from './runner';

/** Keeps the jobs table small: finished jobs are kept 30 days, failed ones 90 days for the coordinator. */
export const pruneJobs: JobDefinition = {
	kind: 'jobs.prune',
	everyMs: 6 * 60 * 60 * 1000,
	async run(_job, { db }) {
		await db`
			delete from jobs
			where (status = 'done' and finished_at < now() - interval '30 days')
				or (status = 'failed' and finished_at < now() - interval '90 days')`;
	}
};
