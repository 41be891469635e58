import { describe, expect, it } from 'vitest';
import type { PublicStory } from '$lib/server/stories/public';
import { audienceOf, excerpt, paragraphs, parseCategory, parseNumber, parsePage, toCard } from './_stories';

describe('audienceOf', () => {
	it('lets anyone holding a role read the stories meant for donors, and nobody else', () => {
		expect(audienceOf(null)).toBe('public');
		expect(audienceOf({ roles: [] })).toBe('public');
		expect(audienceOf({ roles: ['donor'] })).toBe('donors');
		expect(audienceOf({ roles: ['social_worker', 'member'] })).toBe('donors');
	});
});

describe('excerpt', () => {
	it('keeps a short text whole, with its white space folded', () => {
		expect(excerpt('  Krátký\n\ntext. ')).toBe('Krátký text.');
	});

	it('cuts a long text at a word and marks the cut', () => {
		const text = 'slovo '.repeat(60);
		const result = excerpt(text, 200);
		expect(result.length).toBeLessThanOrEqual(201);
		expect(result.endsWith('slovo…')).toBe(true);
	});

	it('drops trailing punctuation before the ellipsis', () => {
		expect(excerpt('Jedna dvě, tři čtyři', 11)).toBe('Jedna dvě…');
	});

	it('cuts a single overlong word where it is', () => {
		expect(excerpt('a'.repeat(300), 200)).toBe('a'.repeat(200) + '…');
	});
});

describe('parsePage', () => {
	it('accepts positive whole numbers and treats anything else as the first page', () => {
		expect(parsePage('3')).toBe(3);
		for (const bad of [null, '', '0', '-1', '1.5', 'abc', '01', '9999999']) expect(parsePage(bad)).toBe(1);
	});
});

describe('parseCategory', () => {
	it('keeps a known category and ignores anything else', () => {
		expect(parseCategory('housing')).toBe('housing');
		expect(parseCategory('Housing')).toBeNull();
		expect(parseCategory('toString')).toBeNull();
		expect(parseCategory(null)).toBeNull();
	});
});

describe('parseNumber', () => {
	it('accepts a story number and nothing else', () => {
		expect(parseNumber('42')).toBe(42);
		for (const bad of ['0', '042', '-1', '1e3', 'abc', '', '99999999999'])
			expect(parseNumber(bad)).toBeNull();
	});
});

describe('paragraphs', () => {
	it('splits on blank lines, also with Windows line ends and spaces, and keeps single line breaks', () => {
		expect(paragraphs('První\nřádek\r\n\r\nDruhý\n   \nTřetí\n\n\n')).toEqual([
			'První\nřádek',
			'Druhý',
			'Třetí'
		]);
	});
});

describe('toCard', () => {
	it('sends the card an excerpt instead of the whole story', () => {
		const story: PublicStory = {
			number: 7,
			title: 'Pračka',
			body: 'x '.repeat(500),
			category: 'appliances',
			region: 'CZ064',
			amount: 1234500,
			hasPhoto: false,
			photoAlt: null,
			publishedAt: new Date('2026-01-01T00:00:00Z')
		};
		const card = toCard(story);
		expect(card).not.toHaveProperty('body');
		expect(card.excerpt.length).toBeLessThanOrEqual(201);
		expect(card).toMatchObject({ number: 7, amount: 1234500, category: 'appliances', region: 'CZ064' });
	});
});
