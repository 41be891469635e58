import { describe, expect, it } from 'vitest';
import { checkPeriod, dayAsDate, isDay, pragueToday } from './_days';

describe('days', () => {
	it('accepts real days only', () => {
		expect(isDay('2026-02-28')).toBe(true);
		expect(isDay('2024-02-29')).toBe(true);
		for (const bad of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '', '1999-12-31', '2026-01-01x'])
			expect(isDay(bad), bad).toBe(false);
	});

	it('takes today in Prague, not in UTC', () => {
		expect(pragueToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(pragueToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
	});

	it('keeps a day on its date wherever it is formatted', () => {
		expect(dayAsDate('2026-03-01').toISOString()).toBe('2026-03-01T12:00:00.000Z');
	});

	it('checks a report period: valid, in order, at most ten years', () => {
		expect(checkPeriod('2026-01-01', '2026-12-31')).toBeNull();
		expect(checkPeriod('2026-01-01', '2026-01-01')).toBeNull();
		expect(checkPeriod('2016-01-01', '2026-01-01')).toBeNull();
		expect(checkPeriod('2016-01-01', '2026-01-02')).toBe('too_long');
		expect(checkPeriod('2026-02-01', '2026-01-31')).toBe('order');
		expect(checkPeriod('2026-02-30', '2026-03-01')).toBe('from_invalid');
		expect(checkPeriod('2026-01-01', 'zítra')).toBe('to_invalid');
	});
});
