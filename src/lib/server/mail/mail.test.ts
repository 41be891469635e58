import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../tests/support/smtp';
import { hideLinkTokens } from './outbox';
import { mailLink, renderMail, templateNames, type Locale } from './templates';
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
	event: 'info_requested'
};

describe('e-mail templates', () => {
	it.each(
		templateNames.flatMap((name) => (['cs', 'en'] as Locale[]).map((locale) => [name, locale] as const))
	)('%s in %s has a subject, a text and an HTML body with the link', (name, locale) => {
		const mail = renderMail(name, locale, params);
		expect(mail.subject.length).toBeGreaterThan(5);
		expect(mail.text).toMatch(/https:\/\/spolu\.example\.org\//);
		expect(mail.html).toContain(`<html lang="${locale}">`);
		expect(mail.html).toMatch(/<a href="https:\/\/spolu\.example\.org\//);
	});

	it('Czech and English differ', () => {
		for (const name of templateNames) {
			expect(renderMail(name, 'cs', params).subject).not.toBe(renderMail(name, 'en', params).subject);
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
