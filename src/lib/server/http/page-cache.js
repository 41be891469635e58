// The public pages' cache of rendered bytes, in front of SvelteKit (issue 20).
//
// Plain JavaScript with JSDoc types: scripts/serve.js imports it unbuilt, in the `node:http` layer that
// runs before build/handler.js, and the runtime (src/lib/server/http/page-cache-listen.ts) imports it
// through the build. Both meet in one object on globalThis (Symbol.for('spolu.publicPages')): the
// runtime registers it once it listens for changes, and bumps its version on every change; the cache
// keeps nothing while no runtime registered (tests, a process whose database cannot notify).
//
// What is kept, and why it is safe:
// - only GET and HEAD without the session cookie (or an Authorization header): the anonymous visitor,
//   the only one SvelteKit marks `cache-control: public` (src/lib/server/http/cache.ts);
// - the key is the path with its query and the language cookie (the only other cookie a page reads), and,
//   when the public address comes from request headers (no ORIGIN), the Host and forwarding headers;
// - an answer is kept only when SvelteKit marked it cacheable: 200, `public`, no `private`/`no-store`/
//   `no-cache`, no Set-Cookie, not already encoded, and the version did not change while it rendered.
//   A page rendered across a change could hold the old rows; it goes out but is not kept;
// - a kept answer lives at most its own max-age (a story whose publication moment comes later appears
//   within that time; every write that changes a public page drops everything at once);
// - the page's CSP nonce is kept with it. Public pages send no script (csr = false) and the nonce changes
//   with every write, so a kept nonce gives nothing a visitor could not already read from the page.

import { brotliCompress, constants, gzip } from 'node:zlib';

/** @typedef {{ version: number, listening: boolean }} PublicPagesRegistry */

const REGISTRY = Symbol.for('spolu.publicPages');

/** The channel the triggers of migration 0024 notify on. */
/** How long Spolu's own cache may keep a page, in seconds: set by the framework, removed before sending. */
export const KEEP_HEADER = 'x-spolu-keep';
export const PUBLIC_PAGES_CHANNEL = 'spolu_public_pages';

/**
 * The registry the runtime hands the version through; made on first use, so either side may come first.
 * @returns {PublicPagesRegistry}
 */
export function publicPagesRegistry() {
	const holder = /** @type {{ [REGISTRY]?: PublicPagesRegistry }} */ (/** @type {unknown} */ (globalThis));
	return (holder[REGISTRY] ??= { version: 0, listening: false });
}

/**
 * The version of what the public pages show, or undefined while nobody listens for changes (then
 * nothing may be kept: a change would not drop it).
 * @returns {number | undefined}
 */
export function publicPagesVersion() {
	const registry = publicPagesRegistry();
	return registry.listening ? registry.version : undefined;
}

/** Something the public pages show changed (or may have: a notification may have been missed). */
export function publicPagesChanged() {
	publicPagesRegistry().version++;
}

/** Headers of a kept answer that belong to one response only, or that the cache sets itself. */
const PER_RESPONSE = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'content-length',
	'content-encoding',
	'date',
	'vary',
	'age',
	'x-cache'
]);

/** Types worth compressing; images, PDFs and archives are compressed already. */
const COMPRESSIBLE =
	/^(text\/|application\/(json|xml|javascript|atom\+xml|rss\+xml|manifest\+json)|image\/svg\+xml|[^;]*\+xml)/i;

/** Bodies smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Which encoding of a kept answer to send, by the Accept-Encoding header: brotli, then gzip, else the
 * bytes as they are. A coding with q=0 is refused.
 * @param {string | string[] | undefined} header
 * @returns {'br' | 'gzip' | 'identity'}
 */
export function chooseEncoding(header) {
	if (!header) return 'identity';
	const text = Array.isArray(header) ? header.join(',') : header;
	/** @type {Map<string, number>} */
	const accepted = new Map();
	for (const part of text.split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		let q = 1;
		for (const p of params) {
			const [k, v] = p.trim().split('=');
			if (k === 'q') q = Number(v);
		}
		accepted.set(name, Number.isFinite(q) ? q : 0);
	}
	const quality = (/** @type {string} */ name) => accepted.get(name) ?? accepted.get('*') ?? 0;
	if (quality('br') > 0) return 'br';
	if (quality('gzip') > 0) return 'gzip';
	return 'identity';
}

/**
 * The value of one cookie in a Cookie header, or undefined.
 * @param {string | undefined} header
 * @param {string} name
 */
export function cookieValue(header, name) {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		const key = (eq < 0 ? part : part.slice(0, eq)).trim();
		if (key === name) return eq < 0 ? '' : part.slice(eq + 1).trim();
	}
	return undefined;
}

/**
 * Seconds a cacheable answer may be kept, or null when its Cache-Control does not allow a shared cache
 * to keep it.
 * @param {string | undefined} header
 * @returns {number | null}
 */
export function keepSeconds(header) {
	return keepSecondsOf(header, undefined);
}

/**
 * The framework's own word on how long Spolu's cache may keep a page (KEEP_HEADER, never sent out), else
 * what the Cache-Control allows a shared cache. Pages go to browsers and proxies with `no-cache`, so that
 * a story withdrawn is gone from every screen at once, while this cache, emptied at once, keeps them.
 * @param {string | undefined} cacheControl
 * @param {string | undefined} keep
 * @returns {number | null}
 */
export function keepSecondsOf(cacheControl, keep) {
	if (keep !== undefined) {
		const seconds = Number(keep);
		const shared = (cacheControl ?? '').toLowerCase();
		if (/\b(private|no-store)\b/.test(shared) || !/\bpublic\b/.test(shared)) return null;
		return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
	}
	const header = cacheControl;
	if (!header) return null;
	const directives = header
		.toLowerCase()
		.split(',')
		.map((d) => d.trim());
	if (!directives.includes('public')) return null;
	if (directives.some((d) => d === 'private' || d === 'no-store' || d === 'no-cache')) return null;
	const age = (/** @type {string} */ name) => {
		const d = directives.find((x) => x.startsWith(`${name}=`));
		return d === undefined ? undefined : Number(d.slice(name.length + 1));
	};
	const seconds = age('s-maxage') ?? age('max-age') ?? 60;
	return Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

/**
 * @typedef {object} Entry
 * @property {Array<[string, string | string[]]>} headers
 * @property {Buffer} identity
 * @property {Buffer | undefined} gzip
 * @property {Buffer | undefined} br
 * @property {number} storedAt
 * @property {number} expires
 * @property {number} bytes
 * @property {Partial<Record<'identity' | 'gzip' | 'br', string[]>>} raw the headers as sent, per encoding
 */

/**
 * @typedef {object} Ticket a request the cache could not answer, whose answer it may keep
 * @property {string} key
 * @property {number} version
 * @property {boolean} get
 */

/**
 * @typedef {object} PageCacheOptions
 * @property {number} [maxBytes] all kept bytes (every encoding) together; the least recently used go first
 * @property {number} [maxEntryBytes] a larger answer is not kept (it streams as it came)
 * @property {string} [sessionCookie]
 * @property {string} [languageCookie]
 * @property {string[]} [keyHeaders] request headers that change a page (Host, forwarding headers when
 *   the public address comes from them)
 * @property {() => number | undefined} [version] the version of what public pages show; undefined: keep nothing
 * @property {() => number} [now]
 * @property {number} [brotliQuality]
 */

export class PageCache {
	/** @type {Map<string, Entry>} insertion order is recency: a hit moves its entry to the end */
	#entries = new Map();
	#bytes = 0;
	/** @type {number | undefined} */
	#version;
	#maxBytes;
	#maxEntryBytes;
	#sessionCookie;
	#languageCookie;
	#keyHeaders;
	#currentVersion;
	#now;
	#brotliQuality;

	/** @param {PageCacheOptions} [options] */
	constructor(options = {}) {
		this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
		this.#maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
		this.#sessionCookie = options.sessionCookie ?? 'spolu_session';
		this.#languageCookie = options.languageCookie ?? 'PARAGLIDE_LOCALE';
		this.#keyHeaders = (options.keyHeaders ?? []).map((h) => h.toLowerCase());
		this.#currentVersion = options.version ?? publicPagesVersion;
		this.#now = options.now ?? Date.now;
		this.#brotliQuality = options.brotliQuality ?? 9;
	}

	/** Bytes kept now (every encoding of every entry). */
	get bytes() {
		return this.#bytes;
	}

	/** How many answers are kept now. */
	get size() {
		return this.#entries.size;
	}

	/**
	 * The key of a request the cache may answer, or null (a form post, someone signed in, ...).
	 * @param {import('node:http').IncomingMessage} req
	 * @returns {string | null}
	 */
	keyOf(req) {
		if (req.method !== 'GET' && req.method !== 'HEAD') return null;
		const url = req.url ?? '';
		if (!url.startsWith('/') || url.length > 2048 || url.startsWith('/_app/')) return null;
		if (req.headers.authorization !== undefined) return null;
		const cookies = req.headers.cookie;
		if (cookieValue(cookies, this.#sessionCookie) !== undefined) return null;
		const language = cookieValue(cookies, this.#languageCookie) ?? '';
		// a made-up language cookie could fill the cache with copies of one page
		if (language.length > 16) return null;
		const parts = [url, language];
		for (const name of this.#keyHeaders) parts.push(String(req.headers[name] ?? ''));
		return parts.join('\n');
	}

	/** The current version; a change since the entries were kept drops them all. */
	#sync() {
		const version = this.#currentVersion();
		if (version !== this.#version) {
			this.#entries.clear();
			this.#bytes = 0;
			this.#version = version;
		}
		return version;
	}

	/**
	 * Answers `req` from the cache when it can. Returns true when answered; otherwise a ticket to hand to
	 * `record` (the answer may be kept) or null (it may not).
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @returns {true | Ticket | null}
	 */
	serve(req, res) {
		const version = this.#sync();
		if (version === undefined) return null;
		const key = this.keyOf(req);
		if (key === null) return null;
		const entry = this.#entries.get(key);
		const now = this.#now();
		if (entry && entry.expires > now) {
			this.#entries.delete(key);
			this.#entries.set(key, entry);
			send(req, res, entry, now);
			return true;
		}
		if (entry) this.#remove(key, entry);
		return { key, version, get: req.method === 'GET' };
	}

	/**
	 * Watches the answer to a request `serve` could not answer and keeps it when it may. Must be called
	 * right before the framework writes (after any compression middleware wrapped `res`), so that it sees
	 * the bytes as the framework wrote them; every write still goes straight on, so a streaming answer
	 * keeps streaming.
	 * @param {Ticket} ticket
	 * @param {import('node:http').ServerResponse} res
	 */
	record(ticket, res) {
		res.setHeader('x-cache', 'miss');
		if (!ticket.get) return;
		/** @type {Buffer[]} */
		let chunks = [];
		let size = 0;
		let keep = true;
		/** @type {Array<[string, string | string[]]>} */
		let headers = [];
		const write = res.write;
		const end = res.end;
		const writeHead = /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */ (
			res.writeHead
		);
		const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
			if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
			const buffer =
				typeof chunk === 'string'
					? Buffer.from(
							chunk,
							typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8'
						)
					: Buffer.from(/** @type {Uint8Array} */ (chunk));
			size += buffer.length;
			if (size > this.#maxEntryBytes) {
				keep = false;
				chunks = [];
			} else chunks.push(buffer);
		};
		const snapshot = () => {
			if (headers.length) return;
			headers = Object.entries(res.getHeaders())
				.filter(([name, value]) => value !== undefined && !PER_RESPONSE.has(name))
				.map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]);
		};
		/** @type {any} */ (res).writeHead = function (/** @type {any[]} */ ...args) {
			// headers given to writeHead itself (sirv does that) count as well as those set before
			const given = args.find((a, i) => i > 0 && a && typeof a === 'object');
			if (given && !Array.isArray(given)) for (const [k, v] of Object.entries(given)) res.setHeader(k, v);
			snapshot();
			res.removeHeader(KEEP_HEADER);
			return writeHead.call(res, args[0], ...(typeof args[1] === 'string' ? [args[1]] : []));
		};
		/** @type {any} */ (res).write = function (/** @type {any[]} */ ...args) {
			snapshot();
			collect(args[0], args[1]);
			return write.apply(res, /** @type {any} */ (args));
		};
		/** @type {any} */ (res).end = (/** @type {any[]} */ ...args) => {
			snapshot();
			collect(args[0], args[1]);
			const result = end.apply(res, /** @type {any} */ (args));
			if (keep) this.#keep(ticket, res.statusCode, headers, Buffer.concat(chunks));
			return result;
		};
	}

	/**
	 * @param {Ticket} ticket
	 * @param {number} status
	 * @param {Array<[string, string | string[]]>} headers
	 * @param {Buffer} body
	 */
	#keep(ticket, status, headers, body) {
		if (status !== 200) return;
		const header = (/** @type {string} */ name) => {
			const found = headers.find(([n]) => n === name)?.[1];
			return Array.isArray(found) ? found.join(', ') : found;
		};
		if (header('set-cookie') !== undefined) return;
		const seconds = keepSecondsOf(header('cache-control'), header(KEEP_HEADER));
		if (seconds === null) return;
		headers = headers.filter(([n]) => n !== KEEP_HEADER);
		// the framework (or sirv) encoded it already: keep only what the cache encodes itself
		if (headers.some(([n]) => n === 'content-encoding')) return;
		// a change while it rendered: the page may show the old rows; it went out, but is not kept
		if (this.#sync() !== ticket.version) return;
		const now = this.#now();
		/** @type {Entry} */
		const entry = {
			headers,
			identity: body,
			gzip: undefined,
			br: undefined,
			storedAt: now,
			expires: now + seconds * 1000,
			bytes: body.length,
			raw: {}
		};
		this.#add(ticket.key, entry);
		if (body.length < COMPRESS_THRESHOLD || !COMPRESSIBLE.test(header('content-type') ?? '')) return;
		// Compressed once, off the event loop; until they are ready the entry answers with what it has.
		gzip(body, { level: 9 }, (error, bytes) => {
			if (!error) this.#grow(ticket.key, entry, 'gzip', bytes);
		});
		brotliCompress(
			body,
			{
				params: {
					[constants.BROTLI_PARAM_QUALITY]: this.#brotliQuality,
					[constants.BROTLI_PARAM_SIZE_HINT]: body.length,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
				}
			},
			(error, bytes) => {
				if (!error) this.#grow(ticket.key, entry, 'br', bytes);
			}
		);
	}

	/**
	 * @param {string} key
	 * @param {Entry} entry
	 */
	#add(key, entry) {
		const old = this.#entries.get(key);
		if (old) this.#remove(key, old);
		this.#entries.set(key, entry);
		this.#bytes += entry.bytes;
		this.#evict();
	}

	/**
	 * Adds an encoding to an entry that is still kept (it may have been dropped meanwhile).
	 * @param {string} key
	 * @param {Entry} entry
	 * @param {'gzip' | 'br'} encoding
	 * @param {Buffer} bytes
	 */
	#grow(key, entry, encoding, bytes) {
		if (this.#entries.get(key) !== entry) return;
		// an encoding that does not save anything is not worth keeping
		if (bytes.length >= entry.identity.length) return;
		entry[encoding] = bytes;
		entry.bytes += bytes.length;
		this.#bytes += bytes.length;
		this.#evict();
	}

	/**
	 * @param {string} key
	 * @param {Entry} entry
	 */
	#remove(key, entry) {
		this.#entries.delete(key);
		this.#bytes -= entry.bytes;
	}

	#evict() {
		for (const [key, entry] of this.#entries) {
			if (this.#bytes <= this.#maxBytes) break;
			this.#remove(key, entry);
		}
	}
}

/**
 * Sends a kept answer in the encoding the client takes best.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Entry} entry
 * @param {number} now
 */
function send(req, res, entry, now) {
	const encoding = chooseEncoding(req.headers['accept-encoding']);
	const chosen = (encoding !== 'identity' && entry[encoding]) || entry.identity;
	const used = chosen === entry.identity ? 'identity' : encoding;
	// the headers of each encoding are put together once: a hit is one writeHead and one end
	let raw = entry.raw[used];
	if (!raw) {
		raw = [];
		for (const [name, value] of entry.headers) {
			for (const v of Array.isArray(value) ? value : [value]) raw.push(name, v);
		}
		if (used !== 'identity') raw.push('content-encoding', used);
		raw.push('vary', 'accept-encoding, cookie', 'content-length', String(chosen.length), 'x-cache', 'hit');
		entry.raw[used] = raw;
	}
	res.writeHead(200, [...raw, 'age', String(Math.max(0, Math.floor((now - entry.storedAt) / 1000)))]);
	res.end(req.method === 'HEAD' ? undefined : chosen);
}

/**
 * The options of the `compression` middleware in front of the framework: brotli or gzip above 1 kB of a
 * compressible type (its default filter: text, JSON, XML, JS, CSS; not images, PDFs or archives), and
 * every write flushed at once, so that a streamed answer (a CSV export) keeps streaming.
 */
export const compressionOptions = {
	threshold: COMPRESS_THRESHOLD,
	flush: constants.Z_SYNC_FLUSH,
	brotli: { flush: constants.BROTLI_OPERATION_FLUSH }
};

/**
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} Middleware
 */

/**
 * What runs before the framework for every request: the page cache (when there is one), then
 * compression, then `handler` (adapter-node's). A kept answer is encoded already; anything else is
 * rendered, compressed and, when it may, kept: `record` wraps the response after compression did, so it
 * sees the framework's own bytes, and compression still sees every write.
 * @param {Middleware} handler
 * @param {{ cache: PageCache | null, compress: Middleware }} parts
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function inFront(handler, { cache, compress }) {
	return (req, res) => {
		const ticket = cache ? cache.serve(req, res) : null;
		if (ticket === true) return;
		compress(req, res, () => {
			if (ticket && cache) cache.record(ticket, res);
			handler(req, res, () => {
				res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
			});
		});
	};
}
