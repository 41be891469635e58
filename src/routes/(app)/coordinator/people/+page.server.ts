import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { roles, type Role } from '$lib/roles';
import { approveAccess, rejectAccess } from '$lib/server/accounts/access-requests';
import { createInvitation, listOpenInvitations } from '$lib/server/accounts/invitations';
import { listOrganisations } from '$lib/server/accounts/organisations';
import { findPerson, listPeople, statuses, type Status } from '$lib/server/accounts/people';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { pageRequest } from '$lib/paging';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
	value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** Requests for access are answered one by one: a short page of them above the list. */
const PENDING_PAGE_SIZE = 20;

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const params = event.url.searchParams;
	const filter = {
		q: params.get('q')?.trim().slice(0, 200) || undefined,
		role: oneOf<Role>(roles, params.get('role')),
		status: oneOf<Status>(statuses, params.get('status')),
		organisationId: params.get('organisation')?.slice(0, 100) || undefined
	};
	const sql = db();
	const [people, pending, organisations, invitations] = await Promise.all([
		listPeople(sql, filter, pageRequest(event.url)),
		// the requests waiting have their own pages (`?pending=2`), the list below keeps its own
		listPeople(sql, { status: 'pending_approval' }, pageRequest(event.url, PENDING_PAGE_SIZE, 'pending')),
		listOrganisations(sql),
		listOpenInvitations(sql)
	]);
	return {
		filter: {
			q: filter.q ?? '',
			role: filter.role ?? '',
			status: filter.status ?? '',
			organisation: filter.organisationId ?? ''
		},
		filtered: Object.values(filter).some(Boolean),
		people,
		pending,
		organisations,
		invitations
	};
}) satisfies PageServerLoad;

const inviteSchema = z
	.object({
		email: z
			.string({ error: () => m.form_required() })
			.trim()
			.min(1, { error: () => m.form_required() })
			.max(254, { error: () => m.form_too_long({ max: 254 }) })
			.pipe(z.email({ error: () => m.form_email_invalid() })),
		role: z.enum(roles, { error: () => m.people_choose_option() }),
		organisationId: z.string().max(100).optional()
	})
	.superRefine((v, ctx) => {
		if (v.role === 'social_worker' && !v.organisationId) {
			ctx.addIssue({ code: 'custom', path: ['organisationId'], message: m.org_required_for_social_worker() });
		}
	});

const personSchema = z.object({ id: z.string().max(100) });

export const actions = {
	invite: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(inviteSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { invite: { values: input.values, errors: input.errors } });
		const result = await createInvitation(
			db(),
			{ id: user.id, name: user.name, address: event.getClientAddress() },
			{ ...input.data, locale: getLocale(), origin: event.locals.context.origin }
		);
		if (!result.ok) {
			const message =
				result.reason === 'organisation_required'
					? m.org_required_for_social_worker()
					: m.invite_org_not_found();
			return fail(400, { invite: { values: input.data, errors: { organisationId: message } } });
		}
		const email = input.data.email.toLowerCase();
		return {
			notice: result.existingAccount ? m.invite_sent_existing({ email }) : m.invite_sent({ email })
		};
	},
	approve: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(personSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { error: m.people_not_found() });
		const person = await findPerson(db(), input.data.id);
		if (!person) return fail(404, { error: m.people_not_found() });
		const actor = { id: user.id, address: event.getClientAddress() };
		const result = await approveAccess(db(), actor, person.id, event.locals.context.origin);
		if (!result.ok) return fail(409, { error: m.people_not_pending() });
		return { notice: m.people_approved({ name: person.name }) };
	},
	reject: async (event) => {
		const user = requireRole(event, 'coordinator');
		const input = parseForm(personSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { error: m.people_not_found() });
		const person = await findPerson(db(), input.data.id);
		if (!person) return fail(404, { error: m.people_not_found() });
		const result = await rejectAccess(db(), { id: user.id, address: event.getClientAddress() }, person.id);
		if (!result.ok) return fail(409, { error: m.people_not_pending() });
		return { notice: m.people_rejected({ name: person.name }) };
	}
} satisfies Actions;
