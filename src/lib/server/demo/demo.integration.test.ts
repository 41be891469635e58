import { contextFor, testEnvironment } from '../needs/test-factory';
import { afterEach, describe, expect, it } from 'vitest';
import { getClubSettings } from '../club/settings';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { needMoney } from '../ledger/funding';
import { fundBalance } from '../ledger/ledger';
import { readProtectedData } from '../delivery/protected';
import { parseKeyRing } from '../privacy/encryption';
import { listPublicStories } from '../stories/public';
import { demoClients } from './delivery';
import { demoParts, initialiseDatabase, type DemoPart } from './index';

let db: TestDatabase;
afterEach(async () => {
	await db?.close();
});

/** A demo part that counts how often it seeds. */
function countingPart(name: string): DemoPart & { runs: number } {
	const part = {
		name,
		runs: 0,
		async seed() {
			part.runs++;
		}
	};
	return part;
}

describe('initialiseDatabase', () => {
	it('loads the demo data into a new database when asked, once', async () => {
		db = await createTestDatabase({ migrate: true });
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: true });
		expect(await getClubSettings(db.sql)).toMatchObject({
			name: 'Klub dárců Spolu',
			contactEmail: 'klub@example.org',
			registrationNumber: '22876545'
		});
		// The next start finds a demo database and seeds nothing again.
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: true });
		expect(await db.sql`select count(*)::int as n from club_settings`).toEqual([{ n: 1 }]);
	});

	it('has needs in every state up to the decision and polls with each outcome, each with a history that matches its state', async () => {
		db = await createTestDatabase({ migrate: true });
		await initialiseDatabase(db.sql, { loadDemo: true });
		const states = await db.sql<{ status: string; count: number }[]>`
			select status, count(*)::int as count from needs group by status order by status`;
		expect(Object.fromEntries(states.map((s) => [s.status, s.count]))).toEqual({
			draft: 3,
			submitted: 3,
			in_review: 2,
			info_requested: 2,
			// one ready need of the needs part, one back from a vote without a quorum
			ready: 2,
			in_vote: 1,
			approved: 1,
			// the money part: a half-funded collection, school things delivered and closed; the delivery
			// part: winter clothes to arrange, the washing machine bought, a fridge and a camp delivered
			funding: 1,
			funded: 1,
			fulfilling: 1,
			delivered: 2,
			closed: 1,
			rejected: 3,
			withdrawn: 1
		});
		const polls = await db.sql<{ outcome: string | null; votes: number }[]>`
			select p.outcome, (select count(*)::int from votes v where v.poll_id = p.id) as votes
			from polls p order by p.outcome nulls first`;
		expect(polls).toEqual([
			{ outcome: null, votes: 2 },
			{ outcome: 'approved', votes: 5 },
			{ outcome: 'no_quorum', votes: 1 },
			{ outcome: 'rejected', votes: 4 }
		]);
		// the latest state change on each timeline is the need's state
		const mismatched = await db.sql`
			select n.number from needs n
			where n.status <> coalesce((select e.to_status from need_events e
				where e.need_id = n.id and e.to_status is not null order by e.id desc limit 1), 'draft')`;
		expect(mismatched).toEqual([]);
		const [duplicate] = await db.sql<{ of: number }[]>`
			select d.number as of from needs n join needs d on d.id = n.duplicate_of`;
		expect(duplicate).toBeDefined();
		const threads = await db.sql`select 1 from need_events where kind in ('info_requested', 'answered')`;
		expect(threads.length).toBeGreaterThan(4);
	});

	it('has club money: a funded fund, pledges paid and unpaid, a half-funded collection, payouts', async () => {
		db = await createTestDatabase({ migrate: true });
		await initialiseDatabase(db.sql, { loadDemo: true });
		const sql = db.sql;
		expect(await fundBalance(sql)).toBeGreaterThan(5_000_000);
		const pledges = await sql<{ status: string; n: number }[]>`
			select status, count(*)::int as n from pledges group by status order by status`;
		expect(pledges).toEqual([
			{ status: 'open', n: 2 },
			{ status: 'paid', n: 4 }
		]);
		const waiting = await sql`select 1 from bank_payments where status = 'unassigned'`;
		expect(waiting.length).toBe(1);
		const [deposit] = await sql<
			{ id: string }[]
		>`select id from needs where title like 'Postele a psací stůl%'`;
		expect(await needMoney(sql, deposit!.id)).toMatchObject({ target: 2_400_000, raised: 1_200_000 });
		const payouts = await sql`select amount from payouts order by amount`;
		expect(payouts.map((p) => p.amount)).toEqual([320_000, 480_000, 649_000, 899_000]);
		const unbalanced = await sql`
			select transaction_id from ledger_entries group by transaction_id having sum(amount) <> 0`;
		expect(unbalanced).toEqual([]);
		// the school collection overflowed by 500 Kč to the fund and returned 300 Kč when closed
		const [school] = await sql<{ id: string }[]>`select id from needs where title like 'Aktovka%'`;
		expect(await needMoney(sql, school!.id)).toMatchObject({
			raised: 350_000,
			paidOut: 320_000,
			returned: 30_000
		});
	});

	it('never loads demo data into a database that was started without it', async () => {
		db = await createTestDatabase({ migrate: true });
		expect(await initialiseDatabase(db.sql, { loadDemo: false })).toEqual({ demo: false });
		// Later starts with demo data switched on leave the real database alone.
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: false });
		expect(await getClubSettings(db.sql)).toBeNull();
	});

	it('adds the demo data of parts that arrive in a later version', async () => {
		db = await createTestDatabase({ migrate: true });
		const first = countingPart('accounts');
		const later = countingPart('needs');
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first] });
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first, later] });
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first, later] });
		expect([first.runs, later.runs]).toEqual([1, 1]);
	});

	it('seeds once when two instances start together', async () => {
		db = await createTestDatabase({ migrate: true });
		const part = countingPart('club');
		const a = db.connect({ max: 2 });
		const b = db.connect({ max: 2 });
		await Promise.all([
			initialiseDatabase(a, { loadDemo: true, parts: [part] }),
			initialiseDatabase(b, { loadDemo: true, parts: [part] })
		]);
		expect(part.runs).toBe(1);
	});

	it('leaves nothing behind when a demo part fails', async () => {
		db = await createTestDatabase({ migrate: true });
		const failing: DemoPart = {
			name: 'broken',
			async seed() {
				throw new Error('broken seed');
			}
		};
		await expect(
			initialiseDatabase(db.sql, { loadDemo: true, parts: [...demoParts, failing] })
		).rejects.toThrow('broken seed');
		expect(await getClubSettings(db.sql)).toBeNull();
		expect(await db.sql`select key from app_state`).toEqual([]);
	});
});

describe('demo delivery', () => {
	const keys = parseKeyRing(`demo1:${Buffer.alloc(32, 7).toString('base64')}`);

	it('has approved needs in each delivery step, with clients whose data is encrypted', async () => {
		db = await createTestDatabase({ migrate: true });
		await initialiseDatabase(db.sql, { loadDemo: true, keys });
		const sql = db.sql;
		const rows = await sql<{ key: string; status: string; step: string | null; way: string }[]>`
			select n.title as key, n.status,
				case when d.confirmed_at is not null then 'confirmed' when d.delivered_at is not null then 'delivered'
					when d.bought_at is not null then 'bought' when d.need_id is not null then 'arranged' end as step,
				p.delivery_way as way
			from need_protected_data p join needs n on n.id = p.need_id left join need_deliveries d on d.need_id = n.id
			order by n.number`;
		expect(rows.map((r) => [r.status, r.step, r.way])).toEqual([
			['funding', null, 'office'],
			['fulfilling', 'bought', 'home'],
			['funded', null, 'supplier'],
			['delivered', 'delivered', 'pickup'],
			['delivered', 'confirmed', 'office']
		]);
		// each client reads back through the domain, for the contact person, with the application's keys
		const [contact] = await sql<{ id: string }[]>`select id from users where email = 'clen1@example.org'`;
		const actor = {
			kind: 'person' as const,
			id: contact!.id,
			name: 'Tomáš Svoboda',
			roles: ['member' as const],
			organisationId: null
		};
		const read = [];
		for (const { id } of await sql<{ id: string }[]>`select need_id as id from need_protected_data`)
			read.push(await readProtectedData(contextFor(sql, actor, { ...testEnvironment, keys }), id));
		expect(read.map((r) => r?.name).sort()).toEqual(
			Object.values(demoClients)
				.map((c) => c.name)
				.sort()
		);
	});

	it('leaves no client name, phone or address in plain text anywhere in a dump of the database', async () => {
		db = await createTestDatabase({ migrate: true });
		await initialiseDatabase(db.sql, { loadDemo: true, keys });
		await db.sql`checkpoint`;
		const dump = await db.dump();
		// the dump is real: it holds the need texts and the people the demo created
		expect(dump.includes(Buffer.from('Lednice do nového bytu'))).toBe(true);
		expect(dump.includes(Buffer.from('clen1@example.org'))).toBe(true);
		const secrets = Object.values(demoClients).flatMap((c) => [
			c.name,
			c.name.split(' ')[1]!,
			c.phone,
			c.phone.replaceAll(' ', ''),
			...(c.address ? [c.address, c.address.split(',')[0]!] : [])
		]);
		const found = secrets.filter(
			(s) => dump.includes(Buffer.from(s, 'utf8')) || dump.includes(Buffer.from(s, 'utf16le'))
		);
		expect(found).toEqual([]);
	});

	it('has a published story for the public site and one waiting for review', async () => {
		db = await createTestDatabase({ migrate: true });
		await initialiseDatabase(db.sql, { loadDemo: true, keys });
		const published = await listPublicStories(db.sql);
		expect(published.map((s) => s.title)).toEqual(['Týden bez strachu']);
		const [waiting] = await db.sql`select title from stories where status = 'submitted'`;
		expect(waiting).toEqual({ title: 'Čerstvé jídlo pro malého kluka' });
	});
});
