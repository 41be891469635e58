/*
 * The amount the club approves in its decision on a need: the items it pays for less what other sources
 * (the family's share, another foundation) already secured. One rule for the coordinator's form, which
 * shows it before saving, and for the decision the server records.
 */

/** Haléře: the chosen items' sums less the secured funding; zero or less means the club pays nothing. */
export function approvedAmountOf(
	items: readonly { quantity: number; unitPrice: number }[],
	positions: readonly number[],
	secured: number
): number {
	const chosen = [...new Set(positions)]
		.filter((p) => Number.isInteger(p) && p >= 0 && p < items.length)
		.reduce((sum, p) => sum + items[p]!.quantity * items[p]!.unitPrice, 0);
	return chosen - secured;
}
