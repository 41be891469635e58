import { pragueDay } from '$lib/core/prague';
import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { viewNeed } from '$lib/server/needs/view';
import { viewPollThread } from '$lib/server/voting/messages';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { contactActions } from './contact-actions';
import { deliveryActions } from './delivery-actions';
import { moneyActions } from './money-actions';
import { needRoles } from './need-actions';
import { storyActions } from './story-actions';
import { triageActions } from './triage-actions';
import { voteActions } from './vote-actions';

/*
 * The need's page. Each phase keeps its actions beside the page: triage, vote, money, contact data,
 * delivery and story; the page's components show each phase's section.
 */

export const load = (async (event) => {
	const user = requireRole(event, ...needRoles);
	const ctx = contextOf(event, user);
	const page = await viewNeed(ctx, event.params.id);
	if (!page) error(404, 'Not found');
	// the organisation answers the club's questions here; members ask on the poll's page
	const thread = page.view === 'member' ? null : await viewPollThread(ctx, event.params.id);
	return { page, thread, today: pragueDay() };
}) satisfies PageServerLoad;

export const actions = {
	...triageActions,
	...voteActions,
	...moneyActions,
	...contactActions,
	...deliveryActions,
	...storyActions
} satisfies Actions;
