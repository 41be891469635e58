import { pragueDay } from '$lib/core/prague';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { channelTotals } from '$lib/server/ledger/reports';
import { clubGaps, confirmationClub, donorRowsForYear } from '$lib/server/payments/receipts/confirmations';
import { listRuns, startMailRun, yearState } from '$lib/server/payments/receipts/year-run';
import { db } from '$lib/server/runtime';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/** The year the page is about: a year with gifts (or this year), from the address. */
async function chosenYear(value: string | null, today: string) {
	const thisYear = Number(today.slice(0, 4));
	const totals = await channelTotals(db());
	const years = [
		...new Set([thisYear, ...totals.filter((t) => t.purpose === 'gift').map((t) => t.year)])
	].sort((a, b) => b - a);
	const year = value && /^\d{4}$/.test(value) && years.includes(Number(value)) ? Number(value) : null;
	// after New Year the year to issue is the one that just ended
	return { years, year: year ?? (years.includes(thisYear - 1) ? thisYear - 1 : thisYear) };
}

const gapNames = {
	name: () => m.money_club_missing_name(),
	ico: () => m.money_club_missing_ico(),
	address: () => m.money_club_missing_address(),
	signatory: () => m.confirmations_club_missing_signatory()
};

const archiveProblems: Record<string, (year: number) => string> = {
	open_year: (year) => m.confirmations_run_error_open_year({ year }),
	future_year: (year) => m.confirmations_run_error_future({ year }),
	club_incomplete: () => m.confirmations_run_error_club(),
	no_donors: (year) => m.money_confirmations_empty({ year })
};

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const today = pragueDay();
	const { years, year } = await chosenYear(event.url.searchParams.get('year'), today);
	const sql = db();
	const [rows, club, runs] = await Promise.all([
		donorRowsForYear(sql, year),
		confirmationClub(sql),
		listRuns(sql, year)
	]);
	const withEmail = rows.filter((r) => r.email);
	const problem = event.url.searchParams.get('problem');
	return {
		years,
		year,
		state: yearState(year, today),
		summary: {
			donors: rows.length,
			withEmail: withEmail.length,
			emailed: withEmail.filter((r) => r.emailedAt).length,
			withoutEmail: rows.length - withEmail.length,
			withoutAddress: rows.filter((r) => !r.address).length
		},
		clubMissing: clubGaps(club).map((gap) => gapNames[gap]()),
		runs: runs.map((r) => ({ ...r, running: r.finishedAt === null })),
		problem: problem && archiveProblems[problem] ? archiveProblems[problem](year) : null
	};
}) satisfies PageServerLoad;

export const actions = {
	mail: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const text = String(form.get('year') ?? '');
		if (!/^\d{4}$/.test(text))
			return fail(400, { mailError: m.confirmations_run_error_future({ year: text }) });
		const year = Number(text);
		const result = await startMailRun(contextOf(event, user), year);
		if (result.ok) return { mailStarted: result.planned };
		if (result.reason === 'forbidden') error(403, 'Forbidden');
		const messages = {
			running: () => m.confirmations_mail_running({ year }),
			nothing_to_send: () => m.confirmations_mail_nothing({ year }),
			open_year: () => m.confirmations_mail_open_year({ year }),
			future_year: () => m.confirmations_run_error_future({ year }),
			club_incomplete: () => m.confirmations_run_error_club(),
			no_donors: () => m.money_confirmations_empty({ year })
		};
		return fail(400, { mailError: messages[result.reason]() });
	}
} satisfies Actions;
