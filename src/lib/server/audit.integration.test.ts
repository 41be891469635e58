import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, listAudit } from './audit';
import { createTestDatabase, type TestDatabase } from './db/test-db';

let db: TestDatabase;
beforeAll(async () => {
	db = await createTestDatabase({ migrate: true });
});
afterAll(async () => {
	await db.close();
});

describe('the audit log', () => {
	it('keeps what was written and refuses changes and deletions', async () => {
		await audit(db.sql, { actorId: null, action: 'auth.sign_in_failed', address: '203.0.113.7' });
		await expect(db.sql`update audit_log set action = 'auth.sign_in'`).rejects.toThrow(/append-only/);
		await expect(db.sql`delete from audit_log`).rejects.toThrow(/append-only/);
		const [entry] = await listAudit(db.sql);
		expect(entry).toMatchObject({ action: 'auth.sign_in_failed', address: '203.0.113.7', actorEmail: null });
	});

	it('filters by action group, newest first', async () => {
		await audit(db.sql, {
			actorId: null,
			action: 'organisation.created',
			targetType: 'organisation',
			targetId: 'x'
		});
		await audit(db.sql, { actorId: null, action: 'auth.sign_out' });
		const auth = await listAudit(db.sql, { action: 'auth.' });
		expect(auth.map((e) => e.action)).toEqual(['auth.sign_out', 'auth.sign_in_failed']);
		// A percent sign is a character here, not a wildcard.
		expect(await listAudit(db.sql, { action: '%' })).toEqual([]);
	});
});
