import QRCode from 'qrcode';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mimeParts, startSmtpServer, type TestSmtpServer } from '../../../../tests/support/smtp';
import type { Db } from '../db/client';
import { JobRunner } from '../jobs/runner';
import { recordOfflineGift } from '../ledger/offline';
import { receiveGift, type GiftInput } from '../ledger/funding';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import { contextFor, publicEnvironment, systemContextFor, type People } from '../needs/test-factory';
import { importStatement } from '../payments/bank/import';
import { clubAccount } from '../payments/bank/collections';
import { createPledge, type PledgeInput } from '../payments/bank/pledges';
import { cardCheckout, event, session } from '../payments/stripe/test-factory';
import { handleStripeEvent } from '../payments/stripe/webhook';
import { czechAccountNumber, formatIban } from '$lib/core/bank-account';
import { createMailSendJob } from './send-job';

/*
 * The e-mails about a donor's money, from the change that causes each to what the donor's mail server
 * receives: payment instructions after a pledge, thanks when the money arrived.
 */

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let smtp: TestSmtpServer;
beforeAll(async () => {
	smtp = await startSmtpServer();
});
afterAll(async () => {
	await smtp.close();
});
beforeEach(async () => {
	({ sql, p } = t);
	smtp.messages.length = 0;
	await sql`insert into club_settings (name) values ('Klub Spolu Brno') on conflict (id) do update set name = excluded.name`;
});

// the club's account of the test environment, which the statements below are for
const IBAN = publicEnvironment.bankIban!;
const ACCOUNT = czechAccountNumber(IBAN)!;
const { origin } = publicEnvironment;
const anonymous = { id: null, name: 'Eva Dárcová', email: 'eva@example.cz', address: 'Květná 12, Brno' };
/** the non-breaking spaces Czech number formatting writes, as a reader sees them */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function deliverAll() {
	const runner = new JobRunner(systemContextFor(sql)).register(
		createMailSendJob(() => ({ smtpUrl: smtp.url, mailFrom: 'Spolu <spolu@example.org>' }))
	);
	while (await runner.runOne());
}

async function pledge(input: Partial<PledgeInput> & { needId?: string | null }) {
	const result = await createPledge(
		sql,
		{ purpose: 'gift', needId: null, amount: 150_000, donor: anonymous, ...input },
		{ origin, account: await clubAccount(sql, IBAN) }
	);
	if (!result.ok) throw new Error(result.reason);
	return result;
}

const outbox = (template: string) =>
	sql<{ id: number; to: string; locale: string; subject: string; text: string; html: string }[]>`
		select id, to_address as to, locale, subject, text_body as text, html_body as html
		from outbox where template = ${template} order by id`;

/** A Fio internet-banking export of the club's account with incoming payments [id, dd.mm.yyyy, "1500,00", VS]. */
function fio(rows: [string, string, string, string][]): Uint8Array {
	const header =
		'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"';
	const lines = rows.map(
		([id, date, amount, vs]) =>
			`"${id}";"${date}";"${amount}";"CZK";"2900999888";"Eva Dárcová";"2010";"${vs}";"dar"`
	);
	return new TextEncoder().encode(
		[
			`"accountId";"${ACCOUNT.split('/')[0]}"`,
			`"bankId";"${ACCOUNT.split('/')[1]}"`,
			'"currency";"CZK"',
			'',
			header,
			...lines
		].join('\r\n')
	);
}

describe('payment instructions after a pledge', () => {
	it('e-mails the account, the variable symbol, the amount, the collection and the QR code', async () => {
		const needId = await decidedNeed(sql, p, 300_000, 'collection');
		const [need] = await sql<{ number: number; title: string; situation: string }[]>`
			select number, title, situation from needs where id = ${needId}`;
		const { id, variableSymbol } = await pledge({ needId });
		await deliverAll();

		// (the need's own people were told of its decision before)
		const received = smtp.messages.filter((m) => m.to.includes('eva@example.cz'));
		expect(received).toHaveLength(1);
		const [mail] = received;
		expect(mail!.subject).toBe('Platební údaje k vašemu daru');
		const text = plain(mail!.text);
		expect(text).toContain(`děkujeme, že chcete přispět na potřebu č. ${need!.number} „${need!.title}“.`);
		expect(text).toContain('Částka: 1 500 Kč');
		expect(text).toContain(`Číslo účtu: ${ACCOUNT}`);
		expect(text).toContain(`IBAN: ${formatIban(IBAN)}`);
		expect(text).toContain(`Variabilní symbol: ${variableSymbol}`);
		expect(text).toContain(`Zpráva pro příjemce: Dar potreba c. ${need!.number}`);
		expect(text).toContain(`${origin}/give/pledge/${id}`);
		// nothing about the family, nor what the donor typed about themselves
		for (const secret of [need!.situation, 'Dárcová', 'Květná']) expect(text).not.toContain(secret);

		// the QR Platba code, inline in the HTML, encodes exactly this payment
		const parts = mimeParts(mail!.raw);
		const html = parts.find((x) => x.contentType === 'text/html')!.content.toString('utf8');
		const cid = `qr-platba-${variableSymbol}@spolu`;
		expect(html).toContain(`<img src="cid:${cid}"`);
		const qr = parts.find((x) => x.cid === cid)!;
		expect(qr).toMatchObject({ contentType: 'image/png', disposition: 'inline', filename: 'qr-platba.png' });
		const payload = `SPD*1.0*ACC:${IBAN}*AM:1500.00*CC:CZK*MSG:DAR POTREBA C. ${need!.number}*RN:KLUB SPOLU BRNO*X-VS:${variableSymbol}`;
		const expected = await QRCode.toBuffer(payload, {
			type: 'png',
			errorCorrectionLevel: 'M',
			margin: 2,
			scale: 4
		});
		expect(qr.content.equals(expected)).toBe(true);
	});

	it('writes in the language the donor pledged in, and to a signed-in donor in theirs', async () => {
		await pledge({ amount: 50_050, locale: 'en' });
		await sql`update users set locale = 'en' where id = ${p.donor.id}`;
		await pledge({ donor: { id: p.donor.id, name: null, email: null, address: null }, locale: 'cs' });
		await pledge({ donor: { id: p.donor.id, name: null, email: null, address: null } });
		const mails = await outbox('pledge_instructions');
		expect(mails.map((m) => [m.to, m.locale, m.subject])).toEqual([
			['eva@example.cz', 'en', 'Payment details for your gift'],
			['darce@test.cz', 'en', 'Payment details for your gift'],
			['darce@test.cz', 'en', 'Payment details for your gift']
		]);
		expect(plain(mails[0]!.text)).toContain('Amount: CZK 500.50');
		expect(mails[0]!.text).toContain("thank you for wanting to give to the club's general fund");
		expect(mails[0]!.text).toContain(`Czech account number: ${ACCOUNT}`);
	});

	it("sends a member's dues instructions to the member's own address", async () => {
		const result = await createPledge(
			sql,
			{
				purpose: 'dues',
				needId: null,
				amount: 60_000,
				donor: { id: p.member.id, name: null, email: null, address: null }
			},
			{ origin, account: await clubAccount(sql, IBAN) }
		);
		expect(result.ok).toBe(true);
		const [mail] = await outbox('pledge_instructions');
		expect(mail).toMatchObject({ to: 'clen@test.cz', subject: 'Platební údaje k členskému příspěvku' });
		expect(mail!.text).toContain('Zpráva pro příjemce: Clensky prispevek');
	});

	it('sends nothing without an address, without bank transfer, or for a refused pledge', async () => {
		await pledge({ donor: { ...anonymous, email: null } });
		const noBank = await createPledge(
			sql,
			{ purpose: 'gift', needId: null, amount: 10_000, donor: anonymous },
			{ origin, account: await clubAccount(sql, null) }
		);
		expect(noBank.ok).toBe(true);
		const needId = await decidedNeed(sql, p, 10_000, 'collection');
		const refused = await createPledge(
			sql,
			{ purpose: 'gift', needId, amount: 20_000, donor: anonymous },
			{ origin, account: await clubAccount(sql, IBAN) }
		);
		expect(refused).toMatchObject({ ok: false, reason: 'over_missing' });
		expect(await outbox('pledge_instructions')).toEqual([]);
	});

	it('writes the e-mail in the transaction of the pledge: rolled back together', async () => {
		const account = await clubAccount(sql, IBAN);
		await sql
			.begin(async (tx) => {
				await createPledge(
					tx,
					{ purpose: 'gift', needId: null, amount: 10_000, donor: anonymous },
					{ origin, account }
				);
				throw new Error('the caller fails later');
			})
			.catch(() => {});
		expect(await sql`select id from pledges`).toEqual([]);
		expect(await outbox('pledge_instructions')).toEqual([]);
	});

	it('does not let the public form flood one mailbox', async () => {
		for (let i = 0; i < 7; i++) await pledge({ amount: 10_000 + i });
		expect(await sql`select id from pledges`).toHaveLength(7);
		expect(await outbox('pledge_instructions')).toHaveLength(5);
	});
});

describe('thanks when the money arrives', () => {
	it('thanks a bank gift once, with the amount, the day and the need, even when the statement comes again', async () => {
		const needId = await decidedNeed(sql, p, 300_000, 'collection');
		const [need] = await sql<
			{ number: number; title: string }[]
		>`select number, title from needs where id = ${needId}`;
		const { variableSymbol } = await pledge({ needId });
		const file = fio([['7001', '02.11.2026', '1500,00', variableSymbol]]);
		const coordinator = contextFor(sql, p.coordinator, publicEnvironment);
		expect(await importStatement(coordinator, { name: 'vypis.csv', bytes: file })).toMatchObject({
			ok: true
		});
		expect(await importStatement(coordinator, { name: 'vypis-znovu.csv', bytes: file })).toMatchObject({
			ok: true
		});
		await deliverAll();

		const thanks = smtp.messages.filter((m) => m.subject === 'Děkujeme za váš dar');
		expect(thanks).toHaveLength(1);
		expect(thanks[0]!.to).toEqual(['eva@example.cz']);
		const text = plain(thanks[0]!.text);
		expect(text).toContain('váš dar 1 500 Kč k nám dorazil 2. listopadu 2026. Moc děkujeme!');
		expect(text).toContain(`Celý dar jde na potřebu č. ${need!.number} „${need!.title}“.`);
		expect(text).toContain(`${origin}/collections/${need!.number}`);
		expect(text).not.toContain('Dárcová');
		expect(await sql`select donation_id from donation_thanks`).toHaveLength(1);
	});

	it('thanks in the language of the pledge', async () => {
		const { variableSymbol } = await pledge({ amount: 20_000, locale: 'en' });
		const coordinator = contextFor(sql, p.coordinator, publicEnvironment);
		await importStatement(coordinator, {
			name: 'v.csv',
			bytes: fio([['7002', '31.12.2026', '200,00', variableSymbol]])
		});
		const [mail] = await outbox('gift_thanks');
		expect(mail).toMatchObject({ to: 'eva@example.cz', locale: 'en', subject: 'Thank you for your gift' });
		expect(plain(mail!.text)).toContain('your gift of CZK 200 reached us on 31 December 2026.');
		expect(mail!.text).toContain("Your gift went to the club's general fund");
		expect(mail!.text).toContain(`${origin}/impact`);
	});

	it('thanks a card gift once, however often Stripe delivers its events', async () => {
		const id = await cardCheckout(sql, 80_000, { donor: { name: 'Eva Dárcová', email: 'eva@example.cz' } });
		const paid = event('checkout.session.completed', session(id, 80_000, true));
		const webhook = systemContextFor(sql, publicEnvironment);
		await handleStripeEvent(webhook, paid);
		await handleStripeEvent(webhook, paid);
		await handleStripeEvent(
			webhook,
			event('checkout.session.async_payment_succeeded', session(id, 80_000, true))
		);
		await deliverAll();
		expect(smtp.messages.map((m) => [m.to, m.subject])).toEqual([
			[['eva@example.cz'], 'Děkujeme za váš dar']
		]);
		expect(plain(smtp.messages[0]!.text)).toContain('váš dar 800 Kč k nám dorazil');
	});

	const ctx = () => systemContextFor(sql, publicEnvironment);
	const give = (g: Partial<GiftInput>) =>
		sql.begin((tx) =>
			receiveGift(
				{ ...ctx(), db: tx },
				{ channel: 'card', amount: 10_000, needId: null, receivedOn: '2027-01-01', donor: anonymous, ...g }
			)
		);

	it('says which part reached the need when the gift was more than the need missed', async () => {
		const needId = await decidedNeed(sql, p, 30_000, 'collection');
		const [need] = await sql<{ number: number }[]>`select number from needs where id = ${needId}`;
		await give({ amount: 50_000, needId, locale: 'en' });
		await give({ amount: 10_000, needId });
		const [part, closed] = await outbox('gift_thanks');
		expect(plain(part!.text)).toContain(`CZK 300 goes to need no. ${need!.number}`);
		expect(plain(part!.text)).toContain("The remaining CZK 200 went to the club's general fund");
		expect(closed!.locale).toBe('cs');
		expect(closed!.text).toContain(
			`Potřeba č. ${need!.number} už mezitím další dary nepřijímala, proto jsme celý dar dali do společného fondu klubu`
		);
	});

	it("thanks a member for dues at the account's address and links to their own gifts", async () => {
		await give({ purpose: 'dues', amount: 50_000, donor: { id: p.member.id } });
		await deliverAll();
		const [mail] = smtp.messages;
		expect(mail).toMatchObject({ to: ['clen@test.cz'], subject: 'Děkujeme za členský příspěvek' });
		expect(plain(mail!.text)).toContain('váš členský příspěvek 500 Kč k nám dorazil 1. ledna 2027.');
		expect(mail!.text).toContain(`${origin}/profile/gifts`);
	});

	it('never writes to a closed account, nor without any address', async () => {
		await sql`update users set status = 'deactivated' where id = ${p.member.id}`;
		await give({ purpose: 'dues', donor: { id: p.member.id } });
		await give({ donor: { name: 'Bez adresy' } });
		expect(await outbox('gift_thanks')).toEqual([]);
	});

	it('leaves the thanks for gifts the coordinator records by hand to the coordinator', async () => {
		const result = await recordOfflineGift(contextFor(sql, p.coordinator, publicEnvironment), {
			kind: 'cash',
			amount: 10_000,
			receivedOn: '2026-11-02',
			needId: null,
			description: '',
			donorName: 'Eva Dárcová',
			donorAddress: '',
			donorEmail: 'eva@example.cz',
			note: ''
		});
		expect(result.ok).toBe(true);
		expect(await outbox('gift_thanks')).toEqual([]);
	});
});
