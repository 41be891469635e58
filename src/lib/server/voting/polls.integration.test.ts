import type { Person } from '$lib/server/core/actor';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import {
	completeNeed,
	contextFor,
	createPeople,
	lastMailId,
	mailLinksAfter,
	publicEnvironment,
	systemContextFor,
	type People
} from '../needs/test-factory';
import { enqueueJob } from '../jobs/queue';
import { JobRunner } from '../jobs/runner';
import { closePollsJob } from './jobs';
import { getDecision, recordDecision, setVolunteer } from './decision';
import { createNeed, markReady, submitNeed } from '../needs/transitions';
import { viewNeed } from '../needs/view';
import {
	castVote,
	closeDuePolls,
	closePoll,
	extendPoll,
	fastTrackApprove,
	openVote,
	recuse,
	sendReminders
} from './polls';

let db: TestDatabase;
let sql: Db;
let p: People;
let members: Person[];

const HOUR = 60 * 60 * 1000;
const t0 = new Date('2026-12-01T09:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	p = await createPeople(sql);
	members = [p.coordinator, p.member];
	for (const n of [2, 3, 4]) {
		const id = await insertUser(sql, {
			email: `clen${n}@test.cz`,
			name: `Člen ${n}`,
			passwordHash: 'x',
			roles: ['member']
		});
		members.push({ kind: 'person', id: id!, name: `clen${n}`, roles: ['member'], organisationId: null });
	}
	await sql`insert into club_settings (name) values ('Klub')`;
});

async function readyNeed(overrides = {}) {
	const created = await createNeed(contextFor(sql, p.worker), completeNeed(overrides));
	if (!created.ok) throw new Error(created.reason);
	await submitNeed(contextFor(sql, p.worker), created.id);
	await markReady(contextFor(sql, p.coordinator), created.id);
	return created.id;
}
async function openPoll(overrides = {}) {
	const needId = await readyNeed(overrides);
	const opened = await openVote(contextFor(sql, p.coordinator), needId, t0);
	if (!opened.ok) throw new Error(opened.reason);
	return { needId, pollId: opened.pollId };
}
const needStatus = async (id: string) =>
	(await sql<{ status: string }[]>`select status from needs where id = ${id}`)[0]!.status;
const vote = (who: Person, pollId: string, choice: 'yes' | 'no' | 'abstain', reason = '', when = at(1)) =>
	castVote(contextFor(sql, who), pollId, choice, reason, when);

describe('opening a vote', () => {
	it('opens on a ready need with every active member as the electorate and tells them', async () => {
		await sql`update users set status = 'deactivated' where email = 'clen4@test.cz'`;
		const { needId, pollId } = await openPoll();
		const [poll] = await sql<{ electorate: number; closesAt: Date }[]>`
			select electorate, closes_at as "closesAt" from polls where id = ${pollId}`;
		expect(poll).toEqual({ electorate: 4, closesAt: at(168) });
		expect(await needStatus(needId)).toBe('in_vote');
		const mails = await sql<
			{ to: string }[]
		>`select to_address as "to" from outbox where template = 'need_update' and subject like '%hlasuje%'`;
		expect(mails.map((m) => m.to).sort()).toEqual([
			'clen2@test.cz',
			'clen3@test.cz',
			'clen@test.cz',
			'koordinator@test.cz'
		]);
	});

	it('gives an urgent need the shorter duration from the settings', async () => {
		await sql`update club_settings set urgent_vote_hours = 36`;
		const { pollId } = await openPoll({ urgency: 'urgent' });
		const [poll] = await sql<
			{ closesAt: Date }[]
		>`select closes_at as "closesAt" from polls where id = ${pollId}`;
		expect(poll!.closesAt).toEqual(at(36));
	});

	it('opens only on a ready need, only for the coordinator, and only once', async () => {
		const needId = await readyNeed();
		expect(await openVote(contextFor(sql, p.member), needId, t0)).toEqual({ ok: false, reason: 'forbidden' });
		expect((await openVote(contextFor(sql, p.coordinator), needId, t0)).ok).toBe(true);
		expect(await openVote(contextFor(sql, p.coordinator), needId, t0)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
	});
});

describe('voting', () => {
	it('takes a vote, lets the member change it until closing, and wants a reason for "no"', async () => {
		const { pollId } = await openPoll();
		expect(await vote(p.member, pollId, 'yes')).toEqual({ ok: true });
		expect(await vote(p.member, pollId, 'no')).toEqual({ ok: false, reason: 'reason_required' });
		expect(await vote(p.member, pollId, 'no', 'Rodina má nárok na dávku.')).toEqual({ ok: true });
		const rows = await sql`select choice, reason from votes where poll_id = ${pollId}`;
		expect(rows).toEqual([{ choice: 'no', reason: 'Rodina má nárok na dávku.' }]);
		expect(await vote(p.member, pollId, 'yes', '', at(168))).toEqual({ ok: false, reason: 'closed' });
	});

	it('refuses people outside the electorate, members who joined later included', async () => {
		const { pollId } = await openPoll();
		const late = await insertUser(sql, {
			email: 'novy@test.cz',
			name: 'Nový',
			passwordHash: 'x',
			roles: ['member']
		});
		const newcomer: Person = {
			kind: 'person',
			id: late!,
			name: 'novy',
			roles: ['member'],
			organisationId: null
		};
		for (const outsider of [newcomer, p.worker, p.donor]) {
			expect(await vote(outsider, pollId, 'yes')).toEqual({ ok: false, reason: 'not_found' });
		}
		expect(await sql`select 1 from votes`).toHaveLength(0);
	});

	it('records one vote when the same member submits many at once', async () => {
		const { pollId } = await openPoll();
		const other = db.connect({ max: 4 });
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				castVote(contextFor(i % 2 ? other : sql, p.member), pollId, i % 3 ? 'yes' : 'abstain', '', at(1))
			)
		);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(await sql`select 1 from votes where poll_id = ${pollId}`).toHaveLength(1);
		if (other !== sql) await other.end();
	});

	it('lets a member recuse with a declared conflict, which leaves them out of the quorum', async () => {
		const { needId, pollId } = await openPoll();
		expect(await recuse(contextFor(sql, p.member), pollId, '', at(1))).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		for (const m of members.slice(1, 4)) {
			expect(await recuse(contextFor(sql, m), pollId, 'Rodinu osobně znám.', at(1))).toEqual({ ok: true });
		}
		await vote(p.coordinator, pollId, 'yes');
		await vote(members[4]!, pollId, 'yes');
		const closed = await closePoll(systemContextFor(sql), pollId, at(168));
		expect(closed).toMatchObject({
			ok: true,
			outcome: 'approved',
			tally: { yes: 2, recused: 3, electorate: 5 }
		});
		expect(await needStatus(needId)).toBe('approved');
	});
});

describe('closing', () => {
	it('closes at the deadline exactly once, however many closers run at once', async () => {
		const { needId, pollId } = await openPoll();
		await vote(p.member, pollId, 'yes');
		await vote(p.coordinator, pollId, 'yes');
		await vote(members[2]!, pollId, 'no', 'Není to priorita.');
		expect(await closeDuePolls(systemContextFor(sql), at(167))).toBe(0);
		const other = db.connect({ max: 3 });
		const counts = await Promise.all([
			closeDuePolls(systemContextFor(sql), at(168)),
			closeDuePolls(systemContextFor(other), at(168)),
			closeDuePolls(systemContextFor(other), at(169))
		]);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
		if (other !== sql) await other.end();
		const [poll] =
			await sql`select outcome, yes, no, abstain, recused, closed_by from polls where id = ${pollId}`;
		expect(poll).toEqual({ outcome: 'approved', yes: 2, no: 1, abstain: 0, recused: 0, closed_by: null });
		const closings = await sql`select 1 from need_events where need_id = ${needId} and kind = 'vote_closed'`;
		expect(closings).toHaveLength(1);
		expect(await vote(members[3]!, pollId, 'yes', '', at(169))).toEqual({ ok: false, reason: 'closed' });
	});

	it('rejects when yes is not more than half of yes and no, and tells the organisation', async () => {
		const { needId, pollId } = await openPoll();
		await vote(p.member, pollId, 'yes');
		await vote(p.coordinator, pollId, 'no', 'Pokryje to dávka.');
		await vote(members[2]!, pollId, 'abstain');
		expect(await closePoll(systemContextFor(sql), pollId, at(168))).toMatchObject({
			ok: true,
			outcome: 'rejected'
		});
		expect(await needStatus(needId)).toBe('rejected');
		const [mail] = await sql<{ to: string; subject: string }[]>`
			select to_address as "to", subject from outbox order by id desc limit 1`;
		expect(mail).toEqual({ to: 'pracovnice@test.cz', subject: expect.stringContaining('nepřijal') });
		// the organisation reads why, without who
		const page = await viewNeed(contextFor(sql, p.worker), needId);
		expect(page?.view === 'organisation' && page.voteReasons).toEqual(['Pokryje to dávka.']);
		expect(JSON.stringify(page)).not.toContain('koordinator@test.cz');
	});

	it('returns a need without a quorum to the coordinator, who may open the vote again', async () => {
		const { needId, pollId } = await openPoll();
		await vote(p.member, pollId, 'yes');
		expect(await closePoll(systemContextFor(sql), pollId, at(168))).toMatchObject({
			ok: true,
			outcome: 'no_quorum'
		});
		expect(await needStatus(needId)).toBe('ready');
		expect((await openVote(contextFor(sql, p.coordinator), needId, at(170))).ok).toBe(true);
	});

	it('closes early only for the coordinator and only when everyone has voted', async () => {
		const { pollId } = await openPoll();
		for (const m of members.slice(0, 4)) await vote(m, pollId, 'yes');
		expect(await closePoll(contextFor(sql, p.member), pollId, at(2))).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await closePoll(contextFor(sql, p.coordinator), pollId, at(2))).toEqual({
			ok: false,
			reason: 'not_everyone_voted'
		});
		expect(await closePoll(systemContextFor(sql), pollId, at(2))).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		await recuse(contextFor(sql, members[4]!), pollId, 'Jsem v příbuzenském vztahu.', at(2));
		expect(await closePoll(contextFor(sql, p.coordinator), pollId, at(3))).toMatchObject({
			ok: true,
			outcome: 'approved'
		});
		expect(await closePoll(contextFor(sql, p.coordinator), pollId, at(3))).toEqual({
			ok: false,
			reason: 'closed'
		});
	});

	it('extends once, with a reason and a later deadline within two weeks', async () => {
		const { needId, pollId } = await openPoll();
		expect(await extendPoll(contextFor(sql, p.coordinator), pollId, at(200), '', at(10))).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		expect(await extendPoll(contextFor(sql, p.coordinator), pollId, at(100), 'Svátky', at(10))).toEqual({
			ok: false,
			reason: 'bad_deadline'
		});
		expect(await extendPoll(contextFor(sql, p.coordinator), pollId, at(500), 'Svátky', at(10))).toEqual({
			ok: false,
			reason: 'bad_deadline'
		});
		expect(await extendPoll(contextFor(sql, p.member), pollId, at(200), 'Svátky', at(10))).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(
			await extendPoll(
				contextFor(sql, p.coordinator),
				pollId,
				at(200),
				'Přes svátky hlasovalo málo členů.',
				at(10)
			)
		).toEqual({ ok: true });
		expect(await extendPoll(contextFor(sql, p.coordinator), pollId, at(210), 'Ještě jednou', at(11))).toEqual(
			{
				ok: false,
				reason: 'already_extended'
			}
		);
		expect(await closeDuePolls(systemContextFor(sql), at(170))).toBe(0);
		expect(await vote(p.member, pollId, 'yes', '', at(190))).toEqual({ ok: true });
		const [event] =
			await sql`select body from need_events where need_id = ${needId} and kind = 'vote_extended'`;
		expect(event).toEqual({ body: 'Přes svátky hlasovalo málo členů.' });
	});
});

describe('reminders', () => {
	it('reminds, a day before closing and once, only the members who have not voted', async () => {
		const { pollId } = await openPoll();
		await vote(p.member, pollId, 'yes');
		await recuse(contextFor(sql, p.coordinator), pollId, 'Střet zájmů.', at(1));
		expect(await sendReminders(systemContextFor(sql), at(100))).toBe(0);
		expect(await sendReminders(systemContextFor(sql), at(150))).toBe(3);
		expect(await sendReminders(systemContextFor(sql), at(151))).toBe(0);
		const reminded = await sql<{ to: string; text: string }[]>`
			select to_address as "to", text_body as text from outbox where subject like '%24 hodin%' order by to_address`;
		expect(reminded.map((r) => r.to)).toEqual(['clen2@test.cz', 'clen3@test.cz', 'clen4@test.cz']);
		expect(reminded[0]!.text).toContain(`https://spolu.example/votes/${pollId}`);
	});
});

describe('fast-track', () => {
	it('lets the coordinator approve alone up to the limit, audited', async () => {
		const needId = await readyNeed();
		expect(await fastTrackApprove(contextFor(sql, p.coordinator), needId, 'Naléhavé, malá částka.')).toEqual({
			ok: false,
			reason: 'over_limit'
		});
		await sql`update club_settings set fast_track_limit = 1500000`;
		expect(await fastTrackApprove(contextFor(sql, p.member), needId, 'x')).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await fastTrackApprove(contextFor(sql, p.coordinator), needId, '')).toEqual({
			ok: false,
			reason: 'reason_required'
		});
		expect(await fastTrackApprove(contextFor(sql, p.coordinator), needId, 'Naléhavé, malá částka.')).toEqual({
			ok: true
		});
		expect(await needStatus(needId)).toBe('approved');
		const [row] = await sql`select details from audit_log where action = 'need.fast_tracked'`;
		expect(row).toEqual({ details: { requested: 1_048_800, limit: 1_500_000 } });
	});
});

describe('the decision', () => {
	async function approvedNeed() {
		const { needId, pollId } = await openPoll({
			items: [
				{ description: 'Patrová postel', quantity: 1, unitPrice: 599_000, link: null },
				{ description: 'Matrace', quantity: 2, unitPrice: 249_900, link: null }
			]
		});
		for (const m of members.slice(0, 3)) await vote(m, pollId, 'yes');
		await closePoll(systemContextFor(sql), pollId, at(168));
		return needId;
	}

	it('records the items paid, the form of help and a volunteering contact person, and tells the organisation', async () => {
		const needId = await approvedNeed();
		expect(await setVolunteer(contextFor(sql, p.member), needId, true)).toEqual({ ok: true });
		expect(await setVolunteer(contextFor(sql, p.worker), needId, true)).toEqual({
			ok: false,
			reason: 'not_found'
		});
		const decision = {
			itemPositions: [0],
			form: 'purchase' as const,
			contactPersonId: p.member.id,
			note: 'Matrace zajistí úřad.'
		};
		expect(await recordDecision(contextFor(sql, p.member), needId, decision)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(
			await recordDecision(contextFor(sql, p.coordinator), needId, {
				...decision,
				contactPersonId: members[2]!.id
			})
		).toEqual({
			ok: false,
			reason: 'not_a_volunteer'
		});
		expect(
			await recordDecision(contextFor(sql, p.coordinator), needId, { ...decision, itemPositions: [] })
		).toEqual({
			ok: false,
			reason: 'no_items'
		});
		expect(
			await recordDecision(contextFor(sql, p.coordinator), needId, { ...decision, itemPositions: [7] })
		).toEqual({
			ok: false,
			reason: 'no_items'
		});
		// the bed only, less the family's own share of 500 Kč
		expect(await recordDecision(contextFor(sql, p.coordinator), needId, decision)).toEqual({
			ok: true,
			approvedAmount: 549_000
		});
		expect(await getDecision(sql, needId)).toMatchObject({
			approvedAmount: 549_000,
			form: 'purchase',
			contactPersonName: 'clen',
			itemPositions: [0]
		});
		expect(await recordDecision(contextFor(sql, p.coordinator), needId, decision)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await setVolunteer(contextFor(sql, members[2]!), needId, true)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		const [mail] = await sql<{ to: string; subject: string }[]>`
			select to_address as "to", subject from outbox order by id desc limit 1`;
		expect(mail).toEqual({ to: 'pracovnice@test.cz', subject: expect.stringContaining('rozhodl') });
	});

	it('is only for approved needs', async () => {
		const { needId } = await openPoll();
		await setVolunteer(contextFor(sql, p.member), needId, true);
		const decision = { itemPositions: [0], form: 'gift' as const, contactPersonId: p.member.id, note: '' };
		expect(await recordDecision(contextFor(sql, p.coordinator), needId, decision)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await setVolunteer(contextFor(sql, p.member), needId, false)).toEqual({ ok: true });
		expect(await sql`select 1 from need_volunteers`).toHaveLength(0);
	});
});

describe('the deadline job', () => {
	it('closes a poll past its deadline and mails links that start with the configured public address', async () => {
		const { needId, pollId } = await openPoll();
		for (const m of members) await vote(m, pollId, 'yes');
		const before = await lastMailId(sql);
		// the job's context: the system, the deployment's ORIGIN, and a clock past the deadline
		const runner = new JobRunner(
			systemContextFor(sql, { ...publicEnvironment, now: () => at(24 * 8) })
		).register(closePollsJob);
		await enqueueJob(sql, closePollsJob.kind, {});
		expect(await runner.runOne()).toBe(true);
		expect(await needStatus(needId)).toBe('approved');
		const links = await mailLinksAfter(sql, before);
		expect(links).toContain(`${publicEnvironment.origin}/needs/${needId}`);
		expect(links.filter((l) => !l.startsWith(`${publicEnvironment.origin}/`))).toEqual([]);
	});
});
