import { m } from '$lib/paraglide/messages';
import { contentDisposition } from '$lib/server/files/cleaning';
import { contextOf } from '$lib/server/http/actor';
import { readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { confirmationsArchive } from '$lib/server/payments/receipts/year-run';
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * Every confirmation of gifts of a year as one ZIP archive, streamed as it is made. A POST: it gives
 * the year's confirmations their numbers, and a link that does so has no place in a history.
 */
export const POST: RequestHandler = async (event) => {
	const user = requireRole(event, 'coordinator');
	const form = await readForm(event.request);
	const text = String(form.get('year') ?? '');
	if (!/^\d{4}$/.test(text)) redirect(303, '/coordinator/money/reports/confirmations?problem=future_year');
	const year = Number(text);
	const result = await confirmationsArchive(contextOf(event, user), year, {
		openYearConfirmed: form.get('open_year') === 'on',
		csvHeader: [
			m.confirmations_csv_number(),
			m.confirmations_csv_edition(),
			m.confirmations_csv_donor(),
			m.confirmations_csv_ico(),
			m.confirmations_csv_address(),
			m.confirmations_csv_email(),
			m.confirmations_csv_count(),
			m.confirmations_csv_total(),
			m.confirmations_csv_emailed()
		]
	});
	if (!result.ok) {
		if (result.reason === 'forbidden') error(403, 'Forbidden');
		// the page says what is wrong
		redirect(303, `/coordinator/money/reports/confirmations?year=${year}&problem=${result.reason}`);
	}
	return new Response(result.stream, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': contentDisposition(result.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
