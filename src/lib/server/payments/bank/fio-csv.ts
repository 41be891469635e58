import { accountToIban, formatCzechAccount, parseCzechAccount } from '$lib/core/bank-account';
import {
	StatementError,
	fold,
	isRealDate,
	normalizeVs,
	nullIfBlank,
	readHalere,
	type Statement,
	type StatementLine
} from './statement';

/*
 * Fio banka's CSV: the export of the internet banking (Přehled pohybů → CSV) and the Fio API's
 * transactions.csv. Followed: Fio's "API Bankovnictví" (version 2023+, section 5.3.1.4 CSV and the
 * column list of 5.3.1.1) and exports as the internet banking writes them:
 *
 *   "accountId";"2900123419"        ← a block of key;value lines (the API's and the older export's
 *   "bankId";"2010"                    English keys; balances written "18 204,70"), then a blank line
 *   "openingBalance";"18 204,70"
 *   …
 *   "ID operace";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"Název banky";"KS";
 *   "VS";"SS";"Poznámka";"Zpráva pro příjemce";"Typ";"Provedl";"Upřesnění";"Poznámka";"BIC";"ID pokynu"
 *
 * The export of 2024 heads the movement's id "ID operace" (before: "ID pohybu", which the API keeps),
 * quotes every field and calls two columns "Poznámka": the first stands where the API has "Uživatelská
 * identifikace", the second where it has "Komentář" (the account owner's own comment). A user may also
 * export only some columns, in any order; columns are found by name. Fields are separated by ";", may be
 * quoted ("" inside quotes is a quote) and a quoted field may span lines.
 *
 * What is read: ID, Datum, Objem, Měna, Protiúčet + Kód banky, Název protiúčtu (else Uživatelská
 * identifikace, where Fio puts the payer's name when the bank of the payer sent none), VS, Zpráva pro
 * příjemce (for a movement without a counter-account, a card payment or cash, else Uživatelská
 * identifikace, which then describes it), Typ (what the movement is) and ID pokynu (a correction shares
 * it with what it corrects). Never the second "Poznámka": the account owner's own comment is not the
 * payer's message.
 * A header the parser cannot read fully is refused, naming the columns: a column that looks like one of
 * these written in another encoding ("ProtiĂşÄŤet"), a column read twice, or an unknown column while a
 * column we read is missing (it may be that column under another name) — importing such a file would
 * silently lose the payer's account, name or message.
 */

type Key =
	| 'id'
	| 'date'
	| 'amount'
	| 'currency'
	| 'account'
	| 'accountName'
	| 'bankCode'
	| 'bankName'
	| 'ks'
	| 'vs'
	| 'ss'
	| 'userId'
	| 'note'
	| 'message'
	| 'type'
	| 'by'
	| 'detail'
	| 'comment'
	| 'bic'
	| 'orderId'
	| 'payerRef';

const COLUMNS: [Key, string][] = [
	['id', 'ID operace'],
	['id', 'ID pohybu'],
	['date', 'Datum'],
	['amount', 'Objem'],
	['currency', 'Měna'],
	['account', 'Protiúčet'],
	['accountName', 'Název protiúčtu'],
	['bankCode', 'Kód banky'],
	['bankName', 'Název banky'],
	['ks', 'KS'],
	['vs', 'VS'],
	['ss', 'SS'],
	['userId', 'Uživatelská identifikace'],
	['note', 'Poznámka'],
	['message', 'Zpráva pro příjemce'],
	['type', 'Typ'],
	['by', 'Provedl'],
	['detail', 'Upřesnění'],
	['comment', 'Komentář'],
	['bic', 'BIC'],
	['orderId', 'ID pokynu'],
	['payerRef', 'Reference plátce']
];
/** the folded name ("nazev protiuctu") → column; accepts the names with or without diacritics */
const BY_NAME = new Map(COLUMNS.map(([key, name]) => [fold(name), key] as const));
const NAME = new Map<Key, string>(COLUMNS.map(([key, name]) => [key, name] as const).reverse());

/*
 * A name that lost its letters to a wrong encoding keeps its ASCII ones: "ProtiĂşÄŤet", "Proti??et" and
 * "Protiet" all leave "protiet", as "Protiúčet" does.
 */
const skeleton = (s: string) =>
	s
		.replace(/[^\x20-\x7e]|\?/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
const GARBLED = new Map(
	COLUMNS.filter(([, name]) => /[^\x20-\x7e]/.test(name)).map(([, name]) => [skeleton(name), name] as const)
);

const REQUIRED: Key[] = ['id', 'date', 'amount'];
/** columns read besides the required ones */
const READ: Key[] = [
	'currency',
	'account',
	'bankCode',
	'accountName',
	'userId',
	'vs',
	'message',
	'type',
	'orderId'
];
/** the ones whose loss would lose data of a movement (userId and orderId only back others up) */
const IMPORTANT: Key[] = ['currency', 'account', 'bankCode', 'accountName', 'vs', 'message', 'type'];

interface Row {
	cells: string[];
	/** the line the row starts on */
	line: number;
}

type Columns = Partial<Record<Key, number>>;

/** Parses a Fio internet banking / API CSV export (with or without the key;value preamble). */
export function parseFioCsv(text: string): Statement {
	const preamble: Row[] = [];
	let header: Row | null = null;
	let columns: Columns = {};
	let width = 0;
	let named = 0;
	let currency = 'CZK';
	let account: Pick<Statement, 'accountIban' | 'accountLabel'> = { accountIban: null, accountLabel: null };
	const lines: StatementLine[] = [];
	// ID pokynu of each line, for linking corrections; the rows themselves are not kept, so that a file of
	// 100,000 movements does not hold 2 million cells at once
	const orders: (string | null)[] = [];

	forEachRow(text.replace(/^\uFEFF/, ''), (cells, line) => {
		if (header === null) {
			if (!isHeader(cells)) {
				if (preamble.length >= 100) throw new StatementError('bad_header', null, 'no column header row');
				preamble.push({ cells, line });
				return;
			}
			header = { cells, line };
			columns = readHeader(header);
			width = cells.length;
			named = width;
			while (named > 0 && cells[named - 1] === '') named--;
			({ currency, ...account } = readPreamble(preamble));
			return;
		}
		const n = cells.length;
		// rows may carry (or drop) the empty cells after the last named column, as the API's trailing ";"
		if (n !== width && (n < named || cells.slice(width).some((c) => c !== ''))) {
			throw new StatementError('bad_line', line, `expected ${width} columns, found ${n}`);
		}
		lines.push(toLine(cells, line, columns, currency));
		orders.push(columns.orderId === undefined ? null : nullIfBlank(cells[columns.orderId]));
	});
	if (header === null) {
		if (preamble.length === 0) throw new StatementError('empty', null, 'file is empty');
		throw new StatementError('bad_header', null, 'no column header row');
	}
	linkCorrections(lines, orders);
	return { format: 'fio_csv', ...account, lines };
}

function isHeader(cells: string[]): boolean {
	const keys = new Set(cells.map((c) => BY_NAME.get(fold(c))));
	return keys.has('id') || (keys.has('date') && keys.has('amount'));
}

function readHeader(header: Row): Columns {
	const positions = new Map<Key, number[]>();
	const garbled: string[] = [];
	const unknown: string[] = [];
	header.cells.forEach((name, i) => {
		if (name === '') return;
		const key = BY_NAME.get(fold(name));
		if (key) positions.set(key, [...(positions.get(key) ?? []), i]);
		else if (GARBLED.has(skeleton(name))) garbled.push(`"${name}" (${GARBLED.get(skeleton(name))}?)`);
		else unknown.push(`"${name}"`);
	});
	const fail = (detail: string): never => {
		throw new StatementError('bad_header', header.line, detail);
	};
	const plural = (n: number, word: string) => (n > 1 ? `${word}s` : word);

	if (garbled.length > 0) {
		fail(
			`${plural(garbled.length, 'column')} ${garbled.join(', ')} not recognised: the names look like ` +
				`Fio's columns in a wrong text encoding, so their values would be garbled or lost`
		);
	}
	const missing = REQUIRED.filter((k) => !positions.has(k));
	if (missing.length > 0) {
		const names = missing.map((k) => (k === 'id' ? '"ID operace" (or "ID pohybu")' : `"${NAME.get(k)}"`));
		fail(`missing ${plural(missing.length, 'column')} ${names.join(', ')}`);
	}
	for (const key of [...REQUIRED, ...READ]) {
		const at = positions.get(key) ?? [];
		if (at.length > 1) {
			fail(`column "${header.cells[at[0]!]}" appears ${at.length} times; it cannot be told which to read`);
		}
	}
	const absent = IMPORTANT.filter((k) => !positions.has(k));
	if (unknown.length > 0 && absent.length > 0) {
		fail(
			`${plural(unknown.length, 'column')} ${unknown.join(', ')} not recognised, and the file has no ` +
				`${plural(absent.length, 'column')} ${absent.map((k) => `"${NAME.get(k)}"`).join(', ')}: ` +
				`the unrecognised ones may hold that data, which would be lost`
		);
	}

	const columns: Columns = {};
	for (const [key, at] of positions) columns[key] = at[0];
	// the export of 2024 names Uživatelská identifikace and Komentář both "Poznámka": the first is the former
	const notes = positions.get('note') ?? [];
	if (columns.userId === undefined && notes.length > 0) columns.userId = notes[0];
	return columns;
}

const PREAMBLE: Record<string, 'account' | 'bank' | 'iban' | 'currency'> = {
	accountid: 'account',
	'cislo uctu': 'account',
	ucet: 'account',
	bankid: 'bank',
	'kod banky': 'bank',
	iban: 'iban',
	currency: 'currency',
	mena: 'currency'
};
// "Výpis č. 7/2026 z účtu "2500834780/2010"": an account mentioned in a sentence of the preamble
const MENTIONED = /(?:účtu|účet|account)\D{0,6}((?:\d{1,6}-)?\d{1,10}\/\d{4})(?!\d)/i;

function readPreamble(rows: Row[]): {
	accountIban: string | null;
	accountLabel: string | null;
	currency: string;
} {
	const found: Partial<Record<'account' | 'bank' | 'iban' | 'currency', string>> = {};
	let mentioned: string | null = null;
	for (const row of rows) {
		const field = PREAMBLE[fold(row.cells[0] ?? '')];
		const value = nullIfBlank(row.cells[1]);
		if (field && value) found[field] ??= value;
		else mentioned ??= MENTIONED.exec(row.cells.join(' '))?.[1] ?? null;
	}
	const { account, bank, iban } = found;
	const domestic = account ? (bank && !account.includes('/') ? `${account}/${bank}` : account) : null;
	const accountLabel = domestic ?? iban ?? mentioned;
	const accountIban =
		(iban ? accountToIban(iban) : null) ?? (accountLabel ? accountToIban(accountLabel) : null);
	return { accountIban, accountLabel, currency: found.currency ?? 'CZK' };
}

function toLine(cells: string[], line: number, columns: Columns, defaultCurrency: string): StatementLine {
	const get = (key: Key): string => {
		const i = columns[key];
		return i === undefined ? '' : (cells[i] ?? '');
	};
	const dateRaw = get('date');
	const bookedOn = movementDate(dateRaw);
	if (!bookedOn) {
		throw new StatementError('bad_line', line, `column Datum: "${dateRaw}" is not a date`);
	}
	const amountRaw = get('amount');
	const amount = readHalere(amountRaw.replace(/[\s\u00a0\u202f]/g, ''), ',.');
	if (typeof amount !== 'number') {
		throw new StatementError(
			'bad_line',
			line,
			amount === 'fraction'
				? `column Objem: "${amountRaw}" is not a whole number of haléře`
				: `column Objem: "${amountRaw}" is not an amount`
		);
	}
	const account = nullIfBlank(get('account'));
	// Uživatelská identifikace: the payer's name on a transfer whose bank sent none; on a movement
	// without a counter-account (a card payment, cash) it describes the movement
	const identification = nullIfBlank(get('userId'));
	return {
		line,
		bankRef: nullIfBlank(get('id')),
		bookedOn,
		amount,
		currency: nullIfBlank(get('currency')) ?? defaultCurrency,
		variableSymbol: normalizeVs(get('vs')),
		counterAccount: counterAccount(account, nullIfBlank(get('bankCode'))),
		counterName: nullIfBlank(get('accountName')) ?? (account ? identification : null),
		message: nullIfBlank(get('message')) ?? (account ? null : identification),
		...typeKind(nullIfBlank(get('type'))),
		returnsRef: null
	};
}

/** Protiúčet with its Kód banky: "19-2000145399/0800"; a foreign IBAN as Fio wrote it. */
function counterAccount(account: string | null, bankCode: string | null): string | null {
	if (account === null) return null;
	const czech = parseCzechAccount(account);
	if (czech && (czech.bankCode || bankCode === null || /^\d{4}$/.test(bankCode))) {
		return formatCzechAccount({ ...czech, bankCode: czech.bankCode ?? bankCode });
	}
	return bankCode && !account.includes('/') ? `${account}/${bankCode}` : account;
}

/*
 * Fio's "Typ" (the list of movement types in section 5.1 of the API documentation): interest is
 * "Připsaný úrok", "Vyplacený úrok", "Úrok z úvěru", "Evidovaný úrok" and "Odvod daně z úroků" (the tax
 * is the interest's negative part); fees are "Poplatek", "Evidovaný poplatek", "Sankční poplatek",
 * "Přijatý poplatek", "Poplatek – platební karta", …; "Opravný pohyb" corrects (reverses) a movement, and
 * returns are written as "Vrácení peněz"/"Vrácená platba" or "Storno …". Transfers between the owner's
 * accounts ("Převod uvnitř konta", "Vlastní příjem na bankovní konto") stay payments: the importer knows
 * them by the counter-account being the club's own.
 */
export function fioTypeKind(type: string | null): Pick<StatementLine, 'kind' | 'reversal'> {
	const t = fold(type ?? '');
	const reversal = /opravn|vracen|vratk|storno/.test(t);
	if (/urok/.test(t)) return { kind: 'interest', reversal };
	if (/poplat/.test(t)) return { kind: 'fee', reversal };
	return { kind: 'payment', reversal };
}

// a statement has a handful of types; folding each line's again would be most of the work on 100,000 lines
const typeKinds = new Map<string, Pick<StatementLine, 'kind' | 'reversal'>>();
function typeKind(type: string | null): Pick<StatementLine, 'kind' | 'reversal'> {
	const key = type ?? '';
	let kind = typeKinds.get(key);
	if (kind === undefined) {
		kind = fioTypeKind(type);
		if (typeKinds.size < 1000) typeKinds.set(key, kind);
	}
	return kind;
}

/*
 * "Dojde-li ke stornu příchozí platby ze strany banky, bude mít platba a její storno rozdílné ID pohybu,
 * ale stejné ID pokynu" (Fio API documentation, 5.3): a reversal points at the movement of the same
 * instruction with the opposite sign, when that movement is in the file.
 */
function linkCorrections(lines: StatementLine[], orders: (string | null)[]): void {
	const byOrder = new Map<string, StatementLine[]>();
	lines.forEach((line, i) => {
		const order = orders[i];
		if (!order || line.reversal) return;
		const same = byOrder.get(order);
		if (same) same.push(line);
		else byOrder.set(order, [line]);
	});
	lines.forEach((line, i) => {
		if (!line.reversal) return;
		const order = orders[i];
		const original = order
			? byOrder.get(order)?.find((o) => Math.sign(o.amount) === -Math.sign(line.amount) && o.bankRef)
			: undefined;
		line.returnsRef = original?.bankRef ?? null;
	});
}

/** dd.mm.yyyy (Fio also writes d.m.yyyy; the API's XML yyyy-mm-dd+hh:mm) → YYYY-MM-DD, or null. */
function movementDate(raw: string): string | null {
	const t = raw.trim();
	const czech = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	const iso = czech ? null : /^(\d{4})-(\d{2})-(\d{2})(?:[+-]\d{2}:?\d{2})?$/.exec(t);
	if (!czech && !iso) return null;
	const [y, mo, d] = czech
		? [Number(czech[3]), Number(czech[2]), Number(czech[1])]
		: [Number(iso![1]), Number(iso![2]), Number(iso![3])];
	if (!isRealDate(y, mo, d)) return null;
	return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Semicolon-separated rows with RFC 4180 quoting, each with the line it starts on; rows with no value at
 * all (blank lines) are left out. One pass over the text, so 100,000 rows take a fraction of a second.
 */
function forEachRow(text: string, onRow: (cells: string[], line: number) => void): void {
	const n = text.length;
	let i = 0;
	let line = 1;
	while (i < n) {
		const start = line;
		const cells: string[] = [];
		for (;;) {
			let value: string;
			if (text.charCodeAt(i) === 0x22) {
				let from = i + 1;
				value = '';
				for (;;) {
					const q = text.indexOf('"', from);
					if (q === -1) {
						throw new StatementError(
							'bad_line',
							start,
							`column ${cells.length + 1}: a quoted value is not closed`
						);
					}
					value += text.slice(from, q);
					if (text.charCodeAt(q + 1) === 0x22) {
						value += '"';
						from = q + 2;
						continue;
					}
					for (let k = text.indexOf('\n', i); k !== -1 && k < q; k = text.indexOf('\n', k + 1)) line++;
					i = q + 1;
					break;
				}
				while (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09) i++;
				const c = text.charCodeAt(i);
				if (i < n && c !== 0x3b && c !== 0x0a && c !== 0x0d) {
					throw new StatementError(
						'bad_line',
						line,
						`column ${cells.length + 1}: text after a closing quote`
					);
				}
			} else {
				let j = i;
				while (j < n) {
					const c = text.charCodeAt(j);
					if (c === 0x3b || c === 0x0a || c === 0x0d) break;
					j++;
				}
				value = text.slice(i, j);
				i = j;
			}
			cells.push(value.trim());
			if (i >= n) break;
			if (text.charCodeAt(i) === 0x3b) {
				i++;
				continue;
			}
			i += text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
			line++;
			break;
		}
		if (cells.some((c) => c !== '')) onRow(cells, start);
	}
}
