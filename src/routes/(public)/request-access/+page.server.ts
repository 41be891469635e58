import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { regions } from '$lib/regions';
import { requestAccess } from '$lib/server/accounts/access-requests';
import { listOrganisations, organisationKinds } from '$lib/server/accounts/organisations';
import { PASSWORD_MAX, PASSWORD_MIN } from '$lib/server/auth/password';
import { waitSeconds } from '$lib/server/auth/throttle';
import { emailField, passwordField, passwordProblemMessage, requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { redirectIfSignedIn } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

/** The organisation select's value for "my organisation is not on the list". */
const NEW = 'new';

const schema = z
	.object({
		name: requiredText(200),
		email: emailField,
		password: passwordField,
		organisationId: z
			.string({ error: () => m.people_choose_option() })
			.min(1, { error: () => m.people_choose_option() })
			.max(100),
		newOrganisationName: z
			.string()
			.trim()
			.max(200, { error: () => m.form_too_long({ max: 200 }) })
			.optional(),
		newOrganisationKind: z.string().max(40).optional(),
		newOrganisationRegion: z.string().max(10).optional()
	})
	.superRefine((v, ctx) => {
		if (v.organisationId !== NEW) return;
		const name = v.newOrganisationName ?? '';
		if (!name) ctx.addIssue({ code: 'custom', path: ['newOrganisationName'], message: m.form_required() });
		else if ([...name].length < 2) {
			ctx.addIssue({ code: 'custom', path: ['newOrganisationName'], message: m.org_name_short() });
		}
		if (!(organisationKinds as readonly string[]).includes(v.newOrganisationKind ?? '')) {
			ctx.addIssue({ code: 'custom', path: ['newOrganisationKind'], message: m.people_choose_option() });
		}
		if (!(regions as readonly string[]).includes(v.newOrganisationRegion ?? '')) {
			ctx.addIssue({ code: 'custom', path: ['newOrganisationRegion'], message: m.people_choose_option() });
		}
	});

export const load = (async (event) => {
	redirectIfSignedIn(event);
	const organisations = await listOrganisations(db(), { approvedOnly: true });
	return {
		organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
		passwordMin: PASSWORD_MIN,
		passwordMax: PASSWORD_MAX
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async (event) => {
		redirectIfSignedIn(event);
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const data = input.data;
		const isNew = data.organisationId === NEW;
		const result = await requestAccess(db(), {
			name: data.name,
			email: data.email,
			password: data.password,
			locale: getLocale(),
			organisationId: isNew ? null : data.organisationId,
			newOrganisation: isNew
				? {
						name: data.newOrganisationName!,
						kind: data.newOrganisationKind as (typeof organisationKinds)[number],
						region: data.newOrganisationRegion as (typeof regions)[number]
					}
				: null,
			address: event.getClientAddress(),
			origin: event.locals.context.origin
		});
		if (!result.ok) {
			const values = formValues(form);
			if (result.reason === 'password') {
				return fail(400, { values, errors: { password: passwordProblemMessage(result.problem) } });
			}
			if (result.reason === 'throttled') {
				event.setHeaders({ 'Retry-After': String(waitSeconds(result.retryAfterMs)) });
				return fail(429, { values, errors: { _form: m.access_throttled() } });
			}
			return fail(400, { values, errors: { organisationId: m.access_org_not_found() } });
		}
		// The same answer whether the address was new or already had an account.
		return { sent: true };
	}
} satisfies Actions;
