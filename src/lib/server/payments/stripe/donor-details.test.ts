import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { czechAddressLine, donorOfSession } from './donor-details';

const address = (a: Partial<Stripe.Address>): Stripe.Address => ({
	line1: null,
	line2: null,
	postal_code: null,
	city: null,
	state: null,
	country: null,
	...a
});

describe('a billing address as one Czech line', () => {
	it('writes a Czech address the Czech way, the postcode split after three digits', () => {
		expect(
			czechAddressLine(address({ line1: 'Květná 12', postal_code: '60300', city: 'Brno', country: 'CZ' }))
		).toBe('Květná 12, 603 00 Brno');
		expect(
			czechAddressLine(
				address({
					line1: 'Na Příkopě 1',
					line2: 'byt 4',
					postal_code: '110 00',
					city: 'Praha 1',
					country: 'cz'
				})
			)
		).toBe('Na Příkopě 1, byt 4, 110 00 Praha 1');
	});

	it('names a foreign country in Czech and keeps its postcode as written', () => {
		expect(
			czechAddressLine(
				address({ line1: 'Hauptstraße 5', postal_code: '10115', city: 'Berlin', country: 'DE' })
			)
		).toBe('Hauptstraße 5, 10115 Berlin, Německo');
		expect(
			czechAddressLine(
				address({ line1: '1 Main St', postal_code: '78701', city: 'Austin', state: 'TX', country: 'US' })
			)
		).toBe('1 Main St, 78701 Austin, TX, Spojené státy');
		expect(
			czechAddressLine(
				address({ line1: 'Obchodná 3', postal_code: '81106', city: 'Bratislava', country: 'SK' })
			)
		).toBe('Obchodná 3, 811 06 Bratislava, Slovensko');
	});

	it('is no address without a street and a town, and never more than one line of 300 characters', () => {
		expect(czechAddressLine(address({ postal_code: '60300', country: 'CZ' }))).toBeNull();
		expect(czechAddressLine(address({ line1: 'Květná 12', country: 'CZ' }))).toBeNull();
		expect(czechAddressLine(null)).toBeNull();
		const long = czechAddressLine(address({ line1: 'A\nB'.repeat(200), city: 'Brno\r\n', country: 'CZ' }))!;
		expect(long).not.toMatch(/[\r\n]/);
		expect(long.length).toBeLessThanOrEqual(300);
	});
});

describe('the donor of a session', () => {
	const details = {
		name: '  Jana   Nováková ',
		email: 'jana@example.cz',
		address: address({ line1: 'Květná 12', postal_code: '60300', city: 'Brno', country: 'CZ' }),
		business_name: null,
		individual_name: null,
		phone: null,
		tax_exempt: null,
		tax_ids: null
	};
	const none = { name: null, email: null, address: null };

	it('fills in only what the form left empty', () => {
		expect(donorOfSession(none, details)).toEqual({
			name: 'Jana Nováková',
			email: 'jana@example.cz',
			address: 'Květná 12, 603 00 Brno'
		});
		expect(donorOfSession({ name: null, email: 'mine@example.cz', address: 'Lipová 3' }, details)).toEqual({
			name: 'Jana Nováková',
			email: 'mine@example.cz',
			address: 'Lipová 3'
		});
	});

	it('takes no e-mail the donations table would refuse, and copes with Checkout knowing nothing', () => {
		expect(donorOfSession(none, { ...details, email: 'not an e-mail' }).email).toBeNull();
		expect(donorOfSession(none, null)).toEqual(none);
	});
});
