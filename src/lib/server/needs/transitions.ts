import type { RefusalOf } from '../core/refusals';
import type { Person } from '$lib/server/core/actor';

import type { PersonContext } from '$lib/server/core/context';

import { pragueDay } from '$lib/core/prague';

import { isUuid } from '$lib/core/ids';

import { applyTransition, statesBefore, transitions, type TransitionName } from './lifecycle';

import { audit } from '../audit';

import type { Tx } from '../db/client';

import {
	attachmentStates,
	editableStates,
	isCoordinator,
	isOwnOrganisation,
	needView,
	threadStates,
	triageStates,
	withdrawableStates
} from './access';

import { findInNeed, findInTexts, unconfirmed, type Finding } from './anonymisation';
import { blotted, hasSealedTexts, sealDraftTexts, unsealed } from './sealed';

import { notifyNeedEvent } from './notifications';

import {
	insertEvent,
	insertNeed,
	selectConfirmations,
	selectNeed,
	updateNeedContent,
	type Confirmation,
	type Need,
	type NeedContent
} from './queries';

/*
 * One function per transition of a need. Each locks the need's row, checks who asks and from which
 * state, writes the new state and its timeline event in one transaction, and queues the e-mail to the
 * other side through the outbox (in the same transaction, so the message exists exactly when the change
 * does). No route writes a need's status itself.
 */

export type Refusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'incomplete'
	| 'personal_data'
	| 'duplicate_target'
	| 'no_organisation'
>;

/** Why a need cannot be submitted yet, one code per problem (the page words them). */
export type SubmissionProblem =
	| 'situation_short'
	| 'impact_short'
	| 'no_items'
	| 'nothing_to_fund'
	| 'no_household'
	| 'funding_exceeds_total'
	| 'needed_by_past';

export type Result<T = object> =
	({ ok: true } & T) | { ok: false; reason: Refusal; problems?: SubmissionProblem[]; findings?: Finding[] };

type Refused = Extract<Result, { ok: false }>;
const refuse = (
	reason: Refusal,
	more: { problems?: SubmissionProblem[]; findings?: Finding[] } = {}
): Refused => ({
	ok: false,
	reason,
	...more
});

export const SITUATION_MIN = 80;
export const IMPACT_MIN = 30;

/** What must be true of a need before the club sees it. */
export function submissionProblems(need: NeedContent, today: string): SubmissionProblem[] {
	const problems: SubmissionProblem[] = [];
	if (need.situation.trim().length < SITUATION_MIN) problems.push('situation_short');
	if (need.impact.trim().length < IMPACT_MIN) problems.push('impact_short');
	if (need.adults + need.children.length === 0) problems.push('no_household');
	const total = need.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
	const secured = need.funding.reduce((s, f) => s + f.amount, 0);
	if (need.items.length === 0) problems.push('no_items');
	else if (secured > total) problems.push('funding_exceeds_total');
	else if (secured === total) problems.push('nothing_to_fund');
	if (need.neededBy && need.neededBy < today) problems.push('needed_by_past');
	return problems;
}

interface Locked {
	tx: Tx;
	need: Need;
	/** the caller's context inside the transaction */
	ctx: PersonContext<Tx>;
}

/** Runs `body` with the need locked, after checking that the actor sees it at all. */
async function withNeed<T extends object>(
	ctx: PersonContext,
	id: string,
	body: (l: Locked) => Promise<Result<T>>
): Promise<Result<T>> {
	if (!isUuid(id)) return refuse('not_found');
	return ctx.db.begin(async (tx) => {
		const need = await selectNeed(tx, id, true);
		if (!need || !needView(ctx.actor, need)) return refuse('not_found');
		return body({ tx, need, ctx: { ...ctx, db: tx } });
	});
}

async function move(
	{ tx, need, ctx }: Locked,
	actor: Person,
	name: TransitionName,
	options: { body?: string | null; data?: Record<string, string | number>; duplicateOf?: string } = {}
) {
	const { to, event: kind } = transitions[name];
	await applyTransition(tx, need, name, actor, { duplicateOf: options.duplicateOf });
	await insertEvent(tx, {
		needId: need.id,
		actorId: actor.id,
		kind,
		fromStatus: need.status,
		toStatus: to,
		body: options.body,
		data: options.data
	});
	// a need that never reached the club (a draft withdrawn) is nobody else's business
	if (need.submittedAt !== null || to === 'submitted') await notifyNeedEvent(ctx, need, kind);
}

/** Stores the confirmations sent with a save that match a current finding, each audited once. */
async function recordConfirmations(
	tx: Tx,
	actor: Person,
	needId: string,
	findings: Finding[],
	sent: Confirmation[]
) {
	for (const c of sent) {
		const matches = findings.some(
			(f) => f.field === c.field && f.kind === c.kind && f.fragment === c.fragment
		);
		if (!matches) continue;
		const inserted = await tx`
			insert into need_pii_confirmations (need_id, field, kind, fragment, confirmed_by)
			values (${needId}, ${c.field}, ${c.kind}, ${c.fragment}, ${actor.id})
			on conflict do nothing returning 1`;
		if (!inserted.length) continue;
		await insertEvent(tx, {
			needId,
			actorId: actor.id,
			kind: 'personal_data_confirmed',
			data: { field: c.field, kind: c.kind, fragment: c.fragment }
		});
		// the audit row says what kind of finding was overridden where, never the fragment itself
		await audit(tx, {
			actorId: actor.id,
			action: 'need.personal_data_confirmed',
			targetType: 'need',
			targetId: needId,
			address: actor.address,
			details: { field: c.field, kind: c.kind }
		});
	}
}

/** A new draft of the actor's organisation. Drafts are seen by that organisation only. */
export async function createNeed(
	ctx: PersonContext,
	content: NeedContent,
	confirmations: Confirmation[] = []
): Promise<Result<{ id: string; number: number; findings: Finding[] }>> {
	const { db, actor } = ctx;
	if (!actor.roles.includes('social_worker')) return refuse('forbidden');
	if (!actor.organisationId) return refuse('no_organisation');
	const organisationId = actor.organisationId;
	return db.begin(async (tx) => {
		// judged with the confirmations sent along: what is still unconfirmed is never stored in plain text
		const judged = findInNeed(content, confirmations);
		const { id, number } = await insertNeed(tx, {
			...blotted(content, judged),
			organisationId,
			createdBy: actor.id
		});
		await insertEvent(tx, { needId: id, actorId: actor.id, kind: 'created', toStatus: 'draft' });
		await recordConfirmations(tx, actor, id, findInNeed(content, []), confirmations);
		const findings = findInNeed(content, await selectConfirmations(tx, id));
		await sealDraftTexts(tx, ctx.keys, id, content, findings);
		return { ok: true, id, number, findings };
	});
}

/**
 * Saves what the need says. A draft saves whatever it holds (its findings are shown, not enforced);
 * a submitted need, or one waiting for an answer, is already read by the coordinator, so a change must
 * stay complete and free of unconfirmed personal data.
 */
export async function saveNeed(
	ctx: PersonContext,
	id: string,
	content: NeedContent,
	confirmations: Confirmation[] = [],
	now = new Date()
): Promise<Result<{ findings: Finding[]; draft: boolean }>> {
	const { actor } = ctx;
	return withNeed(ctx, id, async ({ tx, need }) => {
		if (!isOwnOrganisation(actor, need)) return refuse('forbidden');
		if (!editableStates.has(need.status)) return refuse('wrong_state');
		// judged with the confirmations sent along, which are written only if the save goes through
		const findings = findInNeed(content, [...(await selectConfirmations(tx, id)), ...confirmations]);
		if (need.status !== 'draft') {
			const problems = submissionProblems(content, pragueDay(now));
			if (problems.length) return refuse('incomplete', { problems, findings });
			if (unconfirmed(findings).length) return refuse('personal_data', { findings });
		}
		await recordConfirmations(tx, actor, id, findings, confirmations);
		// a draft keeps what the guard found only sealed; a need past the draft has no findings left
		const stored =
			need.status === 'draft' ? await sealDraftTexts(tx, ctx.keys, id, content, findings) : content;
		await updateNeedContent(tx, id, stored);
		if (need.status !== 'draft') await insertEvent(tx, { needId: id, actorId: actor.id, kind: 'edited' });
		return { ok: true, findings, draft: need.status === 'draft' };
	});
}

/** Draft → submitted: complete, and every finding of the guard fixed or confirmed. */
export async function submitNeed(ctx: PersonContext, id: string, now = new Date()): Promise<Result> {
	const { actor } = ctx;
	return withNeed(ctx, id, async (locked) => {
		const { tx, need } = locked;
		if (!isOwnOrganisation(actor, need)) return refuse('forbidden');
		if (need.status !== 'draft') return refuse('wrong_state');
		const content = await unsealed(tx, ctx.keys, need);
		const problems = submissionProblems(content, pragueDay(now));
		const findings = findInNeed(content, await selectConfirmations(tx, id));
		if (problems.length) return refuse('incomplete', { problems, findings });
		if (unconfirmed(findings).length) return refuse('personal_data', { findings });
		// sealed texts the guard now finds clean (its rules changed) go back to plain text
		if (await hasSealedTexts(tx, id))
			await updateNeedContent(tx, id, await sealDraftTexts(tx, ctx.keys, id, content, findings));
		await move(locked, actor, 'submit');
		return { ok: true };
	});
}

/** Any open state before the vote → withdrawn, with the organisation's reason. */
export async function withdrawNeed(ctx: PersonContext, id: string, reason: string): Promise<Result> {
	const { actor } = ctx;
	return withNeed(ctx, id, async (locked) => {
		if (!isOwnOrganisation(actor, locked.need)) return refuse('forbidden');
		if (!withdrawableStates.has(locked.need.status)) return refuse('wrong_state');
		// the coordinator reads the reason: it goes through the guard like every other text of a need
		const findings = findInTexts([{ field: 'reason', text: reason }], []);
		if (findings.length) return refuse('personal_data', { findings });
		await move(locked, actor, 'withdraw', { body: reason || null });
		return { ok: true };
	});
}

/** Submitted → in review: the coordinator takes the need. */
export async function startReview(ctx: PersonContext, id: string): Promise<Result> {
	return coordinatorMove(ctx, id, 'startReview');
}

/** Submitted or in review → waiting for the organisation's answer to the coordinator's question. */
export async function requestClarification(
	ctx: PersonContext,
	id: string,
	question: string
): Promise<Result> {
	return coordinatorMove(ctx, id, 'askForInformation', {
		body: question
	});
}

/** Submitted or in review → ready for the club's vote. */
export async function markReady(ctx: PersonContext, id: string): Promise<Result> {
	return coordinatorMove(ctx, id, 'markReady');
}

/** Any triage state or ready → rejected, with a reason the organisation reads. */
export async function rejectNeed(ctx: PersonContext, id: string, reason: string): Promise<Result> {
	return coordinatorMove(ctx, id, 'reject', { body: reason });
}

/** Rejected as a duplicate of another need (given by its number), which stays as it is. */
export async function markDuplicate(
	ctx: PersonContext,
	id: string,
	originalNumber: number,
	note: string
): Promise<Result> {
	const { actor } = ctx;
	return withNeed(ctx, id, async (locked) => {
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (![...triageStates, 'ready'].includes(locked.need.status)) return refuse('wrong_state');
		const [original] = await locked.tx<{ id: string }[]>`
			select id from needs where number = ${originalNumber} and submitted_at is not null`;
		if (!original || original.id === id) return refuse('duplicate_target');
		await move(locked, actor, 'markDuplicate', {
			body: note || null,
			data: { of: originalNumber },
			duplicateOf: original.id
		});
		return { ok: true };
	});
}

async function coordinatorMove(
	ctx: PersonContext,
	id: string,
	name: TransitionName,
	options: { body?: string } = {}
): Promise<Result> {
	const { actor } = ctx;
	return withNeed(ctx, id, async (locked) => {
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (!statesBefore(name).has(locked.need.status)) return refuse('wrong_state');
		await move(locked, actor, name, options);
		return { ok: true };
	});
}

/**
 * A message in the thread between the coordinator and the organisation. The organisation's answer to a
 * question returns the need to the coordinator (info requested → submitted). Messages go through the
 * guard like the need's text: a finding must be fixed or consciously confirmed.
 */
export async function postMessage(
	ctx: PersonContext,
	id: string,
	body: string,
	confirmedNotPersonal = false
): Promise<Result<{ findings: Finding[] }>> {
	const { actor } = ctx;
	return withNeed(ctx, id, async (locked) => {
		const { tx, need } = locked;
		const own = isOwnOrganisation(actor, need);
		if (!own && !isCoordinator(actor)) return refuse('forbidden');
		if (!threadStates.has(need.status)) return refuse('wrong_state');
		const findings = findInTexts([{ field: 'message', text: body }], []);
		if (findings.length && !confirmedNotPersonal) return refuse('personal_data', { findings });
		if (findings.length) {
			await audit(tx, {
				actorId: actor.id,
				action: 'need.personal_data_confirmed',
				targetType: 'need',
				targetId: id,
				address: actor.address,
				details: { field: 'message', kind: [...new Set(findings.map((f) => f.kind))] }
			});
		}
		if (own && need.status === 'info_requested') {
			await move(locked, actor, 'answer', { body });
		} else {
			await insertEvent(tx, { needId: id, actorId: actor.id, kind: 'message', body });
			await notifyNeedEvent(locked.ctx, need, 'message');
		}
		return { ok: true, findings };
	});
}

/** Whether the organisation may still add or remove attachments. */
export const attachmentsOpen = (need: Pick<Need, 'status'>) => attachmentStates.has(need.status);
