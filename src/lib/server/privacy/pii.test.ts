import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidBirthNumber, personalDataKinds, type PersonalDataKind } from './pii';
import { piiCorpus } from './pii-corpus';
import { piiEdgeCorpus } from './pii-corpus-edges';
import { details, scoreCorpus, summary } from './pii-score';

/** The found fragments as "kind:text", which reads well in a failing assertion. */
function found(text: string): string[] {
	return findPersonalData(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);
}

function kindsOf(text: string): PersonalDataKind[] {
	return findPersonalData(text).map((f) => f.kind);
}

describe('personal data corpus', () => {
	it('finds what it must and little else (precision ≥ 0.95, recall ≥ 0.97)', () => {
		const s = scoreCorpus(piiCorpus);
		console.log(summary('PII corpus', s));
		if (s.misses.length + s.falseAlarms.length + s.otherKind.length > 0) console.log(details(s));
		// A fragment missing from its text is a mistake in the corpus, not in the guard.
		expect(s.brokenCases).toEqual([]);
		expect(s.positives).toBeGreaterThanOrEqual(110);
		expect(s.cleanCases).toBeGreaterThanOrEqual(90);
		expect(s.precision).toBeGreaterThanOrEqual(0.95);
		expect(s.recall).toBeGreaterThanOrEqual(0.97);
	});

	it('finds the edge cases (recall ≥ 0.95, at most 1 clean case in 30 flagged)', () => {
		const s = scoreCorpus(piiEdgeCorpus);
		console.log(summary('PII edge corpus', s));
		if (s.misses.length + s.falseAlarms.length + s.otherKind.length > 0) console.log(details(s));
		expect(s.brokenCases).toEqual([]);
		expect(s.cleanCases).toBeGreaterThanOrEqual(30);
		expect(s.recall).toBeGreaterThanOrEqual(0.95);
		expect(s.cleanFlagged / s.cleanCases).toBeLessThanOrEqual(1 / 30);
	});

	it('covers every kind of personal data with several cases', () => {
		const counts = new Map<PersonalDataKind, number>();
		for (const c of [...piiCorpus, ...piiEdgeCorpus])
			for (const e of c.expect) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
		for (const kind of personalDataKinds) {
			expect(counts.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(3);
		}
	});
});

describe('findPersonalData', () => {
	it('gives UTF-16 offsets into the original text when emoji come before the finding', () => {
		const text = '👩‍👧‍👦 Rodina 🏠💔 — volejte 777 123 456 nebo pište jana@seznam.cz 🙏';
		const findings = findPersonalData(text);
		expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['777 123 456', 'jana@seznam.cz']);
		expect(findings[0]!.start).toBe(text.indexOf('777'));
	});

	it('keeps offsets right after combining characters and a name with Vietnamese diacritics', () => {
		const text = '🧸 Matka Nguyễn Thị Hương, tel. 604 111 222.';
		expect(found(text)).toEqual(['name:Nguyễn Thị Hương', 'phone:604 111 222']);
	});

	it('returns findings sorted by start and never overlapping', () => {
		const text =
			'Paní Jana Nováková, nar. 12. 3. 1990, RČ 855312/0455, Husova 8, 602 00 Brno, tel. 777 123 456, účet CZ65 0800 0000 1920 0014 5399.';
		const findings = findPersonalData(text);
		for (let i = 1; i < findings.length; i++) {
			expect(findings[i]!.start).toBeGreaterThanOrEqual(findings[i - 1]!.end);
		}
		expect(new Set(kindsOf(text))).toEqual(
			new Set(['name', 'birth_date', 'birth_number', 'address', 'postal_code', 'phone', 'bank_account'])
		);
	});

	it('finds a name typed in decomposed Unicode and reports offsets in that text', () => {
		const text = 'Matka Nováková'.normalize('NFD') + ' potřebuje kauci.';
		const findings = findPersonalData(text);
		expect(findings).toHaveLength(1);
		expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe('Nováková'.normalize('NFD'));
	});

	it('always returns sorted, non-overlapping findings inside the text, whatever the input', () => {
		const pieces = fc.constantFrom(
			'Jana ',
			'Nováková',
			' 777 123 456',
			'👩‍👧 ',
			'Husova 8',
			', ',
			'. ',
			'855312/0455',
			'@',
			'jana@seznam.cz',
			'PSČ 602 00 ',
			'nar. 1. 1. 2015',
			'CZ65 0800 0000 1920 0014 5399',
			'\n'
		);
		fc.assert(
			fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 20 }), (parts) => {
				const text = parts.join('');
				const findings = findPersonalData(text);
				let last = 0;
				for (const f of findings) {
					expect(f.start).toBeGreaterThanOrEqual(last);
					expect(f.end).toBeGreaterThan(f.start);
					expect(f.end).toBeLessThanOrEqual(text.length);
					last = f.end;
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('returns nothing for an empty text', () => {
		expect(findPersonalData('')).toEqual([]);
	});
});

describe('birth numbers', () => {
	it('accepts ten-digit numbers divisible by 11, with or without the slash', () => {
		expect(found('RČ 855312/0455')).toEqual(['birth_number:855312/0455']);
		expect(found('RČ 8553120455')).toEqual(['birth_number:8553120455']);
		expect(isValidBirthNumber('8553120455')).toBe(true);
	});

	it('refuses a ten-digit number that fails the checksum', () => {
		expect(isValidBirthNumber('8553120456')).toBe(false);
		expect(kindsOf('objednávka 8553120456')).not.toContain('birth_number');
	});

	it('still flags a mistyped birth number in the slash form or after a cue', () => {
		expect(found('RČ 855312/0456')).toEqual(['birth_number:855312/0456']);
		expect(found('rodné číslo 8553120456')).toEqual(['birth_number:8553120456']);
		// A real date part is needed, and an account with a bank code stays an account.
		expect(kindsOf('číslo 851312/0456')).not.toContain('birth_number');
		expect(found('účet 855312/0800')).toEqual(['bank_account:855312/0800']);
	});

	it('accepts the old exception: remainder 10 with check digit 0', () => {
		// 780101123 mod 11 is 10, so the check digit is 0.
		expect(isValidBirthNumber('7801011230')).toBe(true);
	});

	it('accepts nine-digit numbers from before 1954 only with a real date', () => {
		expect(found('rodné číslo 450312/123')).toEqual(['birth_number:450312/123']);
		expect(isValidBirthNumber('451312123')).toBe(false);
		expect(isValidBirthNumber('650312123')).toBe(false);
	});

	it('knows women (+50) and the +20/+70 months used since 2004', () => {
		expect(isValidBirthNumber('0952284564')).toBe(true);
		expect(isValidBirthNumber('1271034567')).toBe(true);
		// +20 months did not exist before 2004.
		const n = '882301';
		const withCheck = [...'0123456789'].map((d) => `${n}012${d}`).find((x) => Number(x) % 11 === 0)!;
		expect(isValidBirthNumber(withCheck)).toBe(false);
	});

	it('refuses an impossible date even with a good checksum', () => {
		const bad = [...'0123456789'].map((d) => `850230123${d}`).find((x) => Number(x) % 11 === 0);
		if (bad) expect(isValidBirthNumber(bad)).toBe(false);
		expect(isValidBirthNumber('8802290123')).toBe(true);
	});
});

describe('phones and helplines', () => {
	it.each([
		['777 123 456'],
		['777123456'],
		['777-123-456'],
		['603 12 34 56'],
		['2 2123 4567'],
		['+420 777 123 456'],
		['00420 777 123 456'],
		['+421 905 123 456'],
		['+380 67 123 4567']
	])('flags the phone number %s', (phone) => {
		expect(found(`Kontakt na matku: ${phone}.`)).toEqual([`phone:${phone}`]);
	});

	it.each([
		['Linka bezpečí 116 111'],
		['Bílý kruh bezpečí 116 006'],
		['linka 116 000'],
		['Linka důvěry 116 123'],
		['tísňová linka 112'],
		['hasiči 150, záchranka 155, policie 158, městská policie 156'],
		['DONA linka 251 51 13 13'],
		['bezplatná linka 800 123 456'],
		['informace 1212']
	])('does not flag the public number in "%s"', (text) => {
		expect(findPersonalData(text)).toEqual([]);
	});
});

describe('postal codes and amounts', () => {
	it.each([['5 000 Kč'], ['15 000 Kč'], ['120 000 korun'], ['12000 Kč'], ['v roce 2026'], ['3 500,- Kč']])(
		'does not take the amount %s for a postal code',
		(text) => {
			expect(findPersonalData(`Potřebujeme ${text} na nájem.`)).toEqual([]);
		}
	);

	it.each([
		['110 00', 'Praha 1, 110 00'],
		['60200', 'PSČ 60200'],
		['60200', '60200 Brno'],
		['602 00', 'PSČ: 602 00']
	])('flags the postal code %s in "%s"', (code, text) => {
		expect(found(text)).toContain(`postal_code:${code}`);
	});
});

describe('addresses', () => {
	it.each([
		['Vinohradská 1511/230'],
		['Husova 8'],
		['ul. Palackého 12'],
		['na ulici Dlouhá 5'],
		['nám. Míru 3'],
		['Na Příkopě 12'],
		['U Nádraží 4a'],
		['K Lesu 15'],
		['č. p. 123'],
		['čp. 45']
	])('flags the address %s', (address) => {
		expect(kindsOf(`Rodina bydlela: ${address}, kam se nevrátí.`)).toEqual(['address']);
	});

	it.each([['Praha 7'], ['Praha 10'], ['Brno 2'], ['3 roky'], ['5. třída'], ['byt 2+1'], ['tábor 14 dní']])(
		'does not flag "%s"',
		(text) => {
			expect(findPersonalData(`Situace: ${text}.`)).toEqual([]);
		}
	);
});

describe('names and their declension', () => {
	it.each([
		['Novák', 'pan Novák'],
		['Nováka', 'od pana Nováka'],
		['Novákovi', 'k panu Novákovi'],
		['Novákem', 's panem Novákem'],
		['Nováková', 'paní Nováková'],
		['Novákové', 'od paní Novákové'],
		['Novákovou', 's paní Novákovou'],
		['Hájka', 'od pana Hájka'],
		['Němce', 'od pana Němce'],
		['Marka', 'pro Marka'],
		['Jany', 'od Jany'],
		['Janě', 'k Janě'],
		['Janu', 'pro Janu'],
		['Jano', 'Ahoj Jano'],
		['Janou', 's Janou'],
		['Petra', 'bez Petra'],
		['Petrovi', 'k Petrovi'],
		['Petrem', 's Petrem'],
		['Tomáše', 'bez Tomáše'],
		['Tomášovi', 'k Tomášovi'],
		['Jiřího', 'od Jiřího'],
		['Jiřímu', 'k Jiřímu'],
		['Černého', 'od pana Černého'],
		['Černou', 's paní Černou'],
		['Aničce', 'k Aničce'],
		['Olze', 'k Olze'],
		['Báře', 'k Báře']
	])('finds %s in "%s"', (form, text) => {
		expect(found(`Matka mluvila ${text} o nájmu.`)).toEqual([`name:${form}`]);
	});

	it.each([
		['Honzík'],
		['Honza'],
		['Pepík'],
		['Pepa'],
		['Maruška'],
		['Anička'],
		['Terezka'],
		['Kubík'],
		['Kuba'],
		['Vojta'],
		['Péťa'],
		['Míša'],
		['Bára'],
		['Verunka'],
		['Nelinka']
	])('finds the diminutive %s after a family cue', (name) => {
		expect(found(`Dítě ${name} potřebuje boty.`)).toEqual([`name:${name}`]);
	});

	it.each([
		['Oksana Ševčenko'],
		['Olena Shevchenko'],
		['Iryna Kovalenko'],
		['Andrii Bondarenko'],
		['Mykola Tkačuk'],
		['Nguyen Thi Lan'],
		['Trần Văn Minh'],
		['Mária Lakatošová']
	])('finds the foreign name %s', (name) => {
		expect(found(`Klientka spolupracuje s: ${name}.`)).toEqual([`name:${name}`]);
	});

	it.each([
		['víra v lepší časy'],
		['naděje a láska'],
		['sláva a zima'],
		['malý byt a černý kabát'],
		['veselý pokoj'],
		['král a svoboda'],
		['kovář opravil dveře'],
		['jaro, les a mír'],
		['Praha, Brno, Ostrava'],
		['Květen, Leden, Pondělí'],
		['Linka bezpečí, Bílý kruh bezpečí, Úřad práce, OSPOD'],
		['Ikea, Alza, Decathlon']
	])('does not flag ordinary words: %s', (text) => {
		expect(findPersonalData(`Rodina zmínila: ${text}.`)).toEqual([]);
	});

	it('does not flag a capitalised ordinary word at the start of a sentence', () => {
		expect(findPersonalData('Malý byt nestačí. Svoboda je pro matku nová. Zima byla dlouhá.')).toEqual([]);
	});

	it('does flag an ambiguous word at the start of a sentence when a name follows', () => {
		expect(found('Malá Lucie potřebuje boty.')).toEqual(['name:Malá Lucie']);
	});

	it('takes no ordinary word at the start of a sentence for a surname', () => {
		expect(findPersonalData('Kroupy na střeše auta udělaly důlky. Kovář opravil zámek.')).toEqual([]);
	});

	it('reads cues typed without diacritics', () => {
		expect(found('pani novakova prosi o pomoc')).toEqual(['name:novakova']);
		expect(found('manzel roman bil matku')).toEqual(['name:roman']);
		expect(findPersonalData('pani doktorka rekla, ze dcera musi na operaci')).toEqual([]);
	});

	it('uses initials and titles as cues', () => {
		expect(found('Za OSPOD: J. Nováková.')).toEqual(['name:J. Nováková']);
		expect(found('Žádost podala sl. Veselá.')).toEqual(['name:Veselá']);
	});
});

describe('other kinds', () => {
	it('flags bank accounts with a real bank code and IBANs', () => {
		expect(found('účet 19-2000145399/0800')).toEqual(['bank_account:19-2000145399/0800']);
		expect(found('platba na CZ6508000000192000145399')).toEqual(['bank_account:CZ6508000000192000145399']);
		expect(kindsOf('rozvrh 123456/9999')).not.toContain('bank_account');
	});

	it('flags identity documents only with a cue', () => {
		expect(found('OP č. 123456789')).toEqual(['id_document:123456789']);
		expect(found('číslo pasu FA1234567')).toEqual(['id_document:FA1234567']);
		expect(kindsOf('objednávka 123456789')).not.toContain('id_document');
	});

	it('flags birth certificates and register entries', () => {
		expect(found('matriční záznam č. 456/2019')).toEqual(['id_document:456/2019']);
		expect(found('Rodný list syna, číslo 1023456, je u otce.')).toEqual(['id_document:1023456']);
		expect(kindsOf('sv. 3, str. 27, poř. č. 14')).toEqual(['id_document']);
		expect(kindsOf('vedena pod svazkem 8, strana 112, pořadové číslo 57')).toEqual(['id_document']);
	});

	it('flags Czech licence plates', () => {
		expect(found('auto 1AB 2345')).toEqual(['licence_plate:1AB 2345']);
		expect(found('SPZ 5E9 1234')).toEqual(['licence_plate:5E9 1234']);
	});

	it('flags profile links but not shop links', () => {
		expect(kindsOf('fb.com/jana.novakova')).toEqual(['profile_link']);
		expect(kindsOf('x.com/jana_n')).toEqual(['profile_link']);
		expect(kindsOf('twitter.com/jana_n')).toEqual(['profile_link']);
		expect(
			findPersonalData('https://www.alza.cz/notebook-d123.htm a https://www.ikea.com/cz/cs/p/postel')
		).toEqual([]);
		// Product numbers and capitalised words inside a shop link are not about the family.
		expect(findPersonalData('https://www.alza.cz/Kocarek-Adam-Kids-d7123456.htm?x=712345678')).toEqual([]);
	});

	it('flags e-mail addresses, also when written with (at)', () => {
		expect(found('napište na jana.novakova(at)seznam.cz')).toEqual(['email:jana.novakova(at)seznam.cz']);
		expect(found('Pište: Petr.H@post.cz.')).toEqual(['email:Petr.H@post.cz']);
	});

	it('flags dates of birth only in a birth context', () => {
		expect(found('narozen 12. 3. 2015')).toEqual(['birth_date:12. 3. 2015']);
		expect(findPersonalData('tábor od 12. 7. 2027, kauce splatná 1. 12. 2026')).toEqual([]);
	});
});
