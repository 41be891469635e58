import { m } from '$lib/paraglide/messages';
import { roles } from '$lib/roles';
import { listOrganisations } from '$lib/server/accounts/organisations';
import { changeRoles, deactivateUser, findPerson, reactivateUser } from '$lib/server/accounts/people';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'coordinator');
	const person = await findPerson(db(), event.params.id);
	if (!person) error(404, 'Not Found');
	return { person, organisations: await listOrganisations(db()), self: person.id === user.id };
}) satisfies PageServerLoad;

const role = z.enum(roles, { error: () => m.people_choose_option() });
const rolesSchema = z
	.object({
		// Checkboxes: absent when none is ticked, a string for one, a list for several.
		roles: z
			.union([role, z.array(role)])
			.optional()
			.transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
		organisationId: z.string().max(100).optional()
	})
	.superRefine((v, ctx) => {
		if (v.roles.includes('social_worker') && !v.organisationId) {
			ctx.addIssue({ code: 'custom', path: ['organisationId'], message: m.org_required_for_social_worker() });
		}
	});

const statusMessages = {
	not_found: m.people_not_found,
	self: m.people_self_deactivate,
	last_coordinator: m.people_last_coordinator,
	not_active: m.people_not_active,
	not_deactivated: m.people_not_deactivated
};

export const actions = {
	roles: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(rolesSchema, form);
		const submitted = {
			roles: form.getAll('roles').map(String),
			organisationId: String(form.get('organisationId') ?? '')
		};
		if (!input.ok) return fail(400, { roles: { values: submitted, errors: input.errors } });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await changeRoles(db(), actor, event.params.id, {
			roles: input.data.roles,
			organisationId: input.data.organisationId || null
		});
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not Found');
			const messages = {
				organisation_required: { organisationId: m.org_required_for_social_worker() },
				organisation_not_found: { organisationId: m.org_not_found() },
				own_coordinator_role: { _form: m.people_own_coordinator() },
				last_coordinator: { _form: m.people_last_coordinator() }
			};
			return fail(409, { roles: { values: submitted, errors: messages[result.reason] } });
		}
		return { notice: result.changed ? m.people_roles_saved() : m.people_roles_unchanged() };
	},
	deactivate: async (event) => {
		const user = requireRole(event, 'coordinator');
		const result = await deactivateUser(
			db(),
			{ id: user.id, address: event.getClientAddress() },
			event.params.id
		);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not Found');
			return fail(409, { error: statusMessages[result.reason]() });
		}
		return { notice: m.people_deactivated() };
	},
	reactivate: async (event) => {
		const user = requireRole(event, 'coordinator');
		const result = await reactivateUser(
			db(),
			{ id: user.id, address: event.getClientAddress() },
			event.params.id
		);
		if (!result.ok) {
			if (result.reason === 'not_found') error(404, 'Not Found');
			return fail(409, { error: statusMessages[result.reason]() });
		}
		return { notice: m.people_reactivated() };
	}
} satisfies Actions;
