// Re-encrypts protected data, TOTP keys and stored files (attachments, receipts, proofs, photos) with the current (first) key of
// DATA_ENCRYPTION_KEY, so that an old key can be removed from it afterwards.
//   npx tsx scripts/rotate-keys.ts
// 1. Put the new key first: DATA_ENCRYPTION_KEY=k2:<new>,k1:<old> (generate one: npm run --silent key,
//    then rename its id), and restart Spolu so that new values use it.
// 2. Run this. With DATABASE_URL it may run while Spolu serves: each row is rotated in its own short
//    transaction. The embedded database serves one process, so stop Spolu first (or use the same steps
//    on `<SPOLU_DATA_DIR>/encryption.key`).
// 3. When a key shows 0 uses, remove it and restart.
// Prints counts and row ids only, never a key or a value.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/lib/server/config';
import { createClient, type Db } from '../src/lib/server/db/client';
import { startEmbedded, type EmbeddedDatabase } from '../src/lib/server/db/embedded';
import { parseKeyRing, type KeyRing } from '../src/lib/server/privacy/encryption';
import { moveDiskFiles } from '../src/lib/server/files/legacy';
import { countByKey, RotationError, rotateKeys } from '../src/lib/server/privacy/rotation';

const config = loadConfig();

// Without DATA_ENCRYPTION_KEY the embedded database keeps its key ring beside the data (runtime.ts).
const keyFile = join(resolve(config.dataDir), 'encryption.key');
let keys: KeyRing;
let source: string;
if (config.encryptionKeys) {
	keys = config.encryptionKeys;
	source = 'DATA_ENCRYPTION_KEY';
} else if (existsSync(keyFile)) {
	keys = parseKeyRing(readFileSync(keyFile, 'utf8').trim());
	source = keyFile;
} else {
	console.log(`No DATA_ENCRYPTION_KEY and no ${keyFile}: nothing has been encrypted yet.`);
	process.exit(0);
}

const show = (counts: Record<string, number>) =>
	Object.keys(counts).length === 0
		? '  (nothing encrypted)'
		: Object.entries(counts)
				.sort(([a], [b]) => a.localeCompare(b))
				.map(([id, n]) => `  ${id}: ${n}${id === keys.current ? ' (current)' : ''}`)
				.join('\n');

/** Counts, rotates, counts again; false when some rows could not be rotated. */
async function rotate(db: Db): Promise<boolean> {
	let ok = true;
	console.log(`Current key: ${keys.current}`);
	// files an instance that has not restarted since the upgrade still keeps on disk are moved in first
	await moveDiskFiles(db, keys, config.dataDir);
	console.log(`Uses per key before:\n${show(await countByKey(db))}`);
	try {
		const result = await rotateKeys(db, keys);
		console.log(
			`Re-encrypted ${result.fields} value(s) and ${result.files} file(s); ${result.alreadyCurrent} already used the current key.`
		);
	} catch (e) {
		if (!(e instanceof RotationError)) throw e;
		ok = false;
		const { fields, files } = e.result;
		console.log(`Re-encrypted ${fields} value(s) and ${files} file(s), but:`);
		console.error(`${e.message}\nKeep the old keys until these rows are restored or deleted.`);
	}
	const after = await countByKey(db);
	console.log(`Uses per key after:\n${show(after)}`);
	for (const id of keys.keys.keys()) {
		if (id !== keys.current && !after[id])
			console.log(`Key ${id} is no longer used; you can remove it from ${source}.`);
	}
	return ok;
}

let embedded: EmbeddedDatabase | undefined;
let sql: Db | undefined;
let failed: boolean;
try {
	let url = config.databaseUrl;
	if (!url) {
		// starting PGlite on a directory without a database would create one
		if (!existsSync(join(resolve(config.dataDir), 'pg'))) {
			console.log(`No embedded database in ${resolve(config.dataDir)}: nothing to rotate.`);
			process.exit(0);
		}
		embedded = await startEmbedded(config.dataDir);
		url = embedded.url;
	}
	sql = createClient(url, { max: 1 });
	const [schema] = await sql<{ ready: boolean }[]>`select to_regclass('stored_files') is not null as ready`;
	if (!schema?.ready) {
		console.error('The database is not on the current schema: start Spolu once to migrate it.');
		failed = true;
	} else failed = !(await rotate(sql));
} finally {
	await sql?.end({ timeout: 5 });
	await embedded?.close();
}
process.exit(failed ? 1 : 0);
