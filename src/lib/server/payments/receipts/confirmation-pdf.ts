/**
 * The yearly confirmation of gifts (potvrzení o daru) that a donor attaches to the income-tax return
 * (zákon č. 586/1992 Sb., § 15 odst. 1 for individuals, § 20 odst. 8 for companies), as an A4 PDF.
 *
 * What a tax office or an employer's payroll looks for, and where it stands here: who received the
 * gifts (the club's name, IČO and seat: a legal person seated in the Czech Republic), who gave them
 * (name and address; a company with its IČO, its DIČ when it has one, and its seat), each gift with its
 * date, kind (money or in kind) and value, their total, the purpose the law names (§ 15 odst. 1:
 * charitable and humanitarian), the document's number, the place and date of issue, and who signs for
 * the recipient, with their role.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

export interface ConfirmationGift {
	date: string; // YYYY-MM-DD
	amount: number; // haléře (integer)
	kind: 'money' | 'in_kind';
	/** for in-kind gifts: what it was ("pračka"), shown; money gifts: the channel ('card' | 'bank' | 'offline') */
	description: string;
}

export interface ConfirmationDonor {
	kind: 'person' | 'company';
	/** the person's name, or the company's name for a company */
	name: string;
	/** a person's address, a company's registered office (sídlo) */
	address: string | null;
	/** a company's IČO, 8 digits */
	registrationNumber?: string | null;
	/** a company's DIČ ("CZ12345678"), when it has one */
	vatNumber?: string | null;
}

export interface ConfirmationInput {
	locale: 'cs' | 'en';
	club: {
		name: string;
		registrationNumber: string | null /* IČO */;
		address: string | null;
		/** the place of issue in the nominative, as it stands on a map ("Brno", "Praha 2") */
		place: string | null;
		/** who signs for the club: name and role ("předsedkyně spolku") */
		signatory?: { name: string; role: string | null } | null;
	};
	donor: ConfirmationDonor;
	year: number;
	gifts: ConfirmationGift[]; // at least one; sorted by you by date
	issuedOn: string; // YYYY-MM-DD
	/** the document number printed on it, e.g. "PD-2026-0007" */
	number: string;
	/** a later edition of the same confirmation (after a refund or a corrected address) */
	edition?: { edition: number; replacesIssuedOn: string } | null;
}

// Non-breaking, so that an amount never wraps and extracted text still matches `\s`.
const NBSP = '\u00a0';

/** "12 500,00 Kč" (cs) or "12,500.00 CZK" (en) from haléře, in integer arithmetic only. */
export function formatAmount(halere: number, locale: 'cs' | 'en' = 'cs'): string {
	if (!Number.isSafeInteger(halere)) throw new Error(`amount is not an integer of haléře: ${halere}`);
	const sign = halere < 0 ? '-' : '';
	const abs = Math.abs(halere);
	const crowns = Math.trunc(abs / 100).toString();
	const cents = (abs % 100).toString().padStart(2, '0');
	const groups: string[] = [];
	for (let end = crowns.length; end > 0; end -= 3) groups.unshift(crowns.slice(Math.max(0, end - 3), end));
	return locale === 'cs'
		? `${sign}${groups.join(NBSP)},${cents}${NBSP}Kč`
		: `${sign}${groups.join(',')}.${cents}${NBSP}CZK`;
}

const MONTHS_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

function parseDate(value: string): { y: number; m: number; d: number } {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) throw new Error(`not a YYYY-MM-DD date: ${value}`);
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const check = new Date(Date.UTC(y, m - 1, d));
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
		throw new Error(`not a calendar date: ${value}`);
	}
	return { y, m, d };
}

/** "5. 3. 2026" (cs) or "5 March 2026" (en); `short` gives "5 Mar 2026" in English, to fit a table cell. */
export function formatDate(value: string, locale: 'cs' | 'en', short = false): string {
	const { y, m, d } = parseDate(value);
	if (locale === 'cs') return `${d}. ${m}. ${y}`;
	const month = MONTHS_EN[m - 1] ?? '';
	return `${d} ${short ? month.slice(0, 3) : month} ${y}`;
}

interface Texts {
	title: string;
	forYear: (year: number) => string;
	number: string;
	edition: (edition: number, replaced: string) => string;
	recipient: string;
	registrationNumber: string;
	vatNumber: string;
	seat: string;
	donor: string;
	address: string;
	statement: (year: number, total: string) => string;
	purpose: string;
	colDate: string;
	colKind: string;
	colAmount: string;
	continued: string;
	money: string;
	channels: Record<string, string>;
	inKind: string;
	total: string;
	issued: (place: string | null, date: string) => string;
	signedFor: string;
	signature: string;
	page: (n: number, of: number) => string;
}

/*
 * The place of issue: Czech puts it after "V" in the locative ("V Brně dne …"), which no program can
 * form reliably from the name of a place (Brno → Brně, Plzeň → Plzni, Ústí nad Labem → Ústí nad
 * Labem, Praha 2 → Praze 2) and which English cannot use at all ("Issued in Brně"). So the place is kept
 * in the nominative and printed as forms print it, "Místo a datum vydání: Brno, 25. 11. 2026", which
 * reads naturally in Czech and is the same word in English ("Place and date of issue: Brno, …"): a
 * Czech place keeps its Czech name on an official document.
 */
const TEXTS: Record<'cs' | 'en', Texts> = {
	cs: {
		title: 'Potvrzení o přijetí daru',
		forYear: (year) => `za rok ${year}`,
		number: 'Číslo potvrzení',
		edition: (edition, replaced) =>
			`${edition}. vydání – nahrazuje potvrzení stejného čísla vydané dne ${replaced}`,
		recipient: 'Příjemce daru',
		registrationNumber: 'IČO',
		vatNumber: 'DIČ',
		seat: 'Sídlo',
		donor: 'Dárce',
		address: 'Adresa',
		statement: (year, total) =>
			`Příjemce daru potvrzuje, že v roce ${year} přijal od dárce bezúplatná plnění (dary) uvedená níže v celkové hodnotě ${total}.`,
		purpose:
			'Dary byly použity ve smyslu § 15 odst. 1 a § 20 odst. 8 zákona č. 586/1992 Sb., o daních z příjmů, ve znění pozdějších předpisů, na účely charitativní a humanitární, které spolek jako příjemce daru sleduje: podporu dětí a rodin postižených domácím násilím.',
		colDate: 'Datum',
		colKind: 'Druh daru',
		colAmount: 'Hodnota',
		continued: 'pokračování',
		money: 'peněžní dar',
		channels: { bank: 'bankovním převodem', card: 'kartou', offline: 'v hotovosti' },
		inKind: 'věcný dar',
		total: 'Celkem',
		issued: (place, date) => (place ? `Místo a datum vydání: ${place}, ${date}` : `Datum vydání: ${date}`),
		signedFor: 'Za příjemce daru',
		signature: 'razítko a podpis',
		page: (n, of) => `strana ${n} z ${of}`
	},
	en: {
		title: 'Confirmation of Receipt of Donation',
		forYear: (year) => `for the year ${year}`,
		number: 'Confirmation No.',
		edition: (edition, replaced) =>
			`Edition ${edition} – replaces the confirmation with the same number issued on ${replaced}`,
		recipient: 'Recipient of the donation',
		registrationNumber: 'Reg. No. (IČO)',
		vatNumber: 'VAT No. (DIČ)',
		seat: 'Registered office',
		donor: 'Donor',
		address: 'Address',
		statement: (year, total) =>
			`The recipient confirms that in the year ${year} it received from the donor the gratuitous contributions (donations) listed below, with a total value of ${total}.`,
		purpose:
			'The donations were used within the meaning of Section 15(1) and Section 20(8) of Act No. 586/1992 Coll., on Income Taxes, as amended, for the charitable and humanitarian purposes that the association (spolek) as the recipient pursues: support of children and families affected by domestic violence.',
		colDate: 'Date',
		colKind: 'Type of donation',
		colAmount: 'Value',
		continued: 'continued',
		money: 'monetary donation',
		channels: { bank: 'bank transfer', card: 'card payment', offline: 'cash' },
		inKind: 'in-kind donation',
		total: 'Total',
		issued: (place, date) =>
			place ? `Place and date of issue: ${place}, ${date}` : `Date of issue: ${date}`,
		signedFor: 'For the recipient',
		signature: 'stamp and signature',
		page: (n, of) => `page ${n} of ${of}`
	}
};

function giftKind(gift: ConfirmationGift, t: Texts): string {
	if (gift.kind === 'in_kind') {
		const what = gift.description.trim();
		return what ? `${t.inKind} — ${what}` : t.inKind;
	}
	const channel = t.channels[gift.description];
	return channel ? `${t.money} — ${channel}` : t.money;
}

let fontsPromise: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

// The PDF standard fonts have no ř, ě, ů; DejaVu is resolved through node_modules so that the same path
// works under vitest and in the built server, where adapter-node leaves dependencies external.
function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
	fontsPromise ??= (async () => {
		const require = createRequire(import.meta.url);
		const [regular, bold] = await Promise.all([
			readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
			readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))
		]);
		return { regular, bold };
	})().catch((error: unknown) => {
		fontsPromise = undefined;
		throw error;
	});
	return fontsPromise;
}

const MARGIN = 56; // 2 cm
const FOOTER_HEIGHT = 24;
const GREY = '#555555';
const RULE = '#999999';
const CELL_PAD = 4;

export async function confirmationPdf(input: ConfirmationInput): Promise<Uint8Array> {
	if (input.gifts.length === 0) throw new Error('a confirmation needs at least one gift');
	for (const gift of input.gifts) {
		parseDate(gift.date);
		if (!Number.isSafeInteger(gift.amount) || gift.amount <= 0) {
			throw new Error(`gift amount must be a positive integer of haléře: ${gift.amount}`);
		}
	}
	const issued = parseDate(input.issuedOn);
	const t = TEXTS[input.locale];
	const fonts = await loadFonts();

	// Stable sort keeps the caller's order for gifts on the same day.
	const gifts = [...input.gifts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	const total = gifts.reduce((sum, gift) => sum + gift.amount, 0);
	if (!Number.isSafeInteger(total)) throw new Error('total is out of range');

	const title = `${t.title} ${input.year}`;
	const doc = new PDFDocument({
		size: 'A4',
		margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
		bufferPages: true,
		lang: input.locale === 'cs' ? 'cs-CZ' : 'en-GB',
		displayTitle: true,
		// pdfkit derives the file ID from these fields (it takes no `id` option), so a fixed
		// CreationDate makes the output the same bytes for the same input.
		info: {
			Title: title,
			Author: input.club.name,
			CreationDate: new Date(Date.UTC(issued.y, issued.m - 1, issued.d))
		}
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		doc.on('end', () => resolve());
		doc.on('error', reject);
	});

	doc.registerFont('regular', fonts.regular);
	doc.registerFont('bold', fonts.bold);

	const left = MARGIN;
	const width = doc.page.width - 2 * MARGIN;
	const bottom = () => doc.page.height - doc.page.margins.bottom;

	// --- Title --------------------------------------------------------------------------------------
	doc.font('bold').fontSize(18).fillColor('black').text(t.title, left, MARGIN, { width });
	doc.font('regular').fontSize(12).text(t.forYear(input.year), { width });
	doc.moveDown(0.3);
	doc.fontSize(9).fillColor(GREY).text(`${t.number}: ${input.number}`, { width });
	if (input.edition && input.edition.edition > 1) {
		const replaced = formatDate(input.edition.replacesIssuedOn, input.locale);
		doc.text(t.edition(input.edition.edition, replaced), { width });
	}
	doc.moveDown(1.2);

	// --- Parties ------------------------------------------------------------------------------------
	const colGap = 20;
	const colWidth = (width - colGap) / 2;
	const partiesTop = doc.y;
	const party = (x: number, label: string, name: string, lines: string[]): number => {
		doc.font('regular').fontSize(9).fillColor(GREY).text(label.toUpperCase(), x, partiesTop, {
			width: colWidth,
			characterSpacing: 0.5
		});
		doc.moveDown(0.2);
		doc.font('bold').fontSize(11).fillColor('black').text(name, x, doc.y, { width: colWidth });
		doc.font('regular').fontSize(10);
		for (const line of lines) doc.text(line, x, doc.y, { width: colWidth });
		return doc.y;
	};
	const clubLines: string[] = [];
	if (input.club.registrationNumber) {
		clubLines.push(`${t.registrationNumber}: ${input.club.registrationNumber}`);
	}
	if (input.club.address) clubLines.push(`${t.seat}: ${input.club.address}`);
	const donor = input.donor;
	const donorLines: string[] = [];
	if (donor.kind === 'company') {
		// a legal person is known to the tax office by its IČO; its DIČ only when it is a VAT payer
		if (donor.registrationNumber) donorLines.push(`${t.registrationNumber}: ${donor.registrationNumber}`);
		if (donor.vatNumber) donorLines.push(`${t.vatNumber}: ${donor.vatNumber}`);
		if (donor.address) donorLines.push(`${t.seat}: ${donor.address}`);
	} else if (donor.address) donorLines.push(`${t.address}: ${donor.address}`);
	const clubBottom = party(left, t.recipient, input.club.name, clubLines);
	const donorBottom = party(left + colWidth + colGap, t.donor, donor.name, donorLines);
	doc.x = left;
	doc.y = Math.max(clubBottom, donorBottom);
	doc.moveDown(1.5);

	// --- Statement ----------------------------------------------------------------------------------
	doc.font('regular').fontSize(10).fillColor('black');
	doc.text(t.statement(input.year, formatAmount(total, input.locale)), left, doc.y, {
		width,
		align: 'justify'
	});
	doc.moveDown(0.5);
	doc.text(t.purpose, { width, align: 'justify' });
	doc.moveDown(1.2);

	// --- Table --------------------------------------------------------------------------------------
	const dateWidth = 90;
	const amountWidth = 120;
	const kindWidth = width - dateWidth - amountWidth;
	const cols = {
		date: left + CELL_PAD,
		kind: left + dateWidth + CELL_PAD,
		amount: left + dateWidth + kindWidth + CELL_PAD
	};
	const innerKind = kindWidth - 2 * CELL_PAD;
	const innerAmount = amountWidth - 2 * CELL_PAD;
	const bodySize = 10;

	const rule = (y: number, color: string, lineWidth: number) => {
		doc
			.moveTo(left, y)
			.lineTo(left + width, y)
			.lineWidth(lineWidth)
			.strokeColor(color)
			.stroke();
	};

	const header = (continued: boolean) => {
		const y = doc.y;
		doc.font('bold').fontSize(9).fillColor(GREY);
		doc.text(t.colDate, cols.date, y + CELL_PAD, { width: dateWidth - 2 * CELL_PAD, lineBreak: false });
		const kindLabel = continued ? `${t.colKind} (${t.continued})` : t.colKind;
		doc.text(kindLabel, cols.kind, y + CELL_PAD, { width: innerKind, lineBreak: false });
		doc.text(t.colAmount, cols.amount, y + CELL_PAD, {
			width: innerAmount,
			align: 'right',
			lineBreak: false
		});
		const end = y + CELL_PAD * 2 + doc.currentLineHeight();
		rule(end, 'black', 0.8);
		doc.y = end;
	};

	doc.font('bold').fontSize(9);
	const headerHeight = CELL_PAD * 2 + doc.currentLineHeight();
	doc.font('regular').fontSize(bodySize);
	const minRow = CELL_PAD * 2 + doc.currentLineHeight();
	// Keep the header together with at least one row.
	if (doc.y + headerHeight + minRow > bottom()) doc.addPage();
	header(false);

	for (const gift of gifts) {
		const kindText = giftKind(gift, t);
		doc.font('regular').fontSize(bodySize);
		const rowHeight = Math.max(minRow, doc.heightOfString(kindText, { width: innerKind }) + 2 * CELL_PAD);
		if (doc.y + rowHeight > bottom()) {
			doc.addPage();
			doc.y = doc.page.margins.top;
			header(true);
		}
		const y = doc.y;
		doc.font('regular').fontSize(bodySize).fillColor('black');
		doc.text(formatDate(gift.date, input.locale, true), cols.date, y + CELL_PAD, {
			width: dateWidth - 2 * CELL_PAD,
			lineBreak: false
		});
		doc.text(kindText, cols.kind, y + CELL_PAD, { width: innerKind });
		doc.text(formatAmount(gift.amount, input.locale), cols.amount, y + CELL_PAD, {
			width: innerAmount,
			align: 'right',
			lineBreak: false
		});
		rule(y + rowHeight, RULE, 0.4);
		doc.y = y + rowHeight;
	}

	// --- Total and signature, kept together ---------------------------------------------------------
	doc.font('bold').fontSize(11);
	const totalHeight = CELL_PAD * 2 + doc.currentLineHeight() + 2;
	const closingHeight = totalHeight + 190;
	if (doc.y + closingHeight > bottom()) {
		doc.addPage();
		doc.y = doc.page.margins.top;
	}
	const totalY = doc.y + 2;
	rule(totalY - 1, 'black', 0.8);
	doc.font('bold').fontSize(11).fillColor('black');
	doc.text(t.total, cols.date, totalY + CELL_PAD, { width: dateWidth + innerKind, lineBreak: false });
	doc.text(formatAmount(total, input.locale), cols.amount, totalY + CELL_PAD, {
		width: innerAmount,
		align: 'right',
		lineBreak: false
	});
	doc.y = totalY + totalHeight;
	doc.moveDown(2.5);

	doc.font('regular').fontSize(10).fillColor('black');
	doc.text(t.issued(input.club.place, formatDate(input.issuedOn, input.locale)), left, doc.y, { width });

	const signWidth = 220;
	const signX = left + width - signWidth;
	doc.moveDown(1);
	doc.text(`${t.signedFor}:`, signX, doc.y, { width: signWidth });
	const signY = doc.y + 48;
	doc
		.moveTo(signX, signY)
		.lineTo(signX + signWidth, signY)
		.lineWidth(0.6)
		.strokeColor('black')
		.dash(2, { space: 2 })
		.stroke()
		.undash();
	doc.font('regular').fontSize(9).fillColor(GREY);
	doc.text(t.signature, signX, signY + 4, { width: signWidth, align: 'center' });
	const signatory = input.club.signatory;
	if (signatory) {
		doc.font('bold').fontSize(10).fillColor('black');
		doc.text(signatory.name, signX, doc.y + 4, { width: signWidth, align: 'center' });
		doc.font('regular').fontSize(9);
		if (signatory.role) doc.text(signatory.role, signX, doc.y, { width: signWidth, align: 'center' });
	}
	doc.font('regular').fontSize(9).fillColor('black');
	doc.text(input.club.name, signX, doc.y, { width: signWidth, align: 'center' });

	// --- Footer on every page -----------------------------------------------------------------------
	const range = doc.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		doc.switchToPage(i);
		// Drawing inside the bottom margin would otherwise make pdfkit open a new page.
		const savedBottom = doc.page.margins.bottom;
		doc.page.margins.bottom = 0;
		const y = doc.page.height - MARGIN - 10;
		doc.font('regular').fontSize(8).fillColor(GREY);
		doc.text(`${title} · ${input.number}`, left, y, { width: width - 100, lineBreak: false });
		doc.text(t.page(i - range.start + 1, range.count), left + width - 100, y, {
			width: 100,
			align: 'right',
			lineBreak: false
		});
		doc.page.margins.bottom = savedBottom;
	}

	doc.end();
	await finished;
	const out = Buffer.concat(chunks);
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
