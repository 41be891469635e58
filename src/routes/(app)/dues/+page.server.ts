import { m } from '$lib/paraglide/messages';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { createPledge } from '$lib/server/payments/bank/pledges';
import { bankIban, db } from '$lib/server/runtime';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { amountField, refusalErrors } from '../../(public)/give/_pledge.server';
import type { Actions, PageServerLoad } from './$types';

/** Yearly dues a member may pick at once, in Kč; any other amount may be typed. */
const presets = ['300', '500', '1000'] as const;

export const load = (async (event) => {
	requireRole(event, 'member');
	return { available: bankIban() !== null, presets: [...presets] };
}) satisfies PageServerLoad;

const schema = z.discriminatedUnion(
	'preset',
	[z.object({ preset: z.enum(presets) }), z.object({ preset: z.literal('other'), amount: amountField })],
	{ error: () => m.give_dues_error_choice() }
);

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'member');
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		if (bankIban() === null)
			return fail(409, { values: formValues(form), errors: { _form: m.give_bank_unavailable() } });
		const amount = input.data.preset === 'other' ? input.data.amount : Number(input.data.preset) * 100;
		// the member is known by the account: no name or address copied onto the pledge
		const result = await createPledge(db(), {
			purpose: 'dues',
			needId: null,
			amount,
			donor: { id: user.id, name: null, email: null, address: null }
		});
		if (!result.ok) return fail(409, { values: formValues(form), errors: refusalErrors(result) });
		redirect(303, `/give/pledge/${result.id}`);
	}
} satisfies Actions;
