import { accountToIban, formatCzechAccount, parseCzechAccount, sameAccount } from '$lib/core/bank-account';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
	StatementError,
	lineLocator,
	normalizeVs,
	nullIfBlank,
	readHalere,
	type Statement,
	type StatementLine
} from './statement';

/*
 * ISO 20022 camt.053 (BankToCustomerStatement), versions .001.02 to .001.08, as Czech banks write it
 * (the Czech Banking Association's "Standard pro elektronický XML výpis"):
 *  - every <Stmt> is a statement of its own account (Acct/Id/IBAN, or Acct/Id/Othr/Id with the domestic
 *    number, its bank in "/kód" or in Acct/Svcr);
 *  - the payer's (payee's) account is RltdPties/DbtrAcct (CdtrAcct) — an IBAN, or in the Czech dialect
 *    Othr/Id with the bare number and the bank code in RltdAgts/DbtrAgt (CdtrAgt)/FinInstnId/Othr/Id
 *    (or ClrSysMmbId/MmbId, or only the BIC); the name RltdPties/Dbtr/Nm (.001.08: Dbtr/Pty/Nm);
 *  - what a movement is comes from BkTxCd: the ISO codes Domn/Cd, Fmly/Cd, Fmly/SubFmlyCd (sub-family
 *    INTR interest, CHRG/COMM/COME/COMI/COMT/FEES charges, under ACMT TAXE the tax withheld from
 *    interest) or a proprietary Prtry/Cd (SWIFT's NINT, NCHG, NCOM);
 *  - a reversal is RvslInd true, return information (TxDtls/RtrInf) or sub-family RRTN/RPCR; the
 *    amount keeps the direction CdtDbtInd gives. It points at the movement it reverses when the file
 *    holds that movement with the same end-to-end or transaction id (a return keeps the original's ids),
 *    or names its bank reference in AddtlNtryInf / AddtlTxInf / RtrInf/AddtlInf.
 * Entries with status PDNG/INFO are skipped: they are not booked yet and would be matched twice once
 * the booked entry arrives. Amounts may have more decimals than two when the rest are zeros
 * ("1500.000"); one with a fraction of a haléř is refused.
 */

/** A parsed element: text and attributes (prefixed '@') under string keys. */
type XmlNode = { [key: string]: unknown };

const REPEATED = new Set([
	'Stmt',
	'Ntry',
	'NtryDtls',
	'TxDtls',
	'Bal',
	'Ustrd',
	'Strd',
	'CdtrRefInf',
	'AddtlInf'
]);

const CAMT_NS =
	/xmlns(?::[\w.-]+)?\s*=\s*["'](urn:iso:std:iso:20022:tech:xsd:camt\.\d{3}\.\d{3}\.\d{2})["']/g;
const CAMT053_NS = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.\d{2}$/;

// typed as the Symbol wrapper object in fast-xml-parser's declarations
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const INTEREST_CODES = new Set(['INTR', 'NINT']);
const FEE_CODES = new Set(['CHRG', 'COMM', 'COME', 'COMI', 'COMT', 'FEES', 'NCHG', 'NCOM']);
const REVERSAL_CODES = new Set(['RRTN', 'RPCR']);

/** The Czech bank codes of the BICs of the banks most Czech payers use, for files that give only a BIC. */
const BANK_CODE_OF_BIC: Record<string, string> = {
	KOMBCZPP: '0100',
	CEKOCZPP: '0300',
	AGBACZPP: '0600',
	CNBACZPP: '0710',
	GIBACZPX: '0800',
	FIOBCZPP: '2010',
	BACXCZPP: '2700',
	AIRACZPP: '3030',
	RZBCCZPP: '5500',
	BREXCZPP: '6210'
};

/** What a line needs for finding the movement a reversal reverses. */
interface Links {
	ids: string[];
	texts: string[];
}

/** Parses a camt.053 file into its statements, one per <Stmt>; throws StatementError. */
export function parseCamt053(xml: string): Statement[] {
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
	const root = node(node(doc, 'Document'), 'BkToCstmrStmt');
	if (root === undefined) {
		throw new StatementError('unknown_format', null, 'no Document/BkToCstmrStmt element');
	}

	const lineAt = lineLocator(text);
	const lineOf = (n: XmlNode): number => {
		const meta = (n as Record<symbol, unknown>)[META] as { startIndex?: number } | undefined;
		return meta?.startIndex === undefined ? 1 : lineAt(meta.startIndex);
	};

	const links = new Map<StatementLine, Links>();
	const statements = arr(node(root, 'Stmt')).map((stmt): Statement => {
		const { accountIban, accountLabel } = statementAccount(node(stmt, 'Acct'));
		const lines: StatementLine[] = [];
		for (const ntry of arr(node(stmt, 'Ntry'))) {
			const status = str(node(ntry, 'Sts')) ?? str(node(node(ntry, 'Sts'), 'Cd'));
			if (status === 'PDNG' || status === 'INFO') continue;
			lines.push(...entryLines(ntry, lineOf, links, accountIban ?? accountLabel));
		}
		return { format: 'camt053', accountIban, accountLabel, lines };
	});
	linkReversals(
		statements.flatMap((s) => s.lines),
		links
	);
	return statements;
}

function statementAccount(acct: XmlNode | undefined): Pick<Statement, 'accountIban' | 'accountLabel'> {
	const id = node(acct, 'Id');
	const iban = str(node(id, 'IBAN'));
	if (iban) return { accountIban: accountToIban(iban), accountLabel: iban };
	const other = str(node(node(id, 'Othr'), 'Id'));
	if (!other) return { accountIban: null, accountLabel: null };
	const written = withBank(other, bankCodeOf(node(node(acct, 'Svcr'), 'FinInstnId')));
	return { accountIban: accountToIban(written), accountLabel: other };
}

/** The Czech bank code a FinInstnId gives: Othr/Id or ClrSysMmbId/MmbId of 4 digits, or a known BIC. */
function bankCodeOf(finInstnId: XmlNode | undefined): string | null {
	const code =
		str(node(node(finInstnId, 'Othr'), 'Id')) ?? str(node(node(finInstnId, 'ClrSysMmbId'), 'MmbId'));
	if (code && /^\d{4}$/.test(code)) return code;
	const bic = str(node(finInstnId, 'BICFI')) ?? str(node(finInstnId, 'BIC'));
	return bic ? (BANK_CODE_OF_BIC[bic.toUpperCase().slice(0, 8)] ?? null) : null;
}

/** A domestic account number with its bank: "123456789" + "0800" → "123456789/0800"; other text as it is. */
function withBank(account: string, bankCode: string | null): string {
	const czech = parseCzechAccount(account);
	if (!czech) return account;
	return formatCzechAccount({ ...czech, bankCode: czech.bankCode ?? bankCode });
}

function entryLines(
	ntry: XmlNode,
	lineOf: (n: XmlNode) => number,
	links: Map<StatementLine, Links>,
	ownAccount: string | null
): StatementLine[] {
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
	const entryReversal = str(node(ntry, 'RvslInd'))?.toLowerCase() === 'true';
	const ntryRef = str(node(ntry, 'AcctSvcrRef')) ?? str(node(ntry, 'NtryRef'));
	const entryInfo = str(node(ntry, 'AddtlNtryInf'));
	const txs = arr(node(ntry, 'NtryDtls')).flatMap((d) => arr(node(d, 'TxDtls')));

	const build = (
		tx: XmlNode | undefined,
		txLine: number,
		amount: number,
		currency: string,
		sharedRef: string | null
	): StatementLine => {
		const codes = transactionCodes(node(tx, 'BkTxCd') ?? node(ntry, 'BkTxCd'));
		const returnInfo = node(tx, 'RtrInf');
		const reversal = entryReversal || returnInfo !== undefined || codes.some((c) => REVERSAL_CODES.has(c));
		const { counterAccount, counterName } = counterparty(tx, amount >= 0, reversal, ownAccount);
		const rmt = node(tx, 'RmtInf');
		const ustrd = arr(node(rmt, 'Ustrd'))
			.map((u) => str(u))
			.filter((u): u is string => u !== null);
		const txInfo = str(node(tx, 'AddtlTxInf'));
		const message = (ustrd.length > 0 ? ustrd.join(' ') : null) ?? txInfo ?? entryInfo;
		const strdRefs = arr(node(rmt, 'Strd'))
			.flatMap((s) => arr(node(s, 'CdtrRefInf')))
			.map((c) => str(node(c, 'Ref')));
		const refs = node(tx, 'Refs');
		const result: StatementLine = {
			line: txLine,
			bankRef: str(node(refs, 'AcctSvcrRef')) ?? sharedRef,
			bookedOn,
			amount,
			currency,
			variableSymbol: findVs(str(node(refs, 'EndToEndId')), strdRefs, ustrd),
			counterAccount,
			counterName,
			message,
			kind: kindOf(codes),
			reversal,
			returnsRef: null
		};
		links.set(result, {
			ids: ['EndToEndId', 'TxId', 'InstrId', 'PmtInfId', 'MndtId']
				.map((k) => str(node(refs, k)))
				.filter((v): v is string => v !== null && v.toUpperCase() !== 'NOTPROVIDED'),
			// what the bank wrote about the movement (the payer's message is the payer's, not a reference)
			texts: [entryInfo, txInfo, ...arr(node(returnInfo, 'AddtlInf')).map((a) => str(a))].filter(
				(v): v is string => v !== null
			)
		});
		return result;
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

/**
 * The other party: the payer of a credit, the payee of a debit. A reversal moves the money back, and
 * banks keep the original's parties on it: the party of the original direction is tried first, unless
 * it is the statement's own account (a payment the club sends back names the club as the payer).
 */
function counterparty(
	tx: XmlNode | undefined,
	credit: boolean,
	reversal: boolean,
	ownAccount: string | null
): Pick<StatementLine, 'counterAccount' | 'counterName'> {
	const parties = node(tx, 'RltdPties');
	const agents = node(tx, 'RltdAgts');
	const side = (debtor: boolean) => {
		const party = node(parties, debtor ? 'Dbtr' : 'Cdtr');
		const id = node(node(parties, debtor ? 'DbtrAcct' : 'CdtrAcct'), 'Id');
		const iban = str(node(id, 'IBAN'));
		const other = str(node(node(id, 'Othr'), 'Id'));
		const bank = bankCodeOf(node(node(agents, debtor ? 'DbtrAgt' : 'CdtrAgt'), 'FinInstnId'));
		return {
			counterAccount: iban ? iban.replace(/\s+/g, '').toUpperCase() : other ? withBank(other, bank) : null,
			counterName: str(node(party, 'Nm')) ?? str(node(node(party, 'Pty'), 'Nm'))
		};
	};
	const natural = side(credit);
	if (!reversal) return natural;
	const original = side(!credit);
	const isOwn =
		original.counterAccount !== null &&
		ownAccount !== null &&
		sameAccount(original.counterAccount, ownAccount);
	return !isOwn && (original.counterAccount || original.counterName) ? original : natural;
}

/** The ISO domain, family and sub-family codes and the proprietary code's parts ("NINT", "PMNT-RCDT-ESCT"). */
function transactionCodes(bkTxCd: XmlNode | undefined): string[] {
	const domn = node(bkTxCd, 'Domn');
	const fmly = node(domn, 'Fmly');
	const domain = str(node(domn, 'Cd'));
	const sub = str(node(fmly, 'SubFmlyCd'));
	const codes = [domain, str(node(fmly, 'Cd')), sub];
	// "TAXE" under account management is the tax the bank withholds from interest
	if (domain === 'ACMT' && sub === 'TAXE') codes.push('INTR');
	const prtry = str(node(node(bkTxCd, 'Prtry'), 'Cd'));
	if (prtry) codes.push(...prtry.toUpperCase().split(/[^A-Z0-9]+/));
	return codes.filter((c): c is string => c !== null && c !== '');
}

function kindOf(codes: string[]): StatementLine['kind'] {
	if (codes.some((c) => INTEREST_CODES.has(c))) return 'interest';
	if (codes.some((c) => FEE_CODES.has(c))) return 'fee';
	return 'payment';
}

/**
 * A reversal's returnsRef: the movement of the file it shares an id with, or whose bank reference its
 * texts name as a word of their own; of the opposite direction and with a reference of its own.
 */
function linkReversals(lines: StatementLine[], links: Map<StatementLine, Links>): void {
	const byId = new Map<string, StatementLine[]>();
	const byRef = new Map<string, StatementLine[]>();
	const add = (map: Map<string, StatementLine[]>, key: string, line: StatementLine) => {
		const same = map.get(key);
		if (same) same.push(line);
		else map.set(key, [line]);
	};
	for (const line of lines) {
		if (line.reversal || line.bankRef === null) continue;
		for (const id of links.get(line)!.ids) add(byId, id, line);
		add(byRef, line.bankRef, line);
	}
	for (const line of lines) {
		if (!line.reversal) continue;
		const own = links.get(line)!;
		const opposite = (candidates: StatementLine[] | undefined) =>
			candidates?.find((o) => Math.sign(o.amount) === -Math.sign(line.amount));
		const words = own.texts.flatMap((t) => t.split(/[\s,;:()[\]"'„“]+/));
		const original =
			own.ids.map((id) => opposite(byId.get(id))).find((o) => o !== undefined) ??
			words.map((w) => opposite(byRef.get(w.replace(/\.$/, '')))).find((o) => o !== undefined);
		line.returnsRef = original?.bankRef ?? null;
	}
}

function amountOf(parent: unknown, line: number, where: string): { amount: number; currency: string } | null {
	const amt = node(parent, 'Amt');
	if (amt === undefined) return null;
	const raw = str(amt) ?? '';
	const amount = readHalere(raw, '.');
	if (amount === 'fraction') {
		throw new StatementError('bad_line', line, `${where}/Amt: "${raw}" is not a whole number of haléře`);
	}
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
