import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { createOrganisation, listOrganisations, updateOrganisation } from './organisations';

let db: TestDatabase;
let sql: Db;
let coordinator: { id: string; address: string };

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
});
afterAll(async () => {
	await db.close();
});
beforeEach(async () => {
	await sql`truncate organisations, users, audit_log cascade`;
	const id = await insertUser(sql, {
		email: 'koordinator@example.org',
		name: 'Jana Dvořáková',
		passwordHash: await hashPassword('dlouhe-heslo-1'),
		roles: ['coordinator']
	});
	coordinator = { id: id!, address: '203.0.113.7' };
});

const audits = (action: string) =>
	sql<{ actorId: string; targetId: string; address: string; details: Record<string, unknown> }[]>`
		select actor_id as "actorId", target_id as "targetId", address, details
		from audit_log where action = ${action} order by id`;

describe('organisations', () => {
	it('creates an organisation and records who did it', async () => {
		const result = await createOrganisation(sql, coordinator, {
			name: '  Intervenční   centrum Plzeň ',
			kind: 'intervention_centre',
			region: 'CZ032'
		});
		expect(result.ok).toBe(true);
		const [org] = await listOrganisations(sql);
		expect(org).toMatchObject({
			name: 'Intervenční centrum Plzeň',
			kind: 'intervention_centre',
			region: 'CZ032'
		});
		expect(org!.approved).toBe(true);
		const rows = await audits('organisation.created');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actorId: coordinator.id, targetId: org!.id, address: '203.0.113.7' });
	});

	it('refuses a second organisation with the same name, whatever its letter case', async () => {
		await createOrganisation(sql, coordinator, {
			name: 'OSPOD Brno-střed',
			kind: 'child_protection',
			region: 'CZ064'
		});
		const second = await createOrganisation(sql, coordinator, {
			name: 'ospod brno-STŘED',
			kind: 'other',
			region: 'CZ010'
		});
		expect(second).toEqual({ ok: false, reason: 'name_taken' });
		expect(await listOrganisations(sql)).toHaveLength(1);
		expect(await audits('organisation.created')).toHaveLength(1);
	});

	it('renames an organisation, keeping what changed in the audit log', async () => {
		const created = await createOrganisation(sql, coordinator, {
			name: 'Rodinné centrum',
			kind: 'ngo',
			region: 'CZ080'
		});
		if (!created.ok) throw new Error('not created');
		const result = await updateOrganisation(sql, coordinator, created.id, {
			name: 'Rodinné centrum Sluníčko, z. s.',
			kind: 'ngo',
			region: 'CZ080'
		});
		expect(result.ok).toBe(true);
		expect((await listOrganisations(sql))[0]!.name).toBe('Rodinné centrum Sluníčko, z. s.');
		const [row] = await audits('organisation.changed');
		expect(row!.details).toEqual({
			nameBefore: 'Rodinné centrum',
			nameAfter: 'Rodinné centrum Sluníčko, z. s.'
		});
	});

	it('refuses to rename an organisation to the name of another one', async () => {
		await createOrganisation(sql, coordinator, {
			name: 'Intervenční centrum Praha',
			kind: 'intervention_centre',
			region: 'CZ010'
		});
		const other = await createOrganisation(sql, coordinator, {
			name: 'IC Praha',
			kind: 'intervention_centre',
			region: 'CZ010'
		});
		if (!other.ok) throw new Error('not created');
		const result = await updateOrganisation(sql, coordinator, other.id, {
			name: 'INTERVENČNÍ CENTRUM PRAHA',
			kind: 'intervention_centre',
			region: 'CZ010'
		});
		expect(result).toEqual({ ok: false, reason: 'name_taken' });
		expect((await listOrganisations(sql)).map((o) => o.name)).toEqual([
			'IC Praha',
			'Intervenční centrum Praha'
		]);
		expect(await audits('organisation.changed')).toHaveLength(0);
	});

	it('answers not found for an organisation that does not exist', async () => {
		const input = { name: 'Nikde', kind: 'other', region: 'CZ010' } as const;
		expect(await updateOrganisation(sql, coordinator, '00000000-0000-4000-8000-000000000000', input)).toEqual(
			{
				ok: false,
				reason: 'not_found'
			}
		);
		expect(await updateOrganisation(sql, coordinator, 'not-a-uuid', input)).toEqual({
			ok: false,
			reason: 'not_found'
		});
	});
});
