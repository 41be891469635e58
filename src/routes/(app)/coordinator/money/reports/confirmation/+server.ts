import { getLocale } from '$lib/paraglide/runtime';
import { readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { donorConfirmation } from '$lib/server/payments/receipts/confirmations';
import { db } from '$lib/server/runtime';
import { redirect } from '@sveltejs/kit';
import { pragueDay } from '$lib/core/prague';
import { download } from '../_download';
import type { RequestHandler } from './$types';

/**
 * A donor's confirmation of gifts for a year. A POST, because the donor's key holds their e-mail and
 * an address bar, a history or a server log is no place for it.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const form = await readForm(event.request);
	const key = String(form.get('key') ?? '').slice(0, 600);
	const yearText = String(form.get('year') ?? '');
	const year = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
	// a refusal goes back to the list, which says what is wrong
	const back = (problem: string): never => {
		const query = new URLSearchParams({ ...(year ? { year: String(year) } : {}), confirmation: problem });
		redirect(303, `/coordinator/money/reports?${query}#confirmations`);
	};
	if (!key || year === null) return back('no_gifts');
	const result = await donorConfirmation(
		db(),
		{ id: user.id, address: event.getClientAddress() },
		key,
		year,
		getLocale() === 'en' ? 'en' : 'cs',
		pragueDay()
	);
	if (!result.ok) return back(result.reason);
	return download(result.pdf, 'application/pdf', result.fileName);
};
