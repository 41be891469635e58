import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('are hashed with argon2id, 19 MiB, t=2, p=1', async () => {
		expect(await hashPassword('long enough password')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
	});

	it('verify a long Unicode password exactly, and nothing else', async () => {
		const password = 'Žluťoučký kůň úpěl ďábelské ódy 🐎 '.repeat(6).slice(0, 200);
		const stored = await hashPassword(password);
		expect(await verifyPassword(stored, password)).toBe(true);
		expect(await verifyPassword(stored, password.slice(0, -1))).toBe(false);
		expect(await verifyPassword('not a hash', password)).toBe(false);
	});

	it('accept any 8 to 255 characters without composition rules', () => {
		expect(checkPassword('kočka na střeše')).toBeNull();
		expect(checkPassword('🌻🌻🌻🌻🌻🌻🌻🌻')).toBeNull(); // 8 characters, 16 UTF-16 units
		expect(checkPassword('a'.repeat(255))).toBeNull();
	});

	it('refuse too short, too long and common passwords', () => {
		expect(checkPassword('🌻🌻🌻🌻🌻🌻🌻')).toBe('too_short');
		expect(checkPassword('a'.repeat(256))).toBe('too_long');
		expect(checkPassword('password1')).toBe('common');
		expect(checkPassword('Heslo123')).toBe('common');
		expect(checkPassword('qwertyuiop')).toBe('common');
	});
});
