import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 255;

/** Passwords common in Czech, next to the international list bundled with zxcvbn-ts. */
const czechCommon = [
	'heslo123',
	'heslo1234',
	'heslo12345',
	'hesloheslo',
	'mojeheslo',
	'prosimte',
	'ahojahoj',
	'miluju',
	'milujute',
	'slunicko',
	'sparta1893',
	'spartapraha',
	'slavia1892',
	'praha123',
	'kocicka1',
	'zlaticko'
];
const common = new Set([...(dictionary['passwords-common'] as string[]), ...czechCommon]);

export type PasswordProblem = 'too_short' | 'too_long' | 'common';

/** Length counts characters as people do (code points), not UTF-16 units. */
export function checkPassword(password: string): PasswordProblem | null {
	const length = [...password].length;
	if (length < PASSWORD_MIN) return 'too_short';
	if (length > PASSWORD_MAX) return 'too_long';
	if (common.has(password.toLowerCase())) return 'common';
	return null;
}

export const hashPassword = (password: string) => hash(password.normalize('NFC'), ARGON2);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** A hash to verify against when the account does not exist, so that timing does not tell. */
let dummy: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummy ??= hashPassword('spolu-no-such-account'));
