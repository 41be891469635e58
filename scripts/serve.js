// Serves the production build: `npm start` runs this (through scripts/start.js, which builds first when
// the sources changed); `node scripts/serve.js` runs it directly.
//
// adapter-node reads PORT, ORIGIN and its other variables as soon as build/handler.js is imported, and so
// does Spolu's own configuration (hooks.server.ts `init`), so a `.env` file is loaded here first.
//
// Spolu runs its own `node:http` server around build/handler.js (adapter-node's request handler, which
// still reads ORIGIN, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER, ADDRESS_HEADER, XFF_DEPTH and
// BODY_SIZE_LIMIT itself), so that two things come before the framework (issue 20):
// - the public page cache (src/lib/server/http/page-cache.js): an anonymous GET of a public reading page
//   is answered from rendered bytes kept in memory (identity, gzip and brotli, by Accept-Encoding),
//   dropped at once when the database notifies a change (migration 0024); at most SPOLU_PAGE_CACHE_MB
//   megabytes (default 64; 0 keeps nothing);
// - compression (the `compression` package: brotli or gzip) of every other answer worth compressing:
//   HTML, JSON, CSV, XML, JS, CSS above 1 kB; images, PDFs and archives go as they are. Each write is
//   flushed, so a streamed answer (a CSV export) keeps streaming. Static files come precompressed from
//   the build (adapter-node `precompress`).
//
// With ORIGIN (or PROTOCOL_HEADER) set, a deployment, usually behind a TLS proxy: the server listens on
// HOST:PORT (default 0.0.0.0:3000) with adapter-node's KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT and
// SHUTDOWN_TIMEOUT. A socket path or systemd socket activation (SOCKET_PATH, LISTEN_PID) is left to
// adapter-node's own server (build/index.js), without the cache and compression in front.
//
// Without ORIGIN (someone trying Spolu on their machine):
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
import compression from 'compression';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { compressionOptions, inFront, PageCache } from '../src/lib/server/http/page-cache.js';

if (existsSync('.env')) process.loadEnvFile('.env');
// Requests are small except attachments (at most 10 MB each, checked again by the upload itself);
// adapter-node's default of 512 kB would refuse every larger quote or invoice with 413.
process.env.BODY_SIZE_LIMIT ??= '11M';

const deployed = Boolean(process.env.ORIGIN || process.env.PROTOCOL_HEADER);
// A socket path or systemd socket activation: adapter-node's server handles those.
const socket = Boolean(process.env.SOCKET_PATH || process.env.LISTEN_PID);

if (socket) {
	if (!deployed) process.env.ORIGIN = `http://localhost:${process.env.PORT || 3000}`;
	const { server } = await import('../build/index.js');
	if (deployed) {
		announceWhenListening(
			server.server,
			[process.env.ORIGIN ?? null].filter((a) => a !== null)
		);
	}
} else if (deployed) {
	await serveDeployed();
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

/**
 * The page cache and compression in front of adapter-node's handler (page-cache.js `inFront`).
 * `keyHeaders`: request headers a page's content depends on (the public address, when it comes from the
 * request rather than ORIGIN).
 * @param {Parameters<typeof inFront>[0]} handler
 * @param {string[]} keyHeaders
 */
function front(handler, keyHeaders) {
	const megabytes = Number(process.env.SPOLU_PAGE_CACHE_MB ?? 64);
	const cache =
		Number.isFinite(megabytes) && megabytes > 0
			? new PageCache({ maxBytes: megabytes * 1024 * 1024, keyHeaders })
			: null;
	return inFront(handler, { cache, compress: /** @type {any} */ (compression(compressionOptions)) });
}

/** Applies adapter-node's KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT (seconds) to `server`. */
function applyTimeouts(/** @type {http.Server} */ server) {
	const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
	if (process.env.KEEP_ALIVE_TIMEOUT && keepAlive >= 0) server.keepAliveTimeout = keepAlive * 1000;
	const headersTimeout = Number(process.env.HEADERS_TIMEOUT);
	if (process.env.HEADERS_TIMEOUT && headersTimeout >= 0) server.headersTimeout = headersTimeout * 1000;
}

/** Ends the process when the port cannot be taken, closing the database first. */
function failOnListenError(/** @type {http.Server} */ server, /** @type {string} */ port) {
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
}

/** "http://host:port" of a listening server, for the log. */
function listeningAddress(/** @type {http.Server} */ server, /** @type {string} */ host, port) {
	const address = server.address();
	const shown = address && typeof address === 'object' ? address : { address: host, port };
	const name = String(shown.address).includes(':') ? `[${shown.address}]` : shown.address;
	return `http://${name}:${shown.port}`;
}

/** A deployment: ORIGIN (or the forwarding headers) names the public address; any Host is served. */
async function serveDeployed() {
	const port = process.env.PORT || '3000';
	const host = process.env.HOST || '0.0.0.0';
	// Starts Spolu before listening, as `node build` does.
	const { handler } = await import('../build/handler.js');
	// With ORIGIN every page is built for that one address; without it, for the address in the headers.
	const keyHeaders = process.env.ORIGIN
		? []
		: [process.env.HOST_HEADER || 'host', process.env.PROTOCOL_HEADER, process.env.PORT_HEADER].filter(
				/** @returns {h is string} */ (h) => Boolean(h)
			);
	const server = http.createServer(front(handler, keyHeaders));
	applyTimeouts(server);
	handleShutdown(server);
	failOnListenError(server, port);
	server.listen({ host, port: Number(port) }, () => {
		process.stdout.write(`Listening on ${listeningAddress(server, host, port)}\n`);
		announce([process.env.ORIGIN ?? null].filter((a) => a !== null));
	});
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

	const inFrontOfSpolu = front(handler, []);
	// the Host headers seen, and which of this server's addresses each is (parsed once, at most 100)
	/** @type {Map<string, string | null>} */
	const seen = new Map();
	const addressOf = (/** @type {string | undefined} */ hostHeader) => {
		if (hostHeader === undefined) return null;
		let own = seen.get(hostHeader);
		if (own === undefined) {
			own = ownAddress(hostHeader, hostnames, port);
			if (seen.size < 100) seen.set(hostHeader, own);
		}
		return own;
	};
	const server = http.createServer((req, res) => {
		const own = addressOf(req.headers.host);
		if (!own) return misdirected(req, res, origin, loopback[0]);
		const sentOrigin = req.headers.origin;
		if (own !== origin && sentOrigin !== undefined && sameOrigin(sentOrigin, own)) {
			req.headers.origin = origin;
		}
		inFrontOfSpolu(req, res);
	});
	applyTimeouts(server);
	handleShutdown(server);
	failOnListenError(server, port);
	server.listen({ host, port: Number(port) }, () => {
		process.stdout.write(`Listening on ${listeningAddress(server, host, port)}\n`);
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
