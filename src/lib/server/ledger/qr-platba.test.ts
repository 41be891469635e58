import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { isValidIban, qrPlatbaSvg, spdPayload, spdText } from './qr-platba';

// the example account of the SPD specification (qr-platba.cz)
const IBAN = 'CZ5855000000001265098001';

describe('QR Platba', () => {
	it('writes the SPD 1.0 string: account, amount with two decimals, CZK, message and variable symbol', () => {
		expect(
			spdPayload({
				iban: 'CZ58 5500 0000 0012 6509 8001',
				amount: 48_050,
				variableSymbol: '1234567890',
				message: 'Platba za zboží'
			})
		).toBe('SPD*1.0*ACC:CZ5855000000001265098001*AM:480.50*CC:CZK*MSG:PLATBA ZA ZBOZI*X-VS:1234567890');
		expect(spdPayload({ iban: IBAN, amount: 50_000, variableSymbol: '42' })).toBe(
			'SPD*1.0*ACC:CZ5855000000001265098001*AM:500.00*CC:CZK*X-VS:42'
		);
	});

	it('keeps every value within the alphanumeric set, so no value can break the fields', () => {
		const payload = spdPayload({
			iban: IBAN,
			amount: 12_500_00,
			variableSymbol: '2026000017',
			message: 'Dar*pro potřebu č. 17 – „kauce“ na byt; děkujeme!',
			recipientName: 'Klub dárců Spolu, z. s.'
		});
		expect(payload).toBe(
			'SPD*1.0*ACC:CZ5855000000001265098001*AM:12500.00*CC:CZK*MSG:DAR PRO POTREBU C. 17 KAUCE NA BYT DEKUJEME*RN:KLUB DARCU SPOLU Z. S.*X-VS:2026000017'
		);
		expect(payload.split('*')).toHaveLength(8);
		// no byte segment: the code stays as small as the data allows
		const modes = QRCode.create(payload, { errorCorrectionLevel: 'M' }).segments.map((s) => s.mode.id);
		expect(new Set(modes)).toEqual(new Set(['Alphanumeric', 'Numeric']));
	});

	it('cuts the message to 60 and the name to 35 characters', () => {
		expect(spdText('a'.repeat(80), 60)).toHaveLength(60);
		const payload = spdPayload({
			iban: IBAN,
			amount: 100,
			variableSymbol: '1',
			message: 'x'.repeat(70),
			recipientName: 'y'.repeat(40)
		});
		expect(payload).toContain(`MSG:${'X'.repeat(60)}*`);
		expect(payload).toContain(`RN:${'Y'.repeat(35)}*`);
	});

	it('refuses a wrong IBAN, amount or variable symbol instead of printing a code that pays wrong', () => {
		expect(isValidIban(IBAN)).toBe(true);
		expect(isValidIban('CZ5855000000001265098002')).toBe(false);
		// passes mod 97 but has 23 characters: a Czech IBAN has 24
		expect(isValidIban('CZ340800000019200014539')).toBe(false);
		expect(isValidIban('DE89370400440532013000')).toBe(true);
		expect(isValidIban('SK3112000000198742637541')).toBe(true);
		// a country outside the IBAN registry
		expect(isValidIban('XX8937040044053201300012')).toBe(false);
		expect(() => spdPayload({ iban: 'CZ5855000000001265098002', amount: 100, variableSymbol: '1' })).toThrow(
			/IBAN/
		);
		for (const amount of [0, -100, 1.5, 1_000_000_000]) {
			expect(() => spdPayload({ iban: IBAN, amount, variableSymbol: '1' }), String(amount)).toThrow(/amount/);
		}
		for (const vs of ['', '12345678901', '12a', '1 2']) {
			expect(() => spdPayload({ iban: IBAN, amount: 100, variableSymbol: vs }), vs).toThrow(
				/variable symbol/
			);
		}
	});

	it('draws the code as SVG', async () => {
		const svg = await qrPlatbaSvg({ iban: IBAN, amount: 25_000, variableSymbol: '7' });
		expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 \d+ \d+"/);
		expect(svg).toContain('<path');
	});
});
