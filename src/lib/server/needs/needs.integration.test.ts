import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { listOrganisationNeeds, listTriage } from './lists';
import { completeNeed, createPeople, type People, contextFor, walkTo } from './test-factory';
import {
	createNeed,
	markDuplicate,
	markReady,
	postMessage,
	rejectNeed,
	requestClarification,
	saveNeed,
	startReview,
	submitNeed,
	withdrawNeed
} from './transitions';
import { viewNeed } from './view';

const firstPage = { page: 1, size: 50, offset: 0 };
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

async function draft(overrides = {}) {
	const created = await createNeed(contextFor(sql, p.worker), completeNeed(overrides));
	if (!created.ok) throw new Error(created.reason);
	return created.id;
}
async function submitted(overrides = {}) {
	const id = await draft(overrides);
	const result = await submitNeed(contextFor(sql, p.worker), id);
	if (!result.ok) throw new Error(result.reason);
	return id;
}
const status = async (id: string) =>
	(await sql<{ status: string }[]>`select status from needs where id = ${id}`)[0]!.status;
const events = (id: string) =>
	sql<
		{
			kind: string;
			fromStatus: string | null;
			toStatus: string | null;
			body: string | null;
			actorId: string;
		}[]
	>`
		select kind, from_status as "fromStatus", to_status as "toStatus", body, actor_id as "actorId"
		from need_events where need_id = ${id} order by id`;
const mails = () =>
	sql<{ to: string; subject: string; text: string }[]>`
		select to_address as "to", subject, text_body as text from outbox order by id`;

describe('drafts', () => {
	it('keeps a draft with its items and totals, seen by its organisation only', async () => {
		const id = await draft();
		const page = await viewNeed(contextFor(sql, p.colleague), id);
		expect(page?.view).toBe('organisation');
		expect(page?.need).toMatchObject({
			status: 'draft',
			total: 1_098_800,
			secured: 50_000,
			number: expect.any(Number)
		});
		expect(page?.need.items.map((i) => i.description)).toEqual(['Patrová postel', 'Matrace 90 × 200 cm']);
		for (const outsider of [p.otherWorker, p.coordinator, p.member, p.donor]) {
			expect(await viewNeed(contextFor(sql, outsider), id), outsider.name).toBeNull();
		}
	});

	it('saves an incomplete draft and shows what the guard finds without blocking the save', async () => {
		const id = await draft({ situation: 'Rozpracováno', items: [] });
		const saved = await saveNeed(
			contextFor(sql, p.worker),
			id,
			completeNeed({ situation: 'Volat paní Novákové na 777 123 456.' })
		);
		expect(saved.ok).toBe(true);
		if (!saved.ok) return;
		expect(saved.findings.map((f) => [f.kind, f.fragment])).toEqual(
			expect.arrayContaining([
				['name', expect.stringContaining('Novákov')],
				['phone', '777 123 456']
			])
		);
		expect((await viewNeed(contextFor(sql, p.worker), id))?.need.situation).toContain('777 123 456');
	});

	it('keeps a withdrawn draft from the club: no e-mail, no triage, not a duplicate original', async () => {
		const id = await draft({ title: 'Postel pro Tomáše' });
		expect(await withdrawNeed(contextFor(sql, p.worker), id, 'Založeno omylem.')).toEqual({ ok: true });
		expect(await viewNeed(contextFor(sql, p.coordinator), id)).toBeNull();
		expect(await mails()).toEqual([]);
		expect(
			(await listTriage(contextFor(sql, p.coordinator), { state: 'withdrawn' }, firstPage)).rows
		).toEqual([]);
		const [row] = await sql<{ number: number }[]>`select number from needs where id = ${id}`;
		const number = row!.number;
		const copy = await submitted();
		expect(await markDuplicate(contextFor(sql, p.coordinator), copy, number, '')).toMatchObject({
			reason: 'duplicate_target'
		});
	});

	it('refuses to create a need for someone who is not a social worker of an organisation', async () => {
		expect(await createNeed(contextFor(sql, p.coordinator), completeNeed())).toMatchObject({
			ok: false,
			reason: 'forbidden'
		});
		const loner = { ...p.worker, organisationId: null };
		expect(await createNeed(contextFor(sql, loner), completeNeed())).toMatchObject({
			ok: false,
			reason: 'no_organisation'
		});
		expect(await sql`select 1 from needs`).toHaveLength(0);
	});
});

describe('submission', () => {
	it('refuses an incomplete need and says what is missing', async () => {
		const id = await draft({ situation: 'Krátce.', items: [], adults: 0, children: [] });
		const result = await submitNeed(contextFor(sql, p.worker), id);
		expect(result).toMatchObject({ ok: false, reason: 'incomplete' });
		expect(!result.ok && result.problems).toEqual(
			expect.arrayContaining(['situation_short', 'no_items', 'no_household'])
		);
		expect(await status(id)).toBe('draft');
	});

	it('refuses other funding above the total and a needed-by date in the past', async () => {
		const id = await draft({
			funding: [{ source: 'Úřad práce', amount: 5_000_000 }],
			neededBy: '2020-01-01'
		});
		const result = await submitNeed(contextFor(sql, p.worker), id);
		expect(!result.ok && result.problems).toEqual(['funding_exceeds_total', 'needed_by_past']);
	});

	it('warns softly where details single the family out together, and still lets it be submitted', async () => {
		const situation =
			completeNeed().situation +
			' Šestiletá dvojčata, otec je místní policista, rodina žije v okrese Jeseník.';
		const id = await draft({ situation });
		const page = await viewNeed(contextFor(sql, p.worker), id);
		const quasi = page && 'quasi' in page ? page.quasi : [];
		expect(new Set(quasi.map((q) => q.kind))).toEqual(
			new Set(['exact_age', 'family_shape', 'occupation', 'small_place'])
		);
		expect(quasi.every((q) => q.field === 'situation')).toBe(true);
		expect(page && 'findings' in page ? page.findings : null).toEqual([]);
		expect(await submitNeed(contextFor(sql, p.worker), id)).toEqual({ ok: true });
		// one detail alone is no warning
		const plain = await draft({ situation: completeNeed().situation + ' Syn (8 let) chodí do druhé třídy.' });
		const plainPage = await viewNeed(contextFor(sql, p.worker), plain);
		expect(plainPage && 'quasi' in plainPage ? plainPage.quasi : null).toEqual([]);
	});

	it('blocks personal data until fixed or confirmed, and audits the confirmation without the fragment', async () => {
		const id = await draft({ impact: 'Syn Tomáš bude mít konečně vlastní postel a klid na učení.' });
		const blocked = await submitNeed(contextFor(sql, p.worker), id);
		expect(blocked).toMatchObject({ ok: false, reason: 'personal_data' });
		const finding = !blocked.ok ? blocked.findings!.find((f) => f.field === 'impact') : undefined;
		expect(finding).toMatchObject({ kind: 'name', fragment: 'Tomáš', confirmed: false });
		expect(await status(id)).toBe('draft');

		const content = completeNeed({ impact: 'Syn Tomáš bude mít konečně vlastní postel a klid na učení.' });
		await saveNeed(contextFor(sql, p.worker), id, content, [
			{ field: 'impact', kind: 'name', fragment: 'Tomáš' }
		]);
		expect(await submitNeed(contextFor(sql, p.worker), id)).toEqual({ ok: true });
		expect(await status(id)).toBe('submitted');

		const audit = await sql<{ details: Record<string, unknown>; actorId: string }[]>`
			select details, actor_id as "actorId" from audit_log where action = 'need.personal_data_confirmed'`;
		expect(audit).toEqual([{ actorId: p.worker.id, details: { field: 'impact', kind: 'name' } }]);
		expect(JSON.stringify(audit)).not.toContain('Tomáš');
		expect((await events(id)).map((e) => e.kind)).toEqual([
			'created',
			'personal_data_confirmed',
			'submitted'
		]);
	});

	it('takes a confirmation for a fragment in an item row', async () => {
		const items = [
			{ description: 'Postel od pana Kříže z bazaru', quantity: 1, unitPrice: 300_000, link: null }
		];
		const id = await draft({ items });
		const page = await viewNeed(contextFor(sql, p.worker), id);
		const finding =
			page?.view === 'organisation'
				? page.findings.find((f) => f.field === 'items.0.description')
				: undefined;
		expect(finding).toBeDefined();
		const confirmation = { field: finding!.field, kind: finding!.kind, fragment: finding!.fragment };
		expect(
			await saveNeed(contextFor(sql, p.worker), id, completeNeed({ items }), [confirmation])
		).toMatchObject({
			ok: true
		});
		expect(await submitNeed(contextFor(sql, p.worker), id)).toEqual({ ok: true });
	});

	it('writes nothing, confirmations included, when a change to a submitted need is refused', async () => {
		const id = await submitted();
		const situation = completeNeed().situation + ' Matka Oksana bydlí v ulici Husova 12.';
		const result = await saveNeed(contextFor(sql, p.worker), id, completeNeed({ situation }), [
			{ field: 'situation', kind: 'name', fragment: 'Oksana' }
		]);
		expect(result).toMatchObject({ ok: false, reason: 'personal_data' });
		expect(await sql`select 1 from need_pii_confirmations`).toHaveLength(0);
		expect(await sql`select 1 from audit_log where action = 'need.personal_data_confirmed'`).toHaveLength(0);
		expect((await events(id)).map((e) => e.kind)).toEqual(['created', 'submitted']);
	});

	it('ignores a confirmation for a fragment the guard did not find', async () => {
		const id = await draft();
		await saveNeed(contextFor(sql, p.worker), id, completeNeed(), [
			{ field: 'title', kind: 'name', fragment: 'Postel' }
		]);
		expect(await sql`select 1 from need_pii_confirmations`).toHaveLength(0);
	});

	it('sends the need to the club: the coordinator sees it and gets an e-mail without the text', async () => {
		const id = await submitted();
		expect((await viewNeed(contextFor(sql, p.coordinator), id))?.view).toBe('coordinator');
		expect(await viewNeed(contextFor(sql, p.member), id)).toBeNull();
		const sent = await mails();
		expect(sent.map((m) => m.to)).toEqual(['koordinator@test.cz']);
		expect(sent[0]!.subject).toContain('nová potřeba k posouzení');
		expect(sent[0]!.text).toContain('https://spolu.example/needs/' + id);
		expect(sent[0]!.text).not.toContain('azylového');
		expect(await submitNeed(contextFor(sql, p.worker), id)).toMatchObject({
			ok: false,
			reason: 'wrong_state'
		});
	});
});

describe('editing after submission', () => {
	it('lets the organisation edit a submitted need, recorded on the timeline', async () => {
		const id = await submitted();
		const result = await saveNeed(
			contextFor(sql, p.colleague),
			id,
			completeNeed({ title: 'Patrová postel pro dvě děti' })
		);
		expect(result.ok).toBe(true);
		expect((await viewNeed(contextFor(sql, p.coordinator), id))?.need.title).toBe(
			'Patrová postel pro dvě děti'
		);
		expect((await events(id)).at(-1)).toMatchObject({ kind: 'edited', actorId: p.colleague.id });
	});

	it('refuses a change that would make a submitted need incomplete, and writes nothing', async () => {
		const id = await submitted();
		const result = await saveNeed(
			contextFor(sql, p.worker),
			id,
			completeNeed({ title: 'Jiný název', items: [] })
		);
		expect(result).toMatchObject({ ok: false, reason: 'incomplete' });
		expect((await viewNeed(contextFor(sql, p.worker), id))?.need.title).toBe('Postel a matrace pro dvě děti');
		expect((await events(id)).map((e) => e.kind)).not.toContain('edited');
	});

	it('refuses unconfirmed personal data in a change to a submitted need', async () => {
		const id = await submitted();
		const result = await saveNeed(
			contextFor(sql, p.worker),
			id,
			completeNeed({ situation: completeNeed().situation + ' Bydlí v ulici Husova 12.' })
		);
		expect(result).toMatchObject({ ok: false, reason: 'personal_data' });
		expect((await viewNeed(contextFor(sql, p.worker), id))?.need.situation).not.toContain('Husova');
	});

	it('refuses edits by another organisation and once the coordinator reviews it', async () => {
		const id = await submitted();
		expect(await saveNeed(contextFor(sql, p.otherWorker), id, completeNeed())).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await saveNeed(contextFor(sql, p.coordinator), id, completeNeed())).toMatchObject({
			ok: false,
			reason: 'forbidden'
		});
		await startReview(contextFor(sql, p.coordinator), id);
		expect(await saveNeed(contextFor(sql, p.worker), id, completeNeed())).toMatchObject({
			ok: false,
			reason: 'wrong_state'
		});
	});
});

describe('triage', () => {
	it('asks for clarification, takes the answer, and returns the need to the coordinator', async () => {
		const id = await submitted();
		await startReview(contextFor(sql, p.coordinator), id);
		expect(await requestClarification(contextFor(sql, p.coordinator), id, 'Je kauce vratná?')).toEqual({
			ok: true
		});
		expect(await status(id)).toBe('info_requested');
		expect((await mails()).at(-1)!.to).toBe('pracovnice@test.cz');
		expect(
			(await viewNeed(contextFor(sql, p.worker), id))?.view === 'organisation' &&
				(await viewNeed(contextFor(sql, p.worker), id))
		).toMatchObject({
			can: { edit: true, message: true }
		});

		expect(
			await postMessage(contextFor(sql, p.worker), id, 'Ano, kauce je vratná při skončení nájmu.')
		).toMatchObject({
			ok: true
		});
		expect(await status(id)).toBe('submitted');
		expect((await mails()).at(-1)!.to).toBe('koordinator@test.cz');
		expect((await events(id)).slice(-3).map((e) => [e.kind, e.fromStatus, e.toStatus, e.body])).toEqual([
			['review_started', 'submitted', 'in_review', null],
			['info_requested', 'in_review', 'info_requested', 'Je kauce vratná?'],
			['answered', 'info_requested', 'submitted', 'Ano, kauce je vratná při skončení nájmu.']
		]);
	});

	it('holds back a message with personal data until the writer confirms it', async () => {
		const id = await submitted();
		const refused = await postMessage(contextFor(sql, p.worker), id, 'Klientka má telefon 777 123 456.');
		expect(refused).toMatchObject({ ok: false, reason: 'personal_data' });
		expect((await events(id)).map((e) => e.kind)).not.toContain('message');
		expect(
			await postMessage(contextFor(sql, p.worker), id, 'Klientka má telefon 777 123 456.', true)
		).toMatchObject({
			ok: true
		});
		expect(await sql`select 1 from audit_log where action = 'need.personal_data_confirmed'`).toHaveLength(1);
	});

	it('marks a need ready for a vote, after which members still cannot read it', async () => {
		const id = await submitted();
		expect(await markReady(contextFor(sql, p.coordinator), id)).toEqual({ ok: true });
		expect(await status(id)).toBe('ready');
		expect(await viewNeed(contextFor(sql, p.member), id)).toBeNull();
		expect(await markReady(contextFor(sql, p.coordinator), id)).toMatchObject({
			ok: false,
			reason: 'wrong_state'
		});
	});

	it('rejects with a reason the organisation reads and is told about', async () => {
		const id = await submitted();
		expect(await rejectNeed(contextFor(sql, p.coordinator), id, 'Dluhy na nájmu klub nehradí.')).toEqual({
			ok: true
		});
		expect(await status(id)).toBe('rejected');
		expect((await events(id)).at(-1)).toMatchObject({
			kind: 'rejected',
			body: 'Dluhy na nájmu klub nehradí.'
		});
		expect((await mails()).at(-1)).toMatchObject({ to: 'pracovnice@test.cz' });
		expect((await mails()).at(-1)!.text).not.toContain('Dluhy');
		expect(await withdrawNeed(contextFor(sql, p.worker), id, '')).toMatchObject({
			ok: false,
			reason: 'wrong_state'
		});
	});

	it('marks a duplicate of another need by its number, and refuses itself, drafts and unknown numbers', async () => {
		const original = await submitted();
		const copy = await submitted();
		const draftId = await draft();
		const number = async (id: string) =>
			(await sql<{ number: number }[]>`select number from needs where id = ${id}`)[0]!.number;
		for (const bad of [await number(copy), await number(draftId), 999_999]) {
			expect(await markDuplicate(contextFor(sql, p.coordinator), copy, bad, '')).toMatchObject({
				ok: false,
				reason: 'duplicate_target'
			});
		}
		expect(
			await markDuplicate(contextFor(sql, p.coordinator), copy, await number(original), 'Odesláno dvakrát.')
		).toEqual({ ok: true });
		const page = await viewNeed(contextFor(sql, p.worker), copy);
		expect(page?.need).toMatchObject({ status: 'rejected' });
		expect(page?.view !== 'member' && page?.need.duplicateOf).toEqual({
			id: original,
			number: await number(original)
		});
	});

	it('lets only the coordinator triage', async () => {
		const id = await submitted();
		expect(await markReady(contextFor(sql, p.worker), id)).toMatchObject({ ok: false, reason: 'forbidden' });
		expect(await markReady(contextFor(sql, p.member), id)).toMatchObject({ ok: false, reason: 'not_found' });
		expect(await markReady(contextFor(sql, p.otherWorker), id)).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await rejectNeed(contextFor(sql, p.donor), id, 'x')).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await markReady(contextFor(sql, p.coordinator), 'not-a-uuid')).toMatchObject({
			ok: false,
			reason: 'not_found'
		});
		expect(await status(id)).toBe('submitted');
	});

	it('ends two coordinators deciding at once with one outcome', async () => {
		const id = await submitted();
		const other = db.connect({ max: 2 });
		const results = await Promise.all([
			markReady(contextFor(sql, p.coordinator), id),
			requestClarification(contextFor(other, p.coordinator), id, 'Kolik stojí doprava?')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'wrong_state' }]);
		const decisions = (await events(id)).filter((e) => e.kind === 'ready' || e.kind === 'info_requested');
		expect(decisions).toHaveLength(1);
		if (other !== sql) await other.end();
	});

	it('refuses a withdrawal reason with personal data: the coordinator reads it', async () => {
		const id = await submitted();
		expect(
			await withdrawNeed(contextFor(sql, p.worker), id, 'Paní Nováková si to rozmyslela.')
		).toMatchObject({
			ok: false,
			reason: 'personal_data'
		});
		expect(await status(id)).toBe('submitted');
	});

	it('lets the organisation withdraw an open need with its reason', async () => {
		const id = await submitted();
		await markReady(contextFor(sql, p.coordinator), id);
		expect(await withdrawNeed(contextFor(sql, p.colleague), id, 'Rodina pomoc zajistila jinak.')).toEqual({
			ok: true
		});
		expect((await events(id)).at(-1)).toMatchObject({
			kind: 'withdrawn',
			fromStatus: 'ready',
			body: 'Rodina pomoc zajistila jinak.'
		});
		expect(await withdrawNeed(contextFor(sql, p.coordinator), id, '')).toMatchObject({ ok: false });
	});

	it('keeps the timeline append-only', async () => {
		const id = await submitted();
		await expect(sql`update need_events set body = 'x' where need_id = ${id}`).rejects.toThrow(/append-only/);
		await expect(sql`delete from need_events where need_id = ${id}`).rejects.toThrow(/append-only/);
	});
});

describe('what members read', () => {
	it('shows members only the anonymised fields, from the vote on', async () => {
		const id = await submitted();
		await walkTo(sql, id, 'in_vote');
		const page = await viewNeed(contextFor(sql, p.member), id);
		expect(page?.view).toBe('member');
		expect(Object.keys(page!.need).sort()).toEqual(
			[
				'adults',
				'category',
				'children',
				'district',
				'funding',
				'id',
				'impact',
				'items',
				'neededBy',
				'number',
				'region',
				'secured',
				'situation',
				'status',
				'title',
				'total',
				'urgency'
			].sort()
		);
		expect(page).not.toHaveProperty('events');
		expect(page).not.toHaveProperty('attachments');
	});
});

describe('lists', () => {
	it("shows a social worker their organisation's needs only", async () => {
		await draft();
		await submitted();
		const theirs = await createNeed(
			contextFor(sql, p.otherWorker),
			completeNeed({ region: 'CZ064', district: null })
		);
		expect(theirs.ok).toBe(true);
		expect(await listOrganisationNeeds(contextFor(sql, p.colleague))).toHaveLength(2);
		expect(await listOrganisationNeeds(contextFor(sql, p.otherWorker))).toHaveLength(1);
		expect(await listOrganisationNeeds(contextFor(sql, p.coordinator))).toHaveLength(0);
	});

	it('orders the triage queue urgent first, then oldest, and filters it', async () => {
		const normalOld = await submitted({ title: 'Stará běžná' });
		const urgentNew = await submitted({ title: 'Nová naléhavá', urgency: 'urgent', category: 'housing' });
		const normalNew = await submitted({ title: 'Nová běžná', region: 'CZ064', district: null });
		await draft({ title: 'Rozpracovaná' });
		await sql`update needs set submitted_at = now() - interval '3 days' where id = ${normalOld}`;
		const queue = (await listTriage(contextFor(sql, p.coordinator), { state: 'open' }, firstPage)).rows;
		expect(queue.map((n) => n.id)).toEqual([urgentNew, normalOld, normalNew]);
		expect(queue[0]).toMatchObject({ requested: 1_048_800, organisationName: 'Intervenční centrum Test' });
		expect(
			(
				await listTriage(contextFor(sql, p.coordinator), { state: 'open', category: 'housing' }, firstPage)
			).rows.map((n) => n.id)
		).toEqual([urgentNew]);
		expect(
			(
				await listTriage(contextFor(sql, p.coordinator), { state: 'open', region: 'CZ064' }, firstPage)
			).rows.map((n) => n.id)
		).toEqual([normalNew]);
		expect(
			(
				await listTriage(contextFor(sql, p.coordinator), { state: 'open', urgency: 'normal' }, firstPage)
			).rows.map((n) => n.id)
		).toEqual([normalOld, normalNew]);
		expect(
			(await listTriage(contextFor(sql, p.coordinator), { state: 'rejected' }, firstPage)).rows
		).toHaveLength(0);
		expect((await listTriage(contextFor(sql, p.member), { state: 'open' }, firstPage)).rows).toHaveLength(0);
	});
});
