import { contextFor } from '../needs/test-factory';
import { bytesAtRest, downloadedBytes } from '../files/test-factory';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import type { AttachmentStore } from '../files/uploads';
import type { People } from '../needs/test-factory';
import { allocateFromFund, needMoney } from './funding';
import { listPayouts, readPayoutReceipt, recordPayout, type PayoutInput } from './payouts';
import { decidedNeed, fillFund, moneyTestDatabase } from './test-factory';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;

beforeEach(() => {
	({ sql, p, store } = t);
});

const purchase = (amount: number, more: Partial<PayoutInput> = {}): PayoutInput => ({
	recipient: 'supplier',
	supplier: 'IKEA Česká republika',
	amount,
	paidOn: '2026-11-20',
	note: 'Postel podle nabídky',
	...more
});

async function fundedNeed() {
	const needId = await decidedNeed(sql, p, 60_000, 'purchase');
	await fillFund(sql, 60_000);
	await allocateFromFund(contextFor(sql, p.coordinator), needId, 60_000);
	return needId;
}

describe('payouts', () => {
	it('lets the coordinator and the contact person pay out what the need holds, and nobody else', async () => {
		const needId = await fundedNeed();
		expect(await recordPayout(contextFor(sql, p.worker), store, needId, purchase(1_000), null)).toMatchObject(
			{
				reason: 'forbidden'
			}
		);
		expect(await recordPayout(contextFor(sql, p.donor), store, needId, purchase(1_000), null)).toMatchObject({
			reason: 'not_found'
		});
		const [other] = await sql<{ id: string }[]>`
			insert into users (email, name, password_hash) values ('clen2@test.cz', 'Člen 2', 'x') returning id`;
		await sql`insert into user_roles (user_id, role) values (${other!.id}, 'member')`;
		const otherMember = { ...p.member, id: other!.id };
		expect(
			await recordPayout(contextFor(sql, otherMember), store, needId, purchase(1_000), null)
		).toMatchObject({
			reason: 'forbidden'
		});
		expect(await recordPayout(contextFor(sql, p.member), store, needId, purchase(60_001), null)).toEqual({
			ok: false,
			reason: 'balance_too_low',
			limit: 60_000
		});
		expect(
			await recordPayout(contextFor(sql, p.member), store, needId, purchase(45_000), null)
		).toMatchObject({
			ok: true
		});
		expect(
			await recordPayout(
				contextFor(sql, p.coordinator),
				store,
				needId,
				purchase(10_000, { recipient: 'family', supplier: 'hotově' }),
				null
			)
		).toMatchObject({ ok: true });
		expect((await needMoney(sql, needId))!).toMatchObject({
			paidOut: 55_000,
			balance: 5_000,
			raised: 60_000
		});
		const [families] = await sql`select balance from ledger_accounts where code = 'payout:families'`;
		expect(families!.balance).toBe(10_000);
		expect((await listPayouts(contextFor(sql, p.worker), needId))!.map((r) => r.amount)).toEqual([
			45_000, 10_000
		]);
		expect(await listPayouts(contextFor(sql, otherMember), needId)).toBeNull();
		expect(await listPayouts(contextFor(sql, p.otherWorker), needId)).toBeNull();
	});

	it('refuses a payout that names a person', async () => {
		const needId = await fundedNeed();
		const named = await recordPayout(
			contextFor(sql, p.coordinator),
			store,
			needId,
			purchase(1_000, { note: 'Předáno paní Janě Novákové' }),
			null
		);
		expect(named).toEqual({ ok: false, reason: 'personal_data', fields: ['note'] });
		expect((await needMoney(sql, needId))!.paidOut).toBe(0);
	});

	it('keeps the receipt encrypted, without metadata, and audits each read', async () => {
		const needId = await fundedNeed();
		const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#abcdef' } })
			.png()
			.withMetadata({ exif: { IFD0: { Artist: 'Jana Novakova' } } })
			.toBuffer();
		const result = await recordPayout(contextFor(sql, p.member), store, needId, purchase(2_000), {
			bytes: png,
			name: 'uctenka.png',
			type: 'image/png'
		});
		if (!result.ok) throw new Error(result.reason);
		const [row] = await sql<
			{ key: string }[]
		>`select receipt_key as key from payouts where id = ${result.id}`;
		expect((await bytesAtRest(sql, row!.key)).includes(Buffer.from('PNG'))).toBe(false);
		const receipt = await readPayoutReceipt(contextFor(sql, p.worker), store, needId, result.id);
		expect(receipt!.mediaType).toBe('image/png');
		expect((await downloadedBytes(receipt))!.includes(Buffer.from('Novakova'))).toBe(false);
		expect(await readPayoutReceipt(contextFor(sql, p.otherWorker), store, needId, result.id)).toBeNull();
		const reads = await sql`select actor_id from audit_log where action = 'ledger.payout_receipt_read'`;
		expect(reads.map((r) => r.actor_id)).toEqual([p.worker.id]);
	});
});
