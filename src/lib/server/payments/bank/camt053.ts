import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
	StatementError,
	decimalToHalere,
	lineLocator,
	normalizeVs,
	nullIfBlank,
	type Statement,
	type StatementLine
} from './statement';

/** A parsed element: text and attributes (prefixed '@') under string keys. */
type XmlNode = { [key: string]: unknown };

const REPEATED = new Set(['Stmt', 'Ntry', 'NtryDtls', 'TxDtls', 'Bal', 'Ustrd', 'Strd', 'CdtrRefInf']);

const CAMT_NS =
	/xmlns(?::[\w.-]+)?\s*=\s*["'](urn:iso:std:iso:20022:tech:xsd:camt\.\d{3}\.\d{3}\.\d{2})["']/g;
const CAMT053_NS = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.\d{2}$/;

// typed as the Symbol wrapper object in fast-xml-parser's declarations
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parses an ISO 20022 camt.053 (BankToCustomerStatement) file, versions .001.02 to .001.08.
 *
 * Reversals (RvslInd true) keep the sign the bank books them with (CdtDbtInd already gives the
 * direction of the money) and their message is prefixed with "(reversal) " so a coordinator looking at
 * an unmatched line sees why. Entries with status PDNG/INFO are skipped: they are not booked yet and
 * would be matched twice once the booked entry arrives.
 */
export function parseCamt053(xml: string): Statement {
	const text = xml.replace(/^\uFEFF/, '');
	if (text.trim() === '') throw new StatementError('empty', null, 'file is empty');
	if (!text.trimStart().startsWith('<')) {
		throw new StatementError('bad_xml', 1, 'not XML');
	}
	const doctype = /<!DOCTYPE/i.exec(text);
	if (doctype && /<!ENTITY/i.test(text)) {
		throw new StatementError(
			'bad_xml',
			lineLocator(text)(doctype.index),
			'DOCTYPE with entity declarations is not accepted'
		);
	}
	const valid = XMLValidator.validate(text);
	if (valid !== true) {
		throw new StatementError('bad_xml', valid.err.line, valid.err.msg);
	}

	const namespaces = [...text.matchAll(CAMT_NS)].map((m) => m[1] as string);
	if (namespaces.length > 0 && !namespaces.some((ns) => CAMT053_NS.test(ns))) {
		throw new StatementError('unknown_format', null, `namespace ${namespaces[0]} is not camt.053.001.*`);
	}

	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		parseTagValue: false,
		parseAttributeValue: false,
		removeNSPrefix: true,
		// decodes numeric character references (&#225;) which some banks use for Czech letters
		htmlEntities: true,
		captureMetaData: true,
		isArray: (name) => REPEATED.has(name)
	});
	const doc = parser.parse(text) as unknown;
	const stmts = arr(node(node(node(doc, 'Document'), 'BkToCstmrStmt'), 'Stmt'));
	if (node(node(doc, 'Document'), 'BkToCstmrStmt') === undefined) {
		throw new StatementError('unknown_format', null, 'no Document/BkToCstmrStmt element');
	}

	const lineAt = lineLocator(text);
	const lineOf = (n: XmlNode): number => {
		const meta = (n as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
		return meta?.startIndex === undefined ? 1 : lineAt(meta.startIndex);
	};

	let accountIban: string | null = null;
	const lines: StatementLine[] = [];
	for (const stmt of stmts) {
		const id = node(node(stmt, 'Acct'), 'Id');
		accountIban ??= str(node(id, 'IBAN')) ?? str(node(node(id, 'Othr'), 'Id'));
		for (const ntry of arr(node(stmt, 'Ntry'))) {
			const status = str(node(ntry, 'Sts')) ?? str(node(node(ntry, 'Sts'), 'Cd'));
			if (status === 'PDNG' || status === 'INFO') continue;
			lines.push(...entryLines(ntry, lineOf));
		}
	}
	return { format: 'camt053', accountIban, lines };
}

function entryLines(ntry: XmlNode, lineOf: (n: XmlNode) => number): StatementLine[] {
	const line = lineOf(ntry);
	const money = amountOf(ntry, line, 'Ntry');
	if (!money) throw new StatementError('bad_line', line, 'Ntry without Amt');
	const sign = signOf(str(node(ntry, 'CdtDbtInd')), line);
	if (sign === null) throw new StatementError('bad_line', line, 'Ntry without CdtDbtInd CRDT/DBIT');

	const bookgDt = node(ntry, 'BookgDt') ?? node(ntry, 'ValDt');
	const dateRaw = str(node(bookgDt, 'Dt')) ?? str(node(bookgDt, 'DtTm'));
	const bookedOn = isoDate(dateRaw);
	if (!bookedOn) {
		throw new StatementError('bad_line', line, `BookgDt: "${dateRaw ?? ''}" is not a date`);
	}
	const reversal = str(node(ntry, 'RvslInd'))?.toLowerCase() === 'true';
	const ntryRef = str(node(ntry, 'AcctSvcrRef')) ?? str(node(ntry, 'NtryRef'));
	const txs = arr(node(ntry, 'NtryDtls')).flatMap((d) => arr(node(d, 'TxDtls')));

	const build = (
		tx: XmlNode | undefined,
		txLine: number,
		amount: number,
		currency: string,
		sharedRef: string | null
	) => {
		const credit = amount >= 0;
		const parties = node(tx, 'RltdPties');
		const party = node(parties, credit ? 'Dbtr' : 'Cdtr');
		const partyAcct = node(node(parties, credit ? 'DbtrAcct' : 'CdtrAcct'), 'Id');
		const rmt = node(tx, 'RmtInf');
		const ustrd = arr(node(rmt, 'Ustrd'))
			.map((u) => str(u))
			.filter((u): u is string => u !== null);
		const message =
			(ustrd.length > 0 ? ustrd.join(' ') : null) ??
			str(node(tx, 'AddtlTxInf')) ??
			str(node(ntry, 'AddtlNtryInf'));
		const strdRefs = arr(node(rmt, 'Strd'))
			.flatMap((s) => arr(node(s, 'CdtrRefInf')))
			.map((c) => str(node(c, 'Ref')));
		return {
			line: txLine,
			bankRef: str(node(node(tx, 'Refs'), 'AcctSvcrRef')) ?? sharedRef,
			bookedOn,
			amount,
			currency,
			variableSymbol: findVs(str(node(node(tx, 'Refs'), 'EndToEndId')), strdRefs, ustrd),
			counterAccount: str(node(partyAcct, 'IBAN')) ?? str(node(node(partyAcct, 'Othr'), 'Id')),
			counterName: str(node(party, 'Nm')) ?? str(node(node(party, 'Pty'), 'Nm')),
			message: reversal ? `(reversal) ${message ?? ''}`.trim() : message
		};
	};

	if (txs.length <= 1) {
		return [build(txs[0], line, sign * money.amount, money.currency, ntryRef)];
	}
	// Importers deduplicate by bankRef, so batch items without their own reference must not all
	// inherit the entry's one: they get its position in the batch appended ("ref/2").
	return txs.map((tx, i) => {
		const txLine = lineOf(tx);
		const txMoney =
			amountOf(tx, txLine, 'TxDtls') ?? amountOf(node(node(tx, 'AmtDtls'), 'TxAmt'), txLine, 'TxDtls');
		if (!txMoney) throw new StatementError('bad_line', txLine, 'TxDtls in a batch without Amt');
		const txSign = signOf(str(node(tx, 'CdtDbtInd')), txLine) ?? sign;
		return build(
			tx,
			txLine,
			txSign * txMoney.amount,
			txMoney.currency,
			ntryRef === null ? null : `${ntryRef}/${i + 1}`
		);
	});
}

function amountOf(parent: unknown, line: number, where: string): { amount: number; currency: string } | null {
	const amt = node(parent, 'Amt');
	if (amt === undefined) return null;
	const raw = str(amt) ?? '';
	const amount = decimalToHalere(raw, '.');
	if (amount === null || amount < 0) {
		throw new StatementError('bad_line', line, `${where}/Amt: "${raw}" is not an amount`);
	}
	const currency = str(node(amt, '@Ccy'));
	if (!currency) throw new StatementError('bad_line', line, `${where}/Amt without Ccy`);
	return { amount, currency };
}

function signOf(ind: string | null, line: number): 1 | -1 | null {
	if (ind === null) return null;
	if (ind === 'CRDT') return 1;
	if (ind === 'DBIT') return -1;
	throw new StatementError('bad_line', line, `CdtDbtInd: "${ind}" is neither CRDT nor DBIT`);
}

function isoDate(raw: string | null): string | null {
	const m = raw === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(raw);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const check = new Date(Date.UTC(y, mo - 1, d));
	return check.getUTCMonth() === mo - 1 && check.getUTCDate() === d ? m[0] : null;
}

// Czech banks write "VS123456", "/VS/123456/SS/...", "VS: 123456"; a letter before "VS" means it is
// part of another word.
const VS_PATTERN = /(?:^|[^a-z])VS[\s:/]*(\d{1,10})(?!\d)/i;

function findVs(endToEndId: string | null, strdRefs: (string | null)[], ustrd: string[]): string | null {
	const tagged = (s: string | null) => {
		const m = s === null ? null : VS_PATTERN.exec(s);
		return m ? normalizeVs(m[1]) : null;
	};
	const fromE2e = tagged(endToEndId);
	if (fromE2e) return fromE2e;
	for (const ref of strdRefs) {
		const vs = normalizeVs(ref) ?? tagged(ref);
		if (vs) return vs;
	}
	for (const u of ustrd) {
		const vs = tagged(u);
		if (vs) return vs;
	}
	return null;
}

function node(parent: unknown, key: string): XmlNode | undefined {
	if (parent === null || typeof parent !== 'object' || Array.isArray(parent)) return undefined;
	const value = (parent as XmlNode)[key];
	if (value === undefined) return undefined;
	// An element with text only is a string; wrapping it keeps the accessors uniform.
	return typeof value === 'object' && value !== null ? (value as XmlNode) : { '#text': value };
}

function arr(value: unknown): XmlNode[] {
	if (value === undefined || value === null) return [];
	const items = Array.isArray(value) ? value : [value];
	return items.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': v }));
}

function str(n: XmlNode | undefined): string | null {
	if (n === undefined) return null;
	const text = n['#text'];
	return typeof text === 'string' ? nullIfBlank(text) : null;
}
