import { qrPlatbaSvg, QrPlatbaError } from '$lib/server/ledger/qr-platba';
import { error } from '@sveltejs/kit';
import { paymentFor } from '../_payment.server';
import type { RequestHandler } from './$types';

/** The pledge's QR Platba code, for the <img> on its page. */
export const GET: RequestHandler = async ({ params }) => {
	const { pledge, iban, clubName, message } = await paymentFor(params.id);
	if (!iban || pledge.status === 'cancelled') error(404, 'Not found');
	let svg: string;
	try {
		svg = await qrPlatbaSvg({
			iban,
			amount: pledge.amount,
			variableSymbol: pledge.variableSymbol,
			message,
			recipientName: clubName ?? undefined
		});
	} catch (e) {
		// a misconfigured account: the page still shows the account and symbol to type by hand
		if (e instanceof QrPlatbaError) error(404, 'Not found');
		throw e;
	}
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml',
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, max-age=300',
			'content-security-policy': "default-src 'none'"
		}
	});
};
