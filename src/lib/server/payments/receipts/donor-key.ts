import type { Queryable } from '../../db/client';

/*
 * How confirmations of gifts tell donors apart, over `donations d`: by their account when they gave
 * signed in, otherwise by the e-mail (in lower case) or, failing that, the name they gave (a bank
 * payment's account holder name counts). 'u:<user id>', 'e:<e-mail>' or 'n:<name>'; null when the
 * donation names nobody.
 */
export const donorKey = (db: Queryable) => db`
	case when d.donor_id is not null then 'u:' || d.donor_id::text
		when d.donor_email is not null then 'e:' || lower(d.donor_email)
		when d.donor_name is not null then 'n:' || d.donor_name end`;

/*
 * What a confirmation counts (the contract of issue 18): a gift, not membership dues; less what went
 * back to the donor (card refunds, a lost dispute and a returned bank gift all raise `refunded`); and
 * not while the donor's bank is deciding a dispute about it.
 */
export const countsOnConfirmation = (db: Queryable) => db`
	d.purpose = 'gift' and d.amount > d.refunded and d.dispute_status is distinct from 'open'`;

/** The donations received in a Prague calendar year (received_on is already a Prague day). */
export const receivedInYear = (db: Queryable, year: number) => db`
	d.received_on >= make_date(${year}::int, 1, 1) and d.received_on < make_date(${year + 1}::int, 1, 1)`;
