import type { RefusalOf } from '../core/refusals';
import type { Person } from '$lib/server/core/actor';
import type { PersonContext } from '$lib/server/core/context';
import { pragueDay } from '$lib/core/prague';
import { categories, type Category, type NeedStatus } from '$lib/needs';
import { paged, type PageRequest, type Paged } from '$lib/paging';
import { isRegion, type Region } from '$lib/regions';
import { consentAudiences, type ConsentAudience, type StoryStatus, type StoryView } from '$lib/stories';
import { audit, type AuditAction } from '../audit';
import type { Queryable, Tx } from '../db/client';
import { mailLink } from '../mail/templates';
import { storyPublishedNews } from '../mail/need-news';
import { isCoordinator, isOwnOrganisation, needView } from '../needs/access';
import type { PrepareRefusal } from '../files/cleaning';
import { withStoredFile, type AttachmentStore, type StoredFile } from '../files/uploads';
import { mailNeedUpdate, type Recipient } from '../needs/notifications';
import { insertEvent, selectNeed, type Need } from '../needs';
import { isUuid } from '$lib/core/ids';
import { findPersonalData } from '../privacy/pii';
import { quasiNotes } from '../privacy/guard';
import { contactPersonOf } from '../delivery/protected';
import { storyPhotoContext } from './public';

/*
 * Stories: after the help was delivered, the organisation's social worker or the contact person drafts
 * an anonymised story (title, text, category, kraj; the amount comes from the decision) with an optional
 * photo, re-encoded without metadata, which its author confirms shows no face and no recognisable
 * place. The guard checks every text; a finding is overridden only consciously, and that is audited.
 * The social worker records the client's consent. The coordinator reviews, edits and publishes — now or
 * at a set date — and may take a story down. Whether a story is public is decided in public.ts, from the
 * status, the date and the consent together.
 */

export type { StoryStatus, StoryView };

export type StoryRefusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'invalid'
	| 'personal_data'
	| 'photo_not_confirmed'
	| 'no_consent'
	| PrepareRefusal
>;

export interface StoryFinding {
	field: 'title' | 'body' | 'photoAlt';
	kind: string;
	fragment: string;
}

export type StoryResult =
	{ ok: true } | { ok: false; reason: StoryRefusal; fields?: string[]; findings?: StoryFinding[] };

const refuse = (reason: StoryRefusal, more: { fields?: string[]; findings?: StoryFinding[] } = {}) =>
	({ ok: false, reason, ...more }) as const;

/** Stories are written once the help reached the family. */
const storyStates: ReadonlySet<NeedStatus> = new Set(['delivered', 'closed']);

async function delivered(db: Queryable, needId: string) {
	const [row] =
		await db`select 1 from need_deliveries where need_id = ${needId} and delivered_at is not null`;
	return Boolean(row);
}

/** Who may write the story of this need: its organisation's social workers and its contact person. */
async function mayWrite(db: Queryable, actor: Person, need: Need) {
	if (isOwnOrganisation(actor, need)) return true;
	return actor.roles.includes('member') && (await contactPersonOf(db, need.id)) === actor.id;
}

interface StoryRow {
	id: string;
	number: number;
	status: StoryStatus;
	title: string;
	body: string;
	category: Category;
	region: Region;
	amount: number;
	photo_key: string | null;
	photo_alt: string | null;
	publish_at: Date | null;
	author_id: string;
}

async function storyOf(db: Queryable, needId: string, lock = false): Promise<StoryRow | null> {
	const [row] = await db<StoryRow[]>`
		select id, number, status, title, body, category, region, amount::bigint as amount, photo_key, photo_alt,
			publish_at, author_id
		from stories where need_id = ${needId} ${lock ? db`for update` : db``}`;
	return row ?? null;
}

export interface StoryInput {
	title: string;
	body: string;
	category: Category;
	region: Region;
	/** the photo's description for those who cannot see it; required with a photo */
	photoAlt: string;
	/** the author confirms the photo shows no face and no recognisable place */
	photoConfirmed: boolean;
	removePhoto: boolean;
	/** the author checked the guard's findings: they are not personal data (audited) */
	confirmFindings: boolean;
}

/** The guard's findings in the story's texts. */
function findingsIn(input: Pick<StoryInput, 'title' | 'body' | 'photoAlt'>): StoryFinding[] {
	const out: StoryFinding[] = [];
	for (const field of ['title', 'body', 'photoAlt'] as const)
		for (const f of findPersonalData(input[field]))
			out.push({ field, kind: f.kind, fragment: input[field].slice(f.start, f.end) });
	return out;
}

/**
 * Drafts or corrects the story of a delivered need: its author side (the organisation, the contact
 * person) while it is a draft or back from review, the coordinator while it waits for review or is
 * published (a correction of a published story is public at once). With a photo, its author must confirm
 * it shows no face and no recognisable place.
 */
export async function saveStory(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	raw: StoryInput,
	photo: { bytes: Uint8Array; name: string; type: string } | null
): Promise<StoryResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const input = { ...raw, title: raw.title.trim(), body: raw.body.trim(), photoAlt: raw.photoAlt.trim() };
	if (
		!input.title ||
		input.title.length > 120 ||
		!input.body ||
		input.body.length > 6000 ||
		input.photoAlt.length > 300 ||
		!categories.includes(input.category) ||
		!isRegion(input.region)
	)
		return refuse('invalid');
	if (photo && (!input.photoConfirmed || !input.photoAlt)) return refuse('photo_not_confirmed');
	if (photo && !/^image\/(jpeg|png|webp)$/.test(photo.type)) return refuse('unsupported_type');
	const findings = findingsIn(input);
	if (findings.length && !input.confirmFindings)
		return refuse('personal_data', { fields: [...new Set(findings.map((f) => f.field))], findings });
	// checked before a file is written; checked again under the lock
	const before = await selectNeed(db, needId);
	if (!before || !needView(actor, before)) return refuse('not_found');
	if (!(await mayWrite(db, actor, before)) && !isCoordinator(actor)) return refuse('forbidden');
	return withStoredFile(db, store, photo, storyPhotoContext(needId), 'foto', (stored) =>
		db.begin((tx) => writeStory(tx, actor, needId, input, stored, findings))
	);
}

async function writeStory(
	tx: Tx,
	actor: Person,
	needId: string,
	input: StoryInput,
	stored: StoredFile | null,
	findings: StoryFinding[]
): Promise<StoryResult> {
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return refuse('not_found');
	if (!storyStates.has(need.status) || !(await delivered(tx, needId))) return refuse('wrong_state');
	const existing = await storyOf(tx, needId, true);
	const author = await mayWrite(tx, actor, need);
	const coordinator = isCoordinator(actor);
	const authorMay = author && (!existing || existing.status === 'draft' || existing.status === 'withdrawn');
	const coordinatorMay = coordinator && existing && existing.status !== 'draft';
	if (!authorMay && !coordinatorMay) return refuse(author || coordinator ? 'wrong_state' : 'forbidden');
	const keepPhoto = !input.removePhoto && existing?.photo_key && !stored;
	if (keepPhoto && !input.photoAlt) return refuse('photo_not_confirmed');
	const photoKey = stored?.key ?? (keepPhoto ? existing!.photo_key : null);
	const photoType = stored
		? stored.mediaType
		: keepPhoto
			? (await tx<{ t: string }[]>`select photo_media_type as t from stories where id = ${existing!.id}`)[0]!
					.t
			: null;
	if (existing) {
		await tx`
			update stories set title = ${input.title}, body = ${input.body}, category = ${input.category},
				region = ${input.region}, photo_key = ${photoKey}, photo_media_type = ${photoType},
				photo_alt = ${photoKey ? input.photoAlt : null}, photo_confirmed = ${Boolean(photoKey)},
				updated_at = now()
			where id = ${existing.id}`;
	} else {
		const [decision] = await tx<{ amount: number }[]>`
			select approved_amount::bigint as amount from need_decisions where need_id = ${needId}`;
		await tx`
			insert into stories (need_id, author_id, title, body, category, region, amount, photo_key, photo_media_type,
				photo_alt, photo_confirmed)
			values (${needId}, ${actor.id}, ${input.title}, ${input.body}, ${input.category}, ${input.region},
				${decision?.amount ?? 0}, ${photoKey}, ${photoType}, ${photoKey ? input.photoAlt : null}, ${Boolean(photoKey)})`;
	}
	if (findings.length)
		await audit(tx, {
			actorId: actor.id,
			action: 'story.findings_confirmed',
			targetType: 'need',
			targetId: needId,
			address: actor.address,
			details: { kinds: [...new Set(findings.map((f) => f.kind))].join(',') }
		});
	await audit(tx, {
		actorId: actor.id,
		action: existing ? 'story.edited' : 'story.drafted',
		targetType: 'need',
		targetId: needId,
		address: actor.address
	});
	return { ok: true };
}

/** The author hands the draft to the coordinator for review. */
export const submitStory = (ctx: PersonContext, needId: string) => changeStatus(ctx, needId, 'submit');

/** The coordinator publishes the story now, or from `publishAt` on; it needs the client's consent. */
export const publishStory = (ctx: PersonContext, needId: string, publishAt: Date | null = null) =>
	changeStatus(ctx, needId, 'publish', publishAt);

/** The coordinator takes a published story down, or sends a submitted one back to its author. */
export const unpublishStory = (ctx: PersonContext, needId: string) => changeStatus(ctx, needId, 'unpublish');

async function changeStatus(
	ctx: PersonContext,
	needId: string,
	change: 'submit' | 'publish' | 'unpublish',
	publishAt: Date | null = null
): Promise<StoryResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || !needView(actor, need)) return refuse('not_found');
		const story = await storyOf(tx, needId, true);
		if (!story) return refuse('wrong_state');
		if (change === 'submit') {
			if (!(await mayWrite(tx, actor, need))) return refuse('forbidden');
			if (story.status !== 'draft' && story.status !== 'withdrawn') return refuse('wrong_state');
			await tx`update stories set status = 'submitted', updated_at = now() where id = ${story.id}`;
			await done({ ...ctx, db: tx }, need, 'story_submitted', 'story.submitted');
			return { ok: true };
		}
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (change === 'publish') {
			if (story.status !== 'submitted' && story.status !== 'withdrawn') return refuse('wrong_state');
			// a consent for nobody on this website records that the family does not want it published
			const [consent] = await tx`
				select 1 from need_consents where need_id = ${needId} and withdrawn_at is null and audience <> 'none'`;
			if (!consent) return refuse('no_consent');
			const at = publishAt ?? new Date();
			await tx`
				update stories set status = 'published', publish_at = ${at}, published_by = ${actor.id}, updated_at = now()
				where id = ${story.id}`;
			await done({ ...ctx, db: tx }, need, 'story_published', 'story.published', {
				publishAt: at.toISOString()
			});
			await storyPublishedNews(tx, ctx.origin, needId, at);
			return { ok: true };
		}
		if (story.status !== 'published' && story.status !== 'submitted') return refuse('wrong_state');
		await tx`
			update stories set status = ${story.status === 'published' ? 'withdrawn' : 'draft'}, publish_at = null,
				published_by = null, updated_at = now()
			where id = ${story.id}`;
		await done({ ...ctx, db: tx }, need, 'story_unpublished', 'story.unpublished');
		return { ok: true };
	});
}

export interface ConsentInput {
	/** yyyy-mm-dd, not in the future */
	givenOn: string;
	/** who may read the story on this website: everyone, signed-in donors only, or nobody */
	audience: ConsentAudience;
	/** the club may share it on its social networks, where everyone sees it: only with 'public' or 'none' */
	social: boolean;
}

/** The organisation's social worker records the client's consent (again, after a withdrawal, too). */
export async function recordConsent(
	ctx: PersonContext,
	needId: string,
	input: ConsentInput,
	now = new Date()
): Promise<StoryResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const today = pragueDay(now);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.givenOn) || input.givenOn > today) return refuse('invalid');
	if (!consentAudiences.includes(input.audience)) return refuse('invalid');
	// sharing on social networks shows the story to everyone, which a consent for donors only forbids
	if (input.social && input.audience === 'donors') return refuse('invalid');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || !needView(actor, need)) return refuse('not_found');
		if (!isOwnOrganisation(actor, need)) return refuse('forbidden');
		if (!storyStates.has(need.status) || !(await delivered(tx, needId))) return refuse('wrong_state');
		await tx`
			insert into need_consents (need_id, given_on, audience, social, recorded_by)
			values (${needId}, ${input.givenOn}, ${input.audience}, ${input.social}, ${actor.id})
			on conflict (need_id) do update set given_on = excluded.given_on, audience = excluded.audience,
				social = excluded.social, recorded_by = excluded.recorded_by, recorded_at = now(),
				withdrawn_at = null, withdrawn_by = null`;
		await done({ ...ctx, db: tx }, need, 'consent_recorded', 'story.consent_recorded', {
			audience: input.audience,
			social: input.social ? 'yes' : 'no'
		});
		return { ok: true };
	});
}

/**
 * The client withdraws the consent: recorded by the organisation's social worker or the coordinator.
 * The story leaves every public place at once, because public.ts asks for a consent not withdrawn.
 */
export async function withdrawConsent(ctx: PersonContext, needId: string): Promise<StoryResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || !needView(actor, need)) return refuse('not_found');
		if (!isOwnOrganisation(actor, need) && !isCoordinator(actor)) return refuse('forbidden');
		const [row] = await tx`
			update need_consents set withdrawn_at = now(), withdrawn_by = ${actor.id}
			where need_id = ${needId} and withdrawn_at is null returning need_id`;
		if (!row) return refuse('wrong_state');
		await done({ ...ctx, db: tx }, need, 'consent_withdrawn', 'story.consent_withdrawn');
		return { ok: true };
	});
}

/** Timeline, audit and the e-mail to the other side: the coordinators for the organisation's acts, else the author. */
async function done(
	ctx: PersonContext<Tx>,
	need: Need,
	kind:
		'story_submitted' | 'story_published' | 'story_unpublished' | 'consent_recorded' | 'consent_withdrawn',
	action: Extract<AuditAction, `story.${string}`>,
	data?: Record<string, string>
) {
	const { db: tx, actor } = ctx;
	await insertEvent(tx, { needId: need.id, actorId: actor.id, kind, data: data ?? null });
	await audit(tx, {
		actorId: actor.id,
		action,
		targetType: 'need',
		targetId: need.id,
		address: actor.address,
		details: data
	});
	const recipients =
		kind === 'story_published' || kind === 'story_unpublished'
			? await tx<Recipient[]>`
				select u.email, u.locale from users u join stories s on s.author_id = u.id
				where s.need_id = ${need.id} and u.status = 'active' and u.id <> ${actor.id}`
			: await tx<Recipient[]>`
				select u.email, u.locale from users u join user_roles r on r.user_id = u.id and r.role = 'coordinator'
				where u.status = 'active' and u.id <> ${actor.id}`;
	await mailNeedUpdate(tx, recipients, need, kind, mailLink(ctx.origin, `/needs/${need.id}`));
}

export async function storyView(ctx: PersonContext<Queryable>, need: Need): Promise<StoryView | null> {
	const { db, actor } = ctx;
	if (!storyStates.has(need.status) || !needView(actor, need) || !(await delivered(db, need.id))) return null;
	const author = await mayWrite(db, actor, need);
	const coordinator = isCoordinator(actor);
	if (!author && !coordinator) return null;
	const [story] = await db<(StoryView['story'] & object)[]>`
		select s.number, s.status, s.title, s.body, s.category, s.region, s.amount::bigint as amount,
			s.photo_alt as "photoAlt", (s.photo_key is not null) as "hasPhoto", s.publish_at as "publishAt",
			(s.status = 'published' and s.publish_at <= now() and c.withdrawn_at is null and c.audience = 'public')
				as public,
			(s.status = 'published' and s.publish_at <= now() and c.withdrawn_at is null and c.audience = 'donors')
				as "donorsOnly"
		from stories s left join need_consents c on c.need_id = s.need_id
		where s.need_id = ${need.id}`;
	const [consent] = await db<(StoryView['consent'] & object)[]>`
		select to_char(given_on, 'YYYY-MM-DD') as "givenOn", audience, social, withdrawn_at as "withdrawnAt"
		from need_consents where need_id = ${need.id}`;
	const [decision] = await db<{ amount: number }[]>`
		select approved_amount::bigint as amount from need_decisions where need_id = ${need.id}`;
	const status = story?.status ?? null;
	const organisation = isOwnOrganisation(actor, need);
	const activeConsent = Boolean(consent && !consent.withdrawnAt);
	const publishable = activeConsent && consent?.audience !== 'none';
	return {
		story: story ?? null,
		consent: consent ?? null,
		quasi: story
			? quasiNotes([
					{ field: 'title', text: story.title },
					{ field: 'body', text: story.body },
					{ field: 'photoAlt', text: story.photoAlt ?? '' }
				])
			: [],
		defaults: { category: need.category, region: need.region as Region, amount: decision?.amount ?? 0 },
		can: {
			write:
				(author && (!status || status === 'draft' || status === 'withdrawn')) ||
				(coordinator && (status === 'submitted' || status === 'published')),
			submit: author && (status === 'draft' || status === 'withdrawn'),
			review: coordinator && status === 'submitted',
			publish: coordinator && (status === 'submitted' || status === 'withdrawn') && publishable,
			unpublish: coordinator && (status === 'published' || status === 'submitted'),
			recordConsent: organisation,
			withdrawConsent: (organisation || coordinator) && activeConsent
		}
	};
}

/** A story waiting for the coordinator, or published, for the review list. */
export interface StoryListItem {
	needId: string;
	needNumber: number;
	number: number;
	title: string;
	status: StoryStatus;
	publishAt: Date | null;
	/** the consent's audience, or that it was withdrawn or is missing */
	consent: ConsentAudience | 'withdrawn' | 'missing';
	updatedAt: Date;
}

export const storyReviewFilters = ['all', 'submitted', 'published', 'withdrawn'] as const;
/** every story past its draft, or those in one state */
export type StoryReviewFilter = (typeof storyReviewFilters)[number];

export interface StoryReviewList extends Paged<StoryListItem> {
	/** the stories under each filter */
	counts: Record<StoryReviewFilter, number>;
}

/**
 * One page of the stories that are not drafts, those waiting for review first, then the latest changed;
 * the story's number last, so the order is unique and no story is on two pages. With it, how many
 * stories each filter holds. For the coordinator only.
 */
export async function listStoriesForReview(
	ctx: PersonContext<Queryable>,
	filter: StoryReviewFilter,
	request: PageRequest
): Promise<StoryReviewList | null> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return null;
	const rows = await db<StoryListItem[]>`
		select s.need_id as "needId", n.number as "needNumber", s.number, s.title, s.status,
			s.publish_at as "publishAt",
			case when c.need_id is null then 'missing' when c.withdrawn_at is not null then 'withdrawn' else c.audience end
				as consent,
			s.updated_at as "updatedAt"
		from (
			select s.* from stories s
			where ${filter === 'all' ? db`s.status <> 'draft'` : db`s.status = ${filter}`}
			order by (s.status = 'submitted') desc, s.updated_at desc, s.number desc
			limit ${request.size} offset ${request.offset}
		) s
		join needs n on n.id = s.need_id left join need_consents c on c.need_id = s.need_id
		order by (s.status = 'submitted') desc, s.updated_at desc, s.number desc`;
	const [counts] = await db<Record<StoryReviewFilter, number>[]>`
		select count(*)::int as "all",
			count(*) filter (where status = 'submitted')::int as "submitted",
			count(*) filter (where status = 'published')::int as "published",
			count(*) filter (where status = 'withdrawn')::int as "withdrawn"
		from stories where status <> 'draft'`;
	return { ...paged(rows, counts![filter], request), counts: counts! };
}
