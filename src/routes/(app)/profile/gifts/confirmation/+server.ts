import { pragueDay } from '$lib/core/prague';
import { getLocale } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/http/guards';
import { readForm } from '$lib/server/http/forms';
import { contentDisposition } from '$lib/server/files/cleaning';
import { donorConfirmation } from '$lib/server/payments/receipts/confirmations';
import { db } from '$lib/server/runtime';
import { redirect } from '@sveltejs/kit';
import { giverRoles } from '../_roles';
import type { RequestHandler } from './$types';

/** The signed-in donor's own confirmation of gifts for a year, as a PDF download. */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, ...giverRoles);
	const form = await readForm(event.request);
	const year = Number(form.get('year'));
	if (!Number.isInteger(year) || year < 2000 || year > 2100)
		redirect(303, '/profile/gifts?confirmation=no_gifts');
	const today = pragueDay();
	const locale = getLocale() === 'en' ? 'en' : 'cs';
	const result = await donorConfirmation(
		db(),
		{ id: user.id, address: event.getClientAddress() },
		`u:${user.id}`,
		year,
		locale,
		today
	);
	if (!result.ok) redirect(303, `/profile/gifts?confirmation=${result.reason}`);
	return new Response(new Uint8Array(result.pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(result.pdf.length),
			'content-disposition': contentDisposition(result.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
