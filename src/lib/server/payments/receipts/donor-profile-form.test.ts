import { describe, expect, it } from 'vitest';
import { parseForm } from '../../http/forms';
import { isValidIco, normaliseIco } from './donor-profile';
import { donorProfileSchema, profileInput } from './donor-profile-form';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

describe('IČO', () => {
	it('checks the mod-11 check digit, including the remainders that give 0 and 1', () => {
		// weights 8…2: 2·8+5·7+5·6+9·5+6·4+6·3+4·2 = 176, 176 mod 11 = 0 → check digit 1
		expect(isValidIco('25596641')).toBe(true);
		expect(isValidIco('25596640')).toBe(false);
		// 0·8+0·7+0·6+0·5+6·4+9·3+4·2 = 59, 59 mod 11 = 4 → 11 − 4 = 7
		expect(isValidIco('00006947')).toBe(true);
		// 2·8+7·7+0+8·5+2·4+4·3+4·2 = 133, 133 mod 11 = 1 → check digit 0
		expect(isValidIco('27082440')).toBe(true);
		expect(isValidIco('12345678')).toBe(false);
		expect(isValidIco('1234567')).toBe(false);
		expect(isValidIco('2559664a')).toBe(false);
	});

	it('takes the number as people copy it', () => {
		expect(normaliseIco(' 255 96 641 ')).toBe('25596641');
		// a number a spreadsheet shortened is not guessed: the form asks for all eight digits
		expect(normaliseIco('6947')).toBe('6947');
		expect(isValidIco(normaliseIco('6947'))).toBe(false);
	});
});

describe('the donor details form', () => {
	it('tells the coordinator in Czech what is wrong with a company’s IČO and DIČ', () => {
		const result = parseForm(
			donorProfileSchema,
			form({
				kind: 'company',
				company_name: 'Pekárna s.r.o.',
				registration_number: '12345678',
				vat_number: 'SK123'
			})
		);
		expect(result).toMatchObject({
			ok: false,
			errors: {
				registration_number:
					'IČO má 8 číslic a poslední z nich je kontrolní. Toto IČO kontrolou neprošlo – ověřte ho prosím třeba v obchodním rejstříku.',
				vat_number: 'DIČ se píše jako CZ a 8 až 10 číslic, např. CZ25596641.'
			},
			values: { registration_number: '12345678' }
		});
		const missing = parseForm(donorProfileSchema, form({ kind: 'company' }));
		expect(missing).toMatchObject({
			ok: false,
			errors: { company_name: 'Napište název firmy.', registration_number: 'U firmy je IČO povinné.' }
		});
		expect(parseForm(donorProfileSchema, form({ kind: 'person' }))).toMatchObject({
			ok: false,
			errors: { name: 'Napište jméno a příjmení dárce.' }
		});
		expect(parseForm(donorProfileSchema, form({ kind: 'shop', name: 'X' }))).toMatchObject({
			ok: false,
			errors: { kind: 'Vyberte, zda je dárce fyzická osoba, nebo firma.' }
		});
	});

	it('keeps a company’s numbers in the register’s form and a person without company fields', () => {
		const company = parseForm(
			donorProfileSchema,
			form({
				kind: 'company',
				company_name: ' Pekárna U Mlýna s.r.o. ',
				registration_number: '255 96 641',
				vat_number: 'cz 25596641',
				address: 'Mlýnská 3, 602 00 Brno',
				name: ''
			})
		);
		if (!company.ok) throw new Error(JSON.stringify(company.errors));
		expect(profileInput(company.data)).toEqual({
			kind: 'company',
			companyName: 'Pekárna U Mlýna s.r.o.',
			registrationNumber: '25596641',
			vatNumber: 'CZ25596641',
			address: 'Mlýnská 3, 602 00 Brno',
			name: null
		});
		const person = parseForm(
			donorProfileSchema,
			form({ kind: 'person', name: 'Řehoř Šťastný', address: '', registration_number: '12345678' })
		);
		if (!person.ok) throw new Error(JSON.stringify(person.errors));
		expect(profileInput(person.data)).toEqual({ kind: 'person', name: 'Řehoř Šťastný', address: null });
	});
});
