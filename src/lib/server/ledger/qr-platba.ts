import QRCode from 'qrcode';

/*
 * QR Platba: the Czech banks' Short Payment Descriptor (SPD 1.0, qr-platba.cz) that every Czech
 * banking app reads from a QR code. Written here rather than taken from a package: the format is a few
 * lines, and what matters for donors — a payload that stays within the QR code's alphanumeric set
 * (smaller, more readable codes) and a variable symbol that always matches — is checked by our tests.
 */

export interface QrPayment {
	/** the club's account, IBAN with or without spaces */
	iban: string;
	/** haléře; the SPD amount field holds at most 9 999 999.99 */
	amount: number;
	/** 1–10 digits */
	variableSymbol: string;
	/** shown to the payer and to the club in the statement; cut to 60 characters */
	message?: string;
	/** the recipient's name, cut to 35 characters */
	recipientName?: string;
}

export class QrPlatbaError extends Error {
	override name = 'QrPlatbaError';
}

const MAX_AMOUNT = 999_999_999;

/*
 * The length of an IBAN in each country of the ISO 13616 IBAN registry (SWIFT's "IBAN Registry"):
 * a Czech IBAN has 24 characters, so a typo that drops a digit is refused before the mod-97 check,
 * which a shorter string can pass by chance.
 */
const IBAN_LENGTHS = new Map(
	(
		'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 EE20 ' +
		'EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 ' +
		'KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 NO15 PK24 ' +
		'PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SD18 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 TR26 UA29 ' +
		'VA22 VG24 XK20'
	)
		.split(' ')
		.map((e) => [e.slice(0, 2), Number(e.slice(2))] as const)
);

/** An IBAN of a registry country, of that country's length, passing the ISO 13616 mod-97 check. */
export function isValidIban(iban: string): boolean {
	const compact = iban.replace(/\s+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
	if (IBAN_LENGTHS.get(compact.slice(0, 2)) !== compact.length) return false;
	// letters to numbers, mod 97 = 1, computed piecewise to stay within integers
	const rearranged = compact.slice(4) + compact.slice(0, 4);
	let remainder = 0;
	for (const ch of rearranged) {
		const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
		for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder === 1;
}

/**
 * A text value in the QR code's alphanumeric set: without diacritics, upper case, and any other
 * character (the asterisk, which separates fields, included) as a space.
 */
export function spdText(text: string, max: number): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toUpperCase()
		.replace(/[^0-9A-Z $%+\-./:]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, max)
		.trim();
}

/** The SPD string, e.g. `SPD*1.0*ACC:CZ…*AM:480.50*CC:CZK*MSG:DAR*X-VS:1234567890`. */
export function spdPayload(p: QrPayment): string {
	const iban = p.iban.replace(/\s+/g, '').toUpperCase();
	if (!isValidIban(iban)) throw new QrPlatbaError('the account is not a valid IBAN');
	if (!Number.isInteger(p.amount) || p.amount < 1 || p.amount > MAX_AMOUNT) {
		throw new QrPlatbaError('the amount must be 0.01 to 9 999 999.99');
	}
	if (!/^\d{1,10}$/.test(p.variableSymbol))
		throw new QrPlatbaError('the variable symbol must be 1–10 digits');
	const amount = `${Math.trunc(p.amount / 100)}.${String(p.amount % 100).padStart(2, '0')}`;
	const fields = [`ACC:${iban}`, `AM:${amount}`, 'CC:CZK'];
	const message = p.message ? spdText(p.message, 60) : '';
	if (message) fields.push(`MSG:${message}`);
	const name = p.recipientName ? spdText(p.recipientName, 35) : '';
	if (name) fields.push(`RN:${name}`);
	fields.push(`X-VS:${p.variableSymbol}`);
	return `SPD*1.0*${fields.join('*')}`;
}

/** The QR code as SVG markup, error correction M as the specification recommends for print. */
export function qrPlatbaSvg(p: QrPayment): Promise<string> {
	return QRCode.toString(spdPayload(p), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
