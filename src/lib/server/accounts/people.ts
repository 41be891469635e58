import { roles as allRoles, type Role } from '$lib/roles';
import { audit } from '../audit';
import { invalidateUserSessions } from '../auth/session';
import type { UserRow } from '../auth/users';
import type { Db, Queryable } from '../db/client';
import { isUuid } from '$lib/core/ids';
import { PAGE_SIZE, paged, type PageRequest, type Paged } from '$lib/paging';
import { approveOrganisationIn, type Actor } from './organisations';

/*
 * The coordinator's view of everyone with an account: roles, status and organisation. The club must
 * never be left without an active coordinator, so removing or deactivating the last one is refused
 * (checked under a lock, so two coordinators cannot remove each other at the same moment).
 */

export type Status = UserRow['status'];
export const statuses = ['pending_email', 'pending_approval', 'active', 'deactivated'] as const;

export interface Person {
	id: string;
	email: string;
	name: string;
	status: Status;
	roles: Role[];
	organisationId: string | null;
	organisationName: string | null;
	organisationApproved: boolean | null;
	createdAt: Date;
	totpEnabled: boolean;
}

export interface PeopleFilter {
	role?: Role;
	status?: Status;
	organisationId?: string;
	/** part of the name or e-mail address */
	q?: string;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

/** People under each status (and all of them), under the list's other filters: the status filter shows them. */
export type PeopleCounts = Record<Status | 'all', number>;

export interface PeopleList extends Paged<Person> {
	counts: PeopleCounts;
}

const firstPage: PageRequest = { page: 1, size: PAGE_SIZE, offset: 0 };

/**
 * One page of the people: those waiting for approval first, then by name; the e-mail (unique) last, so
 * that no one is on two pages. With the page come the counts of every status under the other filters.
 */
export async function listPeople(
	db: Queryable,
	filter: PeopleFilter = {},
	request: PageRequest = firstPage
): Promise<PeopleList> {
	const q = filter.q?.trim();
	const organisationId =
		filter.organisationId && isUuid(filter.organisationId) ? filter.organisationId : null;
	const counts: PeopleCounts = { all: 0, pending_email: 0, pending_approval: 0, active: 0, deactivated: 0 };
	if (filter.organisationId && !organisationId) return { ...paged([], 0, request), counts };
	const others = db`
		${filter.role ? db`and exists (select 1 from user_roles r where r.user_id = u.id and r.role = ${filter.role})` : db``}
		${organisationId ? db`and u.organisation_id = ${organisationId}` : db``}
		${q ? db`and (u.name ilike ${'%' + escapeLike(q) + '%'} or u.email ilike ${'%' + escapeLike(q.toLowerCase()) + '%'})` : db``}`;
	const rows = await db<Person[]>`
		select u.id, u.email, u.name, u.status, u.organisation_id as "organisationId",
			o.name as "organisationName", o.approved as "organisationApproved", u.created_at as "createdAt",
			u.totp_key is not null as "totpEnabled",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from (
			select u.* from users u
			where true ${filter.status ? db`and u.status = ${filter.status}` : db``} ${others}
			order by u.status = 'pending_approval' desc, lower(u.name), u.email
			limit ${request.size} offset ${request.offset}
		) u left join organisations o on o.id = u.organisation_id
		order by u.status = 'pending_approval' desc, lower(u.name), u.email`;
	const byStatus = await db<{ status: Status; n: number }[]>`
		select u.status, count(*)::int as n from users u where true ${others} group by u.status`;
	for (const { status, n } of byStatus) {
		counts[status] = n;
		counts.all += n;
	}
	return { ...paged(rows, counts[filter.status ?? 'all'], request), counts };
}

export async function findPerson(db: Queryable, id: string): Promise<Person | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<Person[]>`
		select u.id, u.email, u.name, u.status, u.organisation_id as "organisationId",
			o.name as "organisationName", o.approved as "organisationApproved", u.created_at as "createdAt",
			u.totp_key is not null as "totpEnabled",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from users u left join organisations o on o.id = u.organisation_id
		where u.id = ${id}`;
	return row ?? null;
}

/** Serialises changes that could leave the club without a coordinator. */
const lockCoordinators = (tx: Queryable) => tx`select pg_advisory_xact_lock(hashtext('spolu:coordinators'))`;

async function activeCoordinators(tx: Queryable): Promise<number> {
	const [row] = await tx<{ n: number }[]>`
		select count(*)::int as n from users u join user_roles r on r.user_id = u.id
		where r.role = 'coordinator' and u.status = 'active'`;
	return row!.n;
}

export type ChangeRolesResult =
	| { ok: true; changed: boolean }
	| {
			ok: false;
			reason:
				| 'not_found'
				| 'organisation_required'
				| 'organisation_not_found'
				| 'own_coordinator_role'
				| 'last_coordinator';
	  };

/**
 * Sets a person's roles (and organisation). A social worker needs an organisation; coordinators
 * cannot drop their own coordinator role, and the last active coordinator keeps theirs.
 */
export async function changeRoles(
	db: Db,
	actor: Actor,
	userId: string,
	input: { roles: Role[]; organisationId: string | null },
	now = new Date()
): Promise<ChangeRolesResult> {
	if (!isUuid(userId)) return { ok: false, reason: 'not_found' };
	const roles = allRoles.filter((r) => input.roles.includes(r));
	const organisationId = input.organisationId || null;
	if (roles.includes('social_worker') && !organisationId)
		return { ok: false, reason: 'organisation_required' };
	if (organisationId && !isUuid(organisationId)) return { ok: false, reason: 'organisation_not_found' };
	return db
		.begin(async (tx) => {
			await lockCoordinators(tx);
			const person = await findPerson(tx, userId);
			if (!person) return { ok: false as const, reason: 'not_found' as const };
			if (organisationId) {
				const [org] = await tx`select 1 from organisations where id = ${organisationId}`;
				if (!org) return { ok: false as const, reason: 'organisation_not_found' as const };
			}
			const dropsCoordinator = person.roles.includes('coordinator') && !roles.includes('coordinator');
			if (dropsCoordinator && userId === actor.id) {
				return { ok: false as const, reason: 'own_coordinator_role' as const };
			}
			const before = [...person.roles].sort();
			const after = [...roles].sort();
			const rolesChanged = before.join() !== after.join();
			const organisationChanged = person.organisationId !== organisationId;
			if (!rolesChanged && !organisationChanged) return { ok: true as const, changed: false };
			await tx`delete from user_roles where user_id = ${userId} and not (role = any(${after}::text[]))`;
			for (const role of after) {
				await tx`insert into user_roles (user_id, role) values (${userId}, ${role}) on conflict do nothing`;
			}
			if (dropsCoordinator && (await activeCoordinators(tx)) === 0) {
				throw new LastCoordinator();
			}
			if (organisationChanged) {
				await tx`update users set organisation_id = ${organisationId}, updated_at = ${now} where id = ${userId}`;
			}
			await audit(tx, {
				actorId: actor.id,
				action: 'user.roles_changed',
				targetType: 'user',
				targetId: userId,
				address: actor.address,
				details: {
					rolesBefore: before,
					rolesAfter: after,
					...(organisationChanged
						? { organisationBefore: person.organisationId, organisationAfter: organisationId }
						: {})
				}
			});
			return { ok: true as const, changed: true };
		})
		.catch((e: unknown) => {
			// Thrown to roll back the role change that would have left no coordinator.
			if (e instanceof LastCoordinator) return { ok: false as const, reason: 'last_coordinator' as const };
			throw e;
		});
}

class LastCoordinator extends Error {}

export type StatusChangeResult =
	| { ok: true }
	| { ok: false; reason: 'not_found' | 'self' | 'last_coordinator' | 'not_active' | 'not_deactivated' };

/** Deactivates an account and ends all its sessions at once. */
export async function deactivateUser(
	db: Db,
	actor: Actor,
	userId: string,
	now = new Date()
): Promise<StatusChangeResult> {
	if (!isUuid(userId)) return { ok: false, reason: 'not_found' };
	if (userId === actor.id) return { ok: false, reason: 'self' };
	return db.begin(async (tx) => {
		await lockCoordinators(tx);
		const person = await findPerson(tx, userId);
		if (!person) return { ok: false as const, reason: 'not_found' as const };
		if (person.status === 'deactivated') return { ok: false as const, reason: 'not_active' as const };
		if (
			person.status === 'active' &&
			person.roles.includes('coordinator') &&
			(await activeCoordinators(tx)) <= 1
		) {
			return { ok: false as const, reason: 'last_coordinator' as const };
		}
		await tx`update users set status = 'deactivated', updated_at = ${now} where id = ${userId}`;
		await invalidateUserSessions(tx, userId);
		await audit(tx, {
			actorId: actor.id,
			action: 'user.deactivated',
			targetType: 'user',
			targetId: userId,
			address: actor.address,
			details: { statusBefore: person.status }
		});
		return { ok: true as const };
	});
}

/** Gives a deactivated account back its access (and approves the organisation it proposed, if any). */
export async function reactivateUser(
	db: Db,
	actor: Actor,
	userId: string,
	now = new Date()
): Promise<StatusChangeResult> {
	if (!isUuid(userId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const person = await findPerson(tx, userId);
		if (!person) return { ok: false as const, reason: 'not_found' as const };
		if (person.status !== 'deactivated') return { ok: false as const, reason: 'not_deactivated' as const };
		await tx`update users set status = 'active', updated_at = ${now} where id = ${userId}`;
		if (person.organisationId) await approveOrganisationIn(tx, actor, person.organisationId);
		await audit(tx, {
			actorId: actor.id,
			action: 'user.reactivated',
			targetType: 'user',
			targetId: userId,
			address: actor.address
		});
		return { ok: true as const };
	});
}

/** E-mail addresses of people named as targets in audit rows, for the coordinator's audit page. */
export async function userEmails(db: Queryable, ids: string[]): Promise<Map<string, string>> {
	const valid = [...new Set(ids.filter(isUuid))];
	if (!valid.length) return new Map();
	const rows = await db<{ id: string; email: string }[]>`
		select id, email from users where id = any(${valid}::uuid[])`;
	return new Map(rows.map((r) => [r.id, r.email]));
}
