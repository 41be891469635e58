import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	accountToIban,
	czechAccountFromIban,
	czechAccountToIban,
	formatCzechAccount,
	isValidCzechAccount,
	normalizeIban,
	parseCzechAccount,
	sameAccount
} from './bank-account';

describe('Czech account numbers', () => {
	it.each([
		['19-2000145399/0800', { prefix: '19', number: '2000145399', bankCode: '0800' }],
		['000019-2000145399/0800', { prefix: '19', number: '2000145399', bankCode: '0800' }],
		['0000192000145399', { prefix: '19', number: '2000145399', bankCode: null }],
		['0000192000145399/0800', { prefix: '19', number: '2000145399', bankCode: '0800' }],
		['123456789/0800', { prefix: '', number: '123456789', bankCode: '0800' }],
		[' 2901 234567 / 2010 ', { prefix: '', number: '2901234567', bankCode: '2010' }],
		['0000000123456789', { prefix: '', number: '123456789', bankCode: null }]
	])('reads %j', (text, account) => {
		expect(parseCzechAccount(text)).toEqual(account);
	});

	it.each([
		'',
		'CZ6508000000192000145399',
		'1234567-123/0800',
		'19-/0800',
		'12345678901234567',
		'0-0/0800',
		'19-2000145399/800',
		'abc'
	])('does not read %j as an account', (text) => {
		expect(parseCzechAccount(text)).toBeNull();
	});

	it('checks prefix and number with the ČNB weights', () => {
		// the ČNB's example account and its IBAN CZ65 0800 0000 1920 0014 5399
		expect(isValidCzechAccount('19', '2000145399')).toBe(true);
		expect(isValidCzechAccount('', '2901234567')).toBe(true);
		expect(isValidCzechAccount('35', '107654346')).toBe(true);
		// one digit off in either part
		expect(isValidCzechAccount('18', '2000145399')).toBe(false);
		expect(isValidCzechAccount('19', '2000145398')).toBe(false);
		expect(isValidCzechAccount('', '2900123456')).toBe(false);
		expect(isValidCzechAccount('', '0')).toBe(false);
		expect(isValidCzechAccount('1234567', '2000145399')).toBe(false);
	});

	it('a single changed digit always fails the check', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
				const digits = '2000145399'.split('');
				digits[position] = String((Number(digits[position]) + delta) % 10);
				expect(isValidCzechAccount('', digits.join(''))).toBe(false);
			})
		);
	});

	it('formats as předčíslí-číslo/kód', () => {
		expect(formatCzechAccount({ prefix: '19', number: '2000145399', bankCode: '0800' })).toBe(
			'19-2000145399/0800'
		);
		expect(formatCzechAccount({ prefix: '', number: '2901234567', bankCode: null })).toBe('2901234567');
	});
});

describe('IBAN', () => {
	it.each([
		['19-2000145399/0800', 'CZ6508000000192000145399'],
		['2901234567/2010', 'CZ5520100000002901234567'],
		['107654338/0100', 'CZ5501000000000107654338'],
		['35-107654346/0100', 'CZ9401000000350107654346'],
		['0000000035012351/5500', 'CZ3355000000000035012351']
	])('converts %s to %s with the right check digits', (account, iban) => {
		expect(accountToIban(account)).toBe(iban);
		expect(normalizeIban(iban)).toBe(iban);
		expect(czechAccountFromIban(iban)).toEqual(parseCzechAccount(account));
	});

	it('does not make an IBAN of a number that fails the ČNB check or has no bank', () => {
		expect(accountToIban('2900123456/2010')).toBeNull();
		expect(accountToIban('18-2000145399/0800')).toBeNull();
		expect(accountToIban('19-2000145399')).toBeNull();
		expect(czechAccountToIban({ prefix: '19', number: '2000145399', bankCode: null })).toBeNull();
	});

	it('takes IBANs as written when their check digits are right', () => {
		expect(accountToIban('cz65 0800 0000 1920 0014 5399')).toBe('CZ6508000000192000145399');
		expect(accountToIban('SK3112000000198742637541')).toBe('SK3112000000198742637541');
		expect(accountToIban('CZ6608000000192000145399')).toBeNull();
		// 23 characters: a Czech IBAN has 24
		expect(normalizeIban('CZ650800000019200014539')).toBeNull();
		expect(normalizeIban('hello')).toBeNull();
	});

	it('every valid account converts to an IBAN that passes the check and converts back', () => {
		// the last digit has weight 1: choosing it makes the sum a multiple of 11 (unless it would be 10)
		const withCheckDigit = (body: number, weights: number[]) => {
			const digits = String(body).padStart(weights.length, '0');
			const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
			const check = (11 - (sum % 11)) % 11;
			return check === 10 ? null : `${body}${check}`.replace(/^0+/, '');
		};
		const account = fc
			.record({
				prefix: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null }),
				number: fc.integer({ min: 1, max: 999_999_999 }),
				bank: fc.integer({ min: 0, max: 9999 })
			})
			.map(({ prefix, number, bank }) => ({
				prefix: prefix === null ? '' : withCheckDigit(prefix, [10, 5, 8, 4, 2]),
				number: withCheckDigit(number, [6, 3, 7, 9, 10, 5, 8, 4, 2]),
				bankCode: String(bank).padStart(4, '0')
			}))
			.filter(
				(a): a is { prefix: string; number: string; bankCode: string } => a.prefix !== null && !!a.number
			);
		fc.assert(
			fc.property(account, (a) => {
				expect(isValidCzechAccount(a.prefix, a.number)).toBe(true);
				const iban = czechAccountToIban(a)!;
				expect(iban).toMatch(/^CZ\d{22}$/);
				expect(normalizeIban(iban)).toBe(iban);
				expect(czechAccountFromIban(iban)).toEqual(a);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('sameAccount', () => {
	it('compares accounts across the ways banks write them', () => {
		expect(sameAccount('CZ65 0800 0000 1920 0014 5399', '19-2000145399/0800')).toBe(true);
		expect(sameAccount('0000192000145399/0800', 'CZ6508000000192000145399')).toBe(true);
		// GPC names its own account without the bank
		expect(sameAccount('CZ6508000000192000145399', '0000192000145399')).toBe(true);
		expect(sameAccount('19-2000145399', 'CZ6508000000192000145399')).toBe(true);
	});

	it('tells different accounts apart', () => {
		expect(sameAccount('19-2000145399/0100', 'CZ6508000000192000145399')).toBe(false);
		expect(sameAccount('2000145399/0800', 'CZ6508000000192000145399')).toBe(false);
		expect(sameAccount('SK3112000000198742637541', 'CZ6508000000192000145399')).toBe(false);
		expect(sameAccount('SK3112000000198742637541', 'sk31 1200 0000 1987 4263 7541')).toBe(true);
		expect(sameAccount('', 'CZ6508000000192000145399')).toBe(false);
	});
});
