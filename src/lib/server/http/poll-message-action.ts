import { m } from '$lib/paraglide/messages';
import { error, fail } from '@sveltejs/kit';
import { refusalStatus } from '../core/refusals';
import { pollMessageMaxLength, type PollMessageResult } from '../voting/messages';

/*
 * The answer of the form that posts to a poll's thread, the same on the poll's page (members) and the
 * need's page (the organisation): done, or the refusal in the person's words next to the text, which is
 * kept so nothing typed is lost.
 */

export const pollMessageAction = 'pollMessage' as const;

export function pollMessageAnswer(result: PollMessageResult, body: string) {
	if (result.ok) return { action: pollMessageAction, done: true };
	if (result.reason === 'not_found') error(404, 'Not found');
	const text = {
		empty: () => m.poll_msg_error_empty(),
		invalid: () => m.poll_msg_error_too_long({ max: pollMessageMaxLength }),
		personal_data: () => m.poll_msg_refusal_personal_data(),
		closed: () => m.poll_msg_refusal_closed()
	}[result.reason]();
	const values = { body: body.slice(0, 2 * pollMessageMaxLength) };
	return result.reason === 'closed'
		? fail(refusalStatus(result.reason), { action: pollMessageAction, values, message: text })
		: fail(refusalStatus(result.reason), { action: pollMessageAction, values, errors: { body: text } });
}

/** The text of the form's `body` field, empty when missing. */
export const messageBody = (form: FormData) => {
	const body = form.get('body');
	return typeof body === 'string' ? body : '';
};
