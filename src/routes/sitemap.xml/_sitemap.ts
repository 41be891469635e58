import { escapeXml } from '../(public)/stories/feed.xml/_atom';

/** The pages anyone may read, in the sitemap and allowed in robots.txt. */
export const publicPaths = [
	'/',
	'/how-it-works',
	'/privacy',
	'/collections',
	'/give',
	'/stories',
	'/impact',
	'/transparency',
	'/help'
] as const;

export interface SitemapEntry {
	path: string;
	lastmod?: Date;
}

/** A sitemaps.org 0.9 document of the pages at `origin`. */
export function buildSitemap(origin: string, entries: readonly SitemapEntry[]): string {
	const urls = entries.map((entry) =>
		[
			'\t<url>',
			`\t\t<loc>${escapeXml(origin + entry.path)}</loc>`,
			...(entry.lastmod ? [`\t\t<lastmod>${entry.lastmod.toISOString()}</lastmod>`] : []),
			'\t</url>'
		].join('\n')
	);
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...urls,
		'</urlset>',
		''
	].join('\n');
}
