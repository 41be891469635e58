/*
 * The Prague calendar, the one implementation for the whole of Spolu (server and pages). The club lives
 * in Prague: "today", a day of the ledger, the year of a confirmation of gifts and a time typed into
 * <input type="datetime-local"> all mean Prague's wall clock, whatever the zone of the server or of the
 * browser, and stay right on the days the clocks change.
 *
 * Days are `YYYY-MM-DD` strings (they compare as the days do), never a Date with a time of day: a gift
 * received on the 1st must not slip to the 31st in another time zone.
 */

const zone = 'Europe/Prague';
const day = 24 * 60 * 60 * 1000;

const parts = new Intl.DateTimeFormat('en-US', {
	timeZone: zone,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** How far Prague's wall clock is ahead of UTC at the instant `t` (ms since the epoch), in ms. */
function offsetAt(t: number): number {
	const p = Object.fromEntries(parts.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
	const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
	return wall - Math.floor(t / 1000) * 1000;
}

/**
 * The instant of a Prague wall-clock time `yyyy-mm-ddThh:mm` (seconds optional); null when the text is
 * no such time. A time that occurs twice (the autumn hour repeated) is its first occurrence; a time
 * that does not exist (the spring hour skipped) is moved forward by the skipped hour, as clocks do.
 */
export function pragueLocalToDate(local: string): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
	if (!match) return null;
	const [y, mo, d, h, mi, s] = match.slice(1).map((v) => Number(v ?? 0)) as [
		number,
		number,
		number,
		number,
		number,
		number
	];
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s);
	// Date.UTC rolls 31 February over into March: such a day does not exist
	if (new Date(wall).getUTCDate() !== d || new Date(wall).getUTCFullYear() !== y) return null;
	// Prague has at most two offsets around any moment: the one of the day before and of the day after
	const before = offsetAt(wall - day);
	const after = offsetAt(wall + day);
	for (const offset of [...new Set([before, after])].sort((a, b) => b - a)) {
		if (offsetAt(wall - offset) === offset) return new Date(wall - offset);
	}
	return new Date(wall - before);
}

/** An instant as a datetime-local value in Prague, to fill such an input with. */
export function pragueLocalOf(at: Date): string {
	return new Date(at.getTime() + offsetAt(at.getTime())).toISOString().slice(0, 16);
}

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
	timeZone: zone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The Prague calendar day of an instant, `YYYY-MM-DD`; by default today. */
export const pragueDay = (at: Date = new Date()): string => dayFormat.format(at);

/** The Prague calendar year of an instant; by default this year. */
export const pragueYear = (at: Date = new Date()): number => Number(pragueDay(at).slice(0, 4));

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written as YYYY-MM-DD (from the year 2000 on). */
export function isDay(text: string): boolean {
	const match = DAY.exec(text);
	if (!match) return false;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const check = new Date(Date.UTC(y, mo - 1, d));
	return (
		y >= 2000 && check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
	);
}

/** The day `days` after (or before, when negative) a day, as calendar days, not 24-hour steps. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T12:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The instant a Prague day begins (midnight there: 23:00 or 22:00 UTC the day before). */
export function pragueDayStart(day: string): Date {
	const start = pragueLocalToDate(`${day}T00:00`);
	if (!start) throw new Error(`not a day: ${day}`);
	return start;
}

/** Noon UTC of the day: formatting it in Prague time never moves it to a neighbouring day. */
export const dayAsDate = (day: string) => new Date(`${day}T12:00:00Z`);

export type PeriodProblem = 'from_invalid' | 'to_invalid' | 'order' | 'too_long';

/** A report's period: both days valid, in order, and at most ten years apart. */
export function checkPeriod(from: string, to: string): PeriodProblem | null {
	if (!isDay(from)) return 'from_invalid';
	if (!isDay(to)) return 'to_invalid';
	if (from > to) return 'order';
	// the same day ten years on is still in; the strings compare as the days do
	if (to > `${Number(from.slice(0, 4)) + 10}${from.slice(4)}`) return 'too_long';
	return null;
}
