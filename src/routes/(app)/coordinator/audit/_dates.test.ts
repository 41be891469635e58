import { describe, expect, it } from 'vitest';
import { pragueDayStart } from './_dates';

describe('Prague days for the audit filter', () => {
	it('starts a winter day at 23:00 UTC the day before', () => {
		expect(pragueDayStart('2026-01-15')?.toISOString()).toBe('2026-01-14T23:00:00.000Z');
	});

	it('starts a summer day at 22:00 UTC the day before', () => {
		expect(pragueDayStart('2026-07-01')?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
	});

	it('ends a day at the start of the next, across the change to summer time', () => {
		expect(pragueDayStart('2026-03-29')?.toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(pragueDayStart('2026-03-29', 1)?.toISOString()).toBe('2026-03-29T22:00:00.000Z');
	});

	it('refuses what is not a date', () => {
		expect(pragueDayStart('2026-02-30')).toBeNull();
		expect(pragueDayStart('15. 1. 2026')).toBeNull();
		expect(pragueDayStart('')).toBeNull();
	});
});
