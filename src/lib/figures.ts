import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/*
 * How every public figure is written (figures/public-figures.ts defines them): the home page, /impact,
 * /transparency, the charts' tables and both CSV downloads use these, so a hidden small count reads the
 * same everywhere and a median is the same whole number everywhere.
 */

type Locale = 'cs' | 'en';

const formats = new Map<string, Intl.NumberFormat>();
const number = (n: number, locale: Locale) => {
	const tag = locale === 'en' ? 'en-GB' : 'cs-CZ';
	let format = formats.get(tag);
	if (!format) formats.set(tag, (format = new Intl.NumberFormat(tag)));
	return format.format(n);
};

/** The words of a count the small-number rule hides: "méně než 3". */
export const fewerThanThree = (locale: Locale = getLocale() as Locale) =>
	m.figures_fewer_than_three({}, { locale });

/** A public count on a page: null (hidden by the small-number rule) → "méně než 3", else "1 234". */
export function formatPublicCount(n: number | null, locale: Locale = getLocale() as Locale): string {
	return n === null ? fewerThanThree(locale) : number(n, locale);
}

/** The median days on a page: "–" before the first delivery, else the whole number of days. */
export function formatMedianDays(n: number | null, locale: Locale = getLocale() as Locale): string {
	return n === null ? '–' : number(n, locale);
}

/** A public count in a CSV cell: a plain number a spreadsheet reads, or "méně než 3" when hidden. */
export function csvPublicCount(n: number | null, locale: Locale = getLocale() as Locale): string | number {
	return n === null ? fewerThanThree(locale) : n;
}

/** The median days in a CSV cell: empty before the first delivery. */
export const csvMedianDays = (n: number | null): number | null => n;
