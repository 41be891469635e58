import postgres from 'postgres';

/**
 * int8 (bigint) columns arrive as JavaScript numbers. Money is integer haléře, far below 2^53, and a
 * number keeps arithmetic and JSON simple; a value that would lose precision fails loudly instead.
 */
const int8 = {
	to: 20,
	from: [20],
	serialize: (value: number | bigint) => value.toString(),
	parse: (value: string) => {
		const n = Number(value);
		if (!Number.isSafeInteger(n))
			throw new RangeError(`int8 value ${value} is outside the safe integer range`);
		return n;
	}
};

export type Db = postgres.Sql<{ int8: number }>;
export type Tx = postgres.TransactionSql<{ int8: number }>;
/** A handle that runs queries: the client itself or a transaction from `sql.begin`. */
export type Queryable = Db | Tx;

export interface ClientOptions {
	/** Connections in the pool; 1 for the embedded database, which serves one connection. */
	max?: number;
	/** Seconds to wait for a connection before a query fails. */
	connectTimeout?: number;
	/** Notifications of a LISTEN on this client's own connection (the embedded database's one connection). */
	onnotify?: (channel: string, payload: string) => void;
	/** A connection closed (with it, any LISTEN it had). */
	onclose?: () => void;
}

export function createClient(url: string, options: ClientOptions = {}): Db {
	return postgres(url, {
		max: options.max ?? 10,
		connect_timeout: options.connectTimeout ?? 10,
		idle_timeout: 0,
		onnotice: () => {},
		...(options.onnotify ? { onnotify: options.onnotify } : {}),
		...(options.onclose ? { onclose: options.onclose } : {}),
		types: { int8 }
	}) as unknown as Db;
}
