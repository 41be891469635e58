import { describe, expect, test } from 'vitest';
import { formatDate, formatDay, formatTime } from './labels';

// 21:23 UTC on 1 December is 22:23 in Prague (winter time); 08:05 UTC on 1 July is 10:05 (summer time).
const winterEvening = new Date('2026-12-01T21:23:25Z');
const summerMorning = new Date('2026-07-01T08:05:59Z');

describe('dates as people write them', () => {
	test('English reads "1 December 2026, 22:23": day, month in words, year, 24-hour clock, no seconds', () => {
		expect(formatTime(winterEvening, 'en')).toBe('1 December 2026, 22:23');
		expect(formatTime(summerMorning, 'en')).toBe('1 July 2026, 10:05');
		expect(formatDate(winterEvening, 'en')).toBe('1 December 2026');
		expect(formatDay('2026-03-05', 'en')).toBe('5 March 2026');
	});

	test('Czech reads "1. 12. 2026 22:23", without seconds', () => {
		expect(formatTime(winterEvening, 'cs')).toBe('1. 12. 2026 22:23');
		expect(formatTime(summerMorning, 'cs')).toBe('1. 7. 2026 10:05');
		expect(formatDate(winterEvening, 'cs')).toBe('1. 12. 2026');
		expect(formatDay('2026-03-05', 'cs')).toBe('5. 3. 2026');
	});

	test('the day is Prague’s: late evening UTC on the last of the month is already the next month', () => {
		const newYear = new Date('2026-12-31T23:30:00Z');
		expect(formatTime(newYear, 'cs')).toBe('1. 1. 2027 0:30');
		expect(formatTime(newYear, 'en')).toBe('1 January 2027, 00:30');
		// a calendar day from the database stays that day whatever the time zone of the machine
		expect(formatDay('2026-12-31', 'cs')).toBe('31. 12. 2026');
	});

	test('without a language given, the current one is used (Czech by default)', () => {
		expect(formatTime(winterEvening)).toBe('1. 12. 2026 22:23');
	});

	test('many dates format the same as one (the cached formatters keep no state between calls)', () => {
		const days = Array.from({ length: 500 }, (_, i) => new Date(Date.UTC(2026, 0, 1, 12) + i * 86_400_000));
		const formatted = days.map((d) => formatDate(d, 'en'));
		expect(formatted[0]).toBe('1 January 2026');
		expect(formatted[499]).toBe('15 May 2027');
		expect(formatted.map((_, i) => formatDate(days[i]!, 'en'))).toEqual(formatted);
	});
});
