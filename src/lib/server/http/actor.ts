import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import type { NeedActor } from '../needs/access';
import { runtime } from '../runtime';

/** The signed-in person as domain functions need them: who, with which roles, from where. */
export function actorOf(event: Pick<RequestEvent, 'getClientAddress'>, user: SessionUser): NeedActor {
	return {
		id: user.id,
		name: user.name,
		roles: user.roles,
		organisationId: user.organisationId,
		address: event.getClientAddress(),
		// the configured public address, never the request's Host header
		origin: runtime().config.origin
	};
}
