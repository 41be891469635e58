import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../tests/support/smtp';
import { czechAccountNumber, formatIban } from '$lib/core/bank-account';
import { formatMailDay } from './money-mails';
import { hideLinkTokens } from './outbox';
import { mailLink, renderMail, templateNames, templates, type Locale } from './templates';
import { describeSendError } from './transport';

const params = {
	inviter: 'Jana Dvořáková',
	role: 'člen klubu',
	url: 'https://spolu.example.org/x/abc',
	signInUrl: 'https://spolu.example.org/login',
	resetUrl: 'https://spolu.example.org/reset-password',
	requester: 'Petra Nováková',
	organisation: 'Intervenční centrum Praha',
	number: '12',
	title: 'Postel pro syna',
	event: 'info_requested',
	purpose: 'need',
	amount: '1 500 Kč',
	iban: 'CZ65 0800 0000 1920 0014 5399',
	account: '19-2000145399/0800',
	variableSymbol: '123456785',
	message: 'Dar potreba c. 12',
	needNumber: '12',
	needTitle: 'Postel pro syna',
	qr: 'qr-platba-123456785@spolu',
	split: 'need',
	day: '2. listopadu 2026',
	linkKind: 'collection',
	year: '2026',
	total: '1 500 Kč',
	club: 'Klub Spolu'
};

/** The parameters above, and a placeholder for any a template added later needs. */
const paramsFor = (name: (typeof templateNames)[number]) => ({
	...Object.fromEntries(templates[name].params.map((p) => [p, `${p}-value`])),
	...params
});

describe('e-mail templates', () => {
	it.each(
		templateNames.flatMap((name) => (['cs', 'en'] as Locale[]).map((locale) => [name, locale] as const))
	)('%s in %s has a subject, a text and an HTML body with the link', (name, locale) => {
		const mail = renderMail(name, locale, paramsFor(name));
		expect(mail.subject.length).toBeGreaterThan(5);
		expect(mail.text).toMatch(/https:\/\/spolu\.example\.org\//);
		expect(mail.html).toContain(`<html lang="${locale}">`);
		expect(mail.html).toMatch(/<a href="https:\/\/spolu\.example\.org\//);
	});

	it('Czech and English differ', () => {
		for (const name of templateNames) {
			expect(renderMail(name, 'cs', paramsFor(name)).subject).not.toBe(
				renderMail(name, 'en', paramsFor(name)).subject
			);
		}
	});

	it('escapes parameters in HTML', () => {
		const mail = renderMail('access_requested', 'cs', {
			...params,
			requester: '<img src=x onerror=alert(1)>'
		});
		expect(mail.html).not.toContain('<img');
		expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('shows payment details as a table in HTML and as lines in the text, with the QR code inline', () => {
		const mail = renderMail('pledge_instructions', 'cs', params);
		expect(mail.text).toContain(
			[
				'Částka: 1 500 Kč',
				'Číslo účtu: 19-2000145399/0800',
				'IBAN: CZ65 0800 0000 1920 0014 5399',
				'Variabilní symbol: 123456785',
				'Zpráva pro příjemce: Dar potreba c. 12'
			].join('\n')
		);
		expect(mail.text).toContain('Nejsnáz zaplatíte QR kódem');
		expect(mail.html).toContain(
			'<th style="text-align:left;padding:2px 16px 2px 0;font-weight:normal;color:#555">Variabilní symbol</th>'
		);
		expect(mail.html).toContain(
			'<img src="cid:qr-platba-123456785@spolu" alt="QR Platba: 1 500 Kč, variabilní symbol 123456785"'
		);
		const withoutQr = renderMail('pledge_instructions', 'cs', { ...params, qr: '', account: '' });
		expect(withoutQr.html).not.toContain('<img');
		expect(withoutQr.text).not.toContain('QR kódem');
		expect(withoutQr.text).not.toContain('Číslo účtu');
	});

	it('thanks for a gift saying where the money went', () => {
		const text = (p: Record<string, string>) => renderMail('gift_thanks', 'cs', { ...params, ...p }).text;
		expect(text({})).toContain('Celý dar jde na potřebu č. 12 „Postel pro syna“.');
		expect(text({ split: 'need_part', toNeed: '1 000 Kč', toFund: '500 Kč' })).toContain(
			'1 000 Kč jde na potřebu č. 12 „Postel pro syna“, která je tím plně zafinancovaná. Zbylých 500 Kč jsme dali do společného fondu klubu'
		);
		expect(text({ split: 'fund' })).toContain('Dar jsme připsali do společného fondu klubu');
		expect(text({ split: 'dues' })).toContain(
			'váš členský příspěvek 1 500 Kč k nám dorazil 2. listopadu 2026.'
		);
		expect(text({ split: 'dues' })).not.toContain('potřebu');
		expect(renderMail('gift_thanks', 'en', params).text).toContain(
			'your gift of 1 500 Kč reached us on 2. listopadu 2026. Thank you very much!'
		);
	});

	it('refuses to render without a parameter the template needs', () => {
		expect(() => renderMail('reset_password', 'cs', {})).toThrow(/url/);
	});

	it('builds absolute links from the origin', () => {
		expect(mailLink('https://spolu.example.org', '/reset-password/abc')).toBe(
			'https://spolu.example.org/reset-password/abc'
		);
		expect(mailLink('http://localhost:3000', '/login')).toBe('http://localhost:3000/login');
	});
});

describe('the outbox for coordinators', () => {
	it('hides the tokens of links but keeps the rest of the text', () => {
		const text =
			'Nastavit nové heslo: https://spolu.example.org/reset-password/abcdefghijklmnopqrstuvwxyz234567\nKonec';
		expect(hideLinkTokens(text)).toBe(
			'Nastavit nové heslo: https://spolu.example.org/reset-password/…\nKonec'
		);
		expect(hideLinkTokens('Přihlásit se: https://spolu.example.org/login')).toBe(
			'Přihlásit se: https://spolu.example.org/login'
		);
	});
});

describe('SMTP errors', () => {
	it('keep neither addresses nor the password from the SMTP URL', () => {
		const error = Object.assign(new Error('550 5.1.1 <jana@example.org>: Recipient address rejected'), {
			code: 'EENVELOPE'
		});
		expect(describeSendError(error)).toBe('EENVELOPE: 550 5.1.1 <address>: Recipient address rejected');
		const auth = new Error('Invalid login for smtp://spolu:tajne-heslo@mail.example.org: 535');
		const described = describeSendError(auth, 'smtp://spolu:tajne-heslo@mail.example.org');
		expect(described).not.toContain('tajne-heslo');
		expect(described).toContain('535');
	});
});

describe('the test SMTP parser', () => {
	it('reads an encoded subject and a quoted-printable text part', () => {
		const raw = [
			'Subject: =?UTF-8?Q?Obnoven=C3=AD_hesla?= =?UTF-8?Q?_do_Spolu?=',
			'Content-Type: multipart/alternative; boundary="b1"',
			'',
			'--b1',
			'Content-Type: text/plain; charset=utf-8',
			'Content-Transfer-Encoding: quoted-printable',
			'',
			'Dobr=C3=BD den,=',
			'',
			'--b1--',
			''
		].join('\r\n');
		expect(parseMessage(raw)).toEqual({ subject: 'Obnovení hesla do Spolu', text: 'Dobrý den,' });
	});
});

describe('money in e-mails', () => {
	it('writes the account as donors copy it: IBAN in fours, the Czech form with prefix and bank code', () => {
		expect(formatIban('CZ6508000000192000145399')).toBe('CZ65 0800 0000 1920 0014 5399');
		expect(czechAccountNumber('CZ65 0800 0000 1920 0014 5399')).toBe('19-2000145399/0800');
		expect(czechAccountNumber('CZ5520100000002901234567')).toBe('2901234567/2010');
		expect(czechAccountNumber('SK3112000000198742637541')).toBeNull();
	});

	it('writes the day of a gift in words, the same calendar day whatever the server zone', () => {
		expect(formatMailDay('2026-01-01', 'cs')).toBe('1. ledna 2026');
		expect(formatMailDay('2026-12-31', 'en')).toBe('31 December 2026');
	});
});
