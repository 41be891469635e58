import type { Environment } from '../core/context';
import type { Db, Tx } from '../db/client';
import { log } from '../log';
import { generateKey, parseKeyRing, type KeyRing } from '../privacy/encryption';
import { accountsDemo } from './accounts';
import { deliveryDemo } from './delivery';
import { storiesDemo } from './stories';
import { clubDemo } from './club';
import { needsDemo } from './needs';
import { moneyDemo } from './money';
import { votesDemo } from './votes';

/** The Czech National Bank's example account: it belongs to nobody, so no real money can go to it. */
export const DEMO_IBAN = 'CZ6508000000192000145399';

/**
 * Demo data lets a newcomer try every role at once. Each part of the loop adds a DemoPart; parts are
 * seeded in order, each once, recorded in app_state, so a demo installation also receives the demo data
 * of parts added in later versions.
 */
export interface DemoPart {
	name: string;
	seed(tx: Tx, context: DemoContext): Promise<void>;
}

/**
 * What demo parts need beyond the database: the keys protected demo data is encrypted with and the
 * public address (the domain functions they call queue e-mails with links).
 */
export interface DemoContext extends Environment {
	keys: KeyRing;
}

export const demoParts: DemoPart[] = [
	clubDemo,
	accountsDemo,
	needsDemo,
	votesDemo,
	moneyDemo,
	deliveryDemo,
	storiesDemo
];

const LOCK_KEY = 7_352_002;

export interface InitialiseOptions {
	/** load demo data when the database is new */
	loadDemo: boolean;
	parts?: DemoPart[];
	/** the application's keys; without them (tests) a throwaway ring, so demo clients stay unreadable */
	keys?: KeyRing;
	/** the public address; tests leave it out */
	origin?: string;
}

/**
 * Marks a new database as initialised and, when asked, loads the demo data into it. Runs under an
 * advisory lock so that instances starting together seed once. Returns whether this is a demo database.
 */
export async function initialiseDatabase(sql: Db, options: InitialiseOptions): Promise<{ demo: boolean }> {
	const parts = options.parts ?? demoParts;
	return sql.begin(async (tx) => {
		await tx`select pg_advisory_xact_lock(${LOCK_KEY})`;
		const state = await tx<{ key: string; value: { parts?: string[] } }[]>`
			select key, value from app_state where key in ('initialised', 'demo')`;
		const initialised = state.some((s) => s.key === 'initialised');
		const demoState = state.find((s) => s.key === 'demo');
		if (!initialised) {
			await tx`insert into app_state (key, value) values ('initialised', ${tx.json({ at: new Date().toISOString() })})`;
		}
		if (!demoState && (initialised || !options.loadDemo)) return { demo: false };

		const seeded = new Set(demoState?.value.parts ?? []);
		const added: string[] = [];
		for (const part of parts) {
			if (seeded.has(part.name)) continue;
			await part.seed(tx, {
				keys: options.keys ?? parseKeyRing(generateKey('demo')),
				origin: options.origin ?? 'https://spolu.example',
				bankIban: DEMO_IBAN
			});
			seeded.add(part.name);
			added.push(part.name);
		}
		await tx`
			insert into app_state (key, value) values ('demo', ${tx.json({ parts: [...seeded] })})
			on conflict (key) do update set value = excluded.value, updated_at = now()`;
		if (added.length) log.info('demo data loaded', { parts: added.join(',') });
		return { demo: true };
	});
}
