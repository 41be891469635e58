import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../auth/users';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getVoteSettings } from '../voting/settings';
import { getClubSettings, saveClubSettings, type ClubSettings } from './settings';

let db: TestDatabase;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
});
afterAll(async () => {
	await db.close();
});

const rules = {
	quorumPercent: 60,
	approvalPercent: 66,
	voteHours: 120,
	urgentVoteHours: 24,
	fastTrackLimit: 500_000,
	resultsHidden: false
};
const club: ClubSettings = {
	name: 'Klub dárců Brno',
	contactEmail: null,
	registrationNumber: null,
	address: null,
	place: null,
	collectionIban: null,
	collectionReference: null,
	retentionDays: 30
};

describe('club settings', () => {
	it('saves the club and its voting rules on a new installation, and audits what changed', async () => {
		const id = await insertUser(db.sql, {
			email: 'k@test.cz',
			name: 'K',
			passwordHash: 'x',
			roles: ['coordinator']
		});
		expect(await getClubSettings(db.sql)).toBeNull();
		await saveClubSettings(db.sql, { id: id! }, { ...club, ...rules });
		expect(await getClubSettings(db.sql)).toEqual(club);
		expect(await getVoteSettings(db.sql)).toEqual(rules);
		await saveClubSettings(db.sql, { id: id! }, { ...club, ...rules, quorumPercent: 40 });
		const identity = {
			registrationNumber: '12345678',
			address: 'Údolní 12, 602 00 Brno',
			place: 'Brně',
			collectionIban: 'CZ6508000000192000145399',
			collectionReference: 'JMK 12345/2026'
		};
		await saveClubSettings(db.sql, { id: id! }, { ...club, ...identity, ...rules, quorumPercent: 40 });
		expect(await getClubSettings(db.sql)).toEqual({ ...club, ...identity });
		await saveClubSettings(
			db.sql,
			{ id: id! },
			{ ...club, ...identity, ...rules, quorumPercent: 40, retentionDays: 14 }
		);
		expect((await getClubSettings(db.sql))?.retentionDays).toBe(14);
		const audits = await db.sql<{ details: { changed: string[] } }[]>`
			select details from audit_log where action = 'club.settings_changed' order by id`;
		expect(audits.map((a) => a.details.changed)).toEqual([
			[
				'name',
				'contactEmail',
				'registrationNumber',
				'address',
				'place',
				'collectionIban',
				'collectionReference',
				'retentionDays',
				'quorumPercent',
				'approvalPercent',
				'voteHours',
				'urgentVoteHours',
				'fastTrackLimit',
				'resultsHidden'
			],
			['quorumPercent'],
			['registrationNumber', 'address', 'place', 'collectionIban', 'collectionReference'],
			['retentionDays']
		]);
	});

	it('refuses an identity the database cannot hold (a malformed IČO)', async () => {
		await expect(
			saveClubSettings(
				db.sql,
				{ id: (await db.sql<{ id: string }[]>`select id from users limit 1`)[0]!.id },
				{ ...club, ...rules, registrationNumber: '1234' }
			)
		).rejects.toThrow();
		expect((await getClubSettings(db.sql))?.registrationNumber).toBe('12345678');
	});
});
