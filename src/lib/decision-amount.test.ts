import { describe, expect, it } from 'vitest';
import { approvedAmountOf } from './decision-amount';

describe('the approved amount of a decision', () => {
	const items = [
		{ quantity: 1, unitPrice: 650_000 },
		{ quantity: 2, unitPrice: 50_000 }
	];

	it('is the chosen items less what other sources secured', () => {
		// 6 500 Kč of the washing machine, 2 000 Kč from a foundation: the club owes 4 500 Kč
		expect(approvedAmountOf(items, [0], 200_000)).toBe(450_000);
		expect(approvedAmountOf(items, [0, 1], 200_000)).toBe(550_000);
	});

	it('counts an item once and ignores positions the need does not have', () => {
		expect(approvedAmountOf(items, [1, 1, 7, -1, 0.5], 0)).toBe(100_000);
	});

	it('goes to zero or below when other sources cover the choice', () => {
		expect(approvedAmountOf(items, [1], 200_000)).toBe(-100_000);
		expect(approvedAmountOf(items, [], 0)).toBe(0);
	});
});
