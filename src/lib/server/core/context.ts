import type { Db, Queryable } from '../db/client';
import type { KeyRing } from '../privacy/encryption';
import { system, type Actor, type Person, type SystemActor } from './actor';

export { system };

/*
 * What every domain function is given: built once per request (hooks.server.ts) and once per job run
 * (jobs/runner.ts). Nothing below the HTTP layer reaches for the process's runtime: the database, who
 * acts, the public address e-mails link to, the key ring and the clock all come from here, so a test or
 * a job sets them exactly as a request does.
 */
export interface Context<A extends Actor = Actor, D extends Queryable = Db> {
	db: D;
	actor: A;
	/** the configured public address (ORIGIN), never a request's Host header */
	origin: string;
	keys: KeyRing;
	/** the club's configured bank account (BANK_IBAN, the demo's example account), null when none */
	bankIban: string | null;
	now(): Date;
}

export type PersonContext<D extends Queryable = Db> = Context<Person, D>;
export type SystemContext<D extends Queryable = Db> = Context<SystemActor, D>;

/** What a context is built from besides the database and the actor. */
export interface Environment {
	origin: string;
	keys: KeyRing;
	bankIban?: string | null;
	now?: () => Date;
}

export function createContext<A extends Actor, D extends Queryable = Db>(
	db: D,
	actor: A,
	env: Environment
): Context<A, D> {
	return {
		db,
		actor,
		origin: env.origin,
		keys: env.keys,
		bankIban: env.bankIban ?? null,
		now: env.now ?? (() => new Date())
	};
}

export const systemContext = (db: Db, env: Environment): SystemContext => createContext(db, system, env);

/** The same context inside a transaction. */
export const inTransaction = <A extends Actor, D extends Queryable>(ctx: Context<A, Queryable>, tx: D) =>
	({ ...ctx, db: tx }) as Context<A, D>;

/** The same context, acting as someone else (demo seeding, a coordinator's action on a job's behalf). */
export const actingAs = <A extends Actor, D extends Queryable>(ctx: Context<Actor, D>, actor: A) =>
	({ ...ctx, actor }) as Context<A, D>;
