import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FioFormatError, parseFioJson } from './convert';
import { readToken } from './connection';

const fixture = readFileSync(join(import.meta.dirname, 'fixtures/last.json'), 'utf8');

/** One movement in Fio's JSON shape, with the given columns. */
const answer = (columns: Record<string, unknown>, info: Record<string, unknown> = {}) =>
	JSON.stringify({
		accountStatement: {
			info: {
				accountId: '2900123451',
				bankId: '2010',
				currency: 'CZK',
				iban: 'CZ2720100000002900123451',
				...info
			},
			transactionList: {
				transaction: [
					{
						column22: { value: 26100000200, name: 'ID pohybu', id: 22 },
						column0: { value: '2026-01-05+0100', name: 'Datum', id: 0 },
						column1: { value: 100, name: 'Objem', id: 1 },
						column14: { value: 'CZK', name: 'Měna', id: 14 },
						...columns
					}
				]
			}
		}
	});

describe("Fio API's JSON as a parsed statement", () => {
	it('reads every movement with its bank id, date, exact amount, account and symbols', () => {
		const { file, info } = parseFioJson(fixture);
		expect(file.format).toBe('fio_api');
		expect(file.statements).toHaveLength(1);
		const [statement] = file.statements;
		expect(statement!.accountIban).toBe('CZ2720100000002900123451');
		expect(statement!.accountLabel).toBe('2900123451/2010');
		expect(info).toEqual({ idFrom: 26100000101, idTo: 26100000106, idLastDownload: 26100000099 });
		const [gift, small, returned, interest, tax, fee] = statement!.lines;
		expect(gift).toEqual({
			line: 1,
			bankRef: '26100000101',
			bookedOn: '2026-03-28',
			amount: 150_050,
			currency: 'CZK',
			variableSymbol: '12345678',
			counterAccount: '19-2000145399/0800',
			counterName: 'Eva Dárcová',
			message: 'Dar na postel',
			kind: 'payment',
			reversal: false,
			returnsRef: null
		});
		// 0.29 is exactly 29 haléře; "0" is no symbol; the payer named only in Uživatelská identifikace
		expect(small).toMatchObject({
			amount: 29,
			variableSymbol: null,
			counterAccount: '2300998877/2010',
			counterName: 'Novák Petr',
			message: null,
			bookedOn: '2026-03-29'
		});
		expect(returned).toMatchObject({ amount: -150_050, kind: 'payment', reversal: true });
		expect(interest).toMatchObject({ amount: 327, kind: 'interest', reversal: false, counterAccount: null });
		expect(tax).toMatchObject({ amount: -49, kind: 'interest' });
		expect(fee).toMatchObject({ amount: -1900, kind: 'fee', message: 'Poplatek za vedení účtu' });
	});

	it('reads an answer without movements', () => {
		const empty = JSON.stringify({
			accountStatement: {
				info: {
					accountId: '2900123451',
					bankId: '2010',
					currency: 'CZK',
					iban: null,
					idFrom: null,
					idTo: null,
					idLastDownload: 26100000106
				},
				transactionList: { transaction: [] }
			}
		});
		const { file, info } = parseFioJson(empty);
		expect(file.statements[0]!.lines).toEqual([]);
		// no IBAN in the answer: made from the account number and the bank code
		expect(file.statements[0]!.accountIban).toBe('CZ2720100000002900123451');
		expect(info).toEqual({ idFrom: null, idTo: null, idLastDownload: 26100000106 });
		const none = JSON.parse(empty) as { accountStatement: { transactionList: unknown } };
		none.accountStatement.transactionList = null;
		expect(parseFioJson(JSON.stringify(none)).file.statements[0]!.lines).toEqual([]);
	});

	it('refuses what is not such an answer, saying what is wrong', () => {
		const refused = (body: string) => {
			try {
				parseFioJson(body);
			} catch (e) {
				expect(e).toBeInstanceOf(FioFormatError);
				return (e as Error).message;
			}
			throw new Error('expected a refusal');
		};
		expect(refused('<html>Service Unavailable</html>')).toBe('not JSON');
		expect(refused('{"accountStatement":{}}')).toBe('no accountStatement.info');
		expect(refused(answer({ column1: { value: 10.005, name: 'Objem', id: 1 } }))).toMatch(
			/movement 1: Objem 10.005 is not a whole number of haléře/
		);
		expect(refused(answer({ column1: { value: '100', name: 'Objem', id: 1 } }))).toMatch(/is not an amount/);
		expect(refused(answer({ column22: null }))).toBe('movement 1 has no ID pohybu');
		expect(refused(answer({ column0: { value: '05.01.2026', name: 'Datum', id: 0 } }))).toMatch(
			/is not a date/
		);
	});

	it('links a reversal to the movement of the same instruction (ID pokynu) in the download', () => {
		const body = JSON.parse(answer({ column17: { value: 555, name: 'ID pokynu', id: 17 } })) as {
			accountStatement: { transactionList: { transaction: Record<string, unknown>[] } };
		};
		const list = body.accountStatement.transactionList.transaction;
		list.push({
			...list[0],
			column22: { value: 26100000201, name: 'ID pohybu', id: 22 },
			column1: { value: -100, name: 'Objem', id: 1 },
			column8: { value: 'Opravný pohyb', name: 'Typ', id: 8 }
		});
		const [payment, correction] = parseFioJson(JSON.stringify(body)).file.statements[0]!.lines;
		expect(payment).toMatchObject({ reversal: false, returnsRef: null });
		expect(correction).toMatchObject({ amount: -10_000, reversal: true, returnsRef: '26100000200' });
	});

	it('takes the currency of the account when a movement names none', () => {
		const { file } = parseFioJson(answer({ column14: null }, { currency: 'EUR' }));
		expect(file.statements[0]!.lines[0]!.currency).toBe('EUR');
	});
});

describe('a pasted token', () => {
	const token = 'aB3'.repeat(21) + 'x';

	it('keeps the 64 letters and digits, dropping spaces and line breaks around and inside', () => {
		expect(readToken(`  ${token.slice(0, 30)}\n${token.slice(30)} `)).toEqual({ ok: true, token });
	});

	it('says what is wrong with one that cannot be a token', () => {
		expect(readToken('   ')).toEqual({ ok: false, problem: 'empty', length: 0 });
		expect(readToken(token.slice(1))).toEqual({ ok: false, problem: 'length', length: 63 });
		expect(readToken(token + 'Z')).toEqual({ ok: false, problem: 'length', length: 65 });
		expect(readToken(token.slice(1) + 'č')).toMatchObject({ ok: false, problem: 'characters' });
		expect(readToken(`token=${token}`)).toMatchObject({ ok: false, problem: 'characters' });
	});
});
