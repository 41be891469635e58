/*
 * Days as the club's ledger keeps them: `YYYY-MM-DD` strings in Prague time, never a Date with a time
 * of day (a gift received on the 1st must not slip to the 31st in another time zone).
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written as YYYY-MM-DD. */
export function isDay(text: string): boolean {
	const match = DAY.exec(text);
	if (!match) return false;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const check = new Date(Date.UTC(y, mo - 1, d));
	return (
		y >= 2000 && check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
	);
}

/** Today in Prague. */
export const pragueToday = (now = new Date()) =>
	now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Prague' });

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
