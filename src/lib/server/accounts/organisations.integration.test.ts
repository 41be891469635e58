import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/users';
import type { Db } from '../db/client';
import { createTestDatabase, type TestDatabase, resetDatabase } from '../db/test-db';
import { helpListingOf, listHelpDirectory, normalisePhone, setHelpListing } from './help-directory';
import {
	createOrganisation,
	insertOrganisation,
	listOrganisations,
	updateOrganisation
} from './organisations';

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
	await resetDatabase(sql);
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

const centre = (name: string, region: 'CZ080' | 'CZ032', approved = true) =>
	sql.begin((tx) => insertOrganisation(tx, { name, kind: 'intervention_centre', region }, { approved }));

const listing = { listed: true, phone: '+420 596 611 239', web: null, hours: 'nonstop', checked: true };

describe('the help directory', () => {
	it('lists an organisation by kraj only once its contact was checked, with the day of the check', async () => {
		const havirov = (await centre('Intervenční centrum Havířov', 'CZ080'))!;
		const plzen = (await centre('Intervenční centrum Plzeň', 'CZ032'))!;
		expect(await listHelpDirectory(sql)).toEqual([]);

		// not checked: refused, nothing written
		expect(await setHelpListing(sql, coordinator, havirov, { ...listing, checked: false })).toEqual({
			ok: false,
			reason: 'not_checked'
		});
		expect((await helpListingOf(sql, havirov))!.listed).toBe(false);
		// no contact at all: refused
		expect(await setHelpListing(sql, coordinator, havirov, { ...listing, phone: null, web: null })).toEqual({
			ok: false,
			reason: 'contact_missing'
		});

		expect(await setHelpListing(sql, coordinator, havirov, listing)).toEqual({ ok: true });
		expect(
			await setHelpListing(sql, coordinator, plzen, {
				...listing,
				phone: null,
				web: 'https://www.example.org/'
			})
		).toEqual({ ok: true });
		const [today] = await sql<{ day: string }[]>`select to_char(current_date, 'YYYY-MM-DD') as day`;
		const directory = await listHelpDirectory(sql);
		expect(directory.map((e) => [e.region, e.name, e.phone, e.web, e.checkedOn])).toEqual([
			['CZ032', 'Intervenční centrum Plzeň', null, 'https://www.example.org/', today!.day],
			['CZ080', 'Intervenční centrum Havířov', '+420 596 611 239', null, today!.day]
		]);
		const [row] = await sql<{ details: Record<string, unknown> }[]>`
			select details from audit_log where action = 'organisation.changed' and target_id = ${havirov}`;
		expect(row!.details).toMatchObject({ helpListed: true, helpPhone: '+420 596 611 239' });
	});

	it('keeps a changed contact off the page until it is checked again, and takes a listing off without one', async () => {
		const havirov = (await centre('Intervenční centrum Havířov', 'CZ080'))!;
		await setHelpListing(sql, coordinator, havirov, listing);
		// the same contact saved again needs no new check
		expect(await setHelpListing(sql, coordinator, havirov, { ...listing, checked: false })).toEqual({
			ok: true
		});
		// a new number does
		expect(
			await setHelpListing(sql, coordinator, havirov, { ...listing, phone: '739 500 634', checked: false })
		).toEqual({ ok: false, reason: 'not_checked' });
		expect((await listHelpDirectory(sql))[0]!.phone).toBe('+420 596 611 239');
		expect(
			await setHelpListing(sql, coordinator, havirov, { ...listing, listed: false, checked: false })
		).toEqual({ ok: true });
		expect(await listHelpDirectory(sql)).toEqual([]);
	});

	it('lists no organisation that is not approved, and the database refuses a listing without a contact', async () => {
		const proposed = (await centre('Intervenční centrum Návrh', 'CZ080', false))!;
		expect(await setHelpListing(sql, coordinator, proposed, listing)).toEqual({
			ok: false,
			reason: 'not_approved'
		});
		await expect(
			sql`update organisations set help_listed = true, help_checked_on = current_date where id = ${proposed}`
		).rejects.toThrow(/organisations_help_listing/);
		await expect(
			sql`update organisations set help_phone = '12; drop' where id = ${proposed}`
		).rejects.toThrow(/check/);
	});
});

describe('phone numbers', () => {
	it('are written in groups as in Czech, whatever the typing', () => {
		expect(normalisePhone('596611239')).toBe('596 611 239');
		expect(normalisePhone('+420596611239')).toBe('+420 596 611 239');
		expect(normalisePhone(' +420 596-611/239 ')).toBe('+420 596 611 239');
		expect(normalisePhone('116006')).toBe('116 006');
		expect(normalisePhone('volejte nám')).toBeNull();
		expect(normalisePhone('12')).toBeNull();
	});
});
