/*
 * Czech bank account numbers, as banks and people write them, and their IBANs.
 *
 * A Czech account number is "předčíslí-číslo/kód banky" (e.g. 19-2000145399/0800): an optional prefix of
 * up to 6 digits, a number of up to 10 digits and the 4-digit code of the bank. The Czech National Bank's
 * decree 169/2011 Sb. gives each part a check: the digits, weighted from the right by 1, 2, 4, 8, 5, 10, 9,
 * 7, 3, 6, sum to a multiple of 11 (for the prefix only the first six weights apply). The Czech IBAN is
 * "CZ", two ISO 13616 check digits and the BBAN: bank code, prefix padded to 6 and number padded to 10
 * digits — 24 characters in all (ČNB's IBAN calculator builds it the same way).
 *
 * Banks write the same account in several forms: with or without the prefix and its leading zeros, as
 * 16 digits (prefix and number padded, as in GPC files), or as the IBAN. Everything here reads all of them
 * and compares accounts by what they are, not by how they were typed.
 */

export interface CzechAccount {
	/** the prefix without leading zeros, '' when there is none */
	prefix: string;
	/** the number without leading zeros */
	number: string;
	/** the 4-digit bank code, null when the text did not say */
	bankCode: string | null;
}

// weights from the left for the 10 digits of the number; the prefix uses the last six
const WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

function weightedMod11(digits: string, width: number): number {
	const padded = digits.padStart(width, '0');
	const weights = WEIGHTS.slice(WEIGHTS.length - width);
	let sum = 0;
	for (let i = 0; i < width; i++) sum += Number(padded[i]) * weights[i]!;
	return sum % 11;
}

/** The ČNB check of both parts: a prefix (may be '') of up to 6 digits and a non-zero number of up to 10. */
export function isValidCzechAccount(prefix: string, number: string): boolean {
	if (!/^\d{0,6}$/.test(prefix) || !/^\d{1,10}$/.test(number)) return false;
	if (/^0+$/.test(number)) return false;
	return weightedMod11(prefix, 6) === 0 && weightedMod11(number, 10) === 0;
}

const stripZeros = (s: string) => s.replace(/^0+/, '');

/**
 * Reads "19-2000145399/0800", "2000145399/0800", "000019-2000145399", "0000192000145399/0800" and the like
 * (spaces are ignored). Null when the text is not a Czech account number in any of these forms. The check
 * digits are not verified here (see isValidCzechAccount): a statement may well name a mistyped account.
 */
export function parseCzechAccount(text: string): CzechAccount | null {
	const compact = text.replace(/\s+/g, '');
	const m = /^(?:(\d{1,6})-)?(\d{1,16})(?:\/(\d{4}))?$/.exec(compact);
	if (!m) return null;
	let prefix = m[1] ?? '';
	let number = m[2]!;
	if (number.length > 10) {
		// 16 digits (or fewer with the prefix's zeros dropped): the prefix and the number run together
		if (m[1] !== undefined) return null;
		prefix = number.slice(0, number.length - 10);
		number = number.slice(number.length - 10);
	}
	number = stripZeros(number);
	if (number === '') return null;
	return { prefix: stripZeros(prefix), number, bankCode: m[3] ?? null };
}

/** "19-2000145399/0800" (the bank code left out when unknown). */
export function formatCzechAccount(account: CzechAccount): string {
	const main = account.prefix ? `${account.prefix}-${account.number}` : account.number;
	return account.bankCode ? `${main}/${account.bankCode}` : main;
}

/** ISO 7064 mod 97 of an IBAN rearranged for checking (letters as 10–35), computed piecewise. */
function mod97(text: string): number {
	let remainder = 0;
	for (const ch of text) {
		const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
		for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder;
}

/**
 * The IBAN without spaces, upper-case, when its shape and ISO 13616 check digits are right (a Czech one
 * must also have 24 characters); null otherwise. The check digits already catch a mistyped IBAN, so its
 * BBAN is taken as the bank wrote it, as the configuration takes the club's own IBAN. Other countries'
 * lengths are not checked here: the IBAN registry lives with the configuration checks
 * (server/ledger/qr-platba.ts), this only reads what banks wrote.
 */
export function normalizeIban(text: string): string | null {
	const compact = text.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return null;
	if (compact.startsWith('CZ') && compact.length !== 24) return null;
	if (mod97(compact.slice(4) + compact.slice(0, 4)) !== 1) return null;
	return compact;
}

/** The domestic account inside a CZ IBAN (shape only, check digits not verified); null for other text. */
export function czechAccountFromIban(iban: string): CzechAccount | null {
	const m = /^CZ\d{2}(\d{4})(\d{6})(\d{10})$/.exec(iban.replace(/\s+/g, '').toUpperCase());
	if (!m) return null;
	const number = stripZeros(m[3]!);
	if (number === '') return null;
	return { prefix: stripZeros(m[2]!), number, bankCode: m[1]! };
}

/**
 * The CZ IBAN of a Czech account with its bank code; null when the bank is unknown or a part fails the ČNB
 * check. Computing check digits for a mistyped number would make a valid-looking IBAN of an account that
 * does not exist, so the ČNB check is what stands between a typo and a wrong account here.
 */
export function czechAccountToIban(account: CzechAccount): string | null {
	if (!account.bankCode || !/^\d{4}$/.test(account.bankCode)) return null;
	if (!isValidCzechAccount(account.prefix, account.number)) return null;
	const bban = account.bankCode + account.prefix.padStart(6, '0') + account.number.padStart(10, '0');
	// the check digits make the rearranged IBAN ≡ 1 (mod 97); "CZ" is 12 35
	const check = 98 - mod97(`${bban}CZ00`);
	return `CZ${String(check).padStart(2, '0')}${bban}`;
}

/**
 * Any written account as an IBAN: an IBAN (checked) as it is, a Czech account with its bank code converted.
 * Null when the text names no account, names it without the bank, or fails the checks.
 */
export function accountToIban(text: string): string | null {
	const trimmed = text.trim();
	if (/^[A-Za-z]{2}\d{2}/.test(trimmed.replace(/\s+/g, ''))) return normalizeIban(trimmed);
	const czech = parseCzechAccount(trimmed);
	return czech ? czechAccountToIban(czech) : null;
}

/** The account a text names, in a form that compares across notations; null when it names none. */
function accountKey(text: string): { bban: string; bankCode: string | null } | null {
	const trimmed = text.trim();
	const fromIban = /^[A-Za-z]{2}\d{2}/.test(trimmed.replace(/\s+/g, ''))
		? trimmed.replace(/\s+/g, '').toUpperCase()
		: null;
	if (fromIban) {
		const czech = czechAccountFromIban(fromIban);
		if (czech) return { bban: `${czech.prefix}-${czech.number}`, bankCode: czech.bankCode };
		return { bban: fromIban, bankCode: null };
	}
	const czech = parseCzechAccount(trimmed);
	return czech ? { bban: `${czech.prefix}-${czech.number}`, bankCode: czech.bankCode } : null;
}

/**
 * Whether two written accounts are the same account: "CZ65 0800 0000 1920 0014 5399",
 * "19-2000145399/0800" and "0000192000145399/0800" all are. When one of them does not say its bank (GPC
 * files name their own account without one), prefix and number alone decide.
 */
export function sameAccount(a: string, b: string): boolean {
	const x = accountKey(a);
	const y = accountKey(b);
	if (!x || !y || x.bban !== y.bban) return false;
	return x.bankCode === null || y.bankCode === null || x.bankCode === y.bankCode;
}

/** "CZ65 0800 0000 1920 0014 5399", as people copy an IBAN by hand. */
export function formatIban(iban: string): string {
	return iban
		.replace(/\s+/g, '')
		.toUpperCase()
		.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The domestic form Czech banking apps ask for, "19-2000145399/0800", of a CZ IBAN; null for any other. */
export function czechAccountNumber(iban: string): string | null {
	const account = czechAccountFromIban(iban);
	return account ? formatCzechAccount(account) : null;
}
