import type { RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from '../auth/session';
import type { NeedActor } from '../needs/access';

/** The signed-in person as domain functions need them: who, with which roles, from where. */
export function actorOf(event: Pick<RequestEvent, 'getClientAddress' | 'url'>, user: SessionUser): NeedActor {
	return {
		id: user.id,
		name: user.name,
		roles: user.roles,
		organisationId: user.organisationId,
		address: event.getClientAddress(),
		origin: event.url.origin
	};
}
