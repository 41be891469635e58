import { isUuid } from '$lib/core/ids';
import { audit } from '../audit';
import { checkPassword, hashPassword, type PasswordProblem } from '../auth/password';
import { recordAttempt, refuseWhileThrottled, type Policy } from '../auth/throttle';
import { insertUser, normaliseEmail } from '../auth/users';
import type { Db, Queryable } from '../db/client';
import { queueMail } from '../mail/outbox';
import { mailLink, type Locale } from '../mail/templates';
import {
	approveOrganisationIn,
	insertOrganisation,
	normaliseOrganisationName,
	type Actor,
	type OrganisationInput
} from './organisations';

/*
 * A social worker asks for access: the account waits in `pending_approval` (sign-in tells them so)
 * until a coordinator verifies them with their organisation and approves or rejects the request.
 */

export interface AccessRequest {
	name: string;
	email: string;
	password: string;
	locale: Locale;
	/** an approved organisation from the list, or */
	organisationId?: string | null;
	/** a new one, which waits for the coordinator's approval */
	newOrganisation?: OrganisationInput | null;
	address: string;
	/** the public address links in e-mails start with */
	origin: string;
	now?: Date;
}

export type AccessRequestResult =
	| { ok: true; created: boolean }
	| { ok: false; reason: 'organisation_not_found' | 'organisation_required' }
	| { ok: false; reason: 'password'; problem: PasswordProblem }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

/** Requests are cheap to send and each one mails every coordinator: a few per hour are plenty. */
export const accessRequestPolicies = {
	address: { kind: 'bucket', limit: 5, windowMs: 60 * 60_000 },
	account: { kind: 'bucket', limit: 3, windowMs: 60 * 60_000 }
} satisfies Record<string, Policy>;

/**
 * Records the request. An address that already has an account gets no new one and the answer is the
 * same (`created` is for the audit trail and tests, never for the visitor).
 */
export async function requestAccess(db: Db, input: AccessRequest): Promise<AccessRequestResult> {
	const email = normaliseEmail(input.email);
	if (input.organisationId && !isUuid(input.organisationId)) {
		return { ok: false, reason: 'organisation_not_found' };
	}
	if (!input.organisationId && !input.newOrganisation) return { ok: false, reason: 'organisation_required' };
	const problem = checkPassword(input.password);
	if (problem) return { ok: false, reason: 'password', problem };
	const now = input.now ?? new Date();
	const keys = [`access-request:address:${input.address}`, `access-request:account:${email}`];
	const throttled = await refuseWhileThrottled(db, keys, {
		actorId: null,
		address: input.address,
		step: 'access-request',
		now
	});
	if (throttled) return throttled;
	const passwordHash = await hashPassword(input.password);
	return db.begin(async (tx) => {
		await recordAttempt(tx, keys[0]!, accessRequestPolicies.address, now);
		await recordAttempt(tx, keys[1]!, accessRequestPolicies.account, now);
		let organisationId: string;
		if (input.organisationId) {
			const [org] = await tx`select 1 from organisations where id = ${input.organisationId} and approved`;
			if (!org) return { ok: false as const, reason: 'organisation_not_found' as const };
			organisationId = input.organisationId;
		}
		const [existing] = await tx<{ id: string }[]>`select id from users where email = ${email}`;
		if (existing) {
			await audit(tx, {
				actorId: null,
				action: 'user.access_requested',
				targetType: 'user',
				targetId: existing.id,
				address: input.address,
				details: { existingAccount: true }
			});
			return { ok: true as const, created: false };
		}
		if (!input.organisationId) {
			const proposed = input.newOrganisation!;
			// A name that exists already (approved or proposed by someone else) means that organisation.
			organisationId =
				(await insertOrganisation(tx, proposed, { approved: false })) ??
				(await organisationIdByName(tx, proposed.name))!;
		}
		const userId = await insertUser(tx, {
			email,
			name: input.name,
			passwordHash,
			locale: input.locale,
			organisationId: organisationId!,
			status: 'pending_approval',
			roles: ['social_worker']
		});
		if (!userId) return { ok: true as const, created: false };
		const [org] = await tx<{ name: string; approved: boolean }[]>`
			select name, approved from organisations where id = ${organisationId!}`;
		await audit(tx, {
			actorId: userId,
			action: 'user.access_requested',
			targetType: 'user',
			targetId: userId,
			address: input.address,
			details: { organisationId: organisationId!, newOrganisation: !org!.approved }
		});
		const coordinators = await tx<{ email: string; locale: Locale }[]>`
			select u.email, u.locale from users u join user_roles r on r.user_id = u.id
			where r.role = 'coordinator' and u.status = 'active'`;
		for (const coordinator of coordinators) {
			await queueMail(tx, {
				to: coordinator.email,
				locale: coordinator.locale,
				template: 'access_requested',
				params: {
					requester: input.name,
					organisation: org!.name,
					url: mailLink(input.origin, '/coordinator/people?status=pending_approval')
				}
			});
		}
		return { ok: true as const, created: true };
	});
}

async function organisationIdByName(tx: Queryable, name: string): Promise<string | null> {
	const [row] = await tx<{ id: string }[]>`
		select id from organisations where lower(name) = lower(${normaliseOrganisationName(name)})`;
	return row?.id ?? null;
}

export type DecisionResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_pending' };

/** Approves a waiting social worker (and the organisation they proposed) and tells them by e-mail. */
export async function approveAccess(
	db: Db,
	actor: Actor,
	userId: string,
	origin: string,
	now = new Date()
): Promise<DecisionResult> {
	if (!isUuid(userId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const [user] = await tx<
			{ email: string; locale: Locale; status: string; organisationId: string | null }[]
		>`
			select email, locale, status, organisation_id as "organisationId"
			from users where id = ${userId} for update`;
		if (!user) return { ok: false as const, reason: 'not_found' as const };
		if (user.status !== 'pending_approval') return { ok: false as const, reason: 'not_pending' as const };
		await tx`update users set status = 'active', updated_at = ${now} where id = ${userId}`;
		if (user.organisationId) await approveOrganisationIn(tx, actor, user.organisationId);
		await audit(tx, {
			actorId: actor.id,
			action: 'user.approved',
			targetType: 'user',
			targetId: userId,
			address: actor.address
		});
		await queueMail(tx, {
			to: user.email,
			locale: user.locale,
			template: 'access_approved',
			params: { url: mailLink(origin, '/login') }
		});
		return { ok: true as const };
	});
}

/**
 * Rejects a request: the account is deactivated (it keeps its address, so the same person cannot pile
 * up new requests), and an organisation only they proposed is removed again.
 */
export async function rejectAccess(
	db: Db,
	actor: Actor,
	userId: string,
	now = new Date()
): Promise<DecisionResult> {
	if (!isUuid(userId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const [user] = await tx<{ status: string; organisationId: string | null }[]>`
			select status, organisation_id as "organisationId" from users where id = ${userId} for update`;
		if (!user) return { ok: false as const, reason: 'not_found' as const };
		if (user.status !== 'pending_approval') return { ok: false as const, reason: 'not_pending' as const };
		await tx`update users set status = 'deactivated', updated_at = ${now} where id = ${userId}`;
		const orgId = user.organisationId;
		if (orgId) {
			const [lonely] = await tx`
				select 1 from organisations o where o.id = ${orgId} and not o.approved
					and not exists (select 1 from users u where u.organisation_id = o.id and u.id <> ${userId})
					and not exists (select 1 from invitations i where i.organisation_id = o.id)`;
			if (lonely) {
				await tx`update users set organisation_id = null where id = ${userId}`;
				await tx`delete from organisations where id = ${orgId}`;
			}
		}
		await audit(tx, {
			actorId: actor.id,
			action: 'user.deactivated',
			targetType: 'user',
			targetId: userId,
			address: actor.address,
			details: { rejectedRequest: true }
		});
		return { ok: true as const };
	});
}
