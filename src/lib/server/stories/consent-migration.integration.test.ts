import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate';
import { createTestDatabase, projectMigrations, type TestDatabase } from '../db/test-db';

/*
 * Migration 0014 turns the consent's checkboxes into one audience. A consent recorded with both "this
 * website" and "donors only" ticked was published to everyone; it must come out as donors only, the
 * reading that cannot hurt the family, and such a consent no longer allows the social networks.
 */

let db: TestDatabase;
afterEach(async () => {
	await db?.close();
});

describe('migration 0014 (consent audience)', () => {
	it('reads each old combination of scopes as the narrowest audience it could have meant', async () => {
		db = await createTestDatabase();
		const all = projectMigrations();
		const cut = all.findIndex((m) => m.name.startsWith('0014_'));
		expect(cut).toBeGreaterThan(0);
		await migrate(db.sql, all.slice(0, cut));
		// the consents' needs and people do not matter here
		await db.sql`alter table need_consents drop constraint need_consents_need_id_fkey`;
		await db.sql`alter table need_consents drop constraint need_consents_recorded_by_fkey`;
		const old = [
			{ website: true, social: false, donors: false, audience: 'public', social_after: false },
			{ website: true, social: true, donors: false, audience: 'public', social_after: true },
			{ website: true, social: false, donors: true, audience: 'donors', social_after: false },
			{ website: true, social: true, donors: true, audience: 'donors', social_after: false },
			{ website: false, social: false, donors: true, audience: 'donors', social_after: false },
			{ website: false, social: true, donors: true, audience: 'donors', social_after: false },
			{ website: false, social: true, donors: false, audience: 'none', social_after: true }
		].map((c) => ({ ...c, id: randomUUID() }));
		for (const c of old)
			await db.sql`
				insert into need_consents (need_id, given_on, scope_website, scope_social, scope_donors, recorded_by)
				values (${c.id}, '2026-05-01', ${c.website}, ${c.social}, ${c.donors}, ${randomUUID()})`;

		await migrate(db.sql, all);

		const rows = await db.sql<{ id: string; audience: string; social: boolean }[]>`
			select need_id as id, audience, social from need_consents`;
		const byId = new Map(rows.map((r) => [r.id, r]));
		for (const c of old)
			expect(byId.get(c.id), JSON.stringify(c)).toMatchObject({
				audience: c.audience,
				social: c.social_after
			});
		// the new rules hold in the database itself
		await expect(
			db.sql`insert into need_consents (need_id, given_on, audience, social, recorded_by)
				values (${randomUUID()}, '2026-05-01', 'donors', true, ${randomUUID()})`
		).rejects.toThrow(/need_consents_social_public/);
		await expect(
			db.sql`insert into need_consents (need_id, given_on, audience, social, recorded_by)
				values (${randomUUID()}, '2026-05-01', 'everyone', false, ${randomUUID()})`
		).rejects.toThrow(/need_consents_audience/);
	});
});
