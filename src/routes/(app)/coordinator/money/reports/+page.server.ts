import { m } from '$lib/paraglide/messages';
import { getClubSettings } from '$lib/server/club/settings';
import { requireRole } from '$lib/server/http/guards';
import { channelTotals } from '$lib/server/ledger/reports';
import { confirmationClub, donorRowsForYear } from '$lib/server/payments/receipts/confirmations';
import { db } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';
import { checkPeriod, pragueDay, type PeriodProblem } from '$lib/core/prague';

const periodProblems: Record<PeriodProblem, () => string> = {
	from_invalid: m.money_error_day,
	to_invalid: m.money_error_day,
	order: m.money_period_order,
	too_long: m.money_period_too_long
};

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const params = event.url.searchParams;
	const today = pragueDay();
	const thisYear = Number(today.slice(0, 4));

	// the ledger download sends a wrong period back here
	const given = params.has('from') || params.has('to');
	const period = {
		from: given ? (params.get('from') ?? '').slice(0, 10) : `${thisYear}-01-01`,
		to: given ? (params.get('to') ?? '').slice(0, 10) : today
	};
	const problem = given ? checkPeriod(period.from, period.to) : null;
	const periodErrors: Record<string, string> = {};
	if (problem) periodErrors[problem === 'from_invalid' ? 'from' : 'to'] = periodProblems[problem]();

	const sql = db();
	const [totals, club, forConfirmations] = await Promise.all([
		channelTotals(sql),
		getClubSettings(sql),
		confirmationClub(sql)
	]);
	const giftYears = [...new Set(totals.filter((t) => t.purpose === 'gift').map((t) => t.year))];
	const years = [...new Set([thisYear, ...giftYears])].sort((a, b) => b - a);
	const yearText = params.get('year') ?? '';
	const year = /^\d{4}$/.test(yearText) && years.includes(Number(yearText)) ? Number(yearText) : thisYear;
	const donors = (await donorRowsForYear(sql, year, { limit: 2000 })).map((d) => ({
		key: d.key,
		ref: d.ref,
		name: d.name,
		address: d.address,
		email: d.email,
		count: d.count,
		total: d.total,
		registrationNumber: d.registrationNumber,
		edited: d.edited,
		number: d.number,
		emailedOn: d.emailedAt ? pragueDay(d.emailedAt) : null
	}));

	const missing: string[] = [];
	if (!club?.name) missing.push(m.money_club_missing_name());
	if (!club?.registrationNumber) missing.push(m.money_club_missing_ico());
	if (!club?.address) missing.push(m.money_club_missing_address());
	if (!club?.place) missing.push(m.money_club_missing_place());
	if (!forConfirmations?.signatory) missing.push(m.confirmations_club_missing_signatory());
	const confirmationProblem = params.get('confirmation');

	return {
		period,
		periodErrors,
		totals,
		years,
		year,
		donors,
		clubMissing: missing,
		confirmationError:
			confirmationProblem === 'club_missing'
				? m.money_confirmation_club_missing()
				: confirmationProblem
					? m.money_confirmation_no_gifts()
					: null
	};
}) satisfies PageServerLoad;
