import { formatCzechAccount, isValidCzechAccount, type CzechAccount } from '$lib/core/bank-account';
import {
	StatementError,
	fold,
	isRealDate,
	normalizeVs,
	type Statement,
	type StatementLine
} from './statement';

/*
 * GPC (ABO): the fixed-width statement nearly every Czech bank exports (KB, ČSOB, Česká spořitelna,
 * Fio, Raiffeisen, …). Followed: Fio's "API Bankovnictví", section 5.3.1.3 GPC, and Česká spořitelna's
 * "Technický popis struktury ABO formátu" (also its extended variant). Each statement is a record 074
 * followed by its movements, records 075; a file may hold several statements. Positions (1-based, as
 * the documentation counts them):
 *
 *   074   4–19 account (16 digits)          20–39 short name of the account
 *        40–45 date of the old balance      46–59 old balance in haléře, 60 its sign "+"/"-"
 *        61–74 new balance, 75 its sign     76–89 debit turnover, 90 sign; 91–104 credit turnover, 105 sign
 *       106–108 statement number           109–114 date (DDMMYY)
 *   075   4–19 account                       20–35 counter-account (prefix 6 + number 10 digits)
 *        36–48 document number (Fio: ID pohybu)                 49–60 amount in haléře
 *           61 accounting code: 1 debit, 2 credit, then stornos — 4 storno of a debit, 5 of a credit (Fio,
 *              KB) or 3 of a debit, 4 of a credit (Česká spořitelna)
 *        62–71 variable symbol              72–81 "BBBBKSYM": the counter-account's bank code + constant symbol
 *        82–91 specific symbol              92–97 value date
 *        98–117 counter-account name, or the kind of movement ("Připsaný úrok")
 *          118 change code                 119–122 currency (ISO 4217 numeric, "0203" = CZK; Česká
 *              spořitelna writes "rmoo" there: r = 1, m = 1 for Kč)     123–128 date (DDMMYY)
 *   (Česká spořitelna's extended 075 continues: 129–268 four lines of the message for the recipient,
 *    then the message for the payer, a date, the item, a reference, the ISO amount and currency, and
 *    369–403 the counter-account name.)
 *   076   banks that write the movement's details on extra records: 4–29 the transaction's id, 30–35 a
 *        date, 36– the counter-account's name; 078 and 079 the message for the recipient in lines of 35
 *        characters (4–38, 39–73).
 *
 * The statement names its account without the bank, so accountIban stays null: compare accountLabel
 * with sameAccount(). Some banks write account numbers in an "internal format", the digits permuted
 * (C10 C8 C9 C6 C1 C2 C3 C4 C5 C7 P1…P6 for prefix P1…P6 and number C1…C10); a file whose own account
 * fails the ČNB check as written but passes it permuted is read in that format.
 */

interface Pending {
	code: string;
	absolute: number;
	/** the line with amount and reversal still to be decided (they depend on the file's storno scheme) */
	values: StatementLine;
	messageParts: string[];
}

interface Block {
	statement: Statement;
	account: string;
	oldBalance: number;
	newBalance: number;
	pending: Pending[];
}

/** One record of the file, read by the documentation's 1-based positions. */
class GpcRecord {
	constructor(
		readonly text: string,
		readonly line: number
	) {}

	fail(detail: string): never {
		throw new StatementError('bad_line', this.line, detail);
	}

	field(from: number, to: number): string {
		return this.text.slice(from - 1, to);
	}

	digits(from: number, to: number, what: string): string {
		const v = this.field(from, to);
		if (v.length !== to - from + 1 || !/^\d+$/.test(v)) {
			this.fail(`columns ${from}–${to} (${what}): "${v}" is not ${to - from + 1} digits`);
		}
		return v;
	}

	/** an amount in haléře followed by its sign */
	signed(from: number, to: number, what: string): number {
		const value = Number(this.digits(from, to, what));
		return this.field(to + 1, to + 1) === '-' ? -value : value;
	}
}

const ISO_NUMERIC: Record<string, string> = {
	'203': 'CZK',
	'978': 'EUR',
	'840': 'USD',
	'826': 'GBP',
	'756': 'CHF',
	'985': 'PLN',
	'348': 'HUF',
	'946': 'RON',
	'752': 'SEK',
	'578': 'NOK',
	'208': 'DKK'
};

/** Parses a GPC file into its statements (one per record 074); throws StatementError. */
export function parseGpc(text: string): Statement[] {
	const records = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
	const blocks: Block[] = [];
	let internal: boolean | null = null;

	for (let index = 0; index < records.length; index++) {
		// trailing blanks and DOS's end-of-file mark (Ctrl-Z) are not part of a record
		const raw = records[index]!.trimEnd();
		let text = raw;
		while (text.endsWith('\u001a')) text = text.slice(0, -1).trimEnd();
		if (text === '') continue;
		const rec = new GpcRecord(text, index + 1);
		const type = text.slice(0, 3);

		if (type === '074') {
			if (text.length < 114) rec.fail(`record 074 has ${text.length} characters, at least 114 are needed`);
			const account = rec.digits(4, 19, 'account number');
			internal ??= readsInternal(account);
			blocks.push({
				statement: {
					format: 'gpc',
					accountIban: null,
					accountLabel: formatCzechAccount(readAccount(account, internal)),
					lines: []
				},
				account,
				oldBalance: rec.signed(46, 59, 'old balance'),
				newBalance: rec.signed(61, 74, 'new balance'),
				pending: []
			});
			continue;
		}
		const block =
			blocks[blocks.length - 1] ?? rec.fail(`record ${type} before the first statement record 074`);
		if (type === '075') {
			block.pending.push(movement(rec, block, internal ?? false));
			continue;
		}
		if (type === '076' || type === '078' || type === '079') {
			const last =
				block.pending[block.pending.length - 1] ??
				rec.fail(`record ${type} before the first movement record 075`);
			if (type === '076') {
				const name = rec.field(36, 127).trim();
				if (name) last.values.counterName = name;
			} else {
				// the lines are cut at fixed widths, mid-word too: joined padded to their width, as written
				last.messageParts.push(rec.field(4, 38).padEnd(35), rec.field(39, 73).padEnd(35));
			}
			continue;
		}
		rec.fail(`record type "${type}" is not a GPC record (074 statement, 075 movement, 076/078/079 details)`);
	}

	if (blocks.length === 0) throw new StatementError('unknown_format', null, 'no statement record 074');
	const storno = stornoScheme(blocks);
	return blocks.map((block) => {
		block.statement.lines = block.pending.map((p) => finish(p, storno));
		return block.statement;
	});
}

function movement(rec: GpcRecord, block: Block, internal: boolean): Pending {
	const { text, line } = rec;
	if (text.length < 122) rec.fail(`record 075 has ${text.length} characters, 128 are needed`);
	const account = rec.digits(4, 19, 'account number');
	if (account !== block.account) {
		rec.fail(
			`columns 4–19: the movement is for account ${account}, its statement (074) for ${block.account}`
		);
	}
	const counterDigits = rec.digits(20, 35, 'counter-account');
	const absolute = Number(rec.digits(49, 60, 'amount in haléře'));
	const code = rec.field(61, 61);
	if (code < '1' || code > '5' || code.length !== 1)
		rec.fail(`column 61 (accounting code): "${code}" is not 1–5`);
	const bankCode = rec.field(74, 77);
	let counter: string | null = null;
	if (!/^0+$/.test(counterDigits)) {
		const parts = readAccount(counterDigits, internal);
		parts.bankCode = /^\d{4}$/.test(bankCode) && bankCode !== '0000' ? bankCode : null;
		counter = formatCzechAccount(parts);
	}
	const name = rec.field(98, 117).trim() || null;
	// the date of the movement; a bank that leaves it empty (zeros) has the value date in 92–97
	const unset = (v: string) => /^[0 ]*$/.test(v);
	const [from, to] = unset(rec.field(123, 128)) ? [92, 97] : [123, 128];
	const bookedOn = ddmmyy(rec.field(from, to));
	if (!bookedOn) rec.fail(`columns ${from}–${to} (date): "${rec.field(from, to)}" is not a date (DDMMYY)`);
	const special = counter === null && name !== null ? textKind(name) : null;
	const extended = text.length > 128 ? extendedFields(text) : null;
	return {
		code,
		absolute,
		values: {
			line,
			bankRef: rec.field(36, 48).trim().replace(/^0+/, '') || null,
			bookedOn,
			amount: 0,
			currency: currency(rec),
			variableSymbol: normalizeVs(rec.field(62, 71)),
			counterAccount: counter,
			counterName: extended?.name ?? (special ? null : name),
			message: special ? name : null,
			kind: special ?? 'payment',
			reversal: false,
			returnsRef: null
		},
		messageParts: extended?.message ? [extended.message] : []
	};
}

/*
 * What the stornos mean. Fio and KB write 4 for the storno of a debit and 5 for that of a credit;
 * Česká spořitelna 3 and 4. A storno of a debit brings the money back (+), of a credit takes it away (−).
 * A file with 5 or 3 says which it is; one whose only storno code is 4 is read the way its balances add up
 * (old balance + movements = new balance), and refused when neither way does.
 */
type Scheme = 'fio' | 'cs';

function signOf(code: string, scheme: Scheme): { sign: 1 | -1; reversal: boolean } {
	if (code === '1') return { sign: -1, reversal: false };
	if (code === '2') return { sign: 1, reversal: false };
	if (code === '3') return { sign: 1, reversal: true };
	if (code === '5') return { sign: -1, reversal: true };
	return { sign: scheme === 'fio' ? 1 : -1, reversal: true };
}

function stornoScheme(blocks: Block[]): Scheme {
	const first = (code: string) => {
		for (const b of blocks) for (const p of b.pending) if (p.code === code) return p;
		return undefined;
	};
	const three = first('3');
	const five = first('5');
	if (three && five) {
		const later = three.values.line > five.values.line ? three : five;
		throw new StatementError(
			'bad_line',
			later.values.line,
			'column 61 (accounting code): the file uses both 3 and 5 for stornos, which no bank does'
		);
	}
	if (five) return 'fio';
	if (three) return 'cs';
	const four = first('4');
	if (!four) return 'fio';
	const balances = (scheme: Scheme) =>
		blocks.every(
			(b) =>
				b.oldBalance + b.pending.reduce((sum, p) => sum + signOf(p.code, scheme).sign * p.absolute, 0) ===
				b.newBalance
		);
	const fio = balances('fio');
	const cs = balances('cs');
	if (fio !== cs) return fio ? 'fio' : 'cs';
	if (fio && cs) return 'fio';
	throw new StatementError(
		'bad_line',
		four.values.line,
		'column 61 (accounting code): 4 is a storno of a debit at some banks and of a credit at others, and ' +
			"this statement's balances do not tell which"
	);
}

function finish(p: Pending, scheme: Scheme): StatementLine {
	const { sign, reversal } = signOf(p.code, scheme);
	const line = p.values;
	line.amount = sign * p.absolute;
	line.reversal = reversal;
	if (p.messageParts.length > 0) {
		line.message = p.messageParts.join('').replace(/\s+/g, ' ').trim() || line.message;
	}
	return line;
}

function splitAccount(digits16: string, internal: boolean): CzechAccount {
	if (!internal) return { prefix: digits16.slice(0, 6), number: digits16.slice(6), bankCode: null };
	// internal: C10 C8 C9 C6 C1 C2 C3 C4 C5 C7 P1 P2 P3 P4 P5 P6
	const c = (n: number) => digits16[[4, 5, 6, 7, 8, 3, 9, 1, 2, 0][n - 1]!]!;
	const number = Array.from({ length: 10 }, (_, i) => c(i + 1)).join('');
	return { prefix: digits16.slice(10), number, bankCode: null };
}

function readAccount(digits16: string, internal: boolean): CzechAccount {
	const { prefix, number } = splitAccount(digits16, internal);
	return {
		prefix: prefix.replace(/^0+/, ''),
		number: number.replace(/^0+/, '') || '0',
		bankCode: null
	};
}

function readsInternal(digits16: string): boolean {
	const valid = (internal: boolean) => {
		const { prefix, number } = splitAccount(digits16, internal);
		return isValidCzechAccount(prefix.replace(/^0+/, ''), number);
	};
	return !valid(false) && valid(true);
}

function currency(rec: GpcRecord): string {
	const code = rec.field(119, 122);
	const fail = (detail: string) => rec.fail(detail);
	if (/^(0000| {4}|)$/.test(code)) return 'CZK';
	const iso = /^0(\d{3})$/.exec(code);
	if (iso) {
		return (
			ISO_NUMERIC[iso[1]!] ??
			fail(`columns 119–122 (currency): "${code}" is not a currency this parser knows`)
		);
	}
	// Česká spořitelna's "rmoo": r is always 1, m is 1 for movements in Kč
	const rmoo = /^1(\d)\d\d$/.exec(code);
	if (rmoo) {
		return rmoo[1] === '1'
			? 'CZK'
			: fail(
					`columns 119–122 (druh dat): "${code}" says the movement is not in Kč, but not in which currency`
				);
	}
	return fail(`columns 119–122 (currency): "${code}" is neither an ISO currency code nor "rmoo"`);
}

/** A movement without a counter-account whose text says it is interest or a fee ("Připsaný úrok"). */
function textKind(text: string): 'interest' | 'fee' | null {
	const t = fold(text);
	if (/urok/.test(t)) return 'interest';
	if (/poplat/.test(t)) return 'fee';
	return null;
}

/** Česká spořitelna's extended 075: four lines of the message (129–268) and the counter-account name (369–403). */
function extendedFields(rec: string): { message: string | null; name: string | null } {
	const message = rec.slice(128, 268).replace(/\s+/g, ' ').trim();
	const name = rec.slice(368, 403).trim();
	return { message: message || null, name: name || null };
}

function ddmmyy(raw: string): string | null {
	if (raw.length !== 6 || !/^\d{6}$/.test(raw)) return null;
	const d = Number(raw.slice(0, 2));
	const mo = Number(raw.slice(2, 4));
	const yy = Number(raw.slice(4, 6));
	// GPC has two-digit years; the format is from the 1990s, statements of today are 20yy
	const y = yy >= 90 ? 1900 + yy : 2000 + yy;
	if (!isRealDate(y, mo, d)) return null;
	return `${y}-${raw.slice(2, 4)}-${raw.slice(0, 2)}`;
}
