/**
 * A throwaway PostgreSQL server for end-to-end specs that need a real one (several Spolu instances on one
 * database: PGlite serves a single session). The same steps as scripts/with-postgres.sh: initdb into a
 * temporary directory, pg_ctl start on a free loopback port, trust authentication; as root the server
 * runs as the postgres user, which PostgreSQL requires.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './e2e-server';

export interface PostgresServer {
	/** postgres://postgres@127.0.0.1:PORT/postgres */
	url: string;
	stop(): void;
}

/** The newest installed server's bin directory, or null when PostgreSQL is not installed. */
export function postgresBinaries(): string | null {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(a) - Number(b));
	return versions.length ? join(root, versions.at(-1)!, 'bin') : null;
}

export async function startPostgresServer(): Promise<PostgresServer> {
	const bin = postgresBinaries();
	if (!bin) throw new Error('no PostgreSQL server found; install it with: apt-get install -y postgresql');
	const asRoot = process.getuid?.() === 0;
	const run = (tool: string, args: string[]) =>
		asRoot
			? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], { stdio: 'pipe' })
			: execFileSync(join(bin, tool), args, { stdio: 'pipe' });
	const dir = mkdtempSync(join(tmpdir(), 'spolu-pg-'));
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
		chownSync(dir, uid, gid);
	}
	const port = await freePort();
	try {
		run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
		run('pg_ctl', [
			'-D',
			dir,
			'-l',
			join(dir, 'server.log'),
			'-w',
			'-t',
			'30',
			'-o',
			`-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=/tmp -c fsync=off`,
			'start'
		]);
	} catch (e) {
		rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop() {
			try {
				run('pg_ctl', ['-D', dir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}
