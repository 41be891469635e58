import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '$lib/roles';
import { hashPassword } from '../auth/password';
import { createSession, validateSessionToken } from '../auth/session';
import { findUserById, insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { changeRoles, deactivateUser, listPeople, reactivateUser } from './people';

let db: TestDatabase;
let sql: Db;
let passwordHash: string;
let coordinator: { id: string; address: string };
let organisationId: string;

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
	coordinator = {
		id: await person('koordinator@example.org', ['coordinator', 'member']),
		address: '203.0.113.7'
	};
	const [org] = await sql<{ id: string }[]>`
		insert into organisations (name, kind, region) values ('OSPOD Brno-střed', 'child_protection', 'CZ064')
		returning id`;
	organisationId = org!.id;
});

async function person(email: string, roles: Role[], extra: { organisationId?: string; name?: string } = {}) {
	const id = await insertUser(sql, {
		email,
		name: extra.name ?? email.split('@')[0]!,
		passwordHash,
		roles,
		...extra
	});
	return id!;
}

const auditRows = (action: string) =>
	sql<{ actorId: string; targetId: string; details: Record<string, unknown> }[]>`
		select actor_id as "actorId", target_id as "targetId", details from audit_log where action = ${action}`;

describe('people', () => {
	it('changes roles and records the roles before and after', async () => {
		const tomas = await person('tomas@example.org', ['donor']);
		const result = await changeRoles(sql, coordinator, tomas, {
			roles: ['donor', 'member'],
			organisationId: null
		});
		expect(result).toEqual({ ok: true, changed: true });
		expect((await findUserById(sql, tomas))!.roles).toEqual(['donor', 'member']);
		expect(await auditRows('user.roles_changed')).toEqual([
			{
				actorId: coordinator.id,
				targetId: tomas,
				details: { rolesBefore: ['donor'], rolesAfter: ['donor', 'member'] }
			}
		]);
	});

	it('needs an organisation for a social worker', async () => {
		const tomas = await person('tomas@example.org', ['member']);
		expect(
			await changeRoles(sql, coordinator, tomas, { roles: ['social_worker'], organisationId: null })
		).toEqual({
			ok: false,
			reason: 'organisation_required'
		});
		expect(
			await changeRoles(sql, coordinator, tomas, { roles: ['social_worker'], organisationId })
		).toMatchObject({ ok: true });
		expect(await findUserById(sql, tomas)).toMatchObject({ roles: ['social_worker'], organisationId });
	});

	it('does not let a coordinator drop their own coordinator role', async () => {
		await person('druha@example.org', ['coordinator']);
		const result = await changeRoles(sql, coordinator, coordinator.id, {
			roles: ['member'],
			organisationId: null
		});
		expect(result).toEqual({ ok: false, reason: 'own_coordinator_role' });
		expect((await findUserById(sql, coordinator.id))!.roles).toEqual(['coordinator', 'member']);
		expect(await auditRows('user.roles_changed')).toEqual([]);
	});

	it('keeps the last active coordinator', async () => {
		// Another coordinator exists but is deactivated: removing the active one would leave none.
		const other = await person('druha@example.org', ['coordinator']);
		await sql`update users set status = 'deactivated' where id = ${other}`;
		const result = await changeRoles(sql, { id: other }, coordinator.id, {
			roles: ['member'],
			organisationId: null
		});
		expect(result).toEqual({ ok: false, reason: 'last_coordinator' });
		expect((await findUserById(sql, coordinator.id))!.roles).toContain('coordinator');
		expect(await deactivateUser(sql, { id: other }, coordinator.id)).toEqual({
			ok: false,
			reason: 'last_coordinator'
		});
		expect((await findUserById(sql, coordinator.id))!.status).toBe('active');
		// With a second active coordinator the change is allowed.
		await sql`update users set status = 'active' where id = ${other}`;
		expect(
			await changeRoles(sql, { id: other }, coordinator.id, { roles: ['member'], organisationId: null })
		).toMatchObject({ ok: true });
	});

	it('deactivation ends every session of the person and is audited; reactivation restores access', async () => {
		const eva = await person('eva@example.org', ['member']);
		const phone = await createSession(sql, eva, { twoFactorVerified: true });
		const laptop = await createSession(sql, eva, { twoFactorVerified: true });
		expect(await validateSessionToken(sql, phone.token)).not.toBeNull();
		expect(await deactivateUser(sql, coordinator, eva)).toEqual({ ok: true });
		expect(await validateSessionToken(sql, phone.token)).toBeNull();
		expect(await validateSessionToken(sql, laptop.token)).toBeNull();
		expect(await sql`select id from sessions where user_id = ${eva}`).toHaveLength(0);
		expect(await auditRows('user.deactivated')).toMatchObject([{ actorId: coordinator.id, targetId: eva }]);

		expect(await reactivateUser(sql, coordinator, eva)).toEqual({ ok: true });
		expect((await findUserById(sql, eva))!.status).toBe('active');
		expect(await auditRows('user.reactivated')).toMatchObject([{ actorId: coordinator.id, targetId: eva }]);
	});

	it('does not let a coordinator deactivate themselves', async () => {
		expect(await deactivateUser(sql, coordinator, coordinator.id)).toEqual({ ok: false, reason: 'self' });
	});

	it('filters people by role, status, organisation and a part of name or e-mail', async () => {
		await person('petra@example.org', ['social_worker'], { organisationId, name: 'Petra Nováková' });
		const eva = await person('eva.cerna@example.org', ['member'], { name: 'Eva Černá' });
		await sql`update users set status = 'deactivated' where id = ${eva}`;
		const emails = async (filter: Parameters<typeof listPeople>[1]) =>
			(await listPeople(sql, filter)).rows.map((p) => p.email).sort();
		expect(await emails({ role: 'member' })).toEqual(['eva.cerna@example.org', 'koordinator@example.org']);
		expect(await emails({ status: 'deactivated' })).toEqual(['eva.cerna@example.org']);
		expect(await emails({ organisationId })).toEqual(['petra@example.org']);
		expect(await emails({ q: 'nováK' })).toEqual(['petra@example.org']);
		expect(await emails({ q: 'CERNA@' })).toEqual(['eva.cerna@example.org']);
		expect(await emails({ q: '%' })).toEqual([]);
	});
});
