import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildAtomFeed, escapeXml } from './_atom';

describe('escapeXml', () => {
	it('escapes the five XML specials, ampersands first', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;'
		);
		expect(escapeXml('&amp;')).toBe('&amp;amp;');
	});

	it('drops control characters XML cannot carry but keeps tabs, newlines and Czech letters', () => {
		expect(escapeXml('a\u0000b\u0007c\td\ne\u001f')).toBe('abc\td\ne');
		expect(escapeXml('Příliš žluťoučký kůň – „úpěl“')).toBe('Příliš žluťoučký kůň – „úpěl“');
	});
});

const feed = (entries: Parameters<typeof buildAtomFeed>[0]['entries']) =>
	buildAtomFeed({
		self: 'https://spolu.example/stories/feed.xml',
		alternate: 'https://spolu.example/stories',
		title: 'Příběhy – Spolu',
		subtitle: 'Co pomoc změnila',
		author: 'Spolu',
		lang: 'cs',
		updated: new Date('2026-01-01T00:00:00Z'),
		entries
	});

describe('buildAtomFeed', () => {
	it('writes well-formed Atom with absolute ids and the newest entry as the update time', () => {
		const xml = feed([
			{
				url: 'https://spolu.example/stories/2',
				title: 'Postel pro <Aničku> & spol.',
				summary: 'Krátce',
				content: 'První odstavec.\n\nDruhý "odstavec".',
				published: new Date('2026-03-02T10:00:00Z'),
				category: { term: 'furniture', label: 'Nábytek' }
			},
			{
				url: 'https://spolu.example/stories/1',
				title: 'Kroužek',
				summary: 'Krátce',
				content: 'Text',
				published: new Date('2026-02-01T10:00:00Z')
			}
		]);
		expect(XMLValidator.validate(xml)).toBe(true);
		const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
		const root = parsed.feed;
		expect(root['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(root.id).toBe('https://spolu.example/stories');
		expect(root.updated).toBe('2026-03-02T10:00:00.000Z');
		expect(root.author.name).toBe('Spolu');
		expect(root.entry).toHaveLength(2);
		expect(root.entry[0].id).toBe('https://spolu.example/stories/2');
		expect(root.entry[0].title['#text']).toBe('Postel pro <Aničku> & spol.');
		expect(root.entry[0].category['@_term']).toBe('furniture');
		expect(root.entry[1].category).toBeUndefined();
		expect(xml).toContain(
			'<link rel="self" type="application/atom+xml" href="https://spolu.example/stories/feed.xml"/>'
		);
	});

	it('gives an empty feed the given update time', () => {
		const xml = feed([]);
		expect(XMLValidator.validate(xml)).toBe(true);
		expect(xml).toContain('<updated>2026-01-01T00:00:00.000Z</updated>');
		expect(xml).not.toContain('<entry>');
	});
});
