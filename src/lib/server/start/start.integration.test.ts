import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../core/actor';
import type { Db } from '../db/client';
import { insertUser } from '../auth/users';
import { deliveredNeed, fundedNeed, pragueToday } from '../delivery/test-factory';
import { confirmReceipt } from '../delivery/steps';
import type { AttachmentStore } from '../files/uploads';
import { decidedNeed, fillFund, moneyTestDatabase, votingNeed } from '../ledger/test-factory';
import { completeNeed, contextFor, type People } from '../needs/test-factory';
import { createNeed, requestClarification, submitNeed } from '../needs/transitions';
import { assignPayment, importStatement } from '../payments/bank/import';
import { createPledge } from '../payments/bank/pledges';
import { publishStory, recordConsent, saveStory, submitStory, type StoryInput } from '../stories/stories';
import { castVote } from '../voting/polls';
import { START_LIST_LIMIT, startPage } from './start';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;
beforeEach(() => {
	({ sql, p, store } = t);
});

const start = (who: Person) => startPage(contextFor(sql, who));

function ok<T extends { ok: boolean }>(step: string, result: T): T & { ok: true } {
	if (!result.ok) throw new Error(`${step}: ${JSON.stringify(result)}`);
	return result as T & { ok: true };
}

/** A need of p.worker's organisation, sent to the club unless `draft`. */
async function need(overrides: Parameters<typeof completeNeed>[0] = {}, draft = false): Promise<string> {
	const created = ok('create', await createNeed(contextFor(sql, p.worker), completeNeed(overrides)));
	if (!draft) ok('submit', await submitNeed(contextFor(sql, p.worker), created.id));
	return created.id;
}

const feedback = {
	thanks: 'Moc děkujeme, děti mají konečně kde spát.',
	change: 'Děti spí v klidu a ráno vstávají odpočaté.',
	confirmFindings: false
};

describe('the social worker’s start page', () => {
	it('lists what waits for the organisation, the answer first, and counts its needs by state', async () => {
		const draft = await need({ title: 'Rozpracovaná skříň' }, true);
		const asked = await need({ title: 'Pračka pro rodinu' });
		ok(
			'ask',
			await requestClarification(contextFor(sql, p.coordinator), asked, 'Jakou kapacitu pračky potřebujete?')
		);
		await need({ title: 'Odeslaná lednice' });
		const approved = await decidedNeed(sql, p, 30_000);
		const withData = await fundedNeed(sql, p, store);
		const delivered = await deliveredNeed(sql, p, store);

		const page = await start(p.worker);
		expect(page.coordinator).toBeNull();
		expect(page.member).toBeNull();
		expect(page.donor).toBeNull();
		const worker = page.worker!;
		expect(worker.waiting.items.map((i) => [i.needId, i.task])).toEqual([
			[asked, 'answer'],
			[delivered, 'confirm_receipt'],
			[approved, 'delivery_data'],
			[draft, 'finish_draft']
		]);
		expect(worker.waiting.count).toBe(4);
		// funded with the client's data entered: the contact person acts next, not the organisation
		expect(worker.waiting.items.map((i) => i.needId)).not.toContain(withData);
		expect(worker.byState).toEqual([
			{ status: 'draft', count: 1 },
			{ status: 'submitted', count: 1 },
			{ status: 'info_requested', count: 1 },
			{ status: 'approved', count: 1 },
			{ status: 'funded', count: 1 },
			{ status: 'delivered', count: 1 }
		]);
		expect(worker.total).toBe(6);

		// a colleague of the same organisation sees the same work; another organisation none of it
		expect((await start(p.colleague)).worker!.waiting.count).toBe(4);
		expect((await start(p.otherWorker)).worker).toEqual({
			waiting: { items: [], count: 0 },
			byState: [],
			total: 0
		});

		// once the receipt is confirmed, the delivered need waits for nobody
		ok('confirm', await confirmReceipt(contextFor(sql, p.worker), delivered, feedback));
		const after = (await start(p.worker)).worker!;
		expect(after.waiting.items.map((i) => i.needId)).not.toContain(delivered);
		expect(after.waiting.count).toBe(3);
	});

	it('shows at most ten items and says how many there are', async () => {
		for (let i = 0; i < START_LIST_LIMIT + 2; i++) await need({ title: `Koncept ${i + 1}` }, true);
		const worker = (await start(p.worker)).worker!;
		expect(worker.waiting.items).toHaveLength(START_LIST_LIMIT);
		expect(worker.waiting.count).toBe(START_LIST_LIMIT + 2);
		expect(worker.byState).toEqual([{ status: 'draft', count: START_LIST_LIMIT + 2 }]);
	});
});

describe('the member’s start page', () => {
	it('lists the open polls without their vote, the needs they deliver with the next step, and the fund', async () => {
		const voting = await votingNeed(sql, p);
		const [poll] = await sql<{ id: string }[]>`select id from polls where need_id = ${voting}`;
		const collecting = await decidedNeed(sql, p, 40_000);
		const noData = await fundedNeed(sql, p, store, { withData: false });
		const toArrange = await fundedNeed(sql, p, store);
		const delivered = await deliveredNeed(sql, p, store);
		await fillFund(sql, 12_345);

		const page = await start(p.member);
		expect(page.worker).toBeNull();
		expect(page.coordinator).toBeNull();
		expect(page.donor).toBeNull();
		const member = page.member!;
		expect(member.polls.items.map((i) => i.pollId)).toEqual([poll!.id]);
		expect(member.polls.count).toBe(1);
		// the contact person's own step first
		expect(member.deliveries.items.map((d) => [d.needId, d.stage])).toEqual([
			[toArrange, 'arrange'],
			[collecting, 'collecting'],
			[noData, 'waiting_for_data'],
			[delivered, 'waiting_for_receipt']
		]);
		expect(member.deliveries.items.find((d) => d.needId === collecting)!.missing).toBe(40_000);
		expect(member.deliveriesToAct).toBe(1);
		expect(member.fund).toBe(12_345);

		// after voting, the poll no longer waits; after the receipt, the delivery is done
		ok('vote', await castVote(contextFor(sql, p.member), poll!.id, 'yes', ''));
		ok('confirm', await confirmReceipt(contextFor(sql, p.worker), delivered, feedback));
		const after = (await start(p.member)).member!;
		expect(after.polls).toEqual({ items: [], count: 0 });
		expect(after.deliveries.items.find((d) => d.needId === delivered)!.stage).toBe('done');

		// another member of the club votes too, but delivers none of these needs
		const other = (await start(p.coordinator)).member!;
		expect(other.polls.count).toBe(1);
		expect(other.deliveries).toEqual({ items: [], count: 0 });
	});
});

/** The family's consent to a story that signed-in donors read. */
const consent = () => ({ givenOn: pragueToday(), audience: 'donors', social: false }) as const;

describe('the coordinator’s start page', () => {
	const fio = (rows: [string, string, string, string, string][]) => {
		const header =
			'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"';
		const lines = rows.map(
			([id, day, amount, vs, name]) =>
				`"${id}";"${day}";"${amount}";"CZK";"2900111222";"${name}";"2010";"${vs}";"dar"`
		);
		return new TextEncoder().encode(
			['"accountId";"2901234567"', '"bankId";"2010"', '"currency";"CZK"', '', header, ...lines].join('\r\n')
		);
	};

	it('shows the triage queue urgent first, money to assign, stories to review and access requests', async () => {
		for (let i = 0; i < START_LIST_LIMIT + 1; i++) await need({ title: `Potřeba ${i + 1}` });
		const urgent = await need({ title: 'Nutně lednice', urgency: 'urgent' });
		await need({ title: 'Jen koncept' }, true);
		const imported = await importStatement(contextFor(sql, p.coordinator), {
			name: 'vypis.csv',
			bytes: fio([
				['5001', '06.11.2026', '3000,00', '', 'Karel Novotný'],
				['5002', '05.11.2026', '250,50', '777', 'Eva Malá']
			])
		});
		expect(imported).toMatchObject({ ok: true, summary: { unassigned: 2 } });
		const storyNeed = await deliveredNeed(sql, p, store);
		ok('story', await saveStory(contextFor(sql, p.worker), store, storyNeed, story, null));
		ok('submit story', await submitStory(contextFor(sql, p.worker), storyNeed));
		await insertUser(sql, {
			email: 'nova@test.cz',
			name: 'Nová Pracovnice',
			passwordHash: 'x',
			roles: ['social_worker'],
			organisationId: p.organisationId,
			status: 'pending_approval'
		});

		const coordinator = (await start(p.coordinator)).coordinator!;
		expect(coordinator.triage.count).toBe(START_LIST_LIMIT + 2);
		expect(coordinator.triage.items).toHaveLength(START_LIST_LIMIT);
		expect(coordinator.triage.items[0]).toMatchObject({ needId: urgent, urgency: 'urgent' });
		expect(coordinator.triage.items.map((n) => n.title)).not.toContain('Jen koncept');
		expect(coordinator.unassigned.count).toBe(2);
		expect(coordinator.unassigned.total).toBe(325_050);
		// the oldest first, as on the bank page
		expect(coordinator.unassigned.items.map((b) => [b.bookedOn, b.amount, b.counterName])).toEqual([
			['2026-11-05', 25_050, 'Eva Malá'],
			['2026-11-06', 300_000, 'Karel Novotný']
		]);
		expect(coordinator.stories.items.map((s) => [s.needId, s.title])).toEqual([[storyNeed, story.title]]);
		expect(coordinator.access.items.map((a) => [a.name, a.organisationName])).toEqual([
			['Nová Pracovnice', 'Intervenční centrum Test']
		]);

		// what the coordinator handles leaves the start page
		const larger = coordinator.unassigned.items[1]!;
		ok('assign', await assignPayment(contextFor(sql, p.coordinator), larger.id, { kind: 'fund' }));
		ok('consent', await recordConsent(contextFor(sql, p.worker), storyNeed, consent()));
		ok('publish', await publishStory(contextFor(sql, p.coordinator), storyNeed));
		const after = (await start(p.coordinator)).coordinator!;
		expect(after.unassigned).toMatchObject({ count: 1, total: 25_050 });
		expect(after.stories).toEqual({ items: [], count: 0 });

		// nobody else gets the coordinator's section
		for (const who of [p.worker, p.member, p.donor]) expect((await start(who)).coordinator).toBeNull();
	});
});

const story: StoryInput = {
	title: 'Postel pro dvě sestry',
	body: 'Dvě sestry spaly na matraci na zemi. Díky dárcům mají vlastní postel a po ránu jsou odpočaté.',
	category: 'furniture',
	region: 'CZ010',
	photoAlt: '',
	photoConfirmed: false,
	removePhoto: false,
	confirmFindings: false
};

describe('the donor’s start page', () => {
	it('shows the gift waiting for their payment, their gifts and the help and story they made possible', async () => {
		const pledge = ok(
			'pledge',
			await createPledge(sql, {
				purpose: 'gift',
				needId: null,
				amount: 50_000,
				donor: { id: p.donor.id, name: 'Dárce Test', email: 'darce@test.cz', address: null }
			})
		);
		const helped = await deliveredNeed(sql, p, store, { target: 30_000, donorId: p.donor.id });
		const [row] = await sql<{ number: number }[]>`select number from needs where id = ${helped}`;
		const number = row!.number;

		const page = await start(p.donor);
		expect(page.worker).toBeNull();
		expect(page.member).toBeNull();
		expect(page.coordinator).toBeNull();
		const donor = page.donor!;
		expect(donor.pledges.items.map((x) => [x.id, x.amount])).toEqual([[pledge.id, 50_000]]);
		expect(donor.gifts.items.map((g) => [g.amount, g.needNumber, g.receivedOn])).toEqual([
			[30_000, number, pragueToday()]
		]);
		expect(donor.outcomes.items).toEqual([
			{
				needNumber: number,
				title: completeNeed().title,
				status: 'delivered',
				given: 30_000,
				storyNumber: null
			}
		]);
		expect(donor.helped).toBe(1);

		// the story, once published with the family's consent, is linked from what the gift did
		ok('consent', await recordConsent(contextFor(sql, p.worker), helped, consent()));
		ok('story', await saveStory(contextFor(sql, p.worker), store, helped, story, null));
		ok('submit', await submitStory(contextFor(sql, p.worker), helped));
		ok('publish', await publishStory(contextFor(sql, p.coordinator), helped));
		const after = (await start(p.donor)).donor!;
		expect(after.outcomes.items[0]!.storyNumber).toEqual(expect.any(Number));

		// a member giving nothing as a donor has no donor section
		expect((await start(p.member)).donor).toBeNull();
	});
});

describe('a person without a role', () => {
	it('gets no section at all', async () => {
		const nobody: Person = { ...p.donor, roles: [] };
		expect(await start(nobody)).toEqual({ worker: null, coordinator: null, member: null, donor: null });
	});
});
