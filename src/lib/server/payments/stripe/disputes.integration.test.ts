import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../../db/test-db';
import { postTransaction } from '../../ledger/ledger';
import { decidedNeed } from '../../ledger/test-factory';
import { createPeople, type People } from '../../needs/test-factory';
import { listDisputedDonations } from './disputes';

let db: TestDatabase;
let sql: Db;
let p: People;

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	p = await createPeople(sql);
});

/** A card gift as the webhook leaves it, written directly: only the columns the list reads matter. */
async function cardGift(
	amount: number,
	needId: string | null,
	dispute: { at: string; reason: string | null } | null
): Promise<string> {
	// the ledger refuses a transaction without balanced entries; the list reads only the donation
	const transactionId = await sql.begin((tx) =>
		postTransaction(tx, {
			kind: 'donation',
			entries: [
				{ account: 'income:card', amount: -amount },
				{ account: 'fund', amount }
			]
		})
	);
	const [row] = await sql<{ id: string }[]>`
		insert into donations (channel, amount, need_id, to_need, to_fund, received_on, transaction_id,
			payment_intent, disputed_at, dispute_reason)
		values ('card', ${amount}, ${needId}, ${needId ? amount : 0}, ${needId ? 0 : amount}, '2026-03-02',
			${transactionId}, ${`pi_${Math.random().toString(36).slice(2, 10)}`}, ${dispute?.at ?? null},
			${dispute?.reason ?? null})
		returning id`;
	return row!.id;
}

describe('listDisputedDonations', () => {
	it('is empty while no gift is disputed', async () => {
		await cardGift(50_000, null, null);
		expect(await listDisputedDonations(sql)).toEqual([]);
	});

	it('lists only disputed gifts, newest dispute first, with the need’s number or null for the fund', async () => {
		const needId = await decidedNeed(sql, p, 500_000);
		const [need] = await sql<{ number: number }[]>`select number from needs where id = ${needId}`;
		await cardGift(10_000, null, null);
		const older = await cardGift(20_000, null, { at: '2026-03-05T10:00:00Z', reason: 'fraudulent' });
		const newer = await cardGift(30_000, needId, { at: '2026-03-06T09:30:00Z', reason: null });

		const rows = await listDisputedDonations(sql);
		expect(rows).toEqual([
			{
				id: newer,
				disputedAt: new Date('2026-03-06T09:30:00Z'),
				receivedOn: '2026-03-02',
				amount: 30_000,
				reason: null,
				needNumber: need!.number
			},
			{
				id: older,
				disputedAt: new Date('2026-03-05T10:00:00Z'),
				receivedOn: '2026-03-02',
				amount: 20_000,
				reason: 'fraudulent',
				needNumber: null
			}
		]);
		expect(typeof rows[0]!.amount).toBe('number');
	});
});
