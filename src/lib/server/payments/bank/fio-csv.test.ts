import { sameAccount } from '$lib/core/bank-account';
import { describe, expect, it } from 'vitest';
import { fioTypeKind } from './fio-csv';
import { fio2024Cp1250 } from './fixtures/write-fixtures';
import { parseFioCsv, parseStatementFile, type StatementLine } from './statement';
import { errorOf, fixture, fixtureText, line } from './test-support';

/** What the 2024 export (fixtures/fio-2024.csv) holds, movement by movement. */
const OCTOBER: StatementLine[] = [
	line({
		line: 14,
		bankRef: '27101234501',
		bookedOn: '2026-10-01',
		amount: 150000,
		variableSymbol: '2026017',
		counterAccount: '1020304057/0800',
		counterName: 'Dvořáková Jana',
		message: 'Dar na školní pomůcky'
	}),
	line({
		line: 15,
		bankRef: '27101234502',
		bookedOn: '2026-10-03',
		amount: 50000,
		variableSymbol: '2026018',
		counterAccount: '2111111116/2010',
		counterName: 'Procházka Tomáš',
		message: 'Měsíční příspěvek; říjen'
	}),
	line({
		line: 16,
		bankRef: '27101234503',
		bookedOn: '2026-10-05',
		// "12 000,00" with a no-break space
		amount: 1200000,
		variableSymbol: '2026020',
		counterAccount: '5566778893/0300',
		counterName: 'Svobodová Marie',
		message: 'Pro děti ze "Sluníčka" – s díky'
	}),
	line({
		line: 17,
		bankRef: '27101234504',
		bookedOn: '2026-10-06',
		amount: -125000,
		variableSymbol: '20261105',
		counterAccount: '4070217107/0600',
		counterName: 'Elektro Brno s.r.o.',
		// the payer's message, not either "Poznámka" (the second is the treasurer's own comment)
		message: 'Spolek Spolu, pračka pro rodinu'
	}),
	line({
		line: 18,
		bankRef: '27101234505',
		bookedOn: '2026-10-10',
		amount: -1000000,
		// a transfer to the club's savings account stays a payment: the importer knows the account
		counterAccount: '2901234575/2010',
		counterName: 'Spolek Spolu – spořicí účet',
		message: 'Převod na spořicí účet'
	}),
	line({
		line: 19,
		bankRef: '27101234506',
		bookedOn: '2026-10-14',
		amount: 30000,
		counterAccount: '35012343/5500',
		// no Název protiúčtu: the name Fio put into the first "Poznámka"
		counterName: 'Novotný Karel'
	}),
	line({
		line: 20,
		bankRef: '27101234507',
		bookedOn: '2026-10-20',
		amount: 70000,
		variableSymbol: '2026019',
		counterAccount: '1001234567/0100',
		counterName: 'Veselý Ondřej',
		message: 'Dar'
	}),
	line({
		line: 21,
		bankRef: '27101234508',
		bookedOn: '2026-10-21',
		amount: -70000,
		variableSymbol: '2026019',
		counterAccount: '1001234567/0100',
		counterName: 'Veselý Ondřej',
		message: 'Dar',
		// "Opravný pohyb" with the ID pokynu of the movement it corrects
		reversal: true,
		returnsRef: '27101234507'
	}),
	line({
		line: 22,
		bankRef: '27101234509',
		bookedOn: '2026-10-24',
		amount: 48750,
		counterAccount: 'SK3112000000198742637541',
		counterName: 'Horváthová Zuzana',
		message: 'Na dobrú vec'
	}),
	line({ line: 23, bankRef: '27101234510', bookedOn: '2026-10-31', amount: 317, kind: 'interest' }),
	line({ line: 24, bankRef: '27101234511', bookedOn: '2026-10-31', amount: -48, kind: 'interest' }),
	line({ line: 25, bankRef: '27101234512', bookedOn: '2026-10-31', amount: -4900, kind: 'fee' })
];

describe('the internet banking export of 2024', () => {
	it('reads the header block, "ID operace", quoted fields, both "Poznámka" and "1 250,00"', () => {
		expect(parseStatementFile(fixture('fio-2024.csv'))).toEqual({
			format: 'fio_csv',
			encoding: 'utf-8',
			statements: [
				{
					format: 'fio_csv',
					accountIban: 'CZ5520100000002901234567',
					accountLabel: '2901234567/2010',
					lines: OCTOBER
				}
			]
		});
	});

	it('reads the same export saved in windows-1250 with every name and message intact', () => {
		const bytes = fixture('fio-2024-cp1250.csv');
		// the committed file is the UTF-8 one in windows-1250 ("ř" is one byte, 0xF8)
		expect(bytes).toEqual(fio2024Cp1250());
		expect(bytes.indexOf(0xf8)).toBeGreaterThan(0);
		const file = parseStatementFile(bytes);
		expect(file.encoding).toBe('windows-1250');
		expect(file.statements[0]!.lines).toEqual(OCTOBER);
		expect(file.statements[0]!.lines[0]).toMatchObject({
			counterAccount: '1020304057/0800',
			counterName: 'Dvořáková Jana',
			message: 'Dar na školní pomůcky'
		});
	});

	it('refuses the export whose UTF-8 was read as windows-1250 and saved again, naming the garbled columns', () => {
		const garbled = new TextDecoder('windows-1250').decode(fixture('fio-2024.csv'));
		expect(garbled).toContain('"ProtiĂşÄŤet"');
		expect(errorOf(() => parseStatementFile(new TextEncoder().encode(garbled)))).toEqual({
			code: 'bad_header',
			line: 13,
			detail:
				'columns "MÄ›na" (Měna?), "ProtiĂşÄŤet" (Protiúčet?), "NĂˇzev protiĂşÄŤtu" (Název protiúčtu?), ' +
				'"KĂłd banky" (Kód banky?), "NĂˇzev banky" (Název banky?), "PoznĂˇmka" (Poznámka?), ' +
				'"ZprĂˇva pro pĹ™Ă­jemce" (Zpráva pro příjemce?), "UpĹ™esnÄ›nĂ­" (Upřesnění?), "PoznĂˇmka" (Poznámka?) ' +
				"not recognised: the names look like Fio's columns in a wrong text encoding, so their values would be garbled or lost"
		});
	});

	it('refuses names whose letters a converter replaced by "?" or dropped', () => {
		const csv = (names: string) => `${names}\n1;01.10.2026;5;2900999888;Jana\n`;
		expect(errorOf(() => parseFioCsv(csv('ID operace;Datum;Objem;Proti??et;N?zev proti??tu')))).toMatchObject(
			{
				code: 'bad_header',
				line: 1,
				detail: expect.stringContaining('"Proti??et" (Protiúčet?), "N?zev proti??tu" (Název protiúčtu?)')
			}
		);
		expect(errorOf(() => parseFioCsv(csv('ID operace;Datum;Objem;Protiet;Nzev protitu'))).code).toBe(
			'bad_header'
		);
	});

	it('reads the names written without diacritics', () => {
		const statement = parseFioCsv(
			'ID operace;Datum;Objem;Mena;Protiucet;Nazev protiuctu;Kod banky;VS;Zprava pro prijemce;Typ\n' +
				'1;01.10.2026;5;CZK;2900999888;Jana;2010;42;Dar;Bezhotovostní příjem\n'
		);
		expect(statement.lines[0]).toMatchObject({
			counterAccount: '2900999888/2010',
			counterName: 'Jana',
			variableSymbol: '42',
			message: 'Dar'
		});
	});
});

describe('what the header may and may not leave out', () => {
	const ALL = 'ID operace;Datum;Objem;Měna;Protiúčet;Kód banky;Název protiúčtu;VS;Zpráva pro příjemce;Typ';
	const ROW = '1;01.10.2026;5;CZK;2900999888;2010;Jana;42;Dar;Bezhotovostní příjem';

	it('accepts a column it does not know when every column it reads is there', () => {
		const statement = parseFioCsv(`${ALL};Adresa protistrany\n${ROW};Brno\n`);
		expect(statement.lines[0]).toMatchObject({ counterName: 'Jana', message: 'Dar', amount: 500 });
	});

	it('accepts a user’s export of fewer columns: what is not in the file cannot be lost', () => {
		const statement = parseFioCsv('Datum;Objem;ID operace\n01.10.2026;5;1\n');
		expect(statement.lines).toEqual([line({ line: 2, bankRef: '1', bookedOn: '2026-10-01', amount: 500 })]);
	});

	it('refuses an unknown column when a column it reads is missing: it may hold that data', () => {
		const header = ALL.replace('Název protiúčtu', 'Plátce');
		expect(errorOf(() => parseFioCsv(`${header}\n${ROW}\n`))).toEqual({
			code: 'bad_header',
			line: 1,
			detail:
				'column "Plátce" not recognised, and the file has no column "Název protiúčtu": ' +
				'the unrecognised ones may hold that data, which would be lost'
		});
	});

	it('refuses a column it reads that appears twice', () => {
		expect(errorOf(() => parseFioCsv(`${ALL};Zpráva pro příjemce\n${ROW};Jiná zpráva\n`))).toEqual({
			code: 'bad_header',
			line: 1,
			detail: 'column "Zpráva pro příjemce" appears 2 times; it cannot be told which to read'
		});
		expect(errorOf(() => parseFioCsv('ID operace;ID pohybu;Datum;Objem\n1;2;01.10.2026;5\n')).detail).toBe(
			'column "ID operace" appears 2 times; it cannot be told which to read'
		);
	});

	it('names every required column that is missing', () => {
		expect(errorOf(() => parseFioCsv('ID operace;VS;Zpráva pro příjemce\n1;2;3\n'))).toEqual({
			code: 'bad_header',
			line: 1,
			detail: 'missing columns "Datum", "Objem"'
		});
	});
});

describe('the older export and the API', () => {
	it('reads the older export headed "ID pohybu" with d.m.yyyy dates and LF line ends', () => {
		const file = parseStatementFile(fixture('fio-2023.csv'));
		expect(file.statements[0]).toEqual({
			format: 'fio_csv',
			accountIban: 'CZ5520100000002901234567',
			accountLabel: '2901234567/2010',
			lines: [
				line({
					line: 14,
					bankRef: '25501230101',
					bookedOn: '2023-09-04',
					amount: 60000,
					variableSymbol: '2023005',
					counterAccount: '2701234562/2700',
					counterName: 'Marková Lucie',
					// not the Komentář "poděkovat osobně"
					message: 'Členský příspěvek 2023'
				}),
				// a cash deposit: Uživatelská identifikace describes it
				line({
					line: 15,
					bankRef: '25501230102',
					bookedOn: '2023-09-12',
					amount: 200000,
					message: 'Vklad hotovosti – sbírka na trhu'
				}),
				line({ line: 16, bankRef: '25501230103', bookedOn: '2023-09-29', amount: -10000, kind: 'fee' }),
				line({ line: 17, bankRef: '25501230104', bookedOn: '2023-09-30', amount: -1765, kind: 'fee' })
			]
		});
	});

	it('reads the API CSV: no blank line, spaces around values, quoted text, a ";" ending every row', () => {
		const file = parseStatementFile(fixture('fio-api.csv'));
		expect(file).toEqual({
			format: 'fio_csv',
			encoding: 'utf-8',
			statements: [
				{
					format: 'fio_csv',
					accountIban: 'CZ5520100000002901234567',
					accountLabel: '2901234567/2010',
					lines: [
						line({
							line: 14,
							bankRef: '27201234601',
							bookedOn: '2026-11-02',
							amount: 25000,
							variableSymbol: '2026018',
							counterAccount: '2111111116/2010',
							counterName: 'Procházka Tomáš',
							message: 'Měsíční příspěvek; listopad'
						}),
						line({
							line: 15,
							bankRef: '27201234602',
							bookedOn: '2026-11-05',
							amount: -35200,
							variableSymbol: '1234567890',
							counterAccount: '1234567899/0800',
							counterName: 'Knihkupectví Luxor'
						}),
						line({ line: 16, bankRef: '27201234603', bookedOn: '2026-11-30', amount: 7, kind: 'interest' })
					]
				}
			]
		});
	});

	it('finds the account in a sentence of the header block', () => {
		const csv = [
			'"Výpis č. 7/2026 z účtu ""2901234567/2010"""',
			'"Období: 01.07.2026 - 31.07.2026"',
			'"Počáteční stav účtu k 01.07.2026: 100,00 CZK"',
			'',
			'"ID operace";"Datum";"Objem";"Měna"',
			'"27737637241";"04.07.2026";"-50";"CZK"'
		].join('\n');
		const statement = parseFioCsv(csv);
		expect(statement).toMatchObject({
			accountIban: 'CZ5520100000002901234567',
			accountLabel: '2901234567/2010'
		});
		expect(sameAccount(statement.accountLabel!, 'CZ55 2010 0000 0029 0123 4567')).toBe(true);
		expect(statement.lines[0]).toMatchObject({ line: 6, amount: -5000 });
	});

	it('leaves returnsRef empty when the corrected movement is not in the file', () => {
		const csv =
			'ID operace;Datum;Objem;Typ;ID pokynu\n' +
			'2;21.10.2026;-700,00;Opravný pohyb;31301234507\n' +
			'3;22.10.2026;700,00;Bezhotovostní příjem;31301234599\n';
		expect(parseFioCsv(csv).lines.map((l) => [l.reversal, l.returnsRef])).toEqual([
			[true, null],
			[false, null]
		]);
	});
});

describe('fioTypeKind', () => {
	it.each([
		['Bezhotovostní příjem', 'payment', false],
		['Okamžitá příchozí platba', 'payment', false],
		['Platba kartou', 'payment', false],
		['Převod uvnitř konta', 'payment', false],
		['Vlastní příjem na bankovní konto', 'payment', false],
		['Připsaný úrok', 'interest', false],
		['Vyplacený úrok', 'interest', false],
		['Odvod daně z úroků', 'interest', false],
		['Úrok z úvěru', 'interest', false],
		['Poplatek', 'fee', false],
		['Poplatek – platební karta', 'fee', false],
		['Sankční poplatek', 'fee', false],
		['Evidovaný poplatek', 'fee', false],
		['Opravný pohyb', 'payment', true],
		['Vrácení peněz', 'payment', true],
		['Storno poplatku', 'fee', true],
		[null, 'payment', false]
	])('reads "%s" as %s (reversal %s)', (type, kind, reversal) => {
		expect(fioTypeKind(type)).toEqual({ kind, reversal });
	});
});

describe('broken files', () => {
	it('reports text after a closing quote with its line and column', () => {
		expect(errorOf(() => parseFioCsv('ID operace;Datum;Objem\n1;"01.10.2026"x;5\n'))).toEqual({
			code: 'bad_line',
			line: 2,
			detail: 'column 2: text after a closing quote'
		});
	});

	it('reports a row with values beyond the header', () => {
		expect(errorOf(() => parseFioCsv('ID operace;Datum;Objem\n1;01.10.2026;5;6\n'))).toEqual({
			code: 'bad_line',
			line: 2,
			detail: 'expected 3 columns, found 4'
		});
	});

	it('refuses a file without a header among its first 100 rows', () => {
		const csv = Array.from({ length: 150 }, (_, i) => `key${i};value`).join('\n');
		expect(errorOf(() => parseFioCsv(csv))).toEqual({
			code: 'bad_header',
			line: null,
			detail: 'no column header row'
		});
	});
});

describe('a year of a busy account', () => {
	it('parses 100,000 movements, every one of them', () => {
		const head = fixtureText('fio-2024.csv').split('\r\n').slice(0, 13);
		const rows = Array.from(
			{ length: 100_000 },
			(_, i) =>
				`"${30_000_000_000 + i}";"${String(1 + (i % 28)).padStart(2, '0')}.10.2026";"${(i % 5000) + 1},${String(i % 100).padStart(2, '0')}";"CZK";"1020304057";"Dvořáková Jana";"0800";"Česká spořitelna, a.s.";"";"${2_026_000 + i}";"";"";"Dar č. ${i}";"Bezhotovostní příjem";"";"";"";"GIBACZPX";"${i}"`
		);
		const [statement] = parseStatementFile(
			new TextEncoder().encode([...head, ...rows].join('\r\n'))
		).statements;
		expect(statement!.lines).toHaveLength(100_000);
		const total = statement!.lines.reduce((sum, l) => sum + l.amount, 0);
		expect(total).toBe(rows.reduce((sum, _, i) => sum + ((i % 5000) + 1) * 100 + (i % 100), 0));
		expect(statement!.lines[99_999]).toMatchObject({
			line: 14 + 99_999,
			bankRef: '30000099999',
			variableSymbol: '2125999',
			message: 'Dar č. 99999'
		});
	}, 30_000);
});
