/*
 * Every column that names a stored file, with the context its owner encrypts it under. Key rotation,
 * the move from the old disk storage and the sweep of unused files all go through this list, so a new
 * kind of file is added here once. The contexts must match needs/attachments.ts, ledger/payouts.ts,
 * delivery/steps.ts and stories/public.ts; all are bound to the need.
 */
export interface FilePlace {
	table: string;
	column: string;
	/** the row's key column */
	id: string;
	/** SQL condition on the row (named `row`) that its file is still used: a removed attachment's is not */
	live: (row: string) => string;
	context: (needId: string) => string;
}

export const filePlaces: readonly FilePlace[] = [
	{
		table: 'need_attachments',
		column: 'storage_key',
		id: 'id',
		live: (row) => `${row}.removed_at is null`,
		context: (needId) => `need_attachments:${needId}`
	},
	{
		table: 'payouts',
		column: 'receipt_key',
		id: 'id',
		live: () => 'true',
		context: (needId) => `payouts:${needId}`
	},
	{
		table: 'need_deliveries',
		column: 'proof_key',
		id: 'need_id',
		live: () => 'true',
		context: (needId) => `need_deliveries:${needId}`
	},
	{
		table: 'stories',
		column: 'photo_key',
		id: 'id',
		live: () => 'true',
		context: (needId) => `stories:${needId}`
	}
];

/** SQL condition: no live row names the file `file.key`. */
export const unusedFileCondition = (file: string): string =>
	filePlaces
		.map(
			(p) => `not exists (select 1 from ${p.table} u where u.${p.column} = ${file}.key and ${p.live('u')})`
		)
		.join(' and ');
