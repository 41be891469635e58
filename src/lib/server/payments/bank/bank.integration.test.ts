import { contextFor, lastMailId, mailLinksAfter, publicEnvironment } from '../../needs/test-factory';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { needMoney } from '../../ledger/funding';
import { fundBalance } from '../../ledger/ledger';
import { decidedNeed, moneyTestDatabase } from '../../ledger/test-factory';
import type { People } from '../../needs/test-factory';
import { assignPayment, importStatement, listUnassignedPayments } from './import';
import { createPledge, getPledge, isPledgeSymbol, newVariableSymbol } from './pledges';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const donor = { id: null, name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Brno' };

/** A Fio CSV export with the given movements: [id, date dd.mm.yyyy, amount "1500,00", VS, message]. */
function fio(rows: [string, string, string, string, string][]): Uint8Array {
	const header =
		'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"';
	const lines = rows.map(
		([id, date, amount, vs, msg]) =>
			`"${id}";"${date}";"${amount}";"CZK";"2900999888";"Eva Dárcová";"2010";"${vs}";"${msg}"`
	);
	return new TextEncoder().encode(
		['"accountId";"2901234567"', '"bankId";"2010"', '"currency";"CZK"', '', header, ...lines].join('\r\n')
	);
}

const cz = (halere: number) => `${Math.trunc(halere / 100)},${String(halere % 100).padStart(2, '0')}`;

describe('pledges', () => {
	it('gives each pledge its own variable symbol with a check digit', async () => {
		const symbols = new Set(Array.from({ length: 2_000 }, () => newVariableSymbol()));
		expect(symbols.size).toBeGreaterThan(1_990);
		for (const s of symbols) expect(isPledgeSymbol(s)).toBe(true);
		const one = [...symbols][0]!;
		const typo = one.slice(0, 3) + ((Number(one[3]) + 1) % 10) + one.slice(4);
		expect(isPledgeSymbol(typo)).toBe(false);
	});

	it('takes pledges for the fund and for an open collection, up to what it misses', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'collection');
		const giftOnly = await decidedNeed(sql, p, 50_000, 'gift');
		expect(await createPledge(sql, { purpose: 'gift', needId: null, amount: 20_000, donor })).toMatchObject({
			ok: true
		});
		expect(await createPledge(sql, { purpose: 'gift', needId, amount: 60_000, donor })).toEqual({
			ok: false,
			reason: 'over_missing',
			limit: 50_000
		});
		expect(await createPledge(sql, { purpose: 'gift', needId: giftOnly, amount: 100, donor })).toMatchObject({
			reason: 'not_found'
		});
		expect(await createPledge(sql, { purpose: 'gift', needId: null, amount: 99, donor })).toMatchObject({
			reason: 'invalid_amount'
		});
		expect(await createPledge(sql, { purpose: 'dues', needId: null, amount: 50_000, donor })).toMatchObject({
			reason: 'forbidden'
		});
		const ok = await createPledge(sql, { purpose: 'gift', needId, amount: 50_000, donor });
		if (!ok.ok) throw new Error(ok.reason);
		const pledge = (await getPledge(sql, ok.id))!;
		expect(pledge).toMatchObject({ amount: 50_000, status: 'open', variableSymbol: ok.variableSymbol });
		expect(Object.keys(pledge)).not.toContain('donorName');
	});
});

describe('statement import', () => {
	it('matches payments by variable symbol and amount, parks the rest, and records nothing twice', async () => {
		const needId = await decidedNeed(sql, p, 30_000, 'collection');
		const toNeed = await createPledge(sql, { purpose: 'gift', needId, amount: 20_000, donor });
		const toFund = await createPledge(sql, { purpose: 'gift', needId: null, amount: 50_000, donor });
		if (!toNeed.ok || !toFund.ok) throw new Error('pledge');
		const file = fio([
			['1001', '02.11.2026', cz(20_000), toNeed.variableSymbol, 'dar'],
			['1002', '03.11.2026', cz(50_000), toFund.variableSymbol, ''],
			['1003', '03.11.2026', cz(7_000), toFund.variableSymbol, 'jiná částka'],
			['1004', '04.11.2026', cz(3_000), '', 'bez symbolu'],
			['1005', '04.11.2026', '-120,00', '', 'poplatek']
		]);
		const first = await importStatement(contextFor(sql, p.coordinator), { name: 'vypis.csv', bytes: file });
		expect(first).toMatchObject({
			ok: true,
			summary: { lines: 5, recorded: 4, matched: 2, unassigned: 2, duplicates: 0, outgoing: 1 }
		});
		expect((await getPledge(sql, toNeed.id))!.status).toBe('paid');
		expect((await needMoney(sql, needId))!.raised).toBe(20_000);
		expect(await fundBalance(sql)).toBe(50_000);
		const [suspense] = await sql`select balance from ledger_accounts where code = 'suspense:bank'`;
		expect(suspense!.balance).toBe(10_000);

		const again = await importStatement(contextFor(sql, p.coordinator), { name: 'vypis.csv', bytes: file });
		expect(again).toMatchObject({ ok: true, summary: { recorded: 0, matched: 0, duplicates: 4 } });
		expect(await fundBalance(sql)).toBe(50_000);
		const [{ n }] = (await sql<{ n: number }[]>`select count(*)::int as n from donations`) as unknown as [
			{ n: number }
		];
		expect(n).toBe(2);

		// the coordinator assigns what matched nothing
		const waiting = (await listUnassignedPayments(sql)).rows;
		expect(waiting.map((w) => w.amount)).toEqual([7_000, 3_000]);
		expect(waiting[0]!.pledge).toBeNull(); // that pledge is paid already
		expect(await assignPayment(contextFor(sql, p.member), waiting[0]!.id, { kind: 'fund' })).toMatchObject({
			reason: 'forbidden'
		});
		expect(
			await assignPayment(contextFor(sql, p.coordinator), waiting[0]!.id, { kind: 'need', needId })
		).toEqual({
			ok: true
		});
		expect(await assignPayment(contextFor(sql, p.coordinator), waiting[0]!.id, { kind: 'fund' })).toEqual({
			ok: false,
			reason: 'already_assigned'
		});
		expect(await assignPayment(contextFor(sql, p.coordinator), waiting[1]!.id, { kind: 'fund' })).toEqual({
			ok: true
		});
		// 7 000 reached the need up to its target (10 000 missing), the 3 000 went to the fund
		expect((await needMoney(sql, needId))!.raised).toBe(27_000);
		expect(await fundBalance(sql)).toBe(53_000);
		const [after] = await sql`select balance from ledger_accounts where code = 'suspense:bank'`;
		expect(after!.balance).toBe(0);
		const [named] = await sql`select donor_name from donations where amount = 3000`;
		expect(named!.donor_name).toBe('Eva Dárcová');
	});

	it('suggests the pledge whose symbol matches when the amount differs, and pays it on assignment', async () => {
		const pledge = await createPledge(sql, { purpose: 'gift', needId: null, amount: 50_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		await importStatement(contextFor(sql, p.coordinator), {
			name: 'v.csv',
			bytes: fio([['2001', '05.11.2026', cz(45_000), pledge.variableSymbol, '']])
		});
		const [waiting] = (await listUnassignedPayments(sql)).rows;
		expect(waiting!.pledge).toMatchObject({ id: pledge.id, amount: 50_000 });
		expect(
			await assignPayment(contextFor(sql, p.coordinator), waiting!.id, {
				kind: 'pledge',
				pledgeId: pledge.id
			})
		).toEqual({
			ok: true
		});
		expect((await getPledge(sql, pledge.id))!.status).toBe('paid');
		const [gift] = await sql`select amount, donor_email from donations where pledge_id = ${pledge.id}`;
		expect(gift).toEqual({ amount: 45_000, donor_email: 'eva@example.cz' });
	});

	it('imports camt.053 the same way', async () => {
		const pledge = await createPledge(sql, { purpose: 'gift', needId: null, amount: 150_050, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-06T10:00:00</CreDtTm></GrpHdr>
<Stmt><Id>S1</Id><CreDtTm>2026-11-06T10:00:00</CreDtTm><Acct><Id><IBAN>CZ5520100000002901234567</IBAN></Id></Acct>
<Ntry><Amt Ccy="CZK">1500.50</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-11-05</Dt></BookgDt><AcctSvcrRef>CAMT-1</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>VS${pledge.variableSymbol}</EndToEndId></Refs><RltdPties><Dbtr><Nm>Eva Dárcová</Nm></Dbtr></RltdPties></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
		const result = await importStatement(contextFor(sql, p.coordinator), {
			name: 'camt.xml',
			bytes: new TextEncoder().encode(xml)
		});
		expect(result).toMatchObject({ ok: true, summary: { matched: 1 } });
		expect(await fundBalance(sql)).toBe(150_050);
	});

	it('refuses a malformed file with the line, and records nothing', async () => {
		const bad = new TextEncoder().encode(
			'"ID pohybu";"Datum";"Objem";"Měna";"VS"\r\n"1";"02.11.2026";"100,00";"CZK";"1"\r\n"2";"32.13.2026";"100,00";"CZK";"2"\r\n'
		);
		const result = await importStatement(contextFor(sql, p.coordinator), { name: 'bad.csv', bytes: bad });
		expect(result).toMatchObject({ ok: false, reason: 'invalid', code: 'bad_line', line: 3 });
		const statements = await sql`select 1 from bank_statements`;
		expect(statements.length).toBe(0);
		expect(await importStatement(contextFor(sql, p.member), { name: 'x.csv', bytes: bad })).toEqual({
			ok: false,
			reason: 'forbidden'
		});
	});
});

describe('e-mails from a statement import', () => {
	it('link to the configured public address when an imported payment completes a need', async () => {
		const needId = await decidedNeed(sql, p, 25_000, 'collection');
		const pledge = await createPledge(sql, { purpose: 'gift', needId, amount: 25_000, donor });
		if (!pledge.ok) throw new Error(pledge.reason);
		const file = fio([['2001', '05.11.2026', cz(25_000), pledge.variableSymbol, 'dar']]);
		const before = await lastMailId(sql);
		const imported = await importStatement(contextFor(sql, p.coordinator, publicEnvironment), {
			name: 'vypis.csv',
			bytes: file
		});
		expect(imported).toMatchObject({ ok: true, summary: { matched: 1 } });
		expect((await needMoney(sql, needId))!.missing).toBe(0);
		const links = await mailLinksAfter(sql, before);
		expect(links).toContain(`${publicEnvironment.origin}/needs/${needId}`);
		expect(links.filter((l) => !l.startsWith(`${publicEnvironment.origin}/`))).toEqual([]);
	});
});
