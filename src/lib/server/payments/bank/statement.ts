import { createHash } from 'node:crypto';
import { parseCamt053 } from './camt053';
import { parseFioCsv } from './fio-csv';

export { parseCamt053 } from './camt053';
export { parseFioCsv } from './fio-csv';

export type StatementFormat = 'fio_csv' | 'camt053';

export interface StatementLine {
	/** 1-based line number in the file (CSV row line; for XML the line where the <Ntry> / <TxDtls> starts) */
	line: number;
	/** the bank's own id of the movement: Fio "ID pohybu"; camt: TxDtls/Refs/AcctSvcrRef, else Ntry/AcctSvcrRef,
	 *  else NtryRef, else (last resort) null. In a batch (several TxDtls) an item without its own
	 *  AcctSvcrRef gets the entry's reference plus "/<position>" so refs stay unique per movement. */
	bankRef: string | null;
	/** YYYY-MM-DD */
	bookedOn: string;
	/** haléře, integer; positive = incoming (credit), negative = outgoing (debit) */
	amount: number;
	/** 'CZK' etc. */
	currency: string;
	/** digits only, leading zeros stripped, null if none/empty/'0' */
	variableSymbol: string | null;
	/** e.g. '2900123456/2010' or an IBAN */
	counterAccount: string | null;
	counterName: string | null;
	/** message for the recipient / remittance info */
	message: string | null;
}

export interface Statement {
	format: StatementFormat;
	/** the statement's own account (IBAN if the file gives it, else 'number/bankcode'), or null */
	accountIban: string | null;
	lines: StatementLine[];
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

export const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

/** Detects the format from the content (not the file name) and parses; throws StatementError. */
export function parseStatement(content: Uint8Array | string): Statement {
	const size = typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
	if (size > MAX_STATEMENT_BYTES) {
		throw new StatementError(
			'too_large',
			null,
			`file has ${size} bytes, the limit is ${MAX_STATEMENT_BYTES}`
		);
	}
	const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
	const body = text.replace(/^\uFEFF/, '');
	if (body.trim() === '') throw new StatementError('empty', null, 'file is empty');

	if (body.trimStart().startsWith('<')) return parseCamt053(body);
	if (looksLikeFioCsv(body)) return parseFioCsv(body);
	throw new StatementError('unknown_format', null, 'neither a Fio CSV nor a camt.053 XML statement');
}

function looksLikeFioCsv(text: string): boolean {
	const cells = (l: string) => l.split(';').map((c) => c.replace(/"/g, '').trim());
	const firstLines = text.split(/\r?\n/, 40).map(cells);
	if (firstLines[0]?.[0] === 'accountId') return true;
	// A bare export (no preamble) still names its columns; a header lacking "ID pohybu" is detected
	// here so that it is reported as bad_header rather than unknown_format.
	return firstLines.some((c) => c.includes('ID pohybu') || (c.includes('Datum') && c.includes('Objem')));
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

/**
 * Converts a decimal string ("1500", "1500.5", "-250,00") to haléře without floating point, so that
 * "0.29" is exactly 29. Returns null when the text is not an amount with at most 2 decimals.
 */
export function decimalToHalere(raw: string, decimalSeparators: ',' | '.' | ',.'): number | null {
	const sep = decimalSeparators === ',.' ? '[,.]' : decimalSeparators === ',' ? ',' : '\\.';
	const m = new RegExp(`^([+-]?)(\\d{1,13})(?:${sep}(\\d{1,2}))?$`).exec(raw);
	if (!m) return null;
	const whole = Number(m[2]);
	const frac = Number((m[3] ?? '').padEnd(2, '0'));
	const value = whole * 100 + frac;
	return m[1] === '-' && value !== 0 ? -value : value;
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
