import compression from 'compression';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
	chooseEncoding,
	compressionOptions,
	cookieValue,
	inFront,
	keepSeconds,
	KEEP_HEADER,
	PageCache,
	type PageCacheOptions
} from './page-cache.js';

/*
 * The cache in front of a stand-in for adapter-node's handler that answers the way SvelteKit's
 * setResponse does (setHeader for each header, writeHead(status), one write per body chunk, end), behind
 * the same compression middleware scripts/serve.js uses, on a real node:http server.
 */

interface Answer {
	status?: number;
	headers?: Record<string, string | string[] | undefined>;
	chunks?: string[];
	/** ms between chunks */
	pause?: number;
}

const page = (title: string) =>
	`<!doctype html><html><body><h1>${title}</h1>${'<p>Příběh pomoci.</p>'.repeat(200)}</body></html>`;
const publicHtml = {
	'content-type': 'text/html; charset=utf-8',
	'cache-control': 'public, max-age=60',
	vary: 'cookie'
};

const servers: http.Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(answer: (req: http.IncomingMessage) => Answer, options: PageCacheOptions = {}) {
	const state = { version: 1 as number | undefined, renders: 0 };
	const cache = new PageCache({ version: () => state.version, ...options });
	const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
		state.renders++;
		const a = answer(req);
		for (const [k, v] of Object.entries(a.headers ?? {})) if (v !== undefined) res.setHeader(k, v);
		res.writeHead(a.status ?? 200);
		const chunks = [...(a.chunks ?? [])];
		const next = () => {
			const chunk = chunks.shift();
			if (chunk === undefined) return res.end();
			res.write(chunk);
			if (a.pause) setTimeout(next, a.pause);
			else next();
		};
		next();
	};
	const compress = compression(compressionOptions) as unknown as Parameters<typeof inFront>[1]['compress'];
	const server = http.createServer(inFront(handler, { cache, compress }));
	servers.push(server);
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as AddressInfo).port;
	const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
		new Promise<{
			status: number;
			headers: http.IncomingHttpHeaders;
			body: Buffer;
			firstChunkAt: number;
			endAt: number;
		}>((resolve, reject) => {
			const began = Date.now();
			const req = http.request({ port, host: '127.0.0.1', path, method, headers }, (res) => {
				const chunks: Buffer[] = [];
				let firstChunkAt = -1;
				res.on('data', (c: Buffer) => {
					if (firstChunkAt < 0) firstChunkAt = Date.now() - began;
					chunks.push(c);
				});
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks),
						firstChunkAt,
						endAt: Date.now() - began
					})
				);
			});
			req.on('error', reject);
			req.end();
		});
	return { state, cache, get };
}

/** Compressed copies are made off the event loop: wait until the cache holds them. */
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the public page cache', () => {
	it('answers an anonymous visitor the second time without the framework, with the same bytes', async () => {
		const { state, get } = await start(() => ({ headers: publicHtml, chunks: [page('Příběhy')] }));
		const first = await get('/stories');
		const second = await get('/stories');
		expect(state.renders).toBe(1);
		expect(first.headers['x-cache']).toBe('miss');
		expect(second.headers['x-cache']).toBe('hit');
		expect(second.body.toString()).toBe(page('Příběhy'));
		expect(second.body.equals(first.body)).toBe(true);
		expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(second.headers['cache-control']).toBe('public, max-age=60');
		expect(second.headers['vary']).toBe('accept-encoding, cookie');
		expect(Number(second.headers['content-length'])).toBe(second.body.length);
	});

	it('keeps a page the framework sent browsers as no-cache for as long as it said, and never sends that word', async () => {
		const headers = { ...publicHtml, 'cache-control': 'public, no-cache', [KEEP_HEADER]: '300' };
		const { state, get } = await start(() => ({ headers, chunks: [page('Transparentnost')] }));
		const first = await get('/transparency');
		const second = await get('/transparency');
		expect(state.renders).toBe(1);
		expect(second.headers['x-cache']).toBe('hit');
		expect(second.headers['cache-control']).toBe('public, no-cache');
		expect(first.headers[KEEP_HEADER]).toBeUndefined();
		expect(second.headers[KEEP_HEADER]).toBeUndefined();
	});

	it('keeps nothing marked private or no-store even when the framework named a time', async () => {
		for (const cacheControl of ['private, no-cache', 'no-store', 'public, no-store']) {
			const headers = { ...publicHtml, 'cache-control': cacheControl, [KEEP_HEADER]: '300' };
			const { state, get } = await start(() => ({ headers, chunks: [page('Soukromé')] }));
			await get('/x');
			await get('/x');
			expect(state.renders, cacheControl).toBe(2);
		}
	});

	it('sends brotli or gzip by Accept-Encoding, each decoding to the page', async () => {
		const { get } = await start(() => ({ headers: publicHtml, chunks: [page('Dopad')] }));
		await get('/impact');
		await settle();
		const br = await get('/impact', { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).toString()).toBe(page('Dopad'));
		expect(br.body.length).toBeLessThan(page('Dopad').length / 4);
		const gz = await get('/impact', { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(page('Dopad'));
		const refused = await get('/impact', { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.body.toString()).toBe(page('Dopad'));
	});

	it('answers HEAD from the cache with the length and no body', async () => {
		const { state, get } = await start(() => ({ headers: publicHtml, chunks: [page('Jak to funguje')] }));
		await get('/how-it-works');
		const head = await get('/how-it-works', {}, 'HEAD');
		expect(state.renders).toBe(1);
		expect(head.headers['x-cache']).toBe('hit');
		expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(page('Jak to funguje')));
		expect(head.body.length).toBe(0);
	});

	it('never answers someone carrying a session cookie, whatever the page says', async () => {
		const { state, get } = await start(() => ({ headers: publicHtml, chunks: [page('Domů')] }));
		await get('/', { cookie: 'spolu_session=abc' });
		const again = await get('/', { cookie: 'PARAGLIDE_LOCALE=cs; spolu_session=abc' });
		expect(again.headers['x-cache']).toBeUndefined();
		// the anonymous visitor's first request is rendered too: nothing of the signed-in one was kept
		await get('/');
		expect(state.renders).toBe(3);
	});

	it('keeps each language apart', async () => {
		const { state, get } = await start((req) => ({
			headers: publicHtml,
			chunks: [page(req.headers.cookie?.includes('PARAGLIDE_LOCALE=en') ? 'Stories' : 'Příběhy')]
		}));
		await get('/stories');
		await get('/stories', { cookie: 'PARAGLIDE_LOCALE=en' });
		const cs = await get('/stories');
		const en = await get('/stories', { cookie: 'PARAGLIDE_LOCALE=en' });
		expect(state.renders).toBe(2);
		expect(cs.body.toString()).toContain('Příběhy');
		expect(en.body.toString()).toContain('Stories');
		// the query is part of the address
		await get('/stories?page=2');
		expect(state.renders).toBe(3);
	});

	it.each([
		['a cookie set', { ...publicHtml, 'set-cookie': 'x=1' }, 200],
		['private', { ...publicHtml, 'cache-control': 'private, no-store' }, 200],
		['no cache-control', { 'content-type': 'text/html' }, 200],
		['not found', publicHtml, 404],
		['a redirect', { ...publicHtml, location: '/login' }, 303]
	])('does not keep an answer with %s', async (_, headers, status) => {
		const { state, get } = await start(() => ({ status, headers, chunks: [page('x')] }));
		await get('/give');
		const second = await get('/give');
		expect(state.renders).toBe(2);
		expect(second.headers['x-cache']).toBe('miss');
	});

	it('drops everything when the version changes, and keeps nothing rendered across a change', async () => {
		let title = 'Sbírka 1 000 Kč';
		let during: (() => void) | undefined;
		const { state, get } = await start(() => {
			during?.();
			return { headers: publicHtml, chunks: [page(title)] };
		});
		await get('/collections/7');
		title = 'Sbírka 2 500 Kč';
		state.version = 2; // a gift arrived: the database notified
		expect((await get('/collections/7')).body.toString()).toContain('2 500');
		// a change while this one renders: it goes out, but is not kept
		during = () => {
			state.version = 3;
			during = undefined;
		};
		await get('/collections/8');
		expect((await get('/collections/8')).headers['x-cache']).toBe('miss');
		expect(state.renders).toBe(4);
	});

	it('keeps nothing while no runtime listens for changes', async () => {
		const { state, get } = await start(() => ({ headers: publicHtml, chunks: [page('Domů')] }));
		state.version = undefined;
		await get('/');
		await get('/');
		expect(state.renders).toBe(2);
	});

	it('drops an answer after its max-age', async () => {
		let now = 1_000_000;
		const { state, get } = await start(() => ({ headers: publicHtml, chunks: [page('Domů')] }), {
			now: () => now
		});
		await get('/');
		now += 59_000;
		expect((await get('/')).headers['age']).toBe('59');
		now += 2_000;
		await get('/');
		expect(state.renders).toBe(2);
	});

	it('stays within its size, dropping the least recently used first', async () => {
		const body = page('x'); // about 4 kB
		const { cache, get } = await start(() => ({ headers: publicHtml, chunks: [body] }), {
			maxBytes: 3 * Buffer.byteLength(body)
		});
		for (const n of [1, 2, 3, 4, 5]) await get(`/stories/${n}`);
		await settle();
		expect(cache.bytes).toBeLessThanOrEqual(3 * Buffer.byteLength(body));
		expect((await get('/stories/5')).headers['x-cache']).toBe('hit');
		expect((await get('/stories/1')).headers['x-cache']).toBe('miss');
	});

	it('lets a streamed answer stream, compressed', async () => {
		const { get } = await start(() => ({
			headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'private, no-store' },
			chunks: Array.from({ length: 5 }, (_, i) => `${i};${'x'.repeat(2000)}\n`),
			pause: 150
		}));
		const csv = await get('/coordinator/money/reports/ledger.csv', { 'accept-encoding': 'gzip' });
		expect(csv.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(csv.body).toString().split('\n')).toHaveLength(6);
		// the first rows arrived long before the last were written
		expect(csv.firstChunkAt).toBeLessThan(300);
		expect(csv.endAt).toBeGreaterThanOrEqual(600);
	});

	it('compresses other answers but not images or tiny bodies', async () => {
		const { get } = await start((req) =>
			req.url === '/photo'
				? { headers: { 'content-type': 'image/jpeg' }, chunks: ['\xff\xd8'.repeat(2000)] }
				: req.url === '/tiny'
					? {
							headers: { 'content-type': 'application/json', 'content-length': '11' },
							chunks: ['{"ok":true}']
						}
					: { headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify({ rows: page('j') })] }
		);
		const ae = { 'accept-encoding': 'br, gzip' };
		expect((await get('/api/x', ae)).headers['content-encoding']).toBe('br');
		expect((await get('/photo', ae)).headers['content-encoding']).toBeUndefined();
		expect((await get('/tiny', ae)).headers['content-encoding']).toBeUndefined();
	});
});

describe('the cache’s header rules', () => {
	it('picks the encoding the client takes best', () => {
		expect(chooseEncoding(undefined)).toBe('identity');
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding('identity')).toBe('identity');
	});

	it('reads one cookie', () => {
		expect(cookieValue('a=1; spolu_session=xyz; b=2', 'spolu_session')).toBe('xyz');
		expect(cookieValue('xspolu_session=1', 'spolu_session')).toBeUndefined();
		expect(cookieValue('spolu_session=', 'spolu_session')).toBe('');
	});

	it('keeps only what a shared cache may keep, for its max-age', () => {
		expect(keepSeconds('public, max-age=300')).toBe(300);
		expect(keepSeconds('public, max-age=60, s-maxage=10')).toBe(10);
		expect(keepSeconds('public,max-age=31536000,immutable')).toBe(31536000);
		expect(keepSeconds('private, max-age=60')).toBeNull();
		expect(keepSeconds('public, no-store')).toBeNull();
		expect(keepSeconds('public, max-age=0')).toBeNull();
		expect(keepSeconds(undefined)).toBeNull();
	});
});
