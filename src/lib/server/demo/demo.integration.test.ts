import { afterEach, describe, expect, it } from 'vitest';
import { getClubSettings } from '../club/settings';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { demoParts, initialiseDatabase, type DemoPart } from './index';

let db: TestDatabase;
afterEach(async () => {
	await db?.close();
});

/** A demo part that counts how often it seeds. */
function countingPart(name: string): DemoPart & { runs: number } {
	const part = {
		name,
		runs: 0,
		async seed() {
			part.runs++;
		}
	};
	return part;
}

describe('initialiseDatabase', () => {
	it('loads the demo data into a new database when asked, once', async () => {
		db = await createTestDatabase({ migrate: true });
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: true });
		expect(await getClubSettings(db.sql)).toEqual({
			name: 'Klub dárců Spolu',
			contactEmail: 'klub@example.org'
		});
		// The next start finds a demo database and seeds nothing again.
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: true });
		expect(await db.sql`select count(*)::int as n from club_settings`).toEqual([{ n: 1 }]);
	});

	it('never loads demo data into a database that was started without it', async () => {
		db = await createTestDatabase({ migrate: true });
		expect(await initialiseDatabase(db.sql, { loadDemo: false })).toEqual({ demo: false });
		// Later starts with demo data switched on leave the real database alone.
		expect(await initialiseDatabase(db.sql, { loadDemo: true })).toEqual({ demo: false });
		expect(await getClubSettings(db.sql)).toBeNull();
	});

	it('adds the demo data of parts that arrive in a later version', async () => {
		db = await createTestDatabase({ migrate: true });
		const first = countingPart('accounts');
		const later = countingPart('needs');
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first] });
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first, later] });
		await initialiseDatabase(db.sql, { loadDemo: true, parts: [first, later] });
		expect([first.runs, later.runs]).toEqual([1, 1]);
	});

	it('seeds once when two instances start together', async () => {
		db = await createTestDatabase({ migrate: true });
		const part = countingPart('club');
		const a = db.connect({ max: 2 });
		const b = db.connect({ max: 2 });
		await Promise.all([
			initialiseDatabase(a, { loadDemo: true, parts: [part] }),
			initialiseDatabase(b, { loadDemo: true, parts: [part] })
		]);
		expect(part.runs).toBe(1);
	});

	it('leaves nothing behind when a demo part fails', async () => {
		db = await createTestDatabase({ migrate: true });
		const failing: DemoPart = {
			name: 'broken',
			async seed() {
				throw new Error('broken seed');
			}
		};
		await expect(
			initialiseDatabase(db.sql, { loadDemo: true, parts: [...demoParts, failing] })
		).rejects.toThrow('broken seed');
		expect(await getClubSettings(db.sql)).toBeNull();
		expect(await db.sql`select key from app_state`).toEqual([]);
	});
});
