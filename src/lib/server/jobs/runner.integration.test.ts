import { systemContextFor } from '../needs/test-factory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { countJobs, enqueueJob, listJobs, retryJob } from './queue';
import { JobRunner, retryDelayMs, type JobDefinition } from './runner';

let db: TestDatabase;
let sql: Db;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	await sql`create table job_effects (job_id bigint not null, worker text not null)`;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
});

/** A job that records each run; fails while `failUntilAttempt` is not reached. */
function recorder(
	kind: string,
	options: { failUntilAttempt?: number; everyMs?: number; leaseMs?: number } = {}
) {
	return {
		kind,
		everyMs: options.everyMs,
		leaseMs: options.leaseMs,
		async run(job, { db: handle }) {
			await handle`insert into job_effects (job_id, worker) values (${job.id}, ${kind})`;
			if (options.failUntilAttempt && job.attempt < options.failUntilAttempt) {
				throw new Error(`attempt ${job.attempt} failed`);
			}
		}
	} satisfies JobDefinition;
}

async function drain(runner: JobRunner) {
	let n = 0;
	while (await runner.runOne()) n++;
	return n;
}

async function job(id: number) {
	const [row] = await sql<
		{ status: string; attempts: number; lastError: string | null; delay: number; lockedBy: string | null }[]
	>`
		select status, attempts, last_error as "lastError", locked_by as "lockedBy",
			extract(epoch from run_at - now())::float8 as delay
		from jobs where id = ${id}`;
	return row!;
}

describe('the job runner', () => {
	it('runs a due job once and marks it done', async () => {
		const runner = new JobRunner(systemContextFor(sql)).register(recorder('mail.send'));
		const id = (await enqueueJob(sql, 'mail.send', { to: 'outbox-1' }))!;
		expect(await drain(runner)).toBe(1);
		expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null });
		expect(await sql`select job_id from job_effects`).toEqual([{ job_id: id }]);
	});

	it('leaves jobs scheduled for later and kinds it does not know', async () => {
		const runner = new JobRunner(systemContextFor(sql)).register(recorder('mail.send'));
		await enqueueJob(sql, 'mail.send', {}, { runAt: new Date(Date.now() + 60_000) });
		await enqueueJob(sql, 'votes.close');
		expect(await drain(runner)).toBe(0);
		expect(await countJobs(sql)).toEqual({ pending: 2, running: 0, done: 0, failed: 0 });
	});

	it('ignores a second job with the same key while the first is unfinished', async () => {
		expect(await enqueueJob(sql, 'votes.close', { poll: 7 }, { key: 'poll-7' })).toBeTypeOf('number');
		expect(await enqueueJob(sql, 'votes.close', { poll: 7 }, { key: 'poll-7' })).toBeNull();
		const runner = new JobRunner(systemContextFor(sql)).register(recorder('votes.close'));
		await drain(runner);
		expect(await enqueueJob(sql, 'votes.close', { poll: 7 }, { key: 'poll-7' })).toBeTypeOf('number');
	});

	it('retries a failing job later with growing waits, then gives up and keeps the error', async () => {
		const runner = new JobRunner(systemContextFor(sql)).register(
			recorder('mail.send', { failUntilAttempt: 99 })
		);
		const id = (await enqueueJob(sql, 'mail.send', {}, { maxAttempts: 3 }))!;

		expect(await runner.runOne()).toBe(true);
		const first = await job(id);
		expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'attempt 1 failed' });
		expect(first.delay).toBeGreaterThan(7); // 10 s ± 20 %
		expect(await runner.runOne()).toBe(false); // not due yet

		await sql`update jobs set run_at = now() where id = ${id}`;
		await runner.runOne();
		const second = await job(id);
		expect(second).toMatchObject({ status: 'pending', attempts: 2, lastError: 'attempt 2 failed' });
		expect(second.delay).toBeGreaterThan(15); // 20 s ± 20 %

		await sql`update jobs set run_at = now() where id = ${id}`;
		await runner.runOne();
		expect(await job(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: 'attempt 3 failed' });
		expect(await countJobs(sql)).toMatchObject({ failed: 1 });
	});

	it('succeeds on a retry after failing once', async () => {
		const runner = new JobRunner(systemContextFor(sql)).register(
			recorder('mail.send', { failUntilAttempt: 2 })
		);
		const id = (await enqueueJob(sql, 'mail.send'))!;
		await runner.runOne();
		await sql`update jobs set run_at = now() where id = ${id}`;
		await runner.runOne();
		expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
	});

	it('lets the coordinator retry a failed job', async () => {
		let broken = true;
		const runner = new JobRunner(systemContextFor(sql)).register({
			kind: 'mail.send',
			async run() {
				if (broken) throw new Error('SMTP server refused the connection');
			}
		});
		const id = (await enqueueJob(sql, 'mail.send', {}, { maxAttempts: 1 }))!;
		await runner.runOne();
		const failed = await listJobs(sql, { status: 'failed' });
		expect(failed.map((j) => [j.id, j.lastError])).toEqual([[id, 'SMTP server refused the connection']]);

		broken = false;
		expect(await retryJob(sql, id)).toBe(true);
		expect(await retryJob(sql, id)).toBe(false); // no longer failed
		await runner.runOne();
		const [listed] = await listJobs(sql);
		expect(listed).toMatchObject({ id, kind: 'mail.send', status: 'done', attempts: 1, lastError: null });
	});

	it('never runs one job twice when several instances poll at once', async () => {
		const total = 40;
		for (let i = 0; i < total; i++) await enqueueJob(sql, 'mail.send', { i });
		const runners = [0, 1, 2].map(() =>
			new JobRunner(systemContextFor(db.connect({ max: 2 }))).register(recorder('mail.send'))
		);
		const counts = await Promise.all(runners.map(drain));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
		const [effects] = await sql<{ runs: number; jobs: number }[]>`
			select count(*)::int as runs, count(distinct job_id)::int as jobs from job_effects`;
		expect(effects).toEqual({ runs: total, jobs: total });
		expect(await countJobs(sql)).toEqual({ pending: 0, running: 0, done: total, failed: 0 });
	});

	it('takes over a job whose instance died once its lease has run out', async () => {
		const id = (await enqueueJob(sql, 'mail.send'))!;
		// An instance claimed it and died.
		await sql`update jobs set status = 'running', attempts = 1, locked_by = 'dead', locked_until = now() + interval '1 minute'
			where id = ${id}`;
		const runner = new JobRunner(systemContextFor(sql)).register(recorder('mail.send'));
		expect(await runner.runOne()).toBe(false); // still leased
		await sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`;
		expect(await runner.runOne()).toBe(true);
		expect(await job(id)).toMatchObject({ status: 'done', attempts: 2 });
	});

	it('schedules the next run of a recurring job after each run', async () => {
		const definition = recorder('jobs.prune', { everyMs: 3_600_000 });
		// Two instances start: the first run is scheduled once.
		for (const r of [new JobRunner(systemContextFor(sql)), new JobRunner(systemContextFor(sql))]) {
			await r.register(definition).start();
			await r.stop();
		}
		expect(await countJobs(sql)).toMatchObject({ pending: 1 });

		await sql`update jobs set run_at = now()`;
		await new JobRunner(systemContextFor(sql)).register(definition).runOne();
		const after = await sql<{ status: string; inSeconds: number }[]>`
			select status, extract(epoch from run_at - now())::int as "inSeconds" from jobs order by id`;
		expect(after.map((j) => j.status)).toEqual(['done', 'pending']);
		expect(after[1]!.inSeconds).toBeGreaterThan(3500);
	});

	it('finishes the job in progress before stop() returns', async () => {
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const runner = new JobRunner(systemContextFor(sql), { pollMs: 20 }).register({
			kind: 'slow.job',
			async run(j, { db: handle }) {
				await gate;
				await handle`insert into job_effects (job_id, worker) values (${j.id}, 'slow')`;
			}
		});
		const id = (await enqueueJob(sql, 'slow.job'))!;
		await runner.start();
		await expect.poll(async () => (await job(id)).status).toBe('running');
		const stopped = runner.stop();
		release();
		await stopped;
		expect(await job(id)).toMatchObject({ status: 'done' });
	});
});

describe('retryDelayMs', () => {
	it('doubles from ten seconds up to an hour', () => {
		const mid = () => 0.5;
		expect([1, 2, 3, 4].map((a) => retryDelayMs(a, mid))).toEqual([10_000, 20_000, 40_000, 80_000]);
		expect(retryDelayMs(30, mid)).toBe(3_600_000);
	});

	it('spreads retries by at most a fifth either way', () => {
		expect(retryDelayMs(1, () => 0)).toBe(8_000);
		expect(retryDelayMs(1, () => 1)).toBe(12_000);
	});
});
