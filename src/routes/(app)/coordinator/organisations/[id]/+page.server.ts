import { m } from '$lib/paraglide/messages';
import { helpListingOf, setHelpListing } from '$lib/server/accounts/help-directory';
import { findOrganisation, updateOrganisation } from '$lib/server/accounts/organisations';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { error, fail, redirect } from '@sveltejs/kit';
import { helpListingSchema, organisationSchema } from '../_schema';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const organisation = await findOrganisation(db(), event.params.id);
	if (!organisation) error(404, 'Not Found');
	return { organisation, help: (await helpListingOf(db(), organisation.id))! };
}) satisfies PageServerLoad;

const helpRefusals = {
	contact_missing: () => ({ phone: m.org_help_contact_missing() }),
	not_checked: () => ({ checked: m.org_help_not_checked() }),
	not_approved: () => ({ listed: m.org_help_not_approved() }),
	personal_data: () => ({ hours: m.org_help_personal_data() })
};

export const actions = {
	save: async (event) => {
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
	},
	help: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(helpListingSchema, form);
		if (!input.ok) return fail(400, { help: true, values: input.values, errors: input.errors });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await setHelpListing(db(), actor, event.params.id, input.data);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not Found');
			const status = result.reason === 'personal_data' ? 400 : 409;
			return fail(status, { help: true, values: formValues(form), errors: helpRefusals[result.reason]() });
		}
		return { help: true, saved: true };
	}
} satisfies Actions;
