// Throughput of the public pages against a bare node:http server sending the same bytes (issue 20).
//   npm run build && npm run bench:http          (BENCH_SECONDS per page and server, default 10;
//                                                  BENCH_CONNECTIONS, default 50)
// Starts the build (scripts/serve.js, as `npm start` does) on a fresh embedded database with the demo
// data, fetches each public page once as a browser would (Accept-Encoding: br, gzip) and keeps the exact
// bytes and headers, then starts a bare `node:http` server (its own process, like Spolu) that answers
// every request with those same bytes. In one run, page after page, autocannon loads Spolu and then the
// bare server, and the table shows requests/s, p50, p99, Spolu's share of bare's throughput and its p99
// against bare's, with the targets: at least 50 % of the throughput, p99 at most 4 × bare's.
// The figures are the machine's own; only the ratios compare. Never a pass/fail test.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const encoding = process.env.BENCH_ENCODING ?? 'br, gzip';
const TARGET_SHARE = 0.5;
const TARGET_P99 = 4;

const freePort = () =>
	new Promise((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
			s.close(() => resolve(port));
		});
	});

const dir = mkdtempSync(join(tmpdir(), 'spolu-bench-http-'));
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

/**
 * Starts a child process and waits for `ready` on its stdout.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {string} ready
 */
async function startChild(args, env, ready) {
	const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
	children.push(child);
	await new Promise((resolve, reject) => {
		let out = '';
		child.stdout?.on('data', (d) => {
			out += d.toString();
			if (out.includes(ready)) resolve(undefined);
		});
		child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
	});
	return child;
}

/**
 * One GET as a browser makes it: the status, the headers and the body's exact bytes (not decoded).
 * @param {number} port
 * @param {string} path
 * @returns {Promise<{ status: number, headers: Record<string, string | string[]>, body: Buffer }>}
 */
const fetchRaw = (port, path) =>
	new Promise((resolve, reject) => {
		const req = http.get(
			{ host: '127.0.0.1', port, path, headers: { 'accept-encoding': encoding } },
			(res) => {
				/** @type {Buffer[]} */
				const chunks = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: /** @type {Record<string, string | string[]>} */ (res.headers),
						body: Buffer.concat(chunks)
					})
				);
			}
		);
		req.on('error', reject);
	});

// The bare server: the same status, headers and bytes for every request to a path; nothing else.
const BARE = `
import http from 'node:http';
import { readFileSync } from 'node:fs';
const pages = new Map(JSON.parse(readFileSync(process.argv[1], 'utf8')).map((p) => [p.path, { ...p, body: Buffer.from(p.body, 'base64') }]));
const server = http.createServer((req, res) => {
	const page = pages.get(req.url);
	if (!page) return res.writeHead(404).end();
	res.writeHead(page.status, page.headers);
	res.end(page.body);
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('bare ready\\n'));
`;

/** @param {string} url */
async function load(url) {
	const r = await autocannon({
		url,
		connections,
		duration: seconds,
		headers: { 'accept-encoding': encoding }
	});
	return {
		rps: r.requests.average,
		p50: r.latency.p50,
		p99: r.latency.p99,
		errors: r.errors + r.timeouts,
		non2xx: r.non2xx
	};
}

try {
	const spoluPort = await freePort();
	await startChild(
		['scripts/serve.js'],
		{
			...process.env,
			PORT: String(spoluPort),
			HOST: '127.0.0.1',
			SPOLU_DATA_DIR: join(dir, 'data'),
			LOG_LEVEL: 'warn',
			ORIGIN: ''
		},
		'Listening on'
	);

	const stories = await fetchRaw(spoluPort, '/stories');
	// the body may be compressed: find a story's number in the page as the server renders it for identity
	const plain = await new Promise((resolve, reject) =>
		http
			.get({ host: '127.0.0.1', port: spoluPort, path: '/stories' }, (res) => {
				let text = '';
				res.on('data', (c) => (text += c));
				res.on('end', () => resolve(text));
			})
			.on('error', reject)
	);
	const story = /href="\/stories\/(\d+)"/.exec(String(plain))?.[1];
	if (stories.status !== 200 || !story) throw new Error('no published story on /stories of the demo data');
	const paths = [
		'/',
		'/impact',
		'/transparency',
		'/stories',
		`/stories/${story}`,
		'/collections',
		'/how-it-works'
	];

	const pages = [];
	for (const path of paths) {
		// the first answer renders (and fills the cache); its brotli and gzip copies are made meanwhile
		await fetchRaw(spoluPort, path);
		let page = await fetchRaw(spoluPort, path);
		for (let i = 0; i < 50 && !page.headers['content-encoding']; i++) {
			await new Promise((r) => setTimeout(r, 100));
			page = await fetchRaw(spoluPort, path);
		}
		if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
		const headers = Object.fromEntries(
			Object.entries(page.headers).filter(
				([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)
			)
		);
		pages.push({
			path,
			status: page.status,
			headers,
			body: page.body.toString('base64'),
			cache: page.headers['x-cache'] ?? '-',
			size: page.body.length
		});
	}
	const pagesFile = join(dir, 'pages.json');
	writeFileSync(pagesFile, JSON.stringify(pages));
	const barePort = await freePort();
	await startChild(
		['--input-type=module', '-e', BARE, pagesFile, String(barePort)],
		process.env,
		'bare ready'
	);

	const rows = [];
	for (const page of pages) {
		const spolu = await load(`http://127.0.0.1:${spoluPort}${page.path}`);
		const bare = await load(`http://127.0.0.1:${barePort}${page.path}`);
		const share = spolu.rps / bare.rps;
		const p99 = spolu.p99 / Math.max(bare.p99, 1);
		rows.push({
			page: page.path,
			bytes: page.size,
			encoding: page.headers['content-encoding'] ?? 'identity',
			cache: page.cache,
			'Spolu req/s': Math.round(spolu.rps),
			'bare req/s': Math.round(bare.rps),
			share: `${Math.round(share * 100)} % ${share >= TARGET_SHARE ? 'ok' : 'BELOW 50 %'}`,
			'Spolu p50/p99 ms': `${spolu.p50} / ${spolu.p99}`,
			'bare p50/p99 ms': `${bare.p50} / ${bare.p99}`,
			'p99 ×bare': `${p99.toFixed(1)} ${p99 <= TARGET_P99 ? 'ok' : 'ABOVE 4×'}`,
			'errors/non-2xx': `${spolu.errors + bare.errors} / ${spolu.non2xx + bare.non2xx}`
		});
	}
	process.stdout.write(
		`\nPublic pages, ${connections} connections, ${seconds} s each, Accept-Encoding: ${encoding}; targets: ` +
			`share of bare ≥ ${TARGET_SHARE * 100} %, p99 ≤ ${TARGET_P99} × bare\n`
	);
	console.table(rows);
} finally {
	for (const child of children) {
		child.kill('SIGTERM');
		await new Promise((resolve) =>
			child.exitCode !== null ? resolve(undefined) : child.on('exit', resolve)
		);
	}
	rmSync(dir, { recursive: true, force: true });
}
