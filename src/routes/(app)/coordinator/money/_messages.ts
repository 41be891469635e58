import { formatCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import type { MoneyRefusal } from '$lib/server/ledger/funding';

/** What to tell the coordinator when the ledger refuses a movement of money; `limit` is in haléře. */
export function moneyRefusalText(reason: MoneyRefusal, limit?: number): string {
	const amount = formatCzk(limit ?? 0);
	switch (reason) {
		case 'not_found':
			return m.money_refusal_not_found();
		case 'forbidden':
			return m.money_refusal_forbidden();
		case 'wrong_state':
			return m.money_refusal_wrong_state();
		case 'invalid_amount':
			return m.money_error_amount();
		case 'over_missing':
			return limit ? m.money_refusal_over_missing({ amount }) : m.money_refusal_nothing_missing();
		case 'fund_too_low':
			return limit ? m.money_refusal_fund_too_low({ amount }) : m.money_refusal_fund_empty();
		default:
			return m.money_refusal_other();
	}
}
