import type { Tx } from '../db/client';

import { insertEvent, insertNeed } from '../needs/queries';
import { system } from '../core/actor';

import { demoPerson, walk } from './acting';

import type { DemoPart } from './index';

import { demoNeedContent } from './needs';

import type { DemoNeedText } from './need-texts';

/*
 * Demo club votes: an open poll with some votes cast (on the urgent ready need of the demo), and three
 * needs whose polls closed with each outcome — approved, rejected, no quorum (back to ready).
 */

const DAY = 24 * 60 * 60 * 1000;

type Voted = Omit<DemoNeedText, 'status' | 'thread' | 'reason' | 'duplicateOfKey'> & {
	outcome: 'approved' | 'rejected' | 'no_quorum';
	/** the demo members' votes, clen1 … clen4 and the coordinator */
	votes: ({ choice: 'yes' | 'no' | 'abstain' | 'recused'; reason?: string } | null)[];
};

export const votedDemoNeeds: Voted[] = [
	{
		key: 'camp-siblings',
		organisation: 'praha',
		outcome: 'approved',
		category: 'leisure',
		title: 'Letní tábor pro dva sourozence (9 a 12 let)',
		situation:
			'Matka se dvěma syny žije od jara v azylovém domě po odchodu od násilného partnera. Chlapci byli svědky opakovaného násilí a starší z nich se uzavírá do sebe. Matka nastoupila do nového zaměstnání a na léto nemá možnost zajistit dětem program. Tábor organizuje ověřená organizace se zkušeností s dětmi po traumatu.',
		impact:
			'Chlapci stráví týden mezi vrstevníky v bezpečném prostředí, s dospělými, kteří vědí, čím prošli. Matka získá čas na stěhování do vlastního bytu.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: null,
		urgency: 'normal',
		neededInDays: 180,
		items: [
			{ description: 'Týdenní letní tábor (ubytování, strava, program)', quantity: 2, unitPriceKc: 4900 }
		],
		otherFunding: [{ source: 'Vlastní podíl rodiny', amountKc: 1000 }],
		votes: [{ choice: 'yes' }, { choice: 'yes' }, { choice: 'abstain' }, { choice: 'yes' }, { choice: 'yes' }]
	},
	{
		key: 'tablet',
		organisation: 'brno',
		outcome: 'rejected',
		category: 'school',
		title: 'Tablet pro dceru (13 let) na domácí úkoly',
		situation:
			'Klientka s dcerou bydlí od podzimu v nájemním bytě po odchodu od manžela, který jí kontroloval telefon i peníze. Dcera dělá domácí úkoly na matčině telefonu, který rodina sdílí. Škola zadává část úkolů přes online aplikaci.',
		impact:
			'Dcera bude moci dělat úkoly sama a včas, bez závislosti na matčině telefonu, a nebude ve škole zaostávat.',
		adults: 1,
		children: ['11-14'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'normal',
		neededInDays: 30,
		items: [{ description: 'Tablet 10" s krytem a klávesnicí', quantity: 1, unitPriceKc: 6490 }],
		otherFunding: [],
		votes: [
			{ choice: 'no', reason: 'Škola má zapůjčovací program tabletů, zkusme nejdřív ten.' },
			{ choice: 'no', reason: 'Souhlasím, škola tablet zapůjčí zdarma.' },
			{ choice: 'yes' },
			{ choice: 'recused', reason: 'Pracuji na škole, kterou dcera navštěvuje.' },
			null
		]
	},
	{
		key: 'winter-boots',
		organisation: 'praha',
		outcome: 'no_quorum',
		category: 'clothing',
		title: 'Zimní boty a bunda pro syna (7 let)',
		situation:
			'Matka se synem odešla v létě narychlo z bytu, který sdílela s násilným partnerem, a vzala si jen nejnutnější věci. Syn z loňského zimního oblečení vyrostl a do školy chodí v podzimní bundě. Matka pobírá dávky a splácí dluhy po partnerovi.',
		impact: 'Syn bude v zimě v teple a bude moci chodit ven s ostatními dětmi i o přestávkách.',
		adults: 1,
		children: ['6-10'],
		region: 'CZ010',
		district: 'Praha 9',
		urgency: 'high',
		neededInDays: 14,
		items: [
			{ description: 'Dětské zimní boty, velikost 31', quantity: 1, unitPriceKc: 1290 },
			{ description: 'Dětská zimní bunda, velikost 122', quantity: 1, unitPriceKc: 1490 }
		],
		otherFunding: [],
		votes: [{ choice: 'yes' }, null, null, null, null]
	}
];

async function ids(tx: Tx, emails: string[]): Promise<string[]> {
	const rows = await tx<
		{ id: string; email: string }[]
	>`select id, email from users where email in ${tx(emails)}`;
	return emails.map((e) => rows.find((r) => r.email === e)!.id);
}

/** How each demo poll closed: at its deadline, by the system. */
const closedBy = {
	approved: 'voteApproved',
	rejected: 'voteRejected',
	no_quorum: 'voteWithoutQuorum'
} as const;

export const votesDemo: DemoPart = {
	name: 'votes',
	async seed(tx) {
		const voterEmails = [
			'clen1@example.org',
			'clen2@example.org',
			'clen3@example.org',
			'clen4@example.org',
			'koordinator@example.org'
		];
		const voters = await ids(tx, voterEmails);
		const coordinator = voters[4]!;
		const [praha, brno] = await ids(tx, ['pracovnice@example.org', 'ospod@example.org']);
		const workers = { praha: praha!, brno: brno! };
		const organisationOf = async (user: string) =>
			(await tx<{ organisation_id: string }[]>`select organisation_id from users where id = ${user}`)[0]!
				.organisation_id;
		const now = Date.now();

		const openPoll = async (needId: string, openedAt: Date, hours: number) => {
			const [poll] = await tx<{ id: string }[]>`
				insert into polls (need_id, opened_by, opened_at, closes_at, electorate)
				values (${needId}, ${coordinator}, ${openedAt}, ${new Date(openedAt.getTime() + hours * 3600_000)}, ${voters.length})
				returning id`;
			for (const v of voters)
				await tx`insert into poll_electorate (poll_id, member_id) values (${poll!.id}, ${v})`;
			await walk(tx, needId, 'ready', [['openVote', demoPerson(coordinator, ['coordinator', 'member'])]]);
			await insertEvent(tx, {
				needId,
				actorId: coordinator,
				kind: 'vote_opened',
				fromStatus: 'ready',
				toStatus: 'in_vote',
				at: openedAt
			});
			return poll!.id;
		};
		const cast = async (pollId: string, votes: Voted['votes'], at: Date) => {
			for (const [i, v] of votes.entries()) {
				if (!v) continue;
				await tx`
					insert into votes (poll_id, member_id, choice, reason, cast_at, updated_at)
					values (${pollId}, ${voters[i]!}, ${v.choice}, ${v.reason ?? null}, ${at}, ${at})`;
			}
		};

		// an open poll on the urgent ready need, two days left, two votes in
		const [urgent] = await tx<{ id: string }[]>`
			select id from needs where status = 'ready' and urgency = 'urgent' order by number limit 1`;
		if (urgent) {
			const pollId = await openPoll(urgent.id, new Date(now - 1 * DAY), 72);
			await cast(
				pollId,
				[{ choice: 'yes' }, { choice: 'yes', reason: 'Bezpečnost rodiny má přednost.' }],
				new Date(now - 20 * 3600_000)
			);
		}

		for (const [index, text] of votedDemoNeeds.entries()) {
			const worker = workers[text.organisation];
			const submitted = new Date(now - (20 - index * 3) * DAY);
			const need = await insertNeed(tx, {
				...demoNeedContent(text, now),
				organisationId: await organisationOf(worker),
				createdBy: worker
			});
			await tx`update needs set created_at = ${submitted}, submitted_at = ${submitted} where id = ${need.id}`;
			await insertEvent(tx, {
				needId: need.id,
				actorId: worker,
				kind: 'created',
				toStatus: 'draft',
				at: submitted
			});
			await insertEvent(tx, {
				needId: need.id,
				actorId: worker,
				kind: 'submitted',
				fromStatus: 'draft',
				toStatus: 'submitted',
				at: submitted
			});
			await walk(tx, need.id, 'draft', [
				['submit', demoPerson(worker, ['social_worker'])],
				['markReady', demoPerson(coordinator, ['coordinator', 'member'])]
			]);
			const ready = new Date(submitted.getTime() + DAY);
			await insertEvent(tx, {
				needId: need.id,
				actorId: coordinator,
				kind: 'ready',
				fromStatus: 'submitted',
				toStatus: 'ready',
				at: ready
			});
			const pollId = await openPoll(need.id, new Date(ready.getTime() + 3600_000), 168);
			await cast(pollId, text.votes, new Date(ready.getTime() + 2 * DAY));
			const count = (c: string) => text.votes.filter((v) => v?.choice === c).length;
			const closedAt = new Date(ready.getTime() + 3600_000 + 168 * 3600_000);
			const after =
				text.outcome === 'approved' ? 'approved' : text.outcome === 'rejected' ? 'rejected' : 'ready';
			await tx`
				update polls set closed_at = ${closedAt}, outcome = ${text.outcome}, yes = ${count('yes')}, no = ${count('no')},
					abstain = ${count('abstain')}, recused = ${count('recused')}
				where id = ${pollId}`;
			await walk(tx, need.id, 'in_vote', [[closedBy[text.outcome], system]]);
			await insertEvent(tx, {
				needId: need.id,
				actorId: null,
				kind: 'vote_closed',
				fromStatus: 'in_vote',
				toStatus: after,
				data: {
					outcome: text.outcome,
					yes: count('yes'),
					no: count('no'),
					abstain: count('abstain'),
					recused: count('recused'),
					electorate: voters.length
				},
				at: closedAt
			});
		}
	}
};
