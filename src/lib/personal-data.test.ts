import { describe, expect, it } from 'vitest';
import { quasiKinds } from './server/privacy/quasi';
import { personalDataKinds } from './server/privacy/pii';
import {
	personalDataKindName,
	personalDataSuggestion,
	quasiKindName,
	quasiSuggestion
} from './personal-data';

describe('the words for what the guard finds', () => {
	it('name every kind of personal data and say how to write it anonymously', () => {
		for (const kind of personalDataKinds) {
			expect(personalDataKindName(kind), kind).not.toBe(kind);
			expect(personalDataSuggestion(kind), kind).not.toBe(personalDataSuggestion('unknown'));
		}
	});

	it('name every kind of quasi-identifier with a short hint to generalise it', () => {
		for (const kind of quasiKinds) {
			expect(quasiKindName(kind), kind).not.toBe(kind);
			const hint = quasiSuggestion(kind);
			expect(hint, kind).not.toBe(quasiSuggestion('unknown'));
			expect(hint.length, kind).toBeLessThanOrEqual(140);
		}
	});
});
