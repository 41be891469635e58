import type { Person } from '$lib/server/core/actor';
import type { Role } from '$lib/roles';
import { insertUser } from '../auth/users';
import type { NeedStatus } from '$lib/needs';
import { system, type Actor } from '../core/actor';
import { applyTransition, transitions, type Mover, type Transition, type TransitionName } from './lifecycle';
import { createContext, systemContext, type Context, type Environment } from '../core/context';
import type { Db, Queryable } from '../db/client';
import { parseKeyRing } from '../privacy/encryption';
import type { NeedContent } from './queries';

/* Test data for needs: organisations, people in every role, and a complete anonymised need. */

/** The public address and keys tests run with, as a deployment configures ORIGIN and its key ring. */
export const testEnvironment: Environment = {
	origin: 'https://spolu.example',
	keys: parseKeyRing(`t1:${Buffer.alloc(32, 5).toString('base64')}`),
	// the club's account the bank tests' statements are for: Fio 2901234567/2010
	bankIban: 'CZ5520100000002901234567'
};

/** A domain function's context: `actor` acting on `db`, with the test environment. */
export const contextFor = <A extends Actor, D extends Queryable>(
	db: D,
	actor: A,
	env: Environment = testEnvironment
): Context<A, D> => createContext(db, actor, env);

/**
 * A deployment's public address, unlike any default: tests of work outside a request (jobs, webhooks,
 * imports) run with it and check that every link in the e-mails they queue starts with it.
 */
export const publicEnvironment: Environment = {
	...testEnvironment,
	origin: 'https://pomoc.klub-spolu.example'
};

/** Every link in the e-mails queued after outbox row `afterId` (text and HTML bodies). */
export async function mailLinksAfter(db: Queryable, afterId: number): Promise<string[]> {
	const rows = await db<{ text: string; html: string }[]>`
		select text_body as text, html_body as html from outbox where id > ${afterId} order by id`;
	return rows.flatMap((r) => [...`${r.text} ${r.html}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]));
}

/** The last outbox row's id (0 when empty), to read what a step queued after it. */
export const lastMailId = async (db: Queryable): Promise<number> =>
	(await db<{ id: number }[]>`select coalesce(max(id), 0)::int as id from outbox`)[0]!.id;

/** The system's context (jobs, webhooks, imports) with the test environment. */
export const systemContextFor = (db: Db, env: Environment = testEnvironment) => systemContext(db, env);

export interface People {
	worker: Person;
	colleague: Person;
	otherWorker: Person;
	coordinator: Person;
	member: Person;
	donor: Person;
	organisationId: string;
	otherOrganisationId: string;
}

// a placeholder hash: these people never sign in
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

export async function createPeople(sql: Db): Promise<People> {
	const [org] = await sql<{ id: string }[]>`
		insert into organisations (name, kind, region) values ('Intervenční centrum Test', 'intervention_centre', 'CZ010') returning id`;
	const [other] = await sql<{ id: string }[]>`
		insert into organisations (name, kind, region) values ('OSPOD Test', 'child_protection', 'CZ064') returning id`;
	const person = async (
		email: string,
		roles: Role[],
		organisationId: string | null = null
	): Promise<Person> => {
		const id = await insertUser(sql, {
			email,
			name: email.split('@')[0]!,
			passwordHash: HASH,
			roles,
			organisationId
		});
		return {
			id: id!,
			name: email,
			roles,
			organisationId,
			kind: 'person',
			address: '203.0.113.9'
		};
	};
	return {
		worker: await person('pracovnice@test.cz', ['social_worker'], org!.id),
		colleague: await person('kolegyne@test.cz', ['social_worker'], org!.id),
		otherWorker: await person('ospod@test.cz', ['social_worker'], other!.id),
		coordinator: await person('koordinator@test.cz', ['coordinator', 'member']),
		member: await person('clen@test.cz', ['member']),
		donor: await person('darce@test.cz', ['donor']),
		organisationId: org!.id,
		otherOrganisationId: other!.id
	};
}

export function completeNeed(overrides: Partial<NeedContent> = {}): NeedContent {
	return {
		category: 'furniture',
		title: 'Postel a matrace pro dvě děti',
		situation:
			'Matka se dvěma dětmi odešla po opakovaném násilí do azylového domu a nyní se stěhuje do malého nájemního bytu. Děti teď spí na jedné matraci na zemi.',
		impact: 'Děti budou mít vlastní postel a klidný spánek, což jim pomůže ve škole.',
		adults: 1,
		children: ['3-5', '6-10'],
		region: 'CZ010',
		district: 'Praha 7',
		urgency: 'normal',
		neededBy: null,
		items: [
			{ description: 'Patrová postel', quantity: 1, unitPrice: 599_000, link: 'https://www.ikea.com/cz/cs/' },
			{ description: 'Matrace 90 × 200 cm', quantity: 2, unitPrice: 249_900, link: null }
		],
		funding: [{ source: 'Vlastní podíl rodiny', amount: 50_000 }],
		...overrides
	};
}

/**
 * For tests of what each state allows (access matrices): moves the need along the shortest path of the
 * transition table to `target`, through applyTransition with someone the table lets take each step. It
 * skips what the domain does beside the status (no money, no vote), so factories that build real needs
 * use the domain functions instead.
 */
export async function walkTo(db: Queryable, needId: string, target: NeedStatus): Promise<void> {
	const [row] = await db<{ status: NeedStatus }[]>`select status from needs where id = ${needId}`;
	const path = new Map<NeedStatus, TransitionName[]>([[row!.status, []]]);
	const queue: NeedStatus[] = [row!.status];
	while (queue.length && !path.has(target)) {
		const from = queue.shift()!;
		for (const [name, t] of Object.entries(transitions) as [TransitionName, Transition][])
			if (t.from.includes(from) && !path.has(t.to)) {
				path.set(t.to, [...path.get(from)!, name]);
				queue.push(t.to);
			}
	}
	const steps = path.get(target);
	if (!steps) throw new Error(`no way from ${row!.status} to ${target}`);
	let status = row!.status;
	for (const name of steps) {
		const by = transitions[name].by as readonly Mover[];
		const actor: Actor = by.includes('system')
			? system
			: {
					kind: 'person',
					id: '00000000-0000-4000-8000-000000000000',
					name: 'test',
					roles: [by[0] as Role],
					organisationId: null
				};
		status = await applyTransition(db, { id: needId, status }, name, actor);
	}
}
