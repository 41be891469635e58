import type { RefusalOf } from '../../core/refusals';
import { randomInt } from 'node:crypto';
import type { Queryable, Tx } from '../../db/client';
import { collectionForms, fundingStates, isAmount, needMoney } from '../../ledger/funding';
import { mailPledgeInstructions } from '../../mail/money-mails';
import type { Locale } from '../../mail/templates';
import type { ClubAccount } from './collections';
import { selectNeed } from '../../needs';
import { isUuid } from '$lib/core/ids';
import { PAGE_SIZE, paged, type PageRequest, type Paged } from '$lib/paging';

/*
 * Bank-transfer pledges. A donor (or a member paying dues) says how much they will send; Spolu answers
 * with the club's account, a variable symbol of this pledge alone and a QR Platba code. The money
 * counts only when the bank statement shows it (see import.ts).
 */

const WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4];

/** The check digit of an 8-digit body (mod 11 with the weights Czech banks use for account numbers). */
function checkDigit(body: string): number | null {
	const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
	const check = (11 - (sum % 11)) % 11;
	return check === 10 ? null : check;
}

/**
 * A new variable symbol: 8 random digits and a check digit, so that a digit mistyped by the donor does
 * not silently match someone else's pledge.
 */
export function newVariableSymbol(): string {
	for (;;) {
		const body = String(randomInt(10_000_000, 100_000_000));
		const check = checkDigit(body);
		if (check !== null) return body + check;
	}
}

/** Whether a symbol has the shape Spolu gives pledges (used to hint at a mistyped one). */
export function isPledgeSymbol(symbol: string): boolean {
	return /^[1-9][0-9]{8}$/.test(symbol) && checkDigit(symbol.slice(0, 8)) === Number(symbol[8]);
}

export interface PledgeInput {
	purpose: 'gift' | 'dues';
	needId: string | null;
	amount: number;
	donor: { id: string | null; name: string | null; email: string | null; address: string | null };
	/** the language of the page the donor pledged on: their e-mails speak it when they are not signed in */
	locale?: Locale;
	/** a monthly standing order to the general fund: its variable symbol matches every payment */
	standing?: boolean;
	/** the donor asked for an e-mail when the help arrives and when its story is published */
	news?: boolean;
	/**
	 * the donor chose to give more than the collection misses (giving.ts planGift): the rest goes to the
	 * general fund when the money arrives (receiveGift books it so)
	 */
	allowOverflow?: boolean;
}

/**
 * What the payment instructions e-mail needs: the public address its link points to and the club's
 * accounts (collections.ts clubAccount). Without it no e-mail is written (the demo data).
 */
export interface PledgeMail {
	origin: string;
	account: ClubAccount;
}

export type PledgeRefusal = RefusalOf<
	'not_found' | 'invalid_amount' | 'collection_closed' | 'over_missing' | 'forbidden'
>;
export type PledgeResult =
	{ ok: true; id: string; variableSymbol: string } | { ok: false; reason: PledgeRefusal; limit?: number };

/** Whether the public may give to this need now, and how much it still misses. */
export async function openCollection(db: Queryable, needId: string) {
	if (!isUuid(needId)) return null;
	const need = await selectNeed(db, needId);
	const money = need ? await needMoney(db, needId) : null;
	if (!need || !money || !collectionForms.has(money.form)) return null;
	return { need, money, open: fundingStates.has(need.status) && money.missing > 0 };
}

/**
 * Creates a pledge with its own variable symbol and, when the donor gave an e-mail (or is signed in),
 * queues its payment instructions in the same transaction: the e-mail exists exactly when the pledge does.
 */
export async function createPledge(
	db: Queryable,
	input: PledgeInput,
	mail?: PledgeMail
): Promise<PledgeResult> {
	if (!isAmount(input.amount) || input.amount < 100) return { ok: false, reason: 'invalid_amount' };
	if (input.purpose === 'dues' && (input.needId !== null || input.donor.id === null))
		return { ok: false, reason: 'forbidden' };
	// a standing order runs for years: only the general fund takes it (a collection closes)
	if (input.standing && (input.purpose !== 'gift' || input.needId !== null))
		return { ok: false, reason: 'forbidden' };
	// the part of a split gift the collection gets: what it missed when the donor chose (the rest, the fund's)
	let needPart: number | null = null;
	if (input.needId !== null) {
		const collection = await openCollection(db, input.needId);
		if (!collection) return { ok: false, reason: 'not_found' };
		if (!collection.open) return { ok: false, reason: 'collection_closed' };
		// a pledge is a promise, not money: it reserves nothing, but nobody is invited to promise more than is missing
		if (input.amount > collection.money.missing && !input.allowOverflow)
			return { ok: false, reason: 'over_missing', limit: collection.money.missing };
		if (input.amount > collection.money.missing) needPart = collection.money.missing;
	}
	const create = async (tx: Tx): Promise<PledgeResult> => {
		for (let attempt = 0; ; attempt++) {
			const variableSymbol = newVariableSymbol();
			const [row] = await tx<{ id: string }[]>`
				insert into pledges (variable_symbol, purpose, need_id, amount, donor_id, donor_name, donor_email,
					donor_address, locale, standing, news, need_part)
				values (${variableSymbol}, ${input.purpose}, ${input.needId}, ${input.amount}, ${input.donor.id},
					${input.donor.name}, ${input.donor.email}, ${input.donor.address}, ${input.locale ?? null},
					${input.standing ?? false}, ${input.news ?? false}, ${needPart})
				on conflict (variable_symbol) do nothing
				returning id`;
			if (row) {
				if (mail) {
					const iban = input.needId !== null ? mail.account.collectionIban : mail.account.fundIban;
					await mailPledgeInstructions(tx, row.id, mail.origin, {
						iban,
						reference: input.needId !== null ? mail.account.collectionReference : null,
						clubName: mail.account.clubName
					});
				}
				return { ok: true, id: row.id, variableSymbol };
			}
			if (attempt > 20) throw new Error('no free variable symbol');
		}
	};
	// in the caller's transaction when there is one (a savepoint), else in a new one
	return 'savepoint' in db ? (db.savepoint(create) as Promise<PledgeResult>) : db.begin(create);
}

export interface Pledge {
	id: string;
	variableSymbol: string;
	purpose: 'gift' | 'dues';
	amount: number;
	status: 'open' | 'paid' | 'cancelled';
	needId: string | null;
	needNumber: number | null;
	needTitle: string | null;
	donorId: string | null;
	createdAt: Date;
	paidAt: Date | null;
	/** a monthly standing order: stays open, each payment with its symbol is a new gift */
	standing: boolean;
	/** a gift split as the donor chose: at most this much to the collection, the rest to the fund */
	needPart: number | null;
}

const pledgeColumns = (db: Queryable) => db`
		select p.id, p.variable_symbol as "variableSymbol", p.purpose, p.amount, p.status, p.need_id as "needId",
			n.number as "needNumber", n.title as "needTitle", p.donor_id as "donorId", p.created_at as "createdAt",
			p.paid_at as "paidAt", p.standing, p.need_part as "needPart"`;

/** A pledge by its (unguessable) id: what the donor's page shows. Never the donor's name or address. */
export async function getPledge(db: Queryable, id: string): Promise<Pledge | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<Pledge[]>`${pledgeColumns(db)} from pledges p left join needs n on n.id = p.need_id
		where p.id = ${id}`;
	return row ?? null;
}

export interface PledgeRow extends Pledge {
	donorName: string | null;
	donorEmail: string | null;
}

/**
 * One page of the pledges for the coordinator, newest first (the id last: unique, so none is on two
 * pages), with how many there are under the status chosen.
 */
export async function listPledges(
	db: Queryable,
	status: 'open' | 'paid' | 'all' = 'all',
	request: PageRequest = { page: 1, size: PAGE_SIZE, offset: 0 }
): Promise<Paged<PledgeRow>> {
	const where = status === 'all' ? db`` : db`where p.status = ${status}`;
	const rows = await db<PledgeRow[]>`
		${pledgeColumns(db)}, coalesce(p.donor_name, u.name) as "donorName", coalesce(p.donor_email, u.email) as "donorEmail"
		from (
			select * from pledges p ${where} order by p.created_at desc, p.id desc
			limit ${request.size} offset ${request.offset}
		) p left join needs n on n.id = p.need_id left join users u on u.id = p.donor_id
		order by p.created_at desc, p.id desc`;
	const [count] = await db<{ n: number }[]>`select count(*)::int as n from pledges p ${where}`;
	return paged(rows, count!.n, request);
}

/** A donor's own pledges (signed-in donors and members), newest first. */
export async function listOwnPledges(db: Queryable, userId: string): Promise<Pledge[]> {
	return db<Pledge[]>`${pledgeColumns(db)} from pledges p left join needs n on n.id = p.need_id
		where p.donor_id = ${userId} order by p.created_at desc limit 200`;
}

/** How many gifts a standing order brought so far (each monthly payment with its symbol is one). */
export async function standingOrderGifts(db: Queryable, pledgeId: string): Promise<number> {
	if (!isUuid(pledgeId)) return 0;
	const [row] = await db<{ count: number }[]>`
		select count(*)::int as count from donations where pledge_id = ${pledgeId} and refunded < amount`;
	return row!.count;
}
