import type { RefusalOf } from '../core/refusals';
import type { Context, PersonContext } from '$lib/server/core/context';

import type { Actor } from '$lib/server/core/actor';

import type { NeedStatus } from '$lib/needs';

import { audit } from '../audit';

import type { Queryable, Tx } from '../db/client';

import { mailGiftThanks } from '../mail/money-mails';

import { mailLink, type Locale } from '../mail/templates';

import { isCoordinator, needView } from '../needs/access';

import { mailNeedUpdate } from '../needs/notifications';

import { insertEvent, selectNeed, type Need } from '../needs';
import { isUuid } from '$lib/core/ids';

import { applyTransition } from '../needs/lifecycle';

import type { HelpForm } from '../voting/decision';

import {
	FUND,
	incomeAccount,
	lockedBalance,
	needAccount,
	postTransaction,
	SUSPENSE_BANK,
	type Channel
} from './ledger';

/*
 * Money toward approved needs. A need's target is the amount the club approved; what reached it comes
 * from the general fund (allocation) and from gifts. Every function here locks the need's row first
 * (`select … for update`) and only then reads what is missing, so concurrent allocations and gifts queue
 * on the need and none can push it over its target: a gift is capped and the rest goes to the general
 * fund (donors are told so before they give); an allocation above what is missing is refused.
 */

/** States in which a need still takes money toward its target. */
export const fundingStates: ReadonlySet<NeedStatus> = new Set(['approved', 'funding']);
/** Forms of help under which the public may give to the need (a public collection). */
export const collectionForms: ReadonlySet<HelpForm> = new Set(['collection', 'fund_and_collection']);

export interface NeedMoney {
	needId: string;
	/** the approved amount, haléře */
	target: number;
	form: HelpForm;
	contactPersonId: string;
	/** what reached the need toward its target: allocations and gifts, less refunds */
	raised: number;
	allocated: number;
	donated: number;
	paidOut: number;
	returned: number;
	/** what the need's account holds now */
	balance: number;
	missing: number;
}

/** The money side of a decided need, or null when the club has not decided it. */
export async function needMoney(db: Queryable, needId: string): Promise<NeedMoney | null> {
	const [row] = await db<Omit<NeedMoney, 'missing'>[]>`
		select d.need_id as "needId", d.approved_amount as target, d.form, d.contact_person_id as "contactPersonId",
			coalesce(a.balance, 0) as balance,
			coalesce(sum(e.amount) filter (where t.kind in ('allocation', 'donation', 'assignment', 'refund')), 0)::bigint as raised,
			coalesce(sum(e.amount) filter (where t.kind = 'allocation'), 0)::bigint as allocated,
			coalesce(sum(e.amount) filter (where t.kind in ('donation', 'assignment', 'refund')), 0)::bigint as donated,
			coalesce(-sum(e.amount) filter (where t.kind = 'payout'), 0)::bigint as "paidOut",
			coalesce(-sum(e.amount) filter (where t.kind = 'return_to_fund'), 0)::bigint as returned
		from need_decisions d
		left join ledger_accounts a on a.need_id = d.need_id
		left join ledger_entries e on e.account_id = a.id
		left join ledger_transactions t on t.id = e.transaction_id
		where d.need_id = ${needId}
		group by d.need_id, a.balance`;
	return row ? { ...row, missing: Math.max(0, row.target - row.raised) } : null;
}

export interface Donor {
	id?: string | null;
	name?: string | null;
	email?: string | null;
	address?: string | null;
}

export interface GiftInput {
	channel: Channel;
	purpose?: 'gift' | 'dues';
	offlineKind?: 'cash' | 'sponsor' | 'transfer' | 'other' | null;
	/** in kind: what it was */
	description?: string | null;
	amount: number;
	/** the need the donor chose; null for the general fund */
	needId: string | null;
	donor?: Donor;
	/** yyyy-mm-dd */
	receivedOn: string;
	pledgeId?: string | null;
	bankPaymentId?: string | null;
	note?: string | null;
	recordedBy?: string | null;
	/** a bank payment that waited in the suspense account until the coordinator assigned it */
	fromSuspense?: boolean;
	/**
	 * the language the donor gave with the gift (a card checkout's), for the thank-you e-mail when the
	 * donor is not signed in; a pledge's own language is read from the pledge
	 */
	locale?: Locale | null;
	/**
	 * at most this much goes to the need: a gift the donor split between a collection and the general
	 * fund before giving (payments/giving.ts) books the part they were offered, not more
	 */
	maxToNeed?: number | null;
}

export interface ReceivedGift {
	donationId: string;
	transactionId: string;
	toNeed: number;
	toFund: number;
}

/**
 * Records a gift that has arrived: one ledger transaction (income → need and/or fund) and its donation
 * row. The part above what the need still misses — or all of it, when the need no longer takes money —
 * goes to the general fund. Runs inside the caller's transaction.
 */
export async function receiveGift(ctx: Context<Actor, Tx>, g: GiftInput): Promise<ReceivedGift> {
	const tx = ctx.db;
	const need = g.needId ? await selectNeed(tx, g.needId, true) : null;
	const money = need && fundingStates.has(need.status) ? await needMoney(tx, need.id) : null;
	const toNeed = money ? Math.min(g.amount, money.missing, g.maxToNeed ?? g.amount) : 0;
	const toFund = g.amount - toNeed;
	const source = g.fromSuspense ? SUSPENSE_BANK : incomeAccount(g.channel);
	const transactionId = await postTransaction(tx, {
		kind: g.fromSuspense ? 'assignment' : 'donation',
		occurredOn: g.receivedOn,
		needId: need?.id ?? null,
		recordedBy: g.recordedBy ?? null,
		memo: g.offlineKind ?? g.purpose ?? null,
		entries: [
			{ account: source, amount: -g.amount },
			...(toNeed ? [{ account: needAccount(need!.id), amount: toNeed }] : []),
			...(toFund ? [{ account: FUND, amount: toFund }] : [])
		]
	});
	const d = g.donor ?? {};
	const [row] = await tx<{ id: string }[]>`
		insert into donations (channel, purpose, offline_kind, description, amount, need_id, to_need, to_fund,
			donor_id, donor_name, donor_email, donor_address, received_on, pledge_id, bank_payment_id, note,
			transaction_id, recorded_by)
		values (${g.channel}, ${g.purpose ?? 'gift'}, ${g.channel === 'offline' ? (g.offlineKind ?? 'other') : null}, ${g.description ?? null}, ${g.amount},
			${need?.id ?? null}, ${toNeed}, ${toFund}, ${d.id ?? null}, ${d.name ?? null}, ${d.email ?? null},
			${d.address ?? null}, ${g.receivedOn}, ${g.pledgeId ?? null}, ${g.bankPaymentId ?? null}, ${g.note ?? null},
			${transactionId}, ${g.recordedBy ?? null})
		returning id`;
	if (toNeed && need && money) {
		await afterCredit(ctx, need, money, toNeed, g.recordedBy ?? null, 'donations_received', {
			channel: g.channel
		});
	}
	// Thanks for money the donor sent themselves (a bank transfer, a card payment): they wait to hear it
	// arrived, and this runs once per donation (each is unique per pledge, bank payment and checkout),
	// so the thanks goes once. Offline and in-kind gifts are not thanked here: the coordinator records
	// them by hand, usually after receiving them from the donor in person, and an automatic e-mail days
	// later would thank twice or surprise a sponsor who asked for none.
	if (g.channel === 'bank' || g.channel === 'card') {
		await mailGiftThanks(tx, ctx.origin, {
			donationId: row!.id,
			purpose: g.purpose ?? 'gift',
			amount: g.amount,
			toNeed,
			toFund,
			receivedOn: g.receivedOn,
			need: need
				? {
						number: need.number,
						// only a public collection's title is public; others are named by their number
						publicTitle: money && collectionForms.has(money.form) ? need.title : null
					}
				: null,
			donor: { id: d.id ?? null, email: d.email ?? null },
			pledgeId: g.pledgeId ?? null,
			locale: g.locale ?? null
		});
	}
	return { donationId: row!.id, transactionId, toNeed, toFund };
}

/**
 * After money reached a need: the first money moves it to "funding", reaching the target to "funded"
 * (the organisation and the contact person are told). The timeline shows the amount.
 */
async function afterCredit(
	ctx: Context<Actor, Tx>,
	need: Need,
	before: NeedMoney,
	amount: number,
	actorId: string | null,
	kind: 'allocated' | 'donations_received',
	data: Record<string, string | number> = {}
) {
	const tx = ctx.db;
	const funded = before.missing - amount <= 0;
	const next: NeedStatus = funded ? 'funded' : 'funding';
	const moved = next !== need.status;
	if (moved) await applyTransition(tx, need, funded ? 'funded' : 'firstMoney', ctx.actor);
	await insertEvent(tx, {
		needId: need.id,
		actorId,
		kind,
		fromStatus: moved && !funded ? need.status : null,
		toStatus: moved && !funded ? next : null,
		data: { amount, ...data }
	});
	if (!funded) return;
	await insertEvent(tx, {
		needId: need.id,
		actorId,
		kind: 'funded',
		fromStatus: need.status,
		toStatus: 'funded',
		data: { amount: before.target }
	});
	const recipients = await tx<{ email: string; locale: Locale }[]>`
		select email, locale from users where status = 'active'
			and (id = ${need.createdBy} or id = ${before.contactPersonId})`;
	await mailNeedUpdate(tx, recipients, need, 'funded', mailLink(ctx.origin, `/needs/${need.id}`));
}

export type MoneyRefusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'invalid_amount'
	| 'over_missing'
	| 'fund_too_low'
	| 'reason_required'
	| 'personal_data'
	| 'balance_too_low'
>;
export type MoneyResult<T = object> =
	({ ok: true } & T) | { ok: false; reason: MoneyRefusal; limit?: number };

export const refuseMoney = (
	reason: MoneyRefusal,
	limit?: number
): { ok: false; reason: MoneyRefusal; limit?: number } =>
	limit === undefined ? { ok: false, reason } : { ok: false, reason, limit };

export const isAmount = (amount: number) =>
	Number.isSafeInteger(amount) && amount >= 1 && amount <= 100_000_000;

/**
 * The coordinator moves money from the general fund to an approved need: at most what the need still
 * misses, and never more than the fund holds.
 */
export async function allocateFromFund(
	ctx: PersonContext,
	needId: string,
	amount: number
): Promise<MoneyResult<{ funded: boolean }>> {
	const { db } = ctx;
	if (!isUuid(needId)) return refuseMoney('not_found');
	if (!isAmount(amount)) return refuseMoney('invalid_amount');
	return db.begin((tx) => allocateInTransaction({ ...ctx, db: tx }, needId, amount));
}

/** The allocation inside the caller's transaction (the demo data uses it too). */
export async function allocateInTransaction(
	ctx: PersonContext<Tx>,
	needId: string,
	amount: number,
	occurredOn: string | null = null
): Promise<MoneyResult<{ funded: boolean }>> {
	const { db: tx, actor } = ctx;
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return refuseMoney('not_found');
	if (!isCoordinator(actor)) return refuseMoney('forbidden');
	const money = await needMoney(tx, needId);
	if (!money || !fundingStates.has(need.status)) return refuseMoney('wrong_state');
	if (amount > money.missing) return refuseMoney('over_missing', money.missing);
	const fund = await lockedBalance(tx, FUND);
	if (amount > fund) return refuseMoney('fund_too_low', fund);
	await postTransaction(tx, {
		kind: 'allocation',
		needId,
		occurredOn,
		recordedBy: actor.id,
		entries: [
			{ account: FUND, amount: -amount },
			{ account: needAccount(needId), amount }
		]
	});
	await afterCredit(ctx, need, money, amount, actor.id, 'allocated', {});
	await audit(tx, {
		actorId: actor.id,
		action: 'ledger.allocated',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details: { amount }
	});
	return { ok: true, funded: money.missing === amount };
}
