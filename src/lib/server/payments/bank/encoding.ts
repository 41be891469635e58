/*
 * The text encodings Czech bank files come in, and telling them apart.
 *
 * Fio's CSV export and camt.053 files are UTF-8 or windows-1250 (what Fio's internet banking writes when
 * asked for "Windows" and what Excel saves). GPC (ABO) files are windows-1250 by every bank's current
 * description (Fio's API documentation, Česká spořitelna's "Struktura formátu ABO"), but files from older
 * banking clients still come in the DOS code pages: IBM 852 (Latin-2) or the Kamenický brothers' code
 * (KEYBCS2, the CP437 page with its letters 0x80–0xAD replaced by Czech and Slovak ones). Node reads
 * windows-1250 and ISO-8859-2 itself (WHATWG encodings); the two DOS pages are tables here: IBM 852 as the
 * Unicode Consortium's CP852 mapping, Kamenický as described by its authors' KEYBCS2 table.
 *
 * Valid UTF-8 is always taken as UTF-8: text in a single-byte encoding with Czech letters is practically
 * never valid UTF-8 (a letter such as "ř" = 0xF8 would have to be followed by continuation bytes).
 */

export type TextEncodingName = 'utf-8' | 'windows-1250' | 'iso-8859-2' | 'ibm852' | 'kamenicky';
type TableEncoding = 'ibm852' | 'kamenicky';
export type SingleByteEncoding = Exclude<TextEncodingName, 'utf-8'>;

// the characters of bytes 0x80–0xFF
const TABLES: Record<TableEncoding, string> = {
	ibm852:
		'ÇüéâäůćçłëŐőîŹÄĆ' +
		'ÉĹĺôöĽľŚśÖÜŤťŁ×č' +
		'áíóúĄąŽžĘę¬źČş«»' +
		'░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐' +
		'└┴┬├─┼Ăă╚╔╩╦╠═╬¤' +
		'đĐĎËďŇÍÎě┘┌█▄ŢŮ▀' +
		'ÓßÔŃńňŠšŔÚŕŰýÝţ´' +
		'\u00ad˝˛ˇ˘§÷¸°¨˙űŘř■\u00a0',
	kamenicky:
		'ČüéďäĎŤčěĚĹÍľĺÄÁ' +
		'ÉžŽôöÓůÚýÖÜŠĽÝŘť' +
		'áíóúňŇŮÔšřŕŔ¼§«»' +
		'░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
		'└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
		'╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
		'αßΓπΣσµτΦΘΩδ∞φε∩' +
		'≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0'
};

/** The characters of bytes 0x80–0xFF in any of the single-byte encodings. */
function upperHalf(encoding: SingleByteEncoding): string {
	if (encoding === 'ibm852' || encoding === 'kamenicky') return TABLES[encoding];
	return new TextDecoder(encoding).decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
}

const halves = new Map<SingleByteEncoding, string>();
const half = (encoding: SingleByteEncoding) => {
	let h = halves.get(encoding);
	if (h === undefined) halves.set(encoding, (h = upperHalf(encoding)));
	return h;
};

/** The bytes as text when they are valid UTF-8, else null. */
export function strictUtf8(bytes: Uint8Array): string | null {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

export function isUtf8(bytes: Uint8Array): boolean {
	return strictUtf8(bytes) !== null;
}

export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
	if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
	if (encoding === 'windows-1250' || encoding === 'iso-8859-2')
		return new TextDecoder(encoding).decode(bytes);
	const table = half(encoding);
	const units = new Uint16Array(bytes.length);
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		units[i] = b < 0x80 ? b : table.charCodeAt(b - 0x80);
	}
	let out = '';
	for (let i = 0; i < units.length; i += 0x8000) {
		out += String.fromCharCode(...units.subarray(i, i + 0x8000));
	}
	return out;
}

/** Text as bytes of a single-byte encoding (for writing fixtures); throws on a character it lacks. */
export function encodeSingleByte(text: string, encoding: SingleByteEncoding): Uint8Array {
	const table = half(encoding);
	const codes = new Map<string, number>();
	for (let i = 0; i < 128; i++) if (!codes.has(table[i]!)) codes.set(table[i]!, 0x80 + i);
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const b = c < 0x80 ? c : codes.get(text[i]!);
		if (b === undefined) throw new Error(`${encoding} has no "${text[i]}"`);
		out[i] = b;
	}
	return out;
}

// Czech and Slovak letters: what a correctly decoded Czech text is full of
const LETTERS = new Set('áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽäĺľôŕÄĹĽÔŔ');
// punctuation a Czech text plausibly has in any of the encodings; neither for nor against
const NEUTRAL = new Set('\u00a0–—„“”‚‘’…€§°×÷«»´¨');

/**
 * How Czech the bytes read in an encoding: +1 for each Czech or Slovak letter, −1 for each character no
 * Czech text has (box drawing, Greek, Polish or Hungarian letters, control characters). Counted from a
 * histogram of the bytes, so trying several encodings costs one pass over the file.
 */
function score(histogram: Uint32Array, encoding: SingleByteEncoding): number {
	const table = half(encoding);
	let s = 0;
	for (let i = 0; i < 128; i++) {
		const n = histogram[0x80 + i]!;
		if (n === 0) continue;
		const c = table[i]!;
		s += LETTERS.has(c) ? n : NEUTRAL.has(c) ? 0 : -n;
	}
	return s;
}

/**
 * The encoding of bytes that are not UTF-8: the candidate under which they read most like Czech; the
 * first candidate when they tie (no letters at all, for instance).
 */
export function likeliestEncoding(bytes: Uint8Array, candidates: SingleByteEncoding[]): SingleByteEncoding {
	const histogram = new Uint32Array(256);
	for (let i = 0; i < bytes.length; i++) histogram[bytes[i]!] = histogram[bytes[i]!]! + 1;
	let best = candidates[0]!;
	let bestScore = -Infinity;
	for (const c of candidates) {
		const s = score(histogram, c);
		if (s > bestScore) {
			best = c;
			bestScore = s;
		}
	}
	return best;
}
