import { system } from '$lib/server/core/actor';
import { contextFor, testEnvironment } from '../needs/test-factory';
import type { Db } from '../db/client';
import { allocateFromFund, receiveGift } from '../ledger/funding';
import { recordPayout } from '../ledger/payouts';
import { decidedNeed, fillFund } from '../ledger/test-factory';
import type { AttachmentStore } from '../files/uploads';
import type { People } from '../needs/test-factory';
import { saveProtectedData, type ProtectedInput } from './protected';
import { arrangeDelivery, markBought, markDelivered } from './steps';

/* Test data for delivery: needs funded and walked through the delivery by p.member, their contact person. */

export const testClient: ProtectedInput = {
	name: 'Marie Zkušební',
	phone: '+420 603 111 222',
	deliveryWay: 'office',
	address: null
};

export const pragueToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });

/** A decided need for `target` haléře, fully funded from the fund, with the client's data entered. */
export async function fundedNeed(
	sql: Db,
	p: People,
	store: AttachmentStore,
	options: { target?: number; withData?: boolean; donorId?: string } = {}
): Promise<string> {
	const target = options.target ?? 30_000;
	const needId = await decidedNeed(sql, p, target, 'purchase');
	if (options.donorId) {
		// a donor with an account gives the whole amount to the need
		await sql.begin((tx) =>
			receiveGift(contextFor(tx, system), {
				channel: 'offline',
				offlineKind: 'cash',
				amount: target,
				needId,
				donor: { id: options.donorId },
				receivedOn: pragueToday()
			})
		);
	} else {
		await fillFund(sql, target);
		const allocated = await allocateFromFund(contextFor(sql, p.coordinator), needId, target);
		if (!allocated.ok) throw new Error(allocated.reason);
	}
	if (options.withData ?? true)
		await saveProtectedData(
			contextFor(sql, p.worker, { ...testEnvironment, keys: store.keys }),
			needId,
			testClient
		);
	return needId;
}

/** A funded need arranged, paid out in full, bought and delivered today. */
export async function deliveredNeed(
	sql: Db,
	p: People,
	store: AttachmentStore,
	options: { target?: number; donorId?: string } = {}
): Promise<string> {
	const target = options.target ?? 30_000;
	const needId = await fundedNeed(sql, p, store, options);
	await arrangeDelivery(contextFor(sql, p.member), needId, {
		plan: 'Obchod doveze postel do kanceláře centra.'
	});
	const paid = await recordPayout(
		contextFor(sql, p.member),
		store,
		needId,
		{ recipient: 'supplier', supplier: 'IKEA', amount: target, paidOn: pragueToday(), note: '' },
		null
	);
	if (!paid.ok) throw new Error(paid.reason);
	await markBought(contextFor(sql, p.member), needId);
	const done = await markDelivered(
		contextFor(sql, p.member),
		store,
		needId,
		{ deliveredOn: pragueToday(), note: '' },
		null
	);
	if (!done.ok) throw new Error(done.reason);
	return needId;
}
