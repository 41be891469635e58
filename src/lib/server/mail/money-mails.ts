import QRCode from 'qrcode';
import { formatCzk } from '$lib/money';
import type { Queryable } from '../db/client';
import { QrPlatbaError, spdPayload } from '../ledger/qr-platba';
import { queueMail } from './outbox';
import { mailLink, type Locale } from './templates';

/*
 * E-mails about a donor's money: the payment details after a bank-transfer pledge and the thanks when a
 * gift (or dues) arrived. Each is queued in the transaction of the change it reports, in the donor's
 * language, and says only what the donor needs: the club's account, the amount, the day, the need's
 * public number (and a public collection's title). Never anything about the family, never other donors.
 *
 * This module reads the tables it needs itself and imports nothing from payments/: the ledger calls it
 * (receiveGift), and the ledger does not know payment channels.
 */

import { czechAccountNumber, formatIban } from '$lib/core/bank-account';

/** A Prague calendar day (yyyy-mm-dd) in words: "3. února 2026", "3 February 2026". */
export function formatMailDay(day: string, locale: Locale): string {
	// the day is a calendar date, not an instant: formatted in UTC it cannot slip to a neighbour
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'cs-CZ', {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).format(new Date(`${day}T12:00:00Z`));
}

/** The payment message of a pledge, in ASCII so that every bank shows it alike (as on the pledge's page). */
export function pledgePaymentMessage(purpose: 'gift' | 'dues', needNumber: number | null): string {
	if (purpose === 'dues') return 'Clensky prispevek';
	return needNumber !== null ? `Dar potreba c. ${needNumber}` : 'Dar Spolu';
}

/** The QR Platba code as a PNG; null when the account is no valid IBAN (the text still has the details). */
export async function qrPlatbaPng(payment: Parameters<typeof spdPayload>[0]): Promise<Uint8Array | null> {
	let payload: string;
	try {
		payload = spdPayload(payment);
	} catch (e) {
		if (e instanceof QrPlatbaError) return null;
		throw e;
	}
	// error correction M, as the specification recommends; 4 px a module reads well from a phone screen
	const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 4 });
	return new Uint8Array(png);
}

/** Where the donor's e-mail goes and in which language. */
interface Recipient {
	email: string;
	locale: Locale;
}

/**
 * The donor to write to: the address given with the gift, else a signed-in donor's own (only while the
 * account is active: a closed account's address is not used); the signed-in donor's language, else the
 * one they pledged in, else Czech.
 */
async function recipientOf(
	db: Queryable,
	donor: { id: string | null; email: string | null },
	fallbackLocale: Locale | null
): Promise<Recipient | null> {
	const [user] = donor.id
		? await db<{ email: string; locale: Locale; active: boolean }[]>`
				select email, locale, status = 'active' as active from users where id = ${donor.id}`
		: [];
	const email = donor.email ?? (user?.active ? user.email : null);
	if (!email) return null;
	return { email, locale: user?.locale ?? fallbackLocale ?? 'cs' };
}

/**
 * A pledge's payment instructions can be triggered by anyone who types an address into the public form;
 * this keeps the form from being used to flood someone else's mailbox (the form itself is throttled
 * per network address only).
 */
const PLEDGE_MAILS_PER_DAY = 5;

export interface PledgeAccount {
	/** the account this pledge is paid to; null: bank transfer is not offered, no instructions */
	iban: string | null;
	/** the regional authority's reference of a public collection, for a gift to a need */
	reference: string | null;
	/** the recipient's name in the QR code */
	clubName: string | null;
}

/**
 * Queues the payment instructions of a new pledge, when there is an address to send them to: the
 * account (IBAN and the Czech form), the variable symbol, the amount, what it is for, and the QR Platba
 * code as an inline image. Call it in the transaction that creates the pledge. Returns the outbox id,
 * or null when nothing was queued.
 */
export async function mailPledgeInstructions(
	db: Queryable,
	pledgeId: string,
	origin: string,
	account: PledgeAccount
): Promise<number | null> {
	if (!account.iban) return null;
	const [pledge] = await db<
		{
			variableSymbol: string;
			purpose: 'gift' | 'dues';
			amount: number;
			donorId: string | null;
			donorEmail: string | null;
			locale: Locale | null;
			needNumber: number | null;
			needTitle: string | null;
			standing: boolean;
		}[]
	>`
		select p.variable_symbol as "variableSymbol", p.purpose, p.amount, p.donor_id as "donorId",
			p.donor_email as "donorEmail", p.locale, n.number as "needNumber", n.title as "needTitle", p.standing
		from pledges p left join needs n on n.id = p.need_id
		where p.id = ${pledgeId}`;
	if (!pledge) return null;
	const to = await recipientOf(db, { id: pledge.donorId, email: pledge.donorEmail }, pledge.locale);
	if (!to) return null;
	const [recent] = await db<{ count: number }[]>`
		select count(*)::int as count from outbox
		where template in ('pledge_instructions', 'standing_order_instructions') and lower(to_address) = lower(${to.email})
			and created_at > now() - interval '1 day'`;
	if (recent!.count >= PLEDGE_MAILS_PER_DAY) return null;

	const message = pledgePaymentMessage(pledge.purpose, pledge.needNumber);
	const png = await qrPlatbaPng({
		iban: account.iban,
		amount: pledge.amount,
		variableSymbol: pledge.variableSymbol,
		message,
		recipientName: account.clubName ?? undefined
	});
	const cid = `qr-platba-${pledge.variableSymbol}@spolu`;
	const params: Record<string, string> = {
		purpose: pledge.purpose === 'dues' ? 'dues' : pledge.needNumber !== null ? 'need' : 'fund',
		amount: formatCzk(pledge.amount, to.locale),
		iban: formatIban(account.iban),
		variableSymbol: pledge.variableSymbol,
		message,
		// the pledge's own page: its unguessable address is the donor's key to it, as the page says
		url: mailLink(origin, `/give/pledge/${pledgeId}`)
	};
	const czech = czechAccountNumber(account.iban);
	if (czech) params.account = czech;
	if (pledge.needNumber !== null) {
		params.needNumber = String(pledge.needNumber);
		// pledges go only to public collections, whose number and title are on the public pages
		if (pledge.needTitle) params.needTitle = pledge.needTitle;
		if (account.reference) params.reference = account.reference;
	}
	if (png) params.qr = cid;
	return queueMail(db, {
		to: to.email,
		locale: to.locale,
		// a standing order is set up once in the donor's bank and then pays every month with the same symbol
		template: pledge.standing ? 'standing_order_instructions' : 'pledge_instructions',
		params,
		attachments: png ? [{ filename: 'qr-platba.png', contentType: 'image/png', content: png, cid }] : []
	});
}

export interface ThankedGift {
	donationId: string;
	purpose: 'gift' | 'dues';
	amount: number;
	toNeed: number;
	toFund: number;
	/** yyyy-mm-dd, the Prague day the money arrived */
	receivedOn: string;
	/** the need the donor chose; `publicTitle` only for a public collection, whose title is public */
	need: { number: number; publicTitle: string | null } | null;
	donor: { id: string | null; email: string | null };
	pledgeId: string | null;
	/** the language the donor used when giving, when the caller knows it (a card checkout) */
	locale: Locale | null;
}

/**
 * Queues the thanks for a gift or dues that arrived: the amount, the day and where the money went.
 * Call it in the transaction that records the donation; `donation_thanks` (one row per donation) makes
 * a second thank-you for the same donation impossible. Returns the outbox id, or null without an address.
 */
export async function mailGiftThanks(
	db: Queryable,
	origin: string,
	gift: ThankedGift
): Promise<number | null> {
	const [pledge] = gift.pledgeId
		? await db<{ locale: Locale | null }[]>`select locale from pledges where id = ${gift.pledgeId}`
		: [];
	const to = await recipientOf(db, gift.donor, gift.locale ?? pledge?.locale ?? null);
	if (!to) return null;
	const czk = (halere: number) => formatCzk(halere, to.locale);
	const split =
		gift.purpose === 'dues'
			? 'dues'
			: !gift.need
				? 'fund'
				: gift.toNeed === gift.amount
					? 'need'
					: gift.toNeed > 0
						? 'need_part'
						: 'need_closed';
	const params: Record<string, string> = {
		split,
		amount: czk(gift.amount),
		day: formatMailDay(gift.receivedOn, to.locale),
		toNeed: czk(gift.toNeed),
		toFund: czk(gift.toFund)
	};
	if (gift.need) {
		params.needNumber = String(gift.need.number);
		if (gift.need.publicTitle) params.needTitle = gift.need.publicTitle;
	}
	// a signed-in donor sees the gift among their own; anyone else the collection or what the club does
	const [linkKind, path] = gift.donor.id
		? ['profile', '/profile/gifts']
		: gift.need?.publicTitle
			? ['collection', `/collections/${gift.need.number}`]
			: ['impact', '/impact'];
	params.linkKind = linkKind;
	params.url = mailLink(origin, path);
	const outboxId = await queueMail(db, { to: to.email, locale: to.locale, template: 'gift_thanks', params });
	await db`insert into donation_thanks (donation_id, outbox_id) values (${gift.donationId}, ${outboxId})`;
	return outboxId;
}
