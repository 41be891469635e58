import type { JobDefinition } from '../jobs/runner';
import { closeDuePolls, sendReminders } from './polls';

/** Closes every poll past its deadline; safe with several instances (each poll closes once). */
export const closePollsJob: JobDefinition = {
	kind: 'polls.close',
	everyMs: 60_000,
	async run(_job, ctx) {
		await closeDuePolls(ctx);
	}
};

/** A day before a poll closes, reminds the members who have not voted. */
export const pollRemindersJob: JobDefinition = {
	kind: 'polls.remind',
	everyMs: 10 * 60_000,
	async run(_job, ctx) {
		await sendReminders(ctx);
	}
};
