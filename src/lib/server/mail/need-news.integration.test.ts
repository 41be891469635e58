import {
	contextFor,
	publicEnvironment,
	systemContextFor,
	testEnvironment,
	type People
} from '../needs/test-factory';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { saveProtectedData } from '../delivery/protected';
import { arrangeDelivery, markBought, markDelivered } from '../delivery/steps';
import { pragueToday, testClient } from '../delivery/test-factory';
import type { AttachmentStore } from '../files/uploads';
import { JobRunner } from '../jobs/runner';
import { recordPayout } from '../ledger/payouts';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import { importStatement } from '../payments/bank/import';
import { createPledge } from '../payments/bank/pledges';
import { cardCheckout, event, session } from '../payments/stripe/test-factory';
import { handleStripeEvent } from '../payments/stripe/webhook';
import { publishStory, recordConsent, saveStory, submitStory, unpublishStory } from '../stories/stories';
import { mailNeedNews, storyNewsJob, STORY_NEWS_JOB } from './need-news';
import { createMailSendJob } from './send-job';

/*
 * Thanks that come back: the donors of a collection who asked for news hear once when the help was
 * delivered and once when its story was published, in their language, with a link that the story's
 * consent lets them open — and nobody else hears anything.
 */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;
let smtp: TestSmtpServer;

beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(async () => {
	await smtp.close();
});
beforeEach(() => {
	({ sql, p, store } = t);
	smtp.messages.length = 0;
});

let ref = 0;
/** Pays the pledges through an imported Fio statement of the club's account. */
async function pay(pledges: { variableSymbol: string; amount: number }[]) {
	const header = '"ID pohybu";"Datum";"Objem";"Měna";"VS"';
	const lines = pledges.map(
		(x) => `"n${++ref}";"02.11.2026";"${Math.trunc(x.amount / 100)},00";"CZK";"${x.variableSymbol}"`
	);
	const csv = ['"accountId";"2901234567"', '"bankId";"2010"', '"currency";"CZK"', '', header, ...lines].join(
		'\r\n'
	);
	const result = await importStatement(contextFor(sql, p.coordinator), {
		name: `v${ref}.csv`,
		bytes: new TextEncoder().encode(csv)
	});
	if (!result.ok || result.summary.matched !== pledges.length) throw new Error(JSON.stringify(result));
}

async function pledge(input: {
	email: string | null;
	news: boolean;
	locale?: 'cs' | 'en';
	donorId?: string;
	needId: string;
}) {
	const created = await createPledge(sql, {
		purpose: 'gift',
		needId: input.needId,
		amount: 10_000,
		donor: { id: input.donorId ?? null, name: null, email: input.email, address: null },
		locale: input.locale,
		news: input.news
	});
	if (!created.ok) throw new Error(created.reason);
	return { variableSymbol: created.variableSymbol, amount: 10_000 };
}

/**
 * A collection of 400 Kč given by four donors: Anna (in English, asked for news), Bedřich (did not),
 * the signed-in donor (asked, no e-mail typed: their account's), and Cyril by card (asked).
 */
async function fundedCollection() {
	const needId = await decidedNeed(sql, p, 40_000, 'collection');
	await pay([
		await pledge({ needId, email: 'anna@example.org', news: true, locale: 'en' }),
		await pledge({ needId, email: 'bedrich@example.cz', news: false }),
		await pledge({ needId, email: null, news: true, donorId: p.donor.id })
	]);
	const checkout = await cardCheckout(sql, 10_000, { needId, donor: { email: 'cyril@example.cz' } });
	await sql`update card_checkouts set news = true, locale = 'cs' where id = ${checkout}`;
	await handleStripeEvent(
		systemContextFor(sql, publicEnvironment),
		event('checkout.session.completed', session(checkout, 10_000, true))
	);
	const [need] = await sql<{ number: number; status: string }[]>`
		select number, status from needs where id = ${needId}`;
	expect(need!.status).toBe('funded');
	return { needId, number: need!.number };
}

async function deliver(needId: string, amount = 40_000) {
	await saveProtectedData(
		contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }),
		needId,
		testClient
	);
	await arrangeDelivery(contextFor(sql, p.member), needId, { plan: 'Obchod doveze postel do kanceláře.' });
	const paid = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ recipient: 'supplier', supplier: 'IKEA', amount, paidOn: pragueToday(), note: '' },
		null
	);
	if (!paid.ok) throw new Error(paid.reason);
	await markBought(contextFor(sql, p.member), needId);
	const done = await markDelivered(
		contextFor(sql, p.member),
		store,
		needId,
		{ deliveredOn: pragueToday(), note: '' },
		null
	);
	if (!done.ok) throw new Error(done.reason);
}

async function writeStory(needId: string, audience: 'public' | 'donors') {
	await saveStory(
		contextFor(sql, p.worker),
		store,
		needId,
		{
			title: 'Konečně vlastní postel',
			body: 'Dvě sestry spaly na matracích na zemi. Díky dárcům mají postele a klidný spánek.',
			category: 'furniture',
			region: 'CZ010',
			photoAlt: '',
			photoConfirmed: false,
			removePhoto: false,
			confirmFindings: false
		},
		null
	);
	await submitStory(contextFor(sql, p.worker), needId);
	await recordConsent(contextFor(sql, p.worker), needId, { givenOn: pragueToday(), audience, social: false });
}

const newsMails = (event?: string) =>
	sql<{ to: string; locale: string; subject: string; text: string }[]>`
		select to_address as to, locale, subject, text_body as text from outbox
		where template = 'need_news' and (${event ?? null}::text is null or id in (
			select outbox_id from need_news_mails where event = ${event ?? ''}))
		order by to_address`;

describe('news for donors who asked for it', () => {
	it('tells them once that the help arrived, in their language, with the collection’s page', async () => {
		const { needId, number } = await fundedCollection();
		const [donor] = await sql<{ email: string }[]>`select email from users where id = ${p.donor.id}`;
		await deliver(needId);
		const mails = await newsMails('delivered');
		expect(mails.map((m) => m.to)).toEqual(['anna@example.org', 'cyril@example.cz', donor!.email].sort());
		const anna = mails.find((m) => m.to === 'anna@example.org')!;
		expect(anna.locale).toBe('en');
		expect(anna.subject).toBe('The help you gave to has arrived');
		expect(anna.text).toContain(`need no. ${number}`);
		expect(anna.text).toContain(`https://spolu.example/collections/${number}`);
		const cyril = mails.find((m) => m.to === 'cyril@example.cz')!;
		expect(cyril.subject).toBe('Pomoc, na kterou jste přispěli, dorazila');
		// never the family: no name, no phone, no item list
		for (const m of mails) {
			expect(m.text).not.toContain(testClient.name);
			expect(m.text).not.toContain(testClient.phone);
		}
		// a second call (a retried job, a repeated hook) writes nothing again
		expect(await mailNeedNews(sql, 'https://spolu.example', needId, 'delivered')).toBe(0);
		expect(await newsMails('delivered')).toHaveLength(3);
	});

	it('links a story for donors only to those who can sign in, and only mentions it to the others', async () => {
		const { needId } = await fundedCollection();
		await deliver(needId);
		await writeStory(needId, 'donors');
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({ ok: true });
		const [story] = await sql<{ number: number }[]>`select number from stories where need_id = ${needId}`;
		const mails = await newsMails('story');
		expect(mails).toHaveLength(3);
		const [donor] = await sql<{ email: string }[]>`select email from users where id = ${p.donor.id}`;
		const signedIn = mails.find((m) => m.to === donor!.email)!;
		expect(signedIn.text).toContain(`https://spolu.example/stories/${story!.number}`);
		expect(signedIn.text).toContain('po přihlášení');
		for (const to of ['anna@example.org', 'cyril@example.cz']) {
			const mail = mails.find((m) => m.to === to)!;
			expect(mail.text).not.toContain('/stories/');
			expect(mail.text).toMatch(/jen přihlášení dárci|only by the club's signed-in donors/);
		}
		// taken down and published again: nobody hears twice
		await unpublishStory(contextFor(sql, p.coordinator), needId);
		await submitStory(contextFor(sql, p.worker), needId);
		expect(await publishStory(contextFor(sql, p.coordinator), needId)).toEqual({ ok: true });
		expect(await newsMails('story')).toHaveLength(3);
	});

	it('writes nothing to a donor who did not ask, or when nobody asked', async () => {
		const needId = await decidedNeed(sql, p, 20_000, 'collection');
		await pay([
			await pledge({ needId, email: 'bedrich@example.cz', news: false }),
			await pledge({ needId, email: 'dana@example.cz', news: false })
		]);
		await deliver(needId, 20_000);
		expect(await mailNeedNews(sql, 'https://spolu.example', needId, 'delivered')).toBe(0);
		expect(await newsMails()).toEqual([]);
	});

	it('sends the news of a story published for later when its moment comes, through the outbox', async () => {
		const { needId } = await fundedCollection();
		await deliver(needId);
		await writeStory(needId, 'public');
		const later = new Date(Date.now() + 3 * 24 * 3_600_000);
		expect(await publishStory(contextFor(sql, p.coordinator), needId, later)).toEqual({ ok: true });
		// not public yet: nothing written, a job waits for the moment
		expect(await newsMails('story')).toEqual([]);
		const [job] = await sql<{ run_at: Date }[]>`select run_at from jobs where kind = ${STORY_NEWS_JOB}`;
		expect(job!.run_at.getTime()).toBe(later.getTime());

		// the moment comes
		await sql`update stories set publish_at = now() - interval '1 minute' where need_id = ${needId}`;
		await sql`update jobs set run_at = now() where kind = ${STORY_NEWS_JOB}`;
		const runner = new JobRunner(systemContextFor(sql))
			.register(storyNewsJob)
			.register(createMailSendJob(() => ({ smtpUrl: smtp.url, mailFrom: 'Spolu <spolu@example.org>' })));
		while (await runner.runOne());
		const [story] = await sql<{ number: number }[]>`select number from stories where need_id = ${needId}`;
		const received = smtp.messages.filter(
			(m) => m.subject.startsWith('Příběh') || m.subject.startsWith('The story')
		);
		expect(received.map((m) => m.to[0]).sort()).toEqual((await newsMails('story')).map((m) => m.to).sort());
		expect(received).toHaveLength(3);
		for (const m of received) expect(m.text).toContain(`/stories/${story!.number}`);
	});
});
