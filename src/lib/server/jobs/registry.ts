import type { Config } from '../config';
import { unusedFilesJob } from '../files/sweep';
import { createMailSendJob } from '../mail/send-job';
import { storyNewsJob } from '../mail/need-news';
import { createFioSyncJob } from '../payments/bank/fio-api/job';
import { confirmationMailJob } from '../payments/receipts/year-run';
import { protectedRetentionJob } from '../privacy/retention';
import { closePollsJob, pollRemindersJob } from '../voting/jobs';
import { pruneJobs } from './maintenance';
import type { JobDefinition } from './runner';

/** Every kind of background work. Each part of the loop adds its jobs here (vote closing, e-mail, retention). */
export const jobDefinitions = (config: Config): JobDefinition[] => [
	pruneJobs,
	createMailSendJob(() => config),
	closePollsJob,
	pollRemindersJob,
	protectedRetentionJob,
	unusedFilesJob,
	createFioSyncJob(config),
	confirmationMailJob,
	storyNewsJob
];
