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
});
