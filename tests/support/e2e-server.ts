/**
 * Helpers for end-to-end specs that start their own `node build` processes and databases:
 * a free port in 4100–4199, a Spolu process with a controlled environment whose output is collected,
 * an external PostgreSQL (PGlite served over a socket) inside the test process, temporary directories.
 *
 * Use the `test` exported here: its `spolu` fixture stops every process and database a test started and
 * removes its directories when the test ends, whatever the outcome.
 */
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD_DIR = fileURLToPath(new URL('../../build', import.meta.url));
const SERVE_SCRIPT = fileURLToPath(new URL('../../scripts/serve.js', import.meta.url));

/** Ports this suite may use for its own servers; 4173 belongs to the shared server of playwright.config.ts. */
const PORT_MIN = 4100;
const PORT_MAX = 4199;
const RESERVED_PORTS = new Set([4173]);
const handedOut = new Set<number>();

/** Processes still running; killed if the worker exits while a test holds them (e.g. on a crash). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of live) child.kill('SIGKILL');
});

function canListen(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
	});
}

/**
 * A port in 4100–4199 that nothing listens on now and that this worker has not handed out before.
 * Each parallel worker draws from its own share of the range (by its index), so two workers never pick
 * the same port between one's check and its server's listen; within the share, in random order.
 */
export async function freePort(): Promise<number> {
	// playwright.config.ts runs two workers; their parallel indexes are 0 and 1
	const workers = 2;
	const share = Number(process.env.TEST_PARALLEL_INDEX ?? '0') % workers;
	const candidates: number[] = [];
	for (let p = PORT_MIN; p <= PORT_MAX; p++) {
		if (!RESERVED_PORTS.has(p) && !handedOut.has(p) && p % workers === share) candidates.push(p);
	}
	for (let i = candidates.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
	}
	for (const port of candidates) {
		if (await canListen(port)) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error(`no free port in ${PORT_MIN}–${PORT_MAX}`);
}

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface AppOptions {
	/**
	 * Variables on top of the defaults (PORT, HOST, ORIGIN, SPOLU_DATA_DIR, DATA_ENCRYPTION_KEY, LOG_LEVEL=warn,
	 * SPOLU_JOBS_POLL_MS=500); `undefined` removes a default. Nothing else is inherited from the
	 * environment of the test run except PATH, HOME and TMPDIR.
	 */
	env?: Record<string, string | undefined>;
	/** SPOLU_DATA_DIR; a fresh temporary directory when omitted. */
	dataDir?: string;
	/** `build` runs `node build`; `serve` runs `node scripts/serve.js`, what `npm start` runs after building */
	entry?: 'build' | 'serve';
	/** working directory; a fresh empty one when omitted */
	cwd?: string;
}

/** One `node build` process. */
export class AppProcess {
	private out = '';
	private err = '';
	private exit: Exit | undefined;
	/** Settles when the process has exited and its output streams are closed. */
	readonly exited: Promise<Exit>;

	constructor(
		readonly child: ChildProcess,
		readonly port: number,
		readonly dataDir: string
	) {
		child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (this.out += chunk));
		child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.err += chunk));
		this.exited = new Promise((resolve) => {
			child.once('close', (code, signal) => {
				this.exit = { code, signal };
				resolve(this.exit);
			});
		});
	}

	get pid(): number {
		return this.child.pid!;
	}
	/** http://localhost:PORT, the ORIGIN the process was started with */
	get url(): string {
		return `http://localhost:${this.port}`;
	}
	get stdout(): string {
		return this.out;
	}
	get stderr(): string {
		return this.err;
	}
	get running(): boolean {
		return this.exit === undefined;
	}

	/** Resolves once adapter-node prints "Listening on"; rejects (with the output) if the process exits first. */
	async listening(timeoutMs = 90_000): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			const check = () => {
				if (this.out.includes('Listening on')) {
					done();
					resolve();
				}
			};
			const onExit = (e: Exit) => {
				done();
				reject(new Error(`Spolu exited (${describeExit(e)}) before listening.${this.describeOutput()}`));
			};
			const timer = setTimeout(() => {
				done();
				reject(new Error(`Spolu did not listen within ${timeoutMs} ms.${this.describeOutput()}`));
			}, timeoutMs);
			const done = () => {
				clearTimeout(timer);
				this.child.stdout!.off('data', check);
			};
			this.child.stdout!.on('data', check);
			void this.exited.then(onExit);
			check();
		});
	}

	/** Waits for the process to exit; kills it and rejects when it takes longer than `timeoutMs`. */
	async waitForExit(timeoutMs = 20_000): Promise<Exit> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<'timeout'>((resolve) => {
			timer = setTimeout(() => resolve('timeout'), timeoutMs);
		});
		const result = await Promise.race([this.exited, timeout]);
		clearTimeout(timer);
		if (result === 'timeout') {
			this.child.kill('SIGKILL');
			await this.exited;
			throw new Error(`Spolu did not exit within ${timeoutMs} ms.${this.describeOutput()}`);
		}
		return result;
	}

	/** Sends a signal now (SIGTERM for a graceful stop, SIGKILL to simulate a crash). */
	signal(signal: NodeJS.Signals) {
		if (this.running) this.child.kill(signal);
	}

	/** SIGTERM, then SIGKILL when the process has not exited within `timeoutMs`. */
	async stop(timeoutMs = 15_000): Promise<Exit> {
		if (!this.running) return this.exited;
		this.child.kill('SIGTERM');
		let timer: NodeJS.Timeout | undefined;
		const killed = new Promise<void>((resolve) => {
			timer = setTimeout(() => {
				this.child.kill('SIGKILL');
				resolve();
			}, timeoutMs);
		});
		await Promise.race([this.exited, killed]);
		clearTimeout(timer);
		return this.exited;
	}

	describeOutput(): string {
		return `\n--- stdout ---\n${this.out}\n--- stderr ---\n${this.err}`;
	}
}

export function describeExit(e: Exit): string {
	return e.signal ? `signal ${e.signal}` : `code ${e.code}`;
}

/** An external PostgreSQL for Spolu's DATABASE_URL: in-memory PGlite served on a loopback port. */
export interface ExternalDatabase {
	/** postgres://postgres@127.0.0.1:PORT/postgres */
	url: string;
	db: PGlite;
	/** Stops serving and closes PGlite; the app's connection is cut. */
	stop(): Promise<void>;
}

const isAddressInUse = (e: unknown) => (e as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';

/**
 * Starts the database. `prepare` runs on PGlite directly before the socket opens: the socket serves one
 * connection, which belongs to the app (run it with DATABASE_POOL_MAX=1).
 */
export async function startExternalDatabase(
	prepare?: (db: PGlite) => Promise<unknown>
): Promise<ExternalDatabase> {
	const db = await PGlite.create();
	try {
		await prepare?.(db);
		for (let attempt = 0; ; attempt++) {
			const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: await freePort() });
			try {
				await server.start();
			} catch (e) {
				if (isAddressInUse(e) && attempt < 5) continue;
				throw e;
			}
			let stopped = false;
			return {
				url: `postgres://postgres@${server.getServerConn()}/postgres`,
				db,
				async stop() {
					if (stopped) return;
					stopped = true;
					await server.stop();
					await db.close();
				}
			};
		}
	} catch (e) {
		await db.close().catch(() => {});
		throw e;
	}
}

/** What one test started; everything is stopped and removed by `cleanup`. */
export class SpoluLauncher {
	private apps: AppProcess[] = [];
	private databases: ExternalDatabase[] = [];
	private dirs: string[] = [];

	/** A new empty directory, removed after the test. */
	tempDir(prefix = 'spolu-e2e-'): string {
		const dir = mkdtempSync(join(tmpdir(), prefix));
		this.dirs.push(dir);
		return dir;
	}

	/** Spawns `node build` without waiting for anything. */
	async spawn(options: AppOptions = {}): Promise<AppProcess> {
		if (!existsSync(join(BUILD_DIR, 'index.js'))) {
			throw new Error(`${BUILD_DIR}/index.js is missing: run \`npm run build\` before the end-to-end tests`);
		}
		const port = await freePort();
		const dataDir = options.dataDir ?? join(this.tempDir(), 'data');
		const env: Record<string, string> = {};
		for (const name of ['PATH', 'HOME', 'TMPDIR']) {
			if (process.env[name] !== undefined) env[name] = process.env[name]!;
		}
		const wanted: Record<string, string | undefined> = {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://localhost:${port}`,
			SPOLU_DATA_DIR: dataDir,
			// A fixed test key: DATABASE_URL requires one.
			DATA_ENCRYPTION_KEY: `test:${Buffer.alloc(32, 1).toString('base64')}`,
			SPOLU_JOBS_POLL_MS: '500',
			LOG_LEVEL: 'warn',
			...options.env
		};
		for (const [name, value] of Object.entries(wanted)) {
			if (value !== undefined) env[name] = value;
		}
		// The working directory is a fresh one, so a developer's `.env` in the checkout is not read.
		const entry = options.entry === 'serve' ? SERVE_SCRIPT : BUILD_DIR;
		const child = spawn(process.execPath, [entry], {
			cwd: options.cwd ?? this.tempDir('spolu-e2e-cwd-'),
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		live.add(child);
		child.once('exit', () => live.delete(child));
		const app = new AppProcess(child, port, dataDir);
		this.apps.push(app);
		return app;
	}

	/** Spawns `node build` and waits until it listens; fails the test with its output if it exits. */
	async start(options: AppOptions = {}): Promise<AppProcess> {
		const app = await this.spawn(options);
		await app.listening();
		return app;
	}

	/** Spawns `node build`, expecting it to refuse to start: resolves with the exit and the output. */
	async startExpectingExit(
		options: AppOptions = {},
		timeoutMs = 90_000
	): Promise<Exit & { stdout: string; stderr: string; listened: boolean }> {
		const app = await this.spawn(options);
		const exit = await app.waitForExit(timeoutMs);
		return { ...exit, stdout: app.stdout, stderr: app.stderr, listened: app.stdout.includes('Listening on') };
	}

	async externalDatabase(prepare?: (db: PGlite) => Promise<unknown>): Promise<ExternalDatabase> {
		const database = await startExternalDatabase(prepare);
		this.databases.push(database);
		return database;
	}

	/** Kills what is still running (apps first, then databases) and removes the directories. */
	async cleanup() {
		const errors: unknown[] = [];
		await Promise.all(
			this.apps.map(async (app) => {
				if (app.running) app.signal('SIGKILL');
				await app.exited;
			})
		);
		for (const database of this.databases) {
			await database.stop().catch((e: unknown) => errors.push(e));
		}
		for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
		this.apps = [];
		this.databases = [];
		this.dirs = [];
		if (errors.length) throw errors[0];
	}
}

export const test = base.extend<{ spolu: SpoluLauncher }>({
	// eslint-disable-next-line no-empty-pattern
	spolu: async ({}, use) => {
		const launcher = new SpoluLauncher();
		try {
			await use(launcher);
		} finally {
			await launcher.cleanup();
		}
	}
});

export { expect } from '@playwright/test';
