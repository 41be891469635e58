import { contextFor, testEnvironment, walkTo } from '../needs/test-factory';
import type { Person } from '$lib/server/core/actor';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { closeNeed, cancelNeed } from '../ledger/closing';
import { allocateFromFund } from '../ledger/funding';
import { votingNeed, decidedNeed, fillFund, moneyTestDatabase } from '../ledger/test-factory';
import { selectEvents, selectNeed } from '../needs/queries';
import type { People } from '../needs/test-factory';
import { decryptField } from '../privacy/encryption';
import {
	deleteProtectedData,
	protectedSummary,
	readProtectedData,
	reassignContactPerson,
	saveProtectedData,
	type ProtectedInput
} from './protected';

const t = moneyTestDatabase();
let sql: Db;
let p: People;
beforeEach(() => {
	({ sql, p } = t);
});

const keys = testEnvironment.keys;
const client: ProtectedInput = {
	name: 'Jana Testovací',
	phone: '+420 777 123 456',
	deliveryWay: 'home',
	address: 'Květinová 12, Praha 4'
};

async function otherMember(): Promise<Person> {
	const [row] = await sql<{ id: string }[]>`
		insert into users (email, name, password_hash) values ('clen2@test.cz', 'Člen 2', 'x') returning id`;
	await sql`insert into user_roles (user_id, role) values (${row!.id}, 'member')`;
	return { ...p.member, id: row!.id, name: 'Člen 2' };
}

const reads = async () =>
	(await sql`select 1 from audit_log where action = 'delivery.protected_read'`).length;

describe('protected client data', () => {
	it('is entered by the organisation only, after approval, and stored encrypted and bound to its row', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		expect(
			await saveProtectedData(
				contextFor(sql, p.coordinator, { ...testEnvironment, keys: keys }),
				needId,
				client
			)
		).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(
			await saveProtectedData(
				contextFor(sql, p.otherWorker, { ...testEnvironment, keys: keys }),
				needId,
				client
			)
		).toEqual({
			ok: false,
			reason: 'not_found'
		});
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, {
				...client,
				address: null
			})
		).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client)
		).toEqual({ ok: true });
		const [row] = await sql<{ client_name: string; client_phone: string; delivery_address: string }[]>`
			select client_name, client_phone, delivery_address from need_protected_data`;
		expect(JSON.stringify(row)).not.toMatch(/Jana|777|Květinová/);
		// a value moved to another row, or another column, or a flipped bit does not decrypt
		expect(decryptField(keys, row!.client_name, `need_protected_data:client_name:${needId}`)).toBe(
			'Jana Testovací'
		);
		expect(() =>
			decryptField(keys, row!.client_name, `need_protected_data:client_phone:${needId}`)
		).toThrow();
		expect(() =>
			decryptField(keys, row!.client_name, `need_protected_data:client_name:${p.organisationId}`)
		).toThrow();
		// the first character of the ciphertext: its bits are all data (the last one may be padding only)
		const [id, iv, tag, data] = row!.client_phone.split(':') as [string, string, string, string];
		const flipped = [id, iv, tag, (data[0] === 'A' ? 'B' : 'A') + data.slice(1)].join(':');
		expect(() => decryptField(keys, flipped, `need_protected_data:client_phone:${needId}`)).toThrow();
		// the timeline and the audit log know that it was entered, never what
		const events = await selectEvents(sql, needId);
		expect(events.map((e) => e.kind)).toContain('protected_data_entered');
		const logged = await sql`select details from audit_log where target_id = ${needId}`;
		expect(JSON.stringify(logged)).not.toMatch(/Jana|777|Květinová/);
		// without home delivery no address is kept
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, {
			...client,
			deliveryWay: 'office'
		});
		const [office] = await sql`select delivery_address, delivery_way from need_protected_data`;
		expect(office).toEqual({ delivery_address: null, delivery_way: 'office' });
	});

	it('is read by the organisation and the contact person alone, one audit row per read, until closing', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client);
		const member = await otherMember();
		const who: [string, Person, boolean][] = [
			['social worker', p.worker, true],
			['colleague', p.colleague, true],
			['contact person', p.member, true],
			['coordinator', p.coordinator, false],
			['other member', member, false],
			['other organisation', p.otherWorker, false],
			['donor', p.donor, false]
		];
		for (const [label, actor, allowed] of who) {
			const before = await reads();
			const data = await readProtectedData(contextFor(sql, actor), needId);
			expect(data === null, label).toBe(!allowed);
			if (allowed) expect(data, label).toEqual(client);
			expect(await reads(), label).toBe(before + (allowed ? 1 : 0));
		}
		// the coordinator names another contact person: the former one loses access at once
		expect(await reassignContactPerson(contextFor(sql, p.member), needId, member.id)).toEqual({
			ok: false,
			reason: 'forbidden'
		});
		expect(await reassignContactPerson(contextFor(sql, p.coordinator), needId, member.id)).toEqual({
			ok: true
		});
		expect(await readProtectedData(contextFor(sql, p.member), needId)).toBeNull();
		expect(await readProtectedData(contextFor(sql, member), needId)).toEqual(client);
		// once the need is closed, nobody reads it
		await fillFund(sql, 50_000);
		await allocateFromFund(contextFor(sql, p.coordinator), needId, 50_000);
		await closeNeed(contextFor(sql, p.coordinator), needId, '');
		expect((await selectNeed(sql, needId))!.status).toBe('closed');
		expect(await readProtectedData(contextFor(sql, p.worker), needId)).toBeNull();
		expect(await readProtectedData(contextFor(sql, member), needId)).toBeNull();
	});

	it('cannot be entered, changed or given to a new contact person once the help is delivered', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client)
		).toEqual({ ok: true });
		await walkTo(sql, needId, 'delivered');
		const need = (await selectNeed(sql, needId))!;
		expect(await protectedSummary(contextFor(sql, p.worker), need)).toMatchObject({
			canRead: true,
			canWrite: false
		});
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, {
				...client,
				name: 'Jiné Jméno'
			})
		).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect((await readProtectedData(contextFor(sql, p.worker), needId))?.name).toBe(client.name);
		// nor does anyone new get to read it
		const member = await otherMember();
		expect(await reassignContactPerson(contextFor(sql, p.coordinator), needId, member.id)).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await readProtectedData(contextFor(sql, member), needId)).toBeNull();
		await sql.begin((tx) => deleteProtectedData(tx, needId, null));
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client)
		).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await sql`select 1 from need_protected_data`).toHaveLength(0);
		expect(await protectedSummary(contextFor(sql, p.worker), need)).toMatchObject({
			entered: false,
			deleted: true,
			entryOpen: false,
			canWrite: false
		});
	});

	it('cannot be entered before approval or after cancelling, and is deleted with an audit row', async () => {
		// in the vote, before the club decided
		const voting = await votingNeed(sql, p);
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), voting, client)
		).toEqual({ ok: false, reason: 'wrong_state' });
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client);
		await cancelNeed(contextFor(sql, p.coordinator), needId, 'Rodina pomoc už nepotřebuje.');
		expect(
			await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client)
		).toEqual({
			ok: false,
			reason: 'wrong_state'
		});
		expect(await sql.begin((tx) => deleteProtectedData(tx, needId, null))).toBe(true);
		expect(await sql`select 1 from need_protected_data`).toHaveLength(0);
		expect((await selectEvents(sql, needId)).map((e) => e.kind)).toContain('protected_data_deleted');
		expect(await sql`select 1 from audit_log where action = 'delivery.protected_deleted'`).toHaveLength(1);
	});

	it('follows the access matrix: every role, assigned or not, before approval, during delivery, after the end', async () => {
		const needId = await decidedNeed(sql, p, 50_000, 'purchase');
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), needId, client);
		// a second need with the same data for the ending the first cannot reach once closed, and a need
		// still in the vote (no data can be entered before the decision)
		const cancelled = await decidedNeed(sql, p, 50_000, 'purchase');
		await saveProtectedData(contextFor(sql, p.worker, { ...testEnvironment, keys: keys }), cancelled, client);
		const voting = await votingNeed(sql, p);
		const subjectOf = (status: string) =>
			status === 'in_vote' ? voting : status === 'cancelled' ? cancelled : needId;
		const member = await otherMember();
		const people: [string, Person][] = [
			['social worker', p.worker],
			['colleague', p.colleague],
			['assigned contact person', p.member],
			['coordinator (a member, not assigned)', p.coordinator],
			['member not assigned', member],
			['other organisation', p.otherWorker],
			['donor', p.donor]
		];
		const readers = ['social worker', 'colleague', 'assigned contact person'];
		const states = [
			['in_vote', false],
			['approved', true],
			['funding', true],
			['funded', true],
			['fulfilling', true],
			['delivered', true],
			['closed', false],
			['cancelled', false]
		] as const;
		const matrix: string[] = [];
		const expected: string[] = [];
		for (const [status, open] of states) {
			await walkTo(sql, subjectOf(status), status);
			for (const [label, actor] of people) {
				const before = await reads();
				const data = await readProtectedData(contextFor(sql, actor), subjectOf(status));
				matrix.push(`${status} ${label}: ${data ? 'reads' : 'nothing'}, ${(await reads()) - before} audit`);
				const allowed = open && readers.includes(label);
				expected.push(`${status} ${label}: ${allowed ? 'reads' : 'nothing'}, ${allowed ? 1 : 0} audit`);
			}
		}
		expect(matrix).toEqual(expected);
	});
});
