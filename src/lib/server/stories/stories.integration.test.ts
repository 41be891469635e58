import { contextFor } from '../needs/test-factory';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { deliveredNeed, fundedNeed, pragueToday } from '../delivery/test-factory';
import { downloadedBytes } from '../files/test-factory';
import { moneyTestDatabase } from '../ledger/test-factory';
import type { AttachmentStore } from '../files/uploads';
import { selectEvents, selectNeed } from '../needs/queries';
import type { People } from '../needs/test-factory';
import {
	countPublicStories,
	getPublicStory,
	giftOutcomes,
	listPublicStories,
	readPublicStoryPhoto
} from './public';
import {
	listStoriesForReview,
	publishStory,
	recordConsent,
	saveStory,
	storyView,
	submitStory,
	unpublishStory,
	withdrawConsent,
	type StoryInput
} from './stories';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;
beforeEach(() => {
	({ sql, p, store } = t);
});

const input: StoryInput = {
	title: 'Konečně vlastní postel',
	body: 'Dvě sestry spaly po odchodu z azylového domu na matracích na zemi. Díky dárcům mají postele a klidný spánek.',
	category: 'furniture',
	region: 'CZ010',
	photoAlt: '',
	photoConfirmed: false,
	removePhoto: false,
	confirmFindings: false
};
const consent = { givenOn: pragueToday(), audience: 'public', social: false } as const;
const firstPage = { page: 1, size: 50, offset: 0 };

const gpsPhoto = () =>
	sharp({ create: { width: 80, height: 60, channels: 3, background: '#c84' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'Telefon', Model: 'X1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '50/1 5/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '14/1 25/1 0/1'
			}
		})
		.toBuffer();

/** Everything public knows of stories: the list, each story, its photo, the count. */
async function publicly(number: number, now?: Date) {
	return {
		listed: (await listPublicStories(sql, { now })).some((s) => s.number === number),
		page: (await getPublicStory(sql, number, { now })) !== null,
		photo: (await readPublicStoryPhoto(sql, store, number, { now })) !== null,
		count: await countPublicStories(sql, { now })
	};
}
const hidden = { listed: false, page: false, photo: false, count: 0 };
const shown = { listed: true, page: true, photo: true, count: 1 };

async function storyNumber(needId: string) {
	const [row] = await sql<{ number: number }[]>`select number from stories where need_id = ${needId}`;
	return row!.number;
}

describe('stories', () => {
	it('are drafted after delivery by the organisation or the contact person, with the guard and a cleaned photo', async () => {
		const early = await fundedNeed(sql, p, store);
		expect(await saveStory(contextFor(sql, p.worker), store, early, input, null)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		const needId = await deliveredNeed(sql, p, store);
		expect(await saveStory(contextFor(sql, p.donor), store, needId, input, null)).toMatchObject({
			ok: false
		});
		expect(await saveStory(contextFor(sql, p.otherWorker), store, needId, input, null)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const named = await saveStory(
			contextFor(sql, p.worker),
			store,
			needId,
			{ ...input, body: 'Paní Jana Nováková z Hlavní 12 děkuje.' },
			null
		);
		expect(named).toMatchObject({ ok: false, reason: 'personal_data', fields: ['body'] });
		// a photo needs its author's confirmation that it shows no face and no place, and a description
		const photo = { bytes: await gpsPhoto(), name: 'IMG_3301.jpg', type: 'image/jpeg' };
		expect(await saveStory(contextFor(sql, p.member), store, needId, input, photo)).toEqual({
			ok: false,
			reason: 'photo_not_confirmed'
		});
		const withPhoto = { ...input, photoAlt: 'Dvě nové postele v pokoji', photoConfirmed: true };
		expect(await saveStory(contextFor(sql, p.member), store, needId, withPhoto, photo)).toEqual({
			ok: true
		});
		const view = await storyView(contextFor(sql, p.worker), (await selectNeed(sql, needId))!);
		expect(view?.story).toMatchObject({ status: 'draft', hasPhoto: true, amount: 30_000, public: false });
		expect(view?.can).toMatchObject({ write: true, submit: true, recordConsent: true, publish: false });
		expect(await storyView(contextFor(sql, p.donor), (await selectNeed(sql, needId))!)).toBeNull();
	});

	it('are published by the coordinator only with the consent, and withdrawn consent hides them everywhere at once', async () => {
		const needId = await deliveredNeed(sql, p, store);
		const photo = { bytes: await gpsPhoto(), name: 'foto.jpg', type: 'image/jpeg' };
		await saveStory(
			contextFor(sql, p.worker),
			store,
			needId,
			{ ...input, photoAlt: 'Postele', photoConfirmed: true },
			photo
		);
		const number = await storyNumber(needId);
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await submitStory(contextFor(sql, p.worker), needId)).toEqual({ ok: true });
		expect(
			(await listStoriesForReview(contextFor(sql, p.coordinator), 'all', firstPage))!.rows.map(
				(s) => s.status
			)
		).toEqual(['submitted']);
		expect(await listStoriesForReview(contextFor(sql, p.worker), 'all', firstPage)).toBeNull();
		expect(await publishStory(contextFor(sql, p.worker), needId)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({
			ok: false,
			reason: 'no_consent'
		});
		expect(await recordConsent(contextFor(sql, p.member), needId, consent)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await recordConsent(contextFor(sql, p.worker), needId, consent)).toEqual({ ok: true });
		expect(await publicly(number)).toEqual(hidden);

		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({ ok: true });
		expect(await publicly(number)).toEqual(shown);
		// the photo that reaches the public has no location and no device data
		const served = (await downloadedBytes(await readPublicStoryPhoto(sql, store, number)))!;
		const meta = await sharp(served).metadata();
		expect([meta.format, meta.exif]).toEqual(['jpeg', undefined]);
		expect(served.includes(Buffer.from('Telefon'))).toBe(false);
		// the public sees anonymised fields only
		expect(Object.keys((await getPublicStory(sql, number))!).sort()).toEqual(
			[
				'amount',
				'body',
				'category',
				'hasPhoto',
				'photoAlt',
				'publishedAt',
				'number',
				'region',
				'title'
			].sort()
		);

		expect(await withdrawConsent(contextFor(sql, p.worker), needId)).toEqual({ ok: true });
		expect(await publicly(number)).toEqual(hidden);
		expect(await withdrawConsent(contextFor(sql, p.worker), needId)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		// a new consent brings it back; the coordinator takes it down
		await recordConsent(contextFor(sql, p.worker), needId, consent);
		expect(await publicly(number)).toEqual(shown);
		expect(await unpublishStory(contextFor(sql, p.coordinator), needId)).toEqual({ ok: true });
		expect(await publicly(number)).toEqual(hidden);
		const kinds = (await selectEvents(sql, needId)).map((e) => e.kind);
		expect(kinds).toEqual(
			expect.arrayContaining([
				'story_submitted',
				'consent_recorded',
				'story_published',
				'consent_withdrawn',
				'story_unpublished'
			])
		);
	});

	it('appear from their set date on, and a donors-only consent shows them to signed-in donors alone', async () => {
		const needId = await deliveredNeed(sql, p, store);
		await saveStory(contextFor(sql, p.worker), store, needId, input, null);
		await submitStory(contextFor(sql, p.worker), needId);
		await recordConsent(contextFor(sql, p.worker), needId, { ...consent, audience: 'donors' });
		const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
		expect(await publishStory(contextFor(sql, p.coordinator), needId, later)).toEqual({ ok: true });
		const number = await storyNumber(needId);
		const after = new Date(later.getTime() + 60_000);
		expect(await getPublicStory(sql, number, { audience: 'donors' })).toBeNull();
		expect(await getPublicStory(sql, number, { audience: 'donors', now: after })).not.toBeNull();
		expect(await getPublicStory(sql, number, { now: after })).toBeNull();
		expect(await listPublicStories(sql, { now: after })).toEqual([]);
	});

	it('take one audience: donors only is never public, shares nowhere, and a consent for nobody is not publishable', async () => {
		const needId = await deliveredNeed(sql, p, store);
		await saveStory(contextFor(sql, p.worker), store, needId, input, null);
		await submitStory(contextFor(sql, p.worker), needId);
		const worker = contextFor(sql, p.worker);
		// social networks show a post to everyone: they cannot go with donors only
		expect(await recordConsent(worker, needId, { ...consent, audience: 'donors', social: true })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		const odd = { ...consent, audience: 'everyone' } as unknown as typeof consent;
		expect(await recordConsent(worker, needId, odd)).toEqual({ ok: false, reason: 'invalid' });
		expect(await sql`select 1 from need_consents where need_id = ${needId}`).toHaveLength(0);

		// the family does not want the story published: recorded, and publishing is refused
		expect(await recordConsent(worker, needId, { ...consent, audience: 'none' })).toEqual({ ok: true });
		const view = async () => storyView(contextFor(sql, p.coordinator), (await selectNeed(sql, needId))!);
		expect((await view())?.can.publish).toBe(false);
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({
			ok: false,
			reason: 'no_consent'
		});

		expect(await recordConsent(worker, needId, { ...consent, audience: 'donors' })).toEqual({ ok: true });
		expect((await view())?.can.publish).toBe(true);
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({ ok: true });
		const number = await storyNumber(needId);
		expect((await view())?.story).toMatchObject({ public: false, donorsOnly: true });
		expect((await view())?.consent).toMatchObject({ audience: 'donors', social: false });
		expect(await getPublicStory(sql, number)).toBeNull();
		expect(await getPublicStory(sql, number, { audience: 'public' })).toBeNull();
		expect(await readPublicStoryPhoto(sql, store, number)).toBeNull();
		expect(await listPublicStories(sql)).toEqual([]);
		expect(await countPublicStories(sql)).toBe(0);
		expect(await getPublicStory(sql, number, { audience: 'donors' })).not.toBeNull();
		expect(await countPublicStories(sql, { audience: 'donors' })).toBe(1);
		expect(
			(await listStoriesForReview(contextFor(sql, p.coordinator), 'all', firstPage))?.rows[0]?.consent
		).toBe('donors');

		// widening the consent is a new record by the organisation; it shows the story to everyone
		expect(await recordConsent(worker, needId, { ...consent, audience: 'public', social: true })).toEqual({
			ok: true
		});
		expect(await getPublicStory(sql, number)).not.toBeNull();
		expect((await view())?.story).toMatchObject({ public: true, donorsOnly: false });
	});

	it('show a donor what their gifts did: the needs they gave to, and the story when they may read it', async () => {
		const needId = await deliveredNeed(sql, p, store, { donorId: p.donor.id });
		const outcome = async () => (await giftOutcomes(sql, p.donor.id))[0];
		expect(await outcome()).toMatchObject({ status: 'delivered', given: 30_000, storyNumber: null });
		expect(await giftOutcomes(sql, p.member.id)).toEqual([]);
		await saveStory(contextFor(sql, p.worker), store, needId, input, null);
		await submitStory(contextFor(sql, p.worker), needId);
		await recordConsent(contextFor(sql, p.worker), needId, { ...consent, audience: 'donors' });
		await publishStory(contextFor(sql, p.coordinator), needId);
		expect((await outcome())?.storyNumber).toBe(await storyNumber(needId));
		await withdrawConsent(contextFor(sql, p.worker), needId);
		expect((await outcome())?.storyNumber).toBeNull();
	});
});
