import { clubAccount } from '$lib/server/payments/bank/collections';
import { getPledge, type Pledge } from '$lib/server/payments/bank/pledges';
import { bankIban, db } from '$lib/server/runtime';
import { error } from '@sveltejs/kit';
import { pledgePaymentMessage } from '$lib/server/mail/money-mails';

/*
 * What the pledge's page and its QR code both need: the pledge, the account it is paid to and the
 * message for the payment. The message names no family and no donor, and stays in ASCII so that every
 * bank shows it alike.
 */

export interface Payment {
	pledge: Pledge;
	/** null: the club no longer offers bank transfer */
	iban: string | null;
	reference: string | null;
	clubName: string | null;
	message: string;
}

export async function paymentFor(id: string): Promise<Payment> {
	const pledge = await getPledge(db(), id);
	if (!pledge) error(404, 'Not found');
	const account = await clubAccount(db(), bankIban());
	const message = pledgePaymentMessage(pledge.purpose, pledge.needNumber);
	return {
		pledge,
		iban: pledge.needId !== null ? account.collectionIban : account.fundIban,
		reference: pledge.needId !== null ? account.collectionReference : null,
		clubName: account.clubName,
		message
	};
}
