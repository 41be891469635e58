import { audit } from '../../audit';
import type { Db, Queryable } from '../../db/client';
import {
	confirmationPdf,
	type ConfirmationDonor,
	type ConfirmationGift,
	type ConfirmationInput
} from './confirmation-pdf';
import { countsOnConfirmation, donorKey, receivedInYear } from './donor-key';
import { fingerprint, issueNumbers, numberLabel, type Issued } from './numbering';

/*
 * The yearly confirmation of gifts (potvrzení o daru) a donor uses for the tax deduction. A donor is
 * known by their account when they gave signed in, otherwise by the e-mail or, failing that, the name
 * they gave (see donor-key.ts). Dues are not gifts and are left out; a gift counts less what went back
 * to the donor, and not at all while a dispute about it is open.
 *
 * The donor's details are the coordinator's corrected version when there is one (donor-profile.ts),
 * otherwise the newest the donor gave: the name, address and e-mail of their newest donation that has
 * them (by the day received, then the time recorded), whatever year it came in — the address a donor
 * gave last is where they live now, where the confirmation is sent.
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

/** A donor of the year with what the confirmations pages show and the year-end run needs. */
export interface DonorRow extends DonorYear {
	/** the donor's newest donation: how a page links to the donor without their e-mail in the address */
	ref: string;
	kind: 'person' | 'company';
	registrationNumber: string | null;
	vatNumber: string | null;
	/** the coordinator corrected the details */
	edited: boolean;
	/** the language the donor reads: their account's, Czech for donors without an account */
	locale: 'cs' | 'en';
	/** the confirmation's number, once one was issued */
	number: string | null;
	emailedAt: Date | null;
}

interface DonorQuery {
	/** only these donors */
	keys?: string[];
	/** 'total': largest first (the reports page); 'name': alphabetical (the year-end run numbers so) */
	order?: 'total' | 'name';
	limit?: number;
}

/** Donors who gave in the year and can be named on a confirmation, with their details. */
export async function donorRowsForYear(
	db: Queryable,
	year: number,
	query: DonorQuery = {}
): Promise<DonorRow[]> {
	const rows = await db<(Omit<DonorRow, 'number'> & { seq: number | null })[]>`
		with counted as (
			select ${donorKey(db)} as key, d.amount - d.refunded as amount
			from donations d
			where ${countsOnConfirmation(db)} and ${receivedInYear(db, year)}
				and (d.donor_id is not null or d.donor_email is not null or d.donor_name is not null)
		), totals as (
			select key, count(*)::int as count, sum(amount)::bigint as total from counted
			where ${query.keys ? db`key = any(${query.keys}::text[])` : db`true`}
			group by key
		), latest as (
			select ${donorKey(db)} as key,
				(array_agg(d.id order by d.received_on desc, d.created_at desc, d.id desc))[1] as ref,
				(array_agg(d.donor_name order by d.received_on desc, d.created_at desc, d.id desc)
					filter (where d.donor_name is not null))[1] as name,
				(array_agg(d.donor_address order by d.received_on desc, d.created_at desc, d.id desc)
					filter (where d.donor_address is not null))[1] as address,
				(array_agg(d.donor_email order by d.received_on desc, d.created_at desc, d.id desc)
					filter (where d.donor_email is not null))[1] as email
			from donations d
			where ${donorKey(db)} in (select key from totals)
			group by 1
		), rows as (
			select t.key, t.count, t.total, l.ref,
				case when p.kind = 'company' then p.company_name
					when p.kind = 'person' then p.name
					else coalesce(u.name, l.name, l.email) end as name,
				case when p.donor_key is not null then p.address else l.address end as address,
				coalesce(u.email, l.email) as email,
				coalesce(p.kind, 'person') as kind,
				p.registration_number as "registrationNumber", p.vat_number as "vatNumber",
				p.donor_key is not null as edited,
				coalesce(u.locale, 'cs') as locale,
				c.number as seq, c.emailed_at as "emailedAt"
			from totals t
			join latest l on l.key = t.key
			left join users u on u.id = case when t.key like 'u:%' then substr(t.key, 3)::uuid end
			left join donor_profiles p on p.donor_key = t.key
			left join gift_confirmations c on c.year = ${year} and c.donor_key = t.key
		)
		select * from rows
		order by ${query.order === 'name' ? db`name, key` : db`total desc, name, key`}
		${query.limit ? db`limit ${query.limit}` : db``}`;
	return rows.map(({ seq, ...row }) => ({ ...row, number: seq === null ? null : numberLabel(year, seq) }));
}

/** Donors who gave in the year and can be named on a confirmation, largest total first. */
export async function listDonorsForYear(db: Queryable, year: number): Promise<DonorYear[]> {
	const rows = await donorRowsForYear(db, year, { limit: 2000 });
	return rows.map(({ key, name, address, email, count, total }) => ({
		key,
		name,
		address,
		email,
		count,
		total
	}));
}

interface GiftRow {
	key: string;
	date: string;
	amount: number;
	channel: 'card' | 'bank' | 'offline' | 'in_kind';
	description: string | null;
}

/** The counted gifts of `keys` in the year, per donor, in the order they came. */
export async function giftsOfDonors(
	db: Queryable,
	year: number,
	keys: string[]
): Promise<Map<string, ConfirmationGift[]>> {
	const rows = await db<GiftRow[]>`
		select key, date, amount, channel, description from (
			select ${donorKey(db)} as key, to_char(d.received_on, 'YYYY-MM-DD') as date,
				d.amount - d.refunded as amount, d.channel, d.description, d.received_on, d.created_at, d.id
			from donations d
			where ${countsOnConfirmation(db)} and ${receivedInYear(db, year)}
		) g
		where key = any(${keys}::text[])
		order by key, received_on, created_at, id`;
	const gifts = new Map<string, ConfirmationGift[]>();
	for (const g of rows) {
		const list = gifts.get(g.key) ?? [];
		list.push({
			date: g.date,
			amount: Number(g.amount),
			kind: g.channel === 'in_kind' ? 'in_kind' : 'money',
			description: g.channel === 'in_kind' ? (g.description ?? '') : g.channel
		});
		gifts.set(g.key, list);
	}
	return gifts;
}

export interface ConfirmationClub {
	name: string;
	registrationNumber: string | null;
	address: string | null;
	place: string | null;
	signatory: { name: string; role: string | null } | null;
}

/** The club as its confirmations name it; null before the coordinator has set the club up. */
export async function confirmationClub(db: Queryable): Promise<ConfirmationClub | null> {
	const [club] = await db<
		(Omit<ConfirmationClub, 'signatory'> & { signatoryName: string | null; signatoryRole: string | null })[]
	>`
		select name, registration_number as "registrationNumber", address, place,
			signatory_name as "signatoryName", signatory_role as "signatoryRole"
		from club_settings where id`;
	if (!club) return null;
	const { signatoryName, signatoryRole, ...rest } = club;
	return { ...rest, signatory: signatoryName ? { name: signatoryName, role: signatoryRole } : null };
}

/** What the club's settings still miss for a confirmation the tax office accepts without asking. */
export function clubGaps(club: ConfirmationClub | null): ('name' | 'ico' | 'address' | 'signatory')[] {
	if (!club) return ['name', 'ico', 'address', 'signatory'];
	const gaps: ('name' | 'ico' | 'address' | 'signatory')[] = [];
	if (!club.name) gaps.push('name');
	if (!club.registrationNumber) gaps.push('ico');
	if (!club.address) gaps.push('address');
	if (!club.signatory) gaps.push('signatory');
	return gaps;
}

export const donorOf = (row: DonorRow): ConfirmationDonor => ({
	kind: row.kind,
	name: row.name,
	address: row.address,
	registrationNumber: row.registrationNumber,
	vatNumber: row.vatNumber
});

/** The fingerprint of what a confirmation confirms: who gave, and which gifts (numbering.ts). */
export const contentOf = (row: DonorRow, gifts: ConfirmationGift[]) =>
	fingerprint({ donor: donorOf(row), gifts: gifts.map((g) => [g.date, g.amount, g.kind, g.description]) });

/**
 * Numbers the confirmations of `rows` (one short transaction) and returns them with their gifts,
 * ready to be printed. Donors without a counted gift are left out.
 */
export async function prepareConfirmations(
	db: Db,
	year: number,
	rows: DonorRow[],
	today: string,
	/** more to write in the same transaction (an audit entry) */
	alsoInTransaction?: (tx: Queryable, issued: Map<string, Issued>) => Promise<void>
): Promise<{ row: DonorRow; gifts: ConfirmationGift[]; issued: Issued }[]> {
	if (!rows.length) return [];
	const gifts = await giftsOfDonors(
		db,
		year,
		rows.map((r) => r.key)
	);
	const ready = rows.filter((r) => gifts.get(r.key)?.length);
	const issued = await db.begin(async (tx) => {
		const numbers = await issueNumbers(
			tx,
			year,
			ready.map((r) => ({ key: r.key, fingerprint: contentOf(r, gifts.get(r.key)!), total: r.total })),
			today
		);
		await alsoInTransaction?.(tx, numbers);
		return numbers;
	});
	return ready.map((row) => ({ row, gifts: gifts.get(row.key)!, issued: issued.get(row.key)! }));
}

/** The PDF of one prepared confirmation in one language. */
export function renderConfirmation(
	club: ConfirmationClub,
	year: number,
	prepared: { row: DonorRow; gifts: ConfirmationGift[]; issued: Issued },
	locale: 'cs' | 'en'
): Promise<Uint8Array> {
	const { row, gifts, issued } = prepared;
	const input: ConfirmationInput = {
		locale,
		club,
		donor: donorOf(row),
		year,
		issuedOn: issued.issuedOn,
		number: issued.label,
		edition: issued.replacesIssuedOn
			? { edition: issued.edition, replacesIssuedOn: issued.replacesIssuedOn }
			: null,
		gifts
	};
	return confirmationPdf(input);
}

/** The file name of a confirmation: Czech for the original, English for a translation. */
export const confirmationFileName = (label: string, locale: 'cs' | 'en') =>
	locale === 'cs' ? `potvrzeni-o-daru-${label}.pdf` : `confirmation-of-donation-${label}.pdf`;

export type ConfirmationResult =
	| { ok: true; pdf: Uint8Array; fileName: string; number: string }
	| { ok: false; reason: 'no_gifts' | 'club_missing' };

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
	const club = await confirmationClub(db);
	if (!club) return { ok: false, reason: 'club_missing' };
	const [row] = await donorRowsForYear(db, year, { keys: [key] });
	if (!row) return { ok: false, reason: 'no_gifts' };
	const [prepared] = await prepareConfirmations(db, year, [row], today, async (tx, issued) => {
		const number = issued.get(key)!;
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.confirmation_issued',
			targetType: 'donor',
			address: actor.address,
			details: { year, number: number.label, edition: number.edition, self: key === `u:${actor.id}` }
		});
	});
	if (!prepared) return { ok: false, reason: 'no_gifts' };
	const pdf = await renderConfirmation(club, year, prepared, locale);
	return {
		ok: true,
		pdf,
		fileName: confirmationFileName(prepared.issued.label, locale),
		number: prepared.issued.label
	};
}

/** What the donor's own donations say of them, newest first: before the coordinator's corrections. */
export async function donorDetailsFromGifts(
	db: Queryable,
	key: string
): Promise<{ name: string | null; address: string | null; email: string | null }> {
	const [row] = await db<{ name: string | null; address: string | null; email: string | null }[]>`
		select coalesce(max(u.name),
				(array_agg(d.donor_name order by d.received_on desc, d.created_at desc, d.id desc)
					filter (where d.donor_name is not null))[1]) as name,
			(array_agg(d.donor_address order by d.received_on desc, d.created_at desc, d.id desc)
				filter (where d.donor_address is not null))[1] as address,
			coalesce(max(u.email),
				(array_agg(d.donor_email order by d.received_on desc, d.created_at desc, d.id desc)
					filter (where d.donor_email is not null))[1]) as email
		from donations d left join users u on u.id = d.donor_id
		where ${donorKey(db)} = ${key}`;
	return row ?? { name: null, address: null, email: null };
}
