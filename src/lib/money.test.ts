import { describe, expect, it } from 'vitest';
import { czkInputValue, formatCzk, parseCzk } from './money';

describe('amounts in Kč', () => {
	it('reads what people type into haléře', () => {
		expect(parseCzk('1500')).toBe(150_000);
		expect(parseCzk('1 500')).toBe(150_000);
		expect(parseCzk('1\u00a0500 Kč')).toBe(150_000);
		expect(parseCzk('1500,5')).toBe(150_050);
		expect(parseCzk('1500.05')).toBe(150_005);
		expect(parseCzk('2 499,-')).toBe(249_900);
		expect(parseCzk('0')).toBe(0);
	});

	it('refuses what is not an amount', () => {
		for (const bad of ['', 'abc', '-5', '1,234', '1.5.0', '12,345', '1e5', '10000000000', '5 Kč 5']) {
			expect(parseCzk(bad), bad).toBeNull();
		}
	});

	it('shows amounts the Czech way and round-trips the edit value', () => {
		expect(formatCzk(150_000, 'cs')).toBe('1\u00a0500\u00a0Kč');
		expect(formatCzk(150_050, 'cs')).toBe('1\u00a0500,50\u00a0Kč');
		expect(formatCzk(150_000, 'en')).toBe('CZK\u00a01,500');
		for (const h of [0, 5, 150_000, 150_050, 99_999_999]) expect(parseCzk(czkInputValue(h))).toBe(h);
	});
});
