import type { PersonContext } from '$lib/server/core/context';
import type { Queryable } from '../db/client';
import {
	attachmentStates,
	canReadAttachments,
	editableStates,
	isCoordinator,
	needView,
	threadStates,
	triageStates,
	withdrawableStates,
	type NeedView
} from './access';
import { findInNeed, quasiInNeed, type Finding } from './anonymisation';
import type { QuasiNote } from '$lib/personal-data';
import { unsealed } from './sealed';
import { protectedStates, protectedSummary, type ProtectedSummary } from '../delivery/protected';
import { deliveryView, type DeliveryView } from '../delivery/steps';
import { storyView, type StoryView } from '../stories/stories';
import { fundingStates, needMoney, type NeedMoney } from '../ledger/funding';
import { fundBalance } from '../ledger/ledger';
import { listPayouts, payoutStates, type Payout } from '../ledger/payouts';
import { getDecision, listVolunteers, type Decision, type Volunteer } from '../voting/decision';
import { getVoteSettings } from '../voting/settings';
import { isUuid } from '$lib/core/ids';
import { statesBefore } from './lifecycle';
import {
	selectAttachments,
	selectConfirmations,
	selectEvents,
	selectNeed,
	type Need,
	type NeedAttachment,
	type NeedEvent
} from './queries';

/** What club members read of a need: the anonymised fields only — no organisation, people or thread. */
export type AnonymisedNeed = Pick<
	Need,
	| 'id'
	| 'number'
	| 'status'
	| 'category'
	| 'title'
	| 'situation'
	| 'impact'
	| 'adults'
	| 'children'
	| 'region'
	| 'district'
	| 'urgency'
	| 'neededBy'
	| 'items'
	| 'funding'
	| 'total'
	| 'secured'
>;

export function anonymised(need: Need): AnonymisedNeed {
	const { id, number, status, category, title, situation, impact, adults, children, region, district } = need;
	const { urgency, neededBy, items, funding, total, secured } = need;
	return {
		id,
		number,
		status,
		category,
		title,
		situation,
		impact,
		adults,
		children,
		region,
		district,
		urgency,
		neededBy,
		items,
		funding,
		total,
		secured
	};
}

export interface Capabilities {
	edit: boolean;
	submit: boolean;
	withdraw: boolean;
	startReview: boolean;
	requestInfo: boolean;
	markReady: boolean;
	reject: boolean;
	message: boolean;
	addAttachment: boolean;
	openVote: boolean;
	/** the coordinator may approve alone: the amount is within the club's fast-track limit */
	fastTrack: boolean;
	/** the coordinator records the decision on an approved need */
	decide: boolean;
}

/** What a person may do with the money of a decided need. */
export interface MoneyCapabilities {
	/** the coordinator moves money from the general fund to a need that still takes money */
	allocate: boolean;
	/** the coordinator cancels the help; what is left returns to the general fund */
	cancel: boolean;
	/** the coordinator closes a need whose help was given */
	close: boolean;
	/** the coordinator or the contact person records a payout, while the need's account holds money */
	recordPayout: boolean;
}

const noMoneyCapabilities: MoneyCapabilities = {
	allocate: false,
	cancel: false,
	close: false,
	recordPayout: false
};

/*
 * The states closing.ts allows cancelling and closing from (it keeps them private); the page only uses
 * them to decide which forms to show, and the domain checks again.
 */
const cancellableStates = statesBefore('cancel');
const closableStates = statesBefore('close');

/**
 * The money of a decided need as the page shows it, in haléře. Every reader gets the target, what was
 * raised and what is missing; where the money came from and went (`detail`) only those who handle or
 * answer for it: the organisation, the coordinator and the contact person.
 */
export interface MoneyView {
	target: number;
	raised: number;
	missing: number;
	detail: Pick<NeedMoney, 'allocated' | 'donated' | 'paidOut' | 'returned' | 'balance'> | null;
}

function moneyView(money: NeedMoney, detailed: boolean): MoneyView {
	const { target, raised, missing, allocated, donated, paidOut, returned, balance } = money;
	return {
		target,
		raised,
		missing,
		detail: detailed ? { allocated, donated, paidOut, returned, balance } : null
	};
}

export type NeedPage =
	| {
			view: 'member';
			need: AnonymisedNeed;
			/** null until the club decided the need */
			money: MoneyView | null;
			/** for the contact person only; null for other members */
			payouts: Payout[] | null;
			can: MoneyCapabilities;
			/** the client's protected data as the page may mention it (never the data itself); null: nothing */
			protectedData: ProtectedSummary | null;
			/** the delivery's steps from funding on; null before */
			delivery: DeliveryView | null;
			/** the story for donors once the help was delivered, for those who write or review it; else null */
			story: StoryView | null;
	  }
	| {
			view: Exclude<NeedView, 'member'>;
			need: Need;
			events: NeedEvent[];
			attachments: Omit<NeedAttachment, 'storageKey'>[];
			findings: Finding[];
			/** details that together may single the family out: a soft warning for those who write and review */
			quasi: QuasiNote[];
			can: Capabilities & MoneyCapabilities;
			/** haléře */
			fastTrackLimit: number;
			decision: Decision | null;
			/** members who offered to be the contact person: for the coordinator's decision */
			volunteers: Volunteer[];
			poll: { id: string; closedAt: Date | null; outcome: string | null } | null;
			/** why the club voted no, when its vote rejected the need: the reasons without names */
			voteReasons: string[];
			/** null until the club decided the need */
			money: MoneyView | null;
			/** null when the person may not see them (listPayouts decides) */
			payouts: Payout[] | null;
			/** haléře the general fund holds: for the coordinator's allocation, else null */
			fundBalance: number | null;
			/** the client's protected data as the page may mention it (never the data itself); null: nothing */
			protectedData: ProtectedSummary | null;
			/** the delivery's steps from funding on; null before */
			delivery: DeliveryView | null;
			/** the story for donors once the help was delivered, for those who write or review it; else null */
			story: StoryView | null;
			/** active members the coordinator may name as the contact person, volunteers first; else empty */
			contactCandidates: ContactCandidate[];
	  };

/** An active member who could become a need's contact person. */
export interface ContactCandidate {
	id: string;
	name: string;
	/** offered to be the contact person of this need */
	volunteered: boolean;
}

/** Active members, those who offered to help with this need first; the domain checks the choice again. */
async function contactCandidates(db: Queryable, needId: string): Promise<ContactCandidate[]> {
	return db<ContactCandidate[]>`
		select u.id, u.name, (v.member_id is not null) as volunteered
		from users u
		join user_roles r on r.user_id = u.id and r.role = 'member'
		left join need_volunteers v on v.need_id = ${needId} and v.member_id = u.id
		where u.status = 'active'
		order by (v.member_id is null), v.offered_at, u.name`;
}

/**
 * Only a decided need still before delivery has protected data to speak of; protectedSummary itself
 * answers the coordinator in any state, so the page asks it only then.
 */
async function protectedOf(ctx: PersonContext<Queryable>, need: Need, decided: boolean) {
	return decided && protectedStates.has(need.status) ? protectedSummary(ctx, need) : null;
}

/** The need as the asking person may see it, or null when it does not exist for them. */
export async function viewNeed(ctx: PersonContext<Queryable>, id: string): Promise<NeedPage | null> {
	const { db, actor } = ctx;
	if (!isUuid(id)) return null;
	const stored = await selectNeed(db, id);
	if (!stored) return null;
	const view = needView(actor, stored);
	if (!view) return null;
	// a draft is its organisation's alone: it reads what the worker wrote, sealed texts included
	const need =
		view === 'organisation' && stored.status === 'draft' ? await unsealed(db, ctx.keys, stored) : stored;
	const money = await needMoney(db, id);
	const contact = !!money && money.contactPersonId === actor.id && actor.roles.includes('member');
	const payable = !!money && payoutStates.has(need.status) && money.balance > 0;
	if (view === 'member') {
		return {
			view,
			need: anonymised(need),
			money: money && moneyView(money, contact),
			payouts: contact ? await listPayouts(ctx, id) : null,
			can: { ...noMoneyCapabilities, recordPayout: contact && payable },
			protectedData: await protectedOf({ ...ctx, db: db }, need, !!money),
			delivery: await deliveryView(ctx, need),
			story: await storyView(ctx, need)
		};
	}
	const own = view === 'organisation';
	const coordinator = isCoordinator(actor) && need.submittedAt !== null;
	const triage = coordinator && triageStates.has(need.status);
	const attachments = canReadAttachments(view) ? await selectAttachments(db, id) : [];
	const { fastTrackLimit } = await getVoteSettings(db);
	const decision = await getDecision(db, id);
	const protectedData = await protectedOf({ ...ctx, db: db }, need, !!decision);
	return {
		view,
		need,
		events: await selectEvents(db, id),
		attachments: attachments.map(({ storageKey: _, ...a }) => a),
		findings: findInNeed(need, await selectConfirmations(db, id)),
		quasi: quasiInNeed(need),
		can: {
			edit: own && editableStates.has(need.status),
			submit: own && need.status === 'draft',
			withdraw: own && withdrawableStates.has(need.status),
			startReview: coordinator && need.status === 'submitted',
			requestInfo: coordinator && (need.status === 'submitted' || need.status === 'in_review'),
			markReady: coordinator && (need.status === 'submitted' || need.status === 'in_review'),
			reject: coordinator && (triage || need.status === 'ready'),
			message: (own || coordinator) && threadStates.has(need.status) && need.status !== 'draft',
			addAttachment: own && attachmentStates.has(need.status),
			openVote: coordinator && need.status === 'ready',
			fastTrack:
				coordinator &&
				need.status === 'ready' &&
				fastTrackLimit > 0 &&
				need.total - need.secured <= fastTrackLimit,
			decide: coordinator && need.status === 'approved' && !decision,
			allocate: coordinator && !!money && fundingStates.has(need.status) && money.missing > 0,
			cancel: coordinator && !!money && cancellableStates.has(need.status),
			close: coordinator && !!money && closableStates.has(need.status),
			recordPayout: (coordinator || contact) && payable
		},
		money: money && moneyView(money, true),
		payouts: money ? await listPayouts(ctx, id) : null,
		fundBalance: coordinator && money ? await fundBalance(db) : null,
		decision,
		volunteers: coordinator ? await listVolunteers(db, id) : [],
		voteReasons: await rejectionReasons(db, id),
		fastTrackLimit,
		poll: await latestPollOf(db, id),
		protectedData,
		delivery: await deliveryView(ctx, need),
		story: await storyView(ctx, need),
		// another contact person only while the delivery is still to be arranged
		contactCandidates: coordinator && protectedData?.entryOpen ? await contactCandidates(db, id) : []
	};
}

/** The open or latest poll of a need, for the need's page. */
async function latestPollOf(db: Queryable, needId: string) {
	const [row] = await db<{ id: string; closedAt: Date | null; outcome: string | null }[]>`
		select id, closed_at as "closedAt", outcome from polls where need_id = ${needId}
		order by opened_at desc limit 1`;
	return row ?? null;
}

/** The reasons of the "no" votes of a need's latest poll, if that poll rejected it (names left out). */
async function rejectionReasons(db: Queryable, needId: string): Promise<string[]> {
	const rows = await db<{ reason: string }[]>`
		select v.reason from votes v
		where v.poll_id = (select id from polls where need_id = ${needId} order by opened_at desc limit 1)
			and v.choice = 'no' and v.reason is not null
			and (select outcome from polls where need_id = ${needId} order by opened_at desc limit 1) = 'rejected'
		order by v.cast_at`;
	return rows.map((r) => r.reason);
}
