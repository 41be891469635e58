import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { audit, countAudit, listAudit } from '../audit';
import { listPeople } from '../accounts/people';
import { contextFor, testEnvironment, type People } from '../needs/test-factory';
import { listReceivedPayments, listStatements, listUnassignedPayments } from '../payments/bank/import';
import { recordOfflineGift } from './offline';
import {
	csvStream,
	ledgerCsv,
	ledgerCsvCells,
	ledgerEntrySlices,
	needSummaries,
	toCsv,
	type CsvCell,
	type LedgerEntryRow
} from './reports';
import { decidedNeed, moneyTestDatabase } from './test-factory';
import * as moneyPage from '../../../routes/(app)/coordinator/money/+page.server';
import * as bankPage from '../../../routes/(app)/coordinator/money/bank/+page.server';
import * as peoplePage from '../../../routes/(app)/coordinator/people/+page.server';
import * as ledgerCsvRoute from '../../../routes/(app)/coordinator/money/reports/ledger.csv/+server';

/*
 * The coordinator's long lists page (issue 20): page sizes hold, no row is on two pages, the counts
 * follow the filters, a wrong page number shows the first page, and only coordinators see them. The
 * exports stream in slices and give the same bytes as the whole file written at once.
 */

type Person = People['coordinator'];

const t = moneyTestDatabase();
let sql: Db;
let p: People;

// the loads read the process's runtime: a stand-in with only what they ask
const holder = globalThis as unknown as { __spolu?: { runtime?: unknown } };
let saved: unknown;
beforeEach(() => {
	({ sql, p } = t);
	holder.__spolu ??= {};
	saved = holder.__spolu.runtime;
	holder.__spolu.runtime = { sql, demo: false, config: { stripe: undefined }, environment: testEnvironment };
});
afterEach(() => {
	holder.__spolu!.runtime = saved;
});

const page = (n: number, size: number) => ({ page: n, size, offset: (n - 1) * size });

function event(person: Person | null, path: string) {
	const user = person && {
		id: person.id,
		email: `${person.id}@example.org`,
		name: person.name,
		locale: 'cs' as const,
		roles: person.roles,
		organisationId: person.organisationId,
		totpEnabled: true
	};
	const url = new URL(`https://spolu.example${path}`);
	return {
		url,
		request: new Request(url),
		locals: { user, session: null, twoFactor: null, context: contextFor(sql, person ?? p.donor) },
		getClientAddress: () => '203.0.113.9'
	};
}

/** The status a guard stops a request with, or 'allowed'. */
async function refusal(work: () => unknown): Promise<number | string> {
	try {
		await work();
	} catch (e) {
		if (isHttpError(e)) return e.status;
		const redirect = e as { status?: number; location?: string };
		if (redirect.location) return `${redirect.status} ${redirect.location.split('?')[0]}`;
		throw e;
	}
	return 'allowed';
}

type Load<T extends (e: never) => unknown> = Exclude<Awaited<ReturnType<T>>, void>;
const money = async (person: Person | null, query = '') =>
	(await moneyPage.load(event(person, `/coordinator/money${query}`) as never)) as Load<typeof moneyPage.load>;
const bank = async (person: Person | null, query = '') =>
	(await bankPage.load(event(person, `/coordinator/money/bank${query}`) as never)) as Load<
		typeof bankPage.load
	>;
const people = async (person: Person | null, query = '') =>
	(await peoplePage.load(event(person, `/coordinator/people${query}`) as never)) as Load<
		typeof peoplePage.load
	>;

const gift = (amount: number, needId: string | null, receivedOn = '2026-03-01') =>
	recordOfflineGift(contextFor(sql, p.coordinator), {
		kind: 'cash',
		amount,
		receivedOn,
		needId,
		description: '',
		donorName: 'Jana',
		donorAddress: 'Brno',
		donorEmail: '',
		note: ''
	});

/** The bytes of a stream as text, the byte order mark kept (Response.text() would drop it). */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
	const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

describe('the money overview of the needs', () => {
	it('pages the decided needs newest first, each once, with counts of money left and nothing left', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push(await decidedNeed(sql, p, 10_000, 'collection'));
		await gift(4_000, ids[1]!);
		await gift(2_500, ids[3]!);
		const numbers = await sql<{ number: number }[]>`select number from needs order by number desc`;

		const pages = [];
		for (let n = 1; n <= 3; n++) pages.push(await needSummaries(sql, { state: 'all' }, page(n, 2)));
		expect(pages.map((x) => x.rows.length)).toEqual([2, 2, 1]);
		expect(pages.flatMap((x) => x.rows.map((r) => r.number))).toEqual(numbers.map((r) => r.number));
		expect(pages[0]).toMatchObject({ total: 5, pages: 3, counts: { all: 5, left: 2, spent: 3 } });

		const left = await needSummaries(sql, { state: 'left' }, page(1, 50));
		expect(left.total).toBe(2);
		expect(left.rows.map((r) => [r.needId, r.donated, r.balance])).toEqual([
			[ids[3], 2_500, 2_500],
			[ids[1], 4_000, 4_000]
		]);
		const spent = await needSummaries(sql, { state: 'spent' }, page(1, 50));
		expect(spent.rows.map((r) => r.needId).sort()).toEqual([ids[0], ids[2], ids[4]].sort());

		const one = numbers[3]!.number;
		const found = await needSummaries(sql, { state: 'all', number: one }, page(1, 50));
		expect(found.rows.map((r) => r.number)).toEqual([one]);
		expect(found.counts).toEqual({ all: 1, left: 1, spent: 0 });
	});

	it('shows the first page for a wrong page number, keeps the filter, and only to coordinators', async () => {
		for (let i = 0; i < 3; i++) await decidedNeed(sql, p, 10_000, 'collection');
		const data = await money(p.coordinator, '?page=abc&state=spent');
		expect(data.needs).toMatchObject({ page: 1, total: 3, counts: { all: 3, left: 0, spent: 3 } });
		expect(data.filter.state).toBe('spent');
		expect(data.needs.rows).toHaveLength(3);
		// past the last page: no rows, and the pager offers the way back
		const beyond = await money(p.coordinator, '?page=7');
		expect(beyond.needs).toMatchObject({ page: 7, pages: 1, rows: [] });
		// a number that is not one is said so, and the list is not narrowed by it
		const wrong = await money(p.coordinator, '?number=abc');
		expect(wrong.filter.numberError).toBeTruthy();
		expect(wrong.needs.total).toBe(3);

		expect(await refusal(() => money(p.member))).toBe(403);
		expect(await refusal(() => money(p.worker))).toBe(403);
		expect(await refusal(() => money(null))).toBe('303 /login');
	});
});

/** The ledger export as one query, the way it was written before it streamed: the reference bytes. */
const ledgerAtOnce = (from: string, to: string) => sql<LedgerEntryRow[]>`
	select to_char(t.occurred_on, 'YYYY-MM-DD') as "occurredOn", t.id as "transactionId", t.kind,
		n.number as "needNumber", t.memo, a.code as account, e.amount
	from ledger_transactions t
	join ledger_entries e on e.transaction_id = t.id
	join ledger_accounts a on a.id = e.account_id
	left join needs n on n.id = t.need_id
	where t.occurred_on between ${from}::date and ${to}::date
	order by t.occurred_on, t.recorded_at, t.id, e.id`;

const header = ['Datum', 'Transakce', 'Druh', 'Potřeba', 'Poznámka', 'Účet', 'Částka'];

describe('CSV exports', () => {
	it('streams the same bytes as the whole file, also across slices and odd cells', async () => {
		const needId = await decidedNeed(sql, p, 40_000, 'collection');
		await gift(12_345, null, '2026-02-01');
		await gift(5_000, needId, '2026-02-01');
		await gift(700, null, '2026-02-03');
		const reference = ledgerCsv(await ledgerAtOnce('2026-01-01', '2026-12-31'), header);
		// slices of two entries: every transaction's pair straddles or ends a slice
		for (const size of [1, 2, 3, 1000]) {
			const streamed = await readAll(
				csvStream(header, ledgerEntrySlices(sql, '2026-01-01', '2026-12-31', size), ledgerCsvCells)
			);
			expect(streamed).toBe(reference);
		}
		expect(reference.split('\r\n')).toHaveLength(1 + 6 + 1);

		const odd: CsvCell[][] = [['=SUM(A1)', 'a;b', 'say "hi"', 'two\nlines', null, -5, '-12,50']];
		async function* slices() {
			yield odd.slice(0, 1);
			yield [];
			yield [[1, 'ř', '', '@x', '+1', 'ok', '0,00']];
		}
		const all = [...odd, [1, 'ř', '', '@x', '+1', 'ok', '0,00']];
		expect(await readAll(csvStream(header, slices(), (row) => row))).toBe(toCsv(header, all));
		// an empty export is the header alone, as before
		async function* none(): AsyncGenerator<CsvCell[][]> {}
		expect(await readAll(csvStream(header, none(), (row) => row))).toBe(toCsv(header, []));
	});

	it('sends the header before it reads the rows, and reads them one slice at a time', async () => {
		let pulled = 0;
		async function* slices() {
			for (let i = 0; i < 10; i++) {
				pulled++;
				yield [[i, 'x']] as CsvCell[][];
			}
		}
		const reader = csvStream(['a', 'b'], slices(), (row) => row).getReader();
		const first = await reader.read();
		expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value)).toBe('\uFEFFa;b\r\n');
		expect(pulled).toBe(0);
		await reader.read();
		expect(pulled).toBe(1);
		await reader.cancel();
		expect(pulled).toBe(1);
	});

	it('exports 20,000 ledger entries complete, in short slices, to coordinators only', async () => {
		await sql.begin(async (tx) => {
			await tx`
				with t as (
					insert into ledger_transactions (kind, occurred_on, memo)
					select 'donation', date '2026-01-01' + (i % 300), 'dar ' || i from generate_series(1, 10000) i
					returning id
				)
				insert into ledger_entries (transaction_id, account_id, amount)
				select t.id, a.id, case a.code when 'fund' then 100 else -100 end
				from t cross join ledger_accounts a where a.code in ('fund', 'income:offline')`;
		});
		const reference = ledgerCsv(await ledgerAtOnce('2026-01-01', '2026-12-31'), [
			'Datum',
			'Transakce',
			'Druh',
			'Číslo potřeby',
			'Poznámka',
			'Účet',
			'Částka'
		]);
		const route = () =>
			ledgerCsvRoute.GET(
				event(p.coordinator, '/coordinator/money/reports/ledger.csv?from=2026-01-01&to=2026-12-31') as never
			);
		const response = await route();
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-length')).toBeNull();
		const text = await readAll(response.body!);
		expect(text.startsWith('\uFEFFDatum;')).toBe(true);
		expect(text.split('\r\n')).toHaveLength(1 + 20_000 + 1);
		// the same rows in the same order as the file written at once (the header is the route's own)
		expect(text.slice(text.indexOf('\r\n'))).toBe(reference.slice(reference.indexOf('\r\n')));
		const [taken] = await sql`select details from audit_log where action = 'ledger.report_exported'`;
		expect(taken!.details).toMatchObject({ report: 'ledger', from: '2026-01-01', to: '2026-12-31' });

		expect(
			await refusal(() =>
				ledgerCsvRoute.GET(
					event(p.member, '/coordinator/money/reports/ledger.csv?from=2026-01-01&to=2026-12-31') as never
				)
			)
		).toBe(403);
	});
});

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

describe('the people list', () => {
	it('pages everyone, waiting ones first, each once, with counts per status under the other filters', async () => {
		for (const [name, status] of [
			['Adam Zelený', 'active'],
			['Běla Malá', 'pending_approval'],
			['Cyril Veselý', 'deactivated'],
			['Dana Nová', 'pending_approval'],
			['Emil Horák', 'active']
		] as const) {
			const email = `${name.split(' ')[0]!.toLowerCase()}@example.org`;
			await sql`insert into users (email, name, password_hash, status) values (${email}, ${name}, ${HASH}, ${status})`;
		}
		const everyone = await listPeople(sql, {}, page(1, 1000));
		const total = everyone.total;
		expect(everyone.rows.slice(0, 2).map((r) => r.name)).toEqual(['Běla Malá', 'Dana Nová']);
		const seen: string[] = [];
		for (let n = 1; n <= Math.ceil(total / 3); n++) {
			const one = await listPeople(sql, {}, page(n, 3));
			expect(one.rows.length).toBe(n < one.pages ? 3 : total - 3 * (n - 1));
			seen.push(...one.rows.map((r) => r.id));
		}
		expect(seen).toEqual(everyone.rows.map((r) => r.id));
		expect(new Set(seen).size).toBe(total);
		expect(everyone.counts).toMatchObject({ pending_approval: 2, deactivated: 1, all: total });

		const waiting = await listPeople(sql, { status: 'pending_approval' }, page(1, 1));
		expect(waiting).toMatchObject({ total: 2, pages: 2 });
		// the counts per status follow the search, not the status chosen
		const named = await listPeople(sql, { q: 'xyz', status: 'active' }, page(1, 10));
		expect(named.counts).toMatchObject({ all: 0 });
		const found = await listPeople(sql, { q: 'á', status: 'active' }, page(1, 10));
		expect(found.counts).toMatchObject({ pending_approval: 2, active: 1, all: 3 });
		expect(found.rows.map((r) => r.name)).toEqual(['Emil Horák']);
	});

	it('keeps the page of requests apart from the page of the list, and only for coordinators', async () => {
		for (let i = 0; i < 25; i++) {
			await sql`insert into users (email, name, password_hash, status)
				values (${`zadost${i}@example.org`}, ${`Žadatel ${String(i).padStart(2, '0')}`}, ${HASH}, 'pending_approval')`;
		}
		const data = await people(p.coordinator, '?pending=2&page=x');
		expect(data.pending).toMatchObject({ page: 2, total: 25, pages: 2 });
		expect(data.pending.rows).toHaveLength(5);
		expect(data.people.page).toBe(1);
		expect(await refusal(() => people(p.member))).toBe(403);
		expect(await refusal(() => people(null))).toBe('303 /login');
	});
});

describe('the bank lists', () => {
	async function payments(n: number, status: 'unassigned' | 'assigned' = 'unassigned') {
		const [statement] = await sql<{ id: string }[]>`
			insert into bank_statements (format, file_name, sha256, imported_by, lines, recorded, matched, duplicates, outgoing)
			values ('fio_csv', 'vypis.csv', ${'a'.repeat(63) + String(n % 10)}, ${p.coordinator.id}, ${n}, ${n}, 0, 0, 0)
			returning id`;
		for (let i = 0; i < n; i++) {
			await sql`insert into bank_payments (statement_id, bank_ref, booked_on, amount, counter_name, status)
				values (${statement!.id}, ${`ref-${status}-${i}`}, ${`2026-02-${String(1 + (i % 3)).padStart(2, '0')}`},
					${100 * (i + 1)}, ${`Plátce ${i}`}, ${status})`;
		}
	}

	it('pages each list on its own, oldest waiting first, each payment once, with how much waits', async () => {
		await payments(23);
		const whole = await listUnassignedPayments(sql, page(1, 100));
		expect(whole).toMatchObject({ total: 23, amount: 27_600 });
		const seen = [];
		for (let n = 1; n <= 8; n++) {
			const one = await listUnassignedPayments(sql, page(n, 3));
			expect(one.rows).toHaveLength(n < 8 ? 3 : 2);
			seen.push(...one.rows);
		}
		expect(seen.map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
		expect(new Set(seen.map((r) => r.id)).size).toBe(23);
		expect(seen.map((r) => r.bookedOn)).toEqual([...seen.map((r) => r.bookedOn)].sort());

		const received = await listReceivedPayments(sql, 'Plátce 5', page(1, 10));
		expect(received.total).toBe(1);
		expect(received.rows.map((r) => r.counterName)).toEqual(['Plátce 5']);
		// 1 and 10–19: a page of ten and one more
		const ones = await listReceivedPayments(sql, 'plátce 1', page(2, 10));
		expect(ones).toMatchObject({ total: 11, pages: 2 });
		expect(ones.rows).toHaveLength(1);
		expect((await listReceivedPayments(sql, 'plátce 2', page(1, 10))).total).toBe(4);
		expect((await listReceivedPayments(sql, null, page(5, 5))).rows).toHaveLength(3);
		expect((await listStatements(sql, page(1, 10))).total).toBe(1);

		const data = await bank(p.coordinator, '?unassigned=2&received=abc&pledges=0');
		expect(data.unassigned).toMatchObject({ page: 2, total: 23, size: 20 });
		expect(data.unassigned.rows.map((r) => r.id)).toEqual(whole.rows.slice(20).map((r) => r.id));
		expect(data.received.page).toBe(1);
		expect(data.pledges.page).toBe(1);
		expect(await refusal(() => bank(p.member))).toBe(403);
		expect(await refusal(() => bank(null))).toBe('303 /login');
	});
});

describe('the audit log list', () => {
	it('pages by the id of the last entry, each entry once, and counts what the filter matches', async () => {
		for (let i = 0; i < 12; i++) {
			await audit(sql, { actorId: p.member.id, action: i % 3 ? 'ledger.allocated' : 'user.profile_changed' });
			await audit(sql, { actorId: null, action: 'auth.sign_in', address: '203.0.113.1' });
		}
		const base = await sql<
			{ n: number }[]
		>`select count(*)::int as n from audit_log where action <> all(${['auth.sign_in', 'auth.sign_out']})`;
		const filter = { hideRoutine: true };
		const seen: number[] = [];
		let before: number | undefined;
		for (;;) {
			const rows = await listAudit(sql, { ...filter, before, limit: 5 });
			seen.push(...rows.map((r) => r.id));
			if (rows.length < 5) break;
			before = rows.at(-1)!.id;
		}
		expect(seen).toEqual([...seen].sort((a, b) => b - a));
		expect(new Set(seen).size).toBe(base[0]!.n);
		expect(await countAudit(sql, filter)).toEqual({ count: base[0]!.n, capped: false });
		expect(await countAudit(sql, { action: 'ledger.' })).toEqual({ count: 8, capped: false });
		expect(await countAudit(sql, { action: 'ledger.allocated' })).toEqual({ count: 8, capped: false });
		expect(await countAudit(sql, { action: 'ledger.allocatedX' })).toEqual({ count: 0, capped: false });
		expect(await countAudit(sql, { action: 'auth.' })).toEqual({ count: 12, capped: false });
		expect(await countAudit(sql, { person: p.member.name.toUpperCase(), action: 'user.' })).toEqual({
			count: 4,
			capped: false
		});
		expect(await countAudit(sql, {}, 10)).toEqual({ count: 10, capped: true });
		const ledger = await listAudit(sql, { action: 'ledger.', limit: 100 });
		expect(ledger).toHaveLength(8);
		expect(ledger.every((r) => r.action === 'ledger.allocated' && r.actorId === p.member.id)).toBe(true);
	});
});
