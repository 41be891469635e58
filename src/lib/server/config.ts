import { existsSync } from 'node:fs';
import { z } from 'zod';
import { isValidIban } from './ledger/qr-platba';
import { KeyRingError, parseKeyRing, type KeyRing } from './privacy/encryption';

/**
 * Spolu's configuration, read once from the environment at start-up.
 * Variables read by adapter-node itself (PORT, HOST, ORIGIN, ...) are validated here too, so that a
 * typo stops the server with one clear line instead of a confusing failure later.
 */

const flag = z.enum(['0', '1'], { error: 'must be 0 or 1' });

const port = z
	.string()
	.regex(/^\d{1,5}$/, 'must be a whole number between 0 and 65535')
	.refine((v) => Number(v) <= 65535, 'must be a whole number between 0 and 65535');

const positiveInt = (max: number) =>
	z
		.string()
		.regex(/^\d+$/, `must be a whole number between 1 and ${max}`)
		.transform(Number)
		.refine((v) => v >= 1 && v <= max, `must be a whole number between 1 and ${max}`);

const databaseUrl = z
	.string()
	.refine((v) => /^postgres(ql)?:\/\/.+/.test(v) && URL.canParse(v), 'must be a postgres:// URL');

const origin = z
	.string()
	.refine(
		(v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol) && new URL(v).origin === v,
		'must be an origin such as https://spolu.example.org (scheme and host, no path or trailing slash)'
	);

const bodySize = z.string().regex(/^(\d+[KMG]?|Infinity)$/i, 'must be a size such as 512K, 10M or Infinity');

const schema = z.object({
	DATABASE_URL: databaseUrl.optional(),
	DATABASE_POOL_MAX: positiveInt(100).default(10),
	SPOLU_DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
	SPOLU_DEMO: flag.optional(),
	SPOLU_JOBS: flag.default('1'),
	SPOLU_JOBS_POLL_MS: positiveInt(600_000).default(2000),
	DATA_ENCRYPTION_KEY: z
		.string()
		.transform((v, ctx) => {
			try {
				return parseKeyRing(v);
			} catch (e) {
				ctx.addIssue({ code: 'custom', message: (e as KeyRingError).message });
				return z.NEVER;
			}
		})
		.optional(),
	SPOLU_REQUIRE_2FA: flag.optional(),
	SMTP_URL: z
		.string()
		.refine((v) => /^smtps?:\/\/.+/.test(v) && URL.canParse(v), 'must be an smtp:// or smtps:// URL')
		.optional(),
	BANK_IBAN: z
		.string()
		.transform((v) => v.replace(/\s+/g, '').toUpperCase())
		.refine(isValidIban, 'must be the club account as an IBAN, such as CZ65 0800 0000 1920 0014 5399')
		.optional(),
	STRIPE_SECRET_KEY: z
		.string()
		.regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
		.optional(),
	STRIPE_WEBHOOK_SECRET: z
		.string()
		.regex(/^whsec_[A-Za-z0-9+/=]+$/, 'must be a webhook signing secret (whsec_…)')
		.optional(),
	STRIPE_API_URL: z
		.string()
		.refine(
			(v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
			'must be an http(s) URL such as http://127.0.0.1:12111'
		)
		.optional(),
	MAIL_FROM: z.string().min(3, 'must be an address such as Spolu <spolu@example.org>').optional(),
	FIO_API_URL: z
		.string()
		.refine(
			(v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
			'must be an http(s) URL such as https://fioapi.fio.cz/v1/rest'
		)
		.default('https://fioapi.fio.cz/v1/rest'),
	FIO_SYNC_MINUTES: positiveInt(1440).default(15),
	LOG_LEVEL: z
		.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' })
		.default('info'),
	// Read by adapter-node; validated here so that mistakes are reported clearly.
	PORT: port.optional(),
	HOST: z.string().min(1, 'must not be empty').optional(),
	ORIGIN: origin.optional(),
	ADDRESS_HEADER: z.string().min(1, 'must not be empty').optional(),
	XFF_DEPTH: positiveInt(20).optional(),
	PROTOCOL_HEADER: z.string().min(1, 'must not be empty').optional(),
	HOST_HEADER: z.string().min(1, 'must not be empty').optional(),
	BODY_SIZE_LIMIT: bodySize.optional(),
	SHUTDOWN_TIMEOUT: positiveInt(3600).optional()
});

export type Config = {
	databaseUrl: string | undefined;
	databasePoolMax: number;
	dataDir: string;
	/** undefined: the default (demo data on a new embedded database only) */
	demo: boolean | undefined;
	jobs: { enabled: boolean; pollMs: number };
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	/** undefined: generate one in the embedded database's directory */
	encryptionKeys: KeyRing | undefined;
	/** undefined: on, except in demo mode */
	require2fa: boolean | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	/** the club's account for bank transfers; undefined: a demo account in demo mode, else no bank option */
	bankIban: string | undefined;
	/** card payments; undefined when the keys are not both set (the card option is hidden) */
	stripe: { secretKey: string; webhookSecret: string; apiUrl: string | undefined } | undefined;
	/** the Fio API's base URL and how often the club's token (if one is stored) downloads new movements */
	fio: { apiUrl: string; syncEveryMs: number };
	/**
	 * ORIGIN, the public address links in e-mails start with. Undefined only in development (vite dev
	 * gets its own address in hooks); any other start without it is refused (see `publicOrigin`).
	 */
	origin: string | undefined;
};

export class ConfigError extends Error {
	override name = 'ConfigError';
}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	// An empty value counts as unset, as in most deployment tools.
	const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
	const result = schema.safeParse(present);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const name = String(issue.path[0] ?? 'configuration');
		const got = present[name];
		const shown = got === undefined ? '' : ` (got "${got.length > 60 ? got.slice(0, 60) + '…' : got}")`;
		// Never echo anything that could be a secret.
		const safe = /URL|KEY|SECRET|PASSWORD/.test(name) ? '' : shown;
		throw new ConfigError(`${name} ${issue.message}${safe}`);
	}
	const c = result.data;
	if (c.DATABASE_URL && !c.DATA_ENCRYPTION_KEY) {
		throw new ConfigError(
			'DATA_ENCRYPTION_KEY is required with DATABASE_URL (generate one with: npm run --silent key)'
		);
	}
	return {
		databaseUrl: c.DATABASE_URL,
		databasePoolMax: c.DATABASE_POOL_MAX,
		dataDir: c.SPOLU_DATA_DIR,
		demo: c.SPOLU_DEMO === undefined ? undefined : c.SPOLU_DEMO === '1',
		jobs: { enabled: c.SPOLU_JOBS === '1', pollMs: c.SPOLU_JOBS_POLL_MS },
		logLevel: c.LOG_LEVEL,
		encryptionKeys: c.DATA_ENCRYPTION_KEY,
		require2fa: c.SPOLU_REQUIRE_2FA === undefined ? undefined : c.SPOLU_REQUIRE_2FA === '1',
		smtpUrl: c.SMTP_URL,
		mailFrom: c.MAIL_FROM ?? 'Spolu <spolu@localhost>',
		bankIban: c.BANK_IBAN,
		stripe:
			c.STRIPE_SECRET_KEY && c.STRIPE_WEBHOOK_SECRET
				? { secretKey: c.STRIPE_SECRET_KEY, webhookSecret: c.STRIPE_WEBHOOK_SECRET, apiUrl: c.STRIPE_API_URL }
				: undefined,
		fio: { apiUrl: c.FIO_API_URL.replace(/\/+$/, ''), syncEveryMs: c.FIO_SYNC_MINUTES * 60_000 },
		origin: c.ORIGIN
	};
}

/**
 * The public address for contexts: ORIGIN, or in development the dev server's address. Jobs, card
 * webhooks and bank imports send e-mails with links and have no request to take an address from, and
 * a guessed one would send members to a machine that is not Spolu, so a start without it is refused.
 */
export function publicOrigin(config: Pick<Config, 'origin'>, dev: { port: number } | null): string {
	if (config.origin) return config.origin;
	if (dev) return `http://localhost:${dev.port}`;
	throw new ConfigError(
		'ORIGIN is not set: links in e-mails need the public address, e.g. ORIGIN=https://spolu.example.org'
	);
}

/** Reads `.env` (when present) into the environment, then parses it. Variables already set win. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
	return parseConfig(env);
}
