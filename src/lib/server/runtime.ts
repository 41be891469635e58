import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publicOrigin, type Config } from './config';
import { systemContext, type Environment } from './core/context';
import { createClient, type Db } from './db/client';
import { startEmbedded, type EmbeddedDatabase } from './db/embedded';
import { migrate, type Migration } from './db/migrate';
import { moveDiskFiles } from './files/legacy';
import { publicPagesListener, type PublicPagesListener } from './http/page-cache-listen';
import { DEMO_IBAN, initialiseDatabase } from './demo';
import { JobRunner, type JobDefinition } from './jobs/runner';
import { log, setLogLevel } from './log';
import type Stripe from 'stripe';
import { stripeClient } from './payments/stripe/client';
import { cardTestModeAllowed, testModeStripe } from './payments/stripe/test-mode';
import { generateKey, parseKeyRing, type KeyRing } from './privacy/encryption';

/**
 * What one Spolu process holds: the database client, the embedded database when there is no server,
 * and the job runner. Kept on globalThis so that a module reload in `vite dev` reuses it instead of
 * opening the embedded database a second time.
 */
export interface Runtime {
	config: Config;
	keys: KeyRing;
	/** what every context of this process is built from: the public address, the keys, the clock */
	environment: Environment;
	sql: Db;
	embedded: EmbeddedDatabase | undefined;
	jobs: JobRunner | undefined;
	demo: boolean;
	/** keeps the public page cache (scripts/serve.js) told of every change to what public pages show */
	publicPages?: PublicPagesListener;
}

const holder = globalThis as unknown as { __spolu?: { runtime?: Runtime; starting?: Promise<Runtime> } };
const slot = (holder.__spolu ??= {});

export interface StartOptions {
	config: Config;
	/** in `vite dev`: the dev server's port, the public address when ORIGIN is not set */
	dev?: { port: number } | null;
	migrations: Migration[];
	jobs: JobDefinition[];
}

export function startRuntime(options: StartOptions): Promise<Runtime> {
	slot.starting ??= start(options).catch((e) => {
		slot.starting = undefined;
		throw e;
	});
	return slot.starting;
}

async function start({ config, dev, migrations, jobs }: StartOptions): Promise<Runtime> {
	setLogLevel(config.logLevel);
	// before anything starts: without a public address e-mails could not link back to Spolu
	const origin = publicOrigin(config, dev ?? null);
	let embedded: EmbeddedDatabase | undefined;
	let url = config.databaseUrl;
	const keys = config.encryptionKeys ?? embeddedKeyRing(config.dataDir);
	if (!url) {
		embedded = await startEmbedded(config.dataDir);
		url = embedded.url;
		log.info('embedded database started', { dir: config.dataDir });
	}
	// The embedded server serves exactly one connection: one client, one connection. That connection
	// also listens for changes of the public pages (a server gets a listening connection of its own).
	const publicPages = publicPagesListener();
	const sql = createClient(url, {
		max: embedded ? 1 : config.databasePoolMax,
		...(embedded ? publicPages.sameConnection : {})
	});
	try {
		const applied = await migrate(sql, migrations);
		if (applied.length) log.info('migrations applied', { count: applied.length, last: applied.at(-1) });
		// files an older version kept in this instance's data directory move into the database, once
		await moveDiskFiles(sql, keys, config.dataDir);
		const { demo } = await initialiseDatabase(sql, {
			loadDemo: config.demo ?? Boolean(embedded),
			keys,
			origin
		});
		const environment: Environment = { origin, keys, bankIban: config.bankIban ?? (demo ? DEMO_IBAN : null) };
		// after migrations (0024 adds the triggers) and demo data: the cache starts empty and then listens
		await publicPages.start(
			sql,
			embedded
				? { sameConnection: true }
				: { sameConnection: false, connect: (listening) => createClient(url, { max: 1, ...listening }) }
		);
		const runner = config.jobs.enabled
			? new JobRunner(systemContext(sql, environment), { pollMs: config.jobs.pollMs })
			: undefined;
		// Published before the first job runs: jobs read the runtime (configuration, keys).
		slot.runtime = { config, keys, environment, sql, embedded, jobs: runner, demo, publicPages };
		if (runner) {
			for (const definition of jobs) runner.register(definition);
			await runner.start();
		}
		return slot.runtime;
	} catch (e) {
		await publicPages.stop();
		await sql.end({ timeout: 5 });
		await embedded?.close();
		throw e;
	}
}

/**
 * Without DATA_ENCRYPTION_KEY (only allowed on the embedded database) the key lives beside the data,
 * generated on first start: enough for trying Spolu, and the README tells production to set the key.
 */
function embeddedKeyRing(dataDir: string): KeyRing {
	mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
	const file = join(resolve(dataDir), 'encryption.key');
	if (!existsSync(file)) writeFileSync(file, generateKey() + '\n', { mode: 0o600, flag: 'wx' });
	return parseKeyRing(readFileSync(file, 'utf8').trim());
}

/** The running runtime; throws when called before start-up finished. */
export function runtime(): Runtime {
	if (!slot.runtime) throw new Error('Spolu has not started yet');
	return slot.runtime;
}

/**
 * The club's account for bank transfers: BANK_IBAN, or in demo mode the Czech National Bank's example
 * account (it belongs to nobody, so no real money can be sent to it by mistake); null hides bank transfer.
 */
export const bankIban = (): string | null => runtime().environment.bankIban ?? null;

/**
 * Stripe, when STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set; on a demo database without them, the
 * local test mode (payments/stripe/test-mode.ts) so that card giving can be tried; otherwise null, which
 * hides card payments.
 */
export function stripe(): { client: Stripe; webhookSecret: string } | null {
	const settings = runtime().config.stripe;
	if (settings) return { client: stripeClient(settings), webhookSecret: settings.webhookSecret };
	return cardTestMode() ? (testClient ??= testModeStripe()) : null;
}

let testClient: { client: Stripe; webhookSecret: string } | undefined;

/** Whether card payments run in the local test mode (see `stripe`). */
export const cardTestMode = (): boolean => !runtime().config.stripe && cardTestModeAllowed(runtime().demo);

/** Whether staff must use a second factor: SPOLU_REQUIRE_2FA, by default on except in demo mode. */
export const twoFactorRequired = (): boolean => runtime().config.require2fa ?? !runtime().demo;

/** The database client of this process. */
export const db = (): Db => runtime().sql;

/** The keys stored files (attachments, receipts, proofs, photos) are encrypted with. */
export const attachmentStore = () => ({ keys: runtime().keys });

/** Stops jobs, closes the database client and, in embedded mode, flushes and closes PGlite. */
export async function stopRuntime() {
	const r = slot.runtime;
	if (!r) return;
	// The job in flight still reads the runtime (configuration, keys): it finishes before the runtime goes.
	await r.jobs?.stop();
	slot.runtime = undefined;
	slot.starting = undefined;
	await r.publicPages?.stop();
	await r.sql.end({ timeout: 5 });
	await r.embedded?.close();
	log.info('stopped');
}

/** True when the database answers within `timeoutMs`. */
export async function databaseIsUp(timeoutMs = 2000): Promise<boolean> {
	const r = slot.runtime;
	if (!r) return false;
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			r.sql`select 1 as ok`.then(() => true),
			new Promise<boolean>((resolve) => {
				timer = setTimeout(() => resolve(false), timeoutMs);
			})
		]);
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
}
