import { formatCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import type { RefusalCode } from '../core/refusals';

/*
 * The words for every refusal of core/refusals.ts, in the person's language (messages/cs.json, en.json):
 * one table for the whole of Spolu. Each code has its general words; where a part of the pages says it
 * in its own terms (the contact person's delivery steps, the public story, the coordinator's money
 * pages), the code names that part's words too. `limit` is the most that would have gone through, in
 * haléře.
 */

export type RefusalArea = 'need' | 'vote' | 'decision' | 'money' | 'ledger' | 'delivery' | 'story';

type Words = (p: { amount: string; limit: number }) => string;
type Entry = { all: Words } & Partial<Record<RefusalArea, Words>>;

const texts: Record<RefusalCode, Entry> = {
	not_found: {
		all: () => m.need_refusal_not_found(),
		vote: () => m.vote_refusal_not_found(),
		ledger: () => m.money_refusal_not_found()
	},
	forbidden: {
		all: () => m.need_refusal_forbidden(),
		ledger: () => m.money_refusal_forbidden(),
		delivery: () => m.delivery_refusal_forbidden(),
		story: () => m.story_refusal_forbidden()
	},
	no_organisation: { all: () => m.need_refusal_no_organisation() },
	wrong_state: {
		all: () => m.need_refusal_wrong_state(),
		ledger: () => m.money_refusal_wrong_state(),
		delivery: () => m.delivery_refusal_wrong_state(),
		story: () => m.story_refusal_wrong_state()
	},
	duplicate_target: { all: () => m.need_refusal_duplicate_target() },
	incomplete: { all: () => m.need_refusal_incomplete() },
	personal_data: {
		all: () => m.need_refusal_personal_data(),
		vote: () => m.vote_refusal_personal_data(),
		decision: () => m.decision_refusal_personal_data(),
		ledger: () => m.money_refusal_personal_data(),
		money: () => m.funds_refusal_personal_data_field()
	},
	closed: { all: () => m.vote_refusal_closed() },
	already_extended: { all: () => m.vote_refusal_already_extended() },
	not_everyone_voted: { all: () => m.vote_refusal_not_everyone_voted() },
	over_limit: { all: () => m.vote_refusal_over_limit() },
	reason_required: {
		all: () => m.vote_refusal_reason_required(),
		money: () => m.funds_refusal_reason_required()
	},
	bad_deadline: { all: () => m.vote_refusal_bad_deadline() },
	no_items: { all: () => m.decision_refusal_no_items() },
	not_a_volunteer: { all: () => m.decision_error_contact() },
	nothing_to_fund: { all: () => m.decision_refusal_nothing_to_fund() },
	invalid_amount: { all: () => m.funds_refusal_invalid_amount(), ledger: () => m.money_error_amount() },
	over_missing: {
		all: ({ amount }) => m.funds_refusal_over_missing({ limit: amount }),
		ledger: ({ amount, limit }) =>
			limit ? m.money_refusal_over_missing({ amount }) : m.money_refusal_nothing_missing()
	},
	fund_too_low: {
		all: ({ amount }) => m.funds_refusal_fund_too_low({ limit: amount }),
		ledger: ({ amount, limit }) =>
			limit ? m.money_refusal_fund_too_low({ amount }) : m.money_refusal_fund_empty()
	},
	balance_too_low: { all: ({ amount }) => m.funds_refusal_balance_too_low({ limit: amount }) },
	collection_closed: { all: () => m.give_refusal_closed() },
	stripe_unavailable: { all: () => m.give_refusal_not_found() },
	invalid: {
		all: () => m.protected_refusal_invalid(),
		delivery: () => m.delivery_refusal_invalid(),
		story: () => m.story_refusal_invalid()
	},
	no_protected_data: { all: () => m.delivery_refusal_no_protected_data() },
	no_payout: { all: () => m.delivery_refusal_no_payout() },
	future_day: { all: () => m.delivery_refusal_future_day() },
	photo_not_confirmed: { all: () => m.story_refusal_photo_not_confirmed() },
	no_consent: { all: () => m.story_refusal_no_consent() },
	empty: { all: () => m.attachment_refusal_empty() },
	too_large: { all: () => m.attachment_refusal_too_large() },
	unsupported_type: { all: () => m.attachment_refusal_unsupported_type() },
	mismatch: { all: () => m.attachment_refusal_mismatch() },
	unreadable: { all: () => m.attachment_refusal_unreadable() },
	pdf_unreadable: { all: () => m.attachment_refusal_pdf_unreadable() },
	pdf_encrypted: { all: () => m.attachment_refusal_pdf_encrypted() }
};

/**
 * Codes a part of the pages has no words of its own for, said in its catch-all words: the
 * coordinator's money pages and the delivery and story steps each have one.
 */
const catchAll: Partial<Record<RefusalArea, { known: ReadonlySet<RefusalCode>; words: Words }>> = {
	ledger: {
		known: new Set([
			'not_found',
			'forbidden',
			'wrong_state',
			'invalid_amount',
			'over_missing',
			'fund_too_low',
			'personal_data'
		]),
		words: () => m.money_refusal_other()
	},
	delivery: {
		known: new Set(['forbidden', 'wrong_state', 'invalid', 'no_protected_data', 'no_payout', 'future_day']),
		words: () => m.delivery_refusal_invalid()
	},
	story: {
		known: new Set(['forbidden', 'wrong_state', 'invalid', 'photo_not_confirmed', 'no_consent']),
		words: () => m.story_refusal_invalid()
	}
};

/** What to tell the person about a refusal, in the words of the part of the pages they are on. */
export function refusalText(code: RefusalCode, area: RefusalArea, limit = 0): string {
	const entry = texts[code];
	const fallback = catchAll[area];
	const words =
		entry[area] ?? (fallback && !fallback.known.has(code) ? fallback.words : undefined) ?? entry.all;
	return words({ amount: formatCzk(limit), limit });
}

const fileCodes: ReadonlySet<RefusalCode> = new Set([
	'empty',
	'too_large',
	'unsupported_type',
	'mismatch',
	'unreadable',
	'pdf_unreadable',
	'pdf_encrypted'
]);

/** What is wrong with an uploaded file, or null when the refusal is not about the file. */
export const fileRefusalText = (code: RefusalCode): string | null =>
	fileCodes.has(code) ? refusalText(code, 'need') : null;
