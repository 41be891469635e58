import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allocateFromFund } from '../ledger/funding';
import { readPayoutReceipt, recordPayout } from '../ledger/payouts';
import { decidedNeed, fillFund, moneyTestDatabase } from '../ledger/test-factory';
import { addAttachment, readAttachment, removeAttachment } from '../needs/attachments';
import { contextFor } from '../needs/test-factory';
import { encryptBytes } from '../privacy/encryption';
import { moveDiskFiles } from './legacy';
import { sweepUnusedFiles, UNUSED_FILE_GRACE_MS } from './sweep';
import { storeFile, storeFileUnderKey } from './store';
import { downloadedBytes, samplePdf } from './test-factory';

const t = moneyTestDatabase();
const quote = await samplePdf(200);
const receipt = await samplePdf(300);

let dataDir: string;
beforeEach(() => {
	dataDir = mkdtempSync(join(tmpdir(), 'spolu-upgrade-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Where the version before the move kept a file, and how: encrypted whole, bound to the need. */
function writeOldFile(key: string, plain: Buffer, context: string) {
	const [shard, name] = key.split('/') as [string, string];
	mkdirSync(join(dataDir, 'attachments', shard), { recursive: true, mode: 0o700 });
	writeFileSync(join(dataDir, 'attachments', shard, name), encryptBytes(t.store.keys, plain, context), {
		mode: 0o600
	});
}

const filesOnDisk = () =>
	existsSync(join(dataDir, 'attachments'))
		? readdirSync(join(dataDir, 'attachments'), { recursive: true, withFileTypes: true })
				.filter((e) => e.isFile())
				.map((e) => e.name)
		: [];

/** Adds an attachment as the social worker does; returns its id. */
async function attach(needId: string, bytes: Buffer, name: string) {
	const added = await addAttachment(contextFor(t.sql, t.p.worker), t.store, needId, {
		bytes,
		name,
		type: 'application/pdf',
		kind: 'quote'
	});
	if (!added.ok) throw new Error(added.reason);
	return added.id;
}

/**
 * A need with an attachment and a payout receipt as the old version left them: the rows name keys, the
 * files are in the data directory, the database holds none of them.
 */
async function needFromBeforeTheUpgrade() {
	const { sql, p, store } = t;
	let attachmentId = '';
	const needId = await decidedNeed(sql, p, 30_000, 'purchase', {}, async (id) => {
		attachmentId = await attach(id, quote, 'nabidka.pdf');
	});
	await fillFund(sql, 30_000);
	await allocateFromFund(contextFor(sql, p.coordinator), needId, 30_000);
	const paid = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ recipient: 'supplier', supplier: 'IKEA', amount: 30_000, paidOn: '2026-11-02', note: '' },
		{ bytes: receipt, name: 'uctenka.pdf', type: 'application/pdf' }
	);
	if (!paid.ok) throw new Error(paid.reason);
	const [a] = await sql<
		{ key: string }[]
	>`select storage_key as key from need_attachments where id = ${attachmentId}`;
	const [r] = await sql<{ key: string }[]>`select receipt_key as key from payouts where id = ${paid.id}`;
	await sql`delete from stored_files`;
	writeOldFile(a!.key, quote, `need_attachments:${needId}`);
	writeOldFile(r!.key, receipt, `payouts:${needId}`);
	return { needId, attachmentId, payoutId: paid.id, keys: [a!.key, r!.key] };
}

describe('the upgrade that moves files from disk into the database', () => {
	it('moves every file a record uses, under its key, and deletes it from disk only then', async () => {
		const { sql, p, store } = t;
		const old = await needFromBeforeTheUpgrade();
		expect(filesOnDisk()).toHaveLength(2);
		// before the move the files are not found: the database does not have them
		expect(await readAttachment(contextFor(sql, p.worker), store, old.needId, old.attachmentId)).toBeNull();

		expect(await moveDiskFiles(sql, store.keys, dataDir)).toEqual({ moved: 2, left: [] });
		expect(filesOnDisk()).toEqual([]);
		expect(existsSync(join(dataDir, 'attachments'))).toBe(false);
		const stored = await sql<{ key: string }[]>`select key from stored_files order by key`;
		expect(stored.map((f) => f.key)).toEqual([...old.keys].sort());

		const file = await readAttachment(contextFor(sql, p.worker), store, old.needId, old.attachmentId);
		expect((await downloadedBytes(file))!.equals(quote)).toBe(true);
		const paid = await readPayoutReceipt(contextFor(sql, p.member), store, old.needId, old.payoutId);
		expect((await downloadedBytes(paid))!.equals(receipt)).toBe(true);

		// the next start has nothing to do
		expect(await moveDiskFiles(sql, store.keys, dataDir)).toEqual({ moved: 0, left: [] });
	});

	it('finishes a move that stopped after storing, and keeps one copy', async () => {
		const { sql, p, store } = t;
		const old = await needFromBeforeTheUpgrade();
		// a first run stored the quote and was killed before deleting it from disk
		await sql.begin((tx) =>
			storeFileUnderKey(tx, store.keys, old.keys[0]!, quote, `need_attachments:${old.needId}`)
		);
		expect(await moveDiskFiles(sql, store.keys, dataDir)).toEqual({ moved: 2, left: [] });
		expect(filesOnDisk()).toEqual([]);
		expect(await sql`select 1 from stored_files`).toHaveLength(2);
		const file = await readAttachment(contextFor(sql, p.worker), store, old.needId, old.attachmentId);
		expect((await downloadedBytes(file))!.equals(quote)).toBe(true);
	});

	it('leaves on disk what no record uses or what does not decrypt, and removes half-written files', async () => {
		const { sql, store } = t;
		const old = await needFromBeforeTheUpgrade();
		const unused = `ab/ab${'0'.repeat(30)}`;
		writeOldFile(unused, quote, 'need_attachments:00000000-0000-4000-8000-000000000000');
		// the receipt, damaged on disk
		writeOldFile(old.keys[1]!, receipt, 'payouts:00000000-0000-4000-8000-000000000000');
		const [shard, name] = old.keys[0]!.split('/') as [string, string];
		writeFileSync(join(dataDir, 'attachments', shard, `${name}.1a2b3c4d5e6f.tmp`), 'half');

		const result = await moveDiskFiles(sql, store.keys, dataDir);
		expect(result.moved).toBe(1);
		expect(result.left.sort((a, b) => a.key.localeCompare(b.key))).toEqual(
			[
				{ key: unused, reason: 'unused' },
				{ key: old.keys[1]!, reason: 'undecryptable' }
			].sort((a, b) => a.key.localeCompare(b.key))
		);
		expect(filesOnDisk().sort()).toEqual([unused.split('/')[1], old.keys[1]!.split('/')[1]].sort());
		expect(await sql`select key from stored_files`).toEqual([{ key: old.keys[0] }]);
	});
});

describe('retention of files', () => {
	it('deletes within the hour a file no record uses, and never one a record uses', async () => {
		const { sql, p, store } = t;
		const now = new Date();
		const later = new Date(now.getTime() + UNUSED_FILE_GRACE_MS + 1000);
		let attachmentId = '';
		const needId = await decidedNeed(sql, p, 10_000, 'purchase', {}, async (id) => {
			attachmentId = await attach(id, quote, 'a.pdf');
			const second = await attach(id, receipt, 'b.pdf');
			// removing an attachment deletes its file at once
			expect(await removeAttachment(contextFor(sql, p.worker), store, id, second)).toEqual({ ok: true });
		});
		expect(await sql`select 1 from stored_files`).toHaveLength(1);
		// what a crash between storing an upload and writing its record leaves behind
		const orphan = await storeFile(sql, store.keys, receipt, `payouts:${needId}`);

		// an upload still waiting for its record is kept
		expect(await sweepUnusedFiles(sql, now)).toBe(0);
		expect(await sweepUnusedFiles(sql, later)).toBe(1);
		expect(await sql`select key from stored_files where key = ${orphan}`).toHaveLength(0);
		const file = await readAttachment(contextFor(sql, p.worker), store, needId, attachmentId);
		expect((await downloadedBytes(file))!.equals(quote)).toBe(true);
	});
});
