/*
 * The club lives in Prague: a time typed into <input type="datetime-local"> means Prague's wall clock,
 * whatever the zone of the server or of the browser.
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
