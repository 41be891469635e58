import { describe, expect, it } from 'vitest';
import { pragueLocalOf, pragueLocalToDate } from './prague-time';

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
