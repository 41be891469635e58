// `npm start`: builds Spolu when its sources changed since the last build (or there is none), then serves
// it with scripts/serve.js in this same process, so that Ctrl+C and SIGTERM reach the server directly.
// `npm start -- --rebuild` builds whatever the stamp says.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildStatus, writeStamp } from '../src/lib/server/build-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const status = buildStatus(root);
const forced = process.argv.includes('--rebuild');

if (status.build || forced) {
	const why = forced
		? 'asked for with --rebuild'
		: { missing: 'no build yet', unstamped: 'build of unknown sources', changed: 'sources changed' }[
				/** @type {'missing' | 'unstamped' | 'changed'} */ (status.reason)
			];
	process.stdout.write(`Building Spolu (${why}); this takes a minute or two…\n`);
	// Through the npm that runs this script when there is one, so that the same npm and Node build it.
	const npm = process.env.npm_execpath;
	const result = npm
		? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
		: spawnSync('npm', ['run', 'build'], {
				cwd: root,
				stdio: 'inherit',
				shell: process.platform === 'win32'
			});
	if (result.status !== 0) {
		process.stderr.write('Spolu cannot start: the build failed (see above)\n');
		process.exit(result.status ?? 1);
	}
	writeStamp(root, status.hash);
} else {
	process.stdout.write('The build is up to date with the sources; starting Spolu.\n');
}

await import('./serve.js');
