/** The club's days run in Prague time: a date filter means midnight to midnight there. */
const prague = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/Prague',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

/** How far Prague's wall clock is ahead of UTC at instant `t` (ms). */
function offsetAt(t: number): number {
	const parts = Object.fromEntries(prague.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
	const wall = Date.UTC(
		+parts.year!,
		+parts.month! - 1,
		+parts.day!,
		+parts.hour!,
		+parts.minute!,
		+parts.second!
	);
	return wall - Math.floor(t / 1000) * 1000;
}

/** The instant a `YYYY-MM-DD` day starts in Prague, `days` later; null for anything else. */
export function pragueDayStart(date: string, days = 0): Date | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!match) return null;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const utc = Date.UTC(y, mo - 1, d);
	const check = new Date(utc);
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
	const wallMidnight = utc + days * 86_400_000;
	// Two rounds settle the offset also on the days clocks change.
	let t = wallMidnight - offsetAt(wallMidnight);
	t = wallMidnight - offsetAt(t);
	return new Date(t);
}
