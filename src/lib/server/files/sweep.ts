import type { Db } from '../db/client';
import type { JobDefinition } from '../jobs/runner';
import { log } from '../log';
import { unusedFileCondition } from './places';

/*
 * Retention of files: a file lives as long as a record uses it. Removing an attachment deletes its file
 * in the same transaction; what is left over — an upload whose record was never written because the
 * process died in between — is deleted here once it is an hour old (younger ones may still be waiting
 * for their record).
 */

export const UNUSED_FILE_GRACE_MS = 60 * 60 * 1000;

/** Deletes files no live record names that were stored before `now` minus the grace; returns how many. */
export async function sweepUnusedFiles(db: Db, now = new Date()): Promise<number> {
	const before = new Date(now.getTime() - UNUSED_FILE_GRACE_MS);
	const deleted = await db`
		delete from stored_files f
		where f.created_at < ${before} and ${db.unsafe(unusedFileCondition('f'))}
		returning f.key`;
	return deleted.length;
}

export const unusedFilesJob: JobDefinition = {
	kind: 'files.sweep_unused',
	everyMs: 60 * 60 * 1000,
	async run(_job, { db, now }) {
		const deleted = await sweepUnusedFiles(db, now());
		if (deleted) log.info('unused files deleted', { files: deleted });
	}
};
