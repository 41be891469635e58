// Quasi-identifiers: details that are each harmless but together single a family out ("osmiletá dcera
// a šestiletá dvojčata, otec je místní policista, v okrese Jeseník"). The blocking guard (pii.ts) stops
// names, addresses and small villages; this module only gives a soft warning when several such details
// meet in one need or story, so the social worker can generalise them. Rule-based like pii.ts: every
// regex is built once at module load, all repetition is bounded, findQuasiIdentifiers is pure and
// synchronous and runs in linear time.

export const quasiKinds = [
	'exact_age',
	'family_shape',
	'rare_circumstance',
	'origin',
	'occupation',
	'small_place',
	'exact_date',
	'media'
] as const;
export type QuasiKind = (typeof quasiKinds)[number];
export interface QuasiFinding {
	kind: QuasiKind;
	start: number;
	end: number;
	fragment: string;
}

// The name and hint of each kind are in messages/*.json (quasi_kind_*, quasi_hint_*).

// ---------------------------------------------------------------------------------------------------
// Building blocks

const SP = '[ \\u00a0\\u202f]';
/** No letter or digit before / after: JS \b only knows ASCII letters. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const UP = 'A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽÖÜ';
const LOW = 'a-záčďéěíňóřšťúůýžöü';
const CAPW = `[${UP}][${LOW}]+`;

const re = (source: string, flags = 'giu'): RegExp => new RegExp(source, flags);
const alt = (list: string): string =>
	list
		.split(/\s+/u)
		.filter((w) => w.length > 0)
		.join('|');

/** A sentence end: "!", "?", ";", a line break, or a full stop before a capital ("nar. 2017" is none). */
const SENTENCE_END = /[.!?…]["“”»)]*[ \u00a0\u202f\t]+(?=[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ])|[!?;\n]/gu;
/** The clause before `at`: back to the last sentence end, at most `n` characters. */
function clauseBefore(text: string, at: number, n = 40): string {
	const s = text.slice(Math.max(0, at - n), at);
	let cut = -1;
	for (const m of s.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
	return cut >= 0 ? s.slice(cut) : s;
}
/** The clause after `at`: up to the next sentence end, at most `n` characters. */
function clauseAfter(text: string, at: number, n = 40): string {
	const s = text.slice(at, at + n);
	const m = /[!?\n]|\.(?:[ \u00a0\u202f]|$)/u.exec(s);
	return m ? s.slice(0, m.index) : s;
}
/** Whether `at` starts a sentence (only spaces and opening marks before it). */
function atSentenceStart(text: string, at: number): boolean {
	const before = text.slice(Math.max(0, at - 4), at).trimEnd();
	return before === '' || /[.!?\n"„“(•*–:-]$/u.test(before);
}
const lastWords = (s: string, n: number): string[] => (s.match(/\p{L}+/gu) ?? []).slice(-n);

type Push = (kind: QuasiKind, start: number, end: number) => void;

// ---------------------------------------------------------------------------------------------------
// Exact ages

const NUM = '\\d{1,2}';
const NUM_WORD = `(?:(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět)a)?(?:dvacet|třicet|čtyřicet|padesát|šedesát)|${alt(
	'jeden jedna jedno dva dvě tři čtyři pět šest sedm osm devět deset jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct'
)}`;
const LIST_SEP = `(?:${SP}*,${SP}*|${SP}+(?:a|i|nebo)${SP}+)`;
/** "9", "6 a 9", "3, 6 a 9": at most six numbers, so no backtracking blow-up. */
const NUM_LIST = `${NUM}(?:${LIST_SEP}${NUM}){0,5}`;
const WORD_LIST = `(?:${NUM_WORD})(?:${LIST_SEP}(?:${NUM_WORD})){0,5}`;
const YEAR_UNIT = 'let|roků|roky|rok';
const MONTH_UNIT = 'měsíců|měsíce|měsíc|týdnů|týdny|týden';

const AGE_NUMBER = re(`${B}(${NUM_LIST}|${WORD_LIST})${SP}*(${YEAR_UNIT}|${MONTH_UNIT})${E}`);
/** Person nouns and pronouns that make the number after them an age: "syn 9 let", "je mu 9 let". */
const PERSON_WORD = re(
	`^(?:syn\\p{L}{0,3}|dce[rř]\\p{L}{0,4}|dítě\\p{L}{0,3}|děti|dětí|dětem|dětmi|děťát\\p{L}{0,3}|chlap(?:ec|ce|ci|cem|cům|ečk\\p{L}{0,3})|holčič\\p{L}{0,3}|hol[kc]\\p{L}{0,3}|kluk\\p{L}{0,3}|dív[kc]\\p{L}{0,3}|mimin\\p{L}{0,3}|batol\\p{L}{0,3}|kojen\\p{L}{0,3}|sourozen\\p{L}{0,4}|bratr\\p{L}{0,3}|bratříč\\p{L}{0,3}|sest[rř]\\p{L}{0,4}|matk\\p{L}{0,3}|mamin[kc]\\p{L}{0,3}|matce|otec|otc\\p{L}{0,3}|tát\\p{L}{0,3}|tatín\\p{L}{0,4}|babič\\p{L}{0,3}|děd\\p{L}{0,5}|klient\\p{L}{0,4}|žen[aěuy]|ženou|muž\\p{L}{0,3}|manžel\\p{L}{0,4}|partner\\p{L}{0,4}|druh|druha|družk\\p{L}{0,2}|přítel\\p{L}{0,5}|vnu\\p{L}{1,3}|vnouč\\p{L}{0,3}|žák\\p{L}{0,3}|žačk\\p{L}{0,3}|student\\p{L}{0,4}|dvojč\\p{L}{0,3}|trojč\\p{L}{0,3}|nejstarší\\p{L}{0,2}|nejmladší\\p{L}{0,2}|prostřední\\p{L}{0,2}|mladší\\p{L}{0,2}|starší\\p{L}{0,2}|prvorozen\\p{L}{0,3}|nezletil\\p{L}{0,3}|mu|jí|jim|věk|věku|stáří)$`,
	'iu'
);
/** Words right before a number that make it a duration or a range: "už 2 roky", "do 3 let", "6–10 let". */
const DURATION_BEFORE = re(
	`(?:^|[^\\p{L}])(?:před|po|za|na|už|již|ještě|posledních|poslední|během|dalších|další|přes|téměř|skoro|zhruba|přibližně|asi|cca|od|do|až|než|nad|pod|nejméně|minimálně|maximálně|celých|celé|dlouhých|dlouhé|dobrých|trvá|trvalo|trvající|dobu|delší|kratší|mladší|starší|mladších|starších|o|déle|dlouho|každých|každé|více|víc|méně|min|max)${SP}*\\.?${SP}*$|\\d${SP}*[–—-]${SP}*$`,
	'iu'
);
/** Words after the number that make it a duration: "2 roky bydlí", "3 roky ve vězení", "3 měsíce nájmu". */
const DURATION_AFTER = re(
	`^${SP}*,?${SP}*(?:zpátky|zpět|nazpět|nazad|bydl|nebydl|žij|žil|pracuj|pracoval|nepracuj|trv|manželstv|vztah|soužit|splác|splat|čeká|čekal|nemá|nemají|neviděl|nevid|nebyl|v${SP}+azyl|ve${SP}+vězení|vězení|natvrdo|nepodmín|podmín|odnětí|trest|bez${SP}|v${SP}+nájm|v${SP}+podnájm|v${SP}+ČR|v${SP}+Česk|v${SP}+Čech|v${SP}+zahraničí|na${SP}+úřad|v${SP}+evidenc|v${SP}+péči|chod|dochází|dojíždí|platí|nepla|dluž|pobírá|léč|užívá|pije|bere|pryč|záruk|na${SP}+splacení|v${SP}+kuse|zkušen|prax|nájm|nájem|kauc|splát|záloh|předem|dopředu|výživn|alimen|dávk|zpoždění|po${SP}+splatnosti|staré|starý|stará|starší|mladší|ne\\p{L}{3,})`,
	'iu'
);

/** The number is an age when a person word stands just before it or it sits in brackets. */
function ageContext(text: string, start: number): boolean {
	const before = clauseBefore(text, start, 40);
	if (/\([ \u00a0\u202f]*$/u.test(before)) return true;
	return lastWords(before, 3).some((w) => PERSON_WORD.test(w));
}

/** Months and weeks are mostly durations ("tři měsíce neplatí"), so they need a baby or "je mu" before. */
const MONTH_CONTEXT = re(
	`(?:\\(|(?:je|bude|bylo|byl[oa]?)${SP}+(?:mu|jí|jim)|(?:mu|jí|jim)${SP}+(?:je|bude|bylo)|mimin\\p{L}*|kojen\\p{L}*|batol\\p{L}*|syn\\p{L}{0,3}|dce[rř]\\p{L}{0,3}|holčič\\p{L}*|chlapeč\\p{L}*|děťátk\\p{L}*|dítě|dítěti|věku|věk)${SP}*[,:]?${SP}*$`,
	'iu'
);

function findAgeNumbers(text: string, push: Push): void {
	for (const m of text.matchAll(AGE_NUMBER)) {
		const start = m.index;
		const end = start + m[0].length;
		const before = clauseBefore(text, start, 30);
		if (/^(?:měs|týd)/iu.test(m[2] ?? '') && !MONTH_CONTEXT.test(before)) continue;
		if (DURATION_BEFORE.test(before)) continue;
		if (DURATION_AFTER.test(text.slice(end, end + 30))) continue;
		if (/^[ \u00a0\u202f]*[–—-][ \u00a0\u202f]*\d/u.test(text.slice(end, end + 6))) continue;
		if (!ageContext(text, start)) continue;
		push('exact_age', start, end);
	}
}

// "je mu 9", "synovi je 7", "ve věku 34 let", "věk: 9"
const AGE_PRONOUN = re(
	`${B}(?:(?:je|bude|bylo|byl[oa]?|jsou|budou|byly)${SP}+(?:mu|jí|jim)|(?:mu|jí|jim)${SP}+(?:je|bude|bylo|jsou|budou|byly)|ve${SP}+věku|věk${SP}*:?|stáří${SP}*:?|věku)${SP}+(?:(?:asi|cca|necelých|nedožitých|téměř|skoro|přes|právě|teprve|už|již)${SP}+)?(${NUM_LIST}|${WORD_LIST})(?:${SP}*(?:${YEAR_UNIT}|${MONTH_UNIT}))?${E}`,
	'dgiu'
);

// "9letý", "9-letá", "9ti letý", "devítiletý", "pětatřicetiletá", "šestiměsíční miminko"
const NUM_STEM = `(?:(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět)a)?(?:dvaceti|třiceti|čtyřiceti|padesáti|šedesáti|sedmdesáti|osmdesáti)|${alt(
	'jedno dvou tří čtyř pěti šesti sedmi osmi devíti deseti jedenácti dvanácti třinácti čtrnácti patnácti šestnácti sedmnácti osmnácti devatenácti'
)}`;
const DIGIT_STEM = `\\d{1,2}(?:${SP}?-?${SP}?ti)?${SP}?-?${SP}?`;
const AGE_ADJECTIVE = re(`${B}(?:${DIGIT_STEM}|${NUM_STEM})let(?:ý|á|é|ého|ému|ém|ou|ým|í|ých|ými)${E}`);
/** "dvouletý trest", "pětiletý vztah": -letý about a thing, not a person. */
const NOT_PERSON_AFTER = re(
	`^${SP}+(?:\\p{L}+${SP}+)?(?:smlouv|program|trest|pobyt|nájem|nájm|vztah|úvěr|splát|dluh|kurz|studi|manželstv|soužit|obor|záruk|plán|projekt|období|podmín|zkušen|prax|výcvik|dotac|grant|výročí|jubile|zaměstnán|pracovní|spor|proces|boj|vývoj|útlak|týrání|násilí|zneužív|odloučen|exekuc|práce|prací|léčb|terapi|hypoték|válk|konflikt|azyl|zákaz|lhůt|čekání|výpadek|dluh|sbírk|pronájem|provoz|cyklus|pauz)`,
	'iu'
);
const AGE_BABY = re(
	`${B}(?:${DIGIT_STEM}|${NUM_STEM}|půl|jedno)(?:měsíční|týdenní|denní|roční)\\p{L}{0,3}${SP}+(?:mimin\\p{L}*|dít\\p{L}*|děťát\\p{L}*|syn\\p{L}*|dcer\\p{L}*|holčič\\p{L}*|chlapeč\\p{L}*|kojen\\p{L}*|batol\\p{L}*|sestřič\\p{L}*|bratříč\\p{L}*|dvojč\\p{L}*)`,
	'giu'
);
// A year of birth: "narozená 2017", "ročník 2015", "nar. v roce 2019"
const BIRTH_YEAR = re(
	`${B}(?:narozen\\p{L}{0,3}|nar\\.|ročník\\p{L}{0,2}|r\\.${SP}?nar\\.)${SP}*(?:v${SP}+roce${SP}+|roku${SP}+|r\\.${SP}*)?(?:19|20)\\d{2}${E}`
);

// "syn (7)", "dcery (3, 5)": a bare number in brackets after a person word.
const BRACKET_AGE = re(`\\(${SP}*${NUM_LIST}${SP}*\\)`, 'gu');

function findAges(text: string, push: Push): void {
	findAgeNumbers(text, push);
	for (const m of text.matchAll(AGE_PRONOUN)) {
		const span = m.indices?.[1];
		if (!span) continue;
		const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
		if (/^[ \u00a0\u202f]*(?:[–—-]|až|do)[ \u00a0\u202f]*\d/u.test(after)) continue;
		push('exact_age', span[0], m.index + m[0].length);
	}
	for (const m of text.matchAll(AGE_ADJECTIVE)) {
		const end = m.index + m[0].length;
		if (NOT_PERSON_AFTER.test(text.slice(end, end + 40))) continue;
		push('exact_age', m.index, end);
	}
	for (const m of text.matchAll(AGE_BABY)) {
		const word = /^\S+/u.exec(m[0]);
		push('exact_age', m.index, m.index + (word ? word[0].length : m[0].length));
	}
	for (const m of text.matchAll(BIRTH_YEAR)) push('exact_age', m.index, m.index + m[0].length);
	for (const m of text.matchAll(BRACKET_AGE)) {
		const words = lastWords(clauseBefore(text, m.index, 30), 1);
		if (
			words.length === 1 &&
			PERSON_WORD.test(words[0]!) &&
			!/^(?:mu|jí|jim|věk|věku|stáří)$/iu.test(words[0]!)
		)
			push('exact_age', m.index, m.index + m[0].length);
	}
}

// ---------------------------------------------------------------------------------------------------
// Family shape: twins, triplets, four and more children

const MULTIPLES = re(`${B}(?:dvojč|trojč(?!len)|čtyřč(?!len)|pateřč|vícerč)\\p{L}*`);
const MANY_WORD = alt(
	'čtyři čtyř čtyřmi čtyřem čtyřech pět pěti šest šesti sedm sedmi osm osmi devět devíti deset deseti jedenáct jedenácti dvanáct dvanácti třináct třinácti'
);
const CHILD_ADJ = alt(
	'vlastními vlastních vlastní malými malých malé nezletilými nezletilých nezletilé nezaopatřenými nezaopatřených nezaopatřené biologickými biologických společnými společných společné'
);
const CHILD_NOUN = `děti|dětí|dětmi|dětem|dětech|potomk\\p{L}{0,3}|sourozen\\p{L}{0,4}|synů|syny|synové|synech|synům|dcer|dcery|dcerami|dcerách|dcerám|kluk\\p{L}{0,3}|holk\\p{L}{0,3}|holčiček|holčičk\\p{L}{0,3}|vnoučat\\p{L}{0,2}|vnuk\\p{L}{0,3}|vnuček|vnučk\\p{L}{0,3}`;
const MANY_CHILDREN = re(`${B}(\\d{1,2}|${MANY_WORD})${SP}+(?:(?:${CHILD_ADJ})${SP}+)?(?:${CHILD_NOUN})${E}`);
const BIG_HOUSEHOLD = re(
	`${B}(?:(\\d{1,2})(?:${SP}?-?${SP}?ti)?${SP}?-?${SP}?|šesti|sedmi|osmi|devíti|deseti|jedenácti|dvanácti)členn\\p{L}{1,3}`
);
const NTH_CHILD = re(
	`${B}(?:čtvrt|pát|šest|sedm|osm|devát|desát)(?:é|ého|ém|ým|ému)${SP}+(?:dít\\p{L}*|mimin\\p{L}*|potomk\\p{L}*)`
);

function findFamilyShape(text: string, push: Push): void {
	for (const m of text.matchAll(MULTIPLES)) push('family_shape', m.index, m.index + m[0].length);
	for (const m of text.matchAll(MANY_CHILDREN)) {
		const n = m[1] ?? '';
		if (/^\d+$/u.test(n) && (Number(n) < 4 || Number(n) > 20)) continue;
		push('family_shape', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(BIG_HOUSEHOLD)) {
		const n = m[1];
		if (n !== undefined && (Number(n) < 6 || Number(n) > 20)) continue;
		push('family_shape', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(NTH_CHILD)) push('family_shape', m.index, m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------------
// Rare circumstances: specific diagnoses and disabilities, prison, notable events, rough sleeping

const RARE_CONDITION = re(
	`${B}(?:na${SP}+(?:invalidním${SP}+)?vozíku|vozíčkář\\p{L}*|invalidní\\p{L}*${SP}+vozík\\p{L}*|ochrnut\\p{L}*|paraplegi\\p{L}*|kvadruplegi\\p{L}*|tetraplegi\\p{L}*|nevidom\\p{L}*|slepot\\p{L}*|neslyšíc\\p{L}*|hluchoněm\\p{L}*|hluch(?:ý|á|é|ou|ého|ému|ém|ým|ých|í)|(?:zrakov|sluchov)\\p{L}*${SP}+postižen\\p{L}*|kochleár\\p{L}*|amputac\\p{L}*|amputovan\\p{L}*|bez${SP}+(?:obou${SP}+)?(?:nohou|nohy|ruky|rukou)|tracheostom\\p{L}*|na${SP}+(?:dýchacím${SP}+přístroji|ventilátoru|dialýze)|dialýz\\p{L}*|transplantac\\p{L}*|albín\\p{L}*|albinism\\p{L}*|nanism\\p{L}*|achondroplazi\\p{L}*|leukémi\\p{L}*|leukemi\\p{L}*|onkologick\\p{L}*|rakovin\\p{L}*|nádor\\p{L}*|mozkov\\p{L}*${SP}+obrn\\p{L}*|cystick\\p{L}*${SP}+fibróz\\p{L}*|svalov\\p{L}*${SP}+(?:dystrofi|atrofi)\\p{L}*|spinální\\p{L}*${SP}+svalov\\p{L}*${SP}+atrofi\\p{L}*|hemofili\\p{L}*|fenylketonuri\\p{L}*|spina${SP}+bifida|rozštěp\\p{L}*${SP}+páteř\\p{L}*|hydrocefal\\p{L}*|motýlí${SP}+křídl\\p{L}*|epidermolýz\\p{L}*|vzácn\\p{L}*${SP}+(?:\\p{L}+${SP}+)?(?:onemocněn|nemoc|diagnóz|vad|syndrom|chorob|postižen)\\p{L}*|genetick\\p{L}*${SP}+(?:vad|syndrom|onemocněn|poruch)\\p{L}*|změn\\p{L}*${SP}+pohlaví|transgender\\p{L}*|tranzic\\p{L}*|nezletil\\p{L}*${SP}+(?:matk|mamink|těhotn)\\p{L}*|termín\\p{L}*${SP}+porodu|(?:v|ve)${SP}+\\d{1,2}\\.${SP}*(?:týdnu|měsíci)${SP}+(?:těhotenství|gravidity)|\\d{1,2}\\.${SP}*(?:týden|týdnu|měsíc|měsíci)${SP}+(?:těhotenství|gravidity))`
);
// Case-sensitive abbreviations: "HIV", "DMO", "SMA", "PEG", "VTOS"
const RARE_ABBREVIATION = re(`${B}(?:HIV|AIDS|DMO|SMA|PEG|VTOS)${E}`, 'gu');
// "Duchennova svalová dystrofie", "s Downovým syndromem", "syndrom Prader-Williho"
const EPONYM = re(
	`${B}([${UP}][${LOW}]+(?:-[${UP}][${LOW}]+)?(?:ův|ova|ovy|ovu|ově|ovým|ovou|ovi|ovo|ových))${SP}+(?:\\p{L}+${SP}+)?(?:syndrom|chorob|nemoc|dystrofi|atrofi|sarkom|lymfom|anomáli|ataxi)\\p{L}*`,
	'gu'
);
const SYNDROME_NAMED = re(`${B}syndrom\\p{L}{0,3}${SP}+([${UP}][${LOW}]+(?:-[${UP}][${LOW}]+)?)${E}`, 'gu');
const COMMON_EPONYMS = /^(?:Asperger|Alzheimer|Parkinson|Tourett)/u;
const PRISON = re(
	`${B}(?:vězen\\p{L}*|vězň\\p{L}*|vězn\\p{L}*|uvězněn\\p{L}*|věznic\\p{L}*|výkon\\p{L}*${SP}+trestu|nepodmíněn\\p{L}*|odsouzen\\p{L}*|(?:ve|do|z)${SP}+vazb[ěyu]|vazební\\p{L}*|kriminál(?:e|u|em)?|(?:v|do|z)${SP}+bas[eyu]|(?:v|do|z)${SP}+lapáku)${E}`
);
const EVENT = re(
	`${B}(?:požár\\p{L}*|vyhořel\\p{L}*|povodn\\p{L}*|povodeň|tornád\\p{L}*|výbuch\\p{L}*${SP}+plynu|vražd\\p{L}*|zavražd\\p{L}*|sebevražd\\p{L}*|ubodal\\p{L}*|ubodán\\p{L}*|zastřel\\p{L}*|postřel\\p{L}*|uškrtil\\p{L}*|únos(?:u|em|y|ů|ech)?|únosc\\p{L}*|unesl\\p{L}*|unesen\\p{L}*|uhořel\\p{L}*|utonul\\p{L}*|zahynul\\p{L}*|tragick\\p{L}*${SP}+(?:nehod|smrt|úmrt|událost)\\p{L}*|tragédi\\p{L}*|autonehod\\p{L}*|dopravní\\p{L}*${SP}+nehod\\p{L}*|smrteln\\p{L}*${SP}+nehod\\p{L}*|střelb\\p{L}*)${E}`
);
/** "vyhrožoval vraždou", "vyhrožuje sebevraždou": a threat, not an event. */
const THREAT_BEFORE = /(?:vyhrož|hroz|výhrůž|strach|bojí|obav)\p{L}*[^.!?\n]{0,25}$/iu;
const ROUGH_SLEEPING = re(
	`${B}(?:spí|spal[aiy]?|spaly|bydl\\p{L}*|žij\\p{L}*|žil[aoi]?|přespáv\\p{L}*|přespal\\p{L}*|nocuj\\p{L}*|nocoval\\p{L}*|přebýv\\p{L}*)${SP}+(?:(?:teď|nyní|momentálně|zatím|dočasně|už|jen|spolu|s${SP}+dětmi|i${SP}+s${SP}+dětmi)${SP}+){0,2}(?:(?:v|ve)${SP}+(?:(?:starém|rozbitém|zahradní|stavební|opuštěném|opuštěné|jednom|malém|obytném)${SP}+)?(?:autě|stanu|maringotce|karavanu|garáži|kůlně|sklepě|squatu|buňce|chatce|lese|dodávce|obytňáku|voze|vagonu|přívěsu)|na${SP}+(?:ulici|nádraží|lavičce)|pod${SP}+mostem)${E}|${B}squat\\p{L}*`
);
// "jediná vietnamská rodina v obci": only the word "jediná" is marked, the rest may be other details.
const ONLY_ONE = re(
	`${B}jedin(?:ý|á|é|í|ou|ého|ém|ým|ými)(?=${SP}+(?:\\p{L}+${SP}+)?(?:rodin|dít|dět|žák|žačk|cizin|matk|mamink|otec|otc|muž|žen|holčič|holk|chlap|kluk|dívk|\\p{L}+(?:sk|ck)\\p{L}{1,3}${SP}+rodin)\\p{L}*[^.!?\\n]{0,40}?(?:${B}(?:v|ve|na)${SP}+(?:obci|vsi|vesnici|vesničce|městě|městečku|okolí|okrese|kraji|škole|školce|třídě|ulici|sídlišti|celé|celém)|široko${SP}+daleko))`
);

function findRare(text: string, push: Push): void {
	for (const m of text.matchAll(RARE_CONDITION)) push('rare_circumstance', m.index, m.index + m[0].length);
	for (const m of text.matchAll(RARE_ABBREVIATION)) push('rare_circumstance', m.index, m.index + m[0].length);
	for (const r of [EPONYM, SYNDROME_NAMED]) {
		for (const m of text.matchAll(r)) {
			if (COMMON_EPONYMS.test(m[1] ?? '')) continue;
			push('rare_circumstance', m.index, m.index + m[0].length);
		}
	}
	for (const m of text.matchAll(PRISON)) push('rare_circumstance', m.index, m.index + m[0].length);
	for (const m of text.matchAll(EVENT)) {
		if (/vražd/iu.test(m[0]) && THREAT_BEFORE.test(clauseBefore(text, m.index, 40))) continue;
		push('rare_circumstance', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(ROUGH_SLEEPING)) push('rare_circumstance', m.index, m.index + m[0].length);
	for (const m of text.matchAll(ONLY_ONE)) push('rare_circumstance', m.index, m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------------
// Origin: nationality, ethnicity, country of origin, refugee status

/** Adjective stems that name a nation or ethnicity anywhere: "vietnamská rodina", "mluví rusky". */
const NATION_ADJ =
	alt(`vietnamsk mongolsk ukrajinsk romsk slovensk polsk rusk běloru(?:sk) moldavsk rumunsk bulharsk
maďarsk srbsk chorvatsk bosensk albánsk kosovsk makedonsk litevsk lotyšsk estonsk gruzínsk arménsk ázerbájdžánsk
kazašsk kazachstánsk uzbeck kyrgyzsk tádžick tureck kurdsk syrsk irácks íránsk afghánsk pákistánsk indick
bangladéšsk čínsk japonsk korejsk filipínsk thajsk nigerijsk africk marock alžírsk tunisk egyptsk eritrejsk
somálsk súdánsk etiopsk konžsk angolsk kubánsk brazilsk mexick arabsk čečensk dagestánsk kavkazsk asijsk
balkánsk latinskoamerick`);
/** Western adjectives are also school languages and brands, so they count only before a person word. */
const WESTERN_ADJ = alt(`anglick německ francouzsk španělsk italsk americk britsk rakousk nizozemsk holandsk
belgick švýcarsk švédsk norsk dánsk finsk portugalsk řeck irsk skotsk kanadsk`);
const ADJ_END = '(?:ý|á|é|ého|ému|ém|ou|ým|í|ých|ými|y)';
const ORIGIN_ADJ = re(`${B}(?:${NATION_ADJ})${ADJ_END}${E}`);
const ORIGIN_WESTERN = re(
	`${B}(?:${WESTERN_ADJ})${ADJ_END}${SP}+(?:rodin|národnost|občan|státní|původ|matk|mamink|otec|otc|manžel|partner|druh|druž|přítel|muž|žen|klient|dít|dět|chlap|holk|kluk|dívk|syn|dcer)\\p{L}*`
);
/** Countries, big foreign cities and nation nouns, capitalised: "z Ukrajiny", "Vietnamka", "Romové". */
const ORIGIN_NOUN = re(
	`${B}(?:Ukrajin|Vietnam|Mongol|Slovens|Slovenk|Polsk[oua]|Polskem|Rusk[oua]|Ruskem|Rusov|Bělorus|Moldav|Rumun|Bulhar|Maďar|Srbsk|Chorvat|Bosn|Albán|Kosov|Makedon|Litv[aěuy]|Litvou|Lotyš|Eston|Gruzi[eií]|Gruzín|Armén|Ázerbájdžán|Kazach|Uzbek|Kyrgyz|Tádžik|Turec|Turkyn|Kurdové|Kurdk|Sýri[ei]|Syřan|Irák|Iráčan|Írán|Afghán|Pákistán|Indi[ei]|Bangladéš|Čín[aěuy]|Čínou|Číňan|Japon|Kore[ajou]|Korej|Filipín|Thaj|Nigéri|Nigerij|Afri[kč]|Marok|Maroč|Alžír|Tunis|Egypt|Eritrej|Somál|Súdán|Etiopi|Kong[oau]|Angol|Kubán|Brazíli|Brazil|Mexi[kč]|Arab(?:ové|ka|ky|kou|ů|ům|em|ovi)|Čečen|Dagestán|Kavkaz|Romové|Romů|Romy|Romům|Romech|Romk|Němk|Němc[iů]|Němcům|Němec(?:k[oua]|kem)|Rakous|Angli[eií]|Angličan|Británi|Brit(?:ové|ka|ky|ů)|Franci[ei]|Francouz|Itáli|Ital(?:ové|ka|ky|ů|ům)|Španěl|Irsk[oua]|Skotsk[oua]|Belgi[ei]|Holandsk|Nizozem|Švýcar|Švéd|Norsk[oua]|Dánsk[oua]|Finsk[oua]|Řeck[oua]|Řek(?:ové|yně)|Portugal|Ameri[kč]|USA|Kanad|Kyjev|Charkov|Lvov|Lviv|Oděs|Mariupol|Cherson|Záporož|Dnipr|Dněpr|Hanoj|Ulánbátar|Moskv|Minsk|Kišiněv|Kábul|Damaš|Bagdád|Teherán|Bratislav|Košic)\\p{L}{0,5}${E}`,
	'gu'
);
const ORIGIN_STATUS = re(
	`${B}(?:cizin(?:ec|ce|ci|cem|ců|cům|ka|ky|ce|kou|kám|ecká|eckou|ecké|ecký)|migrant\\p{L}{0,4}|uprchlí(?:k|ka|kem|ci|ků|kům)|uprchlic\\p{L}{0,3}|uprchlick\\p{L}{0,3}|azylant\\p{L}{0,4}|dočasn\\p{L}{1,3}${SP}+ochran\\p{L}{1,3}|žadatel\\p{L}{0,4}${SP}+o${SP}+(?:azyl|mezinárodní${SP}+ochranu)|(?:jin\\p{L}{1,3}|cizí|nečesk\\p{L}{1,3})${SP}+státní\\p{L}{0,3}${SP}+příslušnost\\p{L}{0,3}|(?:národnostní|etnick\\p{L}{1,3})${SP}+menšin\\p{L}{1,3})${E}`
);

const ORGANISATION_BEFORE = re(
	`(?:^|[^\\p{L}])(?:pro|integrac\\p{L}*|pomoc\\p{L}*|poradn\\p{L}*|centr\\p{L}*|organizac\\p{L}*|sdružen\\p{L}*|služb\\p{L}*)(?:${SP}+\\p{L}+)?${SP}*$`,
	'iu'
);

function findOrigin(text: string, push: Push): void {
	for (const r of [ORIGIN_ADJ, ORIGIN_WESTERN]) {
		for (const m of text.matchAll(r)) push('origin', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(ORIGIN_STATUS)) {
		// "Centrum pro integraci cizinců", "Organizace pro pomoc uprchlíkům": a service, not the family.
		if (ORGANISATION_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
		push('origin', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(ORIGIN_NOUN)) {
		// "jezdí za prací do Německa": a trip abroad, not where the family comes from.
		if (/(?:^|[^\p{L}])do[ \u00a0\u202f]+$/u.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
		push('origin', m.index, m.index + m[0].length);
	}
}

// ---------------------------------------------------------------------------------------------------
// Occupation of a family member

const JOB = `policist\\p{L}{0,3}|policajt\\p{L}{0,3}|strážní(?:k|ka|kem|ci|kovi)|strážnic\\p{L}{0,3}|kriminalist\\p{L}{0,3}|vyšetřovatel\\p{L}{0,3}|soudce|soudcem|soudci|soudkyn\\p{L}{0,2}|státní\\p{L}{0,2}${SP}+zástup\\p{L}{2,6}|prokurátor\\p{L}{0,3}|advokát\\p{L}{0,4}|notář\\p{L}{0,4}|exekutor\\p{L}{0,4}|starosta|starostou|starostovi|starostk\\p{L}{0,3}|místostarost\\p{L}{1,3}|zastupitel\\p{L}{0,4}|poslan(?:ec|ce|cem|ci|kyně|kyní|kyni)|senátor\\p{L}{0,4}|primátor\\p{L}{0,4}|hejtman\\p{L}{0,4}|politi(?:k|kem|kovi|čka|čkou)|farář\\p{L}{0,4}|kněz|kněze|knězem|knězi|pastor\\p{L}{0,4}|duchovní\\p{L}{0,2}|jáhen|jáhnem|lékař\\p{L}{0,4}|doktor\\p{L}{0,4}|chirurg\\p{L}{0,4}|zubař\\p{L}{0,4}|stomatolog\\p{L}{0,4}|psychiatr\\p{L}{0,4}|psycholog\\p{L}{0,4}|psycholož\\p{L}{1,3}|pediatr\\p{L}{0,4}|gynekolog\\p{L}{0,4}|veterinář\\p{L}{0,4}|lékárn(?:ík|íka|íkem|ice|icí)|učitel\\p{L}{0,4}|ředitel\\p{L}{0,4}|vychovatel\\p{L}{0,4}|hasič\\p{L}{0,3}|voják|vojáka|vojákem|vojákovi|vojačk\\p{L}{0,3}|důstojník\\p{L}{0,3}|záchranář\\p{L}{0,4}|celník\\p{L}{0,3}|dozorc\\p{L}{1,3}|dozorkyn\\p{L}{1,2}|pilot(?:a|em|ovi|ka|kou)?|kapitán\\p{L}{0,4}|trenér\\p{L}{0,4}|sportov(?:ec|ce|cem|kyně)|hokejist\\p{L}{0,3}|fotbalist\\p{L}{0,3}|zpěvá(?:k|ka|kem)|zpěvačk\\p{L}{0,3}|herec|herce|hercem|herečk\\p{L}{0,3}|moderátor\\p{L}{0,4}|novinář\\p{L}{0,4}|spisovatel\\p{L}{0,4}|podnikatel\\p{L}{0,4}|majitel\\p{L}{0,4}${SP}+(?:firmy|restaurace|hospody|obchodu|penzionu|autoservisu|farmy)|myslivec|myslivc\\p{L}{1,3}|hajný|lesník\\p{L}{0,3}|profesor\\p{L}{0,4}|vědec|vědkyn\\p{L}{1,2}|architekt\\p{L}{0,4}|kominík\\p{L}{0,3}|farmář\\p{L}{0,4}|radní`;
const FAMILY =
	alt(`otec otce otci otcem táta táty tátou tátovi tatínek tatínka tatínkem manžel manžela manželem
manželovi manželka manželky manželkou partner partnera partnerem partnerovi partnerka partnerky partnerkou druh druha
druhem družka družky přítel přítele přítelem přítelkyně matka matky matkou matce máma mámy mámou maminka maminky
maminkou syn syna synem dcera dcery dcerou bratr bratra bratrem sestra sestry sestrou strýc strýce strýcem teta tety
tetou dědeček dědečka děda dědy babička babičky otčím otčíma švagr švagra tchán tchyně násilník násilníka agresor
agresora pachatel pachatele expartner exmanžel bývalý bývalého bývalá bývalé klientka klientky klient klienta`);
const JOB_ADJ =
	alt(`bývalý bývalá bývalým místní známý známá uznávaný uznávaná aktivní vrchní hlavní dětský dětská
praktický praktická obvodní obecní městský městská státní profesionální vojenský vojenská zdejší vysoce postavený
postavená soukromý soukromá nemocniční`);
const FRAME = `(?:je|byl|byla|jsou|byli|bývalý|bývalá|pracuje${SP}+jako|pracoval[a]?${SP}+jako|působí${SP}+jako|působil[a]?${SP}+jako|slouží${SP}+jako|sloužil${SP}+jako|živí${SP}+se${SP}+jako|povoláním|profesí|z${SP}+povolání)`;
const OCCUPATION_FRAMED = re(
	`${B}(?:(?:${FAMILY})(?:${SP}+(?:dětí|dítěte|klientky|klienta|rodiny|syna|dcery|chlapců|dívek|holek|kluků))?(?<sep>${SP}*[,–-])?${SP}*(?<frame>${FRAME}${SP}+)?|(?<bare>${FRAME}|jako|coby)${SP}+)(?<job>(?:(?:${JOB_ADJ})${SP}+){0,2}(?:${JOB}))${E}`,
	'dgiu'
);
// "(matka je) učitelka na místní škole": counted only after a family word or a frame, since the child's
// teacher at the local school is no detail of the family.
const OCCUPATION_LOCAL = re(
	`${B}(?:${JOB})${SP}+(?:na|v|ve)${SP}+(?:místní|zdejší|obecní|vesnické|jediné)\\p{L}{0,2}${SP}+\\p{L}+${E}`
);
const FAMILY_OR_FRAME_BEFORE = re(
	`(?:^|[^\\p{L}])(?:${FAMILY}|${FRAME}|jako|coby)(?:${SP}+(?:dětí|dítěte|klientky|klienta|rodiny))?[ ,–-]*$`,
	'iu'
);
// "pracuje u policie", "slouží v armádě", "pracuje na obecním úřadě"
const OCCUPATION_PLACE = re(
	`${B}(?:pracuje|pracoval[a]?|slouží|sloužil[a]?|působí|působil[a]?)${SP}+(?:jako${SP}+\\p{L}+${SP}+)?(?:u|v|ve|na)${SP}+(?:policie|policii|městské${SP}+policii|armádě|armády|hasičů|vojsk\\p{L}{0,3}|celní${SP}+správ\\p{L}{1,2}|věznici|vězeňské${SP}+službě|soudu|státním${SP}+zastupitelství|obecním${SP}+úřadě|radnici|zastupitelstvu|parlamentu|ministerstvu|místní${SP}+\\p{L}+)${E}`
);

const FAMILY_IN_CLAUSE = re(`(?:^|[^\\p{L}])(?:${FAMILY})(?![\\p{L}])`, 'iu');

function findOccupation(text: string, push: Push): void {
	for (const m of text.matchAll(OCCUPATION_FRAMED)) {
		const span = m.indices?.groups?.job;
		if (!span) continue;
		const g = m.groups ?? {};
		const job = g.job ?? '';
		if (g.bare !== undefined) {
			// "Ve škole je učitelka": a bare "je" needs a family member earlier in the clause.
			if (
				/^(?:je|byl|byla|jsou|byli|bývalý|bývalá)$/iu.test(g.bare) &&
				!FAMILY_IN_CLAUSE.test(clauseBefore(text, m.index, 50))
			)
				continue;
		} else if (!g.frame) {
			// "otec policista" and "otec, policista, ..." are appositions; "u partnera, lékař chce číslo" is a
			// new clause and "matka lékaři řekla" a dative.
			if (g.sep && !/^[ \u00a0\u202f]*(?:[,)–-]|$)/u.test(text.slice(span[1], span[1] + 3))) continue;
			if (/(?:i|ovi|ce|ům|ím)$/iu.test(job)) continue;
		}
		push('occupation', span[0], span[1]);
	}
	for (const m of text.matchAll(OCCUPATION_LOCAL)) {
		if (FAMILY_OR_FRAME_BEFORE.test(clauseBefore(text, m.index, 50)))
			push('occupation', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(OCCUPATION_PLACE)) push('occupation', m.index, m.index + m[0].length);
}

// ---------------------------------------------------------------------------------------------------
// Small places: district towns and towns the blocking guard lets through, districts, landscapes

/**
 * Towns below the size of a regional capital, one a line: district towns, other towns of some 8 000
 * people and more, and big city quarters. The ten biggest cities are left out; they hide a family well.
 */
const TOWNS = `
Benešov|Beroun|Kladno|Kolín|Kutná Hora|Mělník|Mladá Boleslav|Nymburk|Příbram|Rakovník|Český Krumlov
Jindřichův Hradec|Písek|Prachatice|Strakonice|Tábor|Domažlice|Klatovy|Rokycany|Tachov|Cheb|Karlovy Vary|Sokolov
Děčín|Chomutov|Litoměřice|Louny|Most|Teplice|Česká Lípa|Jablonec nad Nisou|Semily|Jičín|Náchod
Rychnov nad Kněžnou|Trutnov|Chrudim|Svitavy|Ústí nad Orlicí|Havlíčkův Brod|Jihlava|Pelhřimov|Třebíč
Žďár nad Sázavou|Žďár|Blansko|Břeclav|Hodonín|Vyškov|Znojmo|Jeseník|Prostějov|Přerov|Šumperk|Kroměříž
Uherské Hradiště|Vsetín|Zlín|Bruntál|Frýdek-Místek|Karviná|Nový Jičín|Opava|Orlová|Havířov|Třinec|Bohumín
Český Těšín|Kopřivnice|Krnov|Frenštát pod Radhoštěm|Frýdlant nad Ostravicí|Hranice|Valašské Meziříčí
Rožnov pod Radhoštěm|Uherský Brod|Otrokovice|Kyjov|Veselí nad Moravou|Hustopeče|Mikulov|Boskovice|Tišnov|Kuřim
Ivančice|Slavkov u Brna|Bučovice|Moravské Budějovice|Velké Meziříčí|Nové Město na Moravě|Bystřice nad Pernštejnem
Humpolec|Chotěboř|Světlá nad Sázavou|Polička|Litomyšl|Vysoké Mýto|Česká Třebová|Lanškroun|Žamberk|Choceň
Přelouč|Hlinsko|Dvůr Králové nad Labem|Hořice|Nová Paka|Jaroměř|Vrchlabí|Broumov|Nové Město nad Metují
Dobruška|Kostelec nad Orlicí|Turnov|Železný Brod|Jilemnice|Tanvald|Nový Bor|Frýdlant|Varnsdorf|Rumburk|Šluknov
Bílina|Kadaň|Žatec|Podbořany|Lovosice|Roudnice nad Labem|Štětí|Litvínov|Jirkov|Klášterec nad Ohří|Chodov
Ostrov|Mariánské Lázně|Aš|Kraslice|Nejdek|Stříbro|Horšovský Týn|Sušice|Nepomuk|Přeštice|Blovice|Nýřany
Kralovice|Třeboň|Dačice|Vimperk|Vodňany|Blatná|Milevsko|Sezimovo Ústí|Kaplice|Týn nad Vltavou|Trhové Sviny
Dobříš|Sedlčany|Votice|Vlašim|Říčany|Brandýs nad Labem|Čelákovice|Lysá nad Labem|Poděbrady|Kralupy nad Vltavou
Slaný|Neratovice|Mnichovo Hradiště|Čáslav|Černošice|Hořovice|Šternberk|Uničov|Litovel|Zábřeh|Mohelnice
Lipník nad Bečvou|Bílovec|Odry|Studénka|Vítkov|Rýmařov|Hlučín|Kravaře|Jablunkov|Luhačovice
Bystřice pod Hostýnem|Holešov|Valašské Klobouky|Hronov|Úpice|Jablonec|Rychnov|Frenštát|Rožnov|Brandýs
Kralupy|Roudnice|Dvůr Králové|Klášterec|Lipník
Žižkov|Smíchov|Karlín|Libeň|Holešovice|Vršovice|Vinohrady|Nusle|Modřany|Letňany|Kobylisy|Prosek|Vysočany
Strašnice|Hostivař|Stodůlky|Dejvice|Břevnov|Černý Most|Jižní Město|Barrandov|Zbraslav|Radotín|Uhříněves
Bystrc|Líšeň|Židenice|Královo Pole|Žabovřesky|Starý Lískovec|Poruba|Hrabůvka|Dubina|Přívoz|Mariánské Hory
`;
/** Towns that are also common words ("most", "písek", "tábor", "hranice"): not counted at a sentence start. */
const AMBIGUOUS_TOWNS = new Set(
	'most písek tábor hranice slaný polička ostrov blatná odry studénka kaplice hořice prosek dubina'.split(' ')
);
const LINK_WORDS = new Set(['nad', 'pod', 'u', 'na']);

/** Case forms of one word of a place name, lower case: Tábor → tábora, táboru, táboře, táborem. */
function placeWordForms(word: string, afterLink: boolean): string[] {
	const w = word.toLowerCase();
	// Words after "nad/pod/na/u" are already in a fixed case: Sázavou, Labem, Moravě.
	if (afterLink || LINK_WORDS.has(w)) return [w];
	const forms = [w];
	const add = (stem: string, endings: string[]) => {
		for (const e of endings) forms.push(stem + e);
	};
	const stem = w.slice(0, -1);
	if (w.endsWith('ův')) add(w.slice(0, -2) + 'ov', ['a', 'u', 'ě', 'em', 'ým', 'ého', 'ém']);
	else if (w.endsWith('ý')) add(stem, ['ého', 'ému', 'ém', 'ým']);
	else if (w.endsWith('á')) add(stem, ['é', 'ou']);
	else if (w.endsWith('é')) add(stem, ['ého', 'ém', 'ému', 'ým', 'ých', 'ými']);
	else if (w.endsWith('í')) add(stem, ['ím']);
	else if (w.endsWith('e')) add(stem, ['i', 'í', 'ích', 'ím', 'emi', '']);
	else if (w.endsWith('y')) {
		add(stem, ['ech', 'ách', 'ích', 'ům', 'ám', 'ami', '']);
		// Karlovy Vary → Karlových Varech
		if (w.endsWith('ovy')) add(stem, ['ých', 'ým', 'ými']);
	} else if (w.endsWith('o')) add(stem, ['a', 'u', 'ě', 'e', 'em', 'ech']);
	else if (w.endsWith('a')) {
		add(stem, ['y', 'ě', 'e', 'u', 'ou', 'i']);
		const soft = stem.replace(/ch$/u, 'š').replace(/k$/u, 'c').replace(/[hg]$/u, 'z').replace(/r$/u, 'ř');
		if (soft !== stem) add(soft, ['e']);
	} else {
		// A consonant: masculine (Kolín, Písek, Hradec) or soft feminine (Boleslav, Kroměříž, Třeboň).
		const fleeting = /^(.*[^aáeéěiíoóuúůyý])e([kcnlrsň])$/u.exec(w);
		let s = fleeting ? (fleeting[1] ?? '') + (fleeting[2] ?? '') : w;
		s = s.replace(/ň$/u, 'n'); // Libeň → Libni, Třeboň → Třeboni
		add(s, ['a', 'u', 'e', 'ě', 'em', 'i', 'ích']);
		if (w.endsWith('ň')) add(w, ['e', 'i']);
		// Dvůr → Dvora, Dvoře
		const stems = [s];
		if (/ů[^aáeéěiíoóuúůyý]+$/u.test(s)) stems.push(s.replace(/ů([^aáeéěiíoóuúůyý]+)$/u, 'o$1'));
		for (const st of stems) {
			if (st !== s) add(st, ['a', 'u', 'em']);
			// Tábor → Táboře, Dvůr → Dvoře
			if (st.endsWith('r')) forms.push(st.slice(0, -1) + 'ře');
		}
	}
	return forms;
}

interface TownEntry {
	words: Set<string>[];
	/** Whether word i is joined to word i-1 by a hyphen (Frýdek-Místek). */
	hyphen: boolean[];
	ambiguous: boolean;
}
const townsByFirstForm = new Map<string, TownEntry[]>();
const townNames = new Set(
	TOWNS.split(/[|\n]/u)
		.map((s) => s.trim())
		.filter((s) => s.length > 0)
);
for (const name of townNames) {
	const parts = name.split(/(?=[ -])/u);
	const raw = parts.map((p) => p.replace(/^[ -]/u, ''));
	const hyphen = parts.map((p) => p.startsWith('-'));
	const words = raw.map(
		(w, i) => new Set(placeWordForms(w, i > 0 && LINK_WORDS.has(raw[i - 1]!.toLowerCase())))
	);
	const entry: TownEntry = { words, hyphen, ambiguous: AMBIGUOUS_TOWNS.has(name.toLowerCase()) };
	for (const f of words[0]!) {
		const list = townsByFirstForm.get(f) ?? [];
		list.push(entry);
		townsByFirstForm.set(f, list);
	}
}
for (const list of townsByFirstForm.values()) list.sort((a, b) => b.words.length - a.words.length);

// Quarters known for a big hospital (Motol, Bulovka, Krč, Podolí, Bohnice, Bohunice) are left out of
// TOWNS on purpose: "leží v Motole" names a hospital, not where the family lives.
const WORD = /\p{L}+/gu;

/** Landscapes and regions below a kraj: "na Vysočině", "v Beskydech", "na Jesenicku". */
const LANDSCAPE = re(
	`${B}(?:Vysočin[aěyuo]\\p{L}{0,1}|Beskyd\\p{L}{0,3}|Krkonoš\\p{L}{0,3}|Šumav\\p{L}{0,2}|Jeseník(?:y|ách|ům)|Haná|(?<=(?:na|z|ze)${SP}+)Hané|Posázaví|Podkrkonoší|Pošumaví|Podještědí|Orlick\\p{L}{1,3}${SP}+hor\\p{L}{0,3}|Krušn\\p{L}{1,3}${SP}+hor\\p{L}{0,3}|Jizersk\\p{L}{1,3}${SP}+hor\\p{L}{0,3}|Brd(?:y|ech)|Českomoravsk\\p{L}{1,3}${SP}+vrchovin\\p{L}{1,2})${E}`,
	'gu'
);
/** Regions named after a town: Jesenicko, Vsetínsko, Ostravsko. Countries and kraje are left out. */
const TOWN_REGION = re(`${B}[${UP}][${LOW}]{2,}(?:sk|ck)(?:o|a|u|em)${E}`, 'gu');
const NOT_TOWN_REGION =
	/^(?:slovensk|polsk|rusk|německ|rakousk|rumunsk|maďarsk|bělorusk|moldavsk|mongolsk|tureck|řeck|srbsk|chorvatsk|švédsk|norsk|dánsk|finsk|holandsk|nizozemsk|švýcarsk|irsk|skotsk|thajsk|somálsk|alžírsk|tunisk|lotyšsk|estonsk|portugalsk|španělsk|sask|lucembursk|bulharsk|japonsk|česk|slezsk|moravskoslezsk|středočesk|jihočesk|severočesk|západočesk|východočesk|jihomoravsk|severomoravsk|makedonsk|francouzsk|anglick|americk|karlovarsk|plzeňsk|olomouck|libereck|pardubick|královéhradeck|hradeck|ústeck|budějovick|českobudějovick|brněnsk|ostravsk|pražsk)|isk(?:o|a|u|em)$/iu;
const DISTRICT = re(
	`${B}(?:[Oo]kres\\p{L}{0,2}${SP}+${CAPW}(?:-(?:${CAPW}|[${LOW}]+))?(?:${SP}+(?:nad|pod|u|na)${SP}+${CAPW}|${SP}+${CAPW})?|(?:Brn|Prah|Praz|Plz|Ostrav)\\p{L}{0,3}-(?:venkov|měst|východ|západ|sever|jih)\\p{L}{0,3}|(?:Brn|Prah|Praz|Plz|Ostrav|Olomou|Liberc|Liberec|Pardubic|Zlín|Kladn|Opav|Jihlav|Havířov|Karvin)\\p{L}{0,3}-[${UP}][${LOW}]+|(?:Praha|Praze|Prahy|Prahou|Prahu)${SP}*-?${SP}*(?:[1-9]|1\\d|2[0-2])(?![\\p{L}\\p{N}]|[.,]\\d|${SP}+(?:let|roky|rok|měs|dn|týd|hod|min|dět|krát|x${E}))|[${UP}${LOW}][${LOW}]+(?:ck|sk)(?:ém|ý|ého|em)${SP}+okres\\p{L}{0,2})${E}`,
	'gu'
);
const SMALL_SETTLEMENT = re(
	`${B}(?:na${SP}+samotě|(?:v|ve|z|ze|do)${SP}+(?:(?:malé|malinké|maličké|odlehlé|horské|pohraniční)${SP}+)(?:obci|vesnici|vesničce|vísce|vsi|osadě|obce|vesnice|vesničky|osady|vísky)|(?:v|z|do)${SP}+osad[ěyu]|vesničk\\p{L}{1,2}|vísk[aáuyě]|vísce|městečk\\p{L}{1,3}|obc\\p{L}{1,2}${SP}+(?:s|do|o)${SP}+(?:\\d+|pár|několika)${SP}+(?:(?:sty|stech|tisíci)${SP}+)?obyvatel\\p{L}{0,2})${E}`
);

function findSmallPlaces(text: string, push: Push): void {
	for (const m of text.matchAll(DISTRICT)) push('small_place', m.index, m.index + m[0].length);
	for (const m of text.matchAll(SMALL_SETTLEMENT)) {
		// "SOS dětské vesničky" is an organisation.
		if (/dětsk\p{L}*[ \u00a0\u202f]+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
		push('small_place', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(LANDSCAPE)) {
		// "Kraj Vysočina", "v kraji Vysočina" is a kraj.
		if (/kraj\p{L}*[ \u00a0\u202f]+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
		push('small_place', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(TOWN_REGION)) {
		if (NOT_TOWN_REGION.test(m[0])) continue;
		if (atSentenceStart(text, m.index)) continue;
		push('small_place', m.index, m.index + m[0].length);
	}
	findTowns(text, push);
}

function findTowns(text: string, push: Push): void {
	const tokens: { start: number; end: number; lower: string; cap: boolean }[] = [];
	for (const m of text.matchAll(WORD)) {
		const first = m[0].charAt(0);
		tokens.push({
			start: m.index,
			end: m.index + m[0].length,
			lower: m[0].toLowerCase(),
			cap: first !== first.toLowerCase()
		});
	}
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (!t.cap) continue;
		const candidates = townsByFirstForm.get(t.lower);
		if (!candidates) continue;
		for (const entry of candidates) {
			let ok = true;
			for (let k = 1; k < entry.words.length && ok; k++) {
				const next = tokens[i + k];
				const prev = tokens[i + k - 1]!;
				if (!next) {
					ok = false;
					break;
				}
				const gap = text.slice(prev.end, next.start);
				ok = entry.hyphen[k] ? gap === '-' : /^[ \u00a0\u202f]{1,2}$/u.test(gap);
				ok = ok && entry.words[k]!.has(next.lower);
			}
			if (!ok) continue;
			if (entry.ambiguous && atSentenceStart(text, t.start)) continue;
			const last = tokens[i + entry.words.length - 1]!;
			push('small_place', t.start, last.end);
			i += entry.words.length - 1;
			break;
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// Exact dates of events

const MONTHS_GEN = 'ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince';
const ORDINAL_DAY = `(?:(?:dvacátého|třicátého)(?:${SP}+(?:prvního|druhého|třetího|čtvrtého|pátého|šestého|sedmého|osmého|devátého))?|jednatřicátého|${alt(
	'prvního druhého třetího čtvrtého pátého šestého sedmého osmého devátého desátého jedenáctého dvanáctého třináctého čtrnáctého patnáctého šestnáctého sedmnáctého osmnáctého devatenáctého'
)})`;
const EVENT_DATE = re(
	`(?<![\\p{L}\\p{N}.,/])(?:(0?[1-9]|[12]\\d|3[01])\\.${SP}?(?:(0?[1-9]|1[0-2])\\.(?:${SP}?(?:19|20)\\d{2})?|(${MONTHS_GEN})(?:${SP}+(?:19|20)\\d{2})?)|(?:19|20)\\d{2}-[01]\\d-[0-3]\\d|${ORDINAL_DAY}${SP}+(?:${MONTHS_GEN}))(?![\\p{L}\\p{N}]|\\.\\d)`,
	'giu'
);
/** A deadline or a start of school, not an event: "do 15. ledna", "nejpozději 3. 2.", "termín 1. 3.". */
const DEADLINE_BEFORE = re(
	`(?:^|[^\\p{L}])(?:do|k|ke|před|nejpozději|nejdéle)${SP}*$|(?:^|[^\\p{L}])(?:nejpozději|nejdéle|termín\\p{L}*|deadline|uzávěrk\\p{L}*|splatn\\p{L}*|platn\\p{L}*|potřeb\\p{L}*|dodat|dodání|doručit|doručení|předat|předání|zaplatit|uhradit|zaplacení|úhrad\\p{L}*|vyřídit|vyřízení|stihnout|nástup\\p{L}*|začátek|začátku|zahájení|narozen\\p{L}*|nar|narodil\\p{L}*|narozenin\\p{L}*|born|lhůt\\p{L}*)${SP}*[.,:]?${SP}*(?:\\p{L}+[,:]?${SP}+){0,2}$`,
	'iu'
);

/** A planned, priced or public event (a camp, a course, a rent rise, a hearing to come), not the family's own. */
const SCHEDULE =
	/(?:Kč|korun|stojí|cen[auy]|záloh|splatn|tábor|kurz|v přírodě|lyžař|zavřen|prázdnin|otevřen|nastup|nastoup|koná|lhůt|termín|zvyš|zdraž|volný|volná|k dispozici|uvoln|účinn|proběhn|bude|budou|naplánov|plánov|chystá)/iu;

function findDates(text: string, push: Push): void {
	for (const m of text.matchAll(EVENT_DATE)) {
		const start = m.index;
		const end = start + m[0].length;
		// "1. 2. 3.": a numbered list, not a date.
		if (/^[ \u00a0\u202f]?\d{1,2}\./u.test(text.slice(end, end + 4))) continue;
		const before = clauseBefore(text, start, 40);
		if (DEADLINE_BEFORE.test(before)) continue;
		// "7. 7. – 11. 7.", "od 20. 12. do 2. 1.": a span of a camp or a closure, planned for anyone.
		if (/\d\.[ \u00a0\u202f]*[–—-][ \u00a0\u202f]*$/u.test(before)) continue;
		if (/^[ \u00a0\u202f]*(?:[–—-]|do|až)[ \u00a0\u202f]*\d/u.test(text.slice(end, end + 8))) continue;
		if (SCHEDULE.test(before + ' ' + clauseAfter(text, end, 40))) continue;
		// 1 September is the first school day for everybody.
		const day = Number(m[1] ?? 0);
		if (day === 1 && (m[2] === '9' || m[2] === '09' || m[3]?.toLowerCase() === 'září')) continue;
		push('exact_date', start, end);
	}
}

// ---------------------------------------------------------------------------------------------------
// Media: the case was in the papers, on TV or on social media

const MEDIA_IN = re(
	`${B}(?:v|ve)${SP}+(?:(?:místních|regionálních|celostátních|bulvárních|večerních|hlavních|televizních|internetových)${SP}+)?(?:novinách|médiích|zpravodajství|zpravodaji|tisku|rozhlase|bulváru|reportáži)${E}|${B}(?:v|ve)${SP}+(?:místních|regionálních|celostátních|večerních|hlavních|televizních|internetových)${SP}+zprávách${E}`
);
const MEDIA_TV = re(`${B}(?:v|ve|do)${SP}+(?:televizi|televize|rádiu|rádia|TV)${E}`);
const MEDIA_VERB =
	/(?:psal|psaly|psali|ukazoval|vysílal|natáč|natoč|točil|vystoupil|mluvil|objevil|bylo|byl|byla|byli|informoval|reportáž|dávali|dali|hlásili|odvysílal|případ|kauz)/iu;
const MEDIA_WROTE = re(
	`${B}(?:(?:na)?psal[aiy]?|informoval[aiy]?|referoval[aiy]?|zveřejnil[aiy]?|přinesl[aiy]?)${SP}+(?:o${SP}+\\p{L}+${SP}+(?:\\p{L}+${SP}+)?)?(?:(?:i|už|dokonce|také|taky|místní|regionální|celostátní|bulvární)${SP}+){0,2}(?:noviny|média|novináři|tisk|bulvár|weby|servery|deníky|zpravodajské${SP}+servery)${E}|${B}(?:noviny|média|novináři|tisk|bulvár|deníky)${SP}+(?:o${SP}+\\p{L}+${SP}+)?(?:(?:už|i|taky|také|dokonce|hned)${SP}+)?(?:(?:na)?psal[aiy]?|informoval[aiy]?|referoval[aiy]?|zveřejnil[aiy]?|přinesl[aiy]?|řešil[aiy]?)${E}`
);
const MEDIA_WORD = re(
	`${B}(?:medializ\\p{L}*|reportáž\\p{L}*|novinář(?:i|ů|ům|ky|kám|kami)|reportér\\p{L}*|virální\\p{L}*|transparentní\\p{L}{0,2}${SP}+účt?\\p{L}*|veřejn\\p{L}{1,3}${SP}+sbírk\\p{L}*|(?:Česk\\p{L}{1,3}${SP}+(?:televiz|rozhlas)\\p{L}*))${E}`
);
const MEDIA_NAME = re(
	`${B}(?:Blesk(?:u|em)?|iDNES|idnes\\.cz|[Nn]ovinky\\.cz|Seznam${SP}+Zpráv\\p{L}*|ČT${SP}?24|TV${SP}+Nova|CNN${SP}+Prima|Donio|Doniu|Donia)${E}`,
	'gu'
);
const MEDIA_SHARED = re(
	`${B}(?:sdílel\\p{L}*|šířil\\p{L}*|zveřejnil\\p{L}*|koloval\\p{L}*|rozšířil\\p{L}*|vyvěsil\\p{L}*|postnul\\p{L}*|nahrál\\p{L}*)[^.!?\\n]{0,40}?(?:sociálních${SP}+sítích|sociální${SP}+sítě|sítích|internetu|internet|Facebook\\p{L}*|Instagram\\p{L}*|TikTok\\p{L}*|YouTub\\p{L}*|Twitter\\p{L}*)${E}`
);

function findMedia(text: string, push: Push): void {
	for (const r of [MEDIA_IN, MEDIA_WROTE, MEDIA_WORD, MEDIA_NAME, MEDIA_SHARED]) {
		for (const m of text.matchAll(r)) push('media', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(MEDIA_TV)) {
		const end = m.index + m[0].length;
		const around = clauseBefore(text, m.index, 40) + ' ' + clauseAfter(text, end, 40);
		if (MEDIA_VERB.test(around)) push('media', m.index, end);
	}
}

// ---------------------------------------------------------------------------------------------------
// Entry points

/** When two findings start together, the more telling kind wins. */
const kindOrder: Record<QuasiKind, number> = {
	rare_circumstance: 0,
	family_shape: 1,
	origin: 2,
	occupation: 3,
	media: 4,
	exact_date: 5,
	exact_age: 6,
	small_place: 7
};

/** Every quasi-identifying detail in one text (UTF-16 offsets into it, sorted, non-overlapping). */
export function findQuasiIdentifiers(text: string): QuasiFinding[] {
	const raw: { kind: QuasiKind; start: number; end: number }[] = [];
	const push: Push = (kind, start, end) => {
		if (end > start) raw.push({ kind, start, end });
	};
	findAges(text, push);
	findFamilyShape(text, push);
	findRare(text, push);
	findOrigin(text, push);
	findOccupation(text, push);
	findSmallPlaces(text, push);
	findDates(text, push);
	findMedia(text, push);
	raw.sort((a, b) => a.start - b.start || b.end - a.end || kindOrder[a.kind] - kindOrder[b.kind]);
	const out: QuasiFinding[] = [];
	let lastEnd = 0;
	for (const f of raw) {
		if (f.start < lastEnd) continue;
		out.push({ ...f, fragment: text.slice(f.start, f.end) });
		lastEnd = f.end;
	}
	return out;
}

/**
 * The need's (or story's) texts together: a warning when details of at least two different kinds
 * combine (or three details of any kinds), else null. The same detail repeated in several fields
 * ("okres Jeseník" in the need and in the story) counts once.
 */
export function quasiWarning(
	texts: { field: string; text: string }[]
): { findings: (QuasiFinding & { field: string })[] } | null {
	const findings: (QuasiFinding & { field: string })[] = [];
	for (const { field, text } of texts) {
		for (const f of findQuasiIdentifiers(text)) findings.push({ ...f, field });
	}
	const kinds = new Set(findings.map((f) => f.kind));
	const details = new Set(findings.map((f) => `${f.kind}:${f.fragment.toLowerCase().replace(/\s+/gu, ' ')}`));
	if (kinds.size >= 2 || details.size >= 3) return { findings };
	return null;
}
