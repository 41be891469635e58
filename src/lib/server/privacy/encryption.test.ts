import { describe, expect, it } from 'vitest';
import {
	decryptBytes,
	decryptField,
	encryptBytes,
	encryptField,
	generateKey,
	parseKeyRing
} from './encryption';

const ring = parseKeyRing(`${generateKey('k2')},${generateKey('k1')}`);

describe('field encryption', () => {
	it('round-trips a value and never stores it in clear', () => {
		const stored = encryptField(ring, '+420 777 123 456', 'users:totp_key:1');
		expect(stored).not.toContain('777');
		expect(stored.startsWith('k2:')).toBe(true);
		expect(decryptField(ring, stored, 'users:totp_key:1')).toBe('+420 777 123 456');
	});

	it('refuses a value moved to another row', () => {
		const stored = encryptField(ring, 'secret', 'users:totp_key:1');
		expect(() => decryptField(ring, stored, 'users:totp_key:2')).toThrow();
	});

	it('refuses a value with a flipped bit', () => {
		const stored = encryptField(ring, 'secret', 'c');
		const parts = stored.split(':');
		const data = Buffer.from(parts[3]!, 'base64url');
		data[0]! ^= 1;
		parts[3] = data.toString('base64url');
		expect(() => decryptField(ring, parts.join(':'), 'c')).toThrow();
	});

	it('decrypts values of an older key after rotation, and not once that key is gone', () => {
		const old = parseKeyRing(ring.keys.has('k1') ? `k1:${ring.keys.get('k1')!.toString('base64')}` : '');
		const stored = encryptField(old, 'secret', 'c');
		expect(decryptField(ring, stored, 'c')).toBe('secret');
		const withoutOld = parseKeyRing(`k2:${ring.keys.get('k2')!.toString('base64')}`);
		expect(() => decryptField(withoutOld, stored, 'c')).toThrow(/key k1 is not in DATA_ENCRYPTION_KEY/);
	});

	it.each(['', 'k1', 'k1:abc', `k1:${Buffer.alloc(16).toString('base64')}`])(
		'refuses the key ring %j',
		(v) => {
			expect(() => parseKeyRing(v)).toThrow();
		}
	);
});

describe('file encryption', () => {
	const file = Buffer.from('%PDF-1.4 Nabídka pro rodinu %%EOF');

	it('round-trips a file, holds none of its plaintext, and refuses another context or a flipped bit', () => {
		const stored = encryptBytes(ring, file, 'need_attachments:a');
		expect(stored.includes(Buffer.from('Nabídka'))).toBe(false);
		expect(stored.subarray(0, 3).toString()).toBe('k2:');
		expect(decryptBytes(ring, stored, 'need_attachments:a').equals(file)).toBe(true);
		expect(() => decryptBytes(ring, stored, 'need_attachments:b')).toThrow();
		const flipped = Buffer.from(stored);
		flipped[flipped.length - 1]! ^= 1;
		expect(() => decryptBytes(ring, flipped, 'need_attachments:a')).toThrow();
		expect(() => decryptBytes(ring, file, 'need_attachments:a')).toThrow(/not an encrypted file|key/);
	});
});
