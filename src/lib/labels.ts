import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { regionName, regions } from '$lib/regions';
import type { Role } from '$lib/roles';

/** Names of roles and kinds of organisation in the current language (or the one given, for e-mail). */
type Locale = 'cs' | 'en';
type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const roleNames: Record<Role, Message> = {
	social_worker: m.role_social_worker,
	member: m.role_member,
	coordinator: m.role_coordinator,
	donor: m.role_donor
};

const kindNames: Record<string, Message> = {
	intervention_centre: m.org_kind_intervention_centre,
	child_protection: m.org_kind_child_protection,
	ngo: m.org_kind_ngo,
	other: m.org_kind_other
};

export const roleName = (role: string, locale?: Locale): string =>
	role in roleNames ? roleNames[role as Role]({}, { locale }) : role;

export const organisationKindName = (kind: string, locale?: Locale): string =>
	kindNames[kind]?.({}, { locale }) ?? kind;

const statusNames: Record<string, Message> = {
	pending_email: m.people_status_pending_email,
	pending_approval: m.people_status_pending_approval,
	active: m.people_status_active,
	deactivated: m.people_status_deactivated
};

export const statusName = (status: string): string => statusNames[status]?.() ?? status;

/** Times in the club's time zone, so the server's rendering and the browser's agree. */
export const formatTime = (date: Date) =>
	new Intl.DateTimeFormat(getLocale(), {
		dateStyle: 'short',
		timeStyle: 'medium',
		timeZone: 'Europe/Prague'
	}).format(date);

export const formatDate = (date: Date) =>
	new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: 'Europe/Prague' }).format(date);

/** A calendar day as the database gives it ("2026-11-26"), in words; noon keeps it the same day in Prague. */
export const formatDay = (day: string) => formatDate(new Date(`${day}T12:00:00Z`));

/** Options for selects. */
export const regionOptions = () => regions.map((code) => ({ value: code, label: regionName(code) }));
export const kindOptions = () =>
	(['intervention_centre', 'child_protection', 'ngo', 'other'] as const).map((kind) => ({
		value: kind,
		label: organisationKindName(kind)
	}));
