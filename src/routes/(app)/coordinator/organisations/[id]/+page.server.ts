import { m } from '$lib/paraglide/messages';
import { findOrganisation, updateOrganisation } from '$lib/server/accounts/organisations';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { error, fail, redirect } from '@sveltejs/kit';
import { organisationSchema } from '../_schema';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const organisation = await findOrganisation(db(), event.params.id);
	if (!organisation) error(404, 'Not Found');
	return { organisation };
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(organisationSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await updateOrganisation(db(), actor, event.params.id, input.data);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not Found');
			return fail(409, { values: input.data, errors: { name: m.org_name_taken() } });
		}
		redirect(303, `/coordinator/organisations?saved=${encodeURIComponent(event.params.id)}`);
	}
} satisfies Actions;
