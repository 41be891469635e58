import { describe, expect, it } from 'vitest';
import { buildRobots } from './_robots';

describe('buildRobots', () => {
	it('allows the public pages, keeps crawlers out of the private areas and points to the sitemap', () => {
		const text = buildRobots('https://spolu.example');
		const lines = text.split('\n');
		expect(lines[0]).toBe('User-agent: *');
		expect(lines).toContain('Allow: /');
		for (const path of ['/needs', '/coordinator', '/profile', '/fund', '/dues', '/votes', '/api', '/login'])
			expect(lines).toContain(`Disallow: ${path}`);
		expect(lines).not.toContain('Disallow: /stories');
		expect(lines).toContain('Sitemap: https://spolu.example/sitemap.xml');
	});
});
