// Serves the production build: `npm start` runs this (through scripts/start.js, which builds first when
// the sources changed); `node scripts/serve.js` runs it directly.
//
// adapter-node reads PORT, ORIGIN and its other variables as soon as build/handler.js is imported, and so
// does Spolu's own configuration (hooks.server.ts `init`), so a `.env` file is loaded here first.
//
// With ORIGIN set (a deployment, usually behind a TLS proxy) adapter-node's own server runs unchanged.
// Without it (someone trying Spolu on their machine) this script runs its own `node:http` server around
// build/handler.js:
// - the public address, used for links in e-mails and by SvelteKit's CSRF check, is http://localhost:PORT;
// - the same server is also the one at http://127.0.0.1:PORT (what many people type) and http://[::1]:PORT.
//   A form posted from a page on one of those addresses carries that address as its Origin, which
//   SvelteKit would refuse as cross-site (a bare 403). It is the same machine's loopback and the page came
//   from this very server, so such a same-origin post is presented to SvelteKit with Origin
//   http://localhost:PORT. Posts from any other origin are left alone and still refused.
//   Because SvelteKit then sees http://localhost, cookies go without `Secure` (a Secure cookie over plain
//   http://127.0.0.1 would be dropped by the browser and sign-in would silently fail). The browser keeps
//   them for the address it is on, as always.
// - any other Host (a LAN address, a name pointing here) gets a short page in Czech and English saying
//   which address to open, rather than forms that fail.
import { existsSync } from 'node:fs';
import http from 'node:http';

if (existsSync('.env')) process.loadEnvFile('.env');
// Requests are small except attachments (at most 10 MB each, checked again by the upload itself);
// adapter-node's default of 512 kB would refuse every larger quote or invoice with 413.
process.env.BODY_SIZE_LIMIT ??= '11M';

const deployed = Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER);
// A socket path or systemd socket activation is a deployment too: adapter-node's server handles those.
const socket = Boolean(process.env.SOCKET_PATH || process.env.LISTEN_PID);

if (deployed) {
	const { server } = await import('../build/index.js');
	announceWhenListening(
		server.server,
		[process.env.ORIGIN ?? null].filter((a) => a !== null)
	);
} else if (socket) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT || 3000}`;
	await import('../build/index.js');
} else {
	await serveLocally();
}

/** Prints the address(es) to open, in Czech and English. */
function announce(/** @type {string[]} */ addresses) {
	const [first, ...others] = addresses;
	if (!first) return;
	const also = others.length ? ` (také ${others.join(', ')})` : '';
	const alsoEn = others.length ? ` (or ${others.join(', ')})` : '';
	process.stdout.write(`\nSpolu běží: ${first}${also}\nSpolu is running: open ${first}${alsoEn}\n\n`);
}

/** Announces once `server` listens. */
function announceWhenListening(/** @type {http.Server} */ server, /** @type {string[]} */ addresses) {
	if (server.listening) announce(addresses);
	else server.once('listening', () => announce(addresses));
}

async function serveLocally() {
	const port = process.env.PORT || '3000';
	const host = process.env.HOST || '0.0.0.0';
	const origin = `http://localhost:${port}`;
	process.env.ORIGIN = origin;
	const loopback = ['127.0.0.1', '[::1]'].map((name) => `http://${name}:${port}`);
	process.stdout.write(
		`ORIGIN is not set; serving ${origin} and ${loopback[0]} (set ORIGIN to the public address)\n`
	);

	// Starts Spolu (configuration, database, migrations, demo data, jobs) before listening, as `node build`
	// does; a configuration mistake ends the process here with one line.
	const { handler } = await import('../build/handler.js');

	const hostnames = new Set(['localhost', '127.0.0.1', '[::1]']);
	// A server bound to one specific address is reached by that address too.
	if (!['0.0.0.0', '::', 'localhost'].includes(host)) {
		hostnames.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host.toLowerCase());
	}

	const server = http.createServer((req, res) => {
		const own = ownAddress(req.headers.host, hostnames, port);
		if (!own) return misdirected(req, res, origin, loopback[0]);
		const sentOrigin = req.headers.origin;
		if (own !== origin && sentOrigin !== undefined && sameOrigin(sentOrigin, own)) {
			req.headers.origin = origin;
		}
		handler(req, res, () => {
			res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
		});
	});
	const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
	if (process.env.KEEP_ALIVE_TIMEOUT && keepAlive >= 0) server.keepAliveTimeout = keepAlive * 1000;
	const headersTimeout = Number(process.env.HEADERS_TIMEOUT);
	if (process.env.HEADERS_TIMEOUT && headersTimeout >= 0) server.headersTimeout = headersTimeout * 1000;

	handleShutdown(server);

	server.once('error', (/** @type {NodeJS.ErrnoException} */ e) => {
		const reason =
			e.code === 'EADDRINUSE'
				? `port ${port} is already in use (is Spolu already running? another port: PORT=3001 npm start)`
				: e.message;
		process.stderr.write(`Spolu cannot start: ${reason}\n`);
		process.exitCode = 1;
		// Closes the database cleanly (and its lock file) before the process ends.
		process.emit('sveltekit:shutdown', 'SIGTERM');
		setTimeout(() => process.exit(1), 10_000).unref();
	});
	server.listen({ host, port: Number(port) }, () => {
		const address = server.address();
		const shown = address && typeof address === 'object' ? address : { address: host, port };
		const name = String(shown.address).includes(':') ? `[${shown.address}]` : shown.address;
		process.stdout.write(`Listening on http://${name}:${shown.port}\n`);
		// 127.0.0.1 is reachable whenever the server listens on it or on every IPv4 address
		const both = ['0.0.0.0', '::', '127.0.0.1'].includes(host);
		announce(both ? [origin, loopback[0]] : [origin]);
	});
}

/**
 * The address a request was sent to, e.g. "http://127.0.0.1:3000", when it is one of this local
 * server's own; null for any other Host (or none).
 */
function ownAddress(
	/** @type {string | undefined} */ hostHeader,
	/** @type {Set<string>} */ hostnames,
	port
) {
	if (!hostHeader) return null;
	let url;
	try {
		url = new URL(`http://${hostHeader}`);
	} catch {
		return null;
	}
	if (url.username || url.password || url.pathname !== '/') return null;
	if ((url.port || '80') !== String(port)) return null;
	if (!hostnames.has(url.hostname)) return null;
	return url.origin;
}

/** Whether an Origin header names exactly `address` (scheme, host and port). */
function sameOrigin(/** @type {string} */ sent, /** @type {string} */ address) {
	try {
		return new URL(sent).origin === address;
	} catch {
		return false;
	}
}

const escapeHtml = (/** @type {string} */ s) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
	);

/** The short page for a Host this local server does not answer for: which address to open instead. */
function misdirected(
	/** @type {http.IncomingMessage} */ req,
	/** @type {http.ServerResponse} */ res,
	/** @type {string} */ origin,
	/** @type {string | undefined} */ alternative
) {
	// The Host header comes from the client: shown escaped, never as a link.
	const asked = escapeHtml((req.headers.host ?? '').slice(0, 200));
	const link = (/** @type {string} */ a) => `<a href="${a}/">${a}</a>`;
	const also = alternative ? ` nebo ${link(alternative)}` : '';
	const alsoEn = alternative ? ` or ${link(alternative)}` : '';
	const body = `<!doctype html>
<html lang="cs">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spolu: otevřete ${origin}</title>
</head>
<body>
<main>
<h1>Spolu běží na adrese ${link(origin)}</h1>
<p>Na adrese ${asked || 'bez názvu'} Spolu v místním spuštění neodpovídá. Otevřete ${link(origin)}${also} na počítači, na kterém Spolu běží.</p>
<p>Má-li být Spolu dostupný i odjinud, nastavte proměnnou <code>ORIGIN</code> na jeho veřejnou adresu (viz README).</p>
<div lang="en">
<h2>Spolu is running at ${link(origin)}</h2>
<p>A local start of Spolu does not answer at ${asked || 'this address'}. Open ${link(origin)}${alsoEn} on the computer Spolu runs on.</p>
<p>To reach Spolu from elsewhere, set <code>ORIGIN</code> to its public address (see the README).</p>
</div>
</main>
</body>
</html>
`;
	res.writeHead(421, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
		'Cache-Control': 'no-store',
		'Content-Security-Policy':
			"default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'no-referrer'
	});
	res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * SIGTERM/SIGINT as adapter-node handles them: stop accepting connections, let the requests in flight
 * finish (at most SHUTDOWN_TIMEOUT seconds), then emit `sveltekit:shutdown`, on which Spolu stops its jobs
 * and closes the database.
 */
function handleShutdown(/** @type {http.Server} */ server) {
	const timeout = Number(process.env.SHUTDOWN_TIMEOUT || 30);
	/** @type {NodeJS.Timeout | undefined} */
	let forced;
	const shutdown = (/** @type {NodeJS.Signals} */ reason) => {
		if (forced) return;
		server.closeIdleConnections();
		server.close((error) => {
			if (error) return;
			clearTimeout(forced);
			process.emit('sveltekit:shutdown', reason);
		});
		forced = setTimeout(() => server.closeAllConnections(), timeout * 1000);
	};
	server.on('request', (/** @type {http.IncomingMessage} */ req) => {
		// A connection kept alive after its last answer must not hold the shutdown open.
		req.on('close', () => {
			if (forced) server.closeIdleConnections();
		});
	});
	process.on('SIGTERM', shutdown);
	process.on('SIGINT', shutdown);
}
