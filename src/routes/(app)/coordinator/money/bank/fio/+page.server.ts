import { formatDay } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import {
	FIO_MAX_DAYS_BACK,
	fioStatus,
	removeFioToken,
	requestFioSync,
	storeFioToken,
	suggestedStartDay,
	type StartProblem,
	type TokenProblem
} from '$lib/server/payments/bank/fio-api/connection';
import { addDays, pragueDay } from '$lib/core/prague';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	const user = requireRole(event, 'coordinator');
	const ctx = contextOf(event, user);
	const [status, suggestedStart] = await Promise.all([
		fioStatus(ctx.db),
		suggestedStartDay(ctx.db, ctx.now())
	]);
	return { status, suggestedStart, today: pragueDay(ctx.now()) };
}) satisfies PageServerLoad;

const tokenProblems: Record<TokenProblem, (length: number) => string> = {
	empty: () => m.fio_error_token_empty(),
	length: (length) => m.fio_error_token_length({ length }),
	characters: () => m.fio_error_token_characters()
};

const startProblems: Record<StartProblem, (today: string) => string> = {
	invalid: () => m.fio_error_start_invalid(),
	future: () => m.fio_error_start_future(),
	too_old: (today) => m.fio_error_start_too_old({ day: formatDay(addDays(today, -FIO_MAX_DAYS_BACK)) })
};

type SaveErrors = Partial<Record<'token' | 'start_on' | '_form', string>>;

export const actions = {
	save: async (event) => {
		const user = requireRole(event, 'coordinator');
		const ctx = contextOf(event, user);
		const form = await readForm(event.request);
		const token = String(form.get('token') ?? '').slice(0, 1000);
		const startOn = String(form.get('start_on') ?? '')
			.trim()
			.slice(0, 20);
		const result = await storeFioToken(ctx, { token, startOn });
		if (!result.ok) {
			// the token is never sent back to the page, not even a wrong one
			const refused = (status: number, errors: SaveErrors) =>
				fail(status, { action: 'save' as const, values: { start_on: startOn }, errors });
			if (result.reason === 'forbidden') return refused(403, { _form: m.money_refusal_forbidden() });
			if (result.reason === 'token')
				return refused(400, { token: tokenProblems[result.problem](result.length) });
			return refused(400, { start_on: startProblems[result.problem](pragueDay(ctx.now())) });
		}
		return { action: 'save' as const, done: true };
	},
	remove: async (event) => {
		const user = requireRole(event, 'coordinator');
		const result = await removeFioToken(contextOf(event, user));
		if (!result.ok)
			return fail(result.reason === 'forbidden' ? 403 : 409, {
				action: 'remove' as const,
				message: result.reason === 'forbidden' ? m.money_refusal_forbidden() : m.fio_none_stored()
			});
		return { action: 'remove' as const, done: true };
	},
	sync: async (event) => {
		const user = requireRole(event, 'coordinator');
		const result = await requestFioSync(contextOf(event, user));
		if (!result.ok)
			return fail(result.reason === 'forbidden' ? 403 : 409, {
				action: 'sync' as const,
				message: result.reason === 'forbidden' ? m.money_refusal_forbidden() : m.fio_none_stored()
			});
		return { action: 'sync' as const, at: result.at };
	}
} satisfies Actions;
