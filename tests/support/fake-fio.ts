import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of the Fio API bankovnictví (https://fioapi.fio.cz/v1/rest) endpoints Spolu calls, on 127.0.0.1,
 * written from Fio's documentation (API_Bankovnictvi.pdf, "Pohyby na účtu od posledního stažení",
 * "Nastavení zarážky", "Známé chybové stavy"):
 *
 * - `GET /last/{token}/transactions.json`: the movements after the token's mark, in Fio's JSON shape
 *   (`accountStatement.info` and `transactionList.transaction[]` of `columnN: {value, name, id} | null`);
 *   the mark then moves to the last movement handed out.
 * - `GET /set-last-id/{token}/{id}/`: the next download starts after movement `id`.
 * - `GET /set-last-date/{token}/{yyyy-mm-dd}/`: the next download starts with the day's first movement.
 * - Each token may be used once per 30 seconds: a call sooner is answered `409 Conflict` (and does not
 *   count as a call). A token Fio does not know is answered `500` (Fio's answer to a wrong or expired
 *   token).
 *
 * The clock is the test's (`now`), so tests step over the 30 seconds without waiting.
 */

export interface FakeFioMovement {
	/** ID pohybu */
	id: number;
	/** YYYY-MM-DD, a Prague calendar day */
	date: string;
	/** as Fio writes it in the JSON: a decimal number, "1500.00", "-250.5" */
	amount: string;
	currency?: string;
	/** Protiúčet, with its prefix ("19-2000145399") or an IBAN for a foreign account */
	counterAccount?: string | null;
	/** Kód banky */
	bankCode?: string | null;
	/** Název protiúčtu */
	counterName?: string | null;
	vs?: string | null;
	ks?: string | null;
	ss?: string | null;
	/** Uživatelská identifikace */
	userIdentification?: string | null;
	/** Zpráva pro příjemce */
	message?: string | null;
	/** Typ, e.g. "Bezhotovostní příjem" */
	type?: string;
	comment?: string | null;
	/** ID pokynu */
	instructionId?: number | null;
}

export interface FakeFioAccount {
	accountId: string;
	bankId: string;
	iban: string;
	bic: string;
	currency: string;
	/** haléře, before the first movement */
	openingBalance: number;
}

export interface FakeFioCall {
	endpoint: 'last' | 'set-last-id' | 'set-last-date' | 'other';
	token: string;
	/** the argument of set-last-id / set-last-date */
	argument: string | null;
	status: number;
	at: number;
}

export interface FakeFio {
	/** the base URL, as FIO_API_URL: http://127.0.0.1:port/v1/rest */
	url: string;
	calls: FakeFioCall[];
	/** Fio's mark for the token: the id of the last movement handed out, null before the first one */
	mark(token: string): number | null;
	/** A token for its own account, or for the account of `sharesWith` (a second token for it). */
	addToken(token: string, account?: Partial<FakeFioAccount>, sharesWith?: string): void;
	/** Books movements on the account of `token`. */
	book(token: string, ...movements: FakeFioMovement[]): void;
	/** Answers the next `n` calls with this status, whatever they are (a Fio outage). */
	failNext(status: number, n?: number): void;
	close(): Promise<void>;
}

export const FIO_WINDOW_MS = 30_000;

const DEFAULT_ACCOUNT: FakeFioAccount = {
	accountId: '2900123451',
	bankId: '2010',
	iban: 'CZ2720100000002900123451',
	bic: 'FIOBCZPPXXX',
	currency: 'CZK',
	openingBalance: 1_000_000
};

interface AccountState {
	account: FakeFioAccount;
	movements: FakeFioMovement[];
}

interface TokenState {
	state: AccountState;
	/** undefined: never set, the first download gives everything */
	mark: number | null | undefined;
	lastCallAt: number | null;
}

/** Prague's offset on a day, as Fio writes it after its dates ("+0100", "+0200"). */
function pragueOffset(day: string): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/Prague',
		timeZoneName: 'longOffset'
	}).formatToParts(new Date(`${day}T12:00:00Z`));
	const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
	const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	return m ? `${m[1]}${m[2]}${m[3]}` : '+0100';
}

const fioDate = (day: string) => `${day}${pragueOffset(day)}`;

/** haléře as Fio's decimal number text */
const decimal = (halere: number) =>
	`${halere < 0 ? '-' : ''}${Math.trunc(Math.abs(halere) / 100)}.${String(Math.abs(halere) % 100).padStart(2, '0')}`;

const toHalere = (amount: string) => {
	const [whole, frac = ''] = amount.replace('-', '').split('.');
	const value = Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
	return amount.startsWith('-') ? -value : value;
};

/**
 * The JSON text of a download. Amounts go out as Fio writes them (`127.00`), not as JavaScript would
 * print the number, so the client's reading of decimals is tested on the real text.
 */
function statementJson(state: AccountState, movements: FakeFioMovement[], before: number | null): string {
	const raw: string[] = [];
	const number = (text: string) => {
		raw.push(text);
		return `__raw_${raw.length - 1}__`;
	};
	const column = (id: number, name: string, value: unknown) =>
		value === null || value === undefined ? null : { value, name, id };
	const sumBefore = state.movements
		.filter((m) => before !== null && m.id <= before)
		.reduce((s, m) => s + toHalere(m.amount), 0);
	const opening = state.account.openingBalance + sumBefore;
	const closing = opening + movements.reduce((s, m) => s + toHalere(m.amount), 0);
	const days = movements.map((m) => m.date).sort();
	const today = new Date().toISOString().slice(0, 10);
	const body = {
		accountStatement: {
			info: {
				accountId: state.account.accountId,
				bankId: state.account.bankId,
				currency: state.account.currency,
				iban: state.account.iban,
				bic: state.account.bic,
				openingBalance: number(decimal(opening)),
				closingBalance: number(decimal(closing)),
				dateStart: fioDate(days[0] ?? today),
				dateEnd: fioDate(days.at(-1) ?? today),
				yearList: null,
				idList: null,
				idFrom: movements[0]?.id ?? null,
				idTo: movements.at(-1)?.id ?? null,
				idLastDownload: before
			},
			transactionList: {
				transaction: movements.map((m) => ({
					column22: column(22, 'ID pohybu', m.id),
					column0: column(0, 'Datum', fioDate(m.date)),
					column1: column(1, 'Objem', number(m.amount)),
					column14: column(14, 'Měna', m.currency ?? state.account.currency),
					column2: column(2, 'Protiúčet', m.counterAccount),
					column10: column(10, 'Název protiúčtu', m.counterName),
					column3: column(3, 'Kód banky', m.bankCode),
					column12: column(12, 'Název banky', m.bankCode === '2010' ? 'Fio banka, a.s.' : null),
					column4: column(4, 'KS', m.ks),
					column5: column(5, 'VS', m.vs),
					column6: column(6, 'SS', m.ss),
					column7: column(7, 'Uživatelská identifikace', m.userIdentification),
					column16: column(16, 'Zpráva pro příjemce', m.message),
					column8: column(8, 'Typ', m.type ?? 'Bezhotovostní příjem'),
					column9: null,
					column18: null,
					column25: column(25, 'Komentář', m.comment),
					column26: null,
					column17: column(17, 'ID pokynu', m.instructionId)
				}))
			}
		}
	};
	return JSON.stringify(body).replace(/"__raw_(\d+)__"/g, (_, i: string) => raw[Number(i)]!);
}

export async function startFakeFio(options: { now?: () => number } = {}): Promise<FakeFio> {
	const now = options.now ?? (() => Date.now());
	const tokens = new Map<string, TokenState>();
	const calls: FakeFioCall[] = [];
	let failures: { status: number; left: number } | null = null;

	const answer = (res: http.ServerResponse, status: number, body = '', type = 'text/plain') => {
		res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
		res.end(body);
	};

	const server = http.createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		const match = /^\/v1\/rest\/(last|set-last-id|set-last-date)\/([^/]+)\/(?:([^/]+)\/)?(.*)$/.exec(path);
		const endpoint = (match?.[1] ?? 'other') as FakeFioCall['endpoint'];
		const token = decodeURIComponent(match?.[2] ?? '');
		const argument = match?.[3] ?? null;
		const rest = match?.[4] ?? '';
		const record = (status: number) => calls.push({ endpoint, token, argument, status, at: now() });

		if (req.method !== 'GET' || !match) {
			record(404);
			return answer(res, 404, 'Not Found');
		}
		const valid =
			endpoint === 'last'
				? argument === null && rest === 'transactions.json'
				: argument !== null && rest === '';
		if (!valid) {
			record(404);
			return answer(res, 404, 'Not Found');
		}
		const t = tokens.get(token);
		if (!t) {
			record(500);
			return answer(
				res,
				500,
				'The server encountered an internal error that prevented it from fulfilling this request.'
			);
		}
		if (t.lastCallAt !== null && now() - t.lastCallAt < FIO_WINDOW_MS) {
			record(409);
			return answer(res, 409, 'Conflict');
		}
		if (failures && failures.left > 0) {
			failures.left--;
			t.lastCallAt = now();
			record(failures.status);
			return answer(res, failures.status, 'Service Unavailable');
		}
		t.lastCallAt = now();
		const movements = t.state.movements;
		if (endpoint === 'set-last-id') {
			if (!/^\d+$/.test(argument!)) {
				record(404);
				return answer(res, 404, 'Not Found');
			}
			t.mark = Number(argument);
			record(200);
			return answer(res, 200);
		}
		if (endpoint === 'set-last-date') {
			if (!/^\d{4}-\d{2}-\d{2}$/.test(argument!)) {
				record(404);
				return answer(res, 404, 'Not Found');
			}
			// the next download starts with the first movement of that day
			const before = movements.filter((m) => m.date < argument!);
			t.mark = before.length ? Math.max(...before.map((m) => m.id)) : null;
			record(200);
			return answer(res, 200);
		}
		const mark = t.mark;
		const fresh = movements.filter((m) => mark === undefined || mark === null || m.id > mark);
		const before = mark ?? null;
		if (fresh.length) t.mark = fresh.at(-1)!.id;
		else if (t.mark === undefined) t.mark = null;
		record(200);
		return answer(res, 200, statementJson(t.state, fresh, before), 'application/json');
	});

	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;

	const tokenState = (token: string) => {
		const t = tokens.get(token);
		if (!t) throw new Error('fake Fio: unknown token');
		return t;
	};

	return {
		url: `http://127.0.0.1:${port}/v1/rest`,
		calls,
		mark: (token) => tokenState(token).mark ?? null,
		addToken(token, account = {}, sharesWith) {
			const state = sharesWith
				? tokenState(sharesWith).state
				: { account: { ...DEFAULT_ACCOUNT, ...account }, movements: [] };
			tokens.set(token, { state, mark: undefined, lastCallAt: null });
		},
		book(token, ...movements) {
			const state = tokenState(token).state;
			state.movements.push(...movements);
			state.movements.sort((a, b) => a.id - b.id);
		},
		failNext(status, n = 1) {
			failures = { status, left: n };
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((e) => (e ? reject(e) : resolve()));
			})
	};
}
