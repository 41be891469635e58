import { pragueDay } from '$lib/core/prague';
import { contextOf } from '$lib/server/http/actor';
import { requireRole } from '$lib/server/http/guards';
import { needFormState, withExtraRow } from '$lib/server/needs/form';
import { submissionProblems } from '$lib/server/needs/transitions';
import { viewNeed } from '$lib/server/needs/view';
import { error } from '@sveltejs/kit';
import { problemText } from '../../_messages';
import { saveNeedForm } from '../../_editor';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'social_worker');
	const page = await viewNeed(contextOf(event, user), event.params.id);
	if (!page) error(404, 'Not found');
	if (page.view !== 'organisation') error(403, 'Forbidden');
	if (!page.can.edit) error(409, 'Conflict');
	const { need } = page;
	const today = pragueDay();
	return {
		need: { id: need.id, number: need.number, status: need.status, title: need.title },
		initial: withExtraRow(needFormState(need), 'save'),
		findings: page.findings,
		quasi: page.quasi,
		problems: event.url.searchParams.has('check') ? submissionProblems(need, today).map(problemText) : []
	};
}) satisfies PageServerLoad;

export const actions = {
	save: (event) => saveNeedForm(event, event.params.id)
} satisfies Actions;
