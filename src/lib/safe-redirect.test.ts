import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect';

describe('safeRedirectPath', () => {
	it('keeps a path on this site with its query', () => {
		expect(safeRedirectPath('/privacy?x=1')).toBe('/privacy?x=1');
	});

	it.each([
		'https://evil.example/',
		'//evil.example/x',
		'/\\evil.example',
		'javascript:alert(1)',
		'',
		42,
		undefined
	])('sends %j home instead of off the site', (value) => {
		expect(safeRedirectPath(value)).toBe('/');
	});

	it('sends an unsafe or missing path to the fallback the caller names instead of home', () => {
		expect(safeRedirectPath(undefined, '/start')).toBe('/start');
		expect(safeRedirectPath('//evil.example/x', '/start')).toBe('/start');
		expect(safeRedirectPath('/votes?x=1', '/start')).toBe('/votes?x=1');
	});
});
