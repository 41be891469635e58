import { completeNeed, contextFor, testEnvironment } from '../needs/test-factory';
import { createNeed } from '../needs/transitions';
import { viewNeed } from '../needs/view';
import { encodeBase64 } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyTwoFactorCode } from '../auth/totp';
import { readProtectedData, saveProtectedData } from '../delivery/protected';
import { arrangeDelivery, markBought, markDelivered, readDeliveryProof } from '../delivery/steps';
import { allocateFromFund } from '../ledger/funding';
import { readPayoutReceipt, recordPayout } from '../ledger/payouts';
import { decidedNeed, fillFund, moneyTestDatabase } from '../ledger/test-factory';
import { addAttachment, readAttachment } from '../needs/attachments';
import { CHUNK_BYTES, readFile } from '../files/store';
import { bytesAtRest, downloadedBytes, samplePdf } from '../files/test-factory';
import { saveStory } from '../stories/stories';
import { storyPhotoContext } from '../stories/public';
import { encryptField, parseKeyRing } from './encryption';
import { countByKey, RotationError, rotateKeys } from './rotation';
import { openToken, storeFioToken } from '../payments/bank/fio-api/connection';
import { pragueDay } from '$lib/core/prague';

const t = moneyTestDatabase();
const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
const oldRing = parseKeyRing(k1);
const bothRing = parseKeyRing(`${k2},${k1}`);
const newRing = parseKeyRing(k2);
const pdf = await samplePdf();
let png: Buffer;

beforeAll(async () => {
	png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#2f6f73' } })
		.png()
		.toBuffer();
});

const contact = {
	name: 'Jana Nováková',
	phone: '+420 777 123 456',
	deliveryWay: 'home' as const,
	address: 'Dlouhá 12, Praha 1'
};

/** A need with everything encrypted under k1: protected data, an attachment, a receipt, a delivery proof. */
async function needUnderOldKey() {
	const { sql, p } = t;
	const store = { keys: oldRing };
	// attachments are added while the need is submitted, before the vote
	let attachmentId = '';
	const needId = await decidedNeed(sql, p, 60_000, 'purchase', {}, async (id) => {
		const attachment = await addAttachment(contextFor(sql, p.worker), store, id, {
			bytes: pdf,
			name: 'nabidka.pdf',
			type: 'application/pdf',
			kind: 'quote'
		});
		if (!attachment.ok) throw new Error(attachment.reason);
		attachmentId = attachment.id;
	});
	expect(
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: oldRing }), needId, contact)
	).toEqual({ ok: true });
	await fillFund(sql, 60_000);
	await allocateFromFund(contextFor(sql, p.coordinator), needId, 60_000);
	const payout = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ recipient: 'supplier', supplier: 'IKEA', amount: 1_000, paidOn: '2026-11-20', note: 'Postel' },
		{ bytes: pdf, name: 'doklad.pdf', type: 'application/pdf' }
	);
	if (!payout.ok) throw new Error(payout.reason);
	// the delivery's proof, a file kept under the need's own id
	await arrangeDelivery(contextFor(sql, p.member), needId, { plan: '' });
	await markBought(contextFor(sql, p.member), needId);
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
	const delivered = await markDelivered(
		contextFor(sql, p.member),
		store,
		needId,
		{ deliveredOn: today, note: '' },
		{
			bytes: pdf,
			name: 'predani.pdf',
			type: 'application/pdf'
		}
	);
	if (!delivered.ok) throw new Error(delivered.reason);
	// the story's photo
	const story = await saveStory(
		contextFor(sql, p.worker),
		store,
		needId,
		{
			title: 'Nová postel',
			body: 'Chlapec konečně spí ve vlastní posteli.',
			category: 'furniture',
			region: 'CZ010',
			photoAlt: 'Postel s modrou dekou',
			photoConfirmed: true,
			removePhoto: false,
			confirmFindings: false
		},
		{ bytes: png, name: 'postel.png', type: 'image/png' }
	);
	if (!story.ok) throw new Error(story.reason);
	return { needId, attachmentId, payoutId: payout.id };
}

/** A TOTP key stored the way enableTwoFactor stores it. */
async function totpUnderOldKey(userId: string) {
	const key = new Uint8Array(20).fill(7);
	const sealed = encryptField(oldRing, encodeBase64(key), `users:totp_key:${userId}`);
	await t.sql`update users set totp_key = ${sealed}, totp_last_step = null where id = ${userId}`;
	return key;
}

describe('key rotation', () => {
	it('moves everything to the new key, so the old key can be removed', async () => {
		const { sql, p } = t;
		const { needId, attachmentId, payoutId } = await needUnderOldKey();
		const totpKey = await totpUnderOldKey(p.coordinator.id);
		// a draft saved with a name in it keeps its texts sealed
		const oldKeys = { ...testEnvironment, keys: oldRing };
		const draft = await createNeed(
			contextFor(sql, p.worker, oldKeys),
			completeNeed({ title: 'Postel pro Kristýnku' })
		);
		if (!draft.ok) throw new Error(draft.reason);
		// name, phone, address, TOTP key, sealed draft; attachment, receipt, delivery proof, story photo
		expect(await countByKey(sql)).toEqual({ k1: 9 });

		expect(await rotateKeys(sql, bothRing, { batchSize: 1 })).toEqual({
			fields: 5,
			files: 4,
			alreadyCurrent: 0
		});
		expect(await countByKey(sql)).toEqual({ k2: 9 });
		expect(await rotateKeys(sql, bothRing)).toEqual({ fields: 0, files: 0, alreadyCurrent: 9 });
		// with the old key gone from the ring, a second run has nothing to do either
		expect(await rotateKeys(sql, newRing)).toEqual({ fields: 0, files: 0, alreadyCurrent: 9 });
		const newKeys = { ...testEnvironment, keys: newRing };
		expect((await viewNeed(contextFor(sql, p.worker, newKeys), draft.id))?.need.title).toBe(
			'Postel pro Kristýnku'
		);

		const store = { keys: newRing };
		expect(
			await readProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: newRing }), needId)
		).toEqual(contact);
		const read = async (file: Promise<{ body: ReadableStream<Uint8Array> } | null>) =>
			(await downloadedBytes(await file))!;
		expect(
			(await read(readAttachment(contextFor(sql, p.worker), store, needId, attachmentId))).equals(pdf)
		).toBe(true);
		expect(
			(await read(readPayoutReceipt(contextFor(sql, p.member), store, needId, payoutId))).equals(pdf)
		).toBe(true);
		expect((await read(readDeliveryProof(contextFor(sql, p.worker), store, needId))).equals(pdf)).toBe(true);
		const [story] = await sql<
			{ key: string }[]
		>`select photo_key as key from stories where need_id = ${needId}`;
		expect((await bytesAtRest(sql, story!.key)).subarray(0, 3).toString('ascii')).toBe('k2:');
		const photo = await readFile(sql, newRing, story!.key, storyPhotoContext(needId));
		expect((await sharp(photo!).metadata()).format).toBe('png');
		expect(await verifyTwoFactorCode(sql, newRing, p.coordinator.id, generateTOTP(totpKey, 30, 6))).toBe(
			true
		);
	});

	it('leaves a value that does not decrypt as it is, rotates the rest, and names the row', async () => {
		const { sql, p } = t;
		const first = await decidedNeed(sql, p, 10_000);
		const second = await decidedNeed(sql, p, 20_000);
		for (const needId of [first, second])
			expect(
				await saveProtectedData(
					contextFor(sql, p.worker, { ...testEnvironment, keys: oldRing }),
					needId,
					contact
				)
			).toEqual({ ok: true });
		const [row] = await sql<{ phone: string }[]>`
			select client_phone as phone from need_protected_data where need_id = ${first}`;
		// one character of the ciphertext changed (the first: the last may only carry padding bits)
		const [id, iv, tag, data] = row!.phone.split(':') as [string, string, string, string];
		const tampered = [id, iv, tag, (data[0] === 'A' ? 'B' : 'A') + data.slice(1)].join(':');
		await sql`update need_protected_data set client_phone = ${tampered} where need_id = ${first}`;

		const failure = await rotateKeys(sql, bothRing).catch((e: unknown) => e);
		expect(failure).toBeInstanceOf(RotationError);
		const error = failure as RotationError;
		expect(error.message).toContain(`need_protected_data.client_phone of row ${first} (damaged)`);
		expect(error.message).not.toContain(tampered);
		expect(error.failures).toEqual([
			{ table: 'need_protected_data', column: 'client_phone', id: first, reason: 'damaged' }
		]);
		// everything else was rotated: the other need in full, the other columns of the damaged row too
		expect(error.result).toEqual({ fields: 5, files: 0, alreadyCurrent: 0 });

		const [after] = await sql<{ phone: string }[]>`
			select client_phone as phone from need_protected_data where need_id = ${first}`;
		expect(after!.phone).toBe(tampered);
		expect(await countByKey(sql)).toEqual({ k1: 1, k2: 5 });
		expect(
			await readProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: newRing }), second)
		).toEqual(contact);
		// the old key stays needed while the row is not dealt with: a rerun fails the same way
		await expect(rotateKeys(sql, bothRing)).rejects.toThrow(RotationError);
	});

	it('names a damaged file, and values under a key missing from the ring, without changing them', async () => {
		const { sql } = t;
		const { needId, payoutId } = await needUnderOldKey();
		const [row] = await sql<{ key: string }[]>`select receipt_key as key from payouts where id = ${payoutId}`;
		const damaged = await bytesAtRest(sql, row!.key);
		damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 1, damaged.length - 1);
		await sql`update stored_file_chunks set content = ${damaged} where file_key = ${row!.key}`;

		const failure = (await rotateKeys(sql, newRing).catch((e: unknown) => e)) as RotationError;
		expect(failure).toBeInstanceOf(RotationError);
		expect(failure.failures).toEqual([
			...['client_name', 'client_phone', 'delivery_address'].map((column) => ({
				table: 'need_protected_data',
				column,
				id: needId,
				reason: 'missing_key'
			})),
			expect.objectContaining({ table: 'need_attachments', column: 'storage_key', reason: 'missing_key' }),
			{ table: 'payouts', column: 'receipt_key', id: payoutId, reason: 'missing_key' },
			{ table: 'need_deliveries', column: 'proof_key', id: needId, reason: 'missing_key' },
			expect.objectContaining({ table: 'stories', column: 'photo_key', reason: 'missing_key' })
		]);
		expect(failure.result).toEqual({ fields: 0, files: 0, alreadyCurrent: 0 });
		expect(await countByKey(sql)).toEqual({ k1: 7 });

		// with the old key back in the ring, only the damaged file is left behind
		await expect(rotateKeys(sql, bothRing)).rejects.toMatchObject({
			failures: [{ table: 'payouts', column: 'receipt_key', id: payoutId, reason: 'damaged' }],
			result: { fields: 3, files: 3, alreadyCurrent: 0 }
		});
		expect((await bytesAtRest(sql, row!.key)).equals(damaged)).toBe(true);
		expect(await countByKey(sql)).toEqual({ k1: 1, k2: 6 });
	});

	it("moves the club's Fio API token to the new key", async () => {
		const { sql, p } = t;
		const token = 'Fio1'.repeat(16);
		const coordinator = contextFor(sql, p.coordinator, { ...testEnvironment, keys: oldRing });
		expect(await storeFioToken(coordinator, { token, startOn: pragueDay() })).toEqual({ ok: true });
		expect(await countByKey(sql)).toEqual({ k1: 1 });
		expect(await rotateKeys(sql, bothRing)).toEqual({ fields: 1, files: 0, alreadyCurrent: 0 });
		const [row] = await sql<{ id: string; token: string }[]>`select id, token from fio_api_connection`;
		expect(row!.token.startsWith('k2:')).toBe(true);
		expect(openToken(newRing, row!.id, row!.token)).toBe(token);
	});

	it('re-encrypts every chunk of a large file under its key, and it still downloads whole', async () => {
		const { sql, p } = t;
		const store = { keys: oldRing };
		// a scanned quote of 2.5 MiB: three chunks
		const scan = await samplePdf(200, Math.floor(2.5 * CHUNK_BYTES));
		let attachmentId = '';
		const needId = await decidedNeed(sql, p, 10_000, 'purchase', {}, async (id) => {
			const added = await addAttachment(contextFor(sql, p.worker), store, id, {
				bytes: scan,
				name: 'sken.pdf',
				type: 'application/pdf',
				kind: 'quote'
			});
			if (!added.ok) throw new Error(added.reason);
			attachmentId = added.id;
		});
		const [row] = await sql<{ key: string }[]>`
			select storage_key as key from need_attachments where id = ${attachmentId}`;
		const chunkKeys = async () =>
			(
				await sql<{ head: string }[]>`
					select convert_from(substring(content from 1 for 3), 'SQL_ASCII') as head
					from stored_file_chunks where file_key = ${row!.key} order by seq`
			).map((c) => c.head);
		expect(await chunkKeys()).toEqual(['k1:', 'k1:', 'k1:']);
		await rotateKeys(sql, bothRing);
		expect(await chunkKeys()).toEqual(['k2:', 'k2:', 'k2:']);
		const file = await readAttachment(contextFor(sql, p.worker), { keys: newRing }, needId, attachmentId);
		expect(file!.size).toBe(scan.length);
		expect((await downloadedBytes(file))!.equals(scan)).toBe(true);
	});
});
