import { describe, expect, it } from 'vitest';
import { decodeBytes, encodeSingleByte, isUtf8, likeliestEncoding } from './encoding';

const PANGRAM = 'Příliš žluťoučký kůň úpěl ďábelské ódy. PŘÍLIŠ ŽLUŤOUČKÝ KŮŇ ÚPĚL ĎÁBELSKÉ ÓDY.';

describe('encodings', () => {
	it('reads IBM 852 as the standard CP852 table', () => {
		// "Příliš žluťoučký kůň" as CP852 (bytes from the Unicode Consortium's CP852 mapping)
		const bytes = Uint8Array.from([
			0x50, 0xfd, 0xa1, 0x6c, 0x69, 0xe7, 0x20, 0xa7, 0x6c, 0x75, 0x9c, 0x6f, 0x75, 0x9f, 0x6b, 0xec, 0x20,
			0x6b, 0x85, 0xe5
		]);
		expect(decodeBytes(bytes, 'ibm852')).toBe('Příliš žluťoučký kůň');
	});

	it('reads Kamenický as the KEYBCS2 table', () => {
		// Č ü é ď ä Ď Ť č ě Ě Ĺ Í ľ ĺ Ä Á É ž … as the Kamenický brothers' table places them from 0x80
		const bytes = Uint8Array.from({ length: 18 }, (_, i) => 0x80 + i);
		expect(decodeBytes(bytes, 'kamenicky')).toBe('ČüéďäĎŤčěĚĹÍľĺÄÁÉž');
		expect(decodeBytes(Uint8Array.from([0xa0, 0xa1, 0xa2, 0xa3, 0xa8, 0xa9, 0x96, 0x98]), 'kamenicky')).toBe(
			'áíóúšřůý'
		);
	});

	it('writes and reads back every Czech letter in each single-byte encoding', () => {
		for (const encoding of ['windows-1250', 'ibm852', 'kamenicky'] as const) {
			const bytes = encodeSingleByte(PANGRAM, encoding);
			expect(bytes).toHaveLength(PANGRAM.length);
			expect(isUtf8(bytes)).toBe(false);
			expect(decodeBytes(bytes, encoding)).toBe(PANGRAM);
		}
		expect(() => encodeSingleByte('€', 'kamenicky')).toThrow('kamenicky has no "€"');
	});

	it('tells the encodings of Czech text apart', () => {
		for (const encoding of ['windows-1250', 'ibm852', 'kamenicky'] as const) {
			const bytes = encodeSingleByte(`Dvořáková Jana, Svobodová Marie. ${PANGRAM}`, encoding);
			expect(likeliestEncoding(bytes, ['windows-1250', 'ibm852', 'kamenicky'])).toBe(encoding);
		}
	});

	it('takes the first candidate when the text has no letters to tell by', () => {
		expect(likeliestEncoding(new TextEncoder().encode('0740000'), ['windows-1250', 'ibm852'])).toBe(
			'windows-1250'
		);
	});

	it('knows valid UTF-8', () => {
		expect(isUtf8(new TextEncoder().encode(PANGRAM))).toBe(true);
		expect(isUtf8(Uint8Array.from([0x50, 0xf8, 0x69]))).toBe(false);
	});
});
