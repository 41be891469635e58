import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { findNeedIdByNumber } from '$lib/server/ledger/lookup';
import {
	assignPayment,
	importStatement,
	listStatements,
	listUnassignedPayments,
	type AssignTarget
} from '$lib/server/payments/bank/import';
import { listPledges } from '$lib/server/payments/bank/pledges';
import { MAX_STATEMENT_BYTES } from '$lib/server/payments/bank/statement';
import { db } from '$lib/server/runtime';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const sql = db();
	const [unassigned, pledges, statements] = await Promise.all([
		listUnassignedPayments(sql),
		listPledges(sql, 'open'),
		listStatements(sql)
	]);
	return { unassigned, pledges, statements };
}) satisfies PageServerLoad;

type ImportProblem =
	'unknown_format' | 'empty' | 'bad_header' | 'bad_line' | 'bad_xml' | 'too_large' | 'currency';
const importProblems: Record<ImportProblem, () => string> = {
	unknown_format: m.money_import_unknown_format,
	empty: m.money_import_empty,
	bad_header: m.money_import_bad_header,
	bad_line: m.money_import_bad_line,
	bad_xml: m.money_import_bad_xml,
	too_large: m.money_import_too_large,
	currency: m.money_import_currency
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
			return importFailed(importProblems[result.code](), result.line, result.detail || null);
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
	}
} satisfies Actions;
