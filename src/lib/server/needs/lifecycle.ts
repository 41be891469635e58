import type { NeedStatus } from '$lib/needs';
import type { Role } from '$lib/roles';
import type { Actor } from '../core/actor';
import type { Queryable } from '../db/client';
import type { NeedEventKind } from './queries';

/*
 * The need's life in one table: every change of a need's status is one of these transitions, applied by
 * `applyTransition` below, the only code that writes `needs.status`. Voting, money, delivery and the
 * organisation's and coordinator's steps all call it; the database refuses any other change (migration
 * 0012_need_transitions.sql holds the same pairs, and a test keeps the two equal).
 *
 * `by` says who may take the step: a role of the person acting (the domain function checks the finer
 * rule, such as "of the submitting organisation" or "the need's contact person"), or the system (a job,
 * a signed webhook). `event` is the timeline entry the step writes.
 */

export type Mover = Role | 'system';

export interface Transition {
	from: readonly NeedStatus[];
	to: NeedStatus;
	by: readonly Mover[];
	event: NeedEventKind;
}

const beforeVote = ['draft', 'submitted', 'in_review', 'info_requested', 'ready'] as const;
const triage = ['submitted', 'in_review', 'info_requested', 'ready'] as const;
// money reaches a need from a coordinator's allocation or offline gift, a bank import, or a card webhook
const money: readonly Mover[] = ['coordinator', 'system'];

export const transitions = {
	submit: { from: ['draft'], to: 'submitted', by: ['social_worker'], event: 'submitted' },
	withdraw: { from: beforeVote, to: 'withdrawn', by: ['social_worker'], event: 'withdrawn' },
	startReview: { from: ['submitted'], to: 'in_review', by: ['coordinator'], event: 'review_started' },
	askForInformation: {
		from: ['submitted', 'in_review'],
		to: 'info_requested',
		by: ['coordinator'],
		event: 'info_requested'
	},
	answer: { from: ['info_requested'], to: 'submitted', by: ['social_worker'], event: 'answered' },
	markReady: { from: ['submitted', 'in_review'], to: 'ready', by: ['coordinator'], event: 'ready' },
	reject: { from: triage, to: 'rejected', by: ['coordinator'], event: 'rejected' },
	markDuplicate: { from: triage, to: 'rejected', by: ['coordinator'], event: 'duplicate' },
	openVote: { from: ['ready'], to: 'in_vote', by: ['coordinator'], event: 'vote_opened' },
	fastTrack: { from: ['ready'], to: 'approved', by: ['coordinator'], event: 'fast_tracked' },
	// the poll closes at its deadline (the system) or early, once everyone voted (the coordinator)
	voteApproved: { from: ['in_vote'], to: 'approved', by: ['coordinator', 'system'], event: 'vote_closed' },
	voteRejected: { from: ['in_vote'], to: 'rejected', by: ['coordinator', 'system'], event: 'vote_closed' },
	voteWithoutQuorum: { from: ['in_vote'], to: 'ready', by: ['coordinator', 'system'], event: 'vote_closed' },
	firstMoney: { from: ['approved'], to: 'funding', by: money, event: 'donations_received' },
	funded: { from: ['approved', 'funding'], to: 'funded', by: money, event: 'funded' },
	arrangeDelivery: { from: ['funded'], to: 'fulfilling', by: ['member'], event: 'delivery_arranged' },
	deliver: { from: ['fulfilling'], to: 'delivered', by: ['member'], event: 'delivered' },
	cancel: {
		from: ['approved', 'funding', 'funded', 'fulfilling'],
		to: 'cancelled',
		by: ['coordinator'],
		event: 'cancelled'
	},
	close: { from: ['funded', 'fulfilling', 'delivered'], to: 'closed', by: ['coordinator'], event: 'closed' }
} as const satisfies Record<string, Transition>;

export type TransitionName = keyof typeof transitions;

/** The states `name` starts from, for the domain's "wrong state" checks. */
export const statesBefore = (name: TransitionName): ReadonlySet<NeedStatus> =>
	new Set<NeedStatus>(transitions[name].from);

/** Every allowed (from, to) pair, as the database's need_transitions table holds them. */
export function allowedPairs(): [NeedStatus, NeedStatus][] {
	const pairs = new Map<string, [NeedStatus, NeedStatus]>();
	for (const t of Object.values(transitions) as Transition[])
		for (const from of t.from) pairs.set(`${from}>${t.to}`, [from, t.to]);
	return [...pairs.values()].sort((a, b) => (a.join('>') < b.join('>') ? -1 : 1));
}

/** A transition applied where the table does not allow it: a bug in the caller, never a user's mistake. */
export class TransitionError extends Error {
	override name = 'TransitionError';
}

const mayMove = (t: Transition, actor: Actor) =>
	actor.kind === 'system'
		? t.by.includes('system')
		: actor.kind === 'person' && actor.roles.some((r) => t.by.includes(r));

/**
 * Moves the need (locked by the caller, `status` as read under the lock) by `name`: checks the table and
 * who acts, writes the new status. The caller writes the timeline event (`transitions[name].event`) with
 * what it knows about the step.
 */
export async function applyTransition(
	tx: Queryable,
	need: { id: string; status: NeedStatus },
	name: TransitionName,
	actor: Actor,
	extra: { duplicateOf?: string } = {}
): Promise<NeedStatus> {
	const t: Transition = transitions[name];
	if (!t.from.includes(need.status))
		throw new TransitionError(`${name}: a need cannot move from ${need.status} to ${t.to}`);
	if (!mayMove(t, actor)) throw new TransitionError(`${name}: ${actor.kind} may not move a need to ${t.to}`);
	await tx`
		update needs set status = ${t.to}, updated_at = now(),
			submitted_at = case when ${t.to === 'submitted'} then coalesce(submitted_at, now()) else submitted_at end,
			duplicate_of = coalesce(${extra.duplicateOf ?? null}::uuid, duplicate_of)
		where id = ${need.id}`;
	return t.to;
}
