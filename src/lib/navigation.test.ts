import { describe, expect, it } from 'vitest';
import { isCurrent, mainNavigation, navigationFor, type NavItem } from './navigation';

const items: NavItem[] = [
	{ href: '/', label: () => 'home' },
	{ href: '/needs', label: () => 'needs', roles: ['social_worker'] },
	{ href: '/votes', label: () => 'votes', roles: ['member', 'coordinator'] },
	{ href: '/settings', label: () => 'settings', roles: ['coordinator'] }
];
const hrefs = (list: NavItem[]) => list.map((i) => i.href);

describe('navigationFor', () => {
	it('shows a signed-out visitor only the public items', () => {
		expect(hrefs(navigationFor([], items))).toEqual(['/']);
	});

	it('shows a social worker their own area but not the club', () => {
		expect(hrefs(navigationFor(['social_worker'], items))).toEqual(['/', '/needs']);
	});

	it('gives a person holding several roles the items of each, once and in order', () => {
		expect(hrefs(navigationFor(['coordinator', 'member'], items))).toEqual(['/', '/votes', '/settings']);
	});

	it('offers the public pages to everyone, needs to social workers, votes to members and the club administration to coordinators only', () => {
		expect(hrefs(navigationFor([]))).toEqual([
			'/',
			'/how-it-works',
			'/stories',
			'/collections',
			'/give',
			'/impact',
			'/transparency',
			'/help'
		]);
		// signed in, the pages about the club give way to the person's own (the footer links them all)
		const open = ['/', '/start', '/stories', '/collections', '/give'];
		expect(hrefs(navigationFor(['donor']))).toEqual([...open, '/profile/gifts']);
		expect(hrefs(navigationFor(['member']))).toEqual([...open, '/votes', '/fund', '/dues', '/profile/gifts']);
		expect(hrefs(navigationFor(['social_worker']))).toEqual([...open, '/needs']);
		expect(hrefs(navigationFor(['coordinator']))).toEqual([
			...open,
			'/fund',
			'/coordinator/needs',
			'/coordinator/stories',
			'/coordinator/money',
			'/coordinator/people',
			'/coordinator/organisations',
			'/coordinator/outbox',
			'/coordinator/settings',
			'/coordinator/audit'
		]);
		expect(mainNavigation.length).toBe(22);
	});
});

describe('isCurrent', () => {
	it('marks the home item only on the home page', () => {
		expect(isCurrent('/', '/')).toBe(true);
		expect(isCurrent('/', '/privacy')).toBe(false);
	});

	it('marks a section for its sub-pages but not for a page sharing a prefix', () => {
		expect(isCurrent('/needs', '/needs/12')).toBe(true);
		expect(isCurrent('/needs', '/needsx')).toBe(false);
	});
});
