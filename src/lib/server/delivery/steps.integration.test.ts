import { contextFor, testEnvironment } from '../needs/test-factory';
import type { Person } from '$lib/server/core/actor';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { parseConfig } from '../config';
import { jobDefinitions } from '../jobs/registry';
import { cancelNeed } from '../ledger/closing';
import { recordPayout } from '../ledger/payouts';
import { downloadedBytes } from '../files/test-factory';
import { moneyTestDatabase } from '../ledger/test-factory';
import type { AttachmentStore } from '../files/uploads';
import { selectEvents, selectNeed } from '../needs/queries';
import type { People } from '../needs/test-factory';
import { purgeExpiredProtectedData } from '../privacy/retention';
import { readProtectedData, saveProtectedData } from './protected';
import {
	deliveredNeed as deliveredNeedOf,
	fundedNeed as fundedNeedOf,
	pragueToday,
	testClient
} from './test-factory';
import {
	arrangeDelivery,
	confirmReceipt,
	deliveryView,
	markBought,
	markDelivered,
	readDeliveryProof
} from './steps';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;

beforeEach(() => {
	({ sql, p, store } = t);
});

const client = testClient;
const today = pragueToday;
const fundedNeed = (withData = true) => fundedNeedOf(sql, p, store, { withData });
const deliveredNeed = () => deliveredNeedOf(sql, p, store);

async function otherMember(): Promise<Person> {
	const [row] = await sql<{ id: string }[]>`
		insert into users (email, name, password_hash) values ('clen3@test.cz', 'Člen 3', 'x') returning id`;
	await sql`insert into user_roles (user_id, role) values (${row!.id}, 'member')`;
	return { ...p.member, id: row!.id, name: 'Člen 3' };
}

/** Runs a step and says who was e-mailed about it (need_update e-mails queued meanwhile), by address. */
async function mailedBy<T>(step: () => Promise<T>): Promise<{ result: T; to: string[] }> {
	const [{ last } = { last: 0 }] = await sql<{ last: number }[]>`
		select coalesce(max(id), 0)::int as last from outbox`;
	const result = await step();
	const rows = await sql<{ to: string }[]>`
		select to_address as to from outbox where id > ${last} and template = 'need_update' order by to_address`;
	return { result, to: rows.map((r) => r.to) };
}

describe('delivery steps', () => {
	it('go arranged → bought → delivered by the contact person alone, each on the timeline and mailed', async () => {
		const needId = await fundedNeed(false);
		const plan = { plan: 'Obchod doveze postel do kanceláře centra ve čtvrtek.' };
		// the contact person needs the social worker's word on the way of delivery first
		expect(await arrangeDelivery(contextFor(sql, p.member), needId, plan)).toEqual({
			ok: false,
			reason: 'no_protected_data'
		});
		await saveProtectedData(
			contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }),
			needId,
			client
		);
		const member = await otherMember();
		for (const actor of [p.coordinator, member, p.worker])
			expect((await arrangeDelivery(contextFor(sql, actor), needId, plan)).ok).toBe(false);
		expect(
			await arrangeDelivery(contextFor(sql, p.member), needId, { plan: 'Zavolám paní Marii Zkušební.' })
		).toEqual({
			ok: false,
			reason: 'personal_data',
			fields: ['plan']
		});
		// the organisation's creator and the coordinator hear of it, not the contact person who did it
		expect(await mailedBy(() => arrangeDelivery(contextFor(sql, p.member), needId, plan))).toEqual({
			result: { ok: true },
			to: ['koordinator@test.cz', 'pracovnice@test.cz']
		});
		expect((await selectNeed(sql, needId))!.status).toBe('fulfilling');

		// bought only once the money part shows a payout
		expect(await markBought(contextFor(sql, p.member), needId)).toEqual({ ok: false, reason: 'no_payout' });
		await recordPayout(
			contextFor(sql, p.member),
			store,
			needId,
			{ recipient: 'supplier', supplier: 'IKEA', amount: 29_000, paidOn: today(), note: '' },
			null
		);
		expect(await markBought(contextFor(sql, p.coordinator), needId)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await markBought(contextFor(sql, p.member), needId)).toEqual({ ok: true });
		expect(await markBought(contextFor(sql, p.member), needId)).toEqual({ ok: false, reason: 'wrong_state' });

		const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toLocaleDateString('sv-SE', {
			timeZone: 'Europe/Prague'
		});
		expect(
			await markDelivered(contextFor(sql, p.member), store, needId, { deliveredOn: tomorrow, note: '' }, null)
		).toEqual({ ok: false, reason: 'future_day' });
		const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#8a8' } })
			.jpeg()
			.withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 5/1 0/1' } })
			.toBuffer();
		expect(
			await mailedBy(() =>
				markDelivered(
					contextFor(sql, p.member),
					store,
					needId,
					{ deliveredOn: today(), note: 'Postel je smontovaná, děti už v ní spí.' },
					{ bytes: photo, name: 'IMG_1.jpg', type: 'image/jpeg' }
				)
			)
		).toEqual({ result: { ok: true }, to: ['koordinator@test.cz', 'pracovnice@test.cz'] });
		expect((await selectNeed(sql, needId))!.status).toBe('delivered');

		// the photo comes back re-encoded without its location, to those who may see it, each read audited
		const proof = await readDeliveryProof(contextFor(sql, p.worker), store, needId);
		expect(proof!.mediaType).toBe('image/jpeg');
		expect((await sharp((await downloadedBytes(proof))!).metadata()).exif).toBeUndefined();
		expect(await readDeliveryProof(contextFor(sql, p.coordinator), store, needId)).not.toBeNull();
		expect(await readDeliveryProof(contextFor(sql, member), store, needId)).toBeNull();
		expect(await readDeliveryProof(contextFor(sql, p.otherWorker), store, needId)).toBeNull();
		expect(await sql`select 1 from audit_log where action = 'delivery.proof_read'`).toHaveLength(2);

		const kinds = (await selectEvents(sql, needId)).map((e) => e.kind);
		expect(kinds.filter((k) => ['delivery_arranged', 'delivery_bought', 'delivered'].includes(k))).toEqual([
			'delivery_arranged',
			'delivery_bought',
			'delivered'
		]);
		const view = await deliveryView(contextFor(sql, p.worker), (await selectNeed(sql, needId))!);
		expect(view).toMatchObject({ step: 'delivered', deliveredOn: today(), can: { confirm: true } });
	});

	it('ends with the organisation confirming the receipt and the family’s feedback, checked by the guard', async () => {
		const needId = await deliveredNeed();
		const feedback = {
			thanks: 'Moc děkujeme, konečně máme kde spát.',
			change: 'Děti se lépe vyspí a chodí do školy odpočaté.',
			confirmFindings: false
		};
		expect(await confirmReceipt(contextFor(sql, p.member), needId, feedback)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		const named = await confirmReceipt(contextFor(sql, p.worker), needId, {
			...feedback,
			thanks: 'Děkuje paní Marie Zkušební z Hlavní 12.'
		});
		expect(named).toMatchObject({ ok: false, reason: 'personal_data', fields: ['thanks'] });
		expect(named.ok ? [] : named.findings!.map((f) => f.field)).toContain('thanks');
		expect(await mailedBy(() => confirmReceipt(contextFor(sql, p.colleague), needId, feedback))).toEqual({
			result: { ok: true },
			to: ['clen@test.cz', 'koordinator@test.cz']
		});
		// a correction later is feedback_recorded; a conscious override of the guard is audited
		expect(
			await confirmReceipt(contextFor(sql, p.worker), needId, {
				...feedback,
				change: 'Syn Tadeáš má konečně svůj pokoj.',
				confirmFindings: true
			})
		).toEqual({ ok: true });
		expect(
			await sql`select 1 from audit_log where action = 'delivery.feedback_findings_confirmed'`
		).toHaveLength(1);
		const view = await deliveryView(contextFor(sql, p.member), (await selectNeed(sql, needId))!);
		expect(view).toMatchObject({
			step: 'confirmed',
			feedback: { thanks: feedback.thanks, change: 'Syn Tadeáš má konečně svůj pokoj.' },
			can: { confirm: false, arrange: false, markBought: false, markDelivered: false }
		});
		const kinds = (await selectEvents(sql, needId)).map((e) => e.kind);
		expect(kinds.slice(-2)).toEqual(['receipt_confirmed', 'feedback_recorded']);
	});

	it('never puts the client’s name or phone into e-mails, events or the audit log', async () => {
		const needId = await deliveredNeed();
		await readProtectedData(contextFor(sql, p.member, { ...testEnvironment, keys: store.keys }), needId);
		await confirmReceipt(contextFor(sql, p.worker), needId, {
			thanks: 'Děkujeme.',
			change: '',
			confirmFindings: false
		});
		const everything = JSON.stringify([
			await sql`select * from outbox`,
			await sql`select * from need_events`,
			await sql`select * from audit_log`,
			await sql`select * from need_deliveries`
		]);
		expect(everything).not.toMatch(/Zkušební|603 111 222/);
	});
});

describe('retention of protected data', () => {
	const days = (n: number) => n * 24 * 3600 * 1000;

	it('deletes it the club’s number of days after delivery, audited, and keeps the need’s history', async () => {
		const needId = await deliveredNeed();
		const [{ at } = { at: new Date() }] = await sql<{ at: Date }[]>`
			select delivered_at as at from need_deliveries where need_id = ${needId}`;
		// the default is 30 days
		expect(await purgeExpiredProtectedData(sql, new Date(at.getTime() + days(30) - 60_000))).toBe(0);
		expect(
			await readProtectedData(contextFor(sql, p.member, { ...testEnvironment, keys: store.keys }), needId)
		).not.toBeNull();
		expect(await purgeExpiredProtectedData(sql, new Date(at.getTime() + days(30) + 60_000))).toBe(1);
		expect(await sql`select 1 from need_protected_data`).toHaveLength(0);
		expect(
			await readProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }), needId)
		).toBeNull();
		const [row] =
			await sql`select actor_id, target_id from audit_log where action = 'delivery.protected_deleted'`;
		expect(row).toEqual({ actor_id: null, target_id: needId });
		const kinds = (await selectEvents(sql, needId)).map((e) => e.kind);
		expect(kinds).toEqual(expect.arrayContaining(['delivered', 'protected_data_deleted']));
		expect((await selectNeed(sql, needId))!.status).toBe('delivered');
		// a second run finds nothing more
		expect(await purgeExpiredProtectedData(sql, new Date(at.getTime() + days(60)))).toBe(0);
	});

	it('follows the club setting, and counts from the end for a need cancelled before delivery', async () => {
		await sql`insert into club_settings (name, protected_retention_days) values ('Klub', 7)`;
		const delivered = await deliveredNeed();
		const cancelled = await fundedNeed();
		await cancelNeed(contextFor(sql, p.coordinator), cancelled, 'Rodina se odstěhovala.');
		const untouched = await fundedNeed();
		const now = Date.now();
		expect(await purgeExpiredProtectedData(sql, new Date(now + days(6)))).toBe(0);
		expect(await purgeExpiredProtectedData(sql, new Date(now + days(7) + 60_000))).toBe(2);
		const left = await sql<{ need_id: string }[]>`select need_id from need_protected_data`;
		expect(left.map((r) => r.need_id)).toEqual([untouched]);
		expect(delivered).not.toBe(cancelled);
	});

	it('runs as a background job', () => {
		expect(jobDefinitions(parseConfig({})).map((j) => j.kind)).toContain('privacy.protected_retention');
	});
});
