// Case and file numbers for the anonymisation guard (pii.ts): court files, reference numbers of police
// and offices, data-box IDs and insurance numbers. A social worker copies them from letters; each one
// leads straight to the family's file, so they are found even though they carry no name.
import type { PersonalDataFinding } from './pii';

const SP = '[ \\u00a0\\u202f]';

// Court registers ("rejstříky") as they appear in a file number: 29 P 45/2025, 14 Nc 1203/2026,
// 21 C 145/2026, 3 T 12/2025. The list keeps "5 kg 100/2026"-like text out.
const REGISTERS =
	'P|Nc|C|Co|Cm|Cmo|Cdo|Cd|T|To|Tm|Tmo|Td|Tdo|Tz|Ts|Tf|Rt|E|EXE|EPR|Ro|Rod|D|Ds|L|Ob|Ad|Ads|A|Az|As|Azs|Afs|Ans|Ca|Cad|Af|Ao|INS|ICm|Nt|Ntm|Ntd|Nd|Ncd|Nco|Pp|Pa|Pc|Pt|Zt|Rc|Sm|U|Ut|Kv|K|Ko|Sd|St|ZRT|Spr|Si';
// "42 P a Nc 310/2025": two registers joined by "a".
const COURT_FILE = new RegExp(
	`(?<![\\p{L}\\d/.,-])\\d{1,3}${SP}?(?:${REGISTERS})(?:${SP}a${SP}(?:${REGISTERS}))?${SP}?\\d{1,6}${SP}?\\/${SP}?(?:\\d{4}|\\d{2})(?:-\\d{1,5})*(?![\\p{L}\\d])`,
	'gu'
);
// "sp. zn. Nc 1203/2026", "spisová značka: 29P45/2025": after the cue any file-like token counts.
const COURT_CUE = new RegExp(
	`(?<![\\p{L}])(?:[Ss]p\\.${SP}?zn\\.?|[Ss]pis\\.${SP}?zn\\.?|[Ss]pisov\\p{L}*${SP}+značk\\p{L}*|[Ss]pisovou${SP}+zn\\.)${SP}*:?${SP}*((?:[A-ZČŘŠŽ]{2,8}:?${SP})?\\d{0,3}${SP}?[A-Za-zČŘŠŽ]{0,5}${SP}?\\d[\\w/.\\-]*\\d(?:${SP}?\\/${SP}?\\d{2,4})?)`,
	'dgu'
);

// Reference numbers of police and offices after a cue: č. j. KRPA-123456-7/TČ-2026-001111,
// čj. MPSV-2026/12345-921, č.j. OSPOD/1234/26, číslo jednací OSPOD 12345/2026.
const REFERENCE_CUE = new RegExp(
	`(?<![\\p{L}])(?:[Čč]\\.${SP}?j\\.|[Čč]j\\.?|[Čč]ísl\\p{L}*${SP}+jednac\\p{L}*|[Čč]\\.${SP}?jednací|[Nn]aše${SP}+(?:zn\\.|značka|č\\.${SP}?j\\.)|[Vv]aše${SP}+(?:zn\\.|značka)|[Čč]\\.${SP}?spisu|[Čč]ísl\\p{L}*${SP}+spisu|[Ss]pis${SP}+č\\.|[Ee]v\\.${SP}?č\\.|[Ee]videnční${SP}+číslo|ČTS|[Čč]ísl\\p{L}*${SP}+(?:případu|trestního${SP}+oznámení|oznámení|jednání)|[Čč]\\.${SP}?(?:případu|oznámení))${SP}*:?${SP}*((?:[A-ZČŘŠŽÚ]{2,10}${SP})?[A-Za-zČŘŠŽÚ0-9][\\w/.\\-ČŘŠŽÚčřšžúůýáíéě]*\\d[\\w/\\-ČŘŠŽÚčřšžúůýáíéě]*)`,
	'dgu'
);
// Without a cue: an office or police acronym with a number and a further part, KRPA-123456-7/TČ-2026.
const REFERENCE_SHAPE =
	/(?<![\p{L}\d/-])[A-ZČŘŠŽÚ]{2,8}(?:-[A-ZČŘŠŽ]{1,5})?[-/]\d{2,}(?:[-/][A-Za-zČŘŠŽ0-9]*\d[A-Za-zČŘŠŽ0-9]*|[-/][A-ZČŘŠŽ]{1,4})+/gu;

// Data-box IDs (ISDS) are 7 lower-case letters and digits. After a cue ("datová schránka", "datovka",
// "ID DS", "ISDS") the first such token in the next few words counts; it must mix letters and digits.
const DATA_BOX_CUE =
	/(?<![\p{L}])(?:[Dd]atov\p{L}*(?:[ \u00a0\u202f]+schrán\p{L}*)?|ID[ \u00a0\u202f]?DS|id[ \u00a0\u202f]?ds|IDDS|ISDS|DS)(?![\p{L}])/gu;
const DATA_BOX_ID = /(?<![\p{L}\d])(?=[a-zA-Z]*\d)(?=\d*[a-zA-Z])[a-zA-Z0-9]{7}(?![\p{L}\d])/u;

// Insurance numbers of a health insurer or an insurance policy: after a cue, the first number of 6 to
// 12 digits in the next few words ("číslo pojištěnce cizince 9901743302", "pojistka, číslo smlouvy …").
const INSURANCE_CUE =
	/(?<![\p{L}])(?:pojištěn\p{L}*|pojistk\p{L}*|pojistn\p{L}+|pojištění|insurance|policy)(?![\p{L}])/giu;
const INSURANCE_NUMBER = new RegExp(
	`(?<![\\p{L}\\d/.,-])[A-Z]{0,3}\\d(?:\\d|${SP}(?=\\d)){5,13}(?![\\p{L}\\d/]|[.,]\\d)`,
	'u'
);

// Birth and marriage certificates: "rodný list č. 1234567", "RL č. 418/2018", "matriční záznam č. 456/2019",
// and the register entry "svazek 12, strana 45, pořadové číslo 230" (also "sv. 3, str. 27, poř. č. 14").
const CERTIFICATE_WORDS = `(?:${SP}*(?::|,|\\(|č\\.|čísl\\p{L}*|s${SP}+číslem|pod${SP}+číslem|je|má|mají|dítěte|syna|dcery|matky|otce|pro${SP}+(?:syna|dceru|dítě)|série${SP}+[A-Z]{1,3}(?:-[A-Z]{1,3})?,?))`;
const CERTIFICATE = new RegExp(
	`(?<![\\p{L}])(?:[Rr]odn\\p{L}+${SP}+list\\p{L}*|RL|[Oo]ddací\\p{L}*${SP}+list\\p{L}*|[Úú]mrtní\\p{L}*${SP}+list\\p{L}*|[Mm]atriční\\p{L}*${SP}+(?:záznam\\p{L}*|zápis\\p{L}*|výpis\\p{L}*|list\\p{L}*)|[Zz]ápis\\p{L}*${SP}+(?:v${SP}+)?matri\\p{L}+|[Mm]atri\\p{L}+${SP}+(?:záznam|zápis|číslo)\\p{L}*)${CERTIFICATE_WORDS}{0,4}${SP}*(\\d{3,10}(?:${SP}?\\/${SP}?\\d{2,4})?)(?![\\p{L}\\d])`,
	'dgu'
);
const REGISTER_ENTRY = new RegExp(
	`(?<![\\p{L}])(?:svaz(?:ek|ku|kem)|sv\\.)${SP}*\\d{1,4},?${SP}+(?:strana|straně|stranu|str\\.|stránka|list|fol\\.|folio)${SP}*\\d{1,4},?${SP}+(?:pořadové${SP}+číslo|pořadovém${SP}+čísle|pořadovým${SP}+číslem|poř\\.${SP}?č\\.|p\\.${SP}?č\\.|pořadí|číslo|č\\.)${SP}*\\d{1,5}`,
	'gu'
);

/** The first match of `re` in the clause after a cue, within `reach` characters. */
function afterCue(text: string, from: number, reach: number, re: RegExp): [number, number] | null {
	let stop = Math.min(text.length, from + reach);
	// A sentence ends at a full stop before a capital, not at "č." before the number.
	const end = /[!?;\n]|\.(?=[ \u00a0\u202f]*[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]|$)/u.exec(text.slice(from, stop));
	if (end) stop = from + end.index;
	const m = re.exec(text.slice(from, stop));
	return m ? [from + m.index, from + m.index + m[0].length] : null;
}

function trimTail(text: string, start: number, end: number): number {
	let e = end;
	while (e > start && /[.,;:/\-–]/u.test(text.charAt(e - 1))) e--;
	return e;
}

export function findCodes(text: string, out: PersonalDataFinding[]): void {
	if (!/\d/u.test(text)) return;
	for (const m of text.matchAll(COURT_FILE)) {
		out.push({ kind: 'court_file', start: m.index, end: m.index + m[0].length });
	}
	if (/zn\.|značk/u.test(text)) {
		for (const m of text.matchAll(COURT_CUE)) {
			const span = m.indices?.[1];
			if (!span) continue;
			// Offices use "spisová značka" too ("SZ MHMP 78123/2026"): without a court register it is a
			// reference number.
			const token = text.slice(span[0], span[1]);
			COURT_FILE.lastIndex = 0;
			const kind = COURT_FILE.test(token) || /^\d/u.test(token) ? 'court_file' : 'reference_number';
			out.push({ kind, start: span[0], end: trimTail(text, span[0], span[1]) });
		}
	}
	for (const m of text.matchAll(REFERENCE_CUE)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'reference_number', start: span[0], end: trimTail(text, span[0], span[1]) });
	}
	for (const m of text.matchAll(REFERENCE_SHAPE)) {
		out.push({
			kind: 'reference_number',
			start: m.index,
			end: trimTail(text, m.index, m.index + m[0].length)
		});
	}
	if (/DS|ds|atov/u.test(text)) {
		for (const m of text.matchAll(DATA_BOX_CUE)) {
			const span = afterCue(text, m.index + m[0].length, 40, DATA_BOX_ID);
			if (span) out.push({ kind: 'data_box', start: span[0], end: span[1] });
		}
	}
	if (/ojist|ojišt|nsurance|olicy/iu.test(text)) {
		for (const m of text.matchAll(INSURANCE_CUE)) {
			const span = afterCue(text, m.index + m[0].length, 40, INSURANCE_NUMBER);
			if (span) out.push({ kind: 'insurance_number', start: span[0], end: span[1] });
		}
	}
	if (/list|RL|svaz|sv\.|atri/u.test(text)) {
		for (const m of text.matchAll(CERTIFICATE)) {
			const span = m.indices?.[1];
			if (span) out.push({ kind: 'id_document', start: span[0], end: span[1] });
		}
		for (const m of text.matchAll(REGISTER_ENTRY)) {
			out.push({ kind: 'id_document', start: m.index, end: m.index + m[0].length });
		}
	}
}
