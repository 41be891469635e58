import { parse } from 'csv-parse/sync';
import {
	StatementError,
	decimalToHalere,
	normalizeVs,
	nullIfBlank,
	type Statement,
	type StatementLine
} from './statement';

const COL = {
	id: 'ID pohybu',
	date: 'Datum',
	amount: 'Objem',
	currency: 'Měna',
	account: 'Protiúčet',
	accountName: 'Název protiúčtu',
	bankCode: 'Kód banky',
	vs: 'VS',
	message: 'Zpráva pro příjemce'
} as const;
const REQUIRED = [COL.id, COL.date, COL.amount];
const KNOWN = new Set<string>([
	...Object.values(COL),
	'Název banky',
	'KS',
	'SS',
	'Uživatelská identifikace',
	'Typ',
	'Provedl',
	'Upřesnění',
	'Komentář',
	'BIC',
	'ID pokynu'
]);

interface CsvRecord {
	record: string[];
	info: { bytes: number; lines: number };
}

/** Parses a Fio internetbanking / API CSV export (with or without the key;value preamble). */
export function parseFioCsv(text: string): Statement {
	const body = text.replace(/^\uFEFF/, '');
	const buf = Buffer.from(body, 'utf8');
	let records: CsvRecord[];
	try {
		// csv-parse's sync typings do not model `info: true`, which wraps each record with its position.
		records = parse(buf, {
			delimiter: ';',
			relax_column_count: true,
			skip_empty_lines: true,
			info: true
		}) as unknown as CsvRecord[];
	} catch (e) {
		const line = (e as { lines?: unknown }).lines;
		throw new StatementError(
			'bad_line',
			typeof line === 'number' ? line : null,
			`not valid CSV: ${(e as Error).message}`
		);
	}
	if (records.length === 0) throw new StatementError('empty', null, 'file is empty');

	// csv-parse reports where a record ends (in bytes); the next record starts after the blank lines
	// that follow, which also gives correct numbers for messages spanning several lines.
	const newlines: number[] = [];
	for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) newlines.push(i);
	const lineAtByte = (offset: number) => {
		let lo = 0;
		let hi = newlines.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((newlines[mid] as number) < offset) lo = mid + 1;
			else hi = mid;
		}
		return lo + 1;
	};
	let prevEnd = 0;
	const rows = records.map(({ record, info }) => {
		let start = prevEnd;
		while (buf[start] === 10 || buf[start] === 13) start++;
		prevEnd = info.bytes;
		return { cells: record.map((c) => c.trim()), line: lineAtByte(start) };
	});

	const headerIndex = rows.findIndex(
		(r) => r.cells.filter((c) => KNOWN.has(c)).length >= 2 || r.cells.includes(COL.id)
	);
	if (headerIndex === -1) throw new StatementError('bad_header', null, 'no column header row');
	const header = rows[headerIndex]!;
	const missing = REQUIRED.filter((name) => !header.cells.includes(name));
	if (missing.length > 0) {
		throw new StatementError(
			'bad_header',
			header.line,
			`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
		);
	}

	const preamble = new Map<string, string>();
	for (const r of rows.slice(0, headerIndex)) {
		if (r.cells[0]) preamble.set(r.cells[0], r.cells[1] ?? '');
	}
	const accountId = nullIfBlank(preamble.get('accountId'));
	const bankId = nullIfBlank(preamble.get('bankId'));
	const accountIban =
		nullIfBlank(preamble.get('iban')) ?? (accountId ? (bankId ? `${accountId}/${bankId}` : accountId) : null);
	const defaultCurrency = nullIfBlank(preamble.get('currency')) ?? 'CZK';

	const index = new Map(header.cells.map((name, i) => [name, i] as const));
	const width = header.cells.length;
	const lines: StatementLine[] = [];
	for (const row of rows.slice(headerIndex + 1)) {
		if (row.cells.every((c) => c === '')) continue;
		if (row.cells.length !== width) {
			throw new StatementError('bad_line', row.line, `expected ${width} columns, found ${row.cells.length}`);
		}
		const get = (name: string): string => {
			const i = index.get(name);
			return i === undefined ? '' : (row.cells[i] ?? '');
		};
		lines.push(toLine(row.line, get, defaultCurrency));
	}
	return { format: 'fio_csv', accountIban, lines };
}

function toLine(line: number, get: (name: string) => string, defaultCurrency: string): StatementLine {
	const dateRaw = get(COL.date);
	const bookedOn = czechDate(dateRaw);
	if (!bookedOn) {
		throw new StatementError('bad_line', line, `column ${COL.date}: "${dateRaw}" is not a date`);
	}
	const amountRaw = get(COL.amount);
	const amount = decimalToHalere(amountRaw.replace(/[\s\u00a0\u202f]/g, ''), ',.');
	if (amount === null) {
		throw new StatementError('bad_line', line, `column ${COL.amount}: "${amountRaw}" is not an amount`);
	}
	const account = nullIfBlank(get(COL.account));
	const bankCode = nullIfBlank(get(COL.bankCode));
	return {
		line,
		bankRef: nullIfBlank(get(COL.id)),
		bookedOn,
		amount,
		currency: nullIfBlank(get(COL.currency)) ?? defaultCurrency,
		variableSymbol: normalizeVs(get(COL.vs)),
		counterAccount:
			account === null ? null : bankCode && !account.includes('/') ? `${account}/${bankCode}` : account,
		counterName: nullIfBlank(get(COL.accountName)),
		message: nullIfBlank(get(COL.message))
	};
}

/** dd.mm.yyyy (Fio also writes d.m.yyyy) → YYYY-MM-DD, or null for anything that is not a real date. */
function czechDate(raw: string): string | null {
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw.trim());
	if (!m) return null;
	const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const check = new Date(Date.UTC(y, mo - 1, d));
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
		return null;
	}
	return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
