import { system } from '$lib/server/core/actor';
import { createContext } from '$lib/server/core/context';
import type { Person } from '$lib/server/core/actor';
import { writeProtectedData, type ProtectedInput } from '../delivery/protected';
import {
	arrangeInTransaction,
	boughtInTransaction,
	confirmInTransaction,
	deliveredInTransaction
} from '../delivery/steps';
import { allocateInTransaction, receiveGift } from '../ledger/funding';
import { payOut } from '../ledger/payouts';
import { acting } from './acting';
import type { DemoPart } from './index';
import { fundedDemoNeeds, seedDecidedNeed, type FundedText } from './money';

/*
 * Demo delivery: approved needs in every step of the delivery, each with a demo client whose name, phone
 * and (for home delivery) address are stored encrypted like real ones — the collection still funding
 * (delivery to the centre's office), winter clothes funded and waiting to be arranged, the washing
 * machine arranged and bought (home delivery), a fridge delivered and waiting for the social worker's
 * confirmation, and a summer camp confirmed with the family's feedback. The clients are invented; the
 * tests check that none of them appears in plain text in a dump of the demo database.
 */

const DAY = 24 * 60 * 60 * 1000;

export const deliveryDemoNeeds: FundedText[] = [
	{
		key: 'winter-clothes',
		organisation: 'praha',
		form: 'purchase',
		category: 'clothing',
		title: 'Zimní bundy a boty pro dva chlapce',
		situation:
			'Matka odešla se dvěma syny od násilného partnera jen s tím, co unesli. Chlapci chodí do školy v podzimních bundách a teniskách. Matka nastoupila do nové práce a první výplatu dostane až za měsíc.',
		impact: 'Chlapci budou mít v zimě teplo a mohou chodit ven a do školy jako ostatní děti.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: 'Praha 9',
		urgency: 'high',
		neededInDays: 14,
		items: [
			{ description: 'Zimní bunda', quantity: 2, unitPriceKc: 1200 },
			{ description: 'Zimní boty', quantity: 2, unitPriceKc: 900 }
		],
		otherFunding: []
	},
	{
		key: 'fridge',
		organisation: 'brno',
		form: 'purchase',
		category: 'appliances',
		title: 'Lednice do nového bytu',
		situation:
			'Rodina se po pobytu v azylovém domě nastěhovala do obecního bytu bez spotřebičů. Potraviny matka skladuje za oknem a nakupuje každý den, což s malým dítětem a prací na směny nezvládá.',
		impact: 'Rodina může nakupovat jednou týdně, ušetří a dítě bude mít čerstvé jídlo.',
		adults: 1,
		children: ['3-5'],
		region: 'CZ064',
		district: 'Brno-venkov',
		urgency: 'normal',
		neededInDays: 30,
		items: [{ description: 'Lednice s mrazákem, energetická třída A', quantity: 1, unitPriceKc: 6490 }],
		otherFunding: []
	},
	{
		key: 'summer-camp',
		organisation: 'praha',
		form: 'purchase',
		category: 'leisure',
		title: 'Letní tábor pro dceru po náročném roce',
		situation:
			'Dívka byla svědkem dlouhodobého násilí mezi rodiči a prochází terapií. Matka sama nedokáže zaplatit tábor, o který dcera stojí a který terapeutka doporučuje.',
		impact: 'Týden mezi vrstevníky bez strachu jí pomůže znovu získat důvěru a radost.',
		adults: 1,
		children: ['11-14'],
		region: 'CZ010',
		district: null,
		urgency: 'normal',
		neededInDays: 45,
		items: [{ description: 'Týdenní letní tábor s ubytováním a stravou', quantity: 1, unitPriceKc: 4800 }],
		otherFunding: []
	}
];

/** The invented clients of the demo, by need; only the delivery demo writes them, encrypted. */
export const demoClients: Record<string, ProtectedInput> = {
	bedroom: { name: 'Lucie Marková', phone: '+420 602 318 447', deliveryWay: 'office', address: null },
	washer: {
		name: 'Tereza Vlčková',
		phone: '+420 731 552 904',
		deliveryWay: 'home',
		address: 'Táborská 41, 615 00 Brno'
	},
	'winter-clothes': {
		name: 'Petra Šimková',
		phone: '+420 608 724 113',
		deliveryWay: 'supplier',
		address: null
	},
	fridge: { name: 'Monika Horáčková', phone: '+420 774 260 815', deliveryWay: 'pickup', address: null },
	'summer-camp': {
		name: 'Kateřina Benešová',
		phone: '+420 725 901 336',
		deliveryWay: 'office',
		address: null
	}
};

const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export const deliveryDemo: DemoPart = {
	name: 'delivery',
	async seed(tx, demo) {
		const now = Date.now();
		const person = async (email: string): Promise<Person> => {
			const [row] = await tx<{ id: string; name: string; organisation_id: string | null }[]>`
					select id, name, organisation_id from users where email = ${email}`;
			const roles = await tx<{ role: Person['roles'][number] }[]>`
					select role from user_roles where user_id = ${row!.id}`;
			return {
				kind: 'person',
				id: row!.id,
				name: row!.name,
				roles: roles.map((r) => r.role),
				organisationId: row!.organisation_id
			};
		};
		const coordinator = await person('koordinator@example.org');
		const contact = await person('clen1@example.org');
		const workers = {
			praha: await person('pracovnice@example.org'),
			brno: await person('ospod@example.org')
		};
		const check = (what: string, result: { ok: boolean; reason?: string }) => {
			if (!result.ok) throw new Error(`demo delivery, ${what}: ${result.reason}`);
		};

		// a company's Christmas collection among its staff pays for these needs
		await receiveGift(createContext(tx, system, demo), {
			channel: 'offline',
			offlineKind: 'sponsor',
			amount: 1_500_000,
			needId: null,
			donor: { name: 'Stavby Morava a.s.', address: 'Vídeňská 88, 639 00 Brno' },
			receivedOn: isoDay(now - 20 * DAY),
			note: 'Vánoční sbírka zaměstnanců',
			recordedBy: coordinator.id
		});

		const needs: Record<string, string> = {};
		for (const key of ['bedroom', 'washer']) {
			const title = fundedDemoNeeds.find((t) => t.key === key)!.title;
			const [row] = await tx<{ id: string }[]>`select id from needs where title = ${title}`;
			needs[key] = row!.id;
		}
		for (const [index, text] of deliveryDemoNeeds.entries()) {
			const worker = workers[text.organisation];
			needs[text.key] = await seedDecidedNeed(tx, text, {
				worker: { id: worker.id, organisation_id: worker.organisationId },
				coordinator,
				contactId: contact.id,
				submitted: new Date(now - (34 - index * 3) * DAY),
				now
			});
			const total = text.items.reduce((sum, i) => sum + i.quantity * i.unitPriceKc * 100, 0);
			check(
				'allocation',
				await allocateInTransaction(
					acting(demo, tx, coordinator),
					needs[text.key]!,
					total,
					isoDay(now - 18 * DAY)
				)
			);
		}
		const organisationOf = (key: string) =>
			key === 'washer' || key === 'fridge' ? workers.brno : workers.praha;
		for (const [key, client] of Object.entries(demoClients))
			check(
				'protected data',
				await writeProtectedData(acting(demo, tx, organisationOf(key)), needs[key]!, client)
			);

		const deliver = async (key: string, plan: string, supplier: string, paidDaysAgo: number) => {
			const needId = needs[key]!;
			check('arranged', await arrangeInTransaction(acting(demo, tx, contact), needId, { plan }));
			// the steps happened days ago: the day of delivery may not be before the arrangement
			await tx`update need_deliveries set arranged_at = ${new Date(now - (paidDaysAgo + 2) * DAY)}
					where need_id = ${needId}`;
			const [{ balance } = { balance: 0 }] = await tx<{ balance: number }[]>`
					select balance::int as balance from ledger_accounts where code = ${`need:${needId}`}`;
			if (balance > 0)
				check(
					'payout',
					await payOut(
						acting(demo, tx, contact),
						needId,
						{
							recipient: 'supplier',
							supplier,
							amount: balance,
							paidOn: isoDay(now - paidDaysAgo * DAY),
							note: ''
						},
						null
					)
				);
			check('bought', await boughtInTransaction(acting(demo, tx, contact), needId));
			await tx`update need_deliveries set bought_at = ${new Date(now - paidDaysAgo * DAY)} where need_id = ${needId}`;
		};
		// the washing machine (paid out by the money demo): arranged and bought, to be delivered home
		await deliver(
			'washer',
			'Elektro Brno doveze a zapojí pračku v pátek dopoledne, klientka bude doma.',
			'Elektro Brno s.r.o.',
			6
		);
		await deliver(
			'fridge',
			'Lednici vyzvedne sociální pracovnice s klientkou v prodejně, odvoz zajistí centrum.',
			'Elektro Brno s.r.o.',
			9
		);
		check(
			'delivered',
			await deliveredInTransaction(
				acting(demo, tx, contact),
				needs.fridge!,
				{ deliveredOn: isoDay(now - 8 * DAY), note: 'Lednice je zapojená a funguje.' },
				null,
				new Date(now - 8 * DAY)
			)
		);
		await deliver(
			'summer-camp',
			'Tábor zaplatíme přímo pořadateli, přihlášku vyplní klientka s pracovnicí.',
			'Tábory Pod Lesem, z. s.',
			15
		);
		check(
			'delivered',
			await deliveredInTransaction(
				acting(demo, tx, contact),
				needs['summer-camp']!,
				{ deliveredOn: isoDay(now - 12 * DAY), note: 'Přihláška potvrzena, tábor je zaplacený.' },
				null,
				new Date(now - 12 * DAY)
			)
		);
		check(
			'confirmed',
			await confirmInTransaction(acting(demo, tx, workers.praha), needs['summer-camp']!, {
				thanks: 'Dcera se z tábora vrátila nadšená a už plánuje, že pojede znovu. Moc vám děkujeme.',
				change:
					'Poprvé po dlouhé době byla týden bez starostí mezi kamarády. Doma je klidnější a víc se usmívá.',
				confirmFindings: false
			})
		);
	}
};
