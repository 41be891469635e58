import type { NeedStatus } from '$lib/needs';

import type { Region } from '$lib/regions';

import type { Tx } from '../db/client';

import { insertEvent, insertNeed, type NeedContent, type NeedEventKind } from '../needs/queries';
import type { Role } from '$lib/roles';

import type { TransitionName } from '../needs/lifecycle';

import { demoPerson, walk } from './acting';

import type { DemoPart } from './index';

import { demoNeedTexts, type DemoNeedText } from './need-texts';

/*
 * Demo needs in every state up to the vote, with their history: submitted some days ago, questions and
 * answers, review, decision. The history is written as the transitions would have written it, backdated
 * so the queue and the timelines look lived in.
 */

const DAY = 24 * 60 * 60 * 1000;

/** What a demo need says, as the need form would have stored it. */
export function demoNeedContent(
	text: Omit<DemoNeedText, 'key' | 'organisation' | 'status' | 'thread' | 'reason' | 'duplicateOfKey'>,
	now = Date.now()
): NeedContent {
	return {
		category: text.category,
		title: text.title,
		situation: text.situation,
		impact: text.impact,
		adults: text.adults,
		children: text.children,
		region: text.region as Region,
		district: text.district,
		urgency: text.urgency,
		neededBy:
			text.neededInDays === null ? null : new Date(now + text.neededInDays * DAY).toISOString().slice(0, 10),
		items: text.items.map((i) => ({
			description: i.description,
			quantity: i.quantity,
			unitPrice: i.unitPriceKc * 100,
			link: i.link ?? null
		})),
		funding: text.otherFunding.map((f) => ({ source: f.source, amount: f.amountKc * 100 }))
	};
}

async function userId(tx: Tx, email: string): Promise<string> {
	const [row] = await tx<{ id: string }[]>`select id from users where email = ${email}`;
	if (!row) throw new Error(`demo user ${email} is missing`);
	return row.id;
}

/** The transition behind each timeline step the demo needs take. */
const moveOf: Partial<Record<NeedEventKind, TransitionName>> = {
	submitted: 'submit',
	withdrawn: 'withdraw',
	review_started: 'startReview',
	info_requested: 'askForInformation',
	answered: 'answer',
	ready: 'markReady',
	rejected: 'reject',
	duplicate: 'markDuplicate'
};

export const needsDemo: DemoPart = {
	name: 'needs',
	async seed(tx) {
		const coordinator = await userId(tx, 'koordinator@example.org');
		const workers = {
			praha: await userId(tx, 'pracovnice@example.org'),
			brno: await userId(tx, 'ospod@example.org')
		};
		const organisations: Record<DemoNeedText['organisation'], string> = { praha: '', brno: '' };
		for (const key of ['praha', 'brno'] as const) {
			const [row] = await tx<
				{ organisation_id: string }[]
			>`select organisation_id from users where id = ${workers[key]}`;
			organisations[key] = row!.organisation_id;
		}
		const rolesOf = (id: string): Role[] =>
			id === coordinator ? ['coordinator', 'member'] : ['social_worker'];
		const ids = new Map<string, { id: string; number: number }>();
		const now = Date.now();
		for (const [index, text] of demoNeedTexts.entries()) {
			const worker = workers[text.organisation];
			// older needs further down the list: a few days apart, the oldest about a month ago
			let at = new Date(now - (demoNeedTexts.length - index) * 2 * DAY);
			const next = (hours: number) => (at = new Date(at.getTime() + hours * 60 * 60 * 1000));
			const need = await insertNeed(tx, {
				...demoNeedContent(text, now),
				organisationId: organisations[text.organisation],
				createdBy: worker
			});
			ids.set(text.key, need);
			let status = 'draft' as NeedStatus;
			const step = async (
				actor: string,
				kind: NeedEventKind,
				to: NeedStatus | null,
				body: string | null = null,
				data: Record<string, string | number> | null = null
			) => {
				const name = to ? moveOf[kind] : undefined;
				if (to && !name) throw new Error(`demo need ${text.key}: no transition writes ${kind}`);
				if (name) await walk(tx, need.id, status, [[name, demoPerson(actor, rolesOf(actor))]]);
				await insertEvent(tx, {
					needId: need.id,
					actorId: actor,
					kind,
					fromStatus: to ? status : null,
					toStatus: to,
					body,
					data,
					at
				});
				if (to) status = to;
			};
			await step(worker, 'created', null);
			await tx`update needs set created_at = ${at}, updated_at = ${at} where id = ${need.id}`;
			if (text.status === 'draft') continue;

			next(20);
			await step(worker, 'submitted', 'submitted');
			await tx`update needs set submitted_at = ${at} where id = ${need.id}`;
			if (text.status === 'withdrawn') {
				next(30);
				await step(worker, 'withdrawn', 'withdrawn', text.reason ?? null);
			}
			if (['in_review', 'info_requested', 'ready', 'rejected'].includes(text.status)) {
				next(18);
				await step(coordinator, 'review_started', 'in_review');
			}
			for (const message of text.thread ?? []) {
				next(9);
				if (message.from === 'coordinator') {
					await step(
						coordinator,
						text.status === 'duplicate' ? 'message' : 'info_requested',
						text.status === 'duplicate' ? null : 'info_requested',
						message.text
					);
				} else if (status === 'info_requested') {
					await step(worker, 'answered', 'submitted', message.text);
				} else {
					await step(worker, 'message', null, message.text);
				}
			}
			if (text.status === 'ready') {
				next(12);
				await step(coordinator, 'ready', 'ready');
			} else if (text.status === 'rejected') {
				next(12);
				await step(coordinator, 'rejected', 'rejected', text.reason ?? null);
			} else if (text.status === 'duplicate') {
				const original = ids.get(text.duplicateOfKey ?? '');
				if (!original) throw new Error(`demo need ${text.key}: the original is not seeded before it`);
				next(3);
				await step(coordinator, 'duplicate', 'rejected', null, { of: original.number });
				await tx`update needs set duplicate_of = ${original.id} where id = ${need.id}`;
			} else if (text.status === 'in_review' && status === 'submitted') {
				next(4);
				await step(coordinator, 'review_started', 'in_review');
			}
			await tx`update needs set updated_at = ${at} where id = ${need.id}`;
		}
	}
};
