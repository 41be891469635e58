import { describe, expect, it } from 'vitest';
import { outcomeOf } from './settings';

const rules = { quorumPercent: 50, approvalPercent: 50 };
const tally = (yes: number, no: number, abstain = 0, recused = 0, electorate = 10) => ({
	yes,
	no,
	abstain,
	recused,
	electorate
});

describe('the outcome of a poll', () => {
	it('approves with more yes than no once half the electorate took part', () => {
		expect(outcomeOf(tally(3, 2), rules)).toBe('approved');
		expect(outcomeOf(tally(3, 3), rules)).toBe('rejected');
		expect(outcomeOf(tally(1, 4), rules)).toBe('rejected');
	});

	it('counts abstentions for the quorum but not for approval', () => {
		expect(outcomeOf(tally(1, 0, 4), rules)).toBe('approved');
		expect(outcomeOf(tally(1, 0, 3), rules)).toBe('no_quorum');
		expect(outcomeOf(tally(0, 0, 5), rules)).toBe('rejected');
	});

	it('leaves recused members out of the electorate', () => {
		expect(outcomeOf(tally(2, 0, 0, 6), rules)).toBe('approved');
		expect(outcomeOf(tally(1, 0, 0, 6), rules)).toBe('no_quorum');
		expect(outcomeOf(tally(0, 0, 0, 10), rules)).toBe('no_quorum');
	});

	it('follows a stricter threshold and quorum', () => {
		const strict = { quorumPercent: 75, approvalPercent: 66 };
		expect(outcomeOf(tally(5, 2), strict)).toBe('no_quorum');
		expect(outcomeOf(tally(6, 2), strict)).toBe('approved');
		expect(outcomeOf(tally(4, 4), strict)).toBe('rejected');
	});
});
