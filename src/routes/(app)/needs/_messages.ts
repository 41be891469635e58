import { m } from '$lib/paraglide/messages';
import type { SubmissionProblem } from '$lib/server/needs/transitions';

/* The need form's words for what is still missing before it can be submitted. */

export const problemText = (p: SubmissionProblem): string =>
	({
		situation_short: () => m.need_problem_situation_short(),
		impact_short: () => m.need_problem_impact_short(),
		no_items: () => m.need_problem_no_items(),
		nothing_to_fund: () => m.need_problem_nothing_to_fund(),
		no_household: () => m.need_problem_no_household(),
		funding_exceeds_total: () => m.need_problem_funding_exceeds_total(),
		needed_by_past: () => m.need_problem_needed_by_past()
	})[p]();
