import { describe, expect, it } from 'vitest';
import { refusalCodes } from '../core/refusals';
import { fileRefusalText, refusalText, type RefusalArea } from './refusal-texts';

const areas: RefusalArea[] = ['need', 'vote', 'decision', 'money', 'ledger', 'delivery', 'story'];

describe('refusal texts', () => {
	it('give every refusal words in Czech wherever it is shown', () => {
		for (const area of areas)
			for (const code of refusalCodes)
				expect(refusalText(code, area), `${area} ${code}`).toMatch(/\p{L}{3}/u);
	});

	it("say a part of the pages' own words where it has them, and the general ones elsewhere", () => {
		expect(refusalText('wrong_state', 'need')).toBe(refusalText('wrong_state', 'vote'));
		expect(refusalText('wrong_state', 'delivery')).not.toBe(refusalText('wrong_state', 'need'));
		expect(refusalText('not_found', 'vote')).toContain('hlasování');
		expect(refusalText('fund_too_low', 'money', 40_000)).toContain('400');
		// the coordinator's money pages: nothing left to give is said as such, unknown codes in one phrase
		expect(refusalText('over_missing', 'ledger', 0)).toBe('Potřebě už nic nechybí.');
		expect(refusalText('over_missing', 'ledger', 12_345)).toContain('123,45');
		expect(refusalText('incomplete', 'ledger')).toBe(refusalText('balance_too_low', 'ledger'));
		// a gift in kind's description is read by the members: said as what to write instead
		expect(refusalText('personal_data', 'ledger')).toContain('pračka');
		expect(refusalText('personal_data', 'vote')).toContain('členové klubu');
		// the delivery steps say what they do not know as "check the data"
		expect(refusalText('incomplete', 'delivery')).toBe(refusalText('invalid', 'delivery'));
	});

	it('tell a file refusal apart from the others', () => {
		expect(fileRefusalText('too_large')).toContain('10 MB');
		expect(fileRefusalText('pdf_encrypted')).toContain('bez hesla');
		expect(fileRefusalText('pdf_unreadable')).toContain('Uložit jako PDF');
		expect(fileRefusalText('wrong_state')).toBeNull();
	});
});
