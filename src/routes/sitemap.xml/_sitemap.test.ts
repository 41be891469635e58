import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildSitemap, publicPaths } from './_sitemap';

describe('buildSitemap', () => {
	it('lists absolute addresses, with the date of a story where there is one', () => {
		const xml = buildSitemap('https://spolu.example', [
			...publicPaths.map((path) => ({ path })),
			{ path: '/stories/3', lastmod: new Date('2026-02-03T04:05:06Z') }
		]);
		expect(XMLValidator.validate(xml)).toBe(true);
		const urls = new XMLParser().parse(xml).urlset.url as { loc: string; lastmod?: string }[];
		expect(urls.map((u) => u.loc)).toContain('https://spolu.example/');
		expect(urls.map((u) => u.loc)).toContain('https://spolu.example/help');
		expect(urls.at(-1)).toEqual({
			loc: 'https://spolu.example/stories/3',
			lastmod: '2026-02-03T04:05:06.000Z'
		});
		expect(urls).toHaveLength(publicPaths.length + 1);
	});

	it('escapes what an address may contain', () => {
		expect(buildSitemap('https://spolu.example', [{ path: '/a?b=1&c=2' }])).toContain(
			'<loc>https://spolu.example/a?b=1&amp;c=2</loc>'
		);
	});
});
