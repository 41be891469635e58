import { randomUUID } from 'node:crypto';
import type { SystemContext } from '../core/context';
import type { Db, Tx } from '../db/client';
import { log } from '../log';
import { enqueueJob } from './queue';

/*
 * Background jobs on PostgreSQL. Written here rather than taken from a library: graphile-worker and
 * pg-boss drive their own node-postgres pools and LISTEN/NOTIFY connections, which the embedded
 * database (one connection, served by pglite-socket) cannot give them. This runner needs only
 * postgres.js and plain SQL, so it behaves the same on PGlite and on a PostgreSQL server.
 *
 * A job is claimed with FOR UPDATE SKIP LOCKED and leased to one instance until `locked_until`; several
 * instances never run one job at the same time. If an instance dies, the lease runs out and another
 * instance takes the job again (so handlers must tolerate a rerun after a crash: at-least-once).
 */

export interface Job<P = Record<string, unknown>> {
	id: number;
	kind: string;
	payload: P;
	/** 1 on the first run */
	attempt: number;
	maxAttempts: number;
}

export interface JobDefinition {
	kind: string;
	/** `ctx`: the system acting, with the database, the public address, the key ring and the clock */
	run(job: Job, ctx: SystemContext): Promise<void>;
	/** A recurring job: after each finished run the next one is scheduled this many ms later. */
	everyMs?: number;
	/** How long one run may take before another instance may take the job over. Default 5 minutes. */
	leaseMs?: number;
}

/** Delay before attempt `attempt + 1`: exponential from 10 s, at most one hour, with ±20 % jitter. */
export function retryDelayMs(attempt: number, random = Math.random): number {
	const base = Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
	return Math.round(base * (0.8 + 0.4 * random()));
}

const MAX_ERROR_LENGTH = 2000;

export class JobRunner {
	readonly workerId = randomUUID();
	private definitions = new Map<string, JobDefinition>();
	private timer: NodeJS.Timeout | undefined;
	private running: Promise<void> | undefined;
	private stopped = true;

	private db: Db;

	constructor(
		private context: SystemContext,
		private options: { pollMs: number } = { pollMs: 2000 }
	) {
		this.db = context.db;
	}

	register(definition: JobDefinition) {
		if (this.definitions.has(definition.kind)) throw new Error(`job ${definition.kind} is registered twice`);
		this.definitions.set(definition.kind, definition);
		return this;
	}

	/** Starts polling. Recurring jobs get their first run scheduled if none is pending. */
	async start() {
		for (const d of this.definitions.values()) {
			if (d.everyMs) await enqueueJob(this.db, d.kind, {}, { key: 'recurring' });
		}
		this.stopped = false;
		this.schedule(0);
	}

	/** Stops polling and waits for the job in progress to finish. */
	async stop() {
		this.stopped = true;
		clearTimeout(this.timer);
		await this.running;
	}

	/** Looks for due work now instead of at the next poll. */
	nudge() {
		if (!this.stopped && !this.running) this.schedule(0);
	}

	private schedule(ms: number) {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => {
			this.running = this.tick().finally(() => {
				this.running = undefined;
			});
		}, ms);
	}

	private async tick() {
		let worked = false;
		try {
			worked = await this.runOne();
		} catch (e) {
			log.error('job runner could not poll', { error: (e as Error).message });
		}
		if (!this.stopped) this.schedule(worked ? 0 : this.options.pollMs);
	}

	/** Claims and runs one due job. Returns false when nothing was due. */
	async runOne(): Promise<boolean> {
		const definitions = [...this.definitions.values()];
		if (definitions.length === 0) return false;
		const kinds = definitions.map((d) => d.kind);
		const leases = definitions.map((d) => Math.ceil((d.leaseMs ?? 300_000) / 1000));
		const [claimed] = await this.db<
			{ id: number; kind: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number }[]
		>`
			update jobs set
				status = 'running',
				attempts = attempts + 1,
				locked_by = ${this.workerId},
				locked_until = now() + make_interval(secs => (
					select lease from unnest(${kinds}::text[], ${leases}::int[]) as l(kind, lease) where l.kind = jobs.kind))
			where id = (
				select id from jobs
				where kind = any(${kinds}::text[])
					and ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now()))
				order by run_at, id
				for update skip locked
				limit 1)
			returning id, kind, payload, attempts, max_attempts as "maxAttempts"`;
		if (!claimed) return false;
		const definition = this.definitions.get(claimed.kind)!;
		const job: Job = {
			id: claimed.id,
			kind: claimed.kind,
			payload: claimed.payload,
			attempt: claimed.attempts,
			maxAttempts: claimed.maxAttempts
		};
		const started = Date.now();
		try {
			await definition.run(job, this.context);
		} catch (e) {
			await this.fail(job, e);
			return true;
		}
		await this.db.begin(async (tx) => {
			await tx`
				update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null
				where id = ${job.id} and locked_by = ${this.workerId}`;
			if (definition.everyMs) await this.scheduleNext(tx, definition);
		});
		log.debug('job done', { job: job.id, kind: job.kind, ms: Date.now() - started });
		return true;
	}

	private async scheduleNext(tx: Tx, definition: JobDefinition) {
		await enqueueJob(
			tx,
			definition.kind,
			{},
			{
				key: 'recurring',
				runAt: new Date(Date.now() + definition.everyMs!)
			}
		);
	}

	private async fail(job: Job, e: unknown) {
		const message = (e instanceof Error ? e.message : String(e)).slice(0, MAX_ERROR_LENGTH);
		const final = job.attempt >= job.maxAttempts;
		const definition = this.definitions.get(job.kind)!;
		await this.db.begin(async (tx) => {
			if (final) {
				await tx`
					update jobs set status = 'failed', finished_at = now(), last_error = ${message},
						locked_by = null, locked_until = null
					where id = ${job.id} and locked_by = ${this.workerId}`;
				// A recurring job keeps recurring even when one run gave up.
				if (definition.everyMs) await this.scheduleNext(tx, definition);
			} else {
				const delay = retryDelayMs(job.attempt);
				await tx`
					update jobs set status = 'pending', last_error = ${message}, locked_by = null, locked_until = null,
						run_at = now() + make_interval(secs => ${delay / 1000})
					where id = ${job.id} and locked_by = ${this.workerId}`;
			}
		});
		log.warn(final ? 'job failed for good' : 'job failed, will retry', {
			job: job.id,
			kind: job.kind,
			attempt: job.attempt,
			error: message
		});
	}
}
