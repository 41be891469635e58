import { describe, expect, it } from 'vitest';
import { encodeSingleByte } from './encoding';
import { parseCamt053, parseStatementFile } from './statement';
import { errorOf, fixture, fixtureText, line } from './test-support';

describe('camt.053 with two statements', () => {
	it('gives each <Stmt> its own account, and reads reversals, interest and fees', () => {
		expect(parseStatementFile(fixture('camt053-two-accounts.xml'))).toEqual({
			format: 'camt053',
			encoding: 'utf-8',
			statements: [
				{
					format: 'camt053',
					accountIban: 'CZ5501000000000107654338',
					accountLabel: 'CZ5501000000000107654338',
					lines: [
						line({
							line: 33,
							bankRef: '2026110300011',
							bookedOn: '2026-11-03',
							amount: 250000,
							variableSymbol: '2026019',
							counterAccount: 'CZ7808000000001001234567',
							counterName: 'Veselý Ondřej'
						}),
						// RvslInd with the original's end-to-end id
						line({
							line: 60,
							bankRef: '2026110500012',
							bookedOn: '2026-11-05',
							amount: -250000,
							counterAccount: 'CZ7808000000001001234567',
							counterName: 'Veselý Ondřej',
							message: 'Storno chybně připsané platby',
							reversal: true,
							returnsRef: '2026110300011'
						}),
						line({
							line: 84,
							bankRef: '2026111200013',
							bookedOn: '2026-11-12',
							amount: 100000,
							variableSymbol: '2026017',
							counterAccount: 'CZ4208000000001020304057',
							counterName: 'Dvořáková Jana',
							message: 'Na zimní bundy pro děti'
						}),
						// ACMT/MCOP/INTR
						line({
							line: 105,
							bankRef: '2026113000014',
							bookedOn: '2026-11-30',
							amount: 1234,
							message: 'Připsané úroky 11/2026',
							kind: 'interest'
						}),
						// ACMT/MDOP/TAXE: the tax withheld from the interest
						line({
							line: 117,
							bankRef: '2026113000015',
							bookedOn: '2026-11-30',
							amount: -185,
							message: 'Srážková daň z úroků',
							kind: 'interest'
						}),
						// ACMT/MDOP/CHRG
						line({
							line: 129,
							bankRef: '2026113000016',
							bookedOn: '2026-11-30',
							amount: -4950,
							message: 'Poplatek za vedení účtu',
							kind: 'fee'
						})
					]
				},
				{
					format: 'camt053',
					// "35-107654346" at the bank of BIC KOMBCZPP (0100)
					accountIban: 'CZ9401000000350107654346',
					accountLabel: '35-107654346',
					lines: [
						line({
							line: 164,
							bankRef: '2026110700021',
							bookedOn: '2026-11-07',
							amount: 30000,
							counterAccount: '35012343/5500',
							counterName: 'Novotný Karel',
							message: 'Dar'
						}),
						// the club sends the gift back (return information); the donor is the other party,
						// not the club's own account named as the payer
						line({
							line: 188,
							bankRef: '2026110900022',
							bookedOn: '2026-11-09',
							amount: -30000,
							counterAccount: '35012343/5500',
							counterName: 'Novotný Karel',
							message: 'Vrácení daru',
							reversal: true,
							returnsRef: '2026110700021'
						}),
						// proprietary codes: SWIFT's NCHG and NINT
						line({
							line: 219,
							bankRef: '2026113000023',
							bookedOn: '2026-11-30',
							amount: -1500,
							message: 'Poplatek za výpis',
							kind: 'fee'
						}),
						line({
							line: 229,
							bankRef: '2026113000024',
							bookedOn: '2026-11-30',
							amount: 567,
							message: 'Úroky',
							kind: 'interest'
						})
						// the PDNG entry is not booked and does not appear
					]
				}
			]
		});
	});

	it('points a reversal at nothing when the file holds no movement it names', () => {
		const xml = fixtureText('camt053-two-accounts.xml')
			.replace(/<EndToEndId>E2E-2026110300011<\/EndToEndId>/g, '<EndToEndId>NOTPROVIDED</EndToEndId>')
			.replace('Vrácení platby 2026110700021', 'Vrácení platby 2026110700999');
		const lines = parseCamt053(xml).flatMap((s) => s.lines);
		expect(lines.filter((l) => l.reversal).map((l) => [l.bankRef, l.returnsRef])).toEqual([
			['2026110500012', null],
			['2026110900022', null]
		]);
	});

	it('reads the RRTN sub-family as a reversal', () => {
		const xml = fixtureText('camt053-two-accounts.xml')
			.replace('<RvslInd>true</RvslInd>', '')
			.replace(
				'<Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn>\n\t\t\t\t</BkTxCd>\n\t\t\t\t<AddtlNtryInf>Storno',
				'<Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn>\n\t\t\t\t</BkTxCd>\n\t\t\t\t<AddtlNtryInf>Storno'
			);
		expect(xml).not.toContain('RvslInd');
		expect(parseCamt053(xml)[0]!.lines[1]).toMatchObject({ reversal: true, returnsRef: '2026110300011' });
	});
});

describe('the Czech banks’ dialect', () => {
	it('joins the payer’s number and the bank code of DbtrAgt, and reads Dbtr/Pty/Nm', () => {
		expect(parseStatementFile(fixture('camt053-cz-dialect.xml')).statements).toEqual([
			{
				format: 'camt053',
				accountIban: 'CZ2508000000002000145401',
				accountLabel: 'CZ2508000000002000145401',
				lines: [
					// DbtrAgt/FinInstnId/Othr/Id
					line({
						line: 26,
						bankRef: '0830001',
						bookedOn: '2026-11-30',
						amount: 150000,
						variableSymbol: '2026017',
						counterAccount: '1020304057/0800',
						counterName: 'Dvořáková Jana',
						message: 'Dar pro Spolu'
					}),
					// ClrSysMmbId/MmbId; the number's padding dropped
					line({
						line: 59,
						bankRef: '0830002',
						bookedOn: '2026-11-30',
						amount: 30000,
						counterAccount: '35012343/5500',
						counterName: 'Novotný Karel'
					}),
					// only the BIC
					line({
						line: 79,
						bankRef: '0830003',
						bookedOn: '2026-11-30',
						amount: 20000,
						counterAccount: '19-2000145399/0800',
						counterName: 'Marková Lucie'
					}),
					line({
						line: 99,
						bankRef: '0830004',
						bookedOn: '2026-11-30',
						amount: 48750,
						counterAccount: 'SK3112000000198742637541',
						counterName: 'Horváthová Zuzana',
						message: 'Na dobrú vec'
					}),
					// a debit: the payee, CdtrAgt
					line({
						line: 120,
						bankRef: '0830005',
						bookedOn: '2026-11-30',
						amount: -125000,
						counterAccount: '4070217107/0600',
						counterName: 'Elektro Brno s.r.o.',
						message: 'Pračka, faktura 20261105'
					})
				]
			}
		]);
	});

	it('converts the statement’s own domestic number to the IBAN', () => {
		expect(parseStatementFile(fixture('camt053-decimals.xml')).statements[0]).toMatchObject({
			accountIban: 'CZ3355000000000035012351',
			accountLabel: '35012351/5500'
		});
	});
});

describe('amounts with more decimals than two', () => {
	it('accepts them when exact in haléře', () => {
		expect(
			parseStatementFile(fixture('camt053-decimals.xml')).statements[0]!.lines.map((l) => l.amount)
		).toEqual([150000, 1250, -10]);
	});

	it.each([
		['12.505', '12.50000'],
		['0.1001', '0.100'],
		['1500.0001', '1500.000']
	])('refuses %s with the line of its entry', (bad, good) => {
		const xml = fixtureText('camt053-decimals.xml').replace(`>${good}<`, `>${bad}<`);
		const lineOfEntry = xml.slice(0, xml.indexOf(`>${bad}<`)).split('\n').length - 1;
		expect(errorOf(() => parseCamt053(xml))).toEqual({
			code: 'bad_line',
			line: lineOfEntry,
			detail: `Ntry/Amt: "${bad}" is not a whole number of haléře`
		});
	});
});

describe('encodings of XML', () => {
	const czech = fixtureText('camt053-cz-dialect.xml');

	it('reads a windows-1250 file that declares it', () => {
		const xml = czech.replace('encoding="UTF-8"', 'encoding="windows-1250"');
		const file = parseStatementFile(encodeSingleByte(xml, 'windows-1250'));
		expect(file.encoding).toBe('windows-1250');
		expect(file.statements[0]!.lines[0]!.counterName).toBe('Dvořáková Jana');
	});

	it('reads ISO-8859-2 when the file declares it', () => {
		const xml = czech
			.replace('encoding="UTF-8"', 'encoding="ISO-8859-2"')
			.replace('Na dobrú vec', 'Na dobrú vec, Košice');
		const bytes = encodeSingleByte(xml, 'iso-8859-2');
		// "š" is 0xB9 there, "ą" in windows-1250
		expect(new TextDecoder('windows-1250').decode(bytes)).toContain('Koąice');
		const file = parseStatementFile(bytes);
		expect(file.encoding).toBe('iso-8859-2');
		expect(file.statements[0]!.lines[3]!.message).toBe('Na dobrú vec, Košice');
		expect(file.statements[0]!.lines[0]!.counterName).toBe('Dvořáková Jana');
	});

	it('refuses a file that declares UTF-8 but is not', () => {
		const bytes = new TextEncoder().encode(czech);
		const broken = new Uint8Array([...bytes.subarray(0, 400), 0xf8, ...bytes.subarray(400)]);
		expect(errorOf(() => parseStatementFile(broken))).toEqual({
			code: 'bad_xml',
			line: 1,
			detail: 'the file declares encoding UTF-8 but is not valid UTF-8'
		});
	});
});
