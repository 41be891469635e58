import type { AgeBand, AttachmentKind, Category, NeedStatus, Urgency } from '$lib/needs';
import type { Region } from '$lib/regions';
import type { Queryable } from '../db/client';

/* SQL of needs. Functions take the database handle first so services can pass their transaction. */

export interface NeedItem {
	description: string;
	quantity: number;
	/** haléře */
	unitPrice: number;
	link: string | null;
}

export interface NeedFunding {
	source: string;
	/** haléře */
	amount: number;
}

/** What a social worker writes; the same shape whether it is a draft or submitted. */
export interface NeedContent {
	category: Category;
	title: string;
	situation: string;
	impact: string;
	adults: number;
	children: AgeBand[];
	region: Region;
	district: string | null;
	urgency: Urgency;
	/** yyyy-mm-dd */
	neededBy: string | null;
	items: NeedItem[];
	funding: NeedFunding[];
}

export interface Need extends NeedContent {
	id: string;
	number: number;
	organisationId: string;
	organisationName: string;
	createdBy: string;
	status: NeedStatus;
	duplicateOf: { id: string; number: number } | null;
	submittedAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
	/** sum of quantity × unit price, haléře */
	total: number;
	/** other funding already secured, haléře */
	secured: number;
}

interface NeedRow {
	id: string;
	number: number;
	organisation_id: string;
	organisation_name: string;
	created_by: string;
	status: NeedStatus;
	category: Category;
	title: string;
	situation: string;
	impact: string;
	adults: number;
	children: AgeBand[];
	region: Region;
	district: string | null;
	urgency: Urgency;
	needed_by: string | null;
	duplicate_of: string | null;
	duplicate_of_number: number | null;
	submitted_at: Date | null;
	created_at: Date;
	updated_at: Date;
}

const sumItems = (items: NeedItem[]) => items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
const sumFunding = (funding: NeedFunding[]) => funding.reduce((s, f) => s + f.amount, 0);
export const needTotals = (content: Pick<NeedContent, 'items' | 'funding'>) => ({
	total: sumItems(content.items),
	secured: sumFunding(content.funding)
});

/** The need with its items and funding; `forUpdate` locks the need's row for a state transition. */
export async function selectNeed(db: Queryable, id: string, forUpdate = false): Promise<Need | null> {
	const lock = forUpdate ? db`for update of n` : db``;
	const [row] = await db<NeedRow[]>`
		select n.id, n.number, n.organisation_id, o.name as organisation_name, n.created_by, n.status,
			n.category, n.title, n.situation, n.impact, n.adults, n.children, n.region, n.district, n.urgency,
			to_char(n.needed_by, 'YYYY-MM-DD') as needed_by, n.duplicate_of, d.number as duplicate_of_number,
			n.submitted_at, n.created_at, n.updated_at
		from needs n
		join organisations o on o.id = n.organisation_id
		left join needs d on d.id = n.duplicate_of
		where n.id = ${id} ${lock}`;
	if (!row) return null;
	const items = await db<NeedItem[]>`
		select description, quantity, unit_price as "unitPrice", link
		from need_items where need_id = ${id} order by position`;
	const funding = await db<NeedFunding[]>`
		select source, amount from need_funding where need_id = ${id} order by position`;
	return {
		id: row.id,
		number: row.number,
		organisationId: row.organisation_id,
		organisationName: row.organisation_name,
		createdBy: row.created_by,
		status: row.status,
		category: row.category,
		title: row.title,
		situation: row.situation,
		impact: row.impact,
		adults: row.adults,
		children: row.children,
		region: row.region,
		district: row.district,
		urgency: row.urgency,
		neededBy: row.needed_by,
		duplicateOf: row.duplicate_of ? { id: row.duplicate_of, number: row.duplicate_of_number! } : null,
		submittedAt: row.submitted_at,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		items: [...items],
		funding: [...funding],
		...needTotals({ items, funding })
	};
}

export async function insertNeed(
	db: Queryable,
	need: NeedContent & { organisationId: string; createdBy: string }
): Promise<{ id: string; number: number }> {
	const [row] = await db<{ id: string; number: number }[]>`
		insert into needs (organisation_id, created_by, category, title, situation, impact, adults, children,
			region, district, urgency, needed_by)
		values (${need.organisationId}, ${need.createdBy}, ${need.category}, ${need.title}, ${need.situation},
			${need.impact}, ${need.adults}, ${need.children}, ${need.region}, ${need.district}, ${need.urgency},
			${need.neededBy})
		returning id, number`;
	await writeRows(db, row!.id, need);
	return row!;
}

export async function updateNeedContent(db: Queryable, id: string, need: NeedContent) {
	await db`
		update needs set category = ${need.category}, title = ${need.title}, situation = ${need.situation},
			impact = ${need.impact}, adults = ${need.adults}, children = ${need.children}, region = ${need.region},
			district = ${need.district}, urgency = ${need.urgency}, needed_by = ${need.neededBy}, updated_at = now()
		where id = ${id}`;
	await db`delete from need_items where need_id = ${id}`;
	await db`delete from need_funding where need_id = ${id}`;
	await writeRows(db, id, need);
}

async function writeRows(db: Queryable, id: string, need: Pick<NeedContent, 'items' | 'funding'>) {
	for (const [position, item] of need.items.entries()) {
		await db`
			insert into need_items (need_id, position, description, quantity, unit_price, link)
			values (${id}, ${position}, ${item.description}, ${item.quantity}, ${item.unitPrice}, ${item.link})`;
	}
	for (const [position, f] of need.funding.entries()) {
		await db`
			insert into need_funding (need_id, position, source, amount)
			values (${id}, ${position}, ${f.source}, ${f.amount})`;
	}
}

/* ---- timeline ---- */

export type NeedEventKind =
	| 'created'
	| 'edited'
	| 'submitted'
	| 'review_started'
	| 'info_requested'
	| 'answered'
	| 'message'
	| 'ready'
	| 'rejected'
	| 'duplicate'
	| 'withdrawn'
	| 'attachment_added'
	| 'attachment_removed'
	| 'personal_data_confirmed'
	| 'vote_opened'
	| 'vote_extended'
	| 'vote_closed'
	| 'fast_tracked'
	| 'decided'
	| 'allocated'
	| 'donations_received'
	| 'funded'
	| 'payout'
	| 'money_returned'
	| 'cancelled'
	| 'closed'
	| 'protected_data_entered'
	| 'protected_data_changed'
	| 'protected_data_deleted'
	| 'contact_changed'
	| 'delivery_arranged'
	| 'delivery_bought'
	| 'delivered'
	| 'receipt_confirmed'
	| 'feedback_recorded'
	| 'consent_recorded'
	| 'consent_withdrawn'
	| 'story_submitted'
	| 'story_published'
	| 'story_unpublished';

export interface NeedEvent {
	id: number;
	at: Date;
	actorId: string | null;
	actorName: string | null;
	kind: NeedEventKind;
	fromStatus: NeedStatus | null;
	toStatus: NeedStatus | null;
	body: string | null;
	data: Record<string, string | number> | null;
}

export async function insertEvent(
	db: Queryable,
	e: {
		needId: string;
		actorId: string | null;
		kind: NeedEventKind;
		fromStatus?: NeedStatus | null;
		toStatus?: NeedStatus | null;
		body?: string | null;
		data?: Record<string, string | number> | null;
		/** only the demo data writes a past time */
		at?: Date;
	}
) {
	await db`
		insert into need_events (need_id, actor_id, kind, from_status, to_status, body, data, at)
		values (${e.needId}, ${e.actorId}, ${e.kind}, ${e.fromStatus ?? null}, ${e.toStatus ?? null},
			${e.body ?? null}, ${e.data ? db.json(e.data) : null}, ${e.at ?? new Date()})`;
}

export async function selectEvents(db: Queryable, needId: string): Promise<NeedEvent[]> {
	return db<NeedEvent[]>`
		select e.id, e.at, e.actor_id as "actorId", u.name as "actorName", e.kind, e.from_status as "fromStatus",
			e.to_status as "toStatus", e.body, e.data
		from need_events e left join users u on u.id = e.actor_id
		where e.need_id = ${needId} order by e.id`;
}

/* ---- attachments ---- */

export interface NeedAttachment {
	id: string;
	needId: string;
	kind: AttachmentKind;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	storageKey: string;
	uploadedBy: string;
	uploaderName: string;
	/** a quote the worker let the voting members see */
	shownToVoters: boolean;
	createdAt: Date;
}

export async function selectAttachments(db: Queryable, needId: string): Promise<NeedAttachment[]> {
	return db<NeedAttachment[]>`
		select a.id, a.need_id as "needId", a.kind, a.file_name as "fileName", a.media_type as "mediaType",
			a.size_bytes as "sizeBytes", a.storage_key as "storageKey", a.uploaded_by as "uploadedBy",
			u.name as "uploaderName", a.shown_to_voters as "shownToVoters", a.created_at as "createdAt"
		from need_attachments a join users u on u.id = a.uploaded_by
		where a.need_id = ${needId} and a.removed_at is null order by a.created_at, a.id`;
}

/* ---- personal-data confirmations ---- */

export interface Confirmation {
	field: string;
	kind: string;
	fragment: string;
}

export async function selectConfirmations(db: Queryable, needId: string): Promise<Confirmation[]> {
	return db<Confirmation[]>`
		select field, kind, fragment from need_pii_confirmations where need_id = ${needId}`;
}
