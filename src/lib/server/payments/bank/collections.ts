import type { Category } from '$lib/needs';
import { paged, type PageRequest, type Paged } from '$lib/paging';
import type { Region } from '$lib/regions';
import type { Db, Queryable } from '../../db/client';
import { collectionForms, fundingStates } from '../../ledger/funding';
import { countsOnConfirmation } from '../receipts/donor-key';
import { createPledge, type PledgeInput, type PledgeMail, type PledgeResult } from './pledges';

/*
 * Public collections (veřejná sbírka): what anyone may see of a need the club decided to collect for.
 * Only the fields below ever leave this module — never the district, the household, the situation, the
 * items or the organisation — so that a page built on it cannot show more by mistake.
 */

/** States in which a collection is listed: still taking money, or just reached its target. */
const shownStates = [...fundingStates, 'funded'];
/**
 * Later states in which a collection's own page stays (a donor may come back to it from the story or
 * their e-mail), as long as the collection reached its target: it shows it was completed.
 */
const completedStates = ['fulfilling', 'delivered', 'closed'];
const forms = [...collectionForms];

export interface PublicCollection {
	number: number;
	title: string;
	category: Category;
	region: Region;
	impact: string;
	/** haléře: the amount the club approved */
	target: number;
	/** haléře: what reached the need toward its target (gifts and the club's own allocations) */
	collected: number;
	/** whether it still takes gifts (false once the target is reached) */
	open: boolean;
}

/** What reached need `n` toward its target, haléře: gifts and the club's allocations, less refunds. */
const collectedSql = (db: Queryable) => db`
	coalesce((
		select sum(e.amount)
		from ledger_accounts a
		join ledger_entries e on e.account_id = a.id
		join ledger_transactions t on t.id = e.transaction_id
		where a.need_id = n.id and t.kind in ('allocation', 'donation', 'assignment', 'refund')
	), 0)::bigint`;

const collectionQuery = (db: Queryable, number: number, later: string[] = []) => db<PublicCollection[]>`
	select c.number, c.title, c.category, c.region, c.impact, c.target, c.collected,
		(c.status = any(${[...fundingStates]}::text[]) and c.collected < c.target) as open
	from (
		select n.number, n.title, n.category, n.region::text as region, n.impact, n.status,
			d.approved_amount as target, ${collectedSql(db)} as collected
		from needs n join need_decisions d on d.need_id = n.id
		where d.form = any(${forms}::text[]) and n.status = any(${[...shownStates, ...later]}::text[])
			and n.number = ${number}::int
	) c
	where c.status = any(${shownStates}::text[]) or c.collected >= c.target`;

/*
 * The listed collections' filter as literals, not parameters: the partial index needs_collections of
 * migration 0025 is for exactly these states and forms, and a prepared statement's generic plan can use
 * a partial index only when its condition is written out in the query.
 */
const listedSql = (db: Queryable) => db`
	d.form in ('collection', 'fund_and_collection') and n.status in ('approved', 'funding', 'funded')`;

/**
 * One page of the collections the public may see, newest decision first (the number last, so the order
 * is unique and no collection is on two pages), with how many there are. The money collected is summed
 * for the page's collections only.
 */
export async function listOpenCollections(
	db: Queryable,
	request: PageRequest
): Promise<Paged<PublicCollection>> {
	const rows = await db<PublicCollection[]>`
		select n.number, n.title, n.category, n.region::text as region, n.impact, n.target, c.collected,
			(n.status in ('approved', 'funding') and c.collected < n.target) as open
		from (
			select n.id, n.number, n.title, n.category, n.region, n.impact, n.status,
				d.approved_amount as target, d.decided_at
			from needs n join need_decisions d on d.need_id = n.id
			where ${listedSql(db)}
			order by d.decided_at desc, n.number desc
			limit ${request.size} offset ${request.offset}
		) n
		cross join lateral (select ${collectedSql(db)} as collected) c
		order by n.decided_at desc, n.number desc`;
	const [count] = await db<{ total: number }[]>`
		select count(*)::int as total from needs n join need_decisions d on d.need_id = n.id
		where ${listedSql(db)}`;
	return paged(rows, count!.total, request);
}

const isNeedNumber = (n: number) => Number.isInteger(n) && n >= 1 && n <= 2_000_000_000;

/** One public collection by the need's number, or null when there is none the public may see. */
export async function getCollection(db: Queryable, number: number): Promise<PublicCollection | null> {
	if (!isNeedNumber(number)) return null;
	const [row] = await collectionQuery(db, number, completedStates);
	return row ?? null;
}

/**
 * A pledge toward a public collection, by the need's number: the public pages never learn the need's
 * id. A need that is not a shown collection is 'not_found', like an unknown number.
 */
export async function pledgeForCollection(
	db: Db,
	number: number,
	input: Omit<PledgeInput, 'needId' | 'purpose'>,
	mail?: PledgeMail
): Promise<PledgeResult> {
	if (!isNeedNumber(number)) return { ok: false, reason: 'not_found' };
	const [need] = await db<{ id: string }[]>`
		select n.id from needs n join need_decisions d on d.need_id = n.id
		where n.number = ${number} and d.form = any(${forms}::text[]) and n.status = any(${shownStates}::text[])`;
	if (!need) return { ok: false, reason: 'not_found' };
	return createPledge(db, { ...input, purpose: 'gift', needId: need.id }, mail);
}

export interface ClubAccount {
	/** where gifts to the general fund and dues go; null: bank transfer is not offered */
	fundIban: string | null;
	/** where gifts to a public collection go: the collection's own account when the club has one */
	collectionIban: string | null;
	/** the regional authority's reference of the public collection, shown to donors */
	collectionReference: string | null;
	/** the recipient's name for the QR code */
	clubName: string | null;
}

/** The accounts donors send money to; `bankIban` is the configured account (runtime's bankIban()). */
export async function clubAccount(db: Queryable, bankIban: string | null): Promise<ClubAccount> {
	const [row] = await db<{ name: string; iban: string | null; reference: string | null }[]>`
		select name, collection_iban as iban, collection_reference as reference from club_settings where id`;
	return {
		fundIban: bankIban,
		collectionIban: row?.iban ?? bankIban,
		collectionReference: row?.reference ?? null,
		clubName: row?.name ?? null
	};
}

export interface OwnDonation {
	id: string;
	/** yyyy-mm-dd */
	receivedOn: string;
	year: number;
	amount: number;
	purpose: 'gift' | 'dues';
	channel: 'card' | 'bank' | 'offline' | 'in_kind';
	/** the need the gift was for; its title is left out, as only collections' titles are public */
	needNumber: number | null;
	/** what of it the year's confirmation of gifts covers: 0 for dues, a gift under dispute or returned */
	onConfirmation: number;
}

/** Gifts and dues that reached the club from a signed-in person's account, newest first. */
export async function listOwnDonations(db: Queryable, userId: string): Promise<OwnDonation[]> {
	return db<OwnDonation[]>`
		select d.id, to_char(d.received_on, 'YYYY-MM-DD') as "receivedOn",
			extract(year from d.received_on)::int as year, d.amount, d.purpose, d.channel,
			n.number as "needNumber",
			case when ${countsOnConfirmation(db)} then d.amount - d.refunded else 0 end::bigint as "onConfirmation"
		from donations d left join needs n on n.id = d.need_id
		where d.donor_id = ${userId}
		order by d.received_on desc, d.created_at desc
		limit 500`;
}
