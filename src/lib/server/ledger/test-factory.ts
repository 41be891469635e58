import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import type { AttachmentStore } from '../files/uploads';
import type { NeedContent } from '../needs/queries';
import { parseKeyRing } from '../privacy/encryption';
import { completeNeed, createPeople, type People, contextFor } from '../needs/test-factory';
import type { Person } from '../core/actor';
import { createNeed, markReady, submitNeed } from '../needs/transitions';
import { recordDecision, setVolunteer } from '../voting/decision';
import { castVote, closePoll, openVote } from '../voting/polls';
import type { HelpForm } from '../voting/decision';
import { postTransaction } from './ledger';

/* Test data for money: a decided need with a chosen target, and money in the general fund. */

/** Throws with the refusal when a domain step a factory takes is refused. */
function check(step: string, result: { ok: boolean; reason?: string }) {
	if (!result.ok) throw new Error(`${step}: ${result.reason}`);
}

/**
 * Takes a submitted need through the club's vote to approved, as people do: the coordinator marks it
 * ready and opens the vote, every member of the electorate votes yes, the coordinator closes the poll.
 */
export async function approveNeed(sql: Db, p: People, needId: string) {
	const coordinator = contextFor(sql, p.coordinator);
	check('ready', await markReady(coordinator, needId));
	const opened = await openVote(coordinator, needId);
	if (!opened.ok) throw new Error(`vote: ${opened.reason}`);
	const electorate = await sql<{ id: string }[]>`
		select member_id as id from poll_electorate where poll_id = ${opened.pollId}`;
	for (const { id } of electorate) {
		const member: Person = { kind: 'person', id, name: 'člen', roles: ['member'], organisationId: null };
		check('vote', await castVote(contextFor(sql, member), opened.pollId, 'yes', ''));
	}
	check('close', await closePoll(coordinator, opened.pollId));
}

/** A submitted need in the club's vote: marked ready and the poll opened by the coordinator. */
export async function votingNeed(sql: Db, p: People): Promise<string> {
	const created = await createNeed(contextFor(sql, p.worker), completeNeed());
	if (!created.ok) throw new Error(created.reason);
	check('submit', await submitNeed(contextFor(sql, p.worker), created.id));
	check('ready', await markReady(contextFor(sql, p.coordinator), created.id));
	check('vote', await openVote(contextFor(sql, p.coordinator), created.id));
	return created.id;
}

/** A submitted need the club approved for `target` haléře, with p.member as its contact person. */
export async function decidedNeed(
	sql: Db,
	p: People,
	target: number,
	form: HelpForm = 'fund_and_collection',
	overrides: Partial<NeedContent> = {},
	/** what the organisation does while the need is submitted (an attachment is added then) */
	whileSubmitted?: (needId: string) => Promise<void>
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
	check('submit', await submitNeed(contextFor(sql, p.worker), created.id));
	await whileSubmitted?.(created.id);
	await approveNeed(sql, p, created.id);
	check('volunteer', await setVolunteer(contextFor(sql, p.member), created.id, true));
	check(
		'decision',
		await recordDecision(contextFor(sql, p.coordinator), created.id, {
			itemPositions: [0],
			form,
			contactPersonId: p.member.id,
			note: ''
		})
	);
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
 * the club's fixed ledger accounts and the people of `createPeople`, and the keys stored files are
 * encrypted with. Read its fields inside tests.
 */
export function moneyTestDatabase(): { db: TestDatabase; sql: Db; p: People; store: AttachmentStore } {
	const state = {} as { db: TestDatabase; sql: Db; p: People; store: AttachmentStore };
	beforeAll(async () => {
		state.db = await createTestDatabase({ migrate: true });
		state.sql = state.db.sql;
		state.store = { keys: parseKeyRing(`t1:${Buffer.alloc(32, 9).toString('base64')}`) };
	});
	afterAll(async () => {
		await state.db.close();
	});
	beforeEach(async () => {
		const sql = state.sql;
		await resetDatabase(sql);
		state.p = await createPeople(sql);
	});
	return state;
}
