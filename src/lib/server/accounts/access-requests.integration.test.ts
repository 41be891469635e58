import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { signIn } from '../auth/sign-in';
import { findUserByEmail, insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { approveAccess, rejectAccess, requestAccess } from './access-requests';
import { listOrganisations } from './organisations';

let db: TestDatabase;
let sql: Db;
let coordinator: { id: string; address: string };
let organisationId: string;
let passwordHash: string;
const origin = 'https://spolu.example.org';
const password = 'moje-dlouhe-heslo';

beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
	sql = db.sql;
	passwordHash = await hashPassword(password);
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
		locale: 'en',
		roles: ['coordinator', 'member']
	});
	coordinator = { id: id!, address: '203.0.113.7' };
	const [org] = await sql<{ id: string }[]>`
		insert into organisations (name, kind, region) values ('Intervenční centrum Praha', 'intervention_centre', 'CZ010')
		returning id`;
	organisationId = org!.id;
});

const request = (overrides: Partial<Parameters<typeof requestAccess>[1]> = {}) =>
	requestAccess(sql, {
		name: 'Petra Nováková',
		email: 'petra@example.org',
		password,
		locale: 'cs',
		organisationId,
		address: '198.51.100.4',
		origin,
		...overrides
	});

const outbox = () =>
	sql<{ to: string; template: string; locale: string; text: string }[]>`
		select to_address as to, template, locale, text_body as text from outbox order by id`;

describe('access requests', () => {
	it('creates a waiting social worker who cannot sign in until a coordinator approves', async () => {
		expect(await request()).toEqual({ ok: true, created: true });
		const user = await findUserByEmail(sql, 'petra@example.org');
		expect(user).toMatchObject({ status: 'pending_approval', roles: ['social_worker'], organisationId });
		const attempt = { email: 'petra@example.org', password, address: '198.51.100.4' };
		expect(await signIn(sql, attempt)).toEqual({ ok: false, reason: 'pending_approval' });

		expect(await approveAccess(sql, coordinator, user!.id, origin)).toEqual({ ok: true });
		expect((await signIn(sql, attempt)).ok).toBe(true);
		const actions = await sql<{ action: string; actorId: string }[]>`
			select action, actor_id as "actorId" from audit_log
			where action in ('user.access_requested', 'user.approved') order by id`;
		expect(actions).toEqual([
			{ action: 'user.access_requested', actorId: user!.id },
			{ action: 'user.approved', actorId: coordinator.id }
		]);
	});

	it('tells the coordinators about a request and the person about the approval', async () => {
		await request();
		const [toCoordinator] = await outbox();
		expect(toCoordinator).toMatchObject({
			to: 'koordinator@example.org',
			template: 'access_requested',
			locale: 'en'
		});
		expect(toCoordinator!.text).toContain('Petra Nováková (Intervenční centrum Praha)');
		expect(toCoordinator!.text).toContain(`${origin}/coordinator/people?status=pending_approval`);
		const user = await findUserByEmail(sql, 'petra@example.org');
		await approveAccess(sql, coordinator, user!.id, origin);
		const mails = await outbox();
		expect(mails[1]).toMatchObject({ to: 'petra@example.org', template: 'access_approved', locale: 'cs' });
		expect(mails[1]!.text).toContain(`${origin}/login`);
	});

	it('answers the same for an address that has an account, and creates nothing for it', async () => {
		const ownerHash = await hashPassword('heslo-majitelky');
		await insertUser(sql, {
			email: 'eva@example.org',
			name: 'Eva Černá',
			passwordHash: ownerHash,
			roles: ['donor']
		});
		const result = await request({ email: 'Eva@Example.org', newOrganisation: null });
		expect(result.ok).toBe(true);
		const eva = await findUserByEmail(sql, 'eva@example.org');
		expect(eva).toMatchObject({
			name: 'Eva Černá',
			status: 'active',
			roles: ['donor'],
			passwordHash: ownerHash
		});
		expect(await outbox()).toEqual([]);
	});

	it('keeps a newly named organisation unapproved until the request is approved', async () => {
		await request({
			organisationId: null,
			newOrganisation: { name: 'Diakonie Vsetín', kind: 'ngo', region: 'CZ072' }
		});
		const proposed = (await listOrganisations(sql)).find((o) => o.name === 'Diakonie Vsetín');
		expect(proposed).toMatchObject({ approved: false, kind: 'ngo', region: 'CZ072' });
		expect((await listOrganisations(sql, { approvedOnly: true })).map((o) => o.name)).toEqual([
			'Intervenční centrum Praha'
		]);
		const user = await findUserByEmail(sql, 'petra@example.org');
		expect(user!.organisationId).toBe(proposed!.id);
		await approveAccess(sql, coordinator, user!.id, origin);
		expect((await listOrganisations(sql, { approvedOnly: true })).map((o) => o.name)).toContain(
			'Diakonie Vsetín'
		);
	});

	it('joins an existing organisation when the new name is one already listed', async () => {
		await request({
			organisationId: null,
			newOrganisation: { name: 'intervenční centrum PRAHA', kind: 'other', region: 'CZ080' }
		});
		expect(await listOrganisations(sql)).toHaveLength(1);
		expect((await findUserByEmail(sql, 'petra@example.org'))!.organisationId).toBe(organisationId);
	});

	it('refuses an organisation that is not on the list', async () => {
		const result = await request({ organisationId: '00000000-0000-4000-8000-000000000000' });
		expect(result).toEqual({ ok: false, reason: 'organisation_not_found' });
		expect(await findUserByEmail(sql, 'petra@example.org')).toBeNull();
	});

	it('limits how many requests one address can send', async () => {
		const now = new Date('2026-05-04T08:00:00Z');
		for (let i = 0; i < 5; i++) {
			expect((await request({ email: `p${i}@example.org`, now })).ok).toBe(true);
		}
		const sixth = await request({ email: 'p6@example.org', now });
		expect(sixth).toMatchObject({ ok: false, reason: 'throttled' });
		expect(await findUserByEmail(sql, 'p6@example.org')).toBeNull();
		const later = new Date(now.getTime() + 61 * 60_000);
		expect((await request({ email: 'p6@example.org', now: later })).ok).toBe(true);
	});

	it('rejects a request: the account is deactivated and its proposed organisation removed', async () => {
		await request({
			organisationId: null,
			newOrganisation: { name: 'Spolek X', kind: 'ngo', region: 'CZ010' }
		});
		const user = await findUserByEmail(sql, 'petra@example.org');
		expect(await rejectAccess(sql, coordinator, user!.id)).toEqual({ ok: true });
		expect((await findUserByEmail(sql, 'petra@example.org'))!.status).toBe('deactivated');
		expect((await listOrganisations(sql)).map((o) => o.name)).toEqual(['Intervenční centrum Praha']);
		expect(await signIn(sql, { email: 'petra@example.org', password, address: '198.51.100.4' })).toEqual({
			ok: false,
			reason: 'deactivated'
		});
		expect(await approveAccess(sql, coordinator, user!.id, origin)).toEqual({
			ok: false,
			reason: 'not_pending'
		});
	});
});
