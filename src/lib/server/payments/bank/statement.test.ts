import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf, fixture, fixtureText } from './test-support';
import {
	MAX_STATEMENT_BYTES,
	decimalToHalere,
	fallbackRef,
	parseCamt053,
	parseFioCsv,
	parseStatement,
	parseStatementFile,
	readHalere,
	type StatementLine
} from './statement';

/** A line as the parsers give it for an ordinary payment; the fields that are new since 2026 filled in. */
const payment = (l: Omit<StatementLine, 'kind' | 'reversal' | 'returnsRef'>): StatementLine => ({
	...l,
	kind: 'payment',
	reversal: false,
	returnsRef: null
});

const FIO_LINES: StatementLine[] = [
	payment({
		line: 14,
		bankRef: '26001234567',
		bookedOn: '2026-10-01',
		amount: 150050,
		currency: 'CZK',
		variableSymbol: '1234567',
		counterAccount: '2900999888/2010',
		counterName: 'Jana Nováková',
		message: 'Příspěvek na potřeby – děkuji; Jana "Ž."'
	}),
	payment({
		line: 15,
		bankRef: '26001234568',
		bookedOn: '2026-10-03',
		amount: 100000,
		currency: 'CZK',
		variableSymbol: null,
		counterAccount: '123456789/0800',
		counterName: 'Petr Dvořák',
		message: 'Dar bez symbolu'
	}),
	payment({
		line: 16,
		bankRef: '26001234569',
		bookedOn: '2026-10-05',
		amount: -25000,
		currency: 'CZK',
		variableSymbol: '9876543210',
		counterAccount: '19-2000145399/0800',
		counterName: 'ČEZ Prodej, a.s.',
		message: 'Platba za elektřinu'
	}),
	payment({
		line: 17,
		bankRef: '26001234570',
		bookedOn: '2026-10-15',
		amount: 1234567,
		currency: 'CZK',
		variableSymbol: '42',
		counterAccount: '670100-2212345678/6210',
		counterName: 'Nadační fond Světlo',
		message: null
	}),
	{
		...payment({
			line: 18,
			bankRef: '26001234571',
			bookedOn: '2026-10-31',
			amount: -29,
			currency: 'CZK',
			variableSymbol: null,
			counterAccount: null,
			counterName: null,
			message: null
		}),
		// Typ "Poplatek"
		kind: 'fee'
	}
];

describe('Fio CSV', () => {
	it('parses the internetbanking export with its preamble', () => {
		expect(parseStatement(fixtureText('fio.csv'))).toEqual({
			format: 'fio_csv',
			accountIban: 'CZ8620100000002900123456',
			accountLabel: '2900123456/2010',
			lines: FIO_LINES
		});
	});

	it('parses the API export with a BOM, CRLF and unquoted values from bytes', () => {
		const bytes = fixture('fio-bom-crlf.csv');
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(Buffer.from(bytes).includes('\r\n')).toBe(true);
		expect(parseStatement(new Uint8Array(bytes))).toEqual({
			format: 'fio_csv',
			accountIban: 'CZ8620100000002900123456',
			accountLabel: '2900123456/2010',
			lines: FIO_LINES
		});
	});

	it('finds columns by name in a bare export without a preamble', () => {
		const statement = parseStatement(fixtureText('fio-bare.csv'));
		expect(statement.format).toBe('fio_csv');
		expect(statement.accountIban).toBeNull();
		expect(statement.accountLabel).toBeNull();
		expect(statement.lines).toEqual(FIO_LINES.slice(0, 3).map((l, i) => ({ ...l, line: i + 2 })));
	});

	it('converts number/bankcode to the IBAN when the preamble has none', () => {
		const csv = 'accountId;2901234567\nbankId;2010\n\nID pohybu;Datum;Objem\n1;01.10.2026;5\n';
		expect(parseFioCsv(csv)).toEqual({
			format: 'fio_csv',
			accountIban: 'CZ5520100000002901234567',
			accountLabel: '2901234567/2010',
			lines: [
				payment({
					line: 5,
					bankRef: '1',
					bookedOn: '2026-10-01',
					amount: 500,
					currency: 'CZK',
					variableSymbol: null,
					counterAccount: null,
					counterName: null,
					message: null
				})
			]
		});
	});

	it('makes no IBAN of an account number that fails the ČNB check, nor takes an IBAN with wrong check digits', () => {
		const invalid = parseFioCsv(
			'accountId;2900123456\nbankId;2010\n\nID pohybu;Datum;Objem\n1;01.10.2026;5\n'
		);
		expect(invalid).toMatchObject({ accountIban: null, accountLabel: '2900123456/2010' });
		const typo = parseFioCsv('iban;CZ5520100000002901234568\n\nID pohybu;Datum;Objem\n1;01.10.2026;5\n');
		expect(typo).toMatchObject({ accountIban: null, accountLabel: 'CZ5520100000002901234568' });
	});

	const withAmount = (objem: string, vs = '1') => `ID pohybu;Datum;Objem;VS\n7;1.2.2026;"${objem}";"${vs}"\n`;

	it.each([
		['1500,50', 150050],
		['1500,5', 150050],
		['1 500,50', 150050],
		['1\u00a0234\u00a0567,89', 123456789],
		['1\u202f000', 100000],
		['-250,00', -25000],
		['+12,30', 1230],
		['0,29', 29],
		['-0,00', 0],
		['1500.50', 150050]
	])('reads the amount %j as %i haléře', (objem, halere) => {
		const [line] = parseFioCsv(withAmount(objem)).lines;
		expect(line?.amount).toBe(halere);
		expect(line?.bookedOn).toBe('2026-02-01');
	});

	it('rejects an amount with a fraction of a haléř', () => {
		expect(errorOf(() => parseFioCsv(withAmount('1,505')))).toEqual({
			code: 'bad_line',
			line: 2,
			detail: 'column Objem: "1,505" is not a whole number of haléře'
		});
		expect(parseFioCsv(withAmount('1,500')).lines[0]?.amount).toBe(150);
	});

	it.each(['12,345,00', 'abc', '', '1 500,50 Kč', '--5'])('rejects the amount %j with its line', (objem) => {
		expect(errorOf(() => parseFioCsv(withAmount(objem)))).toEqual({
			code: 'bad_line',
			line: 2,
			detail: `column Objem: "${objem}" is not an amount`
		});
	});

	it.each([
		['00042', '42'],
		['0', null],
		['0000000000', null],
		['', null],
		['12a', null],
		['1234567890', '1234567890'],
		['12345678901', null]
	])('normalises the VS %j to %j', (vs, expected) => {
		expect(parseFioCsv(withAmount('1', vs)).lines[0]?.variableSymbol).toBe(expected);
	});

	it('reports a row with an impossible date', () => {
		expect(errorOf(() => parseStatement(fixtureText('fio-bad-date.csv')))).toEqual({
			code: 'bad_line',
			line: 15,
			detail: 'column Datum: "32.13.2026" is not a date'
		});
		expect(errorOf(() => parseFioCsv('ID pohybu;Datum;Objem\n1;29.02.2026;1\n')).detail).toBe(
			'column Datum: "29.02.2026" is not a date'
		);
	});

	it('reports a row with a wrong number of columns', () => {
		expect(errorOf(() => parseStatement(fixtureText('fio-bad-columns.csv')))).toEqual({
			code: 'bad_line',
			line: 16,
			detail: 'expected 19 columns, found 17'
		});
	});

	it('reports a missing required column', () => {
		expect(errorOf(() => parseStatement(fixtureText('fio-no-id-column.csv')))).toEqual({
			code: 'bad_header',
			line: 13,
			detail: 'missing column "ID operace" (or "ID pohybu")'
		});
		expect(errorOf(() => parseFioCsv('a;b\n1;2\n'))).toMatchObject({ code: 'bad_header' });
	});

	it('reports broken quoting with its line', () => {
		const e = errorOf(() => parseFioCsv('ID pohybu;Datum;Objem\n1;01.10.2026;5\n2;"01.10.2026;5\n'));
		expect(e.code).toBe('bad_line');
		expect(e.line).toBe(3);
	});

	it('counts lines of a message spanning several lines', () => {
		const csv =
			'ID pohybu;Datum;Objem;Zpráva pro příjemce\r\n1;01.10.2026;5;"a\r\nb"\r\n\r\n2;02.10.2026;6;c\r\n';
		const lines = parseFioCsv(csv).lines;
		expect(lines.map((l) => [l.line, l.message])).toEqual([
			[2, 'a\r\nb'],
			[5, 'c']
		]);
	});
});

const camtText = fixtureText('camt053.xml');

const CAMT_LINES: StatementLine[] = [
	payment({
		line: 30,
		bankRef: '2026100200001',
		bookedOn: '2026-10-02',
		amount: 150050,
		currency: 'CZK',
		variableSymbol: '1234567',
		counterAccount: 'CZ6520100000002900999888',
		counterName: 'Jana Nováková',
		message: 'Příspěvek – žluťoučký kůň & spol.'
	}),
	payment({
		line: 54,
		bankRef: 'TX-2026100500002',
		bookedOn: '2026-10-05',
		amount: 20000,
		currency: 'CZK',
		variableSymbol: '777',
		counterAccount: '123456789/0800',
		counterName: 'Petr Dvořák',
		message: null
	}),
	payment({
		line: 81,
		bankRef: '3',
		bookedOn: '2026-10-07',
		amount: 30000,
		currency: 'CZK',
		variableSymbol: '555',
		counterAccount: 'CZ4203000000000123456789',
		counterName: 'Eva Malá',
		message: '/VS/555/SS/1/KS/0308 dar na školní pomůcky'
	}),
	payment({
		line: 100,
		bankRef: '2026101000004',
		bookedOn: '2026-10-10',
		amount: -25000,
		currency: 'CZK',
		variableSymbol: '9876543210',
		counterAccount: 'CZ1208000000192000145399',
		counterName: 'ČEZ Prodej, a.s.',
		message: 'Platba za elektřinu'
	}),
	payment({
		line: 122,
		bankRef: null,
		bookedOn: '2026-10-12',
		amount: 100000,
		currency: 'CZK',
		variableSymbol: null,
		counterAccount: null,
		counterName: null,
		message: 'Dar bez symbolu'
	}),
	{
		...payment({
			line: 129,
			bankRef: '2026102000006',
			bookedOn: '2026-10-20',
			amount: -20000,
			currency: 'CZK',
			variableSymbol: '777',
			counterAccount: null,
			counterName: null,
			message: 'vrácení platby'
		}),
		// RvslInd true; the file does not say which payment it reverses
		reversal: true
	}
];

describe('camt.053', () => {
	it('parses a .001.02 statement: VS in EndToEndId, Strd Ref and Ustrd, DtTm, debit, reversal', () => {
		// the PDNG entry at the end of the fixture is not booked and must not appear
		expect(parseStatement(camtText)).toEqual({
			format: 'camt053',
			accountIban: 'CZ5508000000001234567899',
			accountLabel: 'CZ5508000000001234567899',
			lines: CAMT_LINES
		});
	});

	it('parses a .001.08 batch with prefixed elements into one line per TxDtls', () => {
		expect(parseStatement(fixture('camt053-batch.xml'))).toEqual({
			format: 'camt053',
			// 2900123456 fails the ČNB check: no IBAN is made of it
			accountIban: null,
			accountLabel: '2900123456/2010',
			lines: [
				payment({
					line: 24,
					bankRef: 'T2026101500015-1',
					bookedOn: '2026-10-15',
					amount: 100000,
					currency: 'CZK',
					variableSymbol: '2024001',
					// the domestic number without the padding zeros
					counterAccount: '1234567890',
					counterName: 'Karel Černý',
					message: 'Dar říjen'
				}),
				payment({
					line: 37,
					bankRef: 'B2026101500015/2',
					bookedOn: '2026-10-15',
					amount: 199999,
					currency: 'CZK',
					variableSymbol: '88',
					counterAccount: 'CZ0708000000000987654321',
					counterName: 'Lucie Bílá',
					message: null
				}),
				payment({
					line: 50,
					bankRef: 'B2026101500015/3',
					bookedOn: '2026-10-15',
					amount: 1,
					currency: 'CZK',
					variableSymbol: null,
					counterAccount: null,
					counterName: null,
					message: 'test'
				})
			]
		});
	});

	it('accepts a file without a namespace and one with a prefixed .001.02 namespace', () => {
		const bare = camtText.replace(/ xmlns="[^"]*"/, '');
		expect(bare).not.toContain('camt.053');
		expect(parseCamt053(bare)[0]?.lines).toEqual(CAMT_LINES);

		const prefixed = camtText
			.replace(/<(\/?)(\w+)/g, (m, slash: string, name: string) =>
				name === 'xml' ? m : `<${slash}c:${name}`
			)
			.replace(' xmlns="', ' xmlns:c="');
		expect(prefixed).toContain('<c:Ntry>');
		expect(parseStatement(prefixed).lines).toEqual(CAMT_LINES);
	});

	it('accepts every camt.053 version from .001.02 to .001.08', () => {
		for (const v of ['02', '03', '04', '05', '06', '07', '08']) {
			const xml = camtText.replace('camt.053.001.02', `camt.053.001.${v}`);
			expect(parseStatement(xml).lines).toHaveLength(CAMT_LINES.length);
		}
	});

	it('converts decimal amounts exactly', () => {
		const amounts = ['0.29', '1500.5', '1500.50', '99999999.99', '0.1', '12'].map((a) => {
			const xml = camtText.replace('<Amt Ccy="CZK">1500.5</Amt>', `<Amt Ccy="EUR">${a}</Amt>`);
			const line = parseCamt053(xml)[0]?.lines[0];
			return [line?.amount, line?.currency];
		});
		expect(amounts).toEqual([
			[29, 'EUR'],
			[150050, 'EUR'],
			[150050, 'EUR'],
			[9999999999, 'EUR'],
			[10, 'EUR'],
			[1200, 'EUR']
		]);
	});

	it('rejects an amount with a fraction of a haléř at its Ntry', () => {
		const xml = camtText.replace('>1500.5<', '>1500.505<');
		expect(errorOf(() => parseStatement(xml))).toEqual({
			code: 'bad_line',
			line: 30,
			detail: 'Ntry/Amt: "1500.505" is not a whole number of haléře'
		});
		expect(errorOf(() => parseStatement(camtText.replace('>1500.5<', '>15OO.5<')))).toEqual({
			code: 'bad_line',
			line: 30,
			detail: 'Ntry/Amt: "15OO.5" is not an amount'
		});
	});

	it('rejects a Ntry without Amt', () => {
		expect(errorOf(() => parseStatement(fixtureText('camt053-no-amt.xml')))).toEqual({
			code: 'bad_line',
			line: 81,
			detail: 'Ntry without Amt'
		});
	});

	it('rejects a batch TxDtls without its own Amt at the TxDtls line', () => {
		const xml = fixtureText('camt053-batch.xml').replace('<ns2:Amt Ccy="CZK">1999.99</ns2:Amt>', '');
		expect(errorOf(() => parseStatement(xml))).toEqual({
			code: 'bad_line',
			line: 37,
			detail: 'TxDtls in a batch without Amt'
		});
	});

	it('rejects XML that is not well-formed with the parser line', () => {
		const e = errorOf(() => parseStatement(fixtureText('camt053-malformed.xml')));
		expect(e.code).toBe('bad_xml');
		expect(e.line).toBe(68);
		expect(e.detail).toContain("Expected closing tag 'Nm'");

		const truncated = camtText.slice(0, camtText.indexOf('<Ntry>', 1000));
		expect(errorOf(() => parseStatement(truncated)).code).toBe('bad_xml');
		expect(errorOf(() => parseCamt053('hello')).code).toBe('bad_xml');
	});

	it('refuses a DOCTYPE that declares entities', () => {
		const xml = camtText.replace('<Document', '<!DOCTYPE Document [<!ENTITY lol "lol">]>\n<Document');
		expect(errorOf(() => parseStatement(xml))).toEqual({
			code: 'bad_xml',
			line: 2,
			detail: 'DOCTYPE with entity declarations is not accepted'
		});
	});

	it('treats other ISO 20022 messages and other XML as unknown formats', () => {
		const camt052 = camtText.replace('camt.053.001.02', 'camt.052.001.02');
		expect(errorOf(() => parseStatement(camt052)).code).toBe('unknown_format');
		expect(errorOf(() => parseStatement('<html><body>hi</body></html>')).code).toBe('unknown_format');
	});
});

describe('parseStatement', () => {
	it('rejects empty files', () => {
		for (const content of ['', '  \r\n\n', '\uFEFF', new Uint8Array(0)]) {
			expect(errorOf(() => parseStatement(content))).toEqual({
				code: 'empty',
				line: null,
				detail: 'file is empty'
			});
		}
	});

	it('rejects files over 40 MB before parsing them', () => {
		const big = new Uint8Array(MAX_STATEMENT_BYTES + 1);
		expect(MAX_STATEMENT_BYTES).toBe(40 * 1024 * 1024);
		expect(errorOf(() => parseStatement(big))).toEqual({
			code: 'too_large',
			line: null,
			detail: `file has ${MAX_STATEMENT_BYTES + 1} bytes, the limit is ${MAX_STATEMENT_BYTES}`
		});
		expect(parseStatement(fixtureText('fio.csv')).lines).toHaveLength(5);
	});

	it('rejects content that is neither format', () => {
		for (const content of ['hello world', '{"lines":[]}', 'Datum,Objem\n1.1.2026,5\n']) {
			expect(errorOf(() => parseStatement(content)).code).toBe('unknown_format');
		}
	});
});

describe('parseStatementFile', () => {
	it('tells the formats and encodings apart by content', () => {
		const formats = [
			'fio-2024.csv',
			'fio-2024-cp1250.csv',
			'fio-api.csv',
			'gpc-two-statements.gpc',
			'camt053-two-accounts.xml'
		].map((name) => {
			const file = parseStatementFile(new Uint8Array(fixture(name)));
			return [name, file.format, file.encoding, file.statements.length];
		});
		expect(formats).toEqual([
			['fio-2024.csv', 'fio_csv', 'utf-8', 1],
			['fio-2024-cp1250.csv', 'fio_csv', 'windows-1250', 1],
			['fio-api.csv', 'fio_csv', 'utf-8', 1],
			['gpc-two-statements.gpc', 'gpc', 'windows-1250', 2],
			['camt053-two-accounts.xml', 'camt053', 'utf-8', 2]
		]);
	});

	it('reads text the same as its UTF-8 bytes, with or without a BOM', () => {
		const text = fixtureText('fio-2024.csv');
		const fromText = parseStatementFile(text);
		expect(parseStatementFile(new TextEncoder().encode(`\uFEFF${text}`))).toEqual(fromText);
		expect(parseStatementFile(`\uFEFF${text}`)).toEqual(fromText);
	});

	it('refuses UTF-16 and a camt.053 without any statement', () => {
		expect(errorOf(() => parseStatementFile(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00])))).toEqual({
			code: 'unknown_format',
			line: null,
			detail: 'the file is in UTF-16; save it as UTF-8'
		});
		const none =
			'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>';
		expect(errorOf(() => parseStatementFile(none))).toEqual({
			code: 'empty',
			line: null,
			detail: 'the file holds no <Stmt>'
		});
	});

	it('keeps parseStatement for one statement and refuses it a file of several', () => {
		expect(parseStatement(fixture('camt053-cz-dialect.xml')).accountIban).toBe('CZ2508000000002000145401');
		expect(errorOf(() => parseStatement(fixture('gpc-two-statements.gpc')))).toEqual({
			code: 'unknown_format',
			line: null,
			detail:
				'the file holds 2 statements (2901234567, 2901234575); only a file with one statement can be read this way'
		});
	});
});

describe('readHalere', () => {
	it.each([
		['1500', '.', 150000],
		['1500.000', '.', 150000],
		['12.50000', '.', 1250],
		['-0,29', ',', -29],
		['12.505', '.', 'fraction'],
		['0.001', '.', 'fraction'],
		['12,50', '.', null],
		['1e3', '.', null]
	] as const)('reads %j (separator %j) as %j', (raw, sep, expected) => {
		expect(readHalere(raw, sep)).toBe(expected);
		expect(decimalToHalere(raw, sep)).toBe(typeof expected === 'number' ? expected : null);
	});
});

describe('fallbackRef', () => {
	const line = CAMT_LINES[4] as StatementLine;

	it('hashes date|amount|vs|counterAccount|message|occurrence', () => {
		const expected = createHash('sha256').update('2026-10-12|100000|||Dar bez symbolu|0').digest('hex');
		expect(fallbackRef(line, 0)).toBe(expected);
	});

	it('is stable for equal movements and differs by occurrence', () => {
		expect(fallbackRef({ ...line, line: 999 }, 1)).toBe(fallbackRef(line, 1));
		expect(fallbackRef(line, 1)).not.toBe(fallbackRef(line, 0));
		expect(fallbackRef({ ...line, amount: 100001 }, 0)).not.toBe(fallbackRef(line, 0));
	});
});

describe('Fio CSV round trip', () => {
	const text = fc
		.string({
			unit: fc.constantFrom('a', 'Z', 'ř', 'Ž', 'ů', ' ', ';', '"', ',', "'", '1', '/', '–'),
			maxLength: 40
		})
		.map((s) => s.trim());
	const movement = fc.record({
		id: fc.bigInt({ min: 1n, max: 99999999999n }),
		date: fc.date({
			min: new Date('2000-01-01T00:00:00Z'),
			max: new Date('2099-12-31T00:00:00Z'),
			noInvalidDate: true
		}),
		amount: fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }),
		vs: fc.option(fc.stringMatching(/^[1-9]\d{0,9}$/), { nil: null }),
		vsZeros: fc.integer({ min: 0, max: 3 }),
		message: text,
		thousands: fc.constantFrom('', ' ', '\u00a0')
	});

	const czechAmount = (halere: number, thousands: string) => {
		const abs = Math.abs(halere);
		const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
		return `${halere < 0 ? '-' : ''}${whole},${String(abs % 100).padStart(2, '0')}`;
	};
	const q = (v: string) => `"${v.replace(/"/g, '""')}"`;

	it('gives back amount, VS, date and message', () => {
		fc.assert(
			fc.property(fc.array(movement, { minLength: 1, maxLength: 20 }), (movements) => {
				const header = ['ID pohybu', 'Datum', 'Objem', 'Měna', 'VS', 'Zpráva pro příjemce'];
				const rows = movements.map((m) => {
					const [y, mo, d] = m.date.toISOString().slice(0, 10).split('-');
					const vs = m.vs === null ? '' : '0'.repeat(m.vsZeros).slice(0, 10 - m.vs.length) + m.vs;
					return [String(m.id), `${d}.${mo}.${y}`, czechAmount(m.amount, m.thousands), 'CZK', vs, m.message];
				});
				const csv =
					'\uFEFF"accountId";"2900123456"\r\n"bankId";"2010"\r\n\r\n' +
					[header, ...rows].map((r) => r.map(q).join(';')).join('\r\n') +
					'\r\n';
				const parsed = parseStatement(csv);
				expect(parsed.lines).toEqual(
					movements.map((m, i) =>
						payment({
							line: 5 + i,
							bankRef: String(m.id),
							bookedOn: m.date.toISOString().slice(0, 10),
							amount: m.amount,
							currency: 'CZK',
							variableSymbol: m.vs,
							counterAccount: null,
							counterName: null,
							message: m.message === '' ? null : m.message
						})
					)
				);
			}),
			{ numRuns: 200 }
		);
	});
});
