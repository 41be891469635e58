import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../auth/users';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getVoteSettings } from '../voting/settings';
import { getClubSettings, saveClubSettings } from './settings';

let db: TestDatabase;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
});
afterAll(async () => {
	await db.close();
});

describe('club settings', () => {
	it('saves the club and its voting rules on a new installation, and audits what changed', async () => {
		const id = await insertUser(db.sql, {
			email: 'k@test.cz',
			name: 'K',
			passwordHash: 'x',
			roles: ['coordinator']
		});
		expect(await getClubSettings(db.sql)).toBeNull();
		const rules = {
			quorumPercent: 60,
			approvalPercent: 66,
			voteHours: 120,
			urgentVoteHours: 24,
			fastTrackLimit: 500_000,
			resultsHidden: false
		};
		await saveClubSettings(db.sql, { id: id! }, { name: 'Klub dárců Brno', contactEmail: null, ...rules });
		expect(await getClubSettings(db.sql)).toEqual({ name: 'Klub dárců Brno', contactEmail: null });
		expect(await getVoteSettings(db.sql)).toEqual(rules);
		await saveClubSettings(
			db.sql,
			{ id: id! },
			{ name: 'Klub dárců Brno', contactEmail: null, ...rules, quorumPercent: 40 }
		);
		const audits = await db.sql<{ details: { changed: string[] } }[]>`
			select details from audit_log where action = 'club.settings_changed' order by id`;
		expect(audits.map((a) => a.details.changed)).toEqual([
			[
				'name',
				'contactEmail',
				'quorumPercent',
				'approvalPercent',
				'voteHours',
				'urgentVoteHours',
				'fastTrackLimit',
				'resultsHidden'
			],
			['quorumPercent']
		]);
	});
});
