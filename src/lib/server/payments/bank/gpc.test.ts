import { accountToIban, sameAccount } from '$lib/core/bank-account';
import { describe, expect, it } from 'vitest';
import { encodeSingleByte } from './encoding';
import { gpcFixture } from './fixtures/write-fixtures';
import { parseGpc, parseStatementFile } from './statement';
import { errorOf, fixture, line } from './test-support';

/*
 * Records as Fio's API documentation (5.3.1.3) lays them out, for tests that need one record changed.
 * Positions are 1-based as there.
 */
const statementRecord = (account: string, oldBalance: string, newBalance: string) =>
	`074${account.padStart(16, '0')}${'Spolek Spolu'.padEnd(20)}300926${oldBalance}${newBalance}` +
	`${'0'.repeat(14)}0${'0'.repeat(14)}0010311026${' '.repeat(14)}`;
const movementRecord = (m: {
	account?: string;
	counter?: string;
	doc?: string;
	amount: number;
	code: string;
	bank?: string;
	text?: string;
	currency?: string;
	date?: string;
}) =>
	'075' +
	(m.account ?? '2901234567').padStart(16, '0') +
	(m.counter ?? '1020304057').padStart(16, '0') +
	(m.doc ?? '27101234501').padStart(13, '0') +
	String(m.amount).padStart(12, '0') +
	m.code +
	'0002026017' +
	'00' +
	(m.bank ?? '0800') +
	'0558' +
	'0000000000' +
	'011026' +
	(m.text ?? 'Dvořáková Jana').padEnd(20) +
	'0' +
	(m.currency ?? '0203') +
	(m.date ?? '011026');
const balance = (haler: number) => `${String(Math.abs(haler)).padStart(14, '0')}${haler < 0 ? '-' : '+'}`;
const gpc = (oldBalance: number, newBalance: number, ...movements: string[]) =>
	[statementRecord('2901234567', balance(oldBalance), balance(newBalance)), ...movements].join('\r\n') +
	'\r\n';

describe('GPC', () => {
	it('reads a file of two statements with a storno, interest and detail records', () => {
		const bytes = fixture('gpc-two-statements.gpc');
		expect(bytes).toEqual(gpcFixture);
		expect(parseStatementFile(bytes)).toEqual({
			format: 'gpc',
			encoding: 'windows-1250',
			statements: [
				{
					format: 'gpc',
					// GPC does not name the bank of its own account
					accountIban: null,
					accountLabel: '2901234567',
					lines: [
						line({
							line: 2,
							bankRef: '27101234501',
							bookedOn: '2026-10-01',
							amount: 150000,
							variableSymbol: '2026017',
							counterAccount: '1020304057/0800',
							counterName: 'Dvořáková Jana'
						}),
						line({
							line: 3,
							bankRef: '27101234502',
							bookedOn: '2026-10-03',
							amount: 50000,
							variableSymbol: '2026018',
							counterAccount: '2111111116/2010',
							counterName: 'Procházka Tomáš'
						}),
						line({
							line: 4,
							bankRef: '27101234504',
							bookedOn: '2026-10-06',
							amount: -125000,
							variableSymbol: '20261105',
							counterAccount: '4070217107/0600',
							counterName: 'Elektro Brno s.r.o.'
						}),
						line({
							line: 5,
							bankRef: '27101234507',
							bookedOn: '2026-10-20',
							amount: 70000,
							variableSymbol: '2026019',
							counterAccount: '1001234567/0100',
							counterName: 'Veselý Ondřej'
						}),
						// code 5: the storno of a credit takes the money away again
						line({
							line: 6,
							bankRef: '27101234508',
							bookedOn: '2026-10-21',
							amount: -70000,
							variableSymbol: '2026019',
							counterAccount: '1001234567/0100',
							counterName: 'Veselý Ondřej',
							reversal: true
						}),
						line({
							line: 7,
							bankRef: '27101234510',
							bookedOn: '2026-10-31',
							amount: 317,
							message: 'Připsaný úrok',
							kind: 'interest'
						}),
						line({
							line: 8,
							bankRef: '27101234511',
							bookedOn: '2026-10-31',
							amount: -48,
							message: 'Odvod daně z úroků',
							kind: 'interest'
						})
					]
				},
				{
					format: 'gpc',
					accountIban: null,
					accountLabel: '2901234575',
					lines: [
						line({
							line: 10,
							bankRef: '27101234505',
							bookedOn: '2026-10-10',
							amount: 1000000,
							counterAccount: '2901234567/2010',
							counterName: 'Spolek Spolu, z. s.',
							message: 'Převod na spořicí účet'
						}),
						// 076 gives the full name, 078 and 079 the message in lines of 35, cut mid-word
						line({
							line: 12,
							bankRef: '27101234520',
							bookedOn: '2026-10-15',
							amount: 200000,
							variableSymbol: '2026020',
							counterAccount: '5566778893/0300',
							counterName: 'Svobodová Marie, Brno-Královo Pole',
							message:
								'Dar na letní tábor pro děti z azylového domu, děkujeme za vaši práci a přejeme hodně sil'
						}),
						line({
							line: 16,
							bankRef: '27101234521',
							bookedOn: '2026-10-20',
							amount: -12000,
							variableSymbol: '1234567890',
							counterAccount: '1234567899/0800',
							counterName: 'Knihkupectví Luxor'
						}),
						// code 4 (Fio: storno of a debit) brings the money back
						line({
							line: 17,
							bankRef: '27101234522',
							bookedOn: '2026-10-22',
							amount: 12000,
							variableSymbol: '1234567890',
							counterAccount: '1234567899/0800',
							counterName: 'Knihkupectví Luxor',
							reversal: true
						}),
						line({
							line: 18,
							bankRef: '27101234523',
							bookedOn: '2026-10-31',
							amount: 125,
							message: 'Připsaný úrok',
							kind: 'interest'
						})
					]
				}
			]
		});
	});

	it('names its account so that it compares with the club’s IBAN', () => {
		const [current, savings] = parseStatementFile(fixture('gpc-two-statements.gpc')).statements;
		expect(sameAccount(current!.accountLabel!, accountToIban('2901234567/2010')!)).toBe(true);
		expect(sameAccount(savings!.accountLabel!, accountToIban('2901234567/2010')!)).toBe(false);
	});

	it('reads the same file in the DOS code pages IBM 852 and Kamenický', () => {
		const text = new TextDecoder('windows-1250').decode(fixture('gpc-two-statements.gpc'));
		const expected = parseStatementFile(fixture('gpc-two-statements.gpc')).statements;
		for (const encoding of ['ibm852', 'kamenicky'] as const) {
			const file = parseStatementFile(encodeSingleByte(text, encoding));
			expect(file.encoding).toBe(encoding);
			expect(file.statements).toEqual(expected);
		}
	});

	it('reads a UTF-8 GPC by characters', () => {
		const text = new TextDecoder('windows-1250').decode(fixture('gpc-two-statements.gpc'));
		const file = parseStatementFile(new TextEncoder().encode(text));
		expect(file.encoding).toBe('utf-8');
		expect(file.statements[0]!.lines[0]!.counterName).toBe('Dvořáková Jana');
	});

	describe('storno codes', () => {
		const credit = movementRecord({ amount: 10000, code: '2' });

		it('reads Česká spořitelna’s 3 (storno of a debit) and 4 (storno of a credit)', () => {
			const file = gpc(
				100000,
				100000 + 10000 - 10000 + 500,
				credit,
				movementRecord({ amount: 10000, code: '4', doc: '2' }),
				movementRecord({ amount: 500, code: '3', doc: '3' })
			);
			expect(parseGpc(file)[0]!.lines.map((l) => [l.amount, l.reversal])).toEqual([
				[10000, false],
				[-10000, true],
				[500, true]
			]);
		});

		it('reads a lone 4 the way the balances add up', () => {
			const storno = movementRecord({ amount: 10000, code: '4', doc: '2' });
			// as a storno of a credit (Česká spořitelna): 100 + 100 − 100
			expect(parseGpc(gpc(10000, 10000, credit, storno))[0]!.lines[1]!.amount).toBe(-10000);
			// as a storno of a debit (Fio, KB): 100 + 100 + 100
			expect(parseGpc(gpc(10000, 30000, credit, storno))[0]!.lines[1]!.amount).toBe(10000);
		});

		it('refuses a lone 4 when the balances tell neither way', () => {
			const storno = movementRecord({ amount: 10000, code: '4', doc: '2' });
			expect(errorOf(() => parseGpc(gpc(10000, 99999, credit, storno)))).toEqual({
				code: 'bad_line',
				line: 3,
				detail:
					"column 61 (accounting code): 4 is a storno of a debit at some banks and of a credit at others, and this statement's balances do not tell which"
			});
		});

		it('refuses a file that uses both 3 and 5, and any other code', () => {
			expect(
				errorOf(() =>
					parseGpc(
						gpc(0, 0, movementRecord({ amount: 1, code: '3' }), movementRecord({ amount: 1, code: '5' }))
					)
				)
			).toMatchObject({ code: 'bad_line', line: 3 });
			expect(errorOf(() => parseGpc(gpc(0, 0, movementRecord({ amount: 1, code: '7' }))))).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'column 61 (accounting code): "7" is not 1–5'
			});
		});
	});

	describe('currency', () => {
		it.each([
			['0203', 'CZK'],
			['0978', 'EUR'],
			['0000', 'CZK'],
			// Česká spořitelna's "rmoo": 1, 1 = Kč, 01 = a payment
			['1101', 'CZK']
		])('reads %s as %s', (code, currency) => {
			expect(
				parseGpc(gpc(0, 1, movementRecord({ amount: 1, code: '2', currency: code })))[0]!.lines[0]!.currency
			).toBe(currency);
		});

		it('refuses a currency it cannot name', () => {
			expect(
				errorOf(() => parseGpc(gpc(0, 1, movementRecord({ amount: 1, code: '2', currency: '1201' }))))
			).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'columns 119–122 (druh dat): "1201" says the movement is not in Kč, but not in which currency'
			});
			expect(
				errorOf(() => parseGpc(gpc(0, 1, movementRecord({ amount: 1, code: '2', currency: '0999' })))).detail
			).toBe('columns 119–122 (currency): "0999" is not a currency this parser knows');
		});
	});

	describe('broken files', () => {
		it('names the line and the columns of a field that is not a number', () => {
			const record = movementRecord({ amount: 1, code: '2' }).replace('000000000001', '0000000001O0');
			expect(errorOf(() => parseGpc(gpc(0, 1, record)))).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'columns 49–60 (amount in haléře): "0000000001O0" is not 12 digits'
			});
		});

		it('refuses a movement of another account than its statement', () => {
			expect(
				errorOf(() => parseGpc(gpc(0, 1, movementRecord({ amount: 1, code: '2', account: '2901234575' }))))
			).toEqual({
				code: 'bad_line',
				line: 2,
				detail:
					'columns 4–19: the movement is for account 0000002901234575, its statement (074) for 0000002901234567'
			});
		});

		it('refuses records out of place, of unknown types, cut short or with an impossible date', () => {
			expect(errorOf(() => parseGpc(`${movementRecord({ amount: 1, code: '2' })}\r\n`))).toEqual({
				code: 'bad_line',
				line: 1,
				detail: 'record 075 before the first statement record 074'
			});
			expect(errorOf(() => parseGpc(gpc(0, 0, `078${'Zpráva'.padEnd(70)}`)))).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'record 078 before the first movement record 075'
			});
			expect(errorOf(() => parseGpc(gpc(0, 0, `077${' '.repeat(125)}x`)))).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'record type "077" is not a GPC record (074 statement, 075 movement, 076/078/079 details)'
			});
			expect(
				errorOf(() => parseGpc(gpc(0, 0, movementRecord({ amount: 1, code: '2' }).slice(0, 100))))
			).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'record 075 has 100 characters, 128 are needed'
			});
			const feb30 = movementRecord({ amount: 1, code: '2', date: '300226' }).replace(
				'011026Dvoř',
				'300226Dvoř'
			);
			expect(errorOf(() => parseGpc(gpc(0, 1, feb30)))).toEqual({
				code: 'bad_line',
				line: 2,
				detail: 'columns 123–128 (date): "300226" is not a date (DDMMYY)'
			});
		});

		it('ignores blank lines and DOS’s end-of-file mark', () => {
			const file = `\r\n${gpc(0, 1, movementRecord({ amount: 1, code: '2' }))}\r\n\x1a`;
			expect(parseGpc(file)[0]!.lines).toHaveLength(1);
		});
	});

	it('reads account numbers written in the internal format', () => {
		// 19-2000145399 permuted: C10 C8 C9 C6 C1 C2 C3 C4 C5 C7 P1…P6
		const permute = (prefix: string, number: string) => {
			const c = number.padStart(10, '0');
			return [9, 7, 8, 5, 0, 1, 2, 3, 4, 6].map((i) => c[i]).join('') + prefix.padStart(6, '0');
		};
		const own = permute('', '2901234567');
		const file =
			[
				statementRecord(own, balance(0), balance(100)),
				movementRecord({ account: own, counter: permute('19', '2000145399'), amount: 100, code: '2' })
			].join('\r\n') + '\r\n';
		const [statement] = parseGpc(file);
		expect(statement!.accountLabel).toBe('2901234567');
		expect(statement!.lines[0]!.counterAccount).toBe('19-2000145399/0800');
	});

	it('parses 100,000 movements, every one of them', () => {
		const records = Array.from({ length: 100_000 }, (_, i) =>
			movementRecord({ amount: 100 + (i % 1000), code: '2', doc: String(30_000_000_000 + i) })
		);
		const total = records.reduce((sum, _, i) => sum + 100 + (i % 1000), 0);
		const [statement] = parseStatementFile(new TextEncoder().encode(gpc(0, total, ...records))).statements;
		expect(statement!.lines).toHaveLength(100_000);
		expect(statement!.lines.reduce((sum, l) => sum + l.amount, 0)).toBe(total);
		expect(statement!.lines[99_999]).toMatchObject({ line: 100_001, bankRef: '30000099999', amount: 1099 });
	}, 30_000);
});
