import { roleName } from '$lib/labels';
import type { Role } from '$lib/roles';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { audit } from '../audit';
import { checkPassword, hashPassword, type PasswordProblem } from '../auth/password';
import { createSession, sessionExpiry } from '../auth/session';
import { insertUser, normaliseEmail } from '../auth/users';
import type { Db, Queryable } from '../db/client';
import { queueMail } from '../mail/outbox';
import { mailLink, type Locale } from '../mail/templates';
import { isUuid } from '$lib/core/ids';
import { type Actor } from './organisations';

/*
 * Invitations: a single-use link sent by e-mail. The link carries a random token of 160 bits; the
 * database keeps only its SHA-256, so a copy of the table gives nobody a working link.
 */

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

const hashToken = (token: string) => sha256(new TextEncoder().encode(token));

function newToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export interface NewInvitation {
	email: string;
	role: Role;
	/** required for social workers, ignored for other roles */
	organisationId?: string | null;
	/** language of the e-mail */
	locale: Locale;
	/** the public address links in e-mails start with (the configured ORIGIN) */
	origin: string;
}

export type CreateInvitationResult =
	| { ok: true; id: string; token: string; existingAccount: boolean }
	| { ok: false; reason: 'organisation_required' | 'organisation_not_found' };

/** Creates an invitation and queues its e-mail in the same transaction. */
export async function createInvitation(
	db: Db,
	actor: Actor & { name: string },
	input: NewInvitation,
	now = new Date()
): Promise<CreateInvitationResult> {
	const email = normaliseEmail(input.email);
	const organisationId = input.role === 'social_worker' ? (input.organisationId ?? null) : null;
	if (input.role === 'social_worker' && !organisationId)
		return { ok: false, reason: 'organisation_required' };
	if (organisationId && !isUuid(organisationId)) return { ok: false, reason: 'organisation_not_found' };
	const token = newToken();
	return db.begin(async (tx) => {
		if (organisationId) {
			const [org] = await tx`select 1 from organisations where id = ${organisationId} and approved`;
			if (!org) return { ok: false as const, reason: 'organisation_not_found' as const };
		}
		const [row] = await tx<{ id: string }[]>`
			insert into invitations (token_hash, email, role, organisation_id, invited_by, created_at, expires_at)
			values (${hashToken(token)}, ${email}, ${input.role}, ${organisationId}, ${actor.id}, ${now},
				${new Date(now.getTime() + INVITATION_LIFETIME_MS)})
			returning id`;
		const id = row!.id;
		await queueMail(tx, {
			to: email,
			locale: input.locale,
			template: 'invitation',
			params: {
				inviter: actor.name,
				role: roleName(input.role, input.locale),
				url: mailLink(input.origin, `/invitation/${token}`)
			}
		});
		const [existing] = await tx`select 1 from users where email = ${email}`;
		await audit(tx, {
			actorId: actor.id,
			action: 'invitation.created',
			targetType: 'invitation',
			targetId: id,
			address: actor.address,
			details: { role: input.role, organisationId }
		});
		return { ok: true as const, id, token, existingAccount: Boolean(existing) };
	});
}

export type InvitationState = 'open' | 'used' | 'expired';

export interface Invitation {
	id: string;
	email: string;
	role: Role;
	organisationId: string | null;
	organisationName: string | null;
	inviterName: string;
	expiresAt: Date;
	acceptedAt: Date | null;
	acceptedBy: string | null;
	state: InvitationState;
	/** whether the invited address already has an account */
	existingAccount: boolean;
}

async function invitationByToken(
	db: Queryable,
	token: string,
	now: Date,
	lock = false
): Promise<Invitation | null> {
	if (!TOKEN_PATTERN.test(token)) return null;
	const [row] = await db<Omit<Invitation, 'state'>[]>`
		select i.id, i.email, i.role, i.organisation_id as "organisationId", o.name as "organisationName",
			u.name as "inviterName", i.expires_at as "expiresAt", i.accepted_at as "acceptedAt",
			i.accepted_by as "acceptedBy",
			exists(select 1 from users x where x.email = i.email) as "existingAccount"
		from invitations i
			join users u on u.id = i.invited_by
			left join organisations o on o.id = i.organisation_id
		where i.token_hash = ${hashToken(token)}
		${lock ? db`for update of i` : db``}`;
	if (!row) return null;
	const state: InvitationState = row.acceptedAt ? 'used' : now >= row.expiresAt ? 'expired' : 'open';
	return { ...row, state };
}

/** The invitation behind a link, or null for a link that never existed (or is malformed). */
export const findInvitation = (db: Queryable, token: string, now = new Date()) =>
	invitationByToken(db, token, now);

export type AcceptNewResult =
	| { ok: true; userId: string; role: Role; sessionToken: string; sessionExpiresAt: Date }
	| { ok: false; reason: 'not_found' | 'used' | 'expired' | 'account_exists' }
	| { ok: false; reason: 'password'; problem: PasswordProblem };

/**
 * Accepts an invitation for an address without an account: creates an active person with the
 * invited role and signs them in.
 */
export async function acceptInvitationAsNewUser(
	db: Db,
	token: string,
	input: { name: string; password: string; locale: Locale; address?: string | null },
	now = new Date()
): Promise<AcceptNewResult> {
	const problem = checkPassword(input.password);
	if (problem) return { ok: false, reason: 'password', problem };
	const passwordHash = await hashPassword(input.password);
	return db.begin(async (tx) => {
		const invitation = await invitationByToken(tx, token, now, true);
		if (!invitation) return { ok: false as const, reason: 'not_found' as const };
		if (invitation.state !== 'open') return { ok: false as const, reason: invitation.state };
		const userId = await insertUser(tx, {
			email: invitation.email,
			name: input.name,
			passwordHash,
			locale: input.locale,
			organisationId: invitation.organisationId,
			status: 'active',
			roles: [invitation.role]
		});
		// The address has an account: that person must sign in to accept; nobody takes it over here.
		if (!userId) return { ok: false as const, reason: 'account_exists' as const };
		await tx`update invitations set accepted_at = ${now}, accepted_by = ${userId} where id = ${invitation.id}`;
		await audit(tx, {
			actorId: userId,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: invitation.id,
			address: input.address,
			details: { role: invitation.role, newAccount: true }
		});
		const { token: sessionToken, session } = await createSession(tx, userId, {
			twoFactorVerified: true,
			now
		});
		return {
			ok: true as const,
			userId,
			role: invitation.role,
			sessionToken,
			sessionExpiresAt: sessionExpiry(session)
		};
	});
}

export type AcceptExistingResult =
	{ ok: true; roles: Role[] } | { ok: false; reason: 'not_found' | 'used' | 'expired' | 'wrong_account' };

/**
 * Accepts an invitation for the signed-in person: adds the invited role to their account (and, for a
 * social worker, the organisation). Only the account the invitation was sent to can accept it.
 */
export async function acceptInvitationAsSignedIn(
	db: Db,
	token: string,
	user: { id: string; email: string },
	address: string | null = null,
	now = new Date()
): Promise<AcceptExistingResult> {
	return db.begin(async (tx) => {
		const invitation = await invitationByToken(tx, token, now, true);
		if (!invitation) return { ok: false as const, reason: 'not_found' as const };
		if (invitation.state !== 'open') return { ok: false as const, reason: invitation.state };
		const [account] = await tx<{ email: string; roles: Role[] }[]>`
			select email, coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
			from users u where id = ${user.id} and status = 'active' for update`;
		if (!account || account.email !== invitation.email) {
			return { ok: false as const, reason: 'wrong_account' as const };
		}
		await tx`
			insert into user_roles (user_id, role) values (${user.id}, ${invitation.role})
			on conflict do nothing`;
		if (invitation.organisationId) {
			await tx`
				update users set organisation_id = ${invitation.organisationId}, updated_at = ${now}
				where id = ${user.id}`;
		}
		await tx`update invitations set accepted_at = ${now}, accepted_by = ${user.id} where id = ${invitation.id}`;
		const after = [...new Set([...account.roles, invitation.role])].sort() as Role[];
		await audit(tx, {
			actorId: user.id,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: invitation.id,
			address,
			details: { role: invitation.role, newAccount: false, rolesBefore: account.roles, rolesAfter: after }
		});
		return { ok: true as const, roles: after };
	});
}

export interface OpenInvitation {
	id: string;
	email: string;
	role: Role;
	organisationName: string | null;
	createdAt: Date;
	expiresAt: Date;
}

/** Invitations sent and not yet accepted nor expired, for the coordinator's people page. */
export async function listOpenInvitations(db: Queryable, now = new Date()): Promise<OpenInvitation[]> {
	return db<OpenInvitation[]>`
		select i.id, i.email, i.role, o.name as "organisationName", i.created_at as "createdAt",
			i.expires_at as "expiresAt"
		from invitations i left join organisations o on o.id = i.organisation_id
		where i.accepted_at is null and i.expires_at > ${now}
		order by i.created_at desc`;
}
