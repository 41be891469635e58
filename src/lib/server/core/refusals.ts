/*
 * The one vocabulary of what the need's life refuses, and the one HTTP status each refusal answers
 * with. Domain modules name their refusals with `RefusalOf<...>`, so a code outside this table does not
 * compile; routes answer with `refusalStatus(code)`. The words people read for each code live with the
 * pages (messages/cs.json, en.json).
 *
 * 404: the thing does not exist for the asker (ids reveal nothing). 403: not theirs to do. 409: the
 * state of things forbids it now (someone else acted, money ran out). 413: the file is too large.
 * 503: a service Spolu depends on did not answer. 400: what the person entered.
 */
const statuses = {
	not_found: 404,
	forbidden: 403,
	no_organisation: 403,
	wrong_state: 409,
	duplicate_target: 409,
	closed: 409,
	already_extended: 409,
	not_everyone_voted: 409,
	over_limit: 409,
	over_missing: 409,
	fund_too_low: 409,
	balance_too_low: 409,
	collection_closed: 409,
	no_protected_data: 409,
	no_payout: 409,
	no_consent: 409,
	too_large: 413,
	stripe_unavailable: 503,
	incomplete: 400,
	invalid: 400,
	invalid_amount: 400,
	personal_data: 400,
	reason_required: 400,
	bad_deadline: 400,
	no_items: 400,
	nothing_to_fund: 400,
	not_a_volunteer: 400,
	future_day: 400,
	photo_not_confirmed: 400,
	empty: 400,
	unsupported_type: 400,
	mismatch: 400,
	unreadable: 400,
	pdf_unreadable: 400,
	pdf_encrypted: 400
} as const;

export type RefusalCode = keyof typeof statuses;
export type RefusalStatus = (typeof statuses)[RefusalCode];

/** A domain's refusals, checked against the vocabulary. */
export type RefusalOf<T extends RefusalCode> = T;

export const refusalStatus = (code: RefusalCode): RefusalStatus => statuses[code];

export const refusalCodes = Object.keys(statuses) as RefusalCode[];
