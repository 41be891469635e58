import type Stripe from 'stripe';
import { audit } from '../../audit';
import { paged, type PageRequest, type Paged } from '$lib/paging';
import type { Queryable, Tx } from '../../db/client';
import { bookStripeFee, donationOfPayment, pragueDayOf, takeBackCardGift } from './card-donations';

/*
 * Card gifts a donor disputed with their bank (a chargeback, or an inquiry before one). The webhook
 * follows the dispute's state on the donation:
 *
 *   charge.dispute.created  → open: the gift is held off the donor's confirmation of gifts (it still
 *                             stands in the ledger: whether the money goes back is for the bank to say)
 *   charge.dispute.closed   → lost: the disputed amount is reversed in the ledger once, like a refund,
 *                             and counted in `refunded` (ledger/reversal.ts raises it);
 *                             won, warning_closed (an inquiry that never became a chargeback), prevented
 *                             → won: the gift stands again.
 *
 * charge.dispute.funds_withdrawn / funds_reinstated / updated are not handled: they are Stripe's balance
 * moving while the dispute runs (the amount and fee withdrawn at the start, given back when the club
 * wins), and the ledger books only the outcome, from the closed dispute, whose balance transactions are
 * then final. A lost dispute is final here: Stripe's appeals (appeal_* statuses) are an opt-in the club
 * does not use; a late "won" of a lost dispute changes nothing.
 *
 * Every state is reached by looking at the dispute the event carries, so redelivered and out-of-order
 * events change nothing twice: a created event after the close, a second close of the same dispute and a
 * late event of an earlier dispute of the same payment are all no-ops.
 */

export type DisputeState = 'open' | 'won' | 'lost';

export interface DisputedDonation {
	id: string;
	/** when the dispute was opened */
	disputedAt: Date;
	/** the day the gift was received */
	receivedOn: string;
	/** haléře */
	amount: number;
	/** open: the bank is deciding; won: the gift stands; lost: the money went back to the donor */
	status: DisputeState;
	/** Stripe's reason code (fraudulent, duplicate, …); null when Stripe gave none */
	reason: string | null;
	/** the need the gift went to; null for the general fund */
	needNumber: number | null;
}

/** Disputes are few; a page of them under the overview of the money. */
export const DISPUTES_PAGE_SIZE = 20;

/**
 * One page of the disputed gifts: the open ones first, each group newest dispute first (the id last
 * makes the order unique, so no gift is on two pages). The index donations_disputes (migration 0026)
 * is built on this very order.
 */
export async function listDisputedDonations(
	db: Queryable,
	request: PageRequest = { page: 1, size: DISPUTES_PAGE_SIZE, offset: 0 }
): Promise<Paged<DisputedDonation>> {
	const rows = await db<DisputedDonation[]>`
		select d.id, d.disputed_at as "disputedAt", to_char(d.received_on, 'YYYY-MM-DD') as "receivedOn",
			d.amount, d.dispute_status as status, d.dispute_reason as reason, n.number as "needNumber"
		from donations d left join needs n on n.id = d.need_id
		where d.disputed_at is not null
		order by d.dispute_status = 'open' desc, d.disputed_at desc, d.id
		limit ${request.size} offset ${request.offset}`;
	const [count] = await db<{ n: number }[]>`
		select count(*)::int as n from donations d where d.disputed_at is not null`;
	return paged(rows, count!.n, request);
}

const reasonOf = (dispute: Stripe.Dispute) => (dispute.reason ? dispute.reason.slice(0, 100) : null);
/** When the dispute was opened; the event's time if the object does not say. */
const openedAt = (dispute: Stripe.Dispute, eventCreated: number) =>
	Number.isSafeInteger(dispute.created) ? dispute.created : eventCreated;

/** A donor disputed a card payment: the gift is held off confirmations until the bank decides. */
export async function disputeCreated(tx: Tx, dispute: Stripe.Dispute, eventCreated: number): Promise<void> {
	const donation = await donationOfPayment(tx, dispute);
	if (!donation) return;
	// a new dispute after an earlier one closed in the club's favour (an inquiry, then a chargeback)
	// opens the gift's dispute again; anything else already seen is a redelivery or arrived late
	const fresh =
		donation.dispute_status === null ||
		(donation.dispute_status === 'won' && donation.stripe_dispute_id !== dispute.id);
	if (!fresh) return;
	await tx`
		update donations set dispute_status = 'open', stripe_dispute_id = ${dispute.id},
			disputed_at = to_timestamp(${openedAt(dispute, eventCreated)}), dispute_reason = ${reasonOf(dispute)}
		where id = ${donation.id}`;
	await audit(tx, {
		actorId: null,
		action: 'ledger.card_disputed',
		targetType: 'donation',
		targetId: donation.id,
		details: { reason: dispute.reason, amount: dispute.amount, status: dispute.status }
	});
}

/** Stripe's final statuses, as the gift's state. */
function outcomeOf(status: Stripe.Dispute.Status): 'won' | 'lost' | null {
	if (status === 'lost') return 'lost';
	if (status === 'won' || status === 'warning_closed' || status === 'prevented') return 'won';
	return null;
}

/**
 * The net dispute fee Stripe reports in CZK: a fee on the withdrawal, less any fee given back on the
 * reinstatement. A fee in another currency (an account settling in euros) cannot be booked in the
 * club's koruna ledger and is left to the treasurer.
 */
function netFee(dispute: Stripe.Dispute): number {
	const fee = (dispute.balance_transactions ?? [])
		.filter((t) => t.currency === 'czk' && Number.isSafeInteger(t.fee))
		.reduce((sum, t) => sum + t.fee, 0);
	return Math.max(0, fee);
}

/**
 * The bank decided. A lost dispute takes back the disputed amount — never more than what is left of the
 * gift after refunds (a dispute for the full amount of a partly refunded payment costs only the rest;
 * Stripe gives the refunded part back) — and counts it in `refunded` once. Won, the gift stands again.
 * Stripe's net dispute fee is booked to the fees account when the dispute first closes.
 */
export async function disputeClosed(tx: Tx, dispute: Stripe.Dispute, eventCreated: number): Promise<void> {
	const outcome = outcomeOf(dispute.status);
	if (!outcome) return;
	const donation = await donationOfPayment(tx, dispute);
	if (!donation) return;
	// a late close of an earlier dispute of this payment, or an outcome already applied
	if (donation.stripe_dispute_id !== null && donation.stripe_dispute_id !== dispute.id) return;
	if (donation.dispute_status === 'lost' || donation.dispute_status === outcome) return;
	const firstClose = donation.dispute_status === null || donation.dispute_status === 'open';
	const occurredOn = pragueDayOf(eventCreated);
	let reversed = 0;
	if (outcome === 'lost') {
		reversed = Math.max(0, Math.min(dispute.amount, donation.amount - donation.refunded));
		if (reversed > 0)
			await takeBackCardGift(tx, donation, reversed, { memo: 'card dispute lost', occurredOn });
	}
	const fee = firstClose ? netFee(dispute) : 0;
	if (fee > 0) await bookStripeFee(tx, fee, { memo: 'card dispute fee', occurredOn });
	await tx`
		update donations set dispute_status = ${outcome}, stripe_dispute_id = ${dispute.id},
			disputed_at = coalesce(disputed_at, to_timestamp(${openedAt(dispute, eventCreated)})),
			dispute_reason = coalesce(dispute_reason, ${reasonOf(dispute)}),
			dispute_lost = dispute_lost + ${reversed}
		where id = ${donation.id}`;
	await audit(tx, {
		actorId: null,
		action: outcome === 'lost' ? 'ledger.card_dispute_lost' : 'ledger.card_dispute_won',
		targetType: 'donation',
		targetId: donation.id,
		details: { status: dispute.status, amount: reversed, fee }
	});
}
