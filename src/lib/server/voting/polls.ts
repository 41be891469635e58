import { holdsPersonalData } from '../privacy/guard';
import type { RefusalOf } from '../core/refusals';
import type { Context, PersonContext } from '$lib/server/core/context';
import type { Queryable, Tx } from '../db/client';
import { audit } from '../audit';
import { mailLink, type Locale } from '../mail/templates';
import { isCoordinator } from '../needs/access';
import { mailNeedUpdate } from '../needs/notifications';
import { insertEvent, selectNeed, type Need } from '../needs';
import { isUuid } from '$lib/core/ids';
import { applyTransition, type TransitionName } from '../needs/lifecycle';
import { getVoteSettings, outcomeOf, type Outcome, type Tally } from './settings';

/*
 * Polls: the club's vote on a need. The coordinator opens one on a need that is ready; every active
 * member at that moment is the electorate. Each function locks the poll (or the need) row, checks who
 * asks and the poll's state, and writes in one transaction, so double submissions, votes after the
 * deadline and two closers at once end in one outcome.
 */

export type Choice = 'yes' | 'no' | 'abstain';

export type PollRefusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'closed'
	| 'reason_required'
	| 'not_everyone_voted'
	| 'already_extended'
	| 'bad_deadline'
	| 'over_limit'
	| 'personal_data'
>;

export type PollResult<T = object> = ({ ok: true } & T) | { ok: false; reason: PollRefusal };

const refuse = (reason: PollRefusal): { ok: false; reason: PollRefusal } => ({ ok: false, reason });

const HOUR = 60 * 60 * 1000;

interface PollRow {
	id: string;
	need_id: string;
	closes_at: Date;
	closed_at: Date | null;
	extended_by: string | null;
	electorate: number;
}

async function lockPoll(tx: Queryable, id: string): Promise<PollRow | null> {
	const [row] = await tx<PollRow[]>`
		select id, need_id, closes_at, closed_at, extended_by, electorate from polls where id = ${id} for update`;
	return row ?? null;
}

async function notify(
	tx: Tx,
	need: Need,
	event: string,
	to: 'organisation' | 'coordinators' | 'electorate',
	origin: string,
	pollId?: string
) {
	type Recipient = { email: string; locale: Locale };
	let recipients: Recipient[];
	if (to === 'organisation') {
		recipients = await tx<Recipient[]>`
			select u.email, u.locale from users u join user_roles r on r.user_id = u.id
			where r.role = 'social_worker' and u.status = 'active' and u.organisation_id = ${need.organisationId}
				and (u.id = ${need.createdBy} or not exists (
					select 1 from users c where c.id = ${need.createdBy} and c.status = 'active'
						and c.organisation_id = ${need.organisationId}))`;
	} else if (to === 'coordinators') {
		recipients = await tx<Recipient[]>`
			select u.email, u.locale from users u join user_roles r on r.user_id = u.id
			where r.role = 'coordinator' and u.status = 'active'`;
	} else {
		recipients = await tx<Recipient[]>`
			select u.email, u.locale from poll_electorate e join users u on u.id = e.member_id
			where e.poll_id = ${pollId!} and u.status = 'active'`;
	}
	const path = to === 'electorate' ? `/votes/${pollId}` : `/needs/${need.id}`;
	await mailNeedUpdate(tx, recipients, need, event, mailLink(origin, path));
}

/** Ready → in vote: the poll opens with every active member as its electorate. */
export async function openVote(
	ctx: PersonContext,
	needId: string,
	now = new Date()
): Promise<PollResult<{ pollId: string }>> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || need.submittedAt === null || !isCoordinator(actor))
			return refuse(need ? 'forbidden' : 'not_found');
		if (need.status !== 'ready') return refuse('wrong_state');
		const settings = await getVoteSettings(tx);
		const hours = need.urgency === 'urgent' ? settings.urgentVoteHours : settings.voteHours;
		const members = await tx<{ id: string }[]>`
			select u.id from users u join user_roles r on r.user_id = u.id
			where r.role = 'member' and u.status = 'active'`;
		const [poll] = await tx<{ id: string }[]>`
			insert into polls (need_id, opened_by, opened_at, closes_at, electorate)
			values (${needId}, ${actor.id}, ${now}, ${new Date(now.getTime() + hours * HOUR)}, ${members.length})
			returning id`;
		for (const m of members) {
			await tx`insert into poll_electorate (poll_id, member_id) values (${poll!.id}, ${m.id})`;
		}
		await applyTransition(tx, need, 'openVote', actor);
		await insertEvent(tx, {
			needId,
			actorId: actor.id,
			kind: 'vote_opened',
			fromStatus: 'ready',
			toStatus: 'in_vote',
			at: now
		});
		await notify(tx, need, 'vote_opened', 'electorate', ctx.origin, poll!.id);
		return { ok: true, pollId: poll!.id };
	});
}

/** A member's vote, or a change of it, until the poll closes. "No" needs a reason. */
export async function castVote(
	ctx: PersonContext,
	pollId: string,
	choice: Choice | 'recused',
	reason: string,
	now = new Date()
): Promise<PollResult> {
	const { db, actor } = ctx;
	if (!isUuid(pollId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const poll = await lockPoll(tx, pollId);
		if (!poll) return refuse('not_found');
		const [voter] =
			await tx`select 1 from poll_electorate where poll_id = ${pollId} and member_id = ${actor.id}`;
		if (!voter || !actor.roles.includes('member')) return refuse('not_found');
		if (poll.closed_at || now >= poll.closes_at) return refuse('closed');
		const text = reason.trim();
		if ((choice === 'no' || choice === 'recused') && !text) return refuse('reason_required');
		// the other members and the coordinator read the reason
		if (holdsPersonalData(text)) return refuse('personal_data');
		await tx`
			insert into votes (poll_id, member_id, choice, reason, cast_at, updated_at)
			values (${pollId}, ${actor.id}, ${choice}, ${text || null}, ${now}, ${now})
			on conflict (poll_id, member_id) do update
				set choice = excluded.choice, reason = excluded.reason, updated_at = excluded.updated_at`;
		return { ok: true };
	});
}

/** A member steps aside for a declared conflict of interest; recused members do not count towards the quorum. */
export const recuse = (ctx: PersonContext, pollId: string, conflict: string, now = new Date()) =>
	castVote(ctx, pollId, 'recused', conflict, now);

async function tallyOf(tx: Queryable, pollId: string, electorate: number): Promise<Tally> {
	const rows = await tx<{ choice: string; count: number }[]>`
		select choice, count(*)::int as count from votes where poll_id = ${pollId} group by choice`;
	const count = (c: string) => rows.find((r) => r.choice === c)?.count ?? 0;
	return {
		yes: count('yes'),
		no: count('no'),
		abstain: count('abstain'),
		recused: count('recused'),
		electorate
	};
}

const transitionAfter = {
	approved: 'voteApproved',
	rejected: 'voteRejected',
	// back to ready: the coordinator then opens the vote again or rejects the need
	no_quorum: 'voteWithoutQuorum'
} as const satisfies Record<Outcome, TransitionName>;

/**
 * Closes a poll exactly once: at its deadline (the system: the background job), or early by the
 * coordinator when everyone in the electorate has voted. The tally is frozen on the poll, the need
 * moves on, and the organisation or the coordinators are told.
 */
export async function closePoll(
	ctx: Context,
	pollId: string,
	now = new Date()
): Promise<PollResult<{ outcome: Outcome; tally: Tally }>> {
	const { db } = ctx;
	const actor = ctx.actor.kind === 'person' ? ctx.actor : null;
	if (!isUuid(pollId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const poll = await lockPoll(tx, pollId);
		if (!poll) return refuse('not_found');
		if (actor && !isCoordinator(actor)) return refuse('forbidden');
		if (poll.closed_at) return refuse('closed');
		const tally = await tallyOf(tx, pollId, poll.electorate);
		const voted = tally.yes + tally.no + tally.abstain + tally.recused;
		if (now < poll.closes_at) {
			if (!actor) return refuse('wrong_state');
			if (voted < poll.electorate) return refuse('not_everyone_voted');
		}
		const settings = await getVoteSettings(tx);
		const outcome = outcomeOf(tally, settings);
		await tx`
			update polls set closed_at = ${now}, closed_by = ${actor?.id ?? null}, outcome = ${outcome},
				yes = ${tally.yes}, no = ${tally.no}, abstain = ${tally.abstain}, recused = ${tally.recused}
			where id = ${pollId}`;
		const need = (await selectNeed(tx, poll.need_id, true))!;
		const to = await applyTransition(tx, need, transitionAfter[outcome], ctx.actor);
		await insertEvent(tx, {
			needId: need.id,
			actorId: actor?.id ?? null,
			kind: 'vote_closed',
			fromStatus: need.status,
			toStatus: to,
			data: { outcome, ...tally },
			at: now
		});
		await notify(
			tx,
			need,
			`vote_${outcome}`,
			outcome === 'no_quorum' ? 'coordinators' : 'organisation',
			ctx.origin
		);
		if (outcome === 'approved') await notify(tx, need, 'vote_approved', 'coordinators', ctx.origin);
		return { ok: true, outcome, tally };
	});
}

/** Once per poll, with a reason: a later deadline, at most 14 days from now. */
export async function extendPoll(
	ctx: PersonContext,
	pollId: string,
	closesAt: Date,
	reason: string,
	now = new Date()
): Promise<PollResult> {
	const { db, actor } = ctx;
	if (!isUuid(pollId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const poll = await lockPoll(tx, pollId);
		if (!poll) return refuse('not_found');
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (poll.closed_at || now >= poll.closes_at) return refuse('closed');
		if (poll.extended_by) return refuse('already_extended');
		if (!reason.trim()) return refuse('reason_required');
		if (holdsPersonalData(reason)) return refuse('personal_data');
		if (closesAt <= poll.closes_at || closesAt.getTime() > now.getTime() + 14 * 24 * HOUR)
			return refuse('bad_deadline');
		await tx`
			update polls set closes_at = ${closesAt}, extended_by = ${actor.id}, extension_reason = ${reason.trim()},
				reminded_at = null
			where id = ${pollId}`;
		await insertEvent(tx, {
			needId: poll.need_id,
			actorId: actor.id,
			kind: 'vote_extended',
			body: reason.trim(),
			data: { closesAt: closesAt.toISOString() },
			at: now
		});
		return { ok: true };
	});
}

/**
 * Fast-track: the coordinator approves a ready need alone, up to the club's limit. Audited and shown
 * on the need's timeline as such.
 */
export async function fastTrackApprove(
	ctx: PersonContext,
	needId: string,
	reason: string
): Promise<PollResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || need.submittedAt === null) return refuse('not_found');
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (need.status !== 'ready') return refuse('wrong_state');
		if (!reason.trim()) return refuse('reason_required');
		if (holdsPersonalData(reason)) return refuse('personal_data');
		const { fastTrackLimit } = await getVoteSettings(tx);
		if (need.total - need.secured > fastTrackLimit) return refuse('over_limit');
		await applyTransition(tx, need, 'fastTrack', actor);
		await insertEvent(tx, {
			needId,
			actorId: actor.id,
			kind: 'fast_tracked',
			fromStatus: 'ready',
			toStatus: 'approved',
			body: reason.trim()
		});
		await audit(tx, {
			actorId: actor.id,
			action: 'need.fast_tracked',
			targetType: 'need',
			targetId: needId,
			address: actor.address,
			details: { requested: need.total - need.secured, limit: fastTrackLimit }
		});
		await notify(tx, need, 'vote_approved', 'organisation', ctx.origin);
		return { ok: true };
	});
}

/** For the background job: every poll past its deadline, closed once whatever the number of instances. */
export async function closeDuePolls(ctx: Context, now = ctx.now()): Promise<number> {
	const due = await ctx.db<
		{ id: string }[]
	>`select id from polls where closed_at is null and closes_at <= ${now}`;
	let closed = 0;
	for (const { id } of due) {
		const result = await closePoll(ctx, id, now);
		if (result.ok) closed++;
	}
	return closed;
}

/** A day before closing, one e-mail to each member of the electorate who has not voted yet. */
export async function sendReminders(ctx: Context, now = ctx.now()): Promise<number> {
	return ctx.db.begin(async (tx) => {
		const polls = await tx<{ id: string; need_id: string }[]>`
			update polls set reminded_at = ${now}
			where closed_at is null and reminded_at is null and closes_at > ${now}
				and closes_at <= ${new Date(now.getTime() + 24 * HOUR)}
			returning id, need_id`;
		let sent = 0;
		for (const poll of polls) {
			const need = (await selectNeed(tx, poll.need_id))!;
			const waiting = await tx<{ email: string; locale: Locale }[]>`
				select u.email, u.locale from poll_electorate e join users u on u.id = e.member_id
				where e.poll_id = ${poll.id} and u.status = 'active'
					and not exists (select 1 from votes v where v.poll_id = e.poll_id and v.member_id = e.member_id)`;
			await mailNeedUpdate(tx, waiting, need, 'vote_reminder', mailLink(ctx.origin, `/votes/${poll.id}`));
			sent += waiting.length;
		}
		return sent;
	});
}
