import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { AttachmentStore } from '../needs/attachments';
import type { NeedContent } from '../needs/queries';
import { parseKeyRing } from '../privacy/encryption';
import { completeNeed, createPeople, type People, contextFor } from '../needs/test-factory';
import { createNeed, submitNeed } from '../needs/transitions';
import type { HelpForm } from '../voting/decision';
import { postTransaction } from './ledger';

/* Test data for money: a decided need with a chosen target, and money in the general fund. */

/** A submitted need the club approved for `target` haléře, with p.member as its contact person. */
export async function decidedNeed(
	sql: Db,
	p: People,
	target: number,
	form: HelpForm = 'fund_and_collection',
	overrides: Partial<NeedContent> = {}
): Promise<string> {
	const created = await createNeed(
		contextFor(sql, p.worker),
		completeNeed({
			items: [{ description: 'Postel s matrací', quantity: 1, unitPrice: target, link: null }],
			funding: [],
			...overrides
		})
	);
	if (!created.ok) throw new Error(created.reason);
	const submitted = await submitNeed(contextFor(sql, p.worker), created.id);
	if (!submitted.ok) throw new Error(submitted.reason);
	await sql`update needs set status = 'approved' where id = ${created.id}`;
	await sql`insert into need_volunteers (need_id, member_id) values (${created.id}, ${p.member.id})`;
	await sql`
		insert into need_decisions (need_id, item_positions, approved_amount, form, contact_person_id, decided_by)
		values (${created.id}, ${[0]}, ${target}, ${form}, ${p.member.id}, ${p.coordinator.id})`;
	return created.id;
}

/** Puts money into the general fund as an offline gift would, without the checks. */
export async function fillFund(sql: Db, amount: number) {
	await sql.begin((tx) =>
		postTransaction(tx, {
			kind: 'donation',
			entries: [
				{ account: 'income:offline', amount: -amount },
				{ account: 'fund', amount }
			]
		})
	);
}

/**
 * A migrated test database for one test file, emptied of people, needs and money before each test, with
 * the club's fixed ledger accounts and the people of `createPeople`, and a store for encrypted files in
 * a temporary folder removed afterwards. Read its fields inside tests.
 */
export function moneyTestDatabase(): { db: TestDatabase; sql: Db; p: People; store: AttachmentStore } {
	const state = {} as { db: TestDatabase; sql: Db; p: People; store: AttachmentStore };
	beforeAll(async () => {
		state.db = await createTestDatabase({ migrate: true });
		state.sql = state.db.sql;
		state.store = {
			dataDir: mkdtempSync(join(tmpdir(), 'spolu-files-')),
			keys: parseKeyRing(`t1:${Buffer.alloc(32, 9).toString('base64')}`)
		};
	});
	afterAll(async () => {
		await state.db.close();
		rmSync(state.store.dataDir, { recursive: true, force: true });
	});
	beforeEach(async () => {
		const sql = state.sql;
		await sql`truncate organisations, users, audit_log, outbox, jobs, needs, ledger_accounts, ledger_transactions,
			ledger_entries, donations, pledges, bank_statements, bank_payments, payouts, club_settings, card_checkouts,
			stripe_events, subscriptions cascade`;
		await sql`
			insert into ledger_accounts (code, kind, non_negative) values ('fund', 'fund', true),
				('suspense:bank', 'suspense', true), ('fees', 'fees', false), ('income:card', 'income', false),
				('income:bank', 'income', false), ('income:offline', 'income', false), ('income:in_kind', 'income', false),
				('payout:suppliers', 'payout', false), ('payout:families', 'payout', false)`;
		state.p = await createPeople(sql);
	});
	return state;
}
