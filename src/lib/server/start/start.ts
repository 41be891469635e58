import type { Category, NeedStatus, Urgency } from '$lib/needs';
import { needStatuses } from '$lib/needs';
import type { PersonContext } from '../core/context';
import type { Queryable } from '../db/client';
import { listPeople } from '../accounts/people';
import { fundBalance } from '../ledger/ledger';
import { listNeedProgress } from '../ledger/progress';
import { listOrganisationNeeds, listTriage } from '../needs/lists';
import { listOwnDonations } from '../payments/bank/collections';
import { listUnassignedPayments } from '../payments/bank/import';
import { listOwnPledges } from '../payments/bank/pledges';
import { giftOutcomes } from '../stories/public';
import { listStoriesForReview } from '../stories/stories';
import { listMyPolls } from '../voting/view';

/*
 * The start page a signed-in person lands on: for each role they hold, what waits for them and where it
 * is done. It reads through the lists the role's own pages use (the needs list, the triage queue, the
 * polls, the bank's unassigned payments, the gifts page), so the start page never counts differently
 * from the page it links to. Two things no page listed yet — the organisation's needs waiting for the
 * delivery data or the receipt, and the steps of the contact person's deliveries — are read here.
 * Every list is cut to a few items; the count and the link lead to the whole list.
 */

/** At most this many items per list; the page says how many there are and links to the full list. */
export const START_LIST_LIMIT = 10;

export interface Bounded<T> {
	items: T[];
	/** all there are, of which `items` are the first */
	count: number;
}

/** The first page of a paged list, as long as the start page shows. */
const firstItems = { page: 1, size: START_LIST_LIMIT, offset: 0 };

const bounded = <T>(all: readonly T[]): Bounded<T> => ({
	items: all.slice(0, START_LIST_LIMIT),
	count: all.length
});

// --- the social worker ---------------------------------------------------------------------------

/**
 * What the organisation has to do on a need: answer the coordinator's question, enter how the help
 * reaches the family once the club approved it, confirm the receipt and write down the family's
 * feedback once it was delivered, or finish a draft.
 */
export type WorkerTask = 'answer' | 'delivery_data' | 'confirm_receipt' | 'finish_draft';

export interface WorkerItem {
	needId: string;
	number: number;
	title: string;
	status: NeedStatus;
	task: WorkerTask;
	/** the latest step on the need's timeline */
	lastEventAt: Date;
}

/** The organisation's needs of one state, for "your organisation's needs by state". */
export interface StateCount {
	status: NeedStatus;
	count: number;
}

export interface WorkerStart {
	waiting: Bounded<WorkerItem>;
	byState: StateCount[];
	total: number;
}

/** The order the tasks are listed in: what someone else waits for first, one's own drafts last. */
const taskOrder: WorkerTask[] = ['answer', 'confirm_receipt', 'delivery_data', 'finish_draft'];

/** States in which the protected data is entered before the delivery can be arranged. */
const beforeDeliveryData: NeedStatus[] = ['approved', 'funding', 'funded'];

/**
 * The organisation's approved needs still without the client's delivery data, and its delivered needs
 * whose receipt nobody confirmed yet. Only whether the data exists is read, never the data itself.
 */
async function deliveryTasks(db: Queryable, organisationId: string) {
	return db<{ needId: string; task: 'delivery_data' | 'confirm_receipt' }[]>`
		select n.id as "needId",
			case when n.status = 'delivered' then 'confirm_receipt' else 'delivery_data' end as task
		from needs n
		left join need_deliveries d on d.need_id = n.id
		where n.organisation_id = ${organisationId}
			and ((n.status in ${db(beforeDeliveryData)}
					and not exists (select 1 from need_protected_data p where p.need_id = n.id))
				or (n.status = 'delivered' and d.delivered_at is not null and d.confirmed_at is null))`;
}

export async function workerStart(ctx: PersonContext<Queryable>): Promise<WorkerStart | null> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('social_worker') || !actor.organisationId) return null;
	const [needs, tasks] = await Promise.all([
		listOrganisationNeeds(ctx),
		deliveryTasks(db, actor.organisationId)
	]);
	const taskOf = new Map<string, WorkerTask>(tasks.map((t) => [t.needId, t.task]));
	for (const n of needs) {
		if (n.status === 'info_requested') taskOf.set(n.id, 'answer');
		else if (n.status === 'draft') taskOf.set(n.id, 'finish_draft');
	}
	const waiting = needs
		.filter((n) => taskOf.has(n.id))
		.map((n): WorkerItem => ({
			needId: n.id,
			number: n.number,
			title: n.title,
			status: n.status,
			task: taskOf.get(n.id)!,
			lastEventAt: n.lastEventAt
		}))
		// by task, then the longest waiting first
		.sort(
			(a, b) =>
				taskOrder.indexOf(a.task) - taskOrder.indexOf(b.task) ||
				a.lastEventAt.getTime() - b.lastEventAt.getTime() ||
				a.number - b.number
		);
	const byState = needStatuses
		.map((status) => ({ status, count: needs.filter((n) => n.status === status).length }))
		.filter((s) => s.count > 0);
	return { waiting: bounded(waiting), byState, total: needs.length };
}

// --- the member ----------------------------------------------------------------------------------

export interface PollItem {
	pollId: string;
	needNumber: number;
	needTitle: string;
	urgency: string;
	/** haléře the need asks of the club */
	requested: number;
	closesAt: Date;
}

/**
 * Where the contact person's delivery stands, as the next step says it: money still being collected,
 * waiting for the organisation's delivery data, to arrange, to buy, to hand over, waiting for the
 * organisation to confirm the receipt, or done.
 */
export type DeliveryStage =
	'collecting' | 'waiting_for_data' | 'arrange' | 'buy' | 'hand_over' | 'waiting_for_receipt' | 'done';

/** The stages in which the contact person has the next step. */
export const contactStages: ReadonlySet<DeliveryStage> = new Set(['arrange', 'buy', 'hand_over']);

export interface DeliveryItem {
	needId: string;
	number: number;
	title: string;
	status: NeedStatus;
	stage: DeliveryStage;
	/** haléře the need still lacks */
	missing: number;
}

export interface MemberStart {
	polls: Bounded<PollItem>;
	deliveries: Bounded<DeliveryItem>;
	/** how many of the deliveries wait for the contact person's step */
	deliveriesToAct: number;
	/** haléře in the club's general fund */
	fund: number;
}

interface DeliveryFacts {
	needId: string;
	hasData: boolean;
	arranged: boolean;
	bought: boolean;
	delivered: boolean;
	confirmed: boolean;
}

/** How far each of `needIds` got in its delivery (the contact person may read that of their needs). */
async function deliveryFacts(db: Queryable, needIds: string[]): Promise<Map<string, DeliveryFacts>> {
	if (needIds.length === 0) return new Map();
	const rows = await db<DeliveryFacts[]>`
		select n.id as "needId",
			exists (select 1 from need_protected_data p where p.need_id = n.id) as "hasData",
			d.need_id is not null as arranged, d.bought_at is not null as bought,
			d.delivered_at is not null as delivered, d.confirmed_at is not null as confirmed
		from needs n left join need_deliveries d on d.need_id = n.id
		where n.id in ${db(needIds)}`;
	return new Map(rows.map((r) => [r.needId, r]));
}

function stageOf(status: NeedStatus, facts: DeliveryFacts | undefined): DeliveryStage {
	if (status === 'approved' || status === 'funding') return 'collecting';
	if (status === 'funded') return facts?.hasData ? 'arrange' : 'waiting_for_data';
	if (status === 'fulfilling') return facts?.bought ? 'hand_over' : 'buy';
	return facts?.confirmed ? 'done' : 'waiting_for_receipt';
}

export async function memberStart(ctx: PersonContext<Queryable>): Promise<MemberStart | null> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('member')) return null;
	const [polls, progress, fund] = await Promise.all([
		// open and without the member's vote: what /votes lists as waiting
		listMyPolls(ctx, 'waiting', firstItems),
		// all the needs the member is the contact person of: their steps are sorted and counted below
		listNeedProgress(db, actor.id, 'yours', { page: 1, size: 1000, offset: 0 }),
		fundBalance(db)
	]);
	const waitingPolls = polls.rows.map((p): PollItem => ({
		pollId: p.id,
		needNumber: p.needNumber,
		needTitle: p.needTitle,
		urgency: p.urgency,
		requested: p.requested,
		closesAt: p.closesAt
	}));
	const mine = progress.rows;
	const facts = await deliveryFacts(
		db,
		mine.map((n) => n.id)
	);
	const deliveries = mine
		.map((n): DeliveryItem => ({
			needId: n.id,
			number: n.number,
			title: n.title,
			status: n.status,
			stage: stageOf(n.status, facts.get(n.id)),
			missing: n.missing
		}))
		// the contact person's own steps first, then by number as on the fund page
		.sort(
			(a, b) => Number(contactStages.has(b.stage)) - Number(contactStages.has(a.stage)) || a.number - b.number
		);
	return {
		polls: { items: waitingPolls, count: polls.total },
		deliveries: bounded(deliveries),
		deliveriesToAct: deliveries.filter((d) => contactStages.has(d.stage)).length,
		fund
	};
}

// --- the coordinator -----------------------------------------------------------------------------

export interface TriageItem {
	needId: string;
	number: number;
	title: string;
	status: NeedStatus;
	urgency: Urgency;
	category: Category;
	organisationName: string;
	submittedAt: Date | null;
}

export interface PaymentItem {
	id: string;
	/** yyyy-mm-dd */
	bookedOn: string;
	amount: number;
	counterName: string | null;
	variableSymbol: string | null;
}

export interface StoryItem {
	needId: string;
	needNumber: number;
	title: string;
	updatedAt: Date;
}

export interface AccessItem {
	id: string;
	name: string;
	organisationName: string | null;
	/** the organisation is new and waits for approval with the person */
	newOrganisation: boolean;
	requestedAt: Date;
}

export interface CoordinatorStart {
	triage: Bounded<TriageItem>;
	unassigned: Bounded<PaymentItem> & { total: number };
	stories: Bounded<StoryItem>;
	access: Bounded<AccessItem>;
}

export async function coordinatorStart(ctx: PersonContext<Queryable>): Promise<CoordinatorStart | null> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('coordinator')) return null;
	const [triage, unassigned, stories, pending] = await Promise.all([
		listTriage(ctx, { state: 'open' }, firstItems),
		listUnassignedPayments(db, firstItems),
		listStoriesForReview(ctx, 'submitted', firstItems),
		listPeople(db, { status: 'pending_approval' }, firstItems)
	]);
	return {
		triage: {
			count: triage.total,
			items: triage.rows.map((n) => ({
				needId: n.id,
				number: n.number,
				title: n.title,
				status: n.status,
				urgency: n.urgency,
				category: n.category,
				organisationName: n.organisationName,
				submittedAt: n.submittedAt
			}))
		},
		unassigned: {
			count: unassigned.total,
			items: unassigned.rows.map((b) => ({
				id: b.id,
				bookedOn: b.bookedOn,
				amount: b.amount,
				counterName: b.counterName,
				variableSymbol: b.variableSymbol
			})),
			// every waiting payment, not only the ones shown
			total: unassigned.amount
		},
		stories: {
			count: stories?.total ?? 0,
			items: (stories?.rows ?? []).map((s) => ({
				needId: s.needId,
				needNumber: s.needNumber,
				title: s.title,
				updatedAt: s.updatedAt
			}))
		},
		access: {
			count: pending.total,
			items: pending.rows.map((person) => ({
				id: person.id,
				name: person.name,
				organisationName: person.organisationName,
				newOrganisation: person.organisationApproved === false,
				requestedAt: person.createdAt
			}))
		}
	};
}

// --- the donor -----------------------------------------------------------------------------------

export interface PledgeItem {
	id: string;
	amount: number;
	needNumber: number | null;
	createdAt: Date;
}

export interface GiftItem {
	id: string;
	/** yyyy-mm-dd */
	receivedOn: string;
	amount: number;
	needNumber: number | null;
}

export interface OutcomeItem {
	needNumber: number;
	title: string;
	status: NeedStatus;
	given: number;
	storyNumber: number | null;
}

export interface DonorStart {
	/** bank gifts promised and not paid yet: their page has the account, the symbol and the QR code */
	pledges: Bounded<PledgeItem>;
	gifts: Bounded<GiftItem>;
	outcomes: Bounded<OutcomeItem>;
	/** of the needs the donor gave to, how many were delivered */
	helped: number;
}

const helpedStates: ReadonlySet<NeedStatus> = new Set(['delivered', 'closed']);

export async function donorStart(ctx: PersonContext<Queryable>): Promise<DonorStart | null> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('donor')) return null;
	const [pledges, donations, outcomes] = await Promise.all([
		listOwnPledges(db, actor.id),
		listOwnDonations(db, actor.id),
		giftOutcomes(db, actor.id, ctx.now())
	]);
	return {
		pledges: bounded(
			pledges
				.filter((p) => p.status === 'open' && p.purpose === 'gift')
				.map((p) => ({ id: p.id, amount: p.amount, needNumber: p.needNumber, createdAt: p.createdAt }))
		),
		gifts: bounded(
			donations
				.filter((d) => d.purpose === 'gift')
				.map((d) => ({ id: d.id, receivedOn: d.receivedOn, amount: d.amount, needNumber: d.needNumber }))
		),
		outcomes: bounded(outcomes),
		helped: outcomes.filter((o) => helpedStates.has(o.status)).length
	};
}

// --- the page ------------------------------------------------------------------------------------

export interface StartPage {
	worker: WorkerStart | null;
	coordinator: CoordinatorStart | null;
	member: MemberStart | null;
	donor: DonorStart | null;
}

/** Each section of the person's start page, null for a role they do not hold. */
export async function startPage(ctx: PersonContext<Queryable>): Promise<StartPage> {
	const [worker, coordinator, member, donor] = await Promise.all([
		workerStart(ctx),
		coordinatorStart(ctx),
		memberStart(ctx),
		donorStart(ctx)
	]);
	return { worker, coordinator, member, donor };
}
