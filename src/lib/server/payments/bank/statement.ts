import { createHash } from 'node:crypto';
import { parseCamt053 } from './camt053';
import { decodeBytes, likeliestEncoding, strictUtf8, type TextEncodingName } from './encoding';
import { parseFioCsv } from './fio-csv';
import { parseGpc } from './gpc';

export { parseCamt053 } from './camt053';
export { parseFioCsv } from './fio-csv';
export { parseGpc } from './gpc';

/*
 * Bank statement files as Czech banks write them: Fio's CSV export (internet banking, both the export of
 * the last years headed "ID pohybu" and the one of 2024 headed "ID operace", and the Fio API's CSV), GPC
 * (ABO), the fixed-width format nearly every Czech bank exports, and ISO 20022 camt.053. A file is read
 * whole or refused whole: a file whose columns, records or amounts cannot be read exactly is refused
 * with the line and the column at fault, never imported with data left out.
 */

/** fio_api: movements the Fio API job downloaded as JSON (fio-api/convert.ts); files are the other three. */
export type StatementFormat = 'fio_csv' | 'fio_api' | 'camt053' | 'gpc';

export type StatementEncoding = TextEncodingName;

export interface StatementLine {
	/** 1-based line number in the file (CSV row line; for XML the line where the <Ntry> / <TxDtls> starts) */
	line: number;
	/** the bank's own id of the movement: Fio "ID operace"/"ID pohybu"; GPC the document number without its
	 *  leading zeros (Fio's GPC writes ID pohybu there, so both files of one movement agree); camt:
	 *  TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef, else NtryRef, else (last resort) null. In a batch
	 *  (several TxDtls) an item without its own AcctSvcrRef gets the entry's reference plus "/<position>"
	 *  so refs stay unique per movement. */
	bankRef: string | null;
	/** YYYY-MM-DD */
	bookedOn: string;
	/** haléře, integer; positive = incoming (credit), negative = outgoing (debit) */
	amount: number;
	/** 'CZK' etc. */
	currency: string;
	/** digits only, leading zeros stripped, null if none/empty/'0' */
	variableSymbol: string | null;
	/** e.g. '2900123456/2010', '19-2000145399/0800' (prefix and number without leading zeros) or an IBAN */
	counterAccount: string | null;
	counterName: string | null;
	/** message for the recipient / remittance info */
	message: string | null;
	/** what the bank says the movement is: Fio's "Typ", camt's BkTxCd, GPC's text of a movement without a
	 *  counter-account. Interest includes the tax withheld from it (its negative part). */
	kind: 'payment' | 'interest' | 'fee';
	/** the movement undoes an earlier one: camt RvslInd / return information, GPC storno codes, Fio's
	 *  "Opravný pohyb" and return types. The amount keeps the direction of the money. */
	reversal: boolean;
	/** the bankRef of the movement this one reverses, when the file says (the same Fio "ID pokynu", the
	 *  same camt end-to-end/transaction id, or the original's reference in the text); null otherwise */
	returnsRef: string | null;
}

export interface Statement {
	format: StatementFormat;
	/** the statement's own account as an IBAN, whenever the file names it completely (an IBAN, or a Czech
	 *  number with its bank code that passes the ČNB check); null when it does not (GPC names the account
	 *  without its bank) */
	accountIban: string | null;
	/** the account as the file wrote it, for messages ("2900123456/2010", an IBAN, GPC's "19-2000145399") */
	accountLabel: string | null;
	lines: StatementLine[];
}

export interface StatementFile {
	format: StatementFormat;
	encoding: StatementEncoding;
	/** camt.053 and GPC files may hold several statements (several accounts, or days); Fio CSV one */
	statements: Statement[];
}

export type StatementErrorCode =
	'unknown_format' | 'empty' | 'bad_header' | 'bad_line' | 'bad_xml' | 'too_large';

export class StatementError extends Error {
	// message is machine-stable English; the UI translates by `code`
	constructor(
		public code: StatementErrorCode,
		public line: number | null,
		public detail: string
	) {
		super(line === null ? `${code}: ${detail}` : `${code} at line ${line}: ${detail}`);
		this.name = 'StatementError';
	}
}

/*
 * A year of a busy account is tens of thousands of movements, and the importer is built for 100,000 lines:
 * Fio's CSV writes 150–300 bytes a movement (19 quoted columns), GPC 130, so 40 MB holds 100,000 lines of
 * either with room to spare, while still refusing before parsing anything that is no statement at all.
 * (camt.053 needs 1–2 kB a movement: a file of that size holds some 25,000.)
 */
export const MAX_STATEMENT_BYTES = 40 * 1024 * 1024;

/**
 * Detects encoding and format from the content (not the file name) and parses every statement in the
 * file; throws StatementError.
 */
export function parseStatementFile(content: Uint8Array | string): StatementFile {
	const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
	if (size > MAX_STATEMENT_BYTES) {
		throw new StatementError(
			'too_large',
			null,
			`file has ${size} bytes, the limit is ${MAX_STATEMENT_BYTES}`
		);
	}
	const { text, encoding } = decode(content);
	// the first character that is not white space (found without copying a file of 40 MB)
	const first = text.search(/\S/);
	if (first === -1) throw new StatementError('empty', null, 'file is empty');

	if (text[first] === '<') {
		const statements = parseCamt053(text);
		if (statements.length === 0) throw new StatementError('empty', null, 'the file holds no <Stmt>');
		return { format: 'camt053', encoding, statements };
	}
	if (looksLikeGpc(text)) return { format: 'gpc', encoding, statements: parseGpc(text) };
	if (looksLikeFioCsv(text)) return { format: 'fio_csv', encoding, statements: [parseFioCsv(text)] };
	throw new StatementError(
		'unknown_format',
		null,
		'neither a Fio CSV, a GPC (ABO) file nor a camt.053 XML statement'
	);
}

/**
 * The one statement of a file, for callers from before files held several; throws when the file holds
 * more than one. Use parseStatementFile.
 * @deprecated
 */
export function parseStatement(content: Uint8Array | string): Statement {
	const file = parseStatementFile(content);
	if (file.statements.length > 1) {
		throw new StatementError(
			'unknown_format',
			null,
			`the file holds ${file.statements.length} statements (${file.statements
				.map((s) => s.accountLabel ?? '?')
				.join(', ')}); only a file with one statement can be read this way`
		);
	}
	return file.statements[0]!;
}

function decode(content: Uint8Array | string): { text: string; encoding: StatementEncoding } {
	if (typeof content === 'string') return { text: content.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
	if ((content[0] === 0xff && content[1] === 0xfe) || (content[0] === 0xfe && content[1] === 0xff)) {
		throw new StatementError('unknown_format', null, 'the file is in UTF-16; save it as UTF-8');
	}
	if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
		return { text: decodeBytes(content.subarray(3), 'utf-8'), encoding: 'utf-8' };
	}
	const utf8 = strictUtf8(content);
	if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

	const head = decodeBytes(content.subarray(0, 400), 'windows-1250');
	let encoding: StatementEncoding = 'windows-1250';
	if (head.trimStart().startsWith('<')) {
		// an XML file that is not UTF-8 must say what it is; windows-1250 is assumed when it does not
		const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
		if (declared === 'iso-8859-2' || declared === 'iso8859-2' || declared === 'latin2')
			encoding = 'iso-8859-2';
		else if (declared !== undefined && !['windows-1250', 'cp1250', 'x-cp1250'].includes(declared)) {
			throw new StatementError(
				'bad_xml',
				1,
				declared === 'utf-8' || declared === 'utf8'
					? 'the file declares encoding UTF-8 but is not valid UTF-8'
					: `the file declares encoding "${declared}"; statements are read in UTF-8, windows-1250 or ISO-8859-2`
			);
		}
	} else if (looksLikeGpc(head)) {
		encoding = likeliestEncoding(content, ['windows-1250', 'ibm852', 'kamenicky']);
	}
	return { text: decodeBytes(content, encoding), encoding };
}

function looksLikeGpc(text: string): boolean {
	return /^\s*074\d{16}/.test(text);
}

function looksLikeFioCsv(text: string): boolean {
	const cells = (l: string) => l.split(';').map((c) => c.replace(/"/g, '').trim());
	const firstLines = text.split(/\r?\n/, 40).map(cells);
	if (firstLines[0]?.[0] === 'accountId') return true;
	// A bare export (no preamble) still names its columns; a header lacking "ID operace" is detected
	// here so that it is reported as bad_header rather than unknown_format.
	return firstLines.some(
		(c) => c.includes('ID operace') || c.includes('ID pohybu') || (c.includes('Datum') && c.includes('Objem'))
	);
}

/** Stable fallback reference when the bank gives none: sha-256 hex of date|amount|vs|counterAccount|message|occurrence */
export function fallbackRef(line: StatementLine, occurrence: number): string {
	const key = [
		line.bookedOn,
		String(line.amount),
		line.variableSymbol ?? '',
		line.counterAccount ?? '',
		line.message ?? '',
		String(occurrence)
	].join('|');
	return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Digits only with leading zeros stripped; null when nothing is left (none, empty, '0'). */
export function normalizeVs(raw: string | null | undefined): string | null {
	if (raw === null || raw === undefined) return null;
	const compact = raw.replace(/\s+/g, '');
	if (!/^\d{1,10}$/.test(compact)) return null;
	const stripped = compact.replace(/^0+/, '');
	return stripped === '' ? null : stripped;
}

const AMOUNT: Record<',' | '.' | ',.', RegExp> = {
	',': /^([+-]?)(\d{1,13})(?:,(\d{1,20}))?$/,
	'.': /^([+-]?)(\d{1,13})(?:\.(\d{1,20}))?$/,
	',.': /^([+-]?)(\d{1,13})(?:[,.](\d{1,20}))?$/
};

/**
 * A decimal string ("1500", "1500.5", "-250,00", "12.50000") as haléře without floating point, so that
 * "0.29" is exactly 29: a number, 'fraction' when it has a non-zero digit below the haléř ("12.505"),
 * or null when it is not a decimal number at all.
 */
export function readHalere(raw: string, decimalSeparators: ',' | '.' | ',.'): number | 'fraction' | null {
	const m = AMOUNT[decimalSeparators].exec(raw);
	if (!m) return null;
	const decimals = m[3] ?? '';
	// more than two decimals are exact only when the rest are zeros (banks write "1500.000")
	if (/[1-9]/.test(decimals.slice(2))) return 'fraction';
	const whole = Number(m[2]);
	const frac = Number(decimals.slice(0, 2).padEnd(2, '0'));
	const value = whole * 100 + frac;
	return m[1] === '-' && value !== 0 ? -value : value;
}

/** readHalere for callers that only need the amount: null unless the text is an exact amount in haléře. */
export function decimalToHalere(raw: string, decimalSeparators: ',' | '.' | ',.'): number | null {
	const value = readHalere(raw, decimalSeparators);
	return typeof value === 'number' ? value : null;
}

export function nullIfBlank(s: string | null | undefined): string | null {
	if (s === null || s === undefined) return null;
	const t = s.trim();
	return t === '' ? null : t;
}

/** Maps string offsets to 1-based line numbers. */
export function lineLocator(text: string): (offset: number) => number {
	const starts: number[] = [0];
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return (offset) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((starts[mid] as number) <= offset) lo = mid;
			else hi = mid - 1;
		}
		return lo + 1;
	};
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year, month (1–12) and day make a day of the calendar (29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
	if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** Lower case without diacritics and with single spaces: "Název  protiúčtu" → "nazev protiuctu". */
export function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}
