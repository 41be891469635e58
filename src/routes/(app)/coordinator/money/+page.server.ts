import { refusalStatus } from '$lib/server/core/refusals';
import { parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { allocateFromFund, fundingStates } from '$lib/server/ledger/funding';
import { clubBalances, fundBalance } from '$lib/server/ledger/ledger';
import { needMoneyStates, needSummaries, type NeedMoneyState } from '$lib/server/ledger/reports';
import { DISPUTES_PAGE_SIZE, listDisputedDonations } from '$lib/server/payments/stripe/disputes';
import { pageRequest } from '$lib/paging';
import { db } from '$lib/server/runtime';
import type { NeedStatus } from '$lib/needs';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { isDay, pragueDay } from '$lib/core/prague';
import { refusalText } from '$lib/server/http/refusal-texts';
import type { Actions, PageServerLoad } from './$types';

const channels = ['card', 'bank', 'offline', 'in_kind'] as const;

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const today = pragueDay();
	const asOfRaw = (event.url.searchParams.get('asOf') ?? '').trim().slice(0, 10);
	const asOfError = asOfRaw !== '' && !isDay(asOfRaw) ? m.money_error_day() : null;
	const asOf = asOfRaw && !asOfError && asOfRaw < today ? asOfRaw : null;
	const params = event.url.searchParams;
	const stateRaw = params.get('state');
	const state: NeedMoneyState = needMoneyStates.includes(stateRaw as NeedMoneyState)
		? (stateRaw as NeedMoneyState)
		: 'all';
	const numberRaw = (params.get('number') ?? '').trim().replace(/^#/, '').slice(0, 12);
	const numberError = numberRaw !== '' && !/^[1-9][0-9]{0,8}$/.test(numberRaw);
	const number = numberRaw && !numberError ? Number(numberRaw) : null;
	const sql = db();
	const [balances, needs, disputes] = await Promise.all([
		clubBalances(sql, asOf ?? undefined),
		needSummaries(sql, { state, number }, pageRequest(event.url)),
		listDisputedDonations(sql, pageRequest(event.url, DISPUTES_PAGE_SIZE, 'disputes'))
	]);
	const sum = (pick: (code: string, kind: string) => boolean) =>
		balances.accounts.filter((b) => pick(b.code, b.kind)).reduce((total, b) => total + b.balance, 0);
	const fund = sum((code) => code === 'fund');
	return {
		asOf,
		asOfValue: asOfError ? asOfRaw : (asOf ?? ''),
		asOfError,
		today,
		overview: {
			fund,
			suspense: sum((_, kind) => kind === 'suspense'),
			heldForNeeds: balances.heldForNeeds,
			// income accounts go negative by what came in
			received: channels.map((channel) => ({
				channel,
				amount: 0 - sum((code) => code === `income:${channel}`)
			})),
			paidToSuppliers: sum((code) => code === 'payout:suppliers'),
			paidToFamilies: sum((code) => code === 'payout:families'),
			fees: sum((_, kind) => kind === 'fees')
		},
		// allocation works on today's fund, whatever day the overview shows
		fundNow: asOf ? await fundBalance(sql) : fund,
		filter: { state, number: numberRaw, numberError: numberError ? m.money_error_need_number() : null },
		needs: {
			...needs,
			rows: needs.rows.map((n) => ({
				...n,
				missing: Math.max(0, n.target - n.raised),
				takesMoney: fundingStates.has(n.status as NeedStatus)
			}))
		},
		disputes
	};
}) satisfies PageServerLoad;

const allocateSchema = z.object({
	needId: z.string().trim().max(100).default(''),
	amount: z.string().transform((v, ctx) => {
		const amount = parseCzk(v);
		if (amount === null || amount < 1 || amount > 100_000_000) {
			ctx.addIssue({ code: 'custom', message: m.money_error_amount() });
			return z.NEVER;
		}
		return amount;
	})
});

export const actions = {
	allocate: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(allocateSchema, form);
		const needId = String(form.get('needId') ?? '').slice(0, 100);
		if (!input.ok)
			return fail(400, { action: 'allocate' as const, needId, values: input.values, errors: input.errors });
		const result = await allocateFromFund(contextOf(event, user), input.data.needId, input.data.amount);
		if (!result.ok) {
			return fail(refusalStatus(result.reason), {
				action: 'allocate' as const,
				needId,
				values: formValues(form),
				errors: { amount: refusalText(result.reason, 'ledger', result.limit) }
			});
		}
		return { action: 'allocate' as const, done: true, amount: input.data.amount, funded: result.funded };
	}
} satisfies Actions;
