import type { Db } from '../db/client';
import { log } from '../log';
import { PUBLIC_PAGES_CHANNEL, publicPagesRegistry, type PublicPagesRegistry } from './page-cache.js';

/*
 * The runtime's half of the public page cache (src/lib/server/http/page-cache.js): it listens on the
 * channel the triggers of migration 0024 notify on and bumps the registry's version on every change,
 * which drops every kept page at once. PostgreSQL delivers a notification after the writing transaction
 * committed, so the page rendered next shows the new rows.
 *
 * Whenever the listening (re)starts, notifications may have been missed: the version is bumped then too.
 * While nobody listens (before start, after a lost connection until it listens again, after stop) the
 * registry says so and nothing is kept.
 */

/** Options of a client whose connection listens: the notifications, and word that it closed. */
export interface ListeningConnection {
	onnotify(channel: string, payload: string): void;
	onclose(): void;
}

export interface PublicPagesListener {
	/**
	 * Client options for the embedded database, whose one connection also listens: postgres.js hands it
	 * the notifications (and says when the connection, with its LISTEN, was lost).
	 */
	readonly sameConnection: ListeningConnection;
	/**
	 * Starts listening: on the client's own connection (the embedded database), or on a connection of
	 * its own that `connect` opens (a PostgreSQL server). Never throws: without listening nothing is
	 * kept, and Spolu still serves every page.
	 */
	start(
		sql: Db,
		options:
			{ sameConnection: true } | { sameConnection: false; connect: (options: ListeningConnection) => Db }
	): Promise<void>;
	/** Stops keeping pages and closes its own connection (before the database client ends). */
	stop(): Promise<void>;
}

/** After a lost connection, listening is tried again after this long, doubled up to a limit. */
const RETRY_FIRST_MS = 250;
const RETRY_LAST_MS = 30_000;

/*
 * postgres.js has `sql.listen`, but it listens again the instant its connection closes, and a failed
 * connect closes it again: with the database gone that is a loop of connection attempts that starves the
 * event loop, and every request waits (the "database unavailable" page never comes). This listener
 * waits longer after each failure instead.
 */
export function publicPagesListener(
	registry: PublicPagesRegistry = publicPagesRegistry()
): PublicPagesListener {
	let client: Db | undefined;
	let own: Db | undefined;
	let stopped = false;
	let retryMs = RETRY_FIRST_MS;
	let retry: ReturnType<typeof setTimeout> | undefined;
	const changed = () => {
		registry.version++;
	};

	/** LISTEN on the client's connection; after a lost connection, the query reconnects. */
	async function listen() {
		if (!client || stopped) return;
		try {
			await client`listen ${client(PUBLIC_PAGES_CHANNEL)}`;
			if (stopped) return;
			retryMs = RETRY_FIRST_MS;
			registry.listening = true;
			// notifications may have been missed while nobody listened
			changed();
		} catch (e) {
			if (stopped) return;
			log.warn('public pages: cannot listen, nothing is kept', { error: (e as Error).message });
			again();
		}
	}

	function again() {
		if (stopped || retry) return;
		retry = setTimeout(() => {
			retry = undefined;
			void listen();
		}, retryMs);
		retry.unref?.();
		retryMs = Math.min(retryMs * 2, RETRY_LAST_MS);
	}

	const connection: ListeningConnection = {
		onnotify(channel) {
			if (channel === PUBLIC_PAGES_CHANNEL) changed();
		},
		onclose() {
			registry.listening = false;
			changed();
			again();
		}
	};

	return {
		sameConnection: connection,
		async start(sql, options) {
			client = options.sameConnection ? sql : (own = options.connect(connection));
			await listen();
		},
		async stop() {
			stopped = true;
			clearTimeout(retry);
			registry.listening = false;
			changed();
			await own?.end({ timeout: 5 });
		}
	};
}
