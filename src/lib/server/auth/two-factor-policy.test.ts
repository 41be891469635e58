import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { requireUser } from '../http/guards';
import type { SessionUser, Session } from './session';
import { twoFactorStep } from './two-factor-policy';

const verified = { twoFactorVerified: true };
const unverified = { twoFactorVerified: false };

describe('twoFactorStep', () => {
	it('asks for a code when 2FA is enabled and this session has not given one', () => {
		expect(twoFactorStep({ roles: ['donor'], totpEnabled: true }, unverified, false)).toBe('verify');
		expect(twoFactorStep({ roles: ['member'], totpEnabled: true }, unverified, true)).toBe('verify');
		expect(twoFactorStep({ roles: ['donor'], totpEnabled: true }, verified, true)).toBeNull();
	});

	it('asks roles that see protected data or run the club to set up 2FA when it is required', () => {
		for (const role of ['social_worker', 'member', 'coordinator'] as const) {
			expect(twoFactorStep({ roles: [role], totpEnabled: false }, verified, true)).toBe('enrol');
			expect(twoFactorStep({ roles: [role], totpEnabled: false }, verified, false)).toBeNull();
		}
		expect(twoFactorStep({ roles: ['donor', 'member'], totpEnabled: false }, unverified, true)).toBe('enrol');
	});

	it('leaves donors free to go without 2FA', () => {
		expect(twoFactorStep({ roles: ['donor'], totpEnabled: false }, unverified, true)).toBeNull();
	});
});

describe('a session with the second factor pending', () => {
	const user: SessionUser = {
		id: 'u1',
		email: 'clen@example.org',
		name: 'Člen',
		locale: 'cs',
		roles: ['member'],
		organisationId: null,
		totpEnabled: true
	};
	const session: Session = {
		id: 's1',
		userId: 'u1',
		createdAt: new Date(),
		lastSeenAt: new Date(),
		twoFactorVerified: false
	};
	const event = (step: 'verify' | 'enrol', method = 'GET') => ({
		locals: { user: null, session: null, twoFactor: { step, user, session } },
		url: new URL('http://spolu.test/needs'),
		request: new Request('http://spolu.test/needs', { method })
	});

	/** Where `requireUser` sends the request, or null when it lets it through. */
	function sentTo(e: ReturnType<typeof event>): string | null {
		try {
			requireUser(e);
			return null;
		} catch (thrown) {
			if (isRedirect(thrown)) return thrown.location;
			throw thrown;
		}
	}

	it('reaches no protected page or action: it is sent to its 2FA step', () => {
		expect(sentTo(event('verify'))).toBe('/2fa');
		expect(sentTo(event('verify', 'POST'))).toBe('/2fa');
		expect(sentTo(event('enrol'))).toBe('/2fa/setup');
		expect(sentTo(event('enrol', 'POST'))).toBe('/2fa/setup');
	});
});
