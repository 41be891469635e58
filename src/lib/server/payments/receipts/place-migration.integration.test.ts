import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { createTestDatabase, projectMigrations } from '../../db/test-db';

/*
 * Migration 0018 turns the place of issue from the locative the settings used to ask for ("Brně",
 * to follow "V") into the name of the place, which both languages print. A place it cannot convert
 * safely is cleared, so that the reports page asks for it again instead of printing "Kolínu, 5. 1.".
 */
async function placeAfterMigration(before: string): Promise<string | null> {
	const db = await createTestDatabase();
	try {
		const all = projectMigrations();
		await migrate(
			db.sql,
			all.filter((m) => m.name < '0018')
		);
		await db.sql`insert into club_settings (name, place) values ('Klub', ${before})`;
		await migrate(db.sql, all);
		const [club] = await db.sql<{ place: string | null }[]>`select place from club_settings`;
		return club!.place;
	} finally {
		await db.close();
	}
}

describe('the place of issue after migration 0018', () => {
	it('names the place as a map does, and asks again for one it cannot convert', async () => {
		const [prague, unknown] = await Promise.all([
			placeAfterMigration('Praze 2'),
			placeAfterMigration('Horní Dolní')
		]);
		expect({ prague, unknown }).toEqual({ prague: 'Praha 2', unknown: null });
		// two databases migrated from empty: slow on the embedded database
	}, 180_000);
});
