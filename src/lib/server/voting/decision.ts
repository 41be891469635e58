import { holdsPersonalData } from '../privacy/guard';
import type { RefusalOf } from '../core/refusals';
import type { PersonContext } from '$lib/server/core/context';
import type { Queryable } from '../db/client';
import { mailLink, type Locale } from '../mail/templates';
import { isCoordinator, needView } from '../needs/access';
import { mailNeedUpdate } from '../needs/notifications';
import { insertEvent, selectNeed } from '../needs';
import { isUuid } from '$lib/core/ids';
import { approvedAmountOf } from '$lib/decision-amount';

/*
 * The club's decision on an approved need: which items it pays for (the approved amount may be less
 * than requested), the form of help, and the contact person — a member who volunteered.
 */

export const helpForms = ['gift', 'purchase', 'collection', 'sponsor', 'fund_and_collection'] as const;
export type HelpForm = (typeof helpForms)[number];

export type DecisionRefusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'no_items'
	| 'not_a_volunteer'
	| 'nothing_to_fund'
	| 'closed'
	| 'personal_data'
>;
export type DecisionResult<T = object> = ({ ok: true } & T) | { ok: false; reason: DecisionRefusal };

const refuse = (reason: DecisionRefusal): { ok: false; reason: DecisionRefusal } => ({ ok: false, reason });

/** States in which members may still offer to be the contact person. */
const volunteerStates = new Set(['in_vote', 'approved']);

/** A member offers (or withdraws the offer) to be the contact person of a need they may vote on. */
export async function setVolunteer(
	ctx: PersonContext,
	needId: string,
	offer: boolean
): Promise<DecisionResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId) || !actor.roles.includes('member')) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need) return refuse('not_found');
		// members read a need from the vote on; before that it does not exist for them
		if (!volunteerStates.has(need.status)) return refuse(needView(actor, need) ? 'wrong_state' : 'not_found');
		const [decided] = await tx`select 1 from need_decisions where need_id = ${needId}`;
		if (decided) return refuse('wrong_state');
		if (offer) {
			await tx`insert into need_volunteers (need_id, member_id) values (${needId}, ${actor.id}) on conflict do nothing`;
		} else {
			await tx`delete from need_volunteers where need_id = ${needId} and member_id = ${actor.id}`;
		}
		return { ok: true };
	});
}

/** What the poll page needs to know of a poll to decide whether its members may still offer themselves. */
export interface VolunteerPoll {
	closedAt: Date | null;
	closesAt: Date;
	outcome: string | null;
	/** a later vote on the same need was opened: offers belong there */
	superseded: boolean;
}

/**
 * Whether a poll still takes offers to be the contact person: while it runs, and after it approved the
 * need until the coordinator chose the contact person. A poll that closed otherwise, or that a newer vote
 * on the same need replaced, takes none — the need may be back in a vote, but not through this page.
 */
export function pollTakesVolunteers(
	poll: VolunteerPoll,
	needStatus: string,
	decided: boolean,
	now = new Date()
): 'open' | 'closed' | 'chosen' {
	if (decided) return 'chosen';
	if (poll.superseded || !volunteerStates.has(needStatus)) return 'closed';
	if (!poll.closedAt && now < poll.closesAt) return 'open';
	return poll.outcome === 'approved' && needStatus === 'approved' ? 'open' : 'closed';
}

/**
 * A member of a poll's electorate offers (or withdraws the offer) from the poll's page: refused with
 * `closed` once the poll no longer takes offers, with `wrong_state` once the contact person is chosen.
 */
export async function volunteerInPoll(
	ctx: PersonContext,
	pollId: string,
	offer: boolean,
	now = new Date()
): Promise<DecisionResult> {
	const { db, actor } = ctx;
	if (!isUuid(pollId) || !actor.roles.includes('member')) return refuse('not_found');
	const [poll] = await db<(VolunteerPoll & { needId: string; voter: boolean })[]>`
		select p.need_id as "needId", p.closed_at as "closedAt", p.closes_at as "closesAt", p.outcome,
			exists (select 1 from polls l where l.need_id = p.need_id and l.opened_at > p.opened_at) as superseded,
			exists (select 1 from poll_electorate e where e.poll_id = p.id and e.member_id = ${actor.id}) as voter
		from polls p where p.id = ${pollId}`;
	if (!poll || !poll.voter) return refuse('not_found');
	const need = await selectNeed(db, poll.needId);
	if (!need) return refuse('not_found');
	const [decided] = await db`select 1 from need_decisions where need_id = ${poll.needId}`;
	const state = pollTakesVolunteers(poll, need.status, !!decided, now);
	if (state === 'chosen') return refuse('wrong_state');
	if (state === 'closed') return refuse('closed');
	// setVolunteer checks the need again under its lock
	return setVolunteer(ctx, poll.needId, offer);
}

export interface Volunteer {
	id: string;
	name: string;
}

export async function listVolunteers(db: Queryable, needId: string): Promise<Volunteer[]> {
	return db<Volunteer[]>`
		select u.id, u.name from need_volunteers v join users u on u.id = v.member_id
		where v.need_id = ${needId} and u.status = 'active' order by v.offered_at`;
}

export interface Decision {
	itemPositions: number[];
	approvedAmount: number;
	form: HelpForm;
	contactPersonId: string;
	contactPersonName: string;
	note: string | null;
	decidedAt: Date;
}

export async function getDecision(db: Queryable, needId: string): Promise<Decision | null> {
	const [row] = await db<Decision[]>`
		select d.item_positions as "itemPositions", d.approved_amount as "approvedAmount", d.form,
			d.contact_person_id as "contactPersonId", u.name as "contactPersonName", d.note, d.decided_at as "decidedAt"
		from need_decisions d join users u on u.id = d.contact_person_id where d.need_id = ${needId}`;
	return row ?? null;
}

/** The coordinator records the decision on an approved need; the organisation is told. */
export async function recordDecision(
	ctx: PersonContext,
	needId: string,
	input: { itemPositions: number[]; form: HelpForm; contactPersonId: string; note: string }
): Promise<DecisionResult<{ approvedAmount: number }>> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || need.submittedAt === null) return refuse('not_found');
		if (!isCoordinator(actor)) return refuse('forbidden');
		if (need.status !== 'approved') return refuse('wrong_state');
		const [decided] = await tx`select 1 from need_decisions where need_id = ${needId}`;
		if (decided) return refuse('wrong_state');
		const positions = [...new Set(input.itemPositions)]
			.filter((p) => p >= 0 && p < need.items.length)
			.sort((a, b) => a - b);
		if (!positions.length || positions.length !== new Set(input.itemPositions).size)
			return refuse('no_items');
		// the form showed the same figure before saving
		const approvedAmount = approvedAmountOf(need.items, positions, need.secured);
		if (approvedAmount <= 0) return refuse('nothing_to_fund');
		if (!isUuid(input.contactPersonId)) return refuse('not_a_volunteer');
		const [volunteer] = await tx`
			select 1 from need_volunteers v join users u on u.id = v.member_id
			join user_roles r on r.user_id = u.id and r.role = 'member'
			where v.need_id = ${needId} and v.member_id = ${input.contactPersonId} and u.status = 'active'`;
		if (!volunteer) return refuse('not_a_volunteer');
		// the members and the organisation read the note on the need's timeline
		if (holdsPersonalData(input.note)) return refuse('personal_data');
		const note = input.note.trim() || null;
		await tx`
			insert into need_decisions (need_id, item_positions, approved_amount, form, contact_person_id, note, decided_by)
			values (${needId}, ${positions}, ${approvedAmount}, ${input.form}, ${input.contactPersonId}, ${note}, ${actor.id})`;
		await insertEvent(tx, {
			needId,
			actorId: actor.id,
			kind: 'decided',
			body: note,
			data: { form: input.form, approvedAmount, items: positions.length }
		});
		const recipients = await tx<{ email: string; locale: Locale }[]>`
			select email, locale from users where id = ${need.createdBy} and status = 'active'`;
		const url = mailLink(ctx.origin, `/needs/${needId}`);
		await mailNeedUpdate(tx, recipients, need, 'decided', url);
		return { ok: true, approvedAmount };
	});
}
