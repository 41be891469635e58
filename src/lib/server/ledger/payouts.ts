import type { Person } from '$lib/server/core/actor';
import type { PersonContext } from '$lib/server/core/context';
import type { NeedStatus } from '$lib/needs';
import { audit } from '../audit';
import type { Queryable, Tx } from '../db/client';
import { isCoordinator, isOwnOrganisation, needView } from '../needs/access';
import type { PrepareRefusal } from '../files/cleaning';
import {
	openDownload,
	withStoredFile,
	type AttachmentDownload,
	type AttachmentStore
} from '../files/uploads';
import { insertEvent, selectNeed } from '../needs';
import { isUuid } from '$lib/core/ids';
import { fieldsWithPersonalData } from '../privacy/guard';
import { isAmount, needMoney, refuseMoney, type MoneyRefusal } from './funding';
import { needAccount, payoutAccount, postTransaction } from './ledger';

/*
 * Payouts: money that leaves a need's account for a purchase from a supplier or a gift paid to the
 * family, recorded by the coordinator or the need's contact person with the receipt. The receipt may
 * show the family's name, so it is kept like an attachment: cleaned, encrypted at rest, every read
 * audited, readable only by the coordinator, the contact person and the submitting organisation.
 */

export const payoutStates: ReadonlySet<NeedStatus> = new Set([
	'approved',
	'funding',
	'funded',
	'fulfilling',
	'delivered'
]);

const receiptContext = (needId: string) => `payouts:${needId}`;

export interface PayoutInput {
	recipient: 'supplier' | 'family';
	/** the shop or company; for a gift to the family, how it was paid ("hotově", "na účet rodiny") */
	supplier: string;
	amount: number;
	/** yyyy-mm-dd */
	paidOn: string;
	note: string;
}

export type PayoutResult =
	| { ok: true; id: string }
	| { ok: false; reason: MoneyRefusal | PrepareRefusal; limit?: number; fields?: string[] };

/** Whether the person may record and read the payouts of this need. */
async function mayHandlePayouts(db: Queryable, actor: Person, needId: string) {
	const need = await selectNeed(db, needId);
	if (!need || need.submittedAt === null) return { need: null, may: false, contact: false };
	const money = await needMoney(db, needId);
	const contact = money?.contactPersonId === actor.id && actor.roles.includes('member');
	return {
		need,
		money,
		contact,
		may: isCoordinator(actor) || contact,
		organisation: isOwnOrganisation(actor, need)
	};
}

export async function recordPayout(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	input: PayoutInput,
	receipt: { bytes: Uint8Array; name: string; type: string } | null
): Promise<PayoutResult> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return refuseMoney('not_found');
	const before = await mayHandlePayouts(db, actor, needId);
	if (!before.need || !needView(actor, before.need)) return refuseMoney('not_found');
	if (!before.may) return refuseMoney('forbidden');
	if (!before.money) return refuseMoney('wrong_state');
	if (!isAmount(input.amount)) return refuseMoney('invalid_amount');
	// payouts are read by the club: the family is never named in them
	const fields = fieldsWithPersonalData({ supplier: input.supplier, note: input.note });
	if (fields.length) return { ok: false, reason: 'personal_data', fields };

	return withStoredFile(db, store, receipt, receiptContext(needId), 'doklad', (stored) =>
		db.begin((tx) => payOut({ ...ctx, db: tx }, needId, input, stored))
	);
}

/** The payout inside the caller's transaction, its receipt (if any) already stored. */
export async function payOut(
	ctx: PersonContext<Tx>,
	needId: string,
	input: PayoutInput,
	stored: { key: string; name: string; mediaType: string } | null
): Promise<PayoutResult> {
	const { db: tx, actor } = ctx;
	const need = await selectNeed(tx, needId, true);
	if (!need || !payoutStates.has(need.status)) return refuseMoney('wrong_state');
	const money = await needMoney(tx, needId);
	if (!money || input.amount > money.balance) return refuseMoney('balance_too_low', money?.balance ?? 0);
	const transactionId = await postTransaction(tx, {
		kind: 'payout',
		occurredOn: input.paidOn,
		needId,
		recordedBy: actor.id,
		memo: input.supplier.trim().slice(0, 120),
		entries: [
			{ account: needAccount(needId), amount: -input.amount },
			{ account: payoutAccount(input.recipient), amount: input.amount }
		]
	});
	const [row] = await tx<{ id: string }[]>`
				insert into payouts (need_id, recipient, supplier, amount, paid_on, note, receipt_key, receipt_name,
					receipt_media_type, transaction_id, recorded_by)
				values (${needId}, ${input.recipient}, ${input.supplier.trim() || null}, ${input.amount}, ${input.paidOn},
					${input.note.trim() || null}, ${stored?.key ?? null}, ${stored?.name ?? null}, ${stored?.mediaType ?? null},
					${transactionId}, ${actor.id})
				returning id`;
	await insertEvent(tx, {
		needId,
		actorId: actor.id,
		kind: 'payout',
		data: { amount: input.amount, recipient: input.recipient }
	});
	await audit(tx, {
		actorId: actor.id,
		action: 'ledger.payout',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details: { amount: input.amount, payout: row!.id }
	});
	return { ok: true, id: row!.id };
}

export interface Payout {
	id: string;
	recipient: 'supplier' | 'family';
	supplier: string | null;
	amount: number;
	paidOn: string;
	note: string | null;
	receiptName: string | null;
	inKind: boolean;
	recordedByName: string;
	createdAt: Date;
}

/** The need's payouts for those who may see them (coordinator, contact person, the organisation); else null. */
export async function listPayouts(ctx: PersonContext<Queryable>, needId: string): Promise<Payout[] | null> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return null;
	const who = await mayHandlePayouts(db, actor, needId);
	if (!who.need || !(who.may || who.organisation)) return null;
	return db<Payout[]>`
		select p.id, p.recipient, p.supplier, p.amount, to_char(p.paid_on, 'YYYY-MM-DD') as "paidOn", p.note,
			p.receipt_name as "receiptName", p.in_kind as "inKind", u.name as "recordedByName", p.created_at as "createdAt"
		from payouts p join users u on u.id = p.recorded_by
		where p.need_id = ${needId} order by p.paid_on, p.created_at`;
}

/** A payout's receipt for those who may see it; each read is audited. */
export async function readPayoutReceipt(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	payoutId: string
): Promise<AttachmentDownload | null> {
	const { db, actor } = ctx;
	if (!isUuid(needId) || !isUuid(payoutId)) return null;
	const who = await mayHandlePayouts(db, actor, needId);
	if (!who.need || !(who.may || who.organisation)) return null;
	const [row] = await db<{ receipt_key: string | null; receipt_name: string; receipt_media_type: string }[]>`
		select receipt_key, receipt_name, receipt_media_type from payouts where id = ${payoutId} and need_id = ${needId}`;
	if (!row?.receipt_key) return null;
	const download = await openDownload(db, store, {
		key: row.receipt_key,
		context: receiptContext(needId),
		fileName: row.receipt_name,
		mediaType: row.receipt_media_type
	});
	if (!download) return null;
	await audit(db, {
		actorId: actor.id,
		action: 'ledger.payout_receipt_read',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details: { payout: payoutId }
	});
	return download;
}
