import { refusalStatus } from '$lib/server/core/refusals';
import { contextOf } from '$lib/server/http/actor';
import { requiredText } from '$lib/server/http/fields';
import { requireRole } from '$lib/server/http/guards';
import type { MoneyRefusal } from '$lib/server/ledger/funding';
import type { PrepareRefusal } from '$lib/server/files/cleaning';
import * as needs from '$lib/server/needs/transitions';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { problemText } from '../_messages';
import { refusalText } from '$lib/server/http/refusal-texts';

/* What every action of the need's page shares: who may act at all, and how a refusal is answered. */

/** Who may have a need to look at at all; which need, and what they may do with it, the domain decides. */
export const needRoles = ['social_worker', 'coordinator', 'member'] as const;

export type Action =
	| 'openVote'
	| 'fastTrack'
	| 'decide'
	| 'submit'
	| 'withdraw'
	| 'review'
	| 'ask'
	| 'ready'
	| 'reject'
	| 'duplicate'
	| 'message'
	| 'upload'
	| 'remove'
	| 'allocate'
	| 'cancel'
	| 'close'
	| 'payout'
	| 'protect'
	| 'reveal'
	| 'contact';

/** Turns a refusal into the action's answer; a need the person cannot see is a 404 like on the page. */
export function refused(
	action: Action,
	result: Extract<needs.Result, { ok: false }>,
	values: Record<string, string> = {}
) {
	if (result.reason === 'not_found') error(404, 'Not found');
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: refusalText(result.reason, 'need'),
		problems: (result.problems ?? []).map(problemText),
		findings: result.findings ?? []
	});
}

export const invalid = (
	action: Action,
	input: { values: Record<string, string>; errors: Record<string, string> }
) => fail(400, { action, values: input.values, errors: input.errors });

/** The person acting, checked first in every action: no role for needs, no further look. */
export const contextIn = (event: NeedEvent) => contextOf(event, requireRole(event, ...needRoles));

export function answer(action: Action, result: needs.Result) {
	if (!result.ok) return refused(action, result);
	return { action, done: true };
}

/** The request of an action on /needs/[id]. */
export type NeedEvent = RequestEvent<{ id: string }>;

export const requiredReason = z.object({ reason: requiredText(2000) });

/** A money refusal as the action's answer, shown above the form; unknown needs stay a 404. */
export function moneyRefused(
	action: Action,
	result: { reason: MoneyRefusal | PrepareRefusal; limit?: number },
	values: Record<string, string>
) {
	if (result.reason === 'not_found') error(404, 'Not found');
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: refusalText(result.reason, 'money', result.limit)
	});
}
