import type { Queryable } from '../../db/client';

/*
 * Card gifts a donor disputed with their bank. The webhook flags them (disputed_at, Stripe's reason); the
 * coordinator answers the dispute in Stripe's dashboard, and this list says which gifts to look at.
 */

export interface DisputedDonation {
	id: string;
	/** when Stripe told us about the dispute */
	disputedAt: Date;
	/** the day the gift was received */
	receivedOn: string;
	/** haléře */
	amount: number;
	/** Stripe's reason code (fraudulent, duplicate, …); null when Stripe gave none */
	reason: string | null;
	/** the need the gift went to; null for the general fund */
	needNumber: number | null;
}

/** Disputed gifts, newest dispute first. */
export async function listDisputedDonations(db: Queryable): Promise<DisputedDonation[]> {
	return db<DisputedDonation[]>`
		select d.id, d.disputed_at as "disputedAt", to_char(d.received_on, 'YYYY-MM-DD') as "receivedOn",
			d.amount, d.dispute_reason as reason, n.number as "needNumber"
		from donations d left join needs n on n.id = d.need_id
		where d.disputed_at is not null
		order by d.disputed_at desc, d.id
		limit 500`;
}
