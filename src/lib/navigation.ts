import { m } from '$lib/paraglide/messages';
import { roles as everyRole, type Role } from '$lib/roles';

export interface NavItem {
	href: string;
	label: () => string;
	/** shown only to people holding one of these roles; everyone sees an item without roles */
	roles?: readonly Role[];
	/**
	 * shown only to signed-out visitors: the pages about the club, which the footer links for everyone,
	 * would push a signed-in person's own pages onto a second line
	 */
	signedOutOnly?: boolean;
}

/** The main navigation, in order. Each part of Spolu adds the pages of its roles here. */
export const mainNavigation: NavItem[] = [
	{ href: '/', label: () => m.nav_home() },
	// what waits for a signed-in person in each of their roles
	{ href: '/start', label: () => m.start_nav(), roles: everyRole },
	{ href: '/how-it-works', label: () => m.nav_how(), signedOutOnly: true },
	{ href: '/stories', label: () => m.nav_stories() },
	{ href: '/collections', label: () => m.nav_collections() },
	{ href: '/give', label: () => m.nav_give() },
	{ href: '/impact', label: () => m.nav_impact(), signedOutOnly: true },
	{ href: '/transparency', label: () => m.nav_transparency(), signedOutOnly: true },
	{ href: '/help', label: () => m.nav_help(), signedOutOnly: true },
	{ href: '/needs', label: () => m.need_nav(), roles: ['social_worker'] },
	{ href: '/votes', label: () => m.votes_nav(), roles: ['member'] },
	{ href: '/fund', label: () => m.nav_fund(), roles: ['member', 'coordinator'] },
	{ href: '/dues', label: () => m.nav_dues(), roles: ['member'] },
	{ href: '/profile/gifts', label: () => m.nav_my_gifts(), roles: ['donor', 'member'] },
	{ href: '/coordinator/needs', label: () => m.triage_nav(), roles: ['coordinator'] },
	{ href: '/coordinator/stories', label: () => m.nav_story_review(), roles: ['coordinator'] },
	{ href: '/coordinator/money', label: () => m.nav_money(), roles: ['coordinator'] },
	{ href: '/coordinator/people', label: () => m.people_nav(), roles: ['coordinator'] },
	{ href: '/coordinator/organisations', label: () => m.org_nav(), roles: ['coordinator'] },
	{ href: '/coordinator/outbox', label: () => m.outbox_title(), roles: ['coordinator'] },
	{ href: '/coordinator/settings', label: () => m.settings_nav(), roles: ['coordinator'] },
	{ href: '/coordinator/audit', label: () => m.audit_nav(), roles: ['coordinator'] }
];

/** The items a person with `roles` (none when signed out) may see. */
export function navigationFor(roles: readonly Role[], items: readonly NavItem[] = mainNavigation): NavItem[] {
	return items.filter((item) =>
		item.signedOutOnly ? roles.length === 0 : !item.roles || item.roles.some((r) => roles.includes(r))
	);
}

/** Whether `href` is the current page or a section containing it. */
export function isCurrent(href: string, pathname: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(href + '/');
}
