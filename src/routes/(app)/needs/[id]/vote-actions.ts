import { refusalStatus } from '$lib/server/core/refusals';
import { m } from '$lib/paraglide/messages';
import { requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { helpForms, recordDecision } from '$lib/server/voting/decision';
import * as polls from '$lib/server/voting/polls';
import { messageBody, pollMessageAnswer } from '$lib/server/http/poll-message-action';
import { postPollMessage, runningPollOf, viewPollThread } from '$lib/server/voting/messages';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { refusalText } from '$lib/server/http/refusal-texts';
import { type NeedEvent, contextIn, invalid } from './need-actions';

/* The vote on the need's page: the coordinator opens it or fast-tracks the need, then records the decision. */

const decisionSchema = z.object({
	form: z.enum(helpForms, { error: () => m.decision_error_form() }),
	contactPersonId: z.string({ error: () => m.decision_error_contact() }).max(100),
	note: z
		.string()
		.trim()
		.max(2000, { error: () => m.form_too_long({ max: 2000 }) })
		.default('')
});

export const voteActions = {
	/** the organisation (or the coordinator) writes in the thread of the need's running poll */
	pollMessage: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const body = messageBody(await readForm(event.request));
		const pollId = await runningPollOf(ctx.db, event.params.id);
		if (!pollId) {
			// no vote runs: the thread is read-only, or the need does not exist for the asker
			return pollMessageAnswer(
				(await viewPollThread(ctx, event.params.id))
					? { ok: false, reason: 'closed' }
					: { ok: false, reason: 'not_found' },
				body
			);
		}
		return pollMessageAnswer(await postPollMessage(ctx, pollId, body), body);
	},
	openVote: async (event: NeedEvent) => {
		const result = await polls.openVote(contextIn(event), event.params.id);
		if (result.ok) return { action: 'openVote' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(refusalStatus(result.reason), {
			action: 'openVote' as const,
			message: refusalText(result.reason, 'vote')
		});
	},
	fastTrack: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const input = parseForm(z.object({ reason: requiredText(2000) }), await readForm(event.request));
		if (!input.ok) return invalid('fastTrack', input);
		const result = await polls.fastTrackApprove(ctx, event.params.id, input.data.reason);
		if (result.ok) return { action: 'fastTrack' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(refusalStatus(result.reason), {
			action: 'fastTrack' as const,
			values: input.data,
			message: refusalText(result.reason, 'vote')
		});
	},
	decide: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(decisionSchema, form);
		if (!input.ok) return invalid('decide', input);
		const itemPositions = form.getAll('item').map((v) => Number(v));
		const result = await recordDecision(ctx, event.params.id, { ...input.data, itemPositions });
		if (result.ok) return { action: 'decide' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(refusalStatus(result.reason), {
			action: 'decide' as const,
			values: formValues(form),
			message: refusalText(result.reason, 'decision')
		});
	}
};
