import { contextFor } from '../needs/test-factory';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import type { People } from '../needs/test-factory';
import { donorConfirmation, listDonorsForYear } from '../payments/receipts/confirmations';
import { allocateFromFund } from './funding';
import { recordOfflineGift } from './offline';
import { channelTotals, ledgerCsv, ledgerEntries, needSummaries } from './reports';
import { decidedNeed, moneyTestDatabase } from './test-factory';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const gift = (amount: number, receivedOn: string, donorName: string, more = {}) =>
	recordOfflineGift(contextFor(sql, p.coordinator), {
		kind: 'cash',
		amount,
		receivedOn,
		needId: null,
		description: '',
		donorName,
		donorAddress: 'Brno',
		donorEmail: '',
		note: '',
		...more
	});

describe('reports', () => {
	it('exports the ledger of a period as CSV a Czech spreadsheet opens, formulas neutralised', async () => {
		await gift(123_450, '2026-03-01', 'Jana');
		await gift(5_000, '2026-05-01', 'Petr');
		const rows = await ledgerEntries(sql, '2026-01-01', '2026-03-31');
		expect(rows.map((r) => [r.account, r.amount]).sort()).toEqual([
			['fund', 123_450],
			['income:offline', -123_450]
		]);
		const csv = ledgerCsv(
			[...rows, { ...rows[0]!, memo: '=HYPERLINK("http://x")' }],
			['Datum', 'Transakce', 'Druh', 'Potřeba', 'Poznámka', 'Účet', 'Částka']
		);
		expect(csv.startsWith('\uFEFFDatum;Transakce;')).toBe(true);
		expect(csv).toContain(';fund;1234,50\r\n');
		expect(csv).toContain(';income:offline;-1234,50\r\n');
		expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";`);
	});

	it('summarises each need and totals gifts per channel and year', async () => {
		const needId = await decidedNeed(sql, p, 40_000);
		await gift(30_000, '2025-12-20', 'Jana');
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 25_000);
		await gift(20_000, '2026-01-05', 'Petr', { needId });
		const {
			rows: [summary]
		} = await needSummaries(sql, { state: 'all' }, { page: 1, size: 50, offset: 0 });
		expect(summary).toMatchObject({
			target: 40_000,
			allocated: 25_000,
			donated: 15_000,
			raised: 40_000,
			balance: 40_000
		});
		const totals = await channelTotals(sql);
		expect(totals).toEqual([
			{ year: 2026, channel: 'offline', purpose: 'gift', count: 1, amount: 20_000 },
			{ year: 2025, channel: 'offline', purpose: 'gift', count: 1, amount: 30_000 }
		]);
	});
});

describe('confirmations of gifts', () => {
	it('groups a year’s gifts per donor and issues an audited PDF', async () => {
		await sql`insert into club_settings (name, registration_number, address, place) values ('Klub Spolu', '12345678', 'Brno', 'Brně')`;
		await gift(10_000, '2026-02-01', 'Jana Dárcová', { donorEmail: 'jana@example.cz' });
		await gift(15_000, '2026-06-01', 'Jana Dárcová', { donorEmail: 'Jana@example.cz' });
		await gift(7_000, '2025-06-01', 'Jana Dárcová', { donorEmail: 'jana@example.cz' });
		await gift(1_000, '2026-06-01', '', {});
		const donors = await listDonorsForYear(sql, 2026);
		expect(donors).toEqual([
			{
				key: 'e:jana@example.cz',
				name: 'Jana Dárcová',
				address: 'Brno',
				email: expect.any(String),
				count: 2,
				total: 25_000
			}
		]);
		const pdf = await donorConfirmation(sql, p.coordinator, 'e:jana@example.cz', 2026, 'cs', '2027-01-10');
		if (!pdf.ok) throw new Error(pdf.reason);
		expect(Buffer.from(pdf.pdf).subarray(0, 5).toString()).toBe('%PDF-');
		expect(
			await donorConfirmation(sql, p.coordinator, 'e:nobody@example.cz', 2026, 'cs', '2027-01-10')
		).toEqual({
			ok: false,
			reason: 'no_gifts'
		});
		const issued = await sql`select details from audit_log where action = 'ledger.confirmation_issued'`;
		expect(issued).toHaveLength(1);
		expect(JSON.stringify(issued[0]!.details)).not.toContain('jana');
	});
});
