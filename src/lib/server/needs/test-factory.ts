import type { Role } from '$lib/roles';
import { insertUser } from '../auth/users';
import type { Db } from '../db/client';
import type { NeedActor } from './access';
import type { NeedContent } from './queries';

/* Test data for needs: organisations, people in every role, and a complete anonymised need. */

export interface People {
	worker: NeedActor;
	colleague: NeedActor;
	otherWorker: NeedActor;
	coordinator: NeedActor;
	member: NeedActor;
	donor: NeedActor;
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
	): Promise<NeedActor> => {
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
			address: '203.0.113.9',
			origin: 'https://spolu.example'
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
