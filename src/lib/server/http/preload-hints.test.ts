import { describe, expect, it } from 'vitest';
import { addPreloadTags, modulepreloads } from './preload-hints';

// The Link header as SvelteKit 2.70 sends it for a server-rendered page (copied from a built need page).
const link =
	'<../_app/immutable/assets/0.CtnTpKmF.css>; rel="preload"; as="style"; nopush, ' +
	'<../_app/immutable/entry/start.x0vTSM3M.js>; rel="modulepreload"; nopush, ' +
	'<../_app/immutable/chunks/0kH7Kcns.js>; rel="modulepreload"; nopush';
const html =
	'<!doctype html><html><head><meta charset="utf-8"><link href="x.css" rel="stylesheet">\n</head><body>…</body></html>';

describe('preload hints in the page', () => {
	it('reads the scripts the Link header names, not the stylesheet', () => {
		expect(modulepreloads(link)).toEqual([
			'../_app/immutable/entry/start.x0vTSM3M.js',
			'../_app/immutable/chunks/0kH7Kcns.js'
		]);
		expect(modulepreloads(null)).toEqual([]);
	});

	it('names every script in the head of a rendered page, keeping status and headers', async () => {
		const response = await addPreloadTags(
			new Response(html, { status: 200, headers: { 'content-type': 'text/html', link, 'x-a': '1' } })
		);
		const text = await response.text();
		const head = text.slice(0, text.indexOf('</head>'));
		expect(head).toContain('<link rel="modulepreload" href="../_app/immutable/entry/start.x0vTSM3M.js">');
		expect(head).toContain('<link rel="modulepreload" href="../_app/immutable/chunks/0kH7Kcns.js">');
		expect(text).toContain('<body>…</body>');
		expect(response.headers.get('x-a')).toBe('1');
		expect(response.headers.get('link')).toBe(link);
	});

	it('leaves pages without scripts and other answers alone', async () => {
		const plain = new Response(html, { headers: { 'content-type': 'text/html' } });
		expect(await addPreloadTags(plain)).toBe(plain);
		const json = new Response('{}', { headers: { 'content-type': 'application/json', link } });
		expect(await addPreloadTags(json)).toBe(json);
	});
});
