/*
 * The three calls Spolu makes to Fio's API bankovnictví (documented in Fio's API_Bankovnictvi.pdf; base
 * https://fioapi.fio.cz/v1/rest since 2024, FIO_API_URL):
 *
 * - `/last/{token}/transactions.json`: the movements since the last download. Fio moves its mark for the
 *   token to the last movement it hands out, whether the caller manages to keep them or not.
 * - `/set-last-id/{token}/{id}/`: the next download starts after movement `id`.
 * - `/set-last-date/{token}/{yyyy-mm-dd}/`: the next download starts with that day's first movement.
 *
 * Fio answers each token at most once per 30 seconds (409 Conflict when called sooner); the caller
 * (sync.ts) keeps the time of each call in the database. The token is part of every URL: no URL, no
 * response body and no error message of the network stack leaves this module.
 */

/** What Fio's answer means for Spolu. */
export type FioProblem =
	/** 409: called within 30 s of the last call with this token; nothing happened at Fio */
	| 'rate_limited'
	/** 500: Fio's documented answer to a token it does not know, or one expired or revoked */
	| 'token_rejected'
	/** 422: movements older than 90 days need an extra authorisation in the internet banking */
	| 'too_old'
	/** 413: more than 50,000 movements in one download */
	| 'too_many'
	/** the network, a timeout, or another answer */
	| 'unavailable';

export type FioAnswer<T> = { ok: true; value: T } | { ok: false; problem: FioProblem; status: number | null };

export interface FioClient {
	/** the JSON text of the movements since the last download */
	last(): Promise<FioAnswer<string>>;
	setLastId(id: number): Promise<FioAnswer<null>>;
	setLastDate(day: string): Promise<FioAnswer<null>>;
}

/** Fio's tokens: 64 letters and digits. */
export const FIO_TOKEN = /^[A-Za-z0-9]{64}$/;

/** A download of a few thousand movements takes Fio seconds; beyond this the call counts as failed. */
const TIMEOUT_MS = 60_000;

const problemOf = (status: number): FioProblem =>
	status === 409
		? 'rate_limited'
		: status === 500
			? 'token_rejected'
			: status === 422
				? 'too_old'
				: status === 413
					? 'too_many'
					: 'unavailable';

export function fioClient(baseUrl: string, token: string, options: { timeoutMs?: number } = {}): FioClient {
	if (!FIO_TOKEN.test(token)) throw new Error('not a Fio API token');
	const base = baseUrl.replace(/\/+$/, '');
	const call = async (path: string): Promise<FioAnswer<string>> => {
		let response: Response;
		try {
			response = await fetch(`${base}/${path}`, {
				headers: { accept: 'application/json' },
				redirect: 'error',
				signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS)
			});
		} catch {
			// the error would name the URL, and with it the token
			return { ok: false, problem: 'unavailable', status: null };
		}
		let body: string;
		try {
			body = await response.text();
		} catch {
			return { ok: false, problem: 'unavailable', status: response.status };
		}
		if (response.status !== 200)
			return { ok: false, problem: problemOf(response.status), status: response.status };
		return { ok: true, value: body };
	};
	const done = (answer: FioAnswer<string>): FioAnswer<null> =>
		answer.ok ? { ok: true, value: null } : answer;
	return {
		last: () => call(`last/${token}/transactions.json`),
		setLastId: async (id) => {
			if (!Number.isSafeInteger(id) || id < 1) throw new Error('not a movement id');
			return done(await call(`set-last-id/${token}/${id}/`));
		},
		setLastDate: async (day) => {
			if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error('not a day');
			return done(await call(`set-last-date/${token}/${day}/`));
		}
	};
}
