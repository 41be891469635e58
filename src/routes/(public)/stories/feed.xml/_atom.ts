/** Text made safe for XML character data and attribute values. */
export function escapeXml(text: string): string {
	return (
		text
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&apos;')
			// characters XML 1.0 does not allow at all, even escaped
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
	);
}

export interface AtomEntry {
	/** absolute address of the entry's page, also its id */
	url: string;
	title: string;
	summary: string;
	content: string;
	published: Date;
	category?: { term: string; label: string };
}

export interface AtomFeed {
	/** absolute address of the feed itself */
	self: string;
	/** absolute address of the page the feed mirrors, also the feed's id */
	alternate: string;
	title: string;
	subtitle?: string;
	author: string;
	lang: string;
	entries: AtomEntry[];
	/** when there are no entries */
	updated: Date;
}

/** An Atom 1.0 document (RFC 4287). */
export function buildAtomFeed(feed: AtomFeed): string {
	const e = escapeXml;
	const newest = feed.entries.reduce(
		(latest, entry) => (entry.published > latest ? entry.published : latest),
		feed.entries.length > 0 ? new Date(0) : feed.updated
	);
	const entries = feed.entries.map((entry) =>
		[
			'\t<entry>',
			`\t\t<id>${e(entry.url)}</id>`,
			`\t\t<title type="text">${e(entry.title)}</title>`,
			`\t\t<link rel="alternate" type="text/html" href="${e(entry.url)}"/>`,
			`\t\t<published>${entry.published.toISOString()}</published>`,
			`\t\t<updated>${entry.published.toISOString()}</updated>`,
			...(entry.category
				? [`\t\t<category term="${e(entry.category.term)}" label="${e(entry.category.label)}"/>`]
				: []),
			`\t\t<summary type="text">${e(entry.summary)}</summary>`,
			`\t\t<content type="text">${e(entry.content)}</content>`,
			'\t</entry>'
		].join('\n')
	);
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(feed.lang)}">`,
		`\t<id>${e(feed.alternate)}</id>`,
		`\t<title type="text">${e(feed.title)}</title>`,
		...(feed.subtitle ? [`\t<subtitle type="text">${e(feed.subtitle)}</subtitle>`] : []),
		`\t<link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>`,
		`\t<link rel="alternate" type="text/html" href="${e(feed.alternate)}"/>`,
		`\t<updated>${newest.toISOString()}</updated>`,
		`\t<author><name>${e(feed.author)}</name></author>`,
		...entries,
		'</feed>',
		''
	].join('\n');
}
