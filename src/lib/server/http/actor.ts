import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import type { Person } from '../core/actor';
import { actingAs, system, type PersonContext, type SystemContext } from '../core/context';

/*
 * Routes hand domain functions the context hooks.server.ts built for the request (`locals.context`),
 * with who acts: the signed-in person the route's guard returned, or the system for a signed webhook.
 */

type Event = Pick<RequestEvent, 'getClientAddress' | 'locals'>;

/** The signed-in person as domain functions need them: who, with which roles, from where. */
export function personOf(event: Pick<RequestEvent, 'getClientAddress'>, user: SessionUser): Person {
	return {
		kind: 'person',
		id: user.id,
		name: user.name,
		roles: user.roles,
		organisationId: user.organisationId,
		address: event.getClientAddress()
	};
}

/** The request's context acting as `user` (the person requireUser/requireRole returned). */
export const contextOf = (event: Event, user: SessionUser): PersonContext =>
	actingAs(event.locals.context, personOf(event, user));

/** The request's context acting as the system: a signed webhook, which no person sends. */
export const systemContextOf = (event: Pick<RequestEvent, 'locals'>): SystemContext =>
	actingAs(event.locals.context, system);
