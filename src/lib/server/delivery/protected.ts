import type { RefusalOf } from '../core/refusals';
import type { PersonContext } from '$lib/server/core/context';
import type { NeedStatus } from '$lib/needs';
import { audit } from '../audit';
import type { Queryable, Tx } from '../db/client';
import { isCoordinator, isOwnOrganisation, needView } from '../needs/access';
import { insertEvent, selectNeed, type Need } from '../needs';
import { isUuid } from '$lib/core/ids';
import { decryptField, encryptField } from '../privacy/encryption';

/*
 * The client's protected data: who the family is and how to reach them, needed only to deliver the help.
 * Entered by the submitting organisation's social worker after the club approved the need; read by that
 * organisation and by the one contact person the club named — never by the coordinator or other members
 * unless named — and only until the need is closed. Every value is encrypted on its own (AES-256-GCM,
 * bound to its column and need), reading it is an explicit act that writes one audit row, and nothing of
 * it goes to the timeline, e-mails, logs or the audit details.
 */

export const deliveryWays = ['office', 'supplier', 'pickup', 'home'] as const;
export type DeliveryWay = (typeof deliveryWays)[number];

/** From the approval until the help is delivered: the data exists for the delivery alone. */
export const protectedStates: ReadonlySet<NeedStatus> = new Set([
	'approved',
	'funding',
	'funded',
	'fulfilling',
	'delivered'
]);

/*
 * Entered, corrected and given to another contact person only until the help is delivered: afterwards
 * the data is kept just to be read until retention deletes it. Entering it again would bring back what
 * retention removed, and a new contact person would read it with no delivery to arrange.
 */
const untilDeliveryStates: ReadonlySet<NeedStatus> = new Set(
	[...protectedStates].filter((status) => status !== 'delivered')
);

const context = (column: 'client_name' | 'client_phone' | 'delivery_address', needId: string) =>
	`need_protected_data:${column}:${needId}`;

export async function contactPersonOf(db: Queryable, needId: string): Promise<string | null> {
	const [row] = await db<
		{ id: string }[]
	>`select contact_person_id as id from need_decisions where need_id = ${needId}`;
	return row?.id ?? null;
}

/** Whether the person may read the need's protected data now (the rule, without the read). */
export async function mayReadProtected(ctx: PersonContext<Queryable>, need: Need): Promise<boolean> {
	const { db, actor } = ctx;
	if (!protectedStates.has(need.status)) return false;
	if (isOwnOrganisation(actor, need)) return true;
	return actor.roles.includes('member') && (await contactPersonOf(db, need.id)) === actor.id;
}

export interface ProtectedInput {
	name: string;
	phone: string;
	deliveryWay: DeliveryWay;
	/** only for home delivery */
	address: string | null;
}

export type ProtectedRefusal = RefusalOf<'not_found' | 'forbidden' | 'wrong_state' | 'invalid'>;
export type ProtectedResult = { ok: true } | { ok: false; reason: ProtectedRefusal };

const PHONE = /^\+?[0-9 ]{9,20}$/;

/** The organisation's social worker enters or corrects the protected data of an approved need. */
export const saveProtectedData = (
	ctx: PersonContext,
	needId: string,
	input: ProtectedInput
): Promise<ProtectedResult> => ctx.db.begin((tx) => writeProtectedData({ ...ctx, db: tx }, needId, input));

/** Entering the protected data inside the caller's transaction (the demo data uses it too). */
export async function writeProtectedData(
	ctx: PersonContext<Tx>,
	needId: string,
	input: ProtectedInput
): Promise<ProtectedResult> {
	const { db: tx, actor, keys } = ctx;
	if (!isUuid(needId)) return { ok: false, reason: 'not_found' };
	const name = input.name.trim();
	const phone = input.phone.trim();
	const address = input.deliveryWay === 'home' ? (input.address ?? '').trim() : '';
	if (
		!name ||
		name.length > 200 ||
		!PHONE.test(phone) ||
		!deliveryWays.includes(input.deliveryWay) ||
		(input.deliveryWay === 'home' && (!address || address.length > 300))
	)
		return { ok: false, reason: 'invalid' };
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return { ok: false, reason: 'not_found' };
	if (!isOwnOrganisation(actor, need)) return { ok: false, reason: 'forbidden' };
	if (!untilDeliveryStates.has(need.status)) return { ok: false, reason: 'wrong_state' };
	const [existing] = await tx`select 1 from need_protected_data where need_id = ${needId}`;
	const sealedAddress = address ? encryptField(keys, address, context('delivery_address', needId)) : null;
	await tx`
		insert into need_protected_data (need_id, client_name, client_phone, delivery_address, delivery_way, entered_by)
		values (${needId}, ${encryptField(keys, name, context('client_name', needId))},
			${encryptField(keys, phone, context('client_phone', needId))}, ${sealedAddress}, ${input.deliveryWay}, ${actor.id})
		on conflict (need_id) do update set client_name = excluded.client_name, client_phone = excluded.client_phone,
			delivery_address = excluded.delivery_address, delivery_way = excluded.delivery_way,
			entered_by = excluded.entered_by, updated_at = now()`;
	await insertEvent(tx, {
		needId,
		actorId: actor.id,
		kind: existing ? 'protected_data_changed' : 'protected_data_entered',
		data: { deliveryWay: input.deliveryWay }
	});
	await audit(tx, {
		actorId: actor.id,
		action: 'delivery.protected_written',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details: { deliveryWay: input.deliveryWay }
	});
	return { ok: true };
}

/** What the need's page may show without reading the data: whether it exists, the way, who may read it. */
export interface ProtectedSummary {
	entered: boolean;
	/** the help is delivered and the data was deleted by retention */
	deleted: boolean;
	/** the data may still be entered (by its organisation), i.e. the help is not delivered yet */
	entryOpen: boolean;
	deliveryWay: DeliveryWay | null;
	/** the person may press "show contact" */
	canRead: boolean;
	/** the organisation's social worker may enter or correct it */
	canWrite: boolean;
}

export async function protectedSummary(
	ctx: PersonContext<Queryable>,
	need: Need
): Promise<ProtectedSummary | null> {
	const { db, actor } = ctx;
	const canRead = await mayReadProtected(ctx, need);
	const entryOpen = untilDeliveryStates.has(need.status);
	const canWrite = isOwnOrganisation(actor, need) && entryOpen;
	if (!canRead && !isCoordinator(actor)) return null;
	const [row] = await db<{ way: DeliveryWay | null; deleted: boolean }[]>`
		select (select delivery_way from need_protected_data where need_id = ${need.id}) as way,
			exists (select 1 from need_events where need_id = ${need.id} and kind = 'protected_data_deleted') as deleted`;
	const entered = row!.way !== null;
	return {
		entered,
		deleted: !entered && row!.deleted,
		entryOpen,
		deliveryWay: row!.way,
		canRead,
		canWrite
	};
}

export interface ProtectedData {
	name: string;
	phone: string;
	deliveryWay: DeliveryWay;
	address: string | null;
}

/**
 * "Show contact": the protected data for those allowed, decrypted, with exactly one audit row per read.
 * Null for everyone else and when nothing was entered (or it was deleted after delivery).
 */
export async function readProtectedData(ctx: PersonContext, needId: string): Promise<ProtectedData | null> {
	const { db, actor, keys } = ctx;
	if (!isUuid(needId)) return null;
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId);
		if (!need || !(await mayReadProtected({ ...ctx, db: tx }, need))) return null;
		const [row] = await tx<
			{
				client_name: string;
				client_phone: string;
				delivery_address: string | null;
				delivery_way: DeliveryWay;
			}[]
		>`select client_name, client_phone, delivery_address, delivery_way from need_protected_data where need_id = ${needId}`;
		if (!row) return null;
		await audit(tx, {
			actorId: actor.id,
			action: 'delivery.protected_read',
			targetType: 'need',
			targetId: needId,
			address: actor.address
		});
		return {
			name: decryptField(keys, row.client_name, context('client_name', needId)),
			phone: decryptField(keys, row.client_phone, context('client_phone', needId)),
			deliveryWay: row.delivery_way,
			address: row.delivery_address
				? decryptField(keys, row.delivery_address, context('delivery_address', needId))
				: null
		};
	});
}

/**
 * The coordinator names another contact person (an active member). The previous one loses access to the
 * protected data at once, because access is decided from the decision on every read.
 */
export async function reassignContactPerson(
	ctx: PersonContext,
	needId: string,
	memberId: string
): Promise<ProtectedResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId) || !isUuid(memberId)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const need = await selectNeed(tx, needId, true);
		if (!need || !needView(actor, need)) return { ok: false, reason: 'not_found' };
		if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
		const current = await contactPersonOf(tx, needId);
		if (!current || !untilDeliveryStates.has(need.status)) return { ok: false, reason: 'wrong_state' };
		const [member] = await tx`
			select 1 from users u join user_roles r on r.user_id = u.id and r.role = 'member'
			where u.id = ${memberId} and u.status = 'active'`;
		if (!member || memberId === current) return { ok: false, reason: 'invalid' };
		await tx`update need_decisions set contact_person_id = ${memberId} where need_id = ${needId}`;
		await insertEvent(tx, { needId, actorId: actor.id, kind: 'contact_changed' });
		await audit(tx, {
			actorId: actor.id,
			action: 'delivery.contact_changed',
			targetType: 'need',
			targetId: needId,
			address: actor.address
		});
		return { ok: true };
	});
}

/** Deletes the protected data of a need (retention after delivery); the need keeps its anonymised history. */
export async function deleteProtectedData(tx: Tx, needId: string, actorId: string | null): Promise<boolean> {
	const [deleted] = await tx`delete from need_protected_data where need_id = ${needId} returning need_id`;
	if (!deleted) return false;
	await insertEvent(tx, { needId, actorId, kind: 'protected_data_deleted' });
	await audit(tx, { actorId, action: 'delivery.protected_deleted', targetType: 'need', targetId: needId });
	return true;
}
