import { pragueDay } from '$lib/core/prague';
import type { Tx } from '../../db/client';
import { FEES, FUND, incomeAccount, postTransaction } from '../../ledger/ledger';
import { reverseGift } from '../../ledger/reversal';

/*
 * Card gifts as the webhook finds and changes them. A refund made in Stripe and a lost dispute both take
 * money of a gift back, the ledger's one way (ledger/reversal.ts): the fund's share first, then the
 * need's. When the fund cannot pay, that throws, the webhook's transaction rolls back and Stripe's
 * redelivery tries again later.
 */

export interface CardDonation {
	id: string;
	amount: number;
	need_id: string | null;
	to_fund: number;
	/** everything taken back so far: card refunds and a lost dispute */
	refunded: number;
	/** the part of `refunded` a lost dispute took back */
	dispute_lost: number;
	dispute_status: 'open' | 'won' | 'lost' | null;
	stripe_dispute_id: string | null;
}

const idOf = (value: unknown): string | null =>
	typeof value === 'string' ? value : ((value as { id?: string } | null)?.id ?? null);

/** The card gift of a payment (a charge or a dispute names it), locked for this transaction. */
export async function donationOfPayment(
	tx: Tx,
	object: { payment_intent?: unknown }
): Promise<CardDonation | null> {
	const paymentIntent = idOf(object.payment_intent ?? null);
	if (!paymentIntent) return null;
	const [row] = await tx<CardDonation[]>`
		select id, amount, need_id, to_fund, refunded, dispute_lost, dispute_status, stripe_dispute_id
		from donations where payment_intent = ${paymentIntent} for update`;
	return row ?? null;
}

/** The Prague calendar day of a Unix time in seconds (Stripe's timestamps). */
export const pragueDayOf = (unixSeconds: number) => pragueDay(new Date(unixSeconds * 1000));

/** Takes `amount` haléře of a card gift back (kind 'refund') and raises its `refunded` by as much. */
export async function takeBackCardGift(
	tx: Tx,
	donation: CardDonation,
	amount: number,
	t: { memo: string; occurredOn: string }
): Promise<void> {
	// the need's row before any ledger account, as every writer to a need's money locks them
	if (donation.need_id) await tx`select id from needs where id = ${donation.need_id} for update`;
	await reverseGift(tx, donation, amount, {
		kind: 'refund',
		income: incomeAccount('card'),
		memo: t.memo,
		occurredOn: t.occurredOn
	});
}

/** A fee Stripe charged the club (a dispute's), paid from the general fund. */
export async function bookStripeFee(tx: Tx, fee: number, t: { memo: string; occurredOn: string }) {
	await postTransaction(tx, {
		kind: 'fee',
		memo: t.memo,
		occurredOn: t.occurredOn,
		entries: [
			{ account: FEES, amount: fee },
			{ account: FUND, amount: -fee }
		]
	});
}
