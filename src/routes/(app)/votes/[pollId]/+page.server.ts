import { pragueLocalToDate } from '$lib/core/prague';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { requiredText } from '$lib/server/http/fields';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import * as polls from '$lib/server/voting/polls';
import { volunteerInPoll } from '$lib/server/voting/decision';
import { messageBody, pollMessageAnswer } from '$lib/server/http/poll-message-action';
import { postPollMessage, viewPollThread } from '$lib/server/voting/messages';
import { viewPoll } from '$lib/server/voting/view';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { refusalText } from '$lib/server/http/refusal-texts';
import type { Actions, PageServerLoad } from './$types';

const pollRoles = ['member', 'coordinator'] as const;

export const load = (async (event) => {
	// the page reloads this every half minute while the poll runs: who has voted, new messages
	event.depends('app:poll');
	const user = requireRole(event, ...pollRoles);
	const ctx = contextOf(event, user);
	const poll = await viewPoll(ctx, event.params.pollId);
	if (!poll) error(404, 'Not found');
	return { poll, thread: await viewPollThread(ctx, poll.need.id) };
}) satisfies PageServerLoad;

type Action = 'vote' | 'recuse' | 'close' | 'extend' | 'volunteer';

function answer(action: Action, result: polls.PollResult, values: Record<string, string> = {}) {
	if (result.ok) return { action, done: true };
	if (result.reason === 'not_found') error(404, 'Not found');
	const status = result.reason === 'forbidden' ? 403 : result.reason === 'reason_required' ? 400 : 409;
	return fail(status, { action, values, message: refusalText(result.reason, 'vote') });
}

const contextIn = (event: RequestEvent<{ pollId: string }>) =>
	contextOf(event, requireRole(event, ...pollRoles));

const voteSchema = z.object({
	choice: z.enum(['yes', 'no', 'abstain'], { error: () => m.vote_error_choice() }),
	reason: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});
const recuseSchema = z.object({ conflict: requiredText(2000) });
const extendSchema = z.object({
	closes_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: () => m.vote_error_deadline() }),
	reason: requiredText(2000)
});

export const actions = {
	vote: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(voteSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { action: 'vote' as const, values: input.values, errors: input.errors });
		const { choice, reason } = input.data;
		return answer('vote', await polls.castVote(ctx, event.params.pollId, choice, reason), {
			choice,
			reason
		});
	},
	recuse: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(recuseSchema, await readForm(event.request));
		if (!input.ok)
			return fail(400, { action: 'recuse' as const, values: input.values, errors: input.errors });
		return answer('recuse', await polls.recuse(ctx, event.params.pollId, input.data.conflict));
	},
	volunteer: async (event) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const result = await volunteerInPoll(ctx, event.params.pollId, form.get('offer') === 'yes');
		if (result.ok) return { action: 'volunteer' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		const message =
			result.reason === 'closed'
				? m.decision_volunteer_closed()
				: result.reason === 'wrong_state'
					? m.decision_volunteer_chosen()
					: m.need_refusal_wrong_state();
		return fail(409, { action: 'volunteer' as const, message });
	},
	pollMessage: async (event) => {
		const ctx = contextIn(event);
		const body = messageBody(await readForm(event.request));
		return pollMessageAnswer(await postPollMessage(ctx, event.params.pollId, body), body);
	},
	close: async (event) => answer('close', await polls.closePoll(contextIn(event), event.params.pollId)),
	extend: async (event) => {
		const ctx = contextIn(event);
		const input = parseForm(extendSchema, await readForm(event.request));
		if (!input.ok)
			return fail(400, { action: 'extend' as const, values: input.values, errors: input.errors });
		// a time in the club's zone (Prague), whatever the server's zone and on the days the clocks change
		const closesAt = pragueLocalToDate(input.data.closes_at);
		if (!closesAt)
			return fail(400, {
				action: 'extend' as const,
				values: { closes_at: input.data.closes_at, reason: input.data.reason },
				errors: { closes_at: m.vote_error_deadline() }
			});
		const result = await polls.extendPoll(ctx, event.params.pollId, closesAt, input.data.reason);
		return answer('extend', result, input.data);
	}
} satisfies Actions;
