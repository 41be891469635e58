import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption for secrets and protected data: AES-256-GCM with a random 12-byte IV and a 16-byte
 * tag. The additional data binds a value to its place (`table:column:rowId`), so a value copied to
 * another row or column does not decrypt. Values carry the id of their key for rotation:
 * `keyId:iv:tag:ciphertext` (base64url).
 */
export interface KeyRing {
	/** the key new values are encrypted with */
	current: string;
	keys: Map<string, Buffer>;
}

export class KeyRingError extends Error {
	override name = 'KeyRingError';
}

/** Parses `id:base64key[,id:base64key…]`; the first key is the current one, the rest decrypt old values. */
export function parseKeyRing(value: string): KeyRing {
	const keys = new Map<string, Buffer>();
	let current: string | undefined;
	for (const part of value.split(',').map((p) => p.trim())) {
		const match = /^([a-z0-9_-]{1,20}):([A-Za-z0-9+/_-]+=*)$/i.exec(part);
		if (!match) throw new KeyRingError('must be a list of id:base64key entries');
		const [, id, encoded] = match as unknown as [string, string, string];
		const key = Buffer.from(encoded, 'base64');
		if (key.length !== 32) throw new KeyRingError(`key ${id} must be 32 bytes (44 base64 characters)`);
		if (keys.has(id)) throw new KeyRingError(`key ${id} appears twice`);
		keys.set(id, key);
		current ??= id;
	}
	if (!current) throw new KeyRingError('must hold at least one key');
	return { current, keys };
}

/** A new key ring entry, for `.env` or the embedded database's key file. */
export const generateKey = (id = 'k1') => `${id}:${randomBytes(32).toString('base64')}`;

export function encryptField(ring: KeyRing, plaintext: string, context: string): string {
	const key = ring.keys.get(ring.current)!;
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return [ring.current, iv, cipher.getAuthTag(), data]
		.map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
		.join(':');
}

export function decryptField(ring: KeyRing, stored: string, context: string): string {
	const parts = stored.split(':');
	if (parts.length !== 4) throw new KeyRingError('not an encrypted value');
	const [id, iv, tag, data] = parts as [string, string, string, string];
	const key = ring.keys.get(id);
	if (!key) throw new KeyRingError(`key ${id} is not in DATA_ENCRYPTION_KEY`);
	const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
	decipher.setAAD(Buffer.from(context, 'utf8'));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Files (attachments) the same way as fields: AES-256-GCM, the additional data binding the file to its
 * place. Stored as `keyId:` (ASCII) followed by the 12-byte IV, the 16-byte tag and the ciphertext.
 */
export function encryptBytes(ring: KeyRing, plaintext: Uint8Array, context: string): Buffer {
	const key = ring.keys.get(ring.current)!;
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return Buffer.concat([Buffer.from(`${ring.current}:`, 'ascii'), iv, cipher.getAuthTag(), data]);
}

export function decryptBytes(ring: KeyRing, stored: Buffer, context: string): Buffer {
	const colon = stored.subarray(0, 21).indexOf(0x3a);
	if (colon < 1 || stored.length < colon + 1 + 28) throw new KeyRingError('not an encrypted file');
	const id = stored.subarray(0, colon).toString('ascii');
	const key = ring.keys.get(id);
	if (!key) throw new KeyRingError(`key ${id} is not in DATA_ENCRYPTION_KEY`);
	const iv = stored.subarray(colon + 1, colon + 13);
	const tag = stored.subarray(colon + 13, colon + 29);
	const decipher = createDecipheriv('aes-256-gcm', key, iv);
	decipher.setAAD(Buffer.from(context, 'utf8'));
	decipher.setAuthTag(tag);
	return Buffer.concat([decipher.update(stored.subarray(colon + 29)), decipher.final()]);
}
