import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { validateSessionToken } from '../auth/session';
import { findUserByEmail, insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import {
	acceptInvitationAsNewUser,
	acceptInvitationAsSignedIn,
	createInvitation,
	findInvitation,
	INVITATION_LIFETIME_MS
} from './invitations';

let db: TestDatabase;
let sql: Db;
let coordinator: { id: string; name: string; address: string };
let organisationId: string;
let passwordHash: string;
const origin = 'https://spolu.example.org';

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	passwordHash = await hashPassword('dlouhe-heslo-1');
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await resetDatabase(sql);
	const id = await insertUser(sql, {
		email: 'koordinator@example.org',
		name: 'Jana Dvořáková',
		passwordHash,
		roles: ['coordinator']
	});
	coordinator = { id: id!, name: 'Jana Dvořáková', address: '203.0.113.7' };
	const [org] = await sql<{ id: string }[]>`
		insert into organisations (name, kind, region) values ('Intervenční centrum Praha', 'intervention_centre', 'CZ010')
		returning id`;
	organisationId = org!.id;
});

async function invite(email: string, role: 'social_worker' | 'member' = 'member', now = new Date()) {
	const result = await createInvitation(
		sql,
		coordinator,
		{ email, role, organisationId: role === 'social_worker' ? organisationId : null, locale: 'cs', origin },
		now
	);
	if (!result.ok) throw new Error(result.reason);
	return result;
}

const newUser = { name: 'Petra Nováková', password: 'moje-dlouhe-heslo', locale: 'cs' as const };

describe('invitations', () => {
	it('stores only the hash of the token and mails the absolute link', async () => {
		const { token } = await invite('Petra@Example.org');
		const rows = await sql`select * from invitations`;
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(Buffer.from(rows[0]!.token_hash as Uint8Array).toString('latin1')).not.toContain(token);
		expect(rows[0]!.email).toBe('petra@example.org');
		const [mail] = await sql<{ toAddress: string; textBody: string; subject: string }[]>`
			select to_address as "toAddress", text_body as "textBody", subject from outbox`;
		expect(mail!.toAddress).toBe('petra@example.org');
		expect(mail!.textBody).toContain(`${origin}/invitation/${token}`);
		expect(mail!.textBody).toContain('Jana Dvořáková');
		expect(mail!.textBody).toContain('Člen/členka klubu');
		const [entry] = await sql`select actor_id, details from audit_log where action = 'invitation.created'`;
		expect(entry!.actor_id).toBe(coordinator.id);
		expect(JSON.stringify(entry)).not.toContain('petra@example.org');
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 160 bits
	});

	it('needs an organisation to invite a social worker', async () => {
		const result = await createInvitation(sql, coordinator, {
			email: 'pracovnice@example.org',
			role: 'social_worker',
			organisationId: null,
			locale: 'cs',
			origin
		});
		expect(result).toEqual({ ok: false, reason: 'organisation_required' });
		expect(await sql`select id from invitations`).toHaveLength(0);
		expect(await sql`select id from outbox`).toHaveLength(0);
	});

	it('creates an active person with the invited role and organisation, and signs them in', async () => {
		const { token } = await invite('pracovnice@example.org', 'social_worker');
		const result = await acceptInvitationAsNewUser(sql, token, newUser);
		expect(result.ok).toBe(true);
		const user = await findUserByEmail(sql, 'pracovnice@example.org');
		expect(user).toMatchObject({
			name: 'Petra Nováková',
			status: 'active',
			roles: ['social_worker'],
			organisationId
		});
		if (!result.ok) return;
		const session = await validateSessionToken(sql, result.sessionToken);
		expect(session?.user.id).toBe(user!.id);
		const [entry] = await sql`select actor_id from audit_log where action = 'invitation.accepted'`;
		expect(entry!.actor_id).toBe(user!.id);
	});

	it('refuses a common password and keeps the invitation open', async () => {
		const { token } = await invite('clen@example.org');
		const result = await acceptInvitationAsNewUser(sql, token, { ...newUser, password: 'heslo123' });
		expect(result).toEqual({ ok: false, reason: 'password', problem: 'common' });
		expect((await findInvitation(sql, token))?.state).toBe('open');
		expect(await findUserByEmail(sql, 'clen@example.org')).toBeNull();
	});

	it('refuses a used invitation link', async () => {
		const { token } = await invite('clen@example.org');
		expect((await acceptInvitationAsNewUser(sql, token, newUser)).ok).toBe(true);
		const again = await acceptInvitationAsNewUser(sql, token, {
			...newUser,
			name: 'Someone Else'
		});
		expect(again).toEqual({ ok: false, reason: 'used' });
		expect((await findInvitation(sql, token))?.state).toBe('used');
		expect(await sql`select id from users where email = 'clen@example.org'`).toHaveLength(1);
	});

	it('refuses an expired invitation link', async () => {
		const sent = new Date('2026-03-01T10:00:00Z');
		const { token } = await invite('clen@example.org', 'member', sent);
		const justBefore = new Date(sent.getTime() + INVITATION_LIFETIME_MS - 1000);
		const atExpiry = new Date(sent.getTime() + INVITATION_LIFETIME_MS);
		expect((await findInvitation(sql, token, justBefore))?.state).toBe('open');
		expect(await acceptInvitationAsNewUser(sql, token, newUser, atExpiry)).toEqual({
			ok: false,
			reason: 'expired'
		});
		expect(await findUserByEmail(sql, 'clen@example.org')).toBeNull();
	});

	it('does not know a link that was never sent, nor a malformed one', async () => {
		await invite('clen@example.org');
		expect(await findInvitation(sql, 'a'.repeat(32))).toBeNull();
		expect(await findInvitation(sql, '../../etc/passwd')).toBeNull();
		expect(await acceptInvitationAsNewUser(sql, 'b'.repeat(32), newUser)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});

	it('never lets an invitation take over an existing account', async () => {
		const ownerHash = await hashPassword('heslo-majitelky');
		const ownerId = await insertUser(sql, {
			email: 'eva@example.org',
			name: 'Eva Černá',
			passwordHash: ownerHash,
			roles: ['donor']
		});
		const { token } = await invite('eva@example.org');
		const result = await acceptInvitationAsNewUser(sql, token, {
			...newUser,
			name: 'Attacker'
		});
		expect(result).toEqual({ ok: false, reason: 'account_exists' });
		const owner = await findUserByEmail(sql, 'eva@example.org');
		expect(owner).toMatchObject({
			id: ownerId,
			name: 'Eva Černá',
			passwordHash: ownerHash,
			roles: ['donor']
		});
		expect(await sql`select id from sessions`).toHaveLength(0);
		expect((await findInvitation(sql, token))?.state).toBe('open');
	});

	it('adds the role to an existing account only when that account accepts it signed in', async () => {
		const evaId = await insertUser(sql, {
			email: 'eva@example.org',
			name: 'Eva',
			passwordHash,
			roles: ['donor']
		});
		const otherId = await insertUser(sql, {
			email: 'tomas@example.org',
			name: 'Tomáš',
			passwordHash,
			roles: ['donor']
		});
		const { token } = await invite('eva@example.org');
		const wrong = await acceptInvitationAsSignedIn(sql, token, { id: otherId!, email: 'tomas@example.org' });
		expect(wrong).toEqual({ ok: false, reason: 'wrong_account' });
		expect((await findUserByEmail(sql, 'tomas@example.org'))!.roles).toEqual(['donor']);
		const right = await acceptInvitationAsSignedIn(sql, token, { id: evaId!, email: 'eva@example.org' });
		expect(right).toEqual({ ok: true, roles: ['donor', 'member'] });
		expect((await findUserByEmail(sql, 'eva@example.org'))!.roles).toEqual(['donor', 'member']);
		expect(await acceptInvitationAsSignedIn(sql, token, { id: evaId!, email: 'eva@example.org' })).toEqual({
			ok: false,
			reason: 'used'
		});
	});
});
