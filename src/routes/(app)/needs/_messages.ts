import { formatCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import type { MoneyRefusal } from '$lib/server/ledger/funding';
import type { PrepareRefusal } from '$lib/server/needs/attachment-files';
import type { Refusal, SubmissionProblem } from '$lib/server/needs/transitions';
import type { DecisionRefusal } from '$lib/server/voting/decision';
import type { PollRefusal } from '$lib/server/voting/polls';

/* The need pages' words for what the domain refused; its HTTP status is core/refusals.ts's. */

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

const attachmentTexts: Record<PrepareRefusal, () => string> = {
	empty: () => m.attachment_refusal_empty(),
	too_large: () => m.attachment_refusal_too_large(),
	unsupported_type: () => m.attachment_refusal_unsupported_type(),
	mismatch: () => m.attachment_refusal_mismatch(),
	unreadable: () => m.attachment_refusal_unreadable()
};

/** What is wrong with an uploaded file, or null when the refusal is not about the file. */
export const attachmentRefusalText = (r: string): string | null =>
	r in attachmentTexts ? attachmentTexts[r as PrepareRefusal]() : null;

export const refusalText = (r: Refusal | PrepareRefusal): string =>
	({
		not_found: () => m.need_refusal_not_found(),
		forbidden: () => m.need_refusal_forbidden(),
		wrong_state: () => m.need_refusal_wrong_state(),
		incomplete: () => m.need_refusal_incomplete(),
		personal_data: () => m.need_refusal_personal_data(),
		duplicate_target: () => m.need_refusal_duplicate_target(),
		no_organisation: () => m.need_refusal_no_organisation(),
		...attachmentTexts
	})[r]();

export const voteRefusalText = (r: PollRefusal): string =>
	({
		not_found: () => m.vote_refusal_not_found(),
		forbidden: () => m.need_refusal_forbidden(),
		wrong_state: () => m.need_refusal_wrong_state(),
		closed: () => m.vote_refusal_closed(),
		reason_required: () => m.vote_refusal_reason_required(),
		not_everyone_voted: () => m.vote_refusal_not_everyone_voted(),
		already_extended: () => m.vote_refusal_already_extended(),
		bad_deadline: () => m.vote_refusal_bad_deadline(),
		over_limit: () => m.vote_refusal_over_limit()
	})[r]();

export const decisionRefusalText = (r: DecisionRefusal): string =>
	({
		not_found: () => m.need_refusal_not_found(),
		forbidden: () => m.need_refusal_forbidden(),
		wrong_state: () => m.need_refusal_wrong_state(),
		no_items: () => m.decision_refusal_no_items(),
		not_a_volunteer: () => m.decision_error_contact(),
		nothing_to_fund: () => m.decision_refusal_nothing_to_fund()
	})[r]();

/** What the club's money functions refused; `limit` (haléře) is the most that would have gone through. */
export const moneyRefusalText = (r: MoneyRefusal | PrepareRefusal, limit?: number): string => {
	const most = formatCzk(limit ?? 0);
	return {
		not_found: () => m.need_refusal_not_found(),
		forbidden: () => m.need_refusal_forbidden(),
		wrong_state: () => m.need_refusal_wrong_state(),
		invalid_amount: () => m.funds_refusal_invalid_amount(),
		over_missing: () => m.funds_refusal_over_missing({ limit: most }),
		fund_too_low: () => m.funds_refusal_fund_too_low({ limit: most }),
		reason_required: () => m.funds_refusal_reason_required(),
		personal_data: () => m.funds_refusal_personal_data_field(),
		balance_too_low: () => m.funds_refusal_balance_too_low({ limit: most }),
		...attachmentTexts
	}[r]();
};
