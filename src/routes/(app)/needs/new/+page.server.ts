import { findOrganisation } from '$lib/server/accounts/organisations';
import { requireRole } from '$lib/server/http/guards';
import { emptyNeedForm } from '$lib/server/needs/form';
import { db } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import { saveNeedForm } from '../_editor';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'social_worker');
	if (!user.organisationId) error(403, 'Forbidden');
	const organisation = await findOrganisation(db(), user.organisationId);
	return { initial: emptyNeedForm(organisation?.region ?? null) };
}) satisfies PageServerLoad;

export const actions = {
	save: (event) => saveNeedForm(event, null)
} satisfies Actions;
