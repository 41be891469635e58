import type { Role } from '$lib/roles';

/*
 * Who acts. A person is a signed-in account with its roles; the system acts for work nobody signed in
 * started: jobs (a poll's deadline, retention), signed webhooks (a card payment) and bank statement
 * imports. Domain functions that need a person take a `PersonContext` and the compiler keeps the
 * system out of them.
 */

export interface Person {
	kind: 'person';
	id: string;
	name: string;
	roles: Role[];
	organisationId: string | null;
	/** the caller's network address, for the audit log */
	address?: string | null;
}

export interface SystemActor {
	kind: 'system';
}

/** Someone not signed in: a visitor of the public pages, a donor giving without an account. */
export interface Visitor {
	kind: 'visitor';
}

export type Actor = Person | SystemActor | Visitor;

export const system: SystemActor = Object.freeze({ kind: 'system' });
export const visitor: Visitor = Object.freeze({ kind: 'visitor' });

/** The account an action is recorded under: the person's id, null for the system or a visitor. */
export const actorId = (actor: Actor): string | null => (actor.kind === 'person' ? actor.id : null);
