import { standingOrderGifts } from '$lib/server/payments/bank/pledges';
import { db } from '$lib/server/runtime';
import { formatIban, czechAccountNumber } from '../../_account';
import { paymentFor } from './_payment.server';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, setHeaders }) => {
	const { pledge, iban, reference, message } = await paymentFor(params.id);
	// the address is the pledge's only key: no cache between the donor and Spolu keeps it
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		// only what the donor needs to pay; never the donor's name, e-mail or address
		pledge: {
			id: pledge.id,
			amount: pledge.amount,
			variableSymbol: pledge.variableSymbol,
			purpose: pledge.purpose,
			status: pledge.status,
			needNumber: pledge.needNumber,
			needTitle: pledge.needTitle,
			standing: pledge.standing,
			needPart: pledge.needPart
		},
		// a standing order: how many monthly payments arrived (each is a gift of its own)
		received: pledge.standing ? await standingOrderGifts(db(), pledge.id) : 0,
		account: iban ? { iban: formatIban(iban), czech: czechAccountNumber(iban) } : null,
		reference,
		message
	};
}) satisfies PageServerLoad;
