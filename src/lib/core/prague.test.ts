import { describe, expect, it } from 'vitest';
import {
	addDays,
	checkPeriod,
	dayAsDate,
	isDay,
	pragueDay,
	pragueDayStart,
	pragueLocalOf,
	pragueLocalToDate,
	pragueYear
} from './prague';

const iso = (local: string) => pragueLocalToDate(local)?.toISOString() ?? null;

describe('pragueLocalToDate', () => {
	it('reads a winter time as CET and a summer time as CEST', () => {
		expect(iso('2026-01-15T10:30')).toBe('2026-01-15T09:30:00.000Z');
		expect(iso('2026-07-01T00:15')).toBe('2026-06-30T22:15:00.000Z');
		expect(iso('2026-12-31T23:59:30')).toBe('2026-12-31T22:59:30.000Z');
	});

	it('reads the hours around the spring change, moving the skipped hour forward', () => {
		// 29 March 2026: at 02:00 CET the clocks jump to 03:00 CEST
		expect(iso('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
		expect(iso('2026-03-29T02:30')).toBe('2026-03-29T01:30:00.000Z');
		expect(iso('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
	});

	it('reads the repeated autumn hour as its first occurrence', () => {
		// 25 October 2026: at 03:00 CEST the clocks go back to 02:00 CET
		expect(iso('2026-10-25T01:59')).toBe('2026-10-24T23:59:00.000Z');
		expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
		expect(iso('2026-10-25T03:00')).toBe('2026-10-25T02:00:00.000Z');
	});

	it('refuses what is no time', () => {
		for (const text of [
			'',
			'2026-02-30T10:00',
			'2026-13-01T10:00',
			'2026-01-01T24:00',
			'2026-01-01 10:00',
			'2026-01-01T10:00Z',
			'now'
		])
			expect(pragueLocalToDate(text)).toBeNull();
	});
});

describe('pragueLocalOf', () => {
	it('gives back the wall-clock time it was read from', () => {
		for (const local of ['2026-01-15T10:30', '2026-07-01T00:15', '2026-10-25T01:59', '2026-03-29T03:00'])
			expect(pragueLocalOf(pragueLocalToDate(local)!)).toBe(local);
		expect(pragueLocalOf(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
	});
});

describe('days', () => {
	it('accepts real days only', () => {
		expect(isDay('2026-02-28')).toBe(true);
		expect(isDay('2024-02-29')).toBe(true);
		for (const bad of ['2026-02-29', '2026-13-01', '26-01-01', '2026-1-1', '', '1999-12-31', '2026-01-01x'])
			expect(isDay(bad), bad).toBe(false);
	});

	it('takes today in Prague, not in UTC', () => {
		expect(pragueDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
		expect(pragueDay(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
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

describe('Prague calendar days on the days the clocks change', () => {
	it('takes the day of an instant on the spring change (29 March 2026, 02:00 CET → 03:00 CEST)', () => {
		expect(pragueDay(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
		expect(pragueDay(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
		expect(pragueDay(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
		expect(pragueDay(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
	});

	it('takes the day of an instant on the autumn change (25 October 2026, 03:00 CEST → 02:00 CET)', () => {
		expect(pragueDay(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
		expect(pragueDay(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
		expect(pragueDay(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
		expect(pragueDay(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
	});

	it('starts each day at Prague midnight, the change days being 23 and 25 hours long', () => {
		expect(pragueDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(pragueDayStart('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
		expect(pragueDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(pragueDayStart('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
		const hours = (day: string) =>
			(pragueDayStart(addDays(day, 1)).getTime() - pragueDayStart(day).getTime()) / 3_600_000;
		expect([hours('2026-03-29'), hours('2026-10-25'), hours('2026-06-01')]).toEqual([23, 25, 24]);
	});

	it('counts calendar days across a change, not 24-hour steps', () => {
		expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
		expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
	});

	it('puts midnight of New Year in Prague into the new year', () => {
		expect(pragueYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
		expect(pragueYear(new Date('2026-12-31T23:00:00Z'))).toBe(2027);
	});

	it('reads a vote deadline typed on a change day in Prague time', () => {
		// the hour after the spring change is CEST (UTC+2), the hour after the autumn change CET (UTC+1)
		expect(pragueLocalToDate('2026-03-29T12:00')?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
		expect(pragueLocalToDate('2026-10-25T12:00')?.toISOString()).toBe('2026-10-25T11:00:00.000Z');
		expect(pragueLocalOf(new Date('2026-10-25T11:00:00Z'))).toBe('2026-10-25T12:00');
	});
});
