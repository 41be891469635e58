import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, publicOrigin } from './config';

const messageOf = (env: Record<string, string>) => {
	try {
		parseConfig(env);
	} catch (e) {
		expect(e).toBeInstanceOf(ConfigError);
		return (e as Error).message;
	}
	throw new Error('expected a configuration error');
};

const KEY = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe('parseConfig', () => {
	it('runs on the embedded database in ./data with no variables set', () => {
		expect(parseConfig({})).toEqual({
			databaseUrl: undefined,
			databasePoolMax: 10,
			dataDir: './data',
			demo: undefined,
			jobs: { enabled: true, pollMs: 2000 },
			logLevel: 'info',
			encryptionKeys: undefined,
			require2fa: undefined,
			smtpUrl: undefined,
			mailFrom: 'Spolu <spolu@localhost>',
			fio: { apiUrl: 'https://fioapi.fio.cz/v1/rest', syncEveryMs: 15 * 60_000 },
			origin: undefined
		});
	});

	it('reads every Spolu variable', () => {
		const config = parseConfig({
			DATABASE_URL: 'postgres://spolu:secret@db.internal:5432/spolu',
			DATA_ENCRYPTION_KEY: KEY,
			SPOLU_REQUIRE_2FA: '0',
			SMTP_URL: 'smtp://mail.internal:25',
			MAIL_FROM: 'Klub <klub@example.org>',
			ORIGIN: 'https://spolu.example.org',
			DATABASE_POOL_MAX: '20',
			SPOLU_DATA_DIR: '/var/lib/spolu',
			SPOLU_DEMO: '1',
			SPOLU_JOBS: '0',
			SPOLU_JOBS_POLL_MS: '500',
			LOG_LEVEL: 'warn',
			BANK_IBAN: 'cz65 0800 0000 1920 0014 5399',
			FIO_API_URL: 'http://127.0.0.1:4010/v1/rest/',
			FIO_SYNC_MINUTES: '5',
			NODE_ENV: 'production'
		});
		expect(config).toEqual({
			databaseUrl: 'postgres://spolu:secret@db.internal:5432/spolu',
			databasePoolMax: 20,
			dataDir: '/var/lib/spolu',
			demo: true,
			jobs: { enabled: false, pollMs: 500 },
			logLevel: 'warn',
			encryptionKeys: expect.objectContaining({ current: 'k1' }),
			require2fa: false,
			smtpUrl: 'smtp://mail.internal:25',
			mailFrom: 'Klub <klub@example.org>',
			bankIban: 'CZ6508000000192000145399',
			stripe: undefined,
			fio: { apiUrl: 'http://127.0.0.1:4010/v1/rest', syncEveryMs: 5 * 60_000 },
			origin: 'https://spolu.example.org'
		});
	});

	it('turns card payments on only with both Stripe keys, and points the SDK at STRIPE_API_URL', () => {
		expect(parseConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' }).stripe).toBeUndefined();
		expect(
			parseConfig({
				STRIPE_SECRET_KEY: 'sk_test_abc',
				STRIPE_WEBHOOK_SECRET: 'whsec_def',
				STRIPE_API_URL: 'http://127.0.0.1:12111'
			}).stripe
		).toEqual({ secretKey: 'sk_test_abc', webhookSecret: 'whsec_def', apiUrl: 'http://127.0.0.1:12111' });
		expect(() => parseConfig({ STRIPE_SECRET_KEY: 'pk_test_abc' })).toThrow(
			/^STRIPE_SECRET_KEY must be a Stripe secret key \(sk_test_… or sk_live_…\)$/
		);
		expect(() => parseConfig({ STRIPE_WEBHOOK_SECRET: 'secret' })).toThrow(/^STRIPE_WEBHOOK_SECRET must be/);
	});

	it('refuses a bank account that is not a valid IBAN, naming the variable', () => {
		expect(() => parseConfig({ BANK_IBAN: 'CZ6508000000192000145398' })).toThrow(
			/^BANK_IBAN must be the club account as an IBAN/
		);
		// valid mod 97, but 23 characters where a Czech IBAN has 24
		expect(() => parseConfig({ BANK_IBAN: 'CZ34 0800 0000 1920 0014 539' })).toThrow(
			/^BANK_IBAN must be the club account as an IBAN/
		);
	});

	it('treats an empty value as unset', () => {
		expect(parseConfig({ DATABASE_URL: '', SPOLU_DEMO: '' })).toMatchObject({
			databaseUrl: undefined,
			demo: undefined
		});
	});

	it.each([
		[{ PORT: 'abc' }, 'PORT must be a whole number between 0 and 65535 (got "abc")'],
		[{ PORT: '70000' }, 'PORT must be a whole number between 0 and 65535 (got "70000")'],
		[{ SPOLU_DEMO: 'yes' }, 'SPOLU_DEMO must be 0 or 1 (got "yes")'],
		[{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX must be a whole number between 1 and 100 (got "0")'],
		[{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be debug, info, warn or error (got "loud")'],
		[{ ORIGIN: 'https://spolu.example.org/' }, 'ORIGIN must be an origin such as https://spolu.example.org'],
		[{ BODY_SIZE_LIMIT: 'lots' }, 'BODY_SIZE_LIMIT must be a size such as 512K, 10M or Infinity (got "lots")']
	])('names the malformed variable in one line: %j', (env, message) => {
		const text = messageOf(env);
		expect(text).toContain(message);
		expect(text).not.toContain('\n');
	});

	it('requires an encryption key with a PostgreSQL server, and never repeats a malformed one', () => {
		expect(messageOf({ DATABASE_URL: 'postgres://db/spolu' })).toMatch(/^DATA_ENCRYPTION_KEY is required/);
		const text = messageOf({ DATA_ENCRYPTION_KEY: 'k1:c2hvcnQ=' });
		expect(text).toBe('DATA_ENCRYPTION_KEY key k1 must be 32 bytes (44 base64 characters)');
	});

	it('names a malformed DATABASE_URL without repeating it, since it may hold a password', () => {
		const text = messageOf({ DATABASE_URL: 'mysql://root:hunter2@db/spolu' });
		expect(text).toBe('DATABASE_URL must be a postgres:// URL');
	});
});

describe('publicOrigin', () => {
	it('is ORIGIN wherever it is set', () => {
		expect(publicOrigin({ origin: 'https://spolu.example.org' }, null)).toBe('https://spolu.example.org');
		expect(publicOrigin({ origin: 'https://spolu.example.org' }, { port: 5173 })).toBe(
			'https://spolu.example.org'
		);
	});

	it('is the dev server in development', () => {
		expect(publicOrigin({ origin: undefined }, { port: 5173 })).toBe('http://localhost:5173');
	});

	it('refuses a start without ORIGIN outside development, in one line naming the variable', () => {
		expect(() => publicOrigin({ origin: undefined }, null)).toThrow(ConfigError);
		expect(() => publicOrigin({ origin: undefined }, null)).toThrow(/^ORIGIN is not set: links in e-mails/);
	});
});
