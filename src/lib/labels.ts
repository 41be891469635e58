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

/**
 * Dates and times in the club's time zone, so the server's rendering and the browser's agree. Czech as
 * Czechs write it ("1. 12. 2026 22:23"), English as in Britain ("1 December 2026, 22:23"): day before
 * month, a 24-hour clock, no seconds. The formatters are built once per language: building one costs far
 * more than using it, and long tables format hundreds of dates.
 */
interface DateFormats {
	date: Intl.DateTimeFormat;
	time: Intl.DateTimeFormat;
	/** between the date and the time */
	joiner: string;
}

const timeZone = 'Europe/Prague';
const dateFormats = new Map<Locale, DateFormats>();

function formatsFor(locale: Locale): DateFormats {
	let formats = dateFormats.get(locale);
	if (!formats) {
		formats =
			locale === 'en'
				? {
						date: new Intl.DateTimeFormat('en-GB', {
							day: 'numeric',
							month: 'long',
							year: 'numeric',
							timeZone
						}),
						time: new Intl.DateTimeFormat('en-GB', {
							hour: '2-digit',
							minute: '2-digit',
							hourCycle: 'h23',
							timeZone
						}),
						joiner: ', '
					}
				: {
						date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }),
						time: new Intl.DateTimeFormat(locale, { timeStyle: 'short', hourCycle: 'h23', timeZone }),
						joiner: ' '
					};
		dateFormats.set(locale, formats);
	}
	return formats;
}

/** A moment: "1. 12. 2026 22:23" / "1 December 2026, 22:23". */
export const formatTime = (date: Date, locale: Locale = getLocale()) => {
	const f = formatsFor(locale);
	return `${f.date.format(date)}${f.joiner}${f.time.format(date)}`;
};

/** A day: "1. 12. 2026" / "1 December 2026". */
export const formatDate = (date: Date, locale: Locale = getLocale()) => formatsFor(locale).date.format(date);

/** A calendar day as the database gives it ("2026-11-26"), in words; noon keeps it the same day in Prague. */
export const formatDay = (day: string, locale: Locale = getLocale()) =>
	formatDate(new Date(`${day}T12:00:00Z`), locale);

/** Options for selects. */
export const regionOptions = () => regions.map((code) => ({ value: code, label: regionName(code) }));
export const kindOptions = () =>
	(['intervention_centre', 'child_protection', 'ngo', 'other'] as const).map((kind) => ({
		value: kind,
		label: organisationKindName(kind)
	}));
