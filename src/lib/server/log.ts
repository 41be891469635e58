/**
 * A small leveled logger writing one line per event to stdout/stderr.
 * Fields are for ids, counts and durations. Never pass a client's data, a token or a contact detail.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

let threshold: Level = (process.env.LOG_LEVEL as Level | undefined) ?? 'info';
if (!(threshold in order)) threshold = 'info';

export function setLogLevel(level: Level) {
	threshold = level;
}

type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, message: string, fields?: Fields) {
	if (order[level] < order[threshold]) return;
	const parts = [new Date().toISOString(), level.toUpperCase(), message];
	for (const [k, v] of Object.entries(fields ?? {})) {
		if (v !== undefined) parts.push(`${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : v}`);
	}
	const line = parts.join(' ') + '\n';
	if (order[level] >= order.warn) process.stderr.write(line);
	else process.stdout.write(line);
}

export const log = {
	debug: (message: string, fields?: Fields) => write('debug', message, fields),
	info: (message: string, fields?: Fields) => write('info', message, fields),
	warn: (message: string, fields?: Fields) => write('warn', message, fields),
	error: (message: string, fields?: Fields) => write('error', message, fields)
};
