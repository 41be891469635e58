import type { Category, NeedStatus } from '$lib/needs';
import type { ConsentAudience } from '$lib/stories';
import type { Region } from '$lib/regions';
import type { Queryable } from '../db/client';
import { openFile, type OpenedFile } from '../files/store';
import type { AttachmentStore } from '../files/uploads';

/*
 * What the public may read of the stories. One rule decides it, here, for every public place (pages,
 * feed, sitemap, photos): the coordinator published the story, its moment has come, and the client's
 * consent lets this reader read it (readableAudiences) and has not been withdrawn. Withdrawing the consent therefore hides the
 * story everywhere at once, with nothing to clean up.
 */

/** A published story as the public sees it: anonymised fields only, never the need or its organisation. */
export interface PublicStory {
	number: number;
	title: string;
	body: string;
	category: Category;
	region: Region;
	/** haléře the help cost */
	amount: number;
	hasPhoto: boolean;
	photoAlt: string | null;
	publishedAt: Date;
}

/**
 * Which consents a reader is covered by: an anonymous visitor (and every feed, sitemap and shared
 * cache, which serve anonymous visitors) only by a consent for everyone; a signed-in donor also by one
 * for donors. A consent for nobody covers no one.
 */
export const readableAudiences = (reader: 'public' | 'donors'): ConsentAudience[] =>
	reader === 'donors' ? ['public', 'donors'] : ['public'];

/** The SQL condition on `s` (stories) and `c` (need_consents) that makes a story public at `now`. */
const isPublic = (db: Queryable, now: Date, audience: 'public' | 'donors') =>
	db`s.status = 'published' and s.publish_at <= ${now} and c.withdrawn_at is null
		and c.audience in ${db(readableAudiences(audience))}`;

const columns = (db: Queryable) => db`
	s.number, s.title, s.body, s.category, s.region, s.amount::bigint as amount,
	(s.photo_key is not null) as "hasPhoto", s.photo_alt as "photoAlt", s.publish_at as "publishedAt"`;

export interface StoryFilter {
	category?: Category | null;
	/** at most this many, newest first */
	limit?: number;
	offset?: number;
	/** signed-in donors also read the stories whose consent covers donors only */
	audience?: 'public' | 'donors';
	now?: Date;
}

/** The published stories, newest first, optionally of one category. */
export async function listPublicStories(db: Queryable, filter: StoryFilter = {}): Promise<PublicStory[]> {
	const now = filter.now ?? new Date();
	return db<PublicStory[]>`
		select ${columns(db)}
		from stories s join need_consents c on c.need_id = s.need_id
		where ${isPublic(db, now, filter.audience ?? 'public')}
			${filter.category ? db`and s.category = ${filter.category}` : db``}
		order by s.publish_at desc, s.number desc
		limit ${Math.min(filter.limit ?? 20, 100)} offset ${Math.max(filter.offset ?? 0, 0)}`;
}

/** How many published stories there are (of one category), for paging. */
export async function countPublicStories(
	db: Queryable,
	filter: Pick<StoryFilter, 'category' | 'audience' | 'now'> = {}
): Promise<number> {
	const [row] = await db<{ n: number }[]>`
		select count(*)::int as n from stories s join need_consents c on c.need_id = s.need_id
		where ${isPublic(db, filter.now ?? new Date(), filter.audience ?? 'public')}
			${filter.category ? db`and s.category = ${filter.category}` : db``}`;
	return row?.n ?? 0;
}

/** One published story by its public number, or null (not published, not yet, or consent withdrawn). */
export async function getPublicStory(
	db: Queryable,
	number: number,
	options: Pick<StoryFilter, 'audience' | 'now'> = {}
): Promise<PublicStory | null> {
	if (!Number.isSafeInteger(number) || number < 1) return null;
	const [row] = await db<PublicStory[]>`
		select ${columns(db)}
		from stories s join need_consents c on c.need_id = s.need_id
		where s.number = ${number} and ${isPublic(db, options.now ?? new Date(), options.audience ?? 'public')}`;
	return row ?? null;
}

/** Where a public story's photo is stored and how it was encrypted; null when it may not be shown. */
export async function publicStoryPhoto(
	db: Queryable,
	number: number,
	options: Pick<StoryFilter, 'audience' | 'now'> = {}
): Promise<{ key: string; mediaType: string; needId: string } | null> {
	if (!Number.isSafeInteger(number) || number < 1) return null;
	const [row] = await db<{ key: string; mediaType: string; needId: string }[]>`
		select s.photo_key as key, s.photo_media_type as "mediaType", s.need_id as "needId"
		from stories s join need_consents c on c.need_id = s.need_id
		where s.number = ${number} and s.photo_key is not null
			and ${isPublic(db, options.now ?? new Date(), options.audience ?? 'public')}`;
	return row ?? null;
}

/** The encryption context of a story's photo: bound to its need, like every stored file. */
export const storyPhotoContext = (needId: string) => `stories:${needId}`;

/** A public story's photo (already cleaned of metadata when it was stored), or null. */
export async function readPublicStoryPhoto(
	db: Queryable,
	store: AttachmentStore,
	number: number,
	options: Pick<StoryFilter, 'audience' | 'now'> = {}
): Promise<(OpenedFile & { mediaType: string }) | null> {
	const photo = await publicStoryPhoto(db, number, options);
	if (!photo) return null;
	const opened = await openFile(db, store.keys, photo.key, storyPhotoContext(photo.needId));
	return opened && { ...opened, mediaType: photo.mediaType };
}

/** A need a donor's gift went to, as the donor may see it: its anonymised title and how far it got. */
export interface GiftOutcome {
	needNumber: number;
	title: string;
	status: NeedStatus;
	/** haléře of this donor's gifts that reached the need */
	given: number;
	/** the need's published story, when the donor may read it */
	storyNumber: number | null;
}

/**
 * "What your gift did": the needs a signed-in donor's gifts went to, newest first, each with its state and
 * its story when there is one the donor may read (consent for the website or for donors).
 */
export async function giftOutcomes(db: Queryable, donorId: string, now = new Date()): Promise<GiftOutcome[]> {
	return db<GiftOutcome[]>`
		select n.number as "needNumber", n.title, n.status, sum(d.to_need)::bigint as given,
			(select s.number from stories s join need_consents c on c.need_id = s.need_id
				where s.need_id = n.id and ${isPublic(db, now, 'donors')}) as "storyNumber"
		from donations d join needs n on n.id = d.need_id
		where d.donor_id = ${donorId} and d.to_need > 0 and d.purpose = 'gift'
		group by n.id
		order by max(d.received_on) desc, n.number desc
		limit 100`;
}
