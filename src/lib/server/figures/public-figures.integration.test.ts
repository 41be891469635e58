import { render } from 'svelte/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgeBand } from '$lib/needs';
import type { Db } from '../db/client';
import { arrangeDelivery, markBought, markDelivered } from '../delivery/steps';
import { saveProtectedData } from '../delivery/protected';
import type { AttachmentStore } from '../files/uploads';
import { allocateFromFund, receiveGift } from '../ledger/funding';
import { recordOfflineGift } from '../ledger/offline';
import { recordPayout } from '../ledger/payouts';
import { channelTotals } from '../ledger/reports';
import { decidedNeed, moneyTestDatabase } from '../ledger/test-factory';
import { contextFor, testEnvironment, type People } from '../needs/test-factory';
import { assignPayment, importStatement, listUnassignedPayments } from '../payments/bank/import';
import { listDonorsForYear } from '../payments/receipts/confirmations';
import { takeBackCardGift, type CardDonation } from '../payments/stripe/card-donations';
import * as home from '../../../routes/(public)/+page.server';
import HomePage from '../../../routes/(public)/+page.svelte';
import * as impact from '../../../routes/(public)/impact/+page.server';
import ImpactPage from '../../../routes/(public)/impact/+page.svelte';
import * as figuresCsv from '../../../routes/(public)/impact/figures.csv/+server';
import * as transparency from '../../../routes/(public)/transparency/+page.server';
import TransparencyPage from '../../../routes/(public)/transparency/+page.svelte';
import * as yearsCsv from '../../../routes/(public)/transparency/years.csv/+server';

/*
 * Every public surface — the home page, /impact with figures.csv, /transparency with years.csv — loaded
 * through its own load or GET handler and rendered (or parsed) as a visitor gets it, on data with member
 * dues, a bank payment nobody assigned yet, a refunded card gift, two and then four deliveries. Each
 * figure must read the same everywhere: a surface with a definition of its own fails here.
 */

// the pages' share tags read the page's address, which only a running SvelteKit has
vi.mock('$app/state', () => ({ page: { url: new URL('https://spolu.example/') } }));

const t = moneyTestDatabase();
let sql: Db;
let p: People;
let store: AttachmentStore;

// the loads read the process's runtime: a stand-in with only what they ask (the database, the bank
// account, Stripe not configured, not a demo)
const holder = globalThis as unknown as { __spolu?: { runtime?: unknown } };
let saved: unknown;
const runAs = (options: { demo: boolean; bankIban: string | null | undefined }) => {
	holder.__spolu!.runtime = {
		sql,
		demo: options.demo,
		config: { stripe: undefined },
		environment: { ...testEnvironment, bankIban: options.bankIban }
	};
};
beforeEach(() => {
	({ sql, p, store } = t);
	holder.__spolu ??= {};
	saved = holder.__spolu.runtime;
	runAs({ demo: false, bankIban: testEnvironment.bankIban });
});
afterEach(() => {
	holder.__spolu!.runtime = saved;
});

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });
const thisYear = () => Number(today().slice(0, 4));

/** What SvelteKit hands a public GET: an anonymous visitor. */
const event = (path: string) =>
	({
		url: new URL(`https://spolu.example${path}`),
		request: new Request(`https://spolu.example${path}`),
		locals: { user: null, twoFactor: null },
		cookies: { get: () => undefined },
		setHeaders: () => {},
		params: {}
	}) as never;

/** A page's HTML as the visitor gets it, without Svelte's hydration markers. */
const show = (Page: unknown, data: unknown) =>
	render(Page as never, { props: { data, params: {} } as never }).body.replace(/<!--[^>]*-->/g, '');

/** "12 345,50 Kč" (any spaces, a minus) → haléře */
const halere = (text: string) => {
	const m = /(-?)([\d\s\u00a0\u202f]+)(?:,(\d{2}))?\s*Kč/.exec(text);
	if (!m) throw new Error(`no amount in ${text}`);
	return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/\D/g, '')) * 100 + Number(m[3] ?? 0));
};
/** "1234,50" → haléře */
const csvHalere = (text: string) => {
	const [whole, part] = text.split(',');
	return Math.sign(Number(whole) || 1) * (Math.abs(Number(whole)) * 100 + Number(part ?? 0));
};

/** A CSV's rows of cells (our own CSV: `;`, no quoted `;` in these cells), without the BOM. */
const parseCsv = (text: string) =>
	text
		.replace(/^\uFEFF/, '')
		.trim()
		.split('\r\n')
		.map((l) => l.split(';'));

const cells = (html: string, open: string, close: string) =>
	[...html.matchAll(new RegExp(`${open}[^>]*>([\\s\\S]*?)${close}`, 'g'))].map((m) => m[1]!.trim());

/** The label → value pairs of the figures' <dl> (home page and /impact). */
const definitions = (html: string) => {
	const labels = cells(html, '<dt', '</dt>');
	const values = cells(html, '<dd', '</dd>');
	return new Map(labels.map((l, i) => [l, values[i]!]));
};

/** The transparency table: figure → [year heading, value][] */
const transparencyTable = (html: string) => {
	const table = /<table[\s\S]*?<\/table>/.exec(html)![0];
	expect(table).toContain('class="cards-on-phone');
	const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)![1]!;
	const rows = new Map<string, [string, string][]>();
	for (const tr of body.split('</tr>').filter((r) => r.includes('<th'))) {
		const label = cells(tr, '<th', '</th>')[0]!;
		const values = [...tr.matchAll(/<td data-label="([^"]*)"[^>]*>([\s\S]*?)<\/td>/g)].map(
			(m) => [m[1]!, m[2]!.trim()] as [string, string]
		);
		rows.set(label, values);
	}
	return rows;
};

/** A need of 30 000 haléře walked to "delivered" the way the contact person does it, `days` before. */
async function deliveredNeed(children: AgeBand[], days: number) {
	const needId = await decidedNeed(sql, p, 30_000, 'purchase', { children });
	const allocated = await allocateFromFund(contextFor(sql, p.coordinator), needId, 30_000);
	if (!allocated.ok) throw new Error(allocated.reason);
	const saved = await saveProtectedData(
		contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }),
		needId,
		{ name: 'Marie Zkušební', phone: '+420 603 111 222', deliveryWay: 'office', address: null }
	);
	if (!saved.ok) throw new Error(saved.reason);
	const arranged = await arrangeDelivery(contextFor(sql, p.member), needId, {
		plan: 'Obchod doveze věci do kanceláře centra.'
	});
	if (!arranged.ok) throw new Error(arranged.reason);
	const paid = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ recipient: 'supplier', amount: 30_000, supplier: 'IKEA', paidOn: today(), note: '' },
		null
	);
	if (!paid.ok) throw new Error(paid.reason);
	const bought = await markBought(contextFor(sql, p.member), needId);
	if (!bought.ok) throw new Error(bought.reason);
	const done = await markDelivered(
		contextFor(sql, p.member),
		store,
		needId,
		{ deliveredOn: today(), note: '' },
		null
	);
	if (!done.ok) throw new Error(done.reason);
	// submitted `days` days and a few hours before the delivery: whole days count
	await sql`
		update needs n set submitted_at = d.delivered_at - make_interval(days => ${days}, hours => 3)
		from need_deliveries d where d.need_id = n.id and n.id = ${needId}`;
}

/** A gift (or dues) as the card webhook and the bank import book them. */
const received = (channel: 'card' | 'bank', purpose: 'gift' | 'dues', amount: number, on: string) =>
	sql.begin((tx) =>
		receiveGift(contextFor(tx, p.coordinator), { channel, purpose, amount, needId: null, receivedOn: on })
	);

const cz = (h: number) => `${Math.trunc(h / 100)},${String(h % 100).padStart(2, '0')}`;

/** A Fio CSV export of the club's account with two payments that match no pledge, the same day. */
const statement = (day: string) =>
	new TextEncoder().encode(
		[
			'"accountId";"2901234567"',
			'"bankId";"2010"',
			'"currency";"CZK"',
			'',
			'"ID pohybu";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce"',
			`"9001";"${day}";"${cz(7_000)}";"CZK";"2900999888";"Eva Dárcová";"2010";"";"dar"`,
			`"9002";"${day}";"${cz(4_000)}";"CZK";"2900999888";"Eva Dárcová";"2010";"";"nevím"`
		].join('\r\n')
	);

const YEAR = thisYear();
const LAST = YEAR - 1;

/**
 * The money: in the last year a cash gift of 200 000; this year a card gift of 20 000 of which 5 000 was
 * refunded, card dues of 50 000, and two bank payments of the same day matching nothing — 7 000 then
 * assigned to the fund as a gift, 4 000 still waiting. Gifts: 200 000 + 15 000 + 7 000 = 222 000.
 */
async function money() {
	const cash = await recordOfflineGift(contextFor(sql, p.coordinator), {
		kind: 'cash',
		amount: 200_000,
		receivedOn: `${LAST}-06-01`,
		needId: null,
		description: '',
		donorName: 'Jana Dárcová',
		donorAddress: 'Brno',
		donorEmail: '',
		note: ''
	});
	if (!cash.ok) throw new Error(cash.reason);
	const card = await received('card', 'gift', 20_000, `${YEAR}-01-10`);
	await sql.begin(async (tx) => {
		const [donation] = await tx<CardDonation[]>`
			select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
			from donations where id = ${card.donationId} for update`;
		await takeBackCardGift(tx, donation!, 5_000, { memo: 'refund', occurredOn: `${YEAR}-01-12` });
	});
	await received('card', 'dues', 50_000, `${YEAR}-01-15`);
	const imported = await importStatement(contextFor(sql, p.coordinator), {
		name: 'vypis.csv',
		bytes: statement(`02.01.${YEAR}`)
	});
	expect(imported).toMatchObject({ ok: true, summary: { unassigned: 2 } });
	// both came the same day, so the list's order between them is not fixed: the 70 Kč one is assigned
	const first = (await listUnassignedPayments(sql)).rows.find((payment) => payment.amount === 7_000);
	expect(first, 'the 70 Kč payment waits').toBeTruthy();
	expect(await assignPayment(contextFor(sql, p.coordinator), first!.id, { kind: 'fund' })).toEqual({
		ok: true
	});
}

const GIFTS = 222_000;

/** Every surface's figures, read as a visitor reads them. */
async function surfaces() {
	const homeData = await home.load(event('/'));
	const homeFigures = definitions(show(HomePage, homeData));
	const impactData = await impact.load(event('/impact'));
	const impactFigures = definitions(show(ImpactPage, impactData));
	const figures = parseCsv(await (await figuresCsv.GET(event('/impact/figures.csv'))).text());
	const summary = new Map(figures.filter((r) => r[0] === 'Souhrn').map((r) => [r[1], r[2]]));
	const transparencyData = await transparency.load(event('/transparency'));
	const table = transparencyTable(show(TransparencyPage, transparencyData));
	const years = parseCsv(await (await yearsCsv.GET(event('/transparency/years.csv'))).text());
	const header = years[0]!;
	const column = (name: string) => {
		const i = header.indexOf(name);
		expect(i, name).toBeGreaterThanOrEqual(0);
		return years.slice(1).map((r) => r[i]!);
	};
	const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
	return {
		home: {
			needs: homeFigures.get('splněných potřeb rodin'),
			children: homeFigures.get('dětí, ke kterým pomoc dorazila'),
			gifts: halere(homeFigures.get('darováno na pomoc')!),
			days: homeFigures.get('dní od žádosti po předání pomoci (medián)')
		},
		impact: {
			needs: impactFigures.get('Splněné potřeby'),
			children: impactFigures.get('Děti v rodinách, kterým jsme pomohli'),
			gifts: halere(impactFigures.get('Dary celkem')!),
			days: impactFigures.get('Dní od podání žádosti do předání pomoci (medián)')
		},
		figuresCsv: {
			needs: summary.get('Splněné potřeby'),
			children: summary.get('Děti v rodinách, kterým jsme pomohli'),
			gifts: csvHalere(summary.get('Dary celkem (Kč)')!),
			days: summary.get('Dní od podání žádosti do předání pomoci (medián)')
		},
		transparency: {
			gifts: sum(table.get('Dary celkem (po vrácení)')!.map(([, v]) => halere(v))),
			dues: sum(table.get('Členské příspěvky (nejsou dary)')!.map(([, v]) => halere(v))),
			unassigned: sum(table.get('Platby na účet zatím nepřiřazené (nejsou dary)')!.map(([, v]) => halere(v))),
			cardGifts: sum(table.get('Dary platební kartou')!.map(([, v]) => halere(v))),
			refunds: sum(table.get('Vráceno dárcům')!.map(([, v]) => halere(v))),
			needsThisYear: table.get('Splněné potřeby')![0]
		},
		yearsCsv: {
			gifts: sum(column('Dary celkem po vrácení (Kč)').map(csvHalere)),
			dues: sum(column('Členské příspěvky – nejsou dary (Kč)').map(csvHalere)),
			unassigned: sum(column('Nepřiřazené platby – nejsou dary (Kč)').map(csvHalere)),
			cardGifts: sum(column('Dary kartou (Kč)').map(csvHalere)),
			income: sum(column('Příjmy celkem (Kč)').map(csvHalere)),
			needsThisYear: column('Splněné potřeby')[0]
		},
		homeData
	};
}

describe('the public figures', () => {
	it('read the same on the home page, /impact, /transparency and both CSVs: gifts without dues, one small-number rule, one median', async () => {
		await money();
		// enough in the fund for four needs of 30 000 (a gift too: it counts)
		const fund = await recordOfflineGift(contextFor(sql, p.coordinator), {
			kind: 'sponsor',
			amount: 120_000,
			receivedOn: `${YEAR}-01-20`,
			needId: null,
			description: '',
			donorName: 'Firma s.r.o.',
			donorAddress: 'Praha',
			donorEmail: '',
			note: ''
		});
		if (!fund.ok) throw new Error(fund.reason);
		const gifts = GIFTS + 120_000;

		// two deliveries, after 19 and 20 whole days: too few to name, and an even number for the median
		await deliveredNeed(['3-5'], 19);
		await deliveredNeed(['6-10'], 20);
		let s = await surfaces();
		for (const surface of [s.home, s.impact, s.figuresCsv]) {
			expect(surface.needs).toBe('méně než 3');
			expect(surface.children).toBe('méně než 3');
			// the mean of 19 and 20, rounded half up: the same whole number everywhere, never "19,5"
			expect(surface.days).toBe('20');
			// dues (50 000) and the waiting payment (4 000) are not gifts anywhere
			expect(surface.gifts).toBe(gifts);
		}
		expect(s.transparency.needsThisYear).toEqual([`${YEAR} (zatím)`, 'méně než 3']);
		expect(s.yearsCsv.needsThisYear).toBe('méně než 3');
		expect(s.transparency).toMatchObject({ gifts, dues: 50_000, unassigned: 4_000, cardGifts: 20_000 });
		expect(s.transparency.refunds).toBe(-5_000);
		expect(s.yearsCsv).toMatchObject({
			gifts,
			dues: 50_000,
			unassigned: 4_000,
			cardGifts: 20_000,
			income: gifts + 50_000 + 4_000
		});

		// the same gifts as the coordinator's totals per channel and the donors' confirmations of gifts
		const coordinator = (await channelTotals(sql)).filter((c) => c.purpose === 'gift');
		expect(coordinator.reduce((sum, c) => sum + c.amount, 0)).toBe(gifts);
		const confirmed = await listDonorsForYear(sql, LAST);
		expect(confirmed.reduce((sum, d) => sum + d.total, 0)).toBe(200_000);
		// and everything that came in is all the ledger's income: nothing counted twice or lost
		const [ledger] = await sql<{ income: number }[]>`
			select -sum(balance)::bigint as income from ledger_accounts where kind = 'income'`;
		expect(ledger!.income).toBe(gifts + 50_000 + 4_000);

		// four deliveries (10, 19, 20, 30 days): shown as a number everywhere, the median again 20
		await deliveredNeed(['0-2', '11-14'], 10);
		await deliveredNeed(['15-17'], 30);
		s = await surfaces();
		for (const surface of [s.home, s.impact, s.figuresCsv]) {
			expect(surface.needs).toBe('4');
			expect(surface.children).toBe('5');
			expect(surface.days).toBe('20');
		}
		expect(s.transparency.needsThisYear).toEqual([`${YEAR} (zatím)`, '4']);
		expect(s.yearsCsv.needsThisYear).toBe('4');
	});

	it('promise on the home page only the ways of giving that work', async () => {
		const donors = async () => show(HomePage, await home.load(event('/')));
		// a bank account, no Stripe: transfers only
		let body = await donors();
		expect(body).toContain('Přispějete bankovním převodem s QR kódem');
		expect(body).not.toMatch(/kart(ou|a)/);
		// neither: no promise of paying on the site
		runAs({ demo: false, bankIban: null });
		body = await donors();
		expect(body).toContain('placení na webu zatím není k dispozici');
		expect(body).not.toContain('Přispějete');
		// the demo without Stripe keys runs card payments in the local test mode: card and transfer
		runAs({ demo: true, bankIban: testEnvironment.bankIban });
		body = await donors();
		expect(body).toContain('Přispějete kartou nebo bankovním převodem');
	});
});
