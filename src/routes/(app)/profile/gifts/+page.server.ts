import { requireRole } from '$lib/server/http/guards';
import { listOwnDonations } from '$lib/server/payments/bank/collections';
import { listOwnPledges } from '$lib/server/payments/bank/pledges';
import { db } from '$lib/server/runtime';
import { giftOutcomes, listPublicStories } from '$lib/server/stories/public';
import { giverRoles } from './_roles';
import type { PageServerLoad } from './$types';

interface YearTotal {
	year: number;
	/** gifts: what a confirmation of gifts covers */
	gifts: number;
	giftCount: number;
	/** membership dues: not a gift, never on a confirmation */
	dues: number;
}

export const load = (async (event) => {
	const user = requireRole(event, ...giverRoles);
	const [pledges, donations, outcomes, stories] = await Promise.all([
		listOwnPledges(db(), user.id),
		listOwnDonations(db(), user.id),
		giftOutcomes(db(), user.id),
		listPublicStories(db(), { audience: 'donors', limit: 3 })
	]);
	const years = new Map<number, YearTotal>();
	for (const d of donations) {
		const y = years.get(d.year) ?? { year: d.year, gifts: 0, giftCount: 0, dues: 0 };
		// the same figure the confirmation prints: a returned or disputed gift is not on it
		if (d.purpose === 'gift') {
			y.gifts += d.onConfirmation;
			if (d.onConfirmation > 0) y.giftCount += 1;
		} else y.dues += d.amount;
		years.set(d.year, y);
	}
	return {
		pledges: pledges.map((p) => ({
			id: p.id,
			createdAt: p.createdAt,
			amount: p.amount,
			purpose: p.purpose,
			status: p.status,
			variableSymbol: p.variableSymbol,
			needNumber: p.needNumber
		})),
		donations,
		outcomes,
		stories: stories.map((s) => ({ number: s.number, title: s.title, amount: s.amount })),
		years: [...years.values()].sort((a, b) => b.year - a.year),
		problem: event.url.searchParams.get('confirmation')
	};
}) satisfies PageServerLoad;
