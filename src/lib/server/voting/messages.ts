import type { Person } from '$lib/server/core/actor';
import type { PersonContext } from '$lib/server/core/context';
import { isUuid } from '$lib/core/ids';
import type { RefusalOf } from '../core/refusals';
import type { Queryable, Tx } from '../db/client';
import { audit } from '../audit';
import { mailLink, type Locale } from '../mail/templates';
import { isCoordinator, isOwnOrganisation } from '../needs/access';
import { mailNeedUpdate } from '../needs/notifications';
import { selectNeed, type Need } from '../needs';
import { holdsPersonalData } from '../privacy/guard';

/*
 * The conversation on a club's vote: members (and the coordinator) ask before they vote, a social
 * worker of the need's organisation answers, anyone of them replies. The thread belongs to the need, so
 * a vote opened again keeps what was asked; new messages go to the poll that runs. It is read by the
 * club — the coordinator and the members of the need's electorate — and by the organisation's social
 * workers; nobody else learns it exists. Members read every message, so each passes the anonymisation
 * guard, and neither side learns the other's names: the organisation stays unnamed to the club (as the
 * need does), the members stay unnamed to the organisation (as their vote reasons do).
 */

export const pollMessageMaxLength = 2000;

export type PollMessageRefusal = RefusalOf<'not_found' | 'closed' | 'empty' | 'invalid' | 'personal_data'>;
export type PollMessageResult = { ok: true; id: string } | { ok: false; reason: PollMessageRefusal };

export type AuthorRole = 'member' | 'coordinator' | 'social_worker';

/** Which side of the thread a person reads and writes from; null: the thread does not exist for them. */
type Side = 'club' | 'organisation';

async function sideOf(db: Queryable, actor: Person, need: Need): Promise<Side | null> {
	if (isOwnOrganisation(actor, need)) return 'organisation';
	if (isCoordinator(actor) && need.submittedAt !== null) return 'club';
	if (!actor.roles.includes('member')) return null;
	const [voter] = await db`
		select 1 from poll_electorate e join polls p on p.id = e.poll_id
		where p.need_id = ${need.id} and e.member_id = ${actor.id} limit 1`;
	return voter ? 'club' : null;
}

const roleOf = (actor: Person, side: Side): AuthorRole =>
	side === 'organisation' ? 'social_worker' : isCoordinator(actor) ? 'coordinator' : 'member';

/** The poll of a need that takes messages now: open and before its deadline. */
export async function runningPollOf(db: Queryable, needId: string, now = new Date()): Promise<string | null> {
	if (!isUuid(needId)) return null;
	const [row] = await db<{ id: string }[]>`
		select id from polls where need_id = ${needId} and closed_at is null and closes_at > ${now}`;
	return row?.id ?? null;
}

/**
 * A message in the thread of a running poll. Refused whole — nothing written, nobody told — when the text
 * is empty, too long or holds personal data, or when the poll has closed. A message from the club tells
 * the organisation by e-mail; an answer from the organisation tells the club's people who wrote in the
 * thread. The e-mail says only that there is a message, never what it says.
 */
export async function postPollMessage(
	ctx: PersonContext,
	pollId: string,
	body: string,
	now = new Date()
): Promise<PollMessageResult> {
	const { db, actor } = ctx;
	if (!isUuid(pollId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const [poll] = await tx<{ needId: string; closedAt: Date | null; closesAt: Date }[]>`
			select need_id as "needId", closed_at as "closedAt", closes_at as "closesAt"
			from polls where id = ${pollId} for share`;
		if (!poll) return { ok: false as const, reason: 'not_found' as const };
		const need = (await selectNeed(tx, poll.needId))!;
		const side = await sideOf(tx, actor, need);
		if (!side) return { ok: false as const, reason: 'not_found' as const };
		if (poll.closedAt || now >= poll.closesAt) return { ok: false as const, reason: 'closed' as const };
		const text = body.trim();
		if (!text) return { ok: false as const, reason: 'empty' as const };
		if (text.length > pollMessageMaxLength) return { ok: false as const, reason: 'invalid' as const };
		// the members read every message of the thread
		if (holdsPersonalData(text)) return { ok: false as const, reason: 'personal_data' as const };
		const role = roleOf(actor, side);
		const [row] = await tx<{ id: string }[]>`
			insert into poll_messages (poll_id, need_id, author_id, author_role, body, created_at)
			values (${pollId}, ${need.id}, ${actor.id}, ${role}, ${text}, ${now})
			returning id`;
		await audit(tx, {
			actorId: actor.id,
			action: 'need.poll_message_posted',
			targetType: 'need',
			targetId: need.id,
			address: actor.address,
			// what was written stays in the thread; the log says who wrote, in which role and poll
			details: { poll: pollId, role, number: need.number }
		});
		await tellTheOtherSide(tx, ctx, need, pollId, side);
		return { ok: true as const, id: row!.id };
	});
}

async function tellTheOtherSide(tx: Tx, ctx: PersonContext, need: Need, pollId: string, side: Side) {
	type Recipient = { email: string; locale: Locale };
	if (side === 'club') {
		// the worker who wrote the need, or, when they left, every active worker of the organisation
		const recipients = await tx<Recipient[]>`
			select u.email, u.locale from users u join user_roles r on r.user_id = u.id
			where r.role = 'social_worker' and u.status = 'active' and u.organisation_id = ${need.organisationId}
				and (u.id = ${need.createdBy} or not exists (
					select 1 from users c where c.id = ${need.createdBy} and c.status = 'active'
						and c.organisation_id = ${need.organisationId}))`;
		await mailNeedUpdate(tx, recipients, need, 'poll_question', mailLink(ctx.origin, `/needs/${need.id}`));
	} else {
		const recipients = await tx<Recipient[]>`
			select distinct u.email, u.locale from poll_messages m join users u on u.id = m.author_id
			where m.need_id = ${need.id} and m.author_role <> 'social_worker' and u.status = 'active'
				and u.id <> ${ctx.actor.id}`;
		await mailNeedUpdate(tx, recipients, need, 'poll_answer', mailLink(ctx.origin, `/votes/${pollId}`));
	}
}

export interface PollMessage {
	id: string;
	authorRole: AuthorRole;
	/** null where the reader's side does not learn it: the worker's to the club, a member's to the organisation */
	authorName: string | null;
	mine: boolean;
	body: string;
	createdAt: Date;
}

export interface PollThread {
	messages: PollMessage[];
	/** the running poll new messages go to; null when no vote runs (the thread is read-only then) */
	pollId: string | null;
	side: Side;
}

/** A need's thread as the asking person reads it, or null when it does not exist for them. */
export async function viewPollThread(
	ctx: PersonContext<Queryable>,
	needId: string,
	now = new Date()
): Promise<PollThread | null> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return null;
	const need = await selectNeed(db, needId);
	if (!need) return null;
	const side = await sideOf(db, actor, need);
	if (!side) return null;
	// before the first vote there is no thread to show
	const [polled] = await db`select 1 from polls where need_id = ${needId} limit 1`;
	if (!polled) return null;
	const rows = await db<(Omit<PollMessage, 'mine'> & { authorId: string })[]>`
		select m.id, m.author_id as "authorId", m.author_role as "authorRole", u.name as "authorName",
			m.body, m.created_at as "createdAt"
		from poll_messages m join users u on u.id = m.author_id
		where m.need_id = ${needId} order by m.created_at, m.id`;
	const ownSide = (role: AuthorRole) => (role === 'social_worker') === (side === 'organisation');
	return {
		side,
		pollId: await runningPollOf(db, needId, now),
		messages: rows.map(({ authorId, authorName, ...m }) => ({
			...m,
			authorName: ownSide(m.authorRole) ? authorName : null,
			mine: authorId === actor.id
		}))
	};
}
