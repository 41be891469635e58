import type { NeedStatus } from '$lib/needs';
import type { Role } from '$lib/roles';
import type { Actor, Person } from '../core/actor';
import { applyTransition, type TransitionName } from '../needs/lifecycle';
import { createContext } from '../core/context';
import type { Tx } from '../db/client';
import type { DemoContext } from './index';

/** A domain function's context inside a demo part's transaction, acting as `person`. */
export const acting = (demo: DemoContext, tx: Tx, person: Person) => createContext(tx, person, demo);

/** A demo account acting with `roles`, for the steps the demo takes on its behalf. */
export const demoPerson = (id: string, roles: Role[]): Person => ({
	kind: 'person',
	id,
	name: 'demo',
	roles,
	organisationId: null
});

/**
 * Takes a demo need from `from` through `steps` by the need's transition table, as the people would
 * have; the demo writes the back-dated timeline itself. Returns the state reached.
 */
export async function walk(
	tx: Tx,
	needId: string,
	from: NeedStatus,
	steps: [TransitionName, Actor][]
): Promise<NeedStatus> {
	let status = from;
	for (const [name, actor] of steps) status = await applyTransition(tx, { id: needId, status }, name, actor);
	return status;
}
