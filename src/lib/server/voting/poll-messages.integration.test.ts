import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Person } from '$lib/server/core/actor';
import { insertUser } from '../auth/users';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import { addAttachment } from '../needs/attachments';
import { completeNeed, contextFor, lastMailId } from '../needs/test-factory';
import { createNeed, markReady, submitNeed } from '../needs/transitions';
import { getDecision, recordDecision, volunteerInPoll } from './decision';
import { postPollMessage, viewPollThread } from './messages';
import { castVote, closePoll, openVote } from './polls';
import { readPollQuote } from './quotes';
import { viewPoll } from './view';

/*
 * The conversation on a club's vote and what the poll page shows around it: members ask, the need's
 * organisation answers, nobody else reads or writes; the guard keeps the family out; the voters see how
 * many voted but not how; the quotes reach the voters; no offers once the contact person is chosen; the
 * decision approves what the club owes after other sources.
 */

const t = moneyTestDatabase();
const HOUR = 3600_000;

const png = () =>
	sharp({ create: { width: 8, height: 8, channels: 3, background: '#2f6f73' } })
		.png()
		.toBuffer();

/** A need of p.worker's organisation in the club's vote: a 6 500 Kč item, 2 000 Kč from other sources, a quote and an invoice. */
async function pollWithQuote() {
	const { sql, p, store } = t;
	const worker = contextFor(sql, p.worker);
	const created = await createNeed(
		worker,
		completeNeed({
			items: [{ description: 'Pračka s předním plněním', quantity: 1, unitPrice: 650_000, link: null }],
			funding: [{ source: 'Příspěvek nadace', amount: 200_000 }]
		})
	);
	if (!created.ok) throw new Error(created.reason);
	expect((await submitNeed(worker, created.id)).ok).toBe(true);
	const bytes = await png();
	const quote = await addAttachment(worker, store, created.id, {
		bytes,
		name: 'nabidka-pracka.png',
		type: 'image/png',
		kind: 'quote',
		shownToVoters: true
	});
	// a quote the worker did not let the voters see
	const privateQuote = await addAttachment(worker, store, created.id, {
		bytes,
		name: 'nabidka-jina.png',
		type: 'image/png',
		kind: 'quote'
	});
	const invoice = await addAttachment(worker, store, created.id, {
		bytes,
		name: 'faktura.png',
		type: 'image/png',
		kind: 'invoice'
	});
	if (!quote.ok || !privateQuote.ok || !invoice.ok) throw new Error('attachment');
	const coordinator = contextFor(sql, p.coordinator);
	expect((await markReady(coordinator, created.id)).ok).toBe(true);
	const opened = await openVote(coordinator, created.id);
	if (!opened.ok) throw new Error(opened.reason);
	return {
		needId: created.id,
		pollId: opened.pollId,
		quoteId: quote.id,
		privateQuoteId: privateQuote.id,
		invoiceId: invoice.id
	};
}

const threadRows = () => t.sql`select * from poll_messages`;
const auditRows = () => t.sql`select action from audit_log where action = 'need.poll_message_posted'`;

describe('the thread of a vote', () => {
	it('a member asks, the organisation answers, each side reading the other without names', async () => {
		const { sql, p } = t;
		const { needId, pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		const worker = contextFor(sql, p.worker);
		const beforeAsk = await lastMailId(sql);

		const asked = await postPollMessage(member, pollId, '  Je v ceně pračky i doprava a instalace?  ');
		expect(asked).toMatchObject({ ok: true });
		// the worker who wrote the need is told by e-mail, which says there is a question but not what it is
		const toWorker = await sql<{ to: string; text: string }[]>`
			select to_address as to, text_body as text from outbox where id > ${beforeAsk}`;
		expect(toWorker.map((r) => r.to)).toEqual(['pracovnice@test.cz']);
		expect(toWorker[0]!.text).toContain('člen klubu se před hlasováním ptá');
		expect(toWorker[0]!.text).toContain(`/needs/${needId}`);
		expect(toWorker[0]!.text).not.toContain('instalace');

		const seenByWorker = (await viewPollThread(worker, needId))!;
		expect(seenByWorker.pollId).toBe(pollId);
		expect(seenByWorker.messages).toMatchObject([
			{ authorRole: 'member', authorName: null, mine: false, body: 'Je v ceně pračky i doprava a instalace?' }
		]);

		const beforeAnswer = await lastMailId(sql);
		expect(await postPollMessage(worker, pollId, 'Ano, obchod pračku doveze a zapojí zdarma.')).toMatchObject(
			{
				ok: true
			}
		);
		// the member who asked learns there is an answer, with a link to the poll
		const toMember = await sql<{ to: string; text: string }[]>`
			select to_address as to, text_body as text from outbox where id > ${beforeAnswer}`;
		expect(toMember.map((r) => r.to)).toEqual(['clen@test.cz']);
		expect(toMember[0]!.text).toContain(`/votes/${pollId}`);

		const seenByMember = (await viewPollThread(member, needId))!;
		expect(seenByMember.messages.map((m) => [m.authorRole, m.authorName, m.mine, m.body])).toEqual([
			['member', 'clen', true, 'Je v ceně pračky i doprava a instalace?'],
			// the club does not learn who at the organisation answered
			['social_worker', null, false, 'Ano, obchod pračku doveze a zapojí zdarma.']
		]);
		// the coordinator reads the thread too, with the member's name
		const seenByCoordinator = (await viewPollThread(contextFor(sql, p.coordinator), needId))!;
		expect(seenByCoordinator.messages.map((m) => m.authorName)).toEqual(['clen', null]);

		const rows = await sql<{ author_role: string; poll_id: string }[]>`
			select author_role, poll_id from poll_messages order by created_at`;
		expect(rows).toEqual([
			{ author_role: 'member', poll_id: pollId },
			{ author_role: 'social_worker', poll_id: pollId }
		]);
		expect(await auditRows()).toHaveLength(2);
	});

	it('a worker of another organisation, a donor and a member outside the electorate neither read nor write', async () => {
		const { sql, p } = t;
		const { needId, pollId } = await pollWithQuote();
		const lateId = await insertUser(sql, {
			email: 'novy-clen@test.cz',
			name: 'Nový člen',
			passwordHash: 'x',
			roles: ['member']
		});
		const late: Person = {
			kind: 'person',
			id: lateId!,
			name: 'Nový',
			roles: ['member'],
			organisationId: null
		};
		for (const who of [p.otherWorker, p.donor, late]) {
			const ctx = contextFor(sql, who);
			expect(await postPollMessage(ctx, pollId, 'Můžu se na něco zeptat?'), who.name).toEqual({
				ok: false,
				reason: 'not_found'
			});
			expect(await viewPollThread(ctx, needId), who.name).toBeNull();
		}
		expect(await threadRows()).toEqual([]);
		expect(await auditRows()).toEqual([]);
	});

	it('refuses a message with a family’s details, an empty and a too long one, writing nothing', async () => {
		const { sql, p } = t;
		const { pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		const worker = contextFor(sql, p.worker);
		const mails = await lastMailId(sql);
		expect(
			await postPollMessage(worker, pollId, 'Paní Zdeňka Pospíšilová, tel. 604 218 337, ví víc.')
		).toEqual({
			ok: false,
			reason: 'personal_data'
		});
		expect(await postPollMessage(member, pollId, '   \n ')).toEqual({ ok: false, reason: 'empty' });
		expect(await postPollMessage(member, pollId, 'a'.repeat(2001))).toEqual({ ok: false, reason: 'invalid' });
		expect(await threadRows()).toEqual([]);
		expect(await auditRows()).toEqual([]);
		expect(await lastMailId(sql)).toBe(mails);
		// exactly the limit goes through
		expect(await postPollMessage(member, pollId, 'a'.repeat(2000))).toMatchObject({ ok: true });
	});

	it('closes with the poll: the thread stays readable, nothing more is written', async () => {
		const { sql, p } = t;
		const { needId, pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		await postPollMessage(member, pollId, 'Kdy rodina pračku potřebuje?');
		const later = new Date(Date.now() + 400 * HOUR);
		expect(await postPollMessage(member, pollId, 'Ještě jedna otázka.', later)).toEqual({
			ok: false,
			reason: 'closed'
		});
		const thread = (await viewPollThread(contextFor(sql, p.worker), needId, later))!;
		expect(thread.pollId).toBeNull();
		expect(thread.messages).toHaveLength(1);
	});
});

describe('the poll page around the vote', () => {
	it('shows the voters how many voted, never how, while results are hidden', async () => {
		const { sql, p } = t;
		await sql`insert into club_settings (name, results_hidden) values ('Klub', true)`;
		const { pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		expect(
			(await castVote(contextFor(sql, p.coordinator), pollId, 'no', 'Pračku lze sehnat levněji.')).ok
		).toBe(true);
		const page = (await viewPoll(member, pollId))!;
		expect(page.participation).toEqual({ voted: 1, electorate: 2 });
		expect(page.results).toBeNull();
		expect(page.myVote).toBeNull();
		// nothing on the page says how the coordinator voted or why
		const shown = JSON.stringify(page);
		expect(shown).not.toContain('levněji');
		expect(shown).not.toContain('"no"');

		expect((await castVote(member, pollId, 'yes', '')).ok).toBe(true);
		const after = (await viewPoll(member, pollId))!;
		expect(after.participation).toEqual({ voted: 2, electorate: 2 });
		expect(after.myVote).toEqual({ choice: 'yes', reason: null });
	});

	it('lists the need’s quotes for the voters and lets them download those only', async () => {
		const { sql, p, store } = t;
		const { pollId, quoteId, privateQuoteId, invoiceId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		const page = (await viewPoll(member, pollId))!;
		expect(page.quotes.map((q) => q.fileName)).toEqual(['nabidka-pracka.png']);
		const file = await readPollQuote(member, store, pollId, quoteId);
		expect(file?.fileName).toBe('nabidka-pracka.png');
		expect(
			await sql`select 1 from audit_log where action = 'need.attachment_read' and actor_id = ${p.member.id}`
		).toHaveLength(1);
		// an invoice stays with the organisation and the coordinator
		expect(await readPollQuote(member, store, pollId, invoiceId)).toBeNull();
		// and so does a quote the worker did not let the voters see
		expect(await readPollQuote(member, store, pollId, privateQuoteId)).toBeNull();
		for (const who of [p.otherWorker, p.donor])
			expect(await readPollQuote(contextFor(sql, who), store, pollId, quoteId)).toBeNull();
	});

	it('takes offers to be the contact person after an approving vote, and none once the person is chosen', async () => {
		const { sql, p } = t;
		const { needId, pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		const coordinator = contextFor(sql, p.coordinator);
		expect(await volunteerInPoll(member, pollId, true)).toEqual({ ok: true });
		for (const who of [p.member, p.coordinator]) await castVote(contextFor(sql, who), pollId, 'yes', '');
		expect((await closePoll(coordinator, pollId)).ok).toBe(true);
		// the coordinator picks from the volunteers after the vote: the approved poll still takes offers
		expect((await viewPoll(member, pollId))!.canVolunteer).toBe(true);
		expect(await volunteerInPoll(contextFor(sql, p.coordinator), pollId, true)).toEqual({ ok: true });

		const decided = await recordDecision(coordinator, needId, {
			itemPositions: [0],
			form: 'purchase',
			contactPersonId: p.member.id,
			note: ''
		});
		// 6 500 Kč of the item less 2 000 Kč from the foundation
		expect(decided).toEqual({ ok: true, approvedAmount: 450_000 });
		expect((await getDecision(sql, needId))!.approvedAmount).toBe(450_000);

		const page = (await viewPoll(member, pollId))!;
		expect(page.canVolunteer).toBe(false);
		expect(page.volunteering).toBe('chosen');
		expect(await volunteerInPoll(member, pollId, false)).toEqual({ ok: false, reason: 'wrong_state' });
		expect(await volunteerInPoll(coordinator, pollId, true)).toEqual({ ok: false, reason: 'wrong_state' });
		expect(
			await sql`select member_id from need_volunteers where need_id = ${needId} order by offered_at`
		).toHaveLength(2);
	});

	it('takes no offers from a poll that closed without approving the need', async () => {
		const { sql, p } = t;
		const { pollId } = await pollWithQuote();
		const member = contextFor(sql, p.member);
		for (const who of [p.member, p.coordinator])
			await castVote(contextFor(sql, who), pollId, 'no', 'Pračku zajistí dávka.');
		expect(await closePoll(contextFor(sql, p.coordinator), pollId)).toMatchObject({ outcome: 'rejected' });
		const page = (await viewPoll(member, pollId))!;
		expect(page.canVolunteer).toBe(false);
		expect(page.volunteering).toBe('closed');
		expect(await volunteerInPoll(member, pollId, true)).toEqual({ ok: false, reason: 'closed' });
		expect(await sql`select 1 from need_volunteers`).toEqual([]);
	});

	it('shows a decided need’s poll as chosen even for a need decided in one go', async () => {
		const { sql, p } = t;
		const needId = await decidedNeed(sql, p, 300_000);
		const [poll] = await sql<{ id: string }[]>`select id from polls where need_id = ${needId}`;
		expect((await viewPoll(contextFor(sql, p.member), poll!.id))!.volunteering).toBe('chosen');
	});
});
