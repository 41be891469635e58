import type { Db } from '../db/client';
import { filePlaces, type FilePlace } from '../files/places';
import { fileKeyId, rewrapFile } from '../files/store';
import { decryptField, encryptField, type KeyRing } from './encryption';

/*
 * Key rotation: re-encrypts every stored value and file (files/store.ts) that is not under the current key, so an old
 * key can leave DATA_ENCRYPTION_KEY. Meant to run beside the live application: each row is handled in
 * its own short transaction that locks it (`for update`) and re-reads it, so a value written by the app
 * meanwhile (already under the current key) is left alone and nothing the app writes is overwritten.
 *
 * A value that does not decrypt (tampered, or under a key missing from the ring) is never rewritten and
 * never shown: rotation goes on with the other rows and then throws a RotationError naming each failed
 * table, column and row id, so the operator sees every problem at once and keeps the old key until
 * they are dealt with.
 */

interface FieldPlace {
	table: string;
	column: string;
	/** the row id that goes into the additional data */
	id: string;
	context: (id: string) => string;
}

// The contexts must match the ones the owning modules encrypt with (delivery/protected.ts, auth/totp.ts,
// needs/sealed.ts, payments/bank/fio-api/connection.ts).
const fieldPlaces: FieldPlace[] = [
	...(['client_name', 'client_phone', 'delivery_address'] as const).map((column) => ({
		table: 'need_protected_data',
		column,
		id: 'need_id',
		context: (needId: string) => `need_protected_data:${column}:${needId}`
	})),
	{ table: 'users', column: 'totp_key', id: 'id', context: (userId) => `users:totp_key:${userId}` },
	{
		table: 'need_sealed_texts',
		column: 'texts',
		id: 'need_id',
		context: (needId) => `need_sealed_texts:texts:${needId}`
	},
	{
		table: 'fio_api_connection',
		column: 'token',
		id: 'id',
		context: (id) => `fio_api_connection:token:${id}`
	}
];

export interface RotationResult {
	/** database values re-encrypted with the current key */
	fields: number;
	/** files re-encrypted with the current key */
	files: number;
	/** values and files that were under the current key already */
	alreadyCurrent: number;
}

export interface RotationFailure {
	table: string;
	column: string;
	id: string;
	/** `missing_key`: under a key that is not in the ring; `damaged`: altered, or moved from its place */
	reason: 'missing_key' | 'damaged';
}

/** Some rows could not be rotated; every other row was. Holds no key and no value. */
export class RotationError extends Error {
	override name = 'RotationError';
	constructor(
		readonly failures: RotationFailure[],
		readonly result: RotationResult
	) {
		super(
			`could not decrypt ${failures.length} value(s), left unchanged: ` +
				failures
					.map((f) => `${f.table}.${f.column} of row ${f.id} (${f.reason.replace('_', ' ')})`)
					.join(', ')
		);
	}
}

const fieldKeyId = (stored: string) => stored.slice(0, Math.max(0, stored.indexOf(':')));

class Undecryptable extends Error {
	constructor(readonly reason: RotationFailure['reason']) {
		super(reason);
	}
}

/** Ids (all uuids) of the rows of a table in pages, by id, so a large table is never held at once. */
async function* idPages(db: Db, table: string, id: string, where: string, batchSize: number) {
	let after: string | null = null;
	for (;;) {
		const rows: { id: string }[] = await db<{ id: string }[]>`
			select ${db(id)}::text as id from ${db(table)}
			where ${db.unsafe(where)} and (${after}::uuid is null or ${db(id)} > ${after}::uuid)
			order by ${db(id)} limit ${batchSize}`;
		if (rows.length === 0) return;
		yield rows.map((r) => r.id);
		after = rows.at(-1)!.id;
	}
}

async function rotateField(
	db: Db,
	keys: KeyRing,
	place: FieldPlace,
	rowId: string
): Promise<'rotated' | 'current' | 'gone'> {
	return db.begin(async (tx) => {
		const [row] = await tx<{ value: string | null }[]>`
			select ${tx(place.column)} as value from ${tx(place.table)}
			where ${tx(place.id)} = ${rowId}::uuid for update`;
		if (!row?.value) return 'gone' as const;
		if (fieldKeyId(row.value) === keys.current) return 'current' as const;
		let plain: string;
		try {
			plain = decryptField(keys, row.value, place.context(rowId));
		} catch {
			throw new Undecryptable(keys.keys.has(fieldKeyId(row.value)) ? 'damaged' : 'missing_key');
		}
		const sealed = encryptField(keys, plain, place.context(rowId));
		await tx`update ${tx(place.table)} set ${tx(place.column)} = ${sealed} where ${tx(place.id)} = ${rowId}::uuid`;
		return 'rotated' as const;
	});
}

async function rotateFile(
	db: Db,
	keys: KeyRing,
	place: FilePlace,
	rowId: string
): Promise<'rotated' | 'current' | 'gone'> {
	// The row's lock is held while the file is rewritten: removing an attachment waits for it, so a
	// removed file is never written back.
	return db.begin(async (tx) => {
		const [row] = await tx<{ needId: string; key: string | null }[]>`
			select need_id::text as "needId", ${tx(place.column)} as key from ${tx(place.table)}
			where ${tx(place.id)} = ${rowId}::uuid and ${tx.unsafe(place.live(place.table))} for update`;
		if (!row?.key) return 'gone' as const;
		try {
			return await rewrapFile(tx, keys, row.key, place.context(row.needId));
		} catch {
			const keyId = await fileKeyId(tx, row.key);
			throw new Undecryptable(keyId !== null && !keys.keys.has(keyId) ? 'missing_key' : 'damaged');
		}
	});
}

/**
 * Re-encrypts every value and file that is not under `keys.current` with it. `keys` must still hold the
 * old keys. Safe to run again: what is current is skipped. Throws RotationError after the run when some
 * rows could not be decrypted (they stay as they were).
 */
export async function rotateKeys(
	db: Db,
	keys: KeyRing,
	options: { batchSize?: number } = {}
): Promise<RotationResult> {
	const batchSize = options.batchSize ?? 200;
	const result: RotationResult = { fields: 0, files: 0, alreadyCurrent: 0 };
	const failures: RotationFailure[] = [];
	const tally = (outcome: 'rotated' | 'current' | 'gone', kind: 'fields' | 'files') => {
		if (outcome === 'rotated') result[kind]++;
		else if (outcome === 'current') result.alreadyCurrent++;
	};
	const attempt = async (
		place: { table: string; column: string },
		id: string,
		run: () => Promise<'rotated' | 'current' | 'gone'>,
		kind: 'fields' | 'files'
	) => {
		try {
			tally(await run(), kind);
		} catch (error) {
			if (!(error instanceof Undecryptable)) throw error;
			failures.push({ table: place.table, column: place.column, id, reason: error.reason });
		}
	};

	for (const place of fieldPlaces) {
		const where = `${place.column} is not null`;
		for await (const ids of idPages(db, place.table, place.id, where, batchSize)) {
			for (const id of ids) await attempt(place, id, () => rotateField(db, keys, place, id), 'fields');
		}
	}
	for (const place of filePlaces) {
		const where = `${place.column} is not null and ${place.live(place.table)}`;
		for await (const ids of idPages(db, place.table, place.id, where, batchSize)) {
			for (const id of ids) await attempt(place, id, () => rotateFile(db, keys, place, id), 'files');
		}
	}
	if (failures.length) throw new RotationError(failures, result);
	return result;
}

/**
 * How many stored values and files are under each key id, so the operator sees when an old key is no
 * longer used. Files that are missing are not counted.
 */
export async function countByKey(db: Db): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	const add = (keyId: string, n = 1) => (counts[keyId] = (counts[keyId] ?? 0) + n);
	for (const place of fieldPlaces) {
		const rows = await db<{ keyId: string; n: number }[]>`
			select split_part(${db(place.column)}, ':', 1) as "keyId", count(*)::int as n
			from ${db(place.table)} where ${db(place.column)} is not null group by 1`;
		for (const row of rows) add(row.keyId || '?', row.n);
	}
	for (const place of filePlaces) {
		const rows = await db<{ keyId: string; n: number }[]>`
			select f.key_id as "keyId", count(*)::int as n
			from ${db(place.table)} join stored_files f on f.key = ${db(place.table)}.${db(place.column)}
			where ${db.unsafe(place.live(place.table))} group by 1`;
		for (const row of rows) add(row.keyId, row.n);
	}
	return counts;
}
