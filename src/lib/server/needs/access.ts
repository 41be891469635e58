import type { Person } from '$lib/server/core/actor';
import type { NeedStatus } from '$lib/needs';
import { statesBefore } from './lifecycle';

/*
 * Who may see and do what with a need. Every service function asks here, with the need's row locked or
 * freshly read, so a route that forgot a check still cannot leak or change a need.
 */

/**
 * How a person sees a need: `organisation` — a social worker of the submitting organisation (everything,
 * drafts too); `coordinator` — everything once submitted; `member` — the anonymised fields only, from the
 * vote on. Null: the need does not exist for them (pages answer 404, not 403, so ids reveal nothing).
 */
export type NeedView = 'organisation' | 'coordinator' | 'member';

/** States in which club members read a need: from the vote on. */
const memberStates: ReadonlySet<NeedStatus> = new Set([
	'in_vote',
	'approved',
	'funding',
	'funded',
	'fulfilling',
	'delivered',
	'closed'
]);

export const isOwnOrganisation = (actor: Person, need: { organisationId: string }) =>
	actor.roles.includes('social_worker') &&
	actor.organisationId !== null &&
	actor.organisationId === need.organisationId;

export const isCoordinator = (actor: Person) => actor.roles.includes('coordinator');

export function needView(
	actor: Person,
	need: { organisationId: string; status: NeedStatus; submittedAt: Date | null }
): NeedView | null {
	if (isOwnOrganisation(actor, need)) return 'organisation';
	// never submitted (a draft, or a draft withdrawn): the guard's findings were never enforced on it
	if (isCoordinator(actor) && need.submittedAt !== null) return 'coordinator';
	if (actor.roles.includes('member') && memberStates.has(need.status)) return 'member';
	return null;
}

/** States in which the social worker may still change what the need says. */
export const editableStates: ReadonlySet<NeedStatus> = new Set(['draft', 'submitted', 'info_requested']);
/** States the coordinator triages from. */
export const triageStates: ReadonlySet<NeedStatus> = new Set(['submitted', 'in_review', 'info_requested']);
/** Open states before the vote, from which the organisation may withdraw the need. */
export const withdrawableStates = statesBefore('withdraw');
/** States in which the thread between coordinator and organisation is open. */
export const threadStates: ReadonlySet<NeedStatus> = new Set([
	'submitted',
	'in_review',
	'info_requested',
	'ready'
]);

/** Attachments: the organisation and the coordinator (the contact person joins after approval, issue 8). */
export const canReadAttachments = (view: NeedView | null) =>
	view === 'organisation' || view === 'coordinator';
/** Attachments are added and removed by the organisation until the need is decided. */
export const attachmentStates: ReadonlySet<NeedStatus> = new Set([
	'draft',
	'submitted',
	'in_review',
	'info_requested',
	'ready'
]);
