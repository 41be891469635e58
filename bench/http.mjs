// Load benchmark of the public pages against the production build on a fresh embedded database.
//   npm run build && npm run bench            (BENCH_SECONDS, BENCH_CONNECTIONS to change the load)
// Reports requests/s, latency percentiles, errors and non-2xx answers. Never a pass/fail test.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = 4390;
const dataDir = mkdtempSync(join(tmpdir(), 'spolu-bench-'));

const server = spawn(process.execPath, ['build'], {
	env: { ...process.env, PORT: String(port), SPOLU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
	stdio: ['ignore', 'pipe', 'inherit']
});
await new Promise((resolve, reject) => {
	server.stdout.on('data', (d) => d.toString().includes('Listening on') && resolve());
	server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const rows = [];
for (const path of ['/', '/how-it-works', '/healthz']) {
	const r = await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections, duration: seconds });
	rows.push({
		path,
		'req/s': Math.round(r.requests.average),
		'p50 ms': r.latency.p50,
		'p97.5 ms': r.latency.p97_5,
		'p99 ms': r.latency.p99,
		errors: r.errors,
		'non-2xx': r.non2xx
	});
}
console.table(rows);

server.kill('SIGTERM');
await new Promise((resolve) => server.on('exit', resolve));
rmSync(dataDir, { recursive: true, force: true });
