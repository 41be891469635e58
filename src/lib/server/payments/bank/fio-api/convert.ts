import { accountToIban, formatCzechAccount, parseCzechAccount } from '$lib/core/bank-account';
import { isDay } from '$lib/core/prague';
import { fioTypeKind } from '../fio-csv';
import { normalizeVs, nullIfBlank, readHalere, type StatementFile, type StatementLine } from '../statement';

/*
 * Fio's JSON answer (the same for /last, /periods and /by-id) as a parsed statement, the shape every
 * statement file becomes before it is imported. The JSON is described in Fio's API_Bankovnictvi.pdf:
 *
 *   { "accountStatement": {
 *       "info": { accountId, bankId, currency, iban, bic, openingBalance, closingBalance, dateStart,
 *                 dateEnd, yearList, idList, idFrom, idTo, idLastDownload },
 *       "transactionList": { "transaction": [ { "column22": { "value", "name", "id" } | null, … } ] } } }
 *
 * with the movement's columns by number: 22 ID pohybu, 0 Datum ("2026-01-05+0100"), 1 Objem (a decimal
 * number), 14 Měna, 2 Protiúčet, 3 Kód banky, 10 Název protiúčtu, 12 Název banky, 4 KS, 5 VS, 6 SS,
 * 7 Uživatelská identifikace, 16 Zpráva pro příjemce, 8 Typ, 9 Provedl, 18 Upřesnění, 25 Komentář,
 * 26 BIC, 17 ID pokynu, 27 Reference plátce. These are the same columns, under the same names, as in
 * Fio's CSV export, so a movement reads here exactly as fio-csv.ts reads it there: its bank reference
 * (ID pohybu) is the same, and a movement downloaded through the API and later uploaded in a CSV file
 * (or the other way round) is recorded once.
 */

export class FioFormatError extends Error {
	override name = 'FioFormatError';
}

/** What the download says about itself, for moving Fio's mark. */
export interface FioDownloadInfo {
	/** the first and last movement handed out; null when there were none */
	idFrom: number | null;
	idTo: number | null;
	/** Fio's mark before this download: the movement right before the first one handed out */
	idLastDownload: number | null;
}

export interface FioDownload {
	file: StatementFile;
	info: FioDownloadInfo;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Movement ids are whole numbers; Fio writes them as JSON numbers (older answers: strings of digits). */
function movementId(v: Json | undefined): number | null {
	if (v === null || v === undefined) return null;
	const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,15}$/.test(v) ? Number(v) : NaN;
	if (!Number.isSafeInteger(n) || n < 1) throw new FioFormatError(`not a movement id: ${JSON.stringify(v)}`);
	return n;
}

/** A column's value as text: Fio writes symbols and ids sometimes as numbers. */
function text(v: Json | undefined): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'string') return nullIfBlank(v);
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	throw new FioFormatError(`not a text: ${JSON.stringify(v)}`);
}

/**
 * Objem as exact haléře. JSON.parse has made the decimal a double; JavaScript prints a double as the
 * shortest decimal that reads back as it, which for an amount with at most two decimals (and fewer than
 * 16 digits) is that amount itself, so nothing is rounded. Anything with more decimals is refused.
 */
function halere(v: Json | undefined, position: number): number {
	if (typeof v !== 'number' || !Number.isFinite(v))
		throw new FioFormatError(`movement ${position}: Objem ${JSON.stringify(v)} is not an amount`);
	const amount = readHalere(String(v), '.');
	if (typeof amount !== 'number')
		throw new FioFormatError(
			amount === 'fraction'
				? `movement ${position}: Objem ${v} is not a whole number of haléře`
				: `movement ${position}: Objem ${v} is not an amount`
		);
	return amount;
}

/** Protiúčet with its Kód banky, written as fio-csv.ts writes it ("19-2000145399/0800"), or a foreign IBAN. */
function counterAccount(account: string | null, bankCode: string | null): string | null {
	if (account === null) return null;
	const czech = parseCzechAccount(account);
	if (czech && (czech.bankCode || bankCode === null || /^\d{4}$/.test(bankCode)))
		return formatCzechAccount({ ...czech, bankCode: czech.bankCode ?? bankCode });
	return bankCode && !account.includes('/') ? `${account}/${bankCode}` : account;
}

/**
 * "Dojde-li ke stornu příchozí platby ze strany banky, bude mít platba a její storno rozdílné ID pohybu,
 * ale stejné ID pokynu" (Fio's documentation): a reversal returns the movement of the same instruction
 * with the opposite sign, when the same download holds it. Otherwise the importer finds the payment it
 * returns by account and amount.
 */
function linkReversals(lines: StatementLine[], instructions: (string | null)[]) {
	lines.forEach((line, i) => {
		const order = instructions[i];
		if (!line.reversal || !order) return;
		const original = lines.find(
			(o, j) =>
				j !== i && !o.reversal && instructions[j] === order && Math.sign(o.amount) === -Math.sign(line.amount)
		);
		line.returnsRef = original?.bankRef ?? null;
	});
}

/** "2026-01-05+0100" → "2026-01-05": Fio's date is the Prague calendar day the movement was booked. */
function day(v: Json | undefined, what: string): string {
	const t = typeof v === 'string' ? v.slice(0, 10) : '';
	if (!isDay(t)) throw new FioFormatError(`${what} ${JSON.stringify(v)} is not a date`);
	return t;
}

/** Parses Fio's JSON answer; throws FioFormatError when it is not one. */
export function parseFioJson(body: string): FioDownload {
	let data: Json;
	try {
		data = JSON.parse(body) as Json;
	} catch {
		throw new FioFormatError('not JSON');
	}
	const statement = isObject(data) ? data.accountStatement : undefined;
	const info = isObject(statement) ? statement.info : undefined;
	if (!isObject(statement) || !isObject(info)) throw new FioFormatError('no accountStatement.info');
	const list = statement.transactionList;
	// an answer without movements has an empty list, or (older answers) none at all
	const raw = isObject(list)
		? (list.transaction ?? [])
		: list === null || list === undefined
			? []
			: undefined;
	if (!Array.isArray(raw)) throw new FioFormatError('transactionList.transaction is not a list');

	const accountId = text(info.accountId);
	const bankId = text(info.bankId);
	const accountLabel = accountId ? (bankId ? `${accountId}/${bankId}` : accountId) : null;
	const iban = text(info.iban);
	const accountIban =
		(iban ? accountToIban(iban) : null) ?? (accountLabel ? accountToIban(accountLabel) : null);
	const currency = text(info.currency) ?? 'CZK';
	const instructions: (string | null)[] = [];

	const lines: StatementLine[] = raw.map((entry, i) => {
		const position = i + 1;
		if (!isObject(entry)) throw new FioFormatError(`movement ${position} is not an object`);
		const column = (n: number): Json | undefined => {
			const c = entry[`column${n}`];
			if (c === null || c === undefined) return null;
			if (!isObject(c)) throw new FioFormatError(`movement ${position}: column${n} is not a column`);
			return c.value;
		};
		const id = movementId(column(22));
		if (id === null) throw new FioFormatError(`movement ${position} has no ID pohybu`);
		const amount = halere(column(1), position);
		instructions.push(text(column(17)));
		return {
			line: position,
			bankRef: String(id),
			bookedOn: day(column(0), `movement ${position}: Datum`),
			amount,
			currency: text(column(14)) ?? currency,
			variableSymbol: normalizeVs(text(column(5))),
			counterAccount: counterAccount(text(column(2)), text(column(3))),
			// Fio leaves Název protiúčtu empty for many payments from other banks and puts the payer's
			// name into Uživatelská identifikace (as fio-csv.ts reads it too)
			counterName: text(column(10)) ?? text(column(7)),
			message: text(column(16)),
			...fioTypeKind(text(column(8))),
			returnsRef: null
		};
	});
	linkReversals(lines, instructions);
	return {
		file: {
			format: 'fio_api',
			encoding: 'utf-8',
			statements: [{ format: 'fio_api', accountIban, accountLabel, lines }]
		},
		info: {
			idFrom: movementId(info.idFrom),
			idTo: movementId(info.idTo),
			idLastDownload: movementId(info.idLastDownload)
		}
	};
}
