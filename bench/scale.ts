// Spolu at scale (issue 20): generates a realistic volume straight into the schema, starts the production
// build on it, signs in as each role and prints per page the time and size of its answers against the
// targets, and the server's peak memory.
//   npm run build && npm run bench:scale                 embedded: 10,000 needs, 100,000 ledger entries
//   DATABASE_URL=postgres://… npm run bench:scale         100,000 needs, 1,000,000 entries, 10,000 donors,
//                                                         2,000 polls, 5,000 stories (use a throwaway
//                                                         database: the bench adds its rows to it)
//   npm run bench:scale -- --plans                       also EXPLAIN every query the pages ran and list
//                                                         sequential scans of tables above 10,000 rows
// Environment: BENCH_DATA_DIR reuses an embedded data directory (generated once, kept), BENCH_RUNS the
// requests per page and mode (50), BENCH_NEEDS/BENCH_ENTRIES/… override the volume, BENCH_JOBS=0 starts
// the server without background jobs. Times are measured by this process on loopback for each request,
// from sending it to the last byte of the answer; the server's own Server-Timing is shown when it sends one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Db } from '../src/lib/server/db/client';
import { startEmbedded, type EmbeddedDatabase } from '../src/lib/server/db/embedded';
import { seqScans } from '../src/lib/server/db/plan-check';
import { EMBEDDED_SCALE, SERVER_SCALE, generate, type Scale } from './scale-generate';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const withPlans = args.has('--plans');
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const databaseUrl = process.env.DATABASE_URL;
const embeddedMode = !databaseUrl;
const PASSWORD = 'spolu-demo-2026';
const KB = 1024;
const MAX_BYTES = 200 * KB;
const MEMORY_LIMIT = embeddedMode ? 1024 : 512; // MB

const base = embeddedMode ? EMBEDDED_SCALE : SERVER_SCALE;
const envInt = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const scale: Scale = {
	...base,
	needs: envInt('BENCH_NEEDS', base.needs),
	entries: envInt('BENCH_ENTRIES', base.entries),
	donors: envInt('BENCH_DONORS', base.donors),
	polls: envInt('BENCH_POLLS', base.polls),
	stories: envInt('BENCH_STORIES', base.stories)
};

if (!existsSync(join(root, 'build', 'index.js'))) {
	console.error('bench:scale measures the production build, and there is none: run `npm run build` first');
	process.exit(1);
}

const log = (message: string) => console.log(`[bench:scale] ${message}`);

// The server runs from a copy of build/: a `npm run build` during the bench (it takes minutes) would
// otherwise swap the chunks under the running server. The copy stays below the project's node_modules,
// so the build's imports of its dependencies resolve as from build/.
const buildCopy = join(root, 'node_modules', '.cache', 'spolu-bench-scale', `build-${process.pid}`);
rmSync(buildCopy, { recursive: true, force: true });
cpSync(join(root, 'build'), buildCopy, { recursive: true });
process.on('exit', () => rmSync(buildCopy, { recursive: true, force: true }));

function freePort(): Promise<number> {
	return new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => done(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

interface Server {
	origin: string;
	pid: number;
	stop(): Promise<void>;
}

/** Starts `node build/index.js` as the README's deployment does and waits for /healthz. */
async function startServer(env: Record<string, string>, queryLog?: string): Promise<Server> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const nodeArgs = queryLog ? ['--import', join(root, 'bench', 'scale', 'query-log-hook.mjs')] : [];
	const child: ChildProcess = spawn(process.execPath, [...nodeArgs, join(buildCopy, 'index.js')], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			LOG_LEVEL: 'warn',
			SPOLU_JOBS: process.env.BENCH_JOBS ?? '1',
			...(queryLog ? { SPOLU_BENCH_QUERY_LOG: queryLog } : {}),
			...env
		},
		stdio: ['ignore', 'inherit', 'inherit']
	});
	let exited = false;
	const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
	const deadline = Date.now() + 300_000;
	for (;;) {
		if (exited) throw new Error('the server stopped while starting (see above)');
		if (Date.now() > deadline) throw new Error('the server did not answer /healthz within 5 minutes');
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		origin,
		pid: child.pid!,
		async stop() {
			if (exited) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
			await exit;
			clearTimeout(timer);
		}
	};
}

/** Samples the server's resident memory every 100 ms; VmHWM is the kernel's own peak. */
function memorySampler(pid: number) {
	let peakRss = 0;
	const read = () => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
			peakRss = Math.max(peakRss, kb('VmRSS'));
			return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
		} catch {
			return { rss: 0, hwm: 0 };
		}
	};
	const idle = read();
	const timer = setInterval(read, 100);
	return {
		idleMb: idle.rss / 1024,
		stop() {
			clearInterval(timer);
			const last = read();
			return { peakRssMb: peakRss / 1024, hwmMb: last.hwm / 1024 };
		}
	};
}

async function signIn(origin: string, email: string): Promise<string> {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ email, password: PASSWORD })
	});
	await response.arrayBuffer();
	if (response.status !== 303) throw new Error(`sign-in of ${email}: ${response.status}, expected 303`);
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

interface Sample {
	ms: number;
	bytes: number;
	status: number;
	serverMs: number | undefined;
}

async function request(url: string, cookie: string): Promise<Sample> {
	const started = performance.now();
	const response = await fetch(url, {
		headers: { Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) }
	});
	const body = await response.arrayBuffer();
	const ms = performance.now() - started;
	const timing = response.headers.get('server-timing');
	const durations = timing ? [...timing.matchAll(/dur=([\d.]+)/g)].map((m) => Number(m[1])) : [];
	return {
		ms,
		bytes: body.byteLength,
		status: response.status,
		serverMs: durations.length ? durations.reduce((a, b) => a + b, 0) : undefined
	};
}

const quantile = (values: number[], q: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};

interface Page {
	path: string;
	role: Role;
	public: boolean;
}
type Role = 'anonymous' | 'coordinator' | 'member' | 'donor' | 'social_worker';
const accounts: Record<Exclude<Role, 'anonymous'>, string> = {
	coordinator: 'koordinator@example.org',
	member: 'clen1@example.org',
	donor: 'darce@example.org',
	social_worker: 'pracovnice@example.org'
};

function pages(storyNumber: number | undefined): Page[] {
	const open = (path: string): Page => ({ path, role: 'anonymous', public: true });
	const as = (role: Role, path: string): Page => ({ path, role, public: false });
	return [
		open('/transparency'),
		open('/impact'),
		as('coordinator', '/coordinator/money'),
		as('member', '/fund'),
		as('coordinator', '/coordinator/needs'),
		as('member', '/votes'),
		open('/collections'),
		open('/'),
		open('/stories'),
		...(storyNumber ? [open(`/stories/${storyNumber}`)] : []),
		as('coordinator', '/coordinator/people'),
		as('coordinator', '/coordinator/audit'),
		as('coordinator', '/coordinator/money/bank'),
		as('coordinator', '/coordinator/stories'),
		as('social_worker', '/needs'),
		as('donor', '/stories')
	];
}

interface Row {
	page: Page;
	sequential: Sample[];
	concurrent: Sample[];
	concurrentWallMs: number;
}

async function measure(server: Server, list: Page[], runs = RUNS): Promise<Row[]> {
	const cookies: Partial<Record<Role, string>> = { anonymous: '' };
	for (const role of Object.keys(accounts) as (keyof typeof accounts)[]) {
		cookies[role] = await signIn(server.origin, accounts[role]);
	}
	const rows: Row[] = [];
	for (const page of list) {
		const url = server.origin + page.path;
		const cookie = cookies[page.role]!;
		const warmUp = runs > 1 ? 3 : 0;
		for (let i = 0; i < warmUp; i++) await request(url, cookie);
		const sequential: Sample[] = [];
		for (let i = 0; i < runs; i++) sequential.push(await request(url, cookie));
		const started = performance.now();
		const concurrent =
			runs > 1 ? await Promise.all(Array.from({ length: runs }, () => request(url, cookie))) : [];
		const concurrentWallMs = performance.now() - started;
		rows.push({ page, sequential, concurrent, concurrentWallMs });
		log(`${page.path} (${page.role}) measured`);
	}
	return rows;
}

function report(rows: Row[], memory: { idleMb: number; peakRssMb: number; hwmMb: number }) {
	const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`);
	const header = [
		'page',
		'as',
		'status',
		'seq p50',
		'seq p95',
		`${RUNS}-at-once p50`,
		`${RUNS}-at-once p95`,
		'server p50',
		'size',
		'target',
		'result'
	];
	const lines = rows.map(({ page, sequential, concurrent }) => {
		const target = page.public ? 20 : 50;
		const p95 = quantile(
			sequential.map((s) => s.ms),
			0.95
		);
		const bytes = Math.max(...sequential.map((s) => s.bytes));
		const statuses = [...new Set([...sequential, ...concurrent].map((s) => s.status))].join(',');
		const server = sequential.map((s) => s.serverMs).filter((v): v is number => v !== undefined);
		const ok = p95 < target && bytes <= MAX_BYTES && statuses === '200';
		const why = [
			p95 >= target ? 'slow' : '',
			bytes > MAX_BYTES ? 'large' : '',
			statuses !== '200' ? 'status' : ''
		].filter(Boolean);
		return [
			page.path,
			page.role,
			statuses,
			fmt(
				quantile(
					sequential.map((s) => s.ms),
					0.5
				)
			),
			fmt(p95),
			fmt(
				quantile(
					concurrent.map((s) => s.ms),
					0.5
				)
			),
			fmt(
				quantile(
					concurrent.map((s) => s.ms),
					0.95
				)
			),
			server.length ? fmt(quantile(server, 0.5)) : '–',
			`${(bytes / KB).toFixed(0)} KB`,
			`p95 < ${target} ms, ≤ 200 KB`,
			ok ? 'PASS' : `FAIL (${why.join(', ')})`
		];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
	const print = (cells: string[]) =>
		console.log(`| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`);
	console.log();
	print(header);
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const line of lines) print(line);
	const memoryOk = memory.hwmMb < MEMORY_LIMIT;
	console.log(
		`\nServer memory: ${memory.idleMb.toFixed(0)} MB after start, peak ${memory.hwmMb.toFixed(0)} MB (VmHWM; ` +
			`sampled VmRSS peak ${memory.peakRssMb.toFixed(0)} MB) against ${MEMORY_LIMIT} MB on the ` +
			`${embeddedMode ? 'embedded database' : 'PostgreSQL server'}: ${memoryOk ? 'PASS' : 'FAIL'}`
	);
	console.log(
		`Times: measured by the bench on loopback per request (send to last byte), ${RUNS} sequential and ` +
			`${RUNS} at once per page; PASS needs the sequential p95 under the target, every answer 200 and ` +
			`at most 200 KB. The at-once columns show queueing (one embedded connection serves them in turn).`
	);
	const failed = lines.filter((l) => l.at(-1) !== 'PASS').length + (memoryOk ? 0 : 1);
	console.log(failed ? `${failed} target(s) missed` : 'every target met');
}

interface LoggedQuery {
	query: string;
	parameters: unknown[];
}

/** EXPLAINs each distinct query the pages ran and lists sequential scans of large tables. */
async function explainQueries(sql: Db, file: string) {
	const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
	const seen = new Map<string, LoggedQuery>();
	for (const line of text.split('\n')) {
		if (!line) continue;
		const q = JSON.parse(line) as LoggedQuery;
		if (!/^\s*(with|select)\b/i.test(q.query)) continue;
		if (!seen.has(q.query)) seen.set(q.query, q);
	}
	const sizes = new Map(
		(
			await sql<{ name: string; rows: number }[]>`
			select relname as name, greatest(reltuples, 0)::bigint as rows from pg_class
			where relkind = 'r' and relnamespace = 'public'::regnamespace`
		).map((r) => [r.name, r.rows])
	);
	let findings = 0;
	let failedToExplain = 0;
	for (const { query, parameters } of seen.values()) {
		let plan: unknown;
		try {
			const [row] = await sql.unsafe(`explain (format json) ${query}`, parameters as never[]);
			plan = (row as Record<string, unknown>)['QUERY PLAN'];
		} catch {
			failedToExplain++;
			continue;
		}
		const big = seqScans(plan).filter((s) => (sizes.get(s.table) ?? 0) > 10_000);
		if (!big.length) continue;
		findings++;
		console.log(
			`\nSeq Scan on ${big.map((s) => `${s.table} (${sizes.get(s.table)} rows)`).join(', ')}:\n  ` +
				query.replace(/\s+/g, ' ').trim().slice(0, 400)
		);
	}
	console.log(
		`\nQuery plans: ${seen.size} distinct queries, ${findings} with a sequential scan of a table above ` +
			`10,000 rows${failedToExplain ? `, ${failedToExplain} could not be explained` : ''}`
	);
	if (!seen.size) console.log('(no queries were logged: was the server started with the query-log hook?)');
}

async function storyNumber(sql: Db): Promise<number | undefined> {
	const [row] = await sql<{ number: number }[]>`
		select s.number from stories s join need_consents c on c.need_id = s.need_id
		where s.status = 'published' and s.publish_at <= now() and c.withdrawn_at is null and c.audience = 'public'
		order by s.publish_at desc limit 1`;
	return row?.number;
}

async function generateIfNeeded(sql: Db) {
	const [marker] = await sql`select value from app_state where key = 'bench_scale'`;
	if (marker) {
		log(`the database already holds generated data (${JSON.stringify(marker.value)}); using it`);
		return;
	}
	log(`generating ${JSON.stringify(scale)}`);
	await generate(sql, scale, log);
	const [counts] = await sql<
		{ needs: number; entries: number; users: number; polls: number; stories: number }[]
	>`
		select (select count(*) from needs)::int as needs, (select count(*) from ledger_entries)::int as entries,
			(select count(*) from users)::int as users, (select count(*) from polls)::int as polls,
			(select count(*) from stories)::int as stories`;
	log(`the database now holds ${JSON.stringify(counts)}`);
}

// 1. the schema and the demo data, as the application creates them; 2. the volume; 3. the measurement
const queryLog = join(tmpdir(), `spolu-bench-queries-${process.pid}.jsonl`);
let serverEnv: Record<string, string>;
let dataDir: string | undefined;
let story: number | undefined;
const keep = Boolean(process.env.BENCH_DATA_DIR);

if (embeddedMode) {
	dataDir = resolve(process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'spolu-bench-scale-')));
	serverEnv = { SPOLU_DATA_DIR: dataDir };
	log(`embedded database in ${dataDir}`);
	const first = await startServer(serverEnv);
	await first.stop();
	const embedded: EmbeddedDatabase = await startEmbedded(dataDir);
	const sql = createClient(embedded.url, { max: 1 });
	try {
		await generateIfNeeded(sql);
		story = await storyNumber(sql);
	} finally {
		await sql.end();
		await embedded.close();
	}
} else {
	// a demo installation on the server (SPOLU_DEMO=1 also turns the second factor off for the demo staff);
	// the key must stay the same between runs, or the demo's protected data would not decrypt
	const keyFile = join(tmpdir(), 'spolu-bench-scale.key');
	if (!process.env.DATA_ENCRYPTION_KEY && !existsSync(keyFile)) {
		writeFileSync(keyFile, `k1:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
	}
	const key = process.env.DATA_ENCRYPTION_KEY ?? readFileSync(keyFile, 'utf8').trim();
	serverEnv = { DATABASE_URL: databaseUrl!, SPOLU_DEMO: '1', DATA_ENCRYPTION_KEY: key };
	const first = await startServer(serverEnv);
	await first.stop();
	const sql = createClient(databaseUrl!, { max: 2 });
	try {
		await generateIfNeeded(sql);
		story = await storyNumber(sql);
	} finally {
		await sql.end();
	}
}

const server = await startServer(serverEnv);
const memory = memorySampler(server.pid);
const rows = await measure(server, pages(story)).catch(async (e: unknown) => {
	memory.stop();
	await server.stop();
	throw e;
});
const used = memory.stop();
await server.stop();
report(rows, { idleMb: memory.idleMb, ...used });

if (withPlans) {
	// A second start with every query logged: the log would slow the measured one down. Each page once.
	rmSync(queryLog, { force: true });
	const logged = await startServer(serverEnv, queryLog);
	try {
		await measure(logged, pages(story), 1);
	} finally {
		await logged.stop();
	}
	const embedded = embeddedMode ? await startEmbedded(dataDir) : undefined;
	const sql = createClient(embedded?.url ?? databaseUrl!, { max: 1 });
	try {
		await explainQueries(sql, queryLog);
	} finally {
		await sql.end();
		await embedded?.close();
		rmSync(queryLog, { force: true });
	}
}
if (embeddedMode && !keep) {
	rmSync(dataDir!, { recursive: true, force: true });
} else if (embeddedMode) {
	log(`kept ${dataDir} (BENCH_DATA_DIR): the next run measures it again without generating`);
}
