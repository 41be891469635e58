import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as csvRoute from '../../routes/(app)/coordinator/audit/audit.csv/+server';
import * as page from '../../routes/(app)/coordinator/audit/+page.server';
import type { Person } from './core/actor';
import { visitor } from './core/actor';
import { audit, type AuditEntry } from './audit';
import { createTestDatabase, type TestDatabase } from './db/test-db';
import { completeNeed, contextFor, createPeople, type People } from './needs/test-factory';
import { createNeed } from './needs/transitions';

/*
 * The audit log as the coordinator reads it: need numbers, Kč, the system named, sign-ins hidden unless
 * asked for, and the CSV of the same selection, which only the coordinator may take.
 */

let db: TestDatabase;
let p: People;
let need: { id: string; number: number };

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	const sql = db.sql;
	p = await createPeople(sql);
	const created = await createNeed(contextFor(sql, p.worker), completeNeed());
	if (!created.ok) throw new Error('need');
	need = created;
	// as audit() writes it, on a given day at 10:00 UTC (11:00 in Prague)
	const on = (day: string, e: AuditEntry) => sql`
		insert into audit_log (at, actor_id, action, target_type, target_id, address, details)
		values (${new Date(`${day}T10:00:00Z`)}, ${e.actorId}, ${e.action}, ${e.targetType ?? null},
			${e.targetId ?? null}, ${e.address ?? null}, ${sql.json(e.details ?? {})})`;
	// the history, oldest first
	await on('2026-11-02', { actorId: p.coordinator.id, action: 'auth.sign_in', address: '203.0.113.9' });
	await on('2026-11-03', {
		actorId: p.coordinator.id,
		action: 'ledger.allocated',
		targetType: 'need',
		targetId: need.id,
		address: '203.0.113.9',
		details: { amount: 450_000 }
	});
	await on('2026-11-04', {
		actorId: p.coordinator.id,
		action: 'need.fast_tracked',
		targetType: 'need',
		targetId: need.id,
		address: '203.0.113.9',
		details: { requested: 250_050, limit: 300_000 }
	});
	// the retention job: no account, no address
	await on('2026-11-05', {
		actorId: null,
		action: 'delivery.protected_deleted',
		targetType: 'need',
		targetId: need.id
	});
	// someone not signed in mistyping a password
	await on('2026-11-06', {
		actorId: null,
		action: 'auth.sign_in_failed',
		address: '198.51.100.4',
		details: { known: false }
	});
	await on('2026-11-07', { actorId: p.member.id, action: 'auth.sign_out', address: '203.0.113.10' });
	await on('2026-11-08', {
		actorId: p.member.id,
		action: 'user.profile_changed',
		targetType: 'user',
		targetId: p.member.id,
		address: '203.0.113.10',
		details: { field: 'name' }
	});
});
afterAll(async () => {
	await db.close();
});

type PageEvent = Parameters<typeof page.load>[0];
type CsvEvent = Parameters<typeof csvRoute.GET>[0];

function event(person: Person | null, path: string) {
	const user = person && {
		id: person.id,
		email: person.name,
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
		locals: { user, session: null, twoFactor: null, context: contextFor(db.sql, visitor) },
		getClientAddress: () => '203.0.113.9'
	};
}

const load = async (person: Person | null, query = '') =>
	(await page.load(event(person, `/coordinator/audit${query}`) as unknown as PageEvent)) as Exclude<
		Awaited<ReturnType<typeof page.load>>,
		void
	>;

const download = (person: Person | null, query = '') =>
	csvRoute.GET(event(person, `/coordinator/audit/audit.csv${query}`) as unknown as CsvEvent);

/** The status a guard stops a request with: an HTTP error, or a redirect. */
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

/** A detail as the page shows it, with the no-break spaces of Czech amounts as plain ones. */
const shown = (d: { label: string; value: string }) => plain(`${d.label}: ${d.value}`);
const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('the audit log page', () => {
	it('names needs by number with a link, amounts in Kč, the system and visitors for what they are', async () => {
		const data = await load(p.coordinator);
		const byAction = new Map(data.entries.map((e) => [e.action, e]));

		const allocated = byAction.get('ledger.allocated')!;
		expect(allocated.actor).toBe('koordinator');
		expect(allocated.target).toEqual({ label: `Potřeba č. ${need.number}`, href: `/needs/${need.id}` });
		expect(allocated.details.map(shown)).toEqual(['částka: 4 500 Kč']);
		// nothing on the page shows the need's id or the haléře
		expect(JSON.stringify(data.entries.map(({ target, details }) => [target?.label, details]))).not.toContain(
			need.id
		);
		expect(JSON.stringify(allocated.details)).not.toContain('450000');

		const fastTracked = byAction.get('need.fast_tracked')!;
		expect(fastTracked.details.map(shown)).toEqual([
			// (the database keeps details as jsonb, which orders their keys its own way)
			'limit: 3 000 Kč',
			'požadováno: 2 500,50 Kč'
		]);

		expect(byAction.get('delivery.protected_deleted')!.actor).toBe(
			'Systém (úloha: mazání chráněných údajů po lhůtě)'
		);
		expect(byAction.get('auth.sign_in_failed')!.actor).toBe('nepřihlášený návštěvník');
		expect(byAction.get('auth.sign_in_failed')!.details).toEqual([
			{ key: 'known', label: 'known', value: 'ne' }
		]);
		expect(byAction.get('user.profile_changed')!.target).toEqual({ label: 'účet: clen@test.cz', href: null });
	});

	it('hides sign-ins and sign-outs unless asked for', async () => {
		const hidden = await load(p.coordinator);
		expect(hidden.routineHidden).toBe(true);
		expect(hidden.entries.map((e) => e.action)).not.toContain('auth.sign_in');
		expect(hidden.entries.map((e) => e.action)).not.toContain('auth.sign_out');
		// a failed sign-in is not routine: it stays
		expect(hidden.entries.map((e) => e.action)).toContain('auth.sign_in_failed');

		const shown = await load(p.coordinator, '?routine=1');
		expect(shown.entries.map((e) => e.action)).toEqual(
			expect.arrayContaining(['auth.sign_in', 'auth.sign_out', 'auth.sign_in_failed'])
		);
		// asking for sign-ins by name shows them without the box
		const signIns = await load(p.coordinator, '?action=auth.sign_in');
		expect(signIns.entries.map((e) => e.action)).toContain('auth.sign_in');
	});

	it('filters by group of actions, by person (part of a name or an e-mail) and by Prague days', async () => {
		const money = await load(p.coordinator, '?action=ledger.');
		expect(money.entries.map((e) => e.action)).toEqual(['ledger.allocated']);

		const member = await load(p.coordinator, '?person=CLEN&routine=1');
		expect(member.entries.map((e) => e.action)).toEqual(['user.profile_changed', 'auth.sign_out']);

		const days = await load(p.coordinator, '?from=2026-11-04&to=2026-11-05');
		expect(days.entries.map((e) => e.action)).toEqual(['delivery.protected_deleted', 'need.fast_tracked']);

		const wrong = await load(p.coordinator, '?from=4.11.2026');
		expect(wrong.errors.from).toBe('Zadejte prosím datum ve tvaru RRRR-MM-DD.');
		expect(wrong.entries).toEqual([]);
	});

	it('pages through older entries', async () => {
		const sql = db.sql;
		for (let i = 0; i < 55; i++) {
			await audit(sql, {
				actorId: p.coordinator.id,
				action: 'club.settings_changed',
				targetType: 'club',
				details: { changed: ['quorum'] }
			});
		}
		const first = await load(p.coordinator, '?action=club.');
		expect(first.entries).toHaveLength(50);
		expect(first.older).toMatch(/^\/coordinator\/audit\?action=club\.&before=\d+$/);
		const second = await load(p.coordinator, first.older!.slice('/coordinator/audit'.length));
		expect(second.entries).toHaveLength(5);
		expect(second.older).toBeNull();
		expect(second.newest).toBe('/coordinator/audit?action=club.');
	});

	it('is the coordinator’s only', async () => {
		expect(await refusal(() => load(p.member))).toBe(403);
		expect(await refusal(() => load(p.worker))).toBe(403);
		expect(await refusal(() => load(p.donor))).toBe(403);
		expect(await refusal(() => load(null))).toBe('303 /login');
	});
});

describe('the CSV of the audit log', () => {
	const lines = async (response: Response) => {
		const bytes = new Uint8Array(await response.arrayBuffer());
		// the byte order mark that makes spreadsheets read UTF-8
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		return plain(new TextDecoder().decode(bytes)).split('\r\n').filter(Boolean);
	};

	it('holds what the page shows for the same filter, readable, and its download is itself recorded', async () => {
		const response = await download(p.coordinator, '?from=2026-11-03&to=2026-11-05');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(response.headers.get('content-disposition')).toMatch(/attachment/);
		const [header, ...rows] = await lines(response);
		expect(header).toBe(
			'Čas;Kdo;E-mail;Událost;Kód události;Čeho se týká;Identifikátor;IP adresa;Podrobnosti'
		);
		expect(rows).toEqual([
			`2026-11-05 11:00:00;Systém (úloha: mazání chráněných údajů po lhůtě);;Smazání kontaktních údajů klienta;delivery.protected_deleted;Potřeba č. ${need.number};${need.id};;`,
			`2026-11-04 11:00:00;koordinator;koordinator@test.cz;Schválení bez hlasování;need.fast_tracked;Potřeba č. ${need.number};${need.id};203.0.113.9;"limit: 3 000 Kč; požadováno: 2 500,50 Kč"`,
			`2026-11-03 11:00:00;koordinator;koordinator@test.cz;Přidělení z fondu klubu;ledger.allocated;Potřeba č. ${need.number};${need.id};203.0.113.9;částka: 4 500 Kč`
		]);

		const [recorded] = await db.sql<{ actorId: string; details: Record<string, unknown> }[]>`
			select actor_id as "actorId", details from audit_log where action = 'audit.exported' order by id desc limit 1`;
		expect(recorded).toEqual({
			actorId: p.coordinator.id,
			details: { action: null, person: null, from: '2026-11-03', to: '2026-11-05', routine: false }
		});
	});

	it('streams every matching entry however many there are, sign-ins only when asked for', async () => {
		const sql = db.sql;
		for (let i = 0; i < 1_100; i++) {
			await audit(sql, { actorId: p.member.id, action: 'auth.sign_in', address: '203.0.113.10' });
		}
		const withoutSignIns = await lines(await download(p.coordinator, '?person=clen'));
		expect(withoutSignIns.slice(1).every((line) => !line.includes(';auth.sign_in;'))).toBe(true);

		const signIns = await lines(await download(p.coordinator, '?person=clen&action=auth.sign_in'));
		// header + 1 100 sign-ins: three batches of 500, none lost or repeated at their seams
		expect(signIns).toHaveLength(1 + 1_100);
	});

	it('is refused to everyone but the coordinator, and a wrong date goes back to the page', async () => {
		expect(await refusal(() => download(p.member))).toBe(403);
		expect(await refusal(() => download(p.worker))).toBe(403);
		expect(await refusal(() => download(p.donor))).toBe(403);
		expect(await refusal(() => download(null))).toBe('303 /login');
		expect(await refusal(() => download(p.coordinator, '?to=zitra'))).toBe('303 /coordinator/audit');
		// the refused do not leave an export in the log
		const [row] = await db.sql<{ count: number }[]>`
			select count(*)::int as count from audit_log where action = 'audit.exported' and actor_id <> ${p.coordinator.id}`;
		expect(row!.count).toBe(0);
	});
});
