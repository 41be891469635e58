import { m } from '$lib/paraglide/messages';
import {
	createOrganisation,
	listOrganisations,
	approveOrganisation
} from '$lib/server/accounts/organisations';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { organisationSchema } from './_schema';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	return { organisations: await listOrganisations(db()) };
}) satisfies PageServerLoad;

export const actions = {
	create: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(organisationSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await createOrganisation(db(), actor, input.data);
		if (!result.ok) {
			return fail(409, { values: input.data, errors: { name: m.org_name_taken() } });
		}
		return { created: input.data.name };
	},
	approve: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(z.object({ id: z.string().max(100) }), await readForm(event.request));
		if (!input.ok) return fail(400, { approveError: m.org_not_found() });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await approveOrganisation(db(), actor, input.data.id);
		if (!result.ok) return fail(404, { approveError: m.org_not_found() });
		return { approvedId: result.id };
	}
} satisfies Actions;
