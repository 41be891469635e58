import type { Tx } from '../db/client';
import { FUND, lockedBalance, needAccount, postTransaction, type TransactionKind } from './ledger';

/*
 * Money of a gift going back to the donor: a card refund, a lost card dispute, a bank payment the bank
 * returned or the coordinator sent back. Each raises `donations.refunded`, which is what keeps the gift
 * off the donor's confirmation. The money leaves the general fund's share of the gift first, then the
 * need's; what the need has already spent comes from the fund.
 */

export interface GiftToReverse {
	id: string;
	amount: number;
	need_id: string | null;
	to_fund: number;
	refunded: number;
}

export class FundTooLowError extends Error {
	override name = 'FundTooLowError';
	constructor(public missing: number) {
		super(`the general fund lacks ${missing} haléře to return the gift`);
	}
}

/**
 * Reverses `delta` haléře of the gift into `income` (the account the gift came from). The caller has
 * locked the donation row and, before any ledger account, the need's row. Throws FundTooLowError,
 * before writing anything, when the fund cannot cover what the need no longer holds.
 */
export async function reverseGift(
	tx: Tx,
	gift: GiftToReverse,
	delta: number,
	t: { kind: TransactionKind; income: string; memo: string; occurredOn?: string; recordedBy?: string | null }
): Promise<string> {
	const fromFundShare = Math.min(delta, Math.max(0, gift.to_fund - gift.refunded));
	let fromNeed = delta - fromFundShare;
	if (fromNeed > 0 && gift.need_id) {
		const held = await lockedBalance(tx, needAccount(gift.need_id));
		fromNeed = Math.min(fromNeed, held);
	} else fromNeed = 0;
	const fromFund = delta - fromNeed;
	if (fromFund > 0) {
		const fund = await lockedBalance(tx, FUND);
		if (fund < fromFund) throw new FundTooLowError(fromFund - fund);
	}
	const transactionId = await postTransaction(tx, {
		kind: t.kind,
		needId: gift.need_id,
		memo: t.memo,
		occurredOn: t.occurredOn ?? null,
		recordedBy: t.recordedBy ?? null,
		entries: [
			{ account: t.income, amount: delta },
			...(fromNeed ? [{ account: needAccount(gift.need_id!), amount: -fromNeed }] : []),
			...(fromFund ? [{ account: FUND, amount: -fromFund }] : [])
		]
	});
	await tx`update donations set refunded = refunded + ${delta} where id = ${gift.id}`;
	return transactionId;
}
