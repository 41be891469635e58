import type { Queryable } from '../db/client';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobRow {
	id: number;
	kind: string;
	payload: unknown;
	key: string | null;
	status: JobStatus;
	runAt: Date;
	attempts: number;
	maxAttempts: number;
	lastError: string | null;
	createdAt: Date;
	finishedAt: Date | null;
}

export interface EnqueueOptions {
	/** when the job may run first; now by default */
	runAt?: Date;
	/** at most one unfinished job per (kind, key): a second enqueue with the same key is ignored */
	key?: string;
	maxAttempts?: number;
}

/**
 * Adds a job. Pass the transaction that makes the change the job reacts to, so that both commit or
 * neither does. Returns the id, or null when an unfinished job with the same key already exists.
 */
export async function enqueueJob(
	db: Queryable,
	kind: string,
	payload: Record<string, unknown> = {},
	options: EnqueueOptions = {}
): Promise<number | null> {
	const rows = await db<{ id: number }[]>`
		insert into jobs (kind, payload, key, run_at, max_attempts)
		values (${kind}, ${db.json(payload as never)}, ${options.key ?? null},
			coalesce(${options.runAt ?? null}::timestamptz, now()), ${options.maxAttempts ?? 5})
		on conflict (kind, key) where key is not null and status in ('pending', 'running') do nothing
		returning id`;
	return rows[0]?.id ?? null;
}

/** Jobs for the coordinator's overview, newest first. */
export async function listJobs(
	db: Queryable,
	filter: { status?: JobStatus; limit?: number } = {}
): Promise<JobRow[]> {
	return db<JobRow[]>`
		select id, kind, payload, key, status, run_at as "runAt", attempts, max_attempts as "maxAttempts",
			last_error as "lastError", created_at as "createdAt", finished_at as "finishedAt"
		from jobs
		where ${filter.status ? db`status = ${filter.status}` : db`true`}
		order by created_at desc, id desc
		limit ${filter.limit ?? 100}`;
}

/** How many jobs are in each state. */
export async function countJobs(db: Queryable): Promise<Record<JobStatus, number>> {
	const rows = await db<{ status: JobStatus; n: number }[]>`
		select status, count(*)::int8 as n from jobs group by status`;
	const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
	for (const r of rows) counts[r.status] = r.n;
	return counts;
}

/** Gives a failed job a fresh set of attempts. Returns false when the job is not failed. */
export async function retryJob(db: Queryable, id: number): Promise<boolean> {
	const rows = await db`
		update jobs set status = 'pending', attempts = 0, run_at = now(), last_error = null, finished_at = null
		where id = ${id} and status = 'failed'
			and not exists (
				select 1 from jobs other
				where other.kind = jobs.kind and other.key = jobs.key and other.status in ('pending', 'running'))
		returning id`;
	return rows.length === 1;
}
