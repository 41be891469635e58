import { createHash } from 'node:crypto';
import { audit } from '../../audit';
import type { Db, Queryable } from '../../db/client';
import { confirmationPdf, type ConfirmationGift } from './confirmation-pdf';

/*
 * The yearly confirmation of gifts (potvrzení o daru) a donor uses for the tax deduction. A donor is
 * known by their account when they gave signed in, otherwise by the e-mail or, failing that, the name
 * they gave (a bank payment's account holder name counts). Dues are not gifts and are left out; a card
 * gift counts less what was refunded.
 */

export interface DonorYear {
	/** 'u:<user id>', 'e:<e-mail>' or 'n:<name>': how the gifts are grouped */
	key: string;
	name: string;
	address: string | null;
	email: string | null;
	count: number;
	total: number;
}

const donorKey = (db: Queryable) => db`
	case when d.donor_id is not null then 'u:' || d.donor_id::text
		when d.donor_email is not null then 'e:' || lower(d.donor_email)
		when d.donor_name is not null then 'n:' || d.donor_name end`;

/** Donors who gave in the year and can be named on a confirmation, largest total first. */
export async function listDonorsForYear(db: Queryable, year: number): Promise<DonorYear[]> {
	return db<DonorYear[]>`
		select ${donorKey(db)} as key,
			coalesce(max(u.name), max(d.donor_name), max(d.donor_email)) as name,
			max(d.donor_address) as address, coalesce(max(u.email), max(d.donor_email)) as email,
			count(*)::int as count, sum(d.amount - d.refunded)::bigint as total
		from donations d left join users u on u.id = d.donor_id
		where d.purpose = 'gift' and d.amount > d.refunded and extract(year from d.received_on) = ${year}
			and (d.donor_id is not null or d.donor_email is not null or d.donor_name is not null)
		group by 1 order by total desc, name limit 2000`;
}

interface GiftRow {
	date: string;
	amount: number;
	channel: 'card' | 'bank' | 'offline' | 'in_kind';
	description: string | null;
}

async function giftsOf(db: Queryable, key: string, year: number): Promise<GiftRow[]> {
	return db<GiftRow[]>`
		select to_char(d.received_on, 'YYYY-MM-DD') as date, d.amount - d.refunded as amount, d.channel, d.description
		from donations d
		where d.purpose = 'gift' and d.amount > d.refunded and extract(year from d.received_on) = ${year} and ${donorKey(db)} = ${key}
		order by d.received_on, d.created_at`;
}

export type ConfirmationResult =
	{ ok: true; pdf: Uint8Array; fileName: string } | { ok: false; reason: 'no_gifts' | 'club_missing' };

/**
 * The PDF for one donor and year. `actor` is who asks (the coordinator, or the donor for themselves);
 * each issue is audited.
 */
export async function donorConfirmation(
	db: Db,
	actor: { id: string; address?: string | null },
	key: string,
	year: number,
	locale: 'cs' | 'en',
	today: string
): Promise<ConfirmationResult> {
	const [club] = await db<
		{ name: string; registrationNumber: string | null; address: string | null; place: string | null }[]
	>`select name, registration_number as "registrationNumber", address, place from club_settings where id`;
	if (!club) return { ok: false, reason: 'club_missing' };
	const [donor] = (await listDonorsForYear(db, year)).filter((d) => d.key === key);
	const gifts = await giftsOf(db, key, year);
	if (!donor || !gifts.length) return { ok: false, reason: 'no_gifts' };
	// the same donor and year always get the same reference, so a reissued confirmation is recognisable
	const reference = `PD-${year}-${createHash('sha256').update(key).digest('hex').slice(0, 8).toUpperCase()}`;
	const pdf = await confirmationPdf({
		locale,
		club,
		donor: { name: donor.name, address: donor.address },
		year,
		issuedOn: today,
		reference,
		gifts: gifts.map((g): ConfirmationGift => ({
			date: g.date,
			amount: g.amount,
			kind: g.channel === 'in_kind' ? 'in_kind' : 'money',
			description: g.channel === 'in_kind' ? (g.description ?? '') : g.channel
		}))
	});
	await audit(db, {
		actorId: actor.id,
		action: 'ledger.confirmation_issued',
		targetType: 'donor',
		address: actor.address,
		details: { year, reference, self: key === `u:${actor.id}` }
	});
	return { ok: true, pdf, fileName: `potvrzeni-o-daru-${year}.pdf` };
}
