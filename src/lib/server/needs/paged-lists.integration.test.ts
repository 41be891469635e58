import { pageRequest, type PageRequest, type Paged } from '$lib/paging';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../core/actor';
import type { Db } from '../db/client';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../db/test-db';
import { collectionForms, fundingStates } from '../ledger/funding';
import { listNeedProgress, openMoneyStates } from '../ledger/progress';
import { listOpenCollections } from '../payments/bank/collections';
import { listStoriesForReview } from '../stories/stories';
import { listMyPolls } from '../voting/view';
import { insertUser } from '../auth/users';
import { listTriage } from './lists';
import { contextFor, createPeople, type People } from './test-factory';

/*
 * The long lists page (issue 20): 120 rows make three pages of 50, 50 and 20; every row is on exactly
 * one page; each filter's count is what the filter shows and keeps its own paging; a malformed page
 * number is the first page; a person sees and counts only the rows they may see. The rows are written
 * straight into the tables: the lists read them, and a hundred needs walked through every step would
 * take minutes.
 */

let db: TestDatabase;
let sql: Db;
let p: People;

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
});

const page = (n: number, size = 50): PageRequest => ({ page: n, size, offset: (n - 1) * size });
const at = (query: string) => pageRequest(new URL(`https://spolu.example/list${query}`));

/** Pages 1–3 of a list, checked to be 50, 50 and 20 rows with no row twice; the keys in order. */
async function threePages<T>(read: (r: PageRequest) => Promise<Paged<T>>, key: (row: T) => string | number) {
	const pages = [await read(page(1)), await read(page(2)), await read(page(3))];
	expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
	expect(pages.map((p) => [p.page, p.pages, p.total])).toEqual([
		[1, 3, 120],
		[2, 3, 120],
		[3, 3, 120]
	]);
	const keys = pages.flatMap((p) => p.rows.map(key));
	expect(new Set(keys).size).toBe(120);
	// past the last page: nothing, and the pager still knows the total
	expect(await read(page(4))).toMatchObject({ rows: [], total: 120, pages: 3, page: 4 });
	return keys;
}

/** The way from a draft to `target` through the moves the database allows (need_transitions). */
async function pathTo(target: string): Promise<string[]> {
	const moves = await sql<{ from: string; to: string }[]>`
		select from_status as from, to_status as to from need_transitions`;
	const path = new Map<string, string[]>([['draft', []]]);
	const queue = ['draft'];
	while (queue.length && !path.has(target)) {
		const from = queue.shift()!;
		for (const move of moves.filter((m) => m.from === from && !path.has(m.to))) {
			path.set(move.to, [...path.get(from)!, move.to]);
			queue.push(move.to);
		}
	}
	return path.get(target)!;
}

/**
 * `count` bare needs of the test organisation, numbered and submitted a minute apart in insertion order,
 * moved to their status one allowed step at a time (the database refuses any other way); their ids.
 */
async function insertNeeds(
	count: number,
	fields: (i: number) => { status: string; category?: string; urgency?: string }
): Promise<string[]> {
	const all = Array.from({ length: count }, (_, i) => fields(i));
	const rows = await sql<{ id: string }[]>`
		insert into needs (organisation_id, created_by, category, title, region, urgency)
		select ${p.organisationId}, ${p.worker.id}, f.category, 'Potřeba ' || f.i, 'CZ010', f.urgency
		from unnest(${all.map((f) => f.category ?? 'furniture')}::text[], ${all.map((f) => f.urgency ?? 'normal')}::text[])
			with ordinality as f (category, urgency, i)
		order by f.i
		returning id`;
	const ids = rows.map((r) => r.id);
	for (const status of new Set(all.map((f) => f.status))) {
		const mine = ids.filter((_, i) => all[i]!.status === status);
		for (const step of await pathTo(status))
			await sql`update needs set status = ${step} where id in ${sql(mine)}`;
		if (status !== 'draft') {
			await sql`
				update needs n set submitted_at = timestamptz '2026-01-01 00:00Z' + (n.number * interval '1 minute')
				where id in ${sql(mine)}`;
		}
	}
	return ids;
}

const decide = (needId: string, form: string, contact: string, i: number) => sql`
	insert into need_decisions (need_id, item_positions, approved_amount, form, contact_person_id, decided_by, decided_at)
	values (${needId}, '{0}', 100000, ${form}, ${contact}, ${p.coordinator.id}, ${new Date(Date.UTC(2026, 1, 1) + i * 60_000)})`;

it('writes out the same states and forms the money rules name', () => {
	// collections.ts and progress.ts spell these as literals so the partial indexes serve them
	expect([...fundingStates, 'funded']).toEqual(['approved', 'funding', 'funded']);
	expect([...collectionForms]).toEqual(['collection', 'fund_and_collection']);
	expect(openMoneyStates).toEqual(['approved', 'funding', 'funded', 'fulfilling', 'delivered']);
});

describe('the triage queue', () => {
	it('pages the open needs in queue order and counts every state under the other filters', async () => {
		// every other one is about housing; all submitted a minute apart, oldest first
		const open = await insertNeeds(120, (i) => ({
			status: i % 3 === 0 ? 'in_review' : 'submitted',
			category: i % 2 === 0 ? 'housing' : 'furniture'
		}));
		await insertNeeds(7, () => ({ status: 'rejected' }));
		await insertNeeds(3, () => ({ status: 'draft' }));
		const coordinator = contextFor(sql, p.coordinator);

		const keys = await threePages(
			(r) => listTriage(coordinator, { state: 'open' }, r),
			(n) => n.id
		);
		expect(keys).toEqual(open);
		const first = await listTriage(coordinator, { state: 'open' }, page(1));
		expect(first.counts).toEqual({
			open: 120,
			submitted: 80,
			in_review: 40,
			info_requested: 0,
			ready: 0,
			rejected: 7,
			withdrawn: 0
		});

		// a filter has its own count and pages: 60 housing needs are 50 and 10
		const housing = (n: number) => listTriage(coordinator, { state: 'open', category: 'housing' }, page(n));
		const [h1, h2] = [await housing(1), await housing(2)];
		expect([h1.rows.length, h2.rows.length, h1.total, h1.pages]).toEqual([50, 10, 60, 2]);
		expect([...h1.rows, ...h2.rows].every((n) => n.category === 'housing')).toBe(true);
		expect(h1.counts).toMatchObject({ open: 60, submitted: 40, in_review: 20, rejected: 0 });
		const rejected = await listTriage(coordinator, { state: 'rejected' }, page(1));
		expect([rejected.rows.length, rejected.total]).toEqual([7, 7]);
		expect(rejected.rows.every((n) => n.status === 'rejected')).toBe(true);

		// ?page=abc, 0, -1 or an absurd number: the first page
		for (const query of ['?page=abc', '?page=0', '?page=-1', '?page=99999999', '']) {
			expect((await listTriage(coordinator, { state: 'open' }, at(query))).rows.map((n) => n.id)).toEqual(
				first.rows.map((n) => n.id)
			);
		}
		// nobody but the coordinator reads the queue, nor learns how long it is
		const member = await listTriage(contextFor(sql, p.member), { state: 'open' }, page(1));
		expect([member.rows, member.total, member.counts.open, member.counts.rejected]).toEqual([[], 0, 0, 0]);
	});

	it('puts urgent needs first across pages, then high, then the oldest', async () => {
		const ids = await insertNeeds(120, (i) => ({
			status: 'ready',
			urgency: i < 10 ? 'normal' : i < 70 ? 'high' : 'urgent'
		}));
		const keys = await threePages(
			(r) => listTriage(contextFor(sql, p.coordinator), { state: 'ready' }, r),
			(n) => n.id
		);
		expect(keys).toEqual([...ids.slice(70), ...ids.slice(10, 70), ...ids.slice(0, 10)]);
	});
});

describe('the member’s polls', () => {
	let other: Person;
	beforeEach(async () => {
		const id = await insertUser(sql, {
			email: 'clen2@test.cz',
			name: 'clen2',
			passwordHash: 'x',
			roles: ['member']
		});
		other = { kind: 'person', id: id!, name: 'clen2', roles: ['member'], organisationId: null };
	});

	/** 30 open polls (closing an hour apart) and 90 closed ones; the member is in the electorate of all. */
	async function polls() {
		const needs = await insertNeeds(130, () => ({ status: 'in_vote' }));
		const ids: { id: string; open: boolean }[] = [];
		for (const [i, needId] of needs.entries()) {
			const open = i < 30;
			const [poll] = await sql<{ id: string }[]>`
				insert into polls (need_id, opened_by, opened_at, closes_at, closed_at, outcome, electorate)
				values (${needId}, ${p.coordinator.id}, now() - interval '30 days',
					now() + ${`${open ? i + 1 : -i} hours`}::interval,
					${open ? null : sql`now() - ${`${i} hours`}::interval`}, ${open ? null : 'approved'}, 2)
				returning id`;
			// the last ten are the other member's only
			if (i < 120) await sql`insert into poll_electorate values (${poll!.id}, ${p.member.id})`;
			await sql`insert into poll_electorate values (${poll!.id}, ${other.id})`;
			if (i < 120) ids.push({ id: poll!.id, open });
		}
		// the member voted in 12 of the open polls, the 12 closing soonest after the first 18
		for (const { id } of ids.slice(18, 30)) {
			await sql`insert into votes (poll_id, member_id, choice) values (${id}, ${p.member.id}, 'yes')`;
		}
		return ids.map((x) => x.id);
	}

	it('pages open polls before closed ones, waiting for the vote on top, and counts only the member’s', async () => {
		const ids = await polls();
		const member = contextFor(sql, p.member);
		// waiting (closing soonest first), voted, then closed (latest closed first)
		const keys = await threePages(
			(r) => listMyPolls(member, 'all', r),
			(poll) => poll.id
		);
		expect(keys).toEqual(ids);
		const first = await listMyPolls(member, 'all', page(1));
		expect(first.counts).toEqual({ all: 120, waiting: 18, open: 30, closed: 90 });
		expect(first.voted).toBe(12);
		expect(first.rows.slice(0, 18).every((poll) => poll.myChoice === null && poll.closedAt === null)).toBe(
			true
		);
		expect(first.rows.slice(18, 30).every((poll) => poll.myChoice === 'yes')).toBe(true);

		// the filters page on their own
		const waiting = await listMyPolls(member, 'waiting', page(1));
		expect([waiting.rows.map((poll) => poll.id), waiting.total]).toEqual([ids.slice(0, 18), 18]);
		const closed = [
			await listMyPolls(member, 'closed', page(1)),
			await listMyPolls(member, 'closed', page(2))
		];
		expect(closed.map((c) => [c.rows.length, c.total, c.pages])).toEqual([
			[50, 90, 2],
			[40, 90, 2]
		]);
		expect(closed.flatMap((c) => c.rows.map((poll) => poll.id))).toEqual(ids.slice(30));
		expect((await listMyPolls(member, 'open', page(1))).rows.map((poll) => poll.id)).toEqual(
			ids.slice(0, 30)
		);
		expect((await listMyPolls(member, 'all', at('?page=x'))).rows).toEqual(first.rows);

		// the other member is in ten more polls and voted in none; the coordinator votes in none
		const theirs = await listMyPolls(contextFor(sql, other), 'all', page(1));
		expect(theirs.counts).toEqual({ all: 130, waiting: 30, open: 30, closed: 100 });
		expect(theirs.rows.every((poll) => poll.myChoice === null)).toBe(true);
		const coordinator = await listMyPolls(contextFor(sql, p.coordinator), 'all', page(1));
		expect([coordinator.rows, coordinator.total, coordinator.counts.all]).toEqual([[], 0, 0]);
	});
});

describe('the public collections', () => {
	it('pages the collections newest decision first and leaves out what is not a public collection', async () => {
		const shown = await insertNeeds(120, (i) => ({ status: i % 4 === 0 ? 'funded' : 'funding' }));
		for (const [i, id] of shown.entries()) {
			await decide(id, i % 2 ? 'collection' : 'fund_and_collection', p.member.id, i);
		}
		// the club pays alone, or the collection is over
		for (const [i, id] of (await insertNeeds(6, () => ({ status: 'funding' }))).entries()) {
			await decide(id, i % 2 ? 'gift' : 'purchase', p.member.id, 200 + i);
		}
		for (const [i, id] of (await insertNeeds(4, () => ({ status: 'closed' }))).entries()) {
			await decide(id, 'collection', p.member.id, 300 + i);
		}
		const numbers = await threePages(
			(r) => listOpenCollections(sql, r),
			(c) => c.number
		);
		const expected = await sql<{ number: number }[]>`
			select number from needs where id in ${sql(shown)} order by number desc`;
		expect(numbers).toEqual(expected.map((n) => n.number));
		expect((await listOpenCollections(sql, at('?page=1e3'))).rows.map((c) => c.number)).toEqual(
			numbers.slice(0, 50)
		);
	});
});

describe('the members’ fund', () => {
	it('pages the decided open needs by number, counts each state and the viewer’s own', async () => {
		const states = (i: number) => (i < 50 ? 'funding' : i < 80 ? 'funded' : 'fulfilling');
		const listed = await insertNeeds(120, (i) => ({ status: states(i) }));
		// the member is the contact person of every tenth
		for (const [i, id] of listed.entries()) {
			await decide(id, 'gift', i % 10 === 0 ? p.member.id : p.coordinator.id, i);
		}
		// closed, or approved with the decision not recorded yet: not on the page
		for (const [i, id] of (await insertNeeds(3, () => ({ status: 'closed' }))).entries()) {
			await decide(id, 'gift', p.member.id, 500 + i);
		}
		await insertNeeds(2, () => ({ status: 'approved' }));

		const keys = await threePages(
			(r) => listNeedProgress(sql, p.member.id, 'all', r),
			(n) => n.id
		);
		expect(keys).toEqual(listed);
		const first = await listNeedProgress(sql, p.member.id, 'all', page(1));
		expect(first.counts).toEqual({ all: 120, collecting: 50, funded: 30, delivering: 40, yours: 12 });
		expect(first.rows[0]).toMatchObject({ target: 100_000, raised: 0, missing: 100_000, yours: true });

		const funded = await listNeedProgress(sql, p.member.id, 'funded', page(1));
		expect([funded.rows.map((n) => n.id), funded.total, funded.pages]).toEqual([listed.slice(50, 80), 30, 1]);
		const delivering = await listNeedProgress(sql, p.member.id, 'delivering', page(2, 30));
		expect([delivering.rows.map((n) => n.id), delivering.total]).toEqual([listed.slice(110), 40]);
		const yours = await listNeedProgress(sql, p.member.id, 'yours', page(1));
		expect(yours.rows.map((n) => n.id)).toEqual(listed.filter((_, i) => i % 10 === 0));
		expect(yours.rows.every((n) => n.yours)).toBe(true);
		// someone else is the contact person of none of them
		const theirs = await listNeedProgress(sql, p.worker.id, 'yours', page(1));
		expect([theirs.rows, theirs.total, theirs.counts.all]).toEqual([[], 0, 120]);
		expect((await listNeedProgress(sql, p.member.id, 'all', at('?page=-3'))).rows).toEqual(first.rows);
	});
});

describe('the stories review', () => {
	it('pages the stories waiting first, then the latest changed, and counts each state', async () => {
		const status = (i: number) =>
			i < 25 ? 'submitted' : i < 105 ? 'published' : i < 120 ? 'withdrawn' : 'draft';
		const needs = await insertNeeds(125, () => ({ status: 'closed' }));
		const numbers: { number: number; status: string }[] = [];
		for (const [i, needId] of needs.entries()) {
			const [row] = await sql<{ number: number }[]>`
				insert into stories (need_id, author_id, title, body, category, region, amount, status, publish_at, updated_at)
				values (${needId}, ${p.worker.id}, ${`Příběh ${i}`}, 'Text příběhu.', 'furniture', 'CZ010', 1000,
					${status(i)}, ${status(i) === 'published' ? new Date() : null}, ${new Date(Date.UTC(2026, 0, 1) + i * 60_000)})
				returning number`;
			numbers.push({ number: row!.number, status: status(i) });
		}
		const coordinator = contextFor(sql, p.coordinator);
		const keys = await threePages(
			(r) => listStoriesForReview(coordinator, 'all', r).then((l) => l!),
			(s) => s.number
		);
		const latestFirst = (list: typeof numbers) => list.map((s) => s.number).reverse();
		expect(keys).toEqual([
			...latestFirst(numbers.filter((s) => s.status === 'submitted')),
			...latestFirst(numbers.filter((s) => s.status === 'published' || s.status === 'withdrawn'))
		]);
		const first = (await listStoriesForReview(coordinator, 'all', page(1)))!;
		expect(first.counts).toEqual({ all: 120, submitted: 25, published: 80, withdrawn: 15 });
		expect(first.rows[0]).toMatchObject({ status: 'submitted', consent: 'missing' });

		const published = [
			(await listStoriesForReview(coordinator, 'published', page(1)))!,
			(await listStoriesForReview(coordinator, 'published', page(2)))!
		];
		expect(published.map((l) => [l.rows.length, l.total, l.pages])).toEqual([
			[50, 80, 2],
			[30, 80, 2]
		]);
		expect(published.flatMap((l) => l.rows).every((s) => s.status === 'published')).toBe(true);
		expect((await listStoriesForReview(coordinator, 'all', at('?page=2.5')))!.rows).toEqual(first.rows);
		expect(await listStoriesForReview(contextFor(sql, p.worker), 'all', page(1))).toBeNull();
		expect(await listStoriesForReview(contextFor(sql, p.member), 'all', page(1))).toBeNull();
	});
});
