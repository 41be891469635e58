import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
	confirmationPdf,
	formatAmount,
	formatDate,
	type ConfirmationGift,
	type ConfirmationInput
} from './confirmation-pdf';

/** The text of each page, whitespace (including the non-breaking spaces in amounts) folded to ' '. */
async function pagesText(pdf: Uint8Array): Promise<string[]> {
	// pdfjs may transfer the buffer it is given; keep the caller's bytes intact.
	const doc = await getDocument({
		data: pdf.slice(),
		useSystemFonts: false,
		disableFontFace: true
	}).promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const content = await page.getTextContent();
		const text = content.items
			.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
			.join('');
		pages.push(text.replace(/\s+/g, ' ').trim());
	}
	await doc.destroy();
	return pages;
}

const base: ConfirmationInput = {
	locale: 'cs',
	club: {
		name: 'Spolu, z. s.',
		registrationNumber: '12345678',
		address: 'Údolní 12, 602 00 Brno',
		place: 'Brno',
		signatory: { name: 'Jana Nováková', role: 'předsedkyně spolku' }
	},
	donor: { kind: 'person', name: 'Řehoř Šťastný', address: 'Křižíkova 8, 612 00 Brno' },
	year: 2026,
	// deliberately out of order: the document sorts them by date
	gifts: [
		{ date: '2026-09-14', amount: 3450, kind: 'in_kind', description: 'pračka' },
		{ date: '2026-03-05', amount: 100000, kind: 'money', description: 'bank' },
		{ date: '2026-06-20', amount: 20000, kind: 'money', description: 'card' }
	],
	issuedOn: '2026-11-25',
	number: 'PD-2026-0007'
};

describe('formatAmount', () => {
	it('formats haléře as Czech crowns with grouped thousands', () => {
		const fold = (s: string) => s.replace(/\u00a0/g, ' ');
		expect(fold(formatAmount(0))).toBe('0,00 Kč');
		expect(fold(formatAmount(1))).toBe('0,01 Kč');
		expect(fold(formatAmount(99))).toBe('0,99 Kč');
		expect(fold(formatAmount(100))).toBe('1,00 Kč');
		expect(fold(formatAmount(123456789))).toBe('1 234 567,89 Kč');
		expect(fold(formatAmount(1250000))).toBe('12 500,00 Kč');
		expect(fold(formatAmount(100000))).toBe('1 000,00 Kč');
		expect(fold(formatAmount(-12345))).toBe('-123,45 Kč');
	});

	it('keeps an amount on one line with non-breaking spaces', () => {
		expect(formatAmount(123456789)).toBe('1\u00a0234\u00a0567,89\u00a0Kč');
	});

	it('formats English amounts', () => {
		expect(formatAmount(123456789, 'en')).toBe('1,234,567.89\u00a0CZK');
		expect(formatAmount(5, 'en')).toBe('0.05\u00a0CZK');
	});

	it('refuses amounts that are not integers', () => {
		expect(() => formatAmount(1.5)).toThrow();
		expect(() => formatAmount(Number.NaN)).toThrow();
	});
});

describe('formatDate', () => {
	it('writes Czech and English dates', () => {
		expect(formatDate('2026-11-25', 'cs')).toBe('25. 11. 2026');
		expect(formatDate('2026-03-05', 'cs')).toBe('5. 3. 2026');
		expect(formatDate('2026-03-05', 'en')).toBe('5 March 2026');
		expect(formatDate('2026-09-14', 'en', true)).toBe('14 Sep 2026');
		expect(formatDate('2026-09-14', 'cs', true)).toBe('14. 9. 2026');
	});

	it('refuses what is not a calendar date', () => {
		expect(() => formatDate('2026-02-30', 'cs')).toThrow();
		expect(() => formatDate('25. 11. 2026', 'cs')).toThrow();
	});
});

describe('confirmationPdf', () => {
	it('produces a PDF', async () => {
		const pdf = await confirmationPdf(base);
		expect(pdf).toBeInstanceOf(Uint8Array);
		expect(new TextDecoder('latin1').decode(pdf.subarray(0, 5))).toBe('%PDF-');
	});

	it('prints the parties, the legal basis, every gift and the total', async () => {
		const pages = await pagesText(await confirmationPdf(base));
		expect(pages).toHaveLength(1);
		const text = pages[0] ?? '';
		expect(text).toContain('Potvrzení o přijetí daru');
		expect(text).toContain('za rok 2026');
		expect(text).toContain('Spolu, z. s.');
		expect(text).toContain('IČO: 12345678');
		expect(text).toContain('Sídlo: Údolní 12, 602 00 Brno');
		expect(text).toContain('Řehoř Šťastný');
		expect(text).toContain('Adresa: Křižíkova 8, 612 00 Brno');
		expect(text).toContain(
			'Příjemce daru potvrzuje, že v roce 2026 přijal od dárce bezúplatná plnění (dary) uvedená níže v celkové hodnotě 1 234,50 Kč.'
		);
		expect(text).toContain('586/1992');
		expect(text).toContain('§ 15 odst. 1');
		expect(text).toContain('§ 20 odst. 8');
		expect(text).toContain('domácím násilím');
		expect(text).toContain('5. 3. 2026 peněžní dar — bankovním převodem 1 000,00 Kč');
		expect(text).toContain('20. 6. 2026 peněžní dar — kartou 200,00 Kč');
		expect(text).toContain('14. 9. 2026 věcný dar — pračka 34,50 Kč');
		expect(text).toContain('Celkem 1 234,50 Kč');
		expect(text).toContain('Místo a datum vydání: Brno, 25. 11. 2026');
		expect(text).toContain(
			'Za příjemce daru: razítko a podpis Jana Nováková předsedkyně spolku Spolu, z. s.'
		);
		expect(text).toContain('Číslo potvrzení: PD-2026-0007');
		expect(text).not.toContain('vydání –');
	});

	it('sorts the gifts by date', async () => {
		const text = (await pagesText(await confirmationPdf(base)))[0] ?? '';
		const march = text.indexOf('5. 3. 2026');
		const june = text.indexOf('20. 6. 2026');
		const september = text.indexOf('14. 9. 2026');
		expect(march).toBeGreaterThan(-1);
		expect(march).toBeLessThan(june);
		expect(june).toBeLessThan(september);
	});

	it('leaves out what the club and the donor did not give', async () => {
		const text = (
			await pagesText(
				await confirmationPdf({
					...base,
					club: { name: 'Spolu, z. s.', registrationNumber: null, address: null, place: null },
					donor: { kind: 'person', name: 'Anna Nováková', address: null },
					gifts: [{ date: '2026-01-02', amount: 50000, kind: 'money', description: 'offline' }]
				})
			)
		)[0];
		expect(text).not.toContain('IČO');
		expect(text).not.toContain('Sídlo');
		expect(text).not.toContain('Adresa');
		expect(text).not.toContain('Místo');
		expect(text).not.toContain('DIČ');
		expect(text).toContain('Datum vydání: 25. 11. 2026');
		// without a signatory the club itself stands under the line
		expect(text).toContain('razítko a podpis Spolu, z. s.');
		expect(text).toContain('peněžní dar — v hotovosti 500,00 Kč');
		expect(text).toContain('Celkem 500,00 Kč');
	});

	it('has an English variant', async () => {
		const text = (await pagesText(await confirmationPdf({ ...base, locale: 'en' })))[0] ?? '';
		expect(text).toContain('Confirmation of Receipt of Donation');
		expect(text).toContain('586/1992');
		expect(text).toContain('Řehoř Šťastný');
		expect(text).toContain('14 Sep 2026 in-kind donation — pračka 34.50 CZK');
		expect(text).toContain('5 Mar 2026 monetary donation — bank transfer 1,000.00 CZK');
		expect(text).toContain('Total 1,234.50 CZK');
		expect(text).toContain('Place and date of issue: Brno, 25 November 2026');
		expect(text).not.toContain('Issued in');
		expect(text).not.toContain('Brně');
		expect(text).toContain('Confirmation No.: PD-2026-0007');
		expect(text).toContain('For the recipient: stamp and signature Jana Nováková');
		expect(text).toContain('with a total value of 1,234.50 CZK');
		expect(text).not.toContain('Celkem');
	});

	it('breaks 60 gifts across pages, repeats the header and keeps the total', async () => {
		const gifts: ConfirmationGift[] = Array.from({ length: 60 }, (_, i) => ({
			date: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
			amount: 12345 + i,
			kind: i % 3 === 0 ? 'in_kind' : 'money',
			description: i % 3 === 0 ? `dětské kolo č. ${i}` : 'bank'
		}));
		const expectedTotal = gifts.reduce((sum, g) => sum + g.amount, 0);
		expect(expectedTotal).toBe(742470);
		const pages = await pagesText(await confirmationPdf({ ...base, gifts }));
		expect(pages.length).toBeGreaterThan(1);
		const all = pages.join(' ');
		expect(all).toContain('Celkem 7 424,70 Kč');
		for (const gift of gifts) {
			expect(all).toContain(formatAmount(gift.amount).replace(/\u00a0/g, ' '));
			expect(all).toContain(formatDate(gift.date, 'cs'));
		}
		for (let i = 0; i < 60; i += 3) expect(all).toContain(`dětské kolo č. ${i}`);
		for (const page of pages.slice(1)) {
			if (page.includes('Druh daru')) expect(page).toContain('Datum Druh daru (pokračování) Hodnota');
		}
		expect(pages[1]).toContain('Druh daru (pokračování)');
		expect(pages[pages.length - 1]).toContain(`strana ${pages.length} z ${pages.length}`);
	});

	it('is deterministic and carries only the title and the club as metadata', async () => {
		const first = await confirmationPdf(base);
		const second = await confirmationPdf(base);
		expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);

		const doc = await getDocument({
			data: first.slice(),
			useSystemFonts: false,
			disableFontFace: true
		}).promise;
		const info: Record<string, unknown> = Object.fromEntries(Object.entries((await doc.getMetadata()).info));
		await doc.destroy();
		expect(info.Title).toBe('Potvrzení o přijetí daru 2026');
		expect(info.Author).toBe('Spolu, z. s.');
		expect(String(info.CreationDate)).toMatch(/^D:20261125/);
		expect(JSON.stringify(info)).not.toContain('Šťastný');
	});

	it('names a company donor by its IČO, DIČ and registered office', async () => {
		for (const locale of ['cs', 'en'] as const) {
			const text = (
				await pagesText(
					await confirmationPdf({
						...base,
						locale,
						donor: {
							kind: 'company',
							name: 'Pekárna U Mlýna s.r.o.',
							address: 'Mlýnská 3, 602 00 Brno',
							registrationNumber: '25596641',
							vatNumber: 'CZ25596641'
						}
					})
				)
			)[0];
			expect(text).toContain('Pekárna U Mlýna s.r.o.');
			if (locale === 'cs') {
				expect(text).toContain('IČO: 25596641 DIČ: CZ25596641 Sídlo: Mlýnská 3, 602 00 Brno');
				expect(text).not.toContain('Adresa');
			} else {
				expect(text).toContain(
					'Reg. No. (IČO): 25596641 VAT No. (DIČ): CZ25596641 Registered office: Mlýnská 3, 602 00 Brno'
				);
			}
		}
		const withoutVat = (
			await pagesText(
				await confirmationPdf({
					...base,
					donor: {
						kind: 'company',
						name: 'Spolek přátel Brna',
						address: null,
						registrationNumber: '25596641',
						vatNumber: null
					}
				})
			)
		)[0];
		expect(withoutVat).toContain('IČO: 25596641');
		expect(withoutVat).not.toContain('DIČ');
	});

	it('says which earlier issue a new edition replaces', async () => {
		const edition = { edition: 2, replacesIssuedOn: '2027-01-10' };
		const cs = (await pagesText(await confirmationPdf({ ...base, edition })))[0];
		expect(cs).toContain(
			'Číslo potvrzení: PD-2026-0007 2. vydání – nahrazuje potvrzení stejného čísla vydané dne 10. 1. 2027'
		);
		const en = (await pagesText(await confirmationPdf({ ...base, locale: 'en', edition })))[0];
		expect(en).toContain(
			'Edition 2 – replaces the confirmation with the same number issued on 10 January 2027'
		);
	});

	it('refuses an empty list and bad gifts', async () => {
		await expect(confirmationPdf({ ...base, gifts: [] })).rejects.toThrow();
		await expect(
			confirmationPdf({
				...base,
				gifts: [{ date: '2026-01-01', amount: 10.5, kind: 'money', description: 'bank' }]
			})
		).rejects.toThrow();
		await expect(
			confirmationPdf({
				...base,
				gifts: [{ date: '2026-13-01', amount: 100, kind: 'money', description: 'bank' }]
			})
		).rejects.toThrow();
	});
});
