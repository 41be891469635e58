import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { recordPayout } from '../../ledger/payouts';
import { decidedNeed, fillFund, moneyTestDatabase } from '../../ledger/test-factory';
import { contextFor, testEnvironment, type People } from '../../needs/test-factory';
import { addClubAccount, removeClubAccount } from './accounts';
import {
	IMPORT_BATCH,
	IMPORT_BATCH_GIFTS,
	importParsedFile,
	importStatement,
	listReceivedPayments,
	listUnassignedPayments,
	recordReturnedPayment,
	type ImportResult
} from './import';
import { createPledge } from './pledges';
import type { Statement, StatementFile, StatementLine } from './statement';

/*
 * The importer at the edges of the real world: statements for the wrong account, files with several
 * statements, returned payments, interest, fees and transfers between the club's own accounts, and
 * statements far larger than one batch. The statements are built as the parsers hand them over, so
 * that these tests hold whichever format the bank wrote (the parsers have their own tests).
 */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const CLUB = testEnvironment.bankIban!;
const SAVINGS = 'CZ5508000000001234567899';
const STRANGER = 'CZ6508000000192000145399';
const donor = { id: null, name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Brno' };

let seq = 0;
const line = (over: Partial<StatementLine> & { amount: number }): StatementLine => ({
	line: ++seq,
	bankRef: `R${seq}`,
	bookedOn: '2026-11-05',
	currency: 'CZK',
	variableSymbol: null,
	counterAccount: '2900999888/2010',
	counterName: 'Eva Dárcová',
	message: null,
	kind: 'payment',
	reversal: false,
	returnsRef: null,
	...over
});
const statement = (accountIban: string | null, lines: StatementLine[]): Statement => ({
	format: 'camt053',
	accountIban,
	accountLabel: accountIban,
	lines
});
const file = (...statements: Statement[]): StatementFile => ({
	format: 'camt053',
	encoding: 'utf-8',
	statements
});

async function importFile(f: StatementFile, env = testEnvironment): Promise<ImportResult> {
	return sql.begin((tx) =>
		importParsedFile(contextFor(tx, p.coordinator, env), {
			name: 'vypis.xml',
			sha256: '0'.repeat(64),
			file: f
		})
	);
}

const balance = async (code: string) =>
	Number(
		(await sql<{ balance: number }[]>`select balance from ledger_accounts where code = ${code}`)[0]!.balance
	);

const count = async (table: 'bank_statements' | 'bank_payments' | 'donations') =>
	Number((await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`)[0]!.n);

describe('the right account only', () => {
	it('refuses a statement for another account, naming both, and records nothing', async () => {
		const result = await importFile(file(statement(STRANGER, [line({ amount: 50_000 })])));
		expect(result).toMatchObject({
			ok: false,
			code: 'wrong_account',
			accounts: { statement: STRANGER, club: [CLUB] }
		});
		expect(await count('bank_statements')).toBe(0);
		expect(await count('bank_payments')).toBe(0);
	});

	it('refuses a whole file when one of its statements is for another account', async () => {
		const result = await importFile(
			file(statement(CLUB, [line({ amount: 10_000 })]), statement(STRANGER, [line({ amount: 20_000 })]))
		);
		expect(result).toMatchObject({ ok: false, code: 'wrong_account' });
		expect(await count('bank_payments')).toBe(0);
	});

	it('says so when the club has no account at all', async () => {
		const result = await importFile(file(statement(STRANGER, [line({ amount: 10_000 })])), {
			...testEnvironment,
			bankIban: null
		});
		expect(result).toMatchObject({ ok: false, code: 'no_club_account', detail: STRANGER });
	});

	it('imports a file with statements for two of the club’s accounts statement by statement', async () => {
		expect(await addClubAccount(contextFor(sql, p.member), { iban: SAVINGS, label: null })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(
			await addClubAccount(contextFor(sql, p.coordinator), { iban: 'CZ550800000000123456789', label: null })
		).toEqual({ ok: false, reason: 'invalid_iban' });
		expect(
			await addClubAccount(contextFor(sql, p.coordinator), {
				iban: 'cz55 0800 0000 0012 3456 7899',
				label: 'Spořicí'
			})
		).toEqual({ ok: true });
		const result = await importFile(
			file(
				statement(CLUB, [line({ amount: 10_000 }), line({ amount: 5_000 })]),
				statement(SAVINGS, [line({ amount: 20_000 })])
			)
		);
		expect(result).toMatchObject({
			ok: true,
			summary: {
				lines: 3,
				recorded: 3,
				statements: [
					{ account: CLUB, lines: 2, recorded: 2 },
					{ account: SAVINGS, lines: 1, recorded: 1 }
				]
			}
		});
		const rows = await sql`
			select s.account, count(b.id)::int as n from bank_statements s join bank_payments b on b.statement_id = s.id
			group by s.account order by s.account`;
		expect(rows).toEqual([
			{ account: SAVINGS, n: 1 },
			{ account: CLUB, n: 2 }
		]);
		expect(await removeClubAccount(contextFor(sql, p.coordinator), CLUB)).toEqual({
			ok: false,
			reason: 'fixed'
		});
		expect(await removeClubAccount(contextFor(sql, p.coordinator), SAVINGS)).toEqual({ ok: true });
		expect(await importFile(file(statement(SAVINGS, [line({ amount: 1_000 })])))).toMatchObject({
			code: 'wrong_account'
		});
	});

	it('takes a statement that does not name its account (a bare export) as the club’s', async () => {
		expect(await importFile(file(statement(null, [line({ amount: 10_000 })])))).toMatchObject({
			ok: true,
			summary: { recorded: 1 }
		});
	});
});

describe('returns and lines that are no gifts', () => {
	it('reverses the gift a returned payment returns, once, so it leaves the confirmation', async () => {
		const needId = await decidedNeed(sql, p, 30_000, 'collection');
		const pledge = await createPledge(sql, { purpose: 'gift', needId, amount: 20_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		const gift = line({ amount: 20_000, variableSymbol: pledge.variableSymbol, bankRef: 'IN-1' });
		expect(await importFile(file(statement(CLUB, [gift])))).toMatchObject({ summary: { matched: 1 } });
		expect((await needMoney(sql, needId))!.raised).toBe(20_000);

		const back = line({ amount: -20_000, reversal: true, returnsRef: 'IN-1', bookedOn: '2026-11-07' });
		const first = await importFile(file(statement(CLUB, [back])));
		expect(first).toMatchObject({ ok: true, summary: { returned: 1, outgoing: 0 } });
		const [donation] = await sql`select amount, refunded from donations`;
		expect(donation).toEqual({ amount: 20_000, refunded: 20_000 });
		expect((await needMoney(sql, needId))!.raised).toBe(0);
		expect(await balance('income:bank')).toBe(0);

		// the same statement again, and the return line in a later overlapping statement: nothing twice
		expect(await importFile(file(statement(CLUB, [back])))).toMatchObject({
			summary: { returned: 0, duplicates: 1 }
		});
		const again = line({ amount: -20_000, reversal: true, returnsRef: 'IN-1', bankRef: 'OTHER-REF' });
		expect(await importFile(file(statement(CLUB, [again])))).toMatchObject({ summary: { returned: 0 } });
		expect((await sql`select refunded from donations`)[0]!.refunded).toBe(20_000);
		const [payment] = (await listReceivedPayments(sql, pledge.variableSymbol)).rows;
		expect(payment).toMatchObject({ status: 'returned', amount: 20_000 });
	});

	it('finds the returned payment by the payer’s account and amount when the bank names no reference', async () => {
		await importFile(file(statement(CLUB, [line({ amount: 7_000, counterAccount: '19-123/0100' })])));
		expect(await balance('suspense:bank')).toBe(7_000);
		// a payment and its return in the same statement, the return without a reference
		const result = await importFile(
			file(
				statement(CLUB, [
					line({ amount: 4_000, counterAccount: '555/0300', bankRef: 'SAME-1' }),
					line({ amount: -4_000, counterAccount: '555/0300', reversal: true }),
					line({ amount: -7_000, counterAccount: '19-123/0100', reversal: true })
				])
			)
		);
		expect(result).toMatchObject({ ok: true, summary: { recorded: 3, returned: 2 } });
		expect(await balance('suspense:bank')).toBe(0);
		expect((await listUnassignedPayments(sql)).rows).toEqual([]);
		expect(await count('donations')).toBe(0);
	});

	it('books interest to the fund and fees from it, neither as a gift, and own transfers not at all', async () => {
		await fillFund(sql, 10_000);
		const result = await importFile(
			file(
				statement(CLUB, [
					line({ amount: 1_234, kind: 'interest', counterAccount: null, message: 'Připsaný úrok' }),
					line({ amount: -185, kind: 'interest', counterAccount: null, message: 'Odvod daně z úroků' }),
					line({ amount: -4_500, kind: 'fee', counterAccount: null, message: 'Poplatek za vedení účtu' }),
					line({ amount: 50_000, counterAccount: SAVINGS }),
					line({ amount: -3_000, counterAccount: '19-2000145399/0800' })
				])
			)
		);
		// the savings account is not the club's yet: its transfer is an ordinary incoming payment
		expect(result).toMatchObject({
			ok: true,
			summary: { interest: 2, fees: 1, unassigned: 1, ownTransfers: 0, outgoing: 1 }
		});
		expect(await fundBalance(sql)).toBe(10_000 + 1_234 - 185 - 4_500);
		expect(await balance('interest')).toBe(-(1_234 - 185));
		expect(await balance('fees')).toBe(4_500);
		expect(await count('donations')).toBe(0);

		await addClubAccount(contextFor(sql, p.coordinator), { iban: SAVINGS, label: 'Spořicí účet' });
		const own = await importFile(
			file(statement(CLUB, [line({ amount: 60_000, counterAccount: '1234567899/0800' })]))
		);
		expect(own).toMatchObject({ ok: true, summary: { ownTransfers: 1, unassigned: 0 } });
		expect(await balance('suspense:bank')).toBe(50_000);
	});

	it('refuses a fee the general fund cannot pay, naming the line', async () => {
		const fee = line({ amount: -4_500, kind: 'fee', counterAccount: null });
		expect(await importFile(file(statement(CLUB, [fee])))).toMatchObject({
			ok: false,
			code: 'fund_too_low',
			line: fee.line
		});
		expect(await balance('fees')).toBe(0);
	});
});

describe('a bank gift the coordinator returns', () => {
	it('is reversed once, leaves the need and the confirmation, and only the coordinator may record it', async () => {
		const needId = await decidedNeed(sql, p, 30_000, 'collection');
		const pledge = await createPledge(sql, { purpose: 'gift', needId, amount: 12_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		await importFile(
			file(statement(CLUB, [line({ amount: 12_000, variableSymbol: pledge.variableSymbol })]))
		);
		const [payment] = (await listReceivedPayments(sql, null)).rows;
		const input = { note: 'Dárce požádal o vrácení.', returnedOn: '2026-11-20' };
		expect(await recordReturnedPayment(contextFor(sql, p.member), payment!.id, input)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await recordReturnedPayment(contextFor(sql, p.coordinator), payment!.id, input)).toEqual({
			ok: true
		});
		expect(await recordReturnedPayment(contextFor(sql, p.coordinator), payment!.id, input)).toEqual({
			ok: false,
			reason: 'already_returned'
		});
		expect((await needMoney(sql, needId))!.raised).toBe(0);
		const [returned] = (await listReceivedPayments(sql, 'Dárcová')).rows;
		expect(returned).toMatchObject({ status: 'returned', returnNote: 'Dárce požádal o vrácení.' });
		const [tx] = await sql`
			select t.kind, to_char(t.occurred_on, 'YYYY-MM-DD') as day from ledger_transactions t
			join bank_payments b on b.transaction_id = t.id where b.id = ${payment!.id}`;
		expect(tx).toEqual({ kind: 'refund', day: '2026-11-20' });
		const [audit] = await sql`select details from audit_log where action = 'ledger.bank_payment_returned'`;
		expect(audit!.details).toMatchObject({ by: 'coordinator', amount: 12_000 });
	});

	it('is refused when the need spent the money and the fund cannot cover it', async () => {
		const needId = await decidedNeed(sql, p, 12_000, 'collection');
		const pledge = await createPledge(sql, { purpose: 'gift', needId, amount: 12_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		await importFile(
			file(statement(CLUB, [line({ amount: 12_000, variableSymbol: pledge.variableSymbol })]))
		);
		const paid = await recordPayout(
			contextFor(sql, p.coordinator),
			t.store,
			needId,
			{ recipient: 'supplier', supplier: 'IKEA', amount: 12_000, paidOn: '2026-11-10', note: '' },
			null
		);
		expect(paid).toMatchObject({ ok: true });
		const [payment] = (await listReceivedPayments(sql, null)).rows;
		expect(
			await recordReturnedPayment(contextFor(sql, p.coordinator), payment!.id, {
				note: 'Omyl',
				returnedOn: '2026-11-20'
			})
		).toEqual({ ok: false, reason: 'fund_too_low' });
		expect((await sql`select refunded from donations`)[0]!.refunded).toBe(0);
	});
});

describe('a statement far larger than one batch', () => {
	it('imports every line in batches, exactly, and a second import records nothing', async () => {
		const lines = Array.from({ length: IMPORT_BATCH * 2 + 37 }, (_, i) =>
			line({ amount: 100 + i, bookedOn: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}` })
		);
		const total = lines.reduce((s, l) => s + l.amount, 0);
		const result = await importStatement(contextFor(sql, p.coordinator), {
			name: 'big.csv',
			bytes: new TextEncoder().encode(fioCsv(lines))
		});
		expect(result).toMatchObject({ ok: true, summary: { lines: lines.length, unassigned: lines.length } });
		expect(await balance('suspense:bank')).toBe(total);
		expect(await balance('income:bank')).toBe(-total);
		const [statementRow] =
			await sql`select finished_at is not null as finished, recorded from bank_statements`;
		expect(statementRow).toEqual({ finished: true, recorded: lines.length });
		const again = await importStatement(contextFor(sql, p.coordinator), {
			name: 'big.csv',
			bytes: new TextEncoder().encode(fioCsv(lines))
		});
		expect(again).toMatchObject({ ok: true, summary: { recorded: 0, duplicates: lines.length } });
		expect(await balance('suspense:bank')).toBe(total);
	});
});

describe('statement files as the banks write them', () => {
	const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
	const upload = (name: string, env = testEnvironment) =>
		importStatement(contextFor(sql, p.coordinator, env), { name, bytes: fixture(name) });
	const SAVINGS_FIO = 'CZ3320100000002901234575';

	it.each(['fio-2024.csv', 'fio-2024-cp1250.csv'])(
		'imports Fio’s 2024 web export (%s) with every payer, message, return, interest and fee',
		async (name) => {
			await fillFund(sql, 10_000);
			await addClubAccount(contextFor(sql, p.coordinator), { iban: SAVINGS_FIO, label: 'Spořicí' });
			const result = await upload(name);
			expect(result).toMatchObject({
				ok: true,
				summary: {
					lines: 12,
					unassigned: 6,
					returned: 1,
					interest: 2,
					fees: 1,
					ownTransfers: 1,
					outgoing: 1
				}
			});
			const rows = await sql`
				select bank_ref, counter_account, counter_name, message, status from bank_payments
				where bank_ref in ('27101234501', '27101234503', '27101234507') order by bank_ref`;
			expect(rows).toEqual([
				{
					bank_ref: '27101234501',
					counter_account: '1020304057/0800',
					counter_name: 'Dvořáková Jana',
					message: 'Dar na školní pomůcky',
					status: 'unassigned'
				},
				{
					bank_ref: '27101234503',
					counter_account: '5566778893/0300',
					counter_name: 'Svobodová Marie',
					message: 'Pro děti ze "Sluníčka" – s díky',
					status: 'unassigned'
				},
				{
					bank_ref: '27101234507',
					counter_account: '1001234567/0100',
					counter_name: 'Veselý Ondřej',
					message: 'Dar',
					status: 'returned'
				}
			]);
			expect(await fundBalance(sql)).toBe(10_000 + 317 - 48 - 4_900);
			expect(await balance('suspense:bank')).toBe(150_000 + 50_000 + 1_200_000 + 30_000 + 48_750);
		}
	);

	it('refuses a GPC file with a statement of an account that is not the club’s, then takes both', async () => {
		const refused = await upload('gpc-two-statements.gpc');
		expect(refused).toMatchObject({
			ok: false,
			code: 'wrong_account',
			accounts: { statement: '2901234575' }
		});
		expect(await count('bank_payments')).toBe(0);
		await addClubAccount(contextFor(sql, p.coordinator), { iban: SAVINGS_FIO, label: 'Spořicí' });
		await fillFund(sql, 10_000);
		const result = await upload('gpc-two-statements.gpc');
		expect(result).toMatchObject({
			ok: true,
			summary: {
				statements: [
					{ account: '2901234567', returned: 1 },
					{ account: '2901234575', ownTransfers: 1 }
				]
			}
		});
	});

	it('imports a camt.053 with two accounts, a reversal, interest and fees', async () => {
		const env = { ...testEnvironment, bankIban: 'CZ5501000000000107654338' };
		await addClubAccount(contextFor(sql, p.coordinator), { iban: 'CZ9401000000350107654346', label: null });
		await fillFund(sql, 10_000);
		const result = await upload('camt053-two-accounts.xml', env);
		expect(result).toMatchObject({
			ok: true,
			summary: {
				statements: [
					{ lines: 6, recorded: 6, returned: 1, interest: 2, fees: 1, unassigned: 2 },
					{ lines: 4, recorded: 4, returned: 1, interest: 1, fees: 1, unassigned: 1 }
				]
			}
		});
		expect(await fundBalance(sql)).toBe(10_000 + 1_234 - 185 - 4_950 - 1_500 + 567);
		expect(await balance('suspense:bank')).toBe(100_000);
		const [payer] =
			await sql`select counter_account, counter_name from bank_payments where bank_ref = '2026110700021'`;
		expect(payer).toEqual({ counter_account: '35012343/5500', counter_name: 'Novotný Karel' });
	});
});

describe('a statement where every line pays a pledge', () => {
	it('records every gift across the boundary of a batch’s gifts', async () => {
		const pledges = [];
		for (let i = 0; i < IMPORT_BATCH_GIFTS + 20; i++) {
			const pledge = await createPledge(sql, { purpose: 'gift', needId: null, amount: 1_000 + i, donor });
			if (!pledge.ok) throw new Error(pledge.reason);
			pledges.push(pledge);
		}
		const result = await importFile(
			file(
				statement(
					CLUB,
					pledges.map((pl, i) => line({ amount: 1_000 + i, variableSymbol: pl.variableSymbol }))
				)
			)
		);
		expect(result).toMatchObject({ ok: true, summary: { matched: pledges.length, unassigned: 0 } });
		expect(await count('donations')).toBe(pledges.length);
		expect(await fundBalance(sql)).toBe(pledges.reduce((sum, _, i) => sum + 1_000 + i, 0));
	});
});

/** The lines as a Fio API CSV export of the club's account. */
function fioCsv(lines: StatementLine[]): string {
	const cz = (h: number) => `${Math.trunc(h / 100)},${String(Math.abs(h) % 100).padStart(2, '0')}`;
	const day = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
	return [
		'accountId;2901234567',
		'bankId;2010',
		'currency;CZK',
		'iban;CZ5520100000002901234567',
		'',
		'ID pohybu;Datum;Objem;Měna;Protiúčet;Kód banky;Název protiúčtu;VS;Zpráva pro příjemce',
		...lines.map((l) => `${l.bankRef};${day(l.bookedOn)};${cz(l.amount)};CZK;2900999888;2010;Eva Dárcová;;`)
	].join('\r\n');
}
