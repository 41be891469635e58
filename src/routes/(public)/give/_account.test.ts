import { describe, expect, it } from 'vitest';
import { czechAccountNumber, formatIban } from './_account';

describe('the account as donors copy it', () => {
	it('groups an IBAN by four', () => {
		expect(formatIban('CZ6508000000192000145399')).toBe('CZ65 0800 0000 1920 0014 5399');
		expect(formatIban('cz65 0800 000019200 0145399')).toBe('CZ65 0800 0000 1920 0014 5399');
		expect(formatIban('SK3112000000198742637541')).toBe('SK31 1200 0000 1987 4263 7541');
	});

	it('gives the Czech account number with its prefix and bank code', () => {
		// the Czech National Bank's example: 19-2000145399/0800
		expect(czechAccountNumber('CZ6508000000192000145399')).toBe('19-2000145399/0800');
		expect(czechAccountNumber('CZ55 0800 0000 0012 3456 7899')).toBe('1234567899/0800');
	});

	it('gives none for an account outside the Czech Republic or a malformed one', () => {
		expect(czechAccountNumber('SK3112000000198742637541')).toBeNull();
		expect(czechAccountNumber('CZ650800000019200014539')).toBeNull();
		expect(czechAccountNumber('CZ6508000000000000000000')).toBeNull();
	});
});
