import { system } from '$lib/server/core/actor';

import { createContext } from '$lib/server/core/context';

import type { Person } from '$lib/server/core/actor';

import type { Tx } from '../db/client';

import { endInTransaction } from '../ledger/closing';

import { allocateInTransaction, receiveGift } from '../ledger/funding';

import { payOut } from '../ledger/payouts';

import { insertEvent, insertNeed } from '../needs/queries';
import { importInTransaction } from '../payments/bank/import';

import { createPledge } from '../payments/bank/pledges';

import type { HelpForm } from '../voting/decision';

import { acting, demoPerson, walk } from './acting';

import type { DemoPart } from './index';

import type { DemoNeedText } from './need-texts';

import { demoNeedContent } from './needs';

/*
 * Demo money: a general fund filled by a sponsor, a benefit concert and bank transfers; a statement
 * imported with pledges paid, one payment waiting to be assigned and pledges still unpaid; a collection
 * half funded; a need bought and paid out; and a need closed with the rest returned to the fund.
 */

const DAY = 24 * 60 * 60 * 1000;

export type FundedText = Omit<DemoNeedText, 'status' | 'thread' | 'reason' | 'duplicateOfKey'> & {
	form: HelpForm;
};

export const fundedDemoNeeds: FundedText[] = [
	{
		key: 'bedroom',
		organisation: 'praha',
		form: 'fund_and_collection',
		category: 'furniture',
		title: 'Postele a psací stůl pro dvě sestry v novém bytě',
		situation:
			'Matka se dvěma dcerami odešla po letech psychického a fyzického násilí do azylového domu a nyní se stěhuje do malého nájemního bytu. Byt je prázdný, dívky zatím spí na matracích na zemi a úkoly píšou u kuchyňské linky. Matka pracuje na zkrácený úvazek a splácí dluhy, které na ni převedl bývalý partner.',
		impact:
			'Sestry budou mít vlastní postel a místo na učení. Po letech nejistoty jim pokoj dá pocit domova a klidu, který potřebují ke spánku i ke škole.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: 'Praha 8',
		urgency: 'high',
		neededInDays: 21,
		items: [
			{ description: 'Postel s matrací 90 × 200 cm', quantity: 2, unitPriceKc: 8500 },
			{ description: 'Psací stůl se židlí', quantity: 1, unitPriceKc: 7000 }
		],
		otherFunding: []
	},
	{
		key: 'washer',
		organisation: 'brno',
		form: 'purchase',
		category: 'appliances',
		title: 'Pračka pro matku se třemi dětmi',
		situation:
			'Klientka s třemi dětmi se po odchodu od násilného partnera přestěhovala do bytu, který je vybavený jen částečně. Pračku si partner odvezl. Matka pere ručně nebo v prádelně, což při třech malých dětech a práci na směny nestíhá.',
		impact:
			'Matka ušetří každý týden mnoho hodin a peníze za prádelnu, děti budou mít čisté oblečení do školy a matka víc času na ně.',
		adults: 1,
		children: ['0-2', '6-10', '6-10'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'normal',
		neededInDays: 30,
		items: [{ description: 'Automatická pračka 7 kg s dovozem a instalací', quantity: 1, unitPriceKc: 8990 }],
		otherFunding: []
	},
	{
		key: 'school-start',
		organisation: 'brno',
		form: 'collection',
		category: 'school',
		title: 'Aktovka a školní pomůcky pro prvňáčka',
		situation:
			'Chlapec nastupuje do první třídy. Rodina žije od jara v bytě s podporou intervenčního centra a matka splácí dluhy, které na ni partner převedl. Na aktovku a pomůcky podle seznamu ze školy jí nezbývá.',
		impact:
			'Chlapec přijde první den do školy vybavený jako ostatní děti a nebude se muset stydět. Je to pro něj důležitý nový začátek.',
		adults: 1,
		children: ['6-10'],
		region: 'CZ064',
		district: null,
		urgency: 'normal',
		neededInDays: 60,
		items: [
			{ description: 'Školní aktovka se sadou penálu a sáčku', quantity: 1, unitPriceKc: 2200 },
			{ description: 'Pomůcky podle seznamu školy', quantity: 1, unitPriceKc: 1300 }
		],
		otherFunding: []
	}
];

const day = (offset: number, now: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
const czech = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A need the organisation submitted and the coordinator fast-tracked, decided with its form of help and
 * the contact person, its timeline back-dated from `submitted`. Returns its id.
 */
export async function seedDecidedNeed(
	tx: Tx,
	text: FundedText,
	people: {
		worker: { id: string; organisation_id: string | null };
		coordinator: Person;
		contactId: string;
		submitted: Date;
		now: number;
	}
): Promise<string> {
	const { worker, coordinator, contactId, submitted } = people;
	const need = await insertNeed(tx, {
		...demoNeedContent(text, people.now),
		organisationId: worker.organisation_id!,
		createdBy: worker.id
	});
	await tx`update needs set created_at = ${submitted}, submitted_at = ${submitted} where id = ${need.id}`;
	const steps = [
		{ kind: 'created', to: 'draft', by: worker.id },
		{ kind: 'submitted', from: 'draft', to: 'submitted', by: worker.id },
		{ kind: 'ready', from: 'submitted', to: 'ready', by: coordinator.id },
		{ kind: 'fast_tracked', from: 'ready', to: 'approved', by: coordinator.id }
	] as const;
	for (const [i, s] of steps.entries()) {
		await insertEvent(tx, {
			needId: need.id,
			actorId: s.by,
			kind: s.kind,
			fromStatus: 'from' in s ? s.from : null,
			toStatus: s.to,
			body: s.kind === 'fast_tracked' ? 'Naléhavé, částka v limitu koordinátora.' : null,
			at: new Date(submitted.getTime() + i * DAY)
		});
	}
	await walk(tx, need.id, 'draft', [
		['submit', demoPerson(worker.id, ['social_worker'])],
		['markReady', coordinator],
		['fastTrack', coordinator]
	]);
	const total = text.items.reduce((sum, i) => sum + i.quantity * i.unitPriceKc * 100, 0);
	await tx`insert into need_volunteers (need_id, member_id) values (${need.id}, ${contactId})`;
	await tx`
		insert into need_decisions (need_id, item_positions, approved_amount, form, contact_person_id, decided_by, decided_at)
		values (${need.id}, ${text.items.map((_, i) => i)}, ${total}, ${text.form}, ${contactId}, ${coordinator.id},
			${new Date(submitted.getTime() + 4 * DAY)})`;
	await insertEvent(tx, {
		needId: need.id,
		actorId: coordinator.id,
		kind: 'decided',
		data: { form: text.form, approvedAmount: total, items: text.items.length },
		at: new Date(submitted.getTime() + 4 * DAY)
	});
	return need.id;
}

export const moneyDemo: DemoPart = {
	name: 'money',
	async seed(tx: Tx, demo) {
		const now = Date.now();
		const user = async (email: string) =>
			(
				await tx<{ id: string; organisation_id: string | null }[]>`
				select id, organisation_id from users where email = ${email}`
			)[0]!;
		const coordinatorRow = await user('koordinator@example.org');
		const contact = await user('clen1@example.org');
		const donor = await user('darce@example.org');
		const member = await user('clen2@example.org');
		const workers = { praha: await user('pracovnice@example.org'), brno: await user('ospod@example.org') };
		const coordinator: Person = {
			kind: 'person',
			id: coordinatorRow.id,
			name: 'Jana Dvořáková',
			roles: ['coordinator', 'member'],
			organisationId: null
		};

		await tx`
			update club_settings set registration_number = '22876545', address = 'Vinohradská 1200/30, 120 00 Praha 2',
				place = 'Praha 2', collection_reference = 'S-MHMP 0123456/2026',
				signatory_name = 'Jana Dvořáková', signatory_role = 'koordinátorka klubu dárců'`;

		// the general fund: a sponsor and a benefit concert
		await receiveGift(createContext(tx, system, demo), {
			channel: 'offline',
			offlineKind: 'sponsor',
			amount: 6_000_000,
			needId: null,
			donor: { name: 'Nadační fond Světlo', address: 'Husova 5, 602 00 Brno' },
			receivedOn: day(-45, now),
			note: 'Roční dar nadačního fondu podle smlouvy',
			recordedBy: coordinator.id
		});
		await receiveGift(createContext(tx, system, demo), {
			channel: 'offline',
			offlineKind: 'cash',
			amount: 1_250_000,
			needId: null,
			receivedOn: day(-30, now),
			note: 'Výtěžek benefičního koncertu',
			recordedBy: coordinator.id
		});

		// three needs the club approved, with their decisions
		const needs: Record<string, string> = {};
		for (const [index, text] of fundedDemoNeeds.entries()) {
			needs[text.key] = await seedDecidedNeed(tx, text, {
				worker: workers[text.organisation],
				coordinator,
				contactId: contact.id,
				submitted: new Date(now - (40 - index * 4) * DAY),
				now
			});
		}

		// bank pledges: some paid (on the statement below), some still waiting
		const pledge = async (input: Parameters<typeof createPledge>[1]) => {
			const result = await createPledge(tx, input);
			if (!result.ok) throw new Error(`demo pledge: ${result.reason}`);
			return result.variableSymbol;
		};
		const nobody = { id: null, name: null, email: null, address: null };
		const fromDonor = await pledge({
			purpose: 'gift',
			needId: null,
			amount: 100_000,
			donor: {
				id: donor.id,
				name: 'Pavel Horák',
				email: 'darce@example.org',
				address: 'Lipová 12, 779 00 Olomouc'
			}
		});
		const dues = await pledge({
			purpose: 'dues',
			needId: null,
			amount: 60_000,
			donor: { ...nobody, id: member.id }
		});
		const toBedroom = await pledge({
			purpose: 'gift',
			needId: needs.bedroom!,
			amount: 200_000,
			donor: nobody
		});
		const toSchool = await pledge({
			purpose: 'gift',
			needId: needs['school-start']!,
			amount: 200_000,
			donor: nobody
		});
		await pledge({ purpose: 'gift', needId: needs.bedroom!, amount: 150_000, donor: nobody });
		await pledge({
			purpose: 'gift',
			needId: null,
			amount: 50_000,
			donor: { ...nobody, name: 'Alena Malá', email: 'alena.mala@example.org' }
		});

		// the school collection gets cash first, so the bank gift below overflows by 500 Kč to the fund
		await receiveGift(createContext(tx, system, demo), {
			channel: 'offline',
			offlineKind: 'cash',
			amount: 200_000,
			needId: needs['school-start']!,
			receivedOn: day(-12, now),
			note: 'Sbírková pokladnička na farmářském trhu',
			recordedBy: coordinator.id
		});
		const allocate = async (key: string, amount: number, offset: number) => {
			const result = await allocateInTransaction(
				acting(demo, tx, coordinator),
				needs[key]!,
				amount,
				day(offset, now)
			);
			if (!result.ok) throw new Error(`demo allocation: ${result.reason}`);
		};
		await allocate('bedroom', 800_000, -10);
		await allocate('washer', 899_000, -9);

		const header =
			'"ID operace";"Datum";"Objem";"Měna";"Protiúčet";"Název protiúčtu";"Kód banky";"VS";"Zpráva pro příjemce";"Typ"';
		const line = (
			id: string,
			offset: number,
			kc: string,
			vs: string,
			name: string,
			message: string,
			type = 'Bezhotovostní příjem'
		) =>
			type === 'Poplatek'
				? `"${id}";"${czech(day(offset, now))}";"${kc}";"CZK";"";"";"";"";"${message}";"${type}"`
				: `"${id}";"${czech(day(offset, now))}";"${kc}";"CZK";"2900999888";"${name}";"2010";"${vs}";"${message}";"${type}"`;
		const statement = [
			'"accountId";"19-2000145399"',
			'"bankId";"0800"',
			'"currency";"CZK"',
			'"iban";"CZ6508000000192000145399"',
			'',
			header,
			line('27001000001', -8, '1000,00', fromDonor, 'Horák Pavel', 'Dar pro klub'),
			line('27001000002', -8, '600,00', dues, 'Černá Eva', 'Členský příspěvek'),
			line('27001000003', -7, '2000,00', toBedroom, '', 'Dar na pokoj pro sestry'),
			line('27001000004', -6, '2000,00', toSchool, '', 'Pro prvňáčka'),
			line('27001000005', -5, '300,00', '', 'Novotný Karel', 'Dar'),
			line('27001000006', -3, '-45,00', '', '', 'Poplatek za vedení účtu', 'Poplatek')
		].join('\r\n');
		const imported = await importInTransaction(acting(demo, tx, coordinator), {
			name: 'vypis-demo.csv',
			bytes: new TextEncoder().encode(statement)
		});
		if (!imported.ok) throw new Error(`demo statement: ${JSON.stringify(imported)}`);

		// the bedroom gets a transfer the coordinator recorded by hand: 12 000 of 24 000 Kč collected
		await receiveGift(createContext(tx, system, demo), {
			channel: 'offline',
			offlineKind: 'transfer',
			amount: 200_000,
			needId: needs.bedroom!,
			donor: { name: 'Farnost sv. Ludmily' },
			receivedOn: day(-4, now),
			note: 'Převod na účet sbírky u jiné banky',
			recordedBy: coordinator.id
		});

		// the washing machine was bought; the school things too, and that need is closed
		const paid = await payOut(
			acting(demo, tx, coordinator),
			needs.washer!,
			{
				recipient: 'supplier',
				supplier: 'Elektro Brno s.r.o.',
				amount: 899_000,
				paidOn: day(-6, now),
				note: 'Faktura 2026/1182, dovoz a instalace'
			},
			null
		);
		const school = await payOut(
			acting(demo, tx, coordinator),
			needs['school-start']!,
			{
				recipient: 'supplier',
				supplier: 'Papírnictví U Školy',
				amount: 320_000,
				paidOn: day(-3, now),
				note: 'Aktovka a pomůcky podle seznamu'
			},
			null
		);
		if (!paid.ok || !school.ok) throw new Error('demo payouts');
		const closed = await endInTransaction(
			acting(demo, tx, coordinator),
			needs['school-start']!,
			'Pomůcky předány, chlapec je ve škole.',
			'closed'
		);
		if (!closed.ok) throw new Error('demo closing');
	}
};
