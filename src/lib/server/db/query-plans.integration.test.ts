// The lists and figures of the pages issue 20 measures must be served by indexes: a plan that reads a
// growing table (the ledger, gifts, needs, the audit log, …) from end to end is fast on the demo data
// and takes seconds at 100,000 needs and a million ledger entries. Each case below runs a domain
// function on the demo database, captures the queries it sends (postgres.js `debug`), and EXPLAINs each
// with sequential scans turned off: the planner then takes any usable index, so a Seq Scan that is
// still in the plan means that no index serves the query. `npm run bench:scale -- --plans` does the same
// at the real volume, with the planner's own choice.
//
// Table-driven so that a changed signature is one line to update.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPeople } from '../accounts/people';
import { listAudit } from '../audit';
import type { Person } from '../core/actor';
import { initialiseDatabase } from '../demo';
import { giftsByMonth, publicSummary, transparencyYears } from '../figures/public-figures';
import { listNeedProgress } from '../ledger/progress';
import { needSummaries } from '../ledger/reports';
import { listTriage } from '../needs/lists';
import { contextFor } from '../needs/test-factory';
import { listOpenCollections } from '../payments/bank/collections';
import { listReceivedPayments, listStatements, listUnassignedPayments } from '../payments/bank/import';
import { listPledges } from '../payments/bank/pledges';
import { impactCharts } from '../stories/impact';
import { countPublicStories, listPublicStories } from '../stories/public';
import { listStoriesForReview } from '../stories/stories';
import { listMyPolls } from '../voting/view';
import type { Db } from './client';
import { startEmbedded, type EmbeddedDatabase } from './embedded';
import { migrate } from './migrate';
import { GROWING_TABLES, seqScans } from './plan-check';
import { projectMigrations } from './test-db';

interface Captured {
	query: string;
	parameters: unknown[];
}

let embedded: EmbeddedDatabase | undefined;
let admin: Db | undefined;
let sql: Db;
let capture: Captured[] | null = null;
const people: Record<'coordinator' | 'member', Person> = {} as never;

const int8 = {
	to: 20,
	from: [20],
	serialize: (value: number) => String(value),
	parse: (value: string) => Number(value)
};

beforeAll(async () => {
	// Its own client (not test-db's) because the queries are captured through the client's options.
	let url: string;
	if (process.env.TEST_DATABASE_URL) {
		const name = `spolu_plans_${Date.now().toString(36)}`;
		admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} }) as unknown as Db;
		await admin.unsafe(`create database ${name}`);
		const u = new URL(process.env.TEST_DATABASE_URL);
		u.pathname = `/${name}`;
		url = u.toString();
	} else {
		embedded = await startEmbedded();
		url = embedded.url;
	}
	sql = postgres(url, {
		max: 1,
		onnotice: () => {},
		types: { int8 },
		debug: (_connection, query, parameters) => capture?.push({ query, parameters: parameters as unknown[] })
	}) as unknown as Db;
	await migrate(sql, projectMigrations());
	await initialiseDatabase(sql, { loadDemo: true });
	await sql`analyze`;
	const person = async (email: string): Promise<Person> => {
		const [row] = await sql<{ id: string; name: string; roles: Person['roles'] }[]>`
			select u.id, u.name, array_agg(r.role order by r.role) as roles
			from users u join user_roles r on r.user_id = u.id where u.email = ${email} group by u.id`;
		return { kind: 'person', id: row!.id, name: row!.name, roles: row!.roles, organisationId: null };
	};
	people.coordinator = await person('koordinator@example.org');
	people.member = await person('clen1@example.org');
}, 180_000);

afterAll(async () => {
	await sql?.end();
	await embedded?.close();
	await admin?.end();
});

const firstPage = { page: 1, size: 50, offset: 0 };
const laterPage = { page: 3, size: 50, offset: 100 };

interface Case {
	name: string;
	run: (db: Db) => Promise<unknown>;
}

const cases: Case[] = [
	{ name: '/ and /impact: publicSummary', run: (db) => publicSummary(db) },
	{ name: '/transparency: giftsByMonth', run: (db) => giftsByMonth(db) },
	{ name: '/transparency: transparencyYears', run: (db) => transparencyYears(db) },
	{ name: '/impact: impactCharts', run: (db) => impactCharts(db) },
	{
		name: '/coordinator/needs: listTriage, open',
		run: (db) => listTriage(contextFor(db, people.coordinator), { state: 'open' }, firstPage)
	},
	{
		name: '/coordinator/needs: listTriage, rejected, page 3',
		run: (db) => listTriage(contextFor(db, people.coordinator), { state: 'rejected' }, laterPage)
	},
	{
		name: '/votes: listMyPolls, all',
		run: (db) => listMyPolls(contextFor(db, people.member), 'all', firstPage)
	},
	{
		name: '/votes: listMyPolls, waiting',
		run: (db) => listMyPolls(contextFor(db, people.member), 'waiting', firstPage)
	},
	{ name: '/collections: listOpenCollections', run: (db) => listOpenCollections(db, firstPage) },
	{
		name: '/fund: listNeedProgress, all',
		run: (db) => listNeedProgress(db, people.member.id, 'all', firstPage)
	},
	{
		name: '/fund: listNeedProgress, yours',
		run: (db) => listNeedProgress(db, people.member.id, 'yours', firstPage)
	},
	{
		name: '/coordinator/money: needSummaries, all',
		run: (db) => needSummaries(db, { state: 'all' }, firstPage)
	},
	{
		name: '/coordinator/stories: listStoriesForReview, all',
		run: (db) => listStoriesForReview(contextFor(db, people.coordinator), 'all', firstPage)
	},
	{
		name: '/coordinator/people: listPeople',
		run: (db) => listPeople(db, {}, firstPage)
	},
	{
		name: '/coordinator/audit: listAudit',
		run: (db) => listAudit(db, {})
	},
	{
		name: '/coordinator/audit: listAudit, routine hidden',
		run: (db) => listAudit(db, { hideRoutine: true })
	},
	{ name: '/coordinator/money/bank: listUnassignedPayments', run: (db) => listUnassignedPayments(db) },
	{ name: '/coordinator/money/bank: listStatements', run: (db) => listStatements(db) },
	{ name: '/coordinator/money/bank: listReceivedPayments', run: (db) => listReceivedPayments(db, null) },
	{ name: '/coordinator/money/bank: listPledges, open', run: (db) => listPledges(db, 'open') },
	{ name: '/stories: listPublicStories', run: (db) => listPublicStories(db) },
	{ name: '/stories: countPublicStories', run: (db) => countPublicStories(db) }
];

const growing = new Set<string>(GROWING_TABLES);

/** The growing tables that a query of `run` still reads by a sequential scan, with the query. */
async function scansOf(run: (db: Db) => Promise<unknown>): Promise<string[]> {
	const queries: Captured[] = [];
	capture = queries;
	try {
		await run(sql);
	} finally {
		capture = null;
	}
	const findings: string[] = [];
	for (const { query, parameters } of queries) {
		if (!/^\s*(with|select)\b/i.test(query)) continue;
		const plan = await sql.begin(async (tx) => {
			await tx`set local enable_seqscan = off`;
			const [row] = await tx.unsafe(`explain (format json) ${query}`, parameters as never[]);
			return (row as Record<string, unknown>)['QUERY PLAN'];
		});
		for (const scan of seqScans(plan)) {
			if (growing.has(scan.table))
				findings.push(`${scan.table}: ${query.replace(/\s+/g, ' ').trim().slice(0, 300)}`);
		}
	}
	return findings;
}

describe('the pages of issue 20 read growing tables through indexes', () => {
	it('captures queries at all (the check would pass vacuously otherwise)', async () => {
		capture = [];
		await publicSummary(sql);
		const n = capture.length;
		capture = null;
		expect(n).toBeGreaterThan(0);
	});

	for (const c of cases) {
		it(c.name, async () => {
			expect(await scansOf(c.run)).toEqual([]);
		});
	}
});
