// Places for the anonymisation guard (pii.ts): streets without a house number, named schools and
// shelters, workplaces and small towns and villages. A family is found through its village, its
// children's school or the mother's shop far more easily than through a city or a region, so only the
// specific places are flagged: generic words ("základní škola", "azylový dům"), regions, districts and
// big towns stay clean.
import type { PersonalDataFinding } from './pii';
import { largePlaces } from './pii-towns';

const SP = '[ \\u00a0\\u202f]';
const UP = 'A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽÖÜĽ';
const LOW = 'a-záčďéěíňóřšťúůýžöüľ';
/** A capitalised word, also hyphenated: Lhota, Frýdek-Místek, Brno-venkov. */
const CAPW = `[${UP}][${LOW}]+(?:-[${UP}${LOW}][${LOW}]+)?`;
/** Prepositions inside a place name: Ústí nad Orlicí, Lhota pod Libčany, Nová Ves u Kolína. */
const PLACE_LINK = '(?:nad|pod|u|v|ve|na)';
/** A place name of up to three capitalised words and one linked part. */
const PLACE = `${CAPW}(?:${SP}${CAPW}){0,2}(?:${SP}${PLACE_LINK}${SP}${CAPW}(?:${SP}${CAPW})?)?`;

// ---------------------------------------------------------------------------------------------------
// Big places (pii-towns.ts), compared by word stems so that every case form matches.

const strip = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const ENDINGS = [
	'eho',
	'emu',
	'ymi',
	'ich',
	'ych',
	'ach',
	'ech',
	'ami',
	'emi',
	'ovi',
	'em',
	'ou',
	'um',
	'ym',
	'im'
];

/** Stems a word can have: Kolíně → kolin, Liberci → liberc, Liberec → liberec and liberc. */
function stems(word: string): string[] {
	const w = strip(word);
	let stem = w;
	const long = ENDINGS.find((e) => w.endsWith(e) && w.length - e.length >= 3);
	if (long) stem = w.slice(0, -long.length);
	else if (/[aeiouy]$/u.test(w) && w.length > 3) stem = w.slice(0, -1);
	const out = [stem];
	// Consonants that change before -e: Amerika → Americe, Praha → Praze.
	if (stem.endsWith('c') && stem !== w) out.push(stem.slice(0, -1) + 'k');
	if (stem.endsWith('z') && stem !== w) out.push(stem.slice(0, -1) + 'h');
	// Fleeting e: Liberec → Liberci, Písek → Písku, Plzeň → Plzni.
	const fleeting = /^(.*[^aeiouy])e([kcnlr])$/u.exec(stem);
	if (fleeting) out.push((fleeting[1] ?? '') + (fleeting[2] ?? ''));
	return out;
}

const capitalWords = (phrase: string): string[] =>
	phrase.split(/[ \u00a0\u202f-]+/u).filter((w) => w.length > 0 && w.charAt(0) !== w.charAt(0).toLowerCase());

/** Each big place as the stems of its capitalised words; a first-word index keeps the lookup quick. */
const bigPlaces = new Map<string, string[][][]>();
for (const entry of largePlaces.split(/[|\n]/u)) {
	const forms = entry
		.split('/')
		.map((f) => f.trim())
		.filter((f) => f.length > 0);
	for (const form of forms) {
		const ws = capitalWords(form).map(stems);
		if (ws.length === 0) continue;
		for (const s of ws[0]!) {
			const list = bigPlaces.get(s) ?? [];
			list.push(ws);
			bigPlaces.set(s, list);
		}
	}
}

/** Whether a place phrase names a big town, a region, a country or a big foreign city. */
export function isLargePlace(phrase: string): boolean {
	const ws = capitalWords(phrase);
	if (ws.length === 0) return false;
	// Regions named by their centre or landscape: Ostravsko, na Brněnsku, Jihomoravský kraj, okres Kolín.
	// ("Sedmikráska", "Kráska" are not: no region is named so.)
	if (/(?<!á)(?:sk|ck)(?:o|a|u|em)$/u.test(ws[0]!.toLowerCase())) return true;
	if (ws.length > 1 && /^(?:kraj|okres|oblast|region)/u.test(strip(ws[1]!))) return true;
	const wordStems = ws.map(stems);
	for (const s of wordStems[0]!) {
		for (const place of bigPlaces.get(s) ?? []) {
			if (place.length > wordStems.length) continue;
			if (place.every((alts, i) => alts.some((a) => wordStems[i]!.includes(a)))) return true;
		}
	}
	return false;
}

// Capitalised words after "v", "z", "do" that are not places: institutions, shops, brands, months.
const NOT_PLACES = new Set(
	`azylový azylového azylovém azylovém dům domě domu domov domově domova ubytovna ubytovně ubytovny byt bytě
nemocnice nemocnici policie policii úřad úřadu úřadě magistrát magistrátu soud soudu soudě ospod intervenční
intervenčního intervenčním centrum centru centra charita charitě charity diakonie diakonii naděje naději
bílý bílého bílém kruh kruhu rosa rose rosy acorus acorusu persefona persefoně persefony locika locice lociky
profem člověk tísni lidl lidlu kaufland kauflandu tesco tesku albert albertu billa bille penny globus globusu
ikea ikei ikey alza alze alzy decathlon decathlonu bauhaus hornbach datart pepco pepcu kik action rossmann dm
dm drogerii mcdonald mcdonaldu kfc benzině shell omv orlen amazon amazonu dhl ppl zásilkovna zásilkovně
česku evropě evropy vánoce vánocích vánoc velikonoce velikonocích lednu únoru březnu dubnu květnu červnu
červenci srpnu září říjnu listopadu prosinci ledna února března dubna května června července srpna října
listopadu prosince pondělí úterý středu čtvrtek pátek sobotu neděli facebook facebooku instagram instagramu
whatsapp whatsappu messenger messengeru telegram telegramu tiktok tiktoku google googlu seznam seznamu zoom
teams praze ukrajině rusku polsku slovensku vietnamu česká české český čr sr eu usa mpsv úp linka linky
lince linku linkou poliklinika polikliniky poliklinice lékárna lékárny lékárně poradna poradny poradně školka
školky školce školy škole jesle jeslí jeslích nemocnic vánočních velikonočních`
		.split(/\s+/u)
		.filter((w) => w.length > 0)
);

// ---------------------------------------------------------------------------------------------------
// Municipalities

/** Words that tell the next place is where the family lives or comes from. */
const RESIDENCE_CUE = new RegExp(
	`(?<![\\p{L}])(?:bydl\\p{L}*|žij\\p{L}*|žil[aoi]?|žít|pocház\\p{L}*|pochází|rod[aá]k\\p{L}*|rodačk\\p{L}*|rodem|rodišt\\p{L}*|narodil[aoi]?|vyrůstal[aoi]?|vyrostl[aoi]?|přistěhoval\\p{L}*|přestěhoval\\p{L}*|odstěhoval\\p{L}*|nastěhoval\\p{L}*|stěhuj\\p{L}*|stěhoval\\p{L}*|přijel[aoi]?|utekl[aoi]?|odešl[aoi]|uprchl[aoi]?|bydlišt\\p{L}*|pobyt\\p{L}*|hlášen[aáýí]?|domov\\p{L}*|chalup\\p{L}*|chat\\p{L}*|dům|domek|doma|usadil[aoi]?|ubytovan\\p{L}*)(?![\\p{L}])`,
	'giu'
);
/** Nouns that name a municipality directly: "obec Lipová", "v obci Kunžak", "z vesnice Lhotka". */
const MUNICIPALITY_NOUN = new RegExp(
	`(?<![\\p{L}])(?:[Oo]bec|[Oo]bce|[Oo]bci|[Oo]bcí|[Vv]esnic\\p{L}*|[Vv]es|[Vv]si|[Mm]ěstys\\p{L}*|[Mm]ěstečk\\p{L}*|[Oo]sad\\p{L}*|[Ss]amot\\p{L}*|[Mm]ěst[ouěa]|[Mm]ěstem|[Mm]ístní${SP}+část\\p{L}*|[Čč]ást\\p{L}*${SP}+obce)${SP}+(${PLACE})`,
	'dgu'
);
const LINKED_PLACE = new RegExp(`${SP}${PLACE_LINK}${SP}`, 'u');
const PREPOSITION_START = new RegExp(`(?<![\\p{L}])(?:[Vv]e?|[Zz]e?|[Dd]o)${SP}+(?=[${UP}])`, 'gu');
const PREPOSITION_PLACE = new RegExp(`(?<![\\p{L}])(?:[Vv]e?|[Zz]e?|[Dd]o)${SP}+(${PLACE})`, 'dyu');
/** Words that make a name look like a village even without a cue: Horní Lhota, Nová Ves, Lhotka. */
const VILLAGE_HEAD =
	/^(?:horn|doln|vel|mal|nov|star|vysok|nizk|cesk|moravsk|bil|cern|cerven|zelen|dlouh|kratk|lys|kamenn|svat|kostel|mnich|vrchn|zadn|predn|prostredn|lhot|lhotk|ves|vsi|ujezd|lhotec|lhotc|hrad|zahor|podhor|pohor)/u;
/** Endings typical of Czech villages: -ice, -ovice, -any, -ín, -ov, -ec in any case. */
const VILLAGE_ENDING =
	/(?:ek|ic|ice|ic[ií]ch|ic[ií]m|icemi|ov|ova|ov[eě]|ovem|ovu|[ií]n|[ií]na|[ií]n[eě]|[ií]nem|an|any|anech|an[uů]m|ec|ci|ce|ku|ky|k[aá]ch|[eě]j[io]v\p{L}*|[uů]v)$/u;

function placeCandidate(phrase: string): boolean {
	const first = phrase.split(/[ \u00a0\u202f]/u)[0] ?? '';
	if (NOT_PLACES.has(first.toLowerCase())) return false;
	return !isLargePlace(phrase);
}

/** "v Jihomoravském kraji", "okres Kolín": the word after the phrase makes it a region. */
const REGION_AFTER = /^[ \u00a0\u202f]+(?:kraj|okres|oblast|region|vojvodstv|župa|žup|republik)/u;
/** "v Lipové 23": a house number after the name makes it a street. */
const HOUSE_AFTER =
	/^[ \u00a0\u202f]\d{1,4}[a-zA-Z]?(?:\/\d{1,4}[a-zA-Z]?)?(?![\d\p{L}.,:]|[ \u00a0\u202f]*(?:let|roky|roků|rok|km|min|hod|dn|dní|Kč|%|tis|x(?![\p{L}])))/u;

/** The phrase, cut before a lower-case link word that ended it ("Lhota u" → "Lhota"). */
function cleanPhrase(phrase: string): string {
	return phrase.replace(/[ \u00a0\u202f](?:nad|pod|u|v|ve|na)$/u, '');
}

function findMunicipalities(text: string, out: PersonalDataFinding[]): void {
	const push = (start: number, phrase: string) => {
		const end = start + cleanPhrase(phrase).length;
		const after = text.slice(end, end + 16);
		if (REGION_AFTER.test(after)) return;
		const house = HOUSE_AFTER.exec(after);
		if (house) out.push({ kind: 'address', start, end: end + house[0].length });
		else out.push({ kind: 'municipality', start, end });
	};
	for (const m of text.matchAll(MUNICIPALITY_NOUN)) {
		const span = m.indices?.[1];
		const phrase = m[1] ?? '';
		if (span && placeCandidate(phrase)) push(span[0], phrase);
	}
	// After a cue of residence or origin, the next "v/z/do + Place" within the clause.
	const cueEnds: number[] = [];
	for (const m of text.matchAll(RESIDENCE_CUE)) cueEnds.push(m.index + m[0].length);
	const scan = (from: number, to: number, needShape: boolean) => {
		PREPOSITION_START.lastIndex = from;
		for (let p = PREPOSITION_START.exec(text); p && p.index < to; p = PREPOSITION_START.exec(text)) {
			const at = p.index;
			PREPOSITION_PLACE.lastIndex = at;
			const m = PREPOSITION_PLACE.exec(text);
			if (!m) continue;
			const span = m.indices?.[1];
			const phrase = m[1] ?? '';
			if (span && placeCandidate(phrase)) {
				const words = capitalWords(phrase).map(strip);
				// "Lhota pod Libčany", "Vranov u Brna": a linked name is a place name.
				const linked = LINKED_PLACE.test(phrase);
				const shaped =
					linked ||
					(VILLAGE_HEAD.test(words[0] ?? '') && words.length > 1) ||
					words.some((w) => /^(?:lhot|lhotk|lhotc|ujezd|ves|vsi)/u.test(w)) ||
					VILLAGE_ENDING.test(words[0] ?? '');
				if (!needShape || shaped) push(span[0], phrase);
			}
			PREPOSITION_START.lastIndex = Math.max(PREPOSITION_START.lastIndex, m.index + m[0].length);
		}
	};
	for (const end of cueEnds) {
		// The clause after the cue: up to the end of the sentence or 60 characters.
		let stop = Math.min(text.length, end + 60);
		const rel = /[.!?;\n(]/u.exec(text.slice(end, stop));
		if (rel) stop = end + rel.index;
		scan(end, stop, false);
	}
	// Without a cue only names shaped like villages count: "z Horní Lhoty", "v Dolních Bojanovicích".
	scan(0, text.length, true);
}

// ---------------------------------------------------------------------------------------------------
// Streets without a house number

// \"třída\" alone is also a class at school (\"ve třídě Berušek\"), so only its abbreviation counts here.
const STREET_WORDS = `(?:[Uu]lic[eií]|[Uu]licí|[Uu]l\\.|[Nn]áměstí|[Nn]ám\\.|[Nn]ábřeží|[Nn]ábř\\.|[Tt]ř\\.|[Ss]ídlišt[ěi]|[Ss]ídl\\.|[Aa]lej[iíe]?|[Ss]ad[yůech]*)`;
const STREET_NAME = `(?:(?:Na|U|K|Ke|V|Ve|Pod|Nad|Za|Před|Při|Mezi|Proti|Kolem)${SP}+${CAPW}(?:${SP}+[${LOW}]{3,})?|\\d{1,2}\\.${SP}?(?:ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince)|(?:[${UP}]\\.${SP}?){0,3}${CAPW}(?:${SP}${CAPW}){0,2})`;
// "v ulici Na Výsluní", "ul. Husova", "na náměstí Míru", "sídliště Máj"
const STREET_AFTER_WORD = new RegExp(`(?<![\\p{L}])${STREET_WORDS}${SP}*(${STREET_NAME})(?![\\p{L}])`, 'dgu');
// "v Kamenické ulici", "na Palackého náměstí", "v Masarykově třídě"
const STREET_BEFORE_WORD = new RegExp(
	`(?<![\\p{L}])((?:${CAPW}${SP})?${CAPW})${SP}+(?:ulic[eií]|ulicí|náměstí|nábřeží|třídě|třída|třídu|třídou|aleji|alej|sadech|sady)(?![\\p{L}])`,
	'dgu'
);
const NOT_STREET_NAMES =
	/^(?:Praha|Praze|Prahy|Brno|Brně|Brna|Ostrava|Ostravě|Ta|Tu|Té|Ten|Tato|Tuto|Této|Tou|Naše|Vaše|Jejich|Jeho|Její|Celá|Celou|Hlavní|Každá|Každou|Která|Kterou|Jiná|Jinou|Stejná|Stejné|Stejnou|Dlouho|Nová|Novou|Nové|Vedlejší|Sousední|Boční|Rušná|Rušné|Rušnou|Klidná|Klidné|Klidnou|Tichá|Tiché|Tichou|Celé|Zima|Leden|Únor|Březen|Duben|Květen|Červen|Září|Říjen|Listopad|Prosinec)$/u;

// "přes Jungmannovu", "podél Nádražní": a street-shaped word after a preposition of way.
const STREET_WAY = new RegExp(
	`(?<![\\p{L}])(?:přes|podél|kolem|po)${SP}+([${UP}][${LOW}]+(?:ovu|ovou|skou|ckou|ní|nou|ovo|ovy)|(?:Na|U|K|Pod|Nad)${SP}${CAPW})(?![\\p{L}])`,
	'dgu'
);
// "bydlí na Sadové", "bydlí na Palackého": "na" + a street-shaped word after a cue of residence.
const STREET_RESIDENCE = new RegExp(
	`(?<![\\p{L}])(?:bydl\\p{L}*|žij\\p{L}*|žil[aoi]?|přestěhoval\\p{L}*|nastěhoval\\p{L}*|podnájem|byt)${SP}+(?:\\p{Ll}+${SP}+){0,2}?na${SP}+([${UP}][${LOW}]+(?:ské|cké|ní|né|ové|ově|ého|ových|ách|é))(?![\\p{L}]|${SP}+\\d)`,
	'dgiu'
);

function atSentenceStart(text: string, at: number): boolean {
	const before = text.slice(Math.max(0, at - 4), at).trimEnd();
	return before === '' || /[.!?\n"„(•*–-]$/u.test(before);
}

function findStreets(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(STREET_AFTER_WORD)) {
		const span = m.indices?.[1];
		const name = m[1] ?? '';
		const first = name.split(/[ \u00a0\u202f]/u)[0] ?? '';
		if (!span || NOT_STREET_NAMES.test(first) || NOT_PLACES.has(first.toLowerCase())) continue;
		out.push({ kind: 'address', start: m.index, end: span[1] });
	}
	for (const re of [STREET_WAY, STREET_RESIDENCE]) {
		for (const m of text.matchAll(re)) {
			const span = m.indices?.[1];
			const name = m[1] ?? '';
			if (!span || NOT_STREET_NAMES.test(name) || NOT_PLACES.has(name.toLowerCase()) || isLargePlace(name))
				continue;
			out.push({ kind: 'address', start: span[0], end: span[1] });
		}
	}
	for (const m of text.matchAll(STREET_BEFORE_WORD)) {
		const span = m.indices?.[1];
		const name = m[1] ?? '';
		const first = name.split(/[ \u00a0\u202f]/u)[0] ?? '';
		if (!span || NOT_STREET_NAMES.test(first)) continue;
		// A sentence may start with any capitalised word; only a street-like one counts there.
		if (atSentenceStart(text, m.index) && !/(?:sk|ck|n|h|ov)[áéeěou]+$|ého$|ní$/u.test(first)) continue;
		out.push({ kind: 'address', start: span[0], end: m.index + m[0].length });
	}
}

// ---------------------------------------------------------------------------------------------------
// Schools, shelters, workplaces

/** The name of an institution: capitalised words, initials (T. G. Masaryka), "sv. Terezie", a quote. */
const INSTITUTION_NAME = `(?:„[^“”"\\n]{2,40}[“”"]|"[^"\\n]{2,40}"|(?:sv\\.|svaté|svatého|svatý|svatá|Sv\\.)${SP}?${CAPW}|(?:Na|U|K|Ke|V|Ve|Pod|Nad|Za|Při|Mezi)${SP}+${CAPW}(?:${SP}+[${LOW}]{3,})?|(?:[${UP}]\\.${SP}?){1,3}${CAPW}|(?:Kpt|Pplk|Plk|Mjr|Gen|Arm\\.${SP}?gen|Npor|Por|Škpt|Dr|Prof|Mons)\\.${SP}?(?:[${UP}]\\.${SP}?){0,2}${CAPW}|${CAPW}|[${UP}]{2,8})(?:${SP}(?:(?:[${UP}]\\.${SP}?){1,3}${CAPW}|${CAPW}|[${UP}]{2,8}|\\d{1,2}(?![\\d.])))*`;
const SCHOOL_ABBR = `(?:ZŠ|MŠ|SŠ|SOŠ|SOU|SPŠ|SZŠ|SUPŠ|SPgŠ|OA|VOŠ|ZUŠ|DDM|PrŠ|ZŠS|ZŠ${SP}?speciální)(?:${SP}a${SP}(?:ZŠ|MŠ|SŠ|ZUŠ|PrŠ|SOU|SOŠ|SPŠ|SZŠ|OA|VOŠ|[Gg]ymnázi\\p{L}*))?`;
const SCHOOL_TYPE = `(?:[Zz]ákladn|[Mm]ateřsk|[Ss]třední|[Ss]peciáln|[Pp]raktick|[Zz]vláštn|[Oo]bchodn|[Vv]yšší|[Uu]měleck|[Hh]udebn|[Ww]aldorfsk|[Ss]oukrom|[Cc]írkevn|[Ii]ntegrovan|[Pp]růmyslov|[Zz]dravotnick|[Oo]dborn)\\p{L}*`;
const SCHOOL_HEAD = `(?:${SCHOOL_ABBR}|${SCHOOL_TYPE}(?:${SP}+(?:a${SP}+)?[${LOW}]+(?:sk|ck|ní|ná|né|nou|vá|vé|vou)\\p{L}*){0,3}${SP}+(?:škol\\p{L}*|školk\\p{L}*)|${SCHOOL_TYPE}${SP}+(?:akademi\\p{L}*|učilišt\\p{L}*|konzervatoř\\p{L}*)|[Gg]ymnázi\\p{L}*|[Ll]yceum|[Kk]onzervatoř\\p{L}*|[Šš]kolk[aueyo]u?|[Šš]kolce|[Šš]količ\\p{L}*|[Mm]ateřinc\\p{L}*|[Jj]esl\\p{L}*|[Dd]ětsk\\p{L}+${SP}+skupin\\p{L}*|[Šš]kol[aeyu]|[Šš]kolou)`;
// The name must start with a word, initials or a quote: "ZŠ Kunratice", not "školky, ZŠ".
// A school type may come with adjectives ("SOŠ gastronomickou"), and the town after the name belongs to it
// ("Základní škola T. G. Masaryka v Poličce").
const SCHOOL_ADJECTIVES = `(?:${SP}+[${LOW}]+(?:sk|ck|n|v)(?:á|é|ou|ý|í|ého|ém|ím|ých|ým|ými)){0,2}`;
const IN_PLACE = `(?:,?${SP}+(?:v|ve)${SP}+(${PLACE}))?`;
const SCHOOL = new RegExp(
	`(?<![\\p{L}])${SCHOOL_HEAD}(?:${SP}+(?=[${UP}„"s])(${INSTITUTION_NAME})${IN_PLACE}|${SCHOOL_ADJECTIVES}${SP}+(?:v|ve)${SP}+(${PLACE}))`,
	'dgu'
);

const SHELTER_HEAD = `(?:[Aa]zylov\\p{L}+${SP}+(?:dům|domu|domě|domem|domov\\p{L}*|bydlení|byt\\p{L}*|zařízení|ubytování|centr\\p{L}*)(?:${SP}+pro${SP}+(?:matky|ženy|rodiny|rodiče)(?:${SP}+s${SP}+dětmi)?)?|[Dd]omov\\p{L}*${SP}+pro${SP}+(?:matky|ženy|rodiny|rodiče)(?:${SP}+s${SP}+dětmi)?|[Dd]ům${SP}+na${SP}+půli${SP}+cesty|AD(?=${SP}+[${UP}][${LOW}])|[Cc]hráněn\\p{L}*${SP}+(?:bydlení|byt\\p{L}*|dům|domě|domu)|[Kk]rizov\\p{L}*${SP}+(?:bydlení|byt\\p{L}*|lůžk\\p{L}*)|[Mm]atern\\p{L}+${SP}+(?:dům|domě|domu|domov\\p{L}*)|[Dd]omě${SP}+na${SP}+půli${SP}+cesty|(?<=[^.!?\\s][ \\u00a0\\u202f]|^)(?:Dům|Domě|Domu|Domem|Domov|Domova|Domově|Domovem|Domovu))`;
const SHELTER = new RegExp(`(?<![\\p{L}])${SHELTER_HEAD}${SP}*,?${SP}*(${INSTITUTION_NAME})`, 'dgu');

/** Kinds of school that every town has several of. */
const BASIC_SCHOOL = /^(?:ZŠ|MŠ|[Zz]ákladn|[Mm]ateřsk|[Šš]kol)/u;

/** Names after the generic word that are still generic: the city it is in, a bare number. */
function genericInstitution(name: string, cityIsGeneric = true): boolean {
	const first = name.split(/[ \u00a0\u202f]/u)[0] ?? '';
	if (/^[„"]/u.test(name)) return false;
	if (NOT_PLACES.has(first.toLowerCase()) && !/^(?:Naděje|Rosa|Diakonie|Charita)/u.test(first)) return true;
	if (/^(?:Dětí|Mládeže|Seniory|Mateřsk\p{L}*|Základní|Speciální|Praktická)/u.test(first)) return true;
	// "ZŠ Praha 4", "azylový dům Brno": only the city, no name.
	const rest = name.replace(/[ \u00a0\u202f]\d{1,2}$/u, '');
	return cityIsGeneric && isLargePlace(rest) && capitalWords(rest).length <= 2;
}

function findSchoolsAndShelters(text: string, out: PersonalDataFinding[]): void {
	if (/[Šš]kol|Š|OA|SOU|DDM|[Gg]ymn|[Ll]yce|[Jj]esl|[Ss]kupin|[Mm]ateř|kademi|čilišt|onzervato/u.test(text)) {
		for (const m of text.matchAll(SCHOOL)) {
			const named = m.indices?.[1];
			if (named) {
				// "ZŠ Praha 4" is one of many; "Obchodní akademie Kroměříž" is the only one there.
				if (genericInstitution(m[1] ?? '', BASIC_SCHOOL.test(m[0]))) continue;
				out.push({ kind: 'school', start: m.index, end: m.indices?.[2]?.[1] ?? named[1] });
				continue;
			}
			// "SOŠ gastronomická v Třebíči", "škola v Kunžaku": a school type in a small town identifies it
			// too; "škola v Brně" does not.
			const town = m.indices?.[3];
			// A specialised school ("SOŠ gastronomická", "OA") is the only one even in a big town.
			const specific =
				/^(?:SOŠ|SOU|SPŠ|SZŠ|SUPŠ|SPgŠ|OA|VOŠ|ZUŠ)/u.test(m[0]) ||
				/^\S+(?:[ \u00a0\u202f]+\S+)?[ \u00a0\u202f]+\p{Ll}+(?:sk|ck)\p{Ll}+[ \u00a0\u202f]+(?:v|ve)[ \u00a0\u202f]/u.test(
					m[0]
				) ||
				// "Střední zdravotnické škole v Příbrami": a secondary school of a trade.
				/^(?:[Ss]třední|[Vv]yšší|[Oo]dborn\p{L}*)[ \u00a0\u202f]+\p{Ll}+(?:sk|ck)\p{Ll}+[ \u00a0\u202f]/u.test(
					m[0]
				);
			if (!town || NOT_PLACES.has((m[3] ?? '').split(/[ \u00a0\u202f]/u)[0]!.toLowerCase())) continue;
			if (specific) out.push({ kind: 'school', start: m.index, end: town[1] });
			// "do školy v Kunžaku": the village is what identifies the family.
			else if (!isLargePlace(m[3] ?? '')) out.push({ kind: 'municipality', start: town[0], end: town[1] });
		}
	}
	if (/[Aa]zyl|Dom|[Dd]omov|[Dd]ům|[Dd]omě|AD|hráněn|rizov|atern/u.test(text)) {
		for (const m of text.matchAll(SHELTER)) {
			const span = m.indices?.[1];
			if (span && !genericInstitution(m[1] ?? ''))
				out.push({ kind: 'shelter', start: m.index, end: span[1] });
		}
	}
}

// Jobs the social workers name before the workplace: "prodavačka v Penny ve Vlašimi".
const PROFESSIONS =
	'prodavač\\p{L}*|pokladní|uklízeč\\p{L}*|kuchař\\p{L}*|číšn\\p{L}*|servírk\\p{L}*|řidič\\p{L}*|skladn\\p{L}*|dělní\\p{L}*|operátor\\p{L}*|pečovatel\\p{L}*|ošetřovatel\\p{L}*|sanitář\\p{L}*|švadlen\\p{L}*|kadeřn\\p{L}*|účetní|asistent\\p{L}*|brigádn\\p{L}*|pokojsk\\p{L}*|svářeč\\p{L}*|zedník\\p{L}*|montér\\p{L}*|zámečník\\p{L}*|elektrikář\\p{L}*|mechanik\\p{L}*|recepční|vrátn\\p{L}*|ostrah\\p{L}*|učitel\\p{L}*|vychovatel\\p{L}*|zdravotní[ \\u00a0\\u202f]+sestr\\p{L}*';

// Where someone works, with the place or the firm: "pracuje v Lidlu v Benešově", "u firmy Kovo Trnka".
const WORK_CUE = new RegExp(
	`(?<![\\p{L}])(?:pracuj\\p{L}*|pracoval\\p{L}*|pracovat|zaměstnan\\p{L}*|zaměstnává|zaměstnavatel\\p{L}*|brigád\\p{L}*|nastoupil[aoi]?|nastupuje|uklízí|uklízel[aoi]?|vyučil[aoi]?|práci|prací|úvazek|úvazkem|směny|dělá|dělal[aoi]?|jezdí|jezdil[aoi]?|jako${SP}+\\p{Ll}+|${PROFESSIONS})(?![\\p{L}])`,
	'giu'
);
const WORKPLACE_NOUN = `(?:firm\\p{L}*|nemocnic\\p{L}*|společnost\\p{L}*|podnik\\p{L}*|závod\\p{L}*|obchod\\p{L}*|prodejn\\p{L}*|restaurac\\p{L}*|hotel\\p{L}*|kavárn\\p{L}*|sklad\\p{L}*|továrn\\p{L}*|provozovn\\p{L}*|supermarket\\p{L}*|hypermarket\\p{L}*|marketu|řeznictví|pekárn\\p{L}*|cukrárn\\p{L}*|salon\\p{L}*|kadeřnictví|pizzeri\\p{L}*|bistr\\p{L}*|jídeln\\p{L}*|lékárn\\p{L}*|drogeri\\p{L}*|večerc\\p{L}*|večerk\\p{L}*|benzín\\p{L}*|autoservis\\p{L}*|servis\\p{L}*|prádeln\\p{L}*|úklidov\\p{L}+${SP}+firm\\p{L}*|agentur\\p{L}*|družstv\\p{L}*|penzion\\p{L}*|fabri\\p{L}*|dílně|dílny|areálu|centru|centrále|pobočce|pobočk\\p{L}*|call${SP}?centr\\p{L}*)`;
const COMPANY_SUFFIX = `(?:${SP}?(?:s\\.${SP}?r\\.${SP}?o\\.|a\\.${SP}?s\\.|spol\\.${SP}s${SP}r\\.${SP}?o\\.|k\\.${SP}?s\\.|v\\.${SP}?o\\.${SP}?s\\.))?`;
// "u firmy Kovo Trnka v Humpolci", "v Penny na náměstí ve Vlašimi" (a short phrase before the town).
const WORKPLACE = new RegExp(
	`(?<![\\p{L}])(?:v|ve|u|pro|do|ze?|na)${SP}+(${WORKPLACE_NOUN}${SP}+)?(${INSTITUTION_NAME}${COMPANY_SUFFIX})(?:(?:${SP}+(?:na|u)${SP}+[${LOW}]{3,})?,?${SP}+(?:v|ve)${SP}+(${PLACE}))?`,
	'dyu'
);
// No name, but a noun and a town say it all: "uklízí v nemocnici v Kroměříži".
const WORKPLACE_NOUN_TOWN = new RegExp(
	`(?<![\\p{L}])(?:v|ve|u|do|na)${SP}+(${WORKPLACE_NOUN}|[${LOW}]{4,})${SP}+(?:v|ve)${SP}+(${PLACE})`,
	'dyu'
);
// Nouns of time and manner after "v": "pracuje v noci v Brně" says nothing about the workplace.
const NOT_WORKPLACE_NOUNS =
	/^(?:noci|noc|týdnu|sobotu|neděli|pondělí|úterý|středu|čtvrtek|pátek|létě|zimě|jaře|podzimu|současnosti|minulosti|rámci|době|místě|oboru|zahraničí|cizině|práci|klidu|tichosti|případě|souvislosti)[ \u00a0\u202f]/u;
const COMPANY_FORM =
	/(?:s\.[ \u00a0\u202f]?r\.[ \u00a0\u202f]?o\.|a\.[ \u00a0\u202f]?s\.|k\.[ \u00a0\u202f]?s\.|v\.[ \u00a0\u202f]?o\.[ \u00a0\u202f]?s\.)$/u;

function findWorkplaces(text: string, out: PersonalDataFinding[]): void {
	for (const cue of text.matchAll(WORK_CUE)) {
		const from = cue.index + cue[0].length;
		let stop = Math.min(text.length, from + 50);
		const rel = /[.!?;\n]/u.exec(text.slice(from, stop));
		if (rel) stop = from + rel.index;
		for (let at = from; at < stop; at++) {
			if (!/[vuzdpn]/u.test(text.charAt(at))) continue;
			WORKPLACE_NOUN_TOWN.lastIndex = at;
			const nt = WORKPLACE_NOUN_TOWN.exec(text);
			const nounSpan = nt?.indices?.[1];
			const townSpan = nt?.indices?.[2];
			if (nt && nounSpan && townSpan && !NOT_WORKPLACE_NOUNS.test(`${nt[1]} `)) {
				out.push({ kind: 'workplace', start: nounSpan[0], end: townSpan[1] });
				at = nt.index + nt[0].length - 1;
				continue;
			}
			WORKPLACE.lastIndex = at;
			const m = WORKPLACE.exec(text);
			if (!m) continue;
			const nameSpan = m.indices?.[2];
			const name = m[2] ?? '';
			const noun = m[1] !== undefined;
			const town = m[3];
			at = m.index + m[0].length - 1;
			if (!nameSpan) continue;
			const first = name.split(/[ \u00a0\u202f]/u)[0] ?? '';
			// "pracuje v Brně", "pracuje v Charitě": a big town or an organisation alone says little.
			const placeOnly = isLargePlace(name);
			const company = COMPANY_FORM.test(name);
			const twoWords = capitalWords(name).length >= 2 && !placeOnly;
			if (NOT_PLACES.has(first.toLowerCase()) && !town && !company) continue;
			if (!(noun || town !== undefined || company || twoWords)) continue;
			// "pracuje v Uherském Brodě": an adjective and a noun in the locative name a town, not a firm.
			if (
				!noun &&
				town === undefined &&
				!company &&
				/^\p{Lu}\p{Ll}+(?:ém|é|ých|í)[ \u00a0\u202f]/u.test(name)
			) {
				if (!placeOnly) out.push({ kind: 'municipality', start: nameSpan[0], end: nameSpan[1] });
				continue;
			}
			if (placeOnly && !noun && !town) continue;
			const start = m.indices?.[1]?.[0] ?? nameSpan[0];
			const end = town !== undefined ? (m.indices?.[3]?.[1] ?? nameSpan[1]) : nameSpan[1];
			out.push({ kind: 'workplace', start, end });
		}
	}
}

export function findPlaces(text: string, out: PersonalDataFinding[]): void {
	findStreets(text, out);
	findSchoolsAndShelters(text, out);
	findWorkplaces(text, out);
	findMunicipalities(text, out);
}
