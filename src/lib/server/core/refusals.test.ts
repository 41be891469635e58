import { describe, expect, it } from 'vitest';
import { refusalCodes, refusalStatus } from './refusals';

describe('refusal statuses', () => {
	it('answer a need, a poll or money that does not exist for the asker with 404 everywhere', () => {
		expect(refusalStatus('not_found')).toBe(404);
	});

	it('tell what is not theirs to do (403), the state of things (409) and their input (400) apart', () => {
		const by = (status: number) => refusalCodes.filter((c) => refusalStatus(c) === status).sort();
		expect(by(403)).toEqual(['forbidden', 'no_organisation']);
		expect(by(409)).toEqual(
			[
				'already_extended',
				'balance_too_low',
				'closed',
				'collection_closed',
				'duplicate_target',
				'fund_too_low',
				'no_consent',
				'no_payout',
				'no_protected_data',
				'not_everyone_voted',
				'over_limit',
				'over_missing',
				'wrong_state'
			].sort()
		);
		expect(refusalStatus('too_large')).toBe(413);
		expect(refusalStatus('stripe_unavailable')).toBe(503);
		expect(refusalStatus('invalid_amount')).toBe(400);
		expect(refusalStatus('personal_data')).toBe(400);
	});
});
