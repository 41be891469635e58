import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { findNeedIdByNumber } from '$lib/server/ledger/lookup';
import { isValidIban } from '$lib/server/ledger/qr-platba';
import { addClubAccount, listClubAccounts, removeClubAccount } from '$lib/server/payments/bank/accounts';
import {
	assignPayment,
	importStatement,
	listReceivedPayments,
	listStatements,
	listUnassignedPayments,
	recordReturnedPayment,
	type AssignTarget,
	type ImportProblem
} from '$lib/server/payments/bank/import';
import { listPledges } from '$lib/server/payments/bank/pledges';
import { MAX_STATEMENT_BYTES } from '$lib/server/payments/bank/statement';
import { bankIban, db } from '$lib/server/runtime';
import { isDay, pragueDay } from '$lib/core/prague';
import { PAGE_SIZE, pageRequest } from '$lib/paging';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const sql = db();
	const query = event.url.searchParams.get('q')?.trim().slice(0, 100) || null;
	// each list has its own page in the address (`?unassigned=2&received=3`), so paging one keeps the others
	const page = (param: string, size = PAGE_SIZE) => pageRequest(event.url, size, param);
	const [unassigned, pledges, statements, accounts, received] = await Promise.all([
		listUnassignedPayments(sql, page('unassigned', 20)),
		listPledges(sql, 'open', page('pledges')),
		listStatements(sql, page('statements', 20)),
		listClubAccounts(sql, bankIban()),
		listReceivedPayments(sql, query, page('received', 20))
	]);
	return { unassigned, pledges, statements, accounts, received, query, today: pragueDay() };
}) satisfies PageServerLoad;

const importProblems: Record<ImportProblem, (p: { statement: string; club: string }) => string> = {
	unknown_format: m.money_import_unknown_format,
	empty: m.money_import_empty,
	bad_header: m.money_import_bad_header,
	bad_line: m.money_import_bad_line,
	bad_xml: m.money_import_bad_xml,
	too_large: m.money_import_too_large,
	currency: m.money_import_currency,
	wrong_account: m.money_import_wrong_account,
	no_club_account: m.money_import_no_club_account,
	fund_too_low: m.money_import_fund_too_low
};

const importFailed = (message: string, line: number | null = null, detail: string | null = null) =>
	fail(400, { action: 'import' as const, message, line, detail });

const needNumber = z.coerce
	.number({ error: () => m.money_error_need_number() })
	.int({ error: () => m.money_error_need_number() })
	.min(1, { error: () => m.money_error_need_number() })
	.max(2_000_000_000, { error: () => m.money_error_need_number() });

const assignSchema = z.discriminatedUnion(
	'to',
	[
		z.object({ to: z.literal('pledge'), payment: z.string().max(100), pledge: z.string().max(100) }),
		z.object({ to: z.literal('need'), payment: z.string().max(100), need_number: needNumber }),
		z.object({ to: z.literal('fund'), payment: z.string().max(100) })
	],
	{ error: () => m.money_refusal_other() }
);

const assignRefusals: Record<'not_found' | 'forbidden' | 'already_assigned' | 'pledge_closed', () => string> =
	{
		not_found: m.money_assign_not_found,
		forbidden: m.money_refusal_forbidden,
		already_assigned: m.money_assign_already,
		pledge_closed: m.money_assign_pledge_closed
	};

export const actions = {
	import: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return importFailed(m.money_import_no_file());
		if (file.size > MAX_STATEMENT_BYTES) return importFailed(m.money_import_too_large());
		const result = await importStatement(contextOf(event, user), {
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!result.ok) {
			if (result.reason === 'forbidden')
				return fail(403, {
					action: 'import' as const,
					message: m.money_refusal_forbidden(),
					line: null,
					detail: null
				});
			// the accounts are named in the message itself; the detail would repeat them
			if (result.accounts || result.code === 'no_club_account') {
				const statement = result.accounts?.statement ?? result.detail;
				return importFailed(
					importProblems[result.code]({ statement, club: result.accounts?.club.join(', ') ?? '' })
				);
			}
			return importFailed(
				importProblems[result.code]({ statement: '', club: '' }),
				result.line,
				result.detail || null
			);
		}
		return { action: 'import' as const, summary: result.summary };
	},
	assign: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const payment = String(form.get('payment') ?? '').slice(0, 100);
		const input = parseForm(assignSchema, form);
		if (!input.ok) {
			return fail(400, {
				action: 'assign' as const,
				payment,
				values: input.values,
				message: input.errors.need_number ?? input.errors._form ?? Object.values(input.errors)[0]
			});
		}
		const d = input.data;
		let target: AssignTarget;
		if (d.to === 'pledge') target = { kind: 'pledge', pledgeId: d.pledge };
		else if (d.to === 'fund') target = { kind: 'fund' };
		else {
			const needId = await findNeedIdByNumber(db(), d.need_number);
			if (!needId) {
				return fail(400, {
					action: 'assign' as const,
					payment,
					values: formValues(form),
					message: m.money_assign_no_need({ number: d.need_number })
				});
			}
			target = { kind: 'need', needId };
		}
		const result = await assignPayment(contextOf(event, user), d.payment, target);
		if (!result.ok) {
			return fail(result.reason === 'forbidden' ? 403 : 409, {
				action: 'assign' as const,
				payment,
				values: formValues(form),
				message: assignRefusals[result.reason]()
			});
		}
		return { action: 'assign' as const, done: true, to: d.to };
	},
	addAccount: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(accountSchema, form);
		if (!input.ok)
			return fail(400, { action: 'account' as const, values: input.values, errors: input.errors });
		const result = await addClubAccount(contextOf(event, user), {
			iban: input.data.iban,
			label: input.data.label || null
		});
		if (!result.ok)
			return fail(result.reason === 'forbidden' ? 403 : 400, {
				action: 'account' as const,
				values: formValues(form),
				errors: { iban: m.money_accounts_error_iban() }
			});
		return { action: 'account' as const, done: m.money_accounts_added_done() };
	},
	removeAccount: async (event) => {
		const user = requireRole(event, 'coordinator');
		const iban = String((await readForm(event.request)).get('iban') ?? '').slice(0, 40);
		const result = await removeClubAccount(contextOf(event, user), iban);
		if (!result.ok)
			return fail(result.reason === 'forbidden' ? 403 : 409, {
				action: 'account' as const,
				errors: { _form: m.money_accounts_error_fixed() }
			});
		return { action: 'account' as const, done: m.money_accounts_removed_done() };
	},
	returnPayment: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const payment = String(form.get('payment') ?? '').slice(0, 100);
		const input = parseForm(returnSchema, form);
		if (!input.ok)
			return fail(400, { action: 'return' as const, payment, values: input.values, errors: input.errors });
		const result = await recordReturnedPayment(contextOf(event, user), payment, {
			note: input.data.note,
			returnedOn: input.data.returned_on
		});
		if (!result.ok)
			return fail(result.reason === 'forbidden' ? 403 : result.reason === 'not_found' ? 404 : 409, {
				action: 'return' as const,
				payment,
				values: formValues(form),
				errors: { _form: returnRefusals[result.reason]() }
			});
		return { action: 'return' as const, payment, done: m.money_return_done() };
	}
} satisfies Actions;

const accountSchema = z.object({
	iban: z
		.string({ error: () => m.money_accounts_error_iban() })
		.trim()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.refine(isValidIban, { error: () => m.money_accounts_error_iban() }),
	label: z
		.string()
		.trim()
		.max(80, { error: () => m.money_accounts_error_label() })
		.default('')
});

const returnSchema = z.object({
	note: z
		.string({ error: () => m.money_return_error_note() })
		.trim()
		.min(1, { error: () => m.money_return_error_note() })
		.max(300, { error: () => m.money_return_error_note() }),
	returned_on: z
		.string({ error: () => m.money_return_error_date() })
		.trim()
		.refine(isDay, { error: () => m.money_return_error_date() })
		.refine((day) => day <= pragueDay(), { error: () => m.money_return_error_date() })
});

const returnRefusals: Record<'not_found' | 'forbidden' | 'already_returned' | 'fund_too_low', () => string> =
	{
		not_found: m.money_return_not_found,
		forbidden: m.money_refusal_forbidden,
		already_returned: m.money_return_already,
		fund_too_low: m.money_return_fund_too_low
	};
