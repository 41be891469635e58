// The anonymisation guard: finds personal data in a need text before the club sees it.
// Recall matters most (a leaked name or address can put a child in danger), precision next (false alarms
// on ordinary need text wear social workers down). Everything here is rule-based and built once at
// module load; findPersonalData is pure and synchronous.
import { ambiguousNameForms, lowerCaseWordForms } from './pii-ambiguous';
import { findCodes } from './pii-codes';
import {
	czechSurnames,
	easternFirstNames,
	femaleFirstNames,
	foreignFemaleFirstNames,
	foreignMaleFirstNames,
	foreignSurnames,
	maleFirstNames,
	otherFirstNames,
	surnameSuffixes,
	vietnameseNames,
	vietnameseSurnamesDeclined
} from './pii-names';
import { findPlaces } from './pii-places';

export const personalDataKinds = [
	'birth_number',
	'phone',
	'email',
	'address',
	'postal_code',
	'birth_date',
	'name',
	'bank_account',
	'id_document',
	'licence_plate',
	'profile_link',
	'school',
	'workplace',
	'shelter',
	'municipality',
	'court_file',
	'reference_number',
	'data_box',
	'insurance_number'
] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];
export interface PersonalDataFinding {
	kind: PersonalDataKind;
	start: number;
	end: number;
}

// When two findings overlap they become one, of the more specific kind.
const priority: Record<PersonalDataKind, number> = {
	birth_number: 19,
	bank_account: 18,
	data_box: 17,
	insurance_number: 16,
	court_file: 15,
	reference_number: 14,
	id_document: 13,
	email: 12,
	profile_link: 11,
	phone: 10,
	licence_plate: 9,
	birth_date: 8,
	school: 7,
	shelter: 6,
	workplace: 5,
	address: 4,
	postal_code: 3,
	municipality: 2,
	name: 1
};

const words = (list: string): string[] => list.split(/\s+/).filter((w) => w.length > 0);

// ---------------------------------------------------------------------------------------------------
// Names: declension

const SOFT_CONSONANTS = 'šžčřcjďťň';
const isSoft = (ch: string | undefined): boolean => ch !== undefined && SOFT_CONSONANTS.includes(ch);
const VOWELS = 'aáeéěiíoóuúůyý';

/** Dative/locative of a feminine -a stem: Anička → Aničce, Olha → Olze, Bára → Báře, Jana → Janě. */
function feminineDative(stem: string): string[] {
	if (stem.endsWith('ch')) return [stem.slice(0, -2) + 'še'];
	const last = stem.at(-1) ?? '';
	const base = stem.slice(0, -1);
	switch (last) {
		case 'k':
			return [base + 'ce'];
		case 'h':
		case 'g':
			return [base + 'ze'];
		case 'r':
			return [base + 'ře'];
		case 'd':
		case 't':
		case 'n':
		case 'b':
		case 'p':
		case 'v':
		case 'm':
		case 'f':
			return [stem + 'ě'];
		case 'i':
		case 'y':
			return [stem + 'i', stem + 'e'];
		default:
			return [stem + 'e'];
	}
}

function feminineForms(name: string): string[] {
	const n = name;
	if (n.endsWith('ová') || (n.endsWith('á') && n.length > 3)) {
		const stem = n.slice(0, -1);
		return [n, stem + 'é', stem + 'ou'];
	}
	if (n.endsWith('a')) {
		const stem = n.slice(0, -1);
		const soft = isSoft(stem.at(-1)) || stem.endsWith('i');
		return [n, stem + (soft ? 'i' : 'y'), ...feminineDative(stem), stem + 'u', stem + 'o', stem + 'ou'];
	}
	if (n.endsWith('e') || n.endsWith('ie')) {
		const stem = n.slice(0, -1);
		return [n, stem + 'i', stem + 'í'];
	}
	const last = n.at(-1) ?? '';
	if (!VOWELS.includes(last)) {
		// Dagmar, Ester, Nikol, Karin: declined like -a names in speech, left as they are in writing.
		const dat = last === 'r' ? n.slice(0, -1) + 'ře' : n + 'e';
		return [n, n + 'y', n + 'i', dat, n + 'ě', n + 'u', n + 'o', n + 'ou'];
	}
	return [n];
}

/** Forms of a masculine hard or soft consonant stem. */
function masculineStemForms(stem: string, soft: boolean): string[] {
	const common = [stem + 'ovi', stem + 'em', stem + 'ové', stem + 'ů', stem + 'ům'];
	if (soft) {
		const voc = stem.endsWith('c') ? stem.slice(0, -1) + 'če' : stem + 'i';
		return [stem + 'e', stem + 'i', voc, ...common];
	}
	const last = stem.at(-1) ?? '';
	const voc =
		last === 'r'
			? [stem.slice(0, -1) + 'ře']
			: 'khg'.includes(last)
				? [stem + 'u']
				: [stem + 'e', stem + 'u'];
	return [stem + 'a', stem + 'u', stem + 'y', ...voc, ...common];
}

function masculineForms(name: string): string[] {
	const n = name;
	const forms = [n];
	if (n.endsWith('ý')) {
		const stem = n.slice(0, -1);
		forms.push(stem + 'ého', stem + 'ému', stem + 'ém', stem + 'ým', stem + 'í', stem + 'ých', stem + 'ými');
		return forms;
	}
	if (n.endsWith('í')) {
		forms.push(n + 'ho', n + 'mu', n + 'm');
		return forms;
	}
	if (n.endsWith('ů') || n.endsWith('e') || n.endsWith('u') || n.endsWith('ii')) {
		if (n.endsWith('ii')) forms.push(n.slice(0, -1) + 'je', n + 'ho', n + 'mu', n + 'm');
		return forms;
	}
	if (n.endsWith('a')) {
		const stem = n.slice(0, -1);
		const soft = isSoft(stem.at(-1));
		forms.push(stem + (soft ? 'i' : 'y'), stem + 'ovi', stem + 'u', stem + 'o', stem + 'ou', stem + 'ové');
		forms.push(stem + 'ů', stem + 'ům');
		return forms;
	}
	if (n.endsWith('o')) {
		const stem = n.slice(0, -1);
		forms.push(stem + 'a', stem + 'ovi', stem + 'u', stem + 'em', stem + 'ové', stem + 'ů');
		return forms;
	}
	// Fleeting e: Marek → Marka, Zdeněk → Zdeňka, Němec → Němce, Pavel → Pavla.
	const fleeting = /^(.*[^aeiouyáéíóúůýě])([eě])([kcl])$/u.exec(n);
	if (fleeting && n.length > 3) {
		let before = fleeting[1] ?? '';
		const vowel = fleeting[2];
		const cons = fleeting[3] ?? '';
		if (vowel === 'ě') {
			const softened: Record<string, string> = { d: 'ď', t: 'ť', n: 'ň' };
			const last = before.at(-1) ?? '';
			before = before.slice(0, -1) + (softened[last] ?? last);
		}
		forms.push(...masculineStemForms(before + cons, cons === 'c'));
	}
	const last = n.at(-1) ?? '';
	forms.push(...masculineStemForms(n, isSoft(last) || last === 'x' || n.endsWith('ij')));
	return forms;
}

/** Female surname from the masculine one: Novák → Nováková, Černý → Černá, Hájek → Hájková. */
function femaleSurnames(name: string): string[] {
	const n = name;
	if (n.endsWith('ý')) return [n.slice(0, -1) + 'á'];
	if (n.endsWith('í') || n.endsWith('ů')) return [n];
	if (n.endsWith('ov') || n.endsWith('ev') || n.endsWith('in')) return [n + 'a', n + 'ová'];
	if (/[aeo]$/u.test(n)) return [n.slice(0, -1) + 'ová', n];
	const out = [n + 'ová'];
	const fleeting = /^(.*[^aeiouyáéíóúůýě])([eě])([kcl])$/u.exec(n);
	if (fleeting && n.length > 3) {
		let before = fleeting[1] ?? '';
		if (fleeting[2] === 'ě') {
			const softened: Record<string, string> = { d: 'ď', t: 'ť', n: 'ň' };
			const last = before.at(-1) ?? '';
			before = before.slice(0, -1) + (softened[last] ?? last);
		}
		out.push(before + (fleeting[3] ?? '') + 'ová');
	}
	// Foreign women are often written with the husband's or father's form left as it is.
	out.push(n);
	return out;
}

interface NameForm {
	first: boolean;
	surname: boolean;
	/** Short Vietnamese names and the like: only next to another name or after a cue. */
	weak: boolean;
	/** Adjective-like surnames (Černá, Malý): only next to another name or after a cue. */
	adjectival: boolean;
}

const nameForms = new Map<string, NameForm>();

function addName(form: string, kind: 'first' | 'surname', weak = false, adjectival = false): void {
	for (const part of form.split('-')) {
		if (part.length < 2) continue;
		const key = part.toLowerCase();
		const prev = nameForms.get(key);
		if (prev) {
			prev.first ||= kind === 'first';
			prev.surname ||= kind === 'surname';
			prev.weak &&= weak;
			prev.adjectival &&= adjectival;
		} else {
			nameForms.set(key, { first: kind === 'first', surname: kind === 'surname', weak, adjectival });
		}
	}
}

for (const n of [
	...words(femaleFirstNames),
	...words(easternFirstNames.female),
	...words(foreignFemaleFirstNames)
]) {
	for (const f of feminineForms(n)) addName(f, 'first');
}
for (const n of [
	...words(maleFirstNames),
	...words(easternFirstNames.male),
	...words(foreignMaleFirstNames)
]) {
	for (const f of masculineForms(n)) addName(f, 'first');
}
for (const n of words(otherFirstNames)) {
	const forms = /[aei]$/u.test(n) ? feminineForms(n) : masculineForms(n);
	for (const f of forms) addName(f, 'first');
}
/** Every form of a surname (masculine nominative): its cases, the female surname and the family plural. */
function surnameForms(n: string): string[] {
	const out = masculineForms(n);
	// "Rodina Novákových", "u Novákových"
	if (!n.endsWith('ý') && !n.endsWith('í') && !n.endsWith('ů')) {
		for (const female of femaleSurnames(n)) {
			if (female.endsWith('ová')) for (const end of ['ých', 'ým', 'ými']) out.push(female.slice(0, -1) + end);
		}
	}
	for (const female of femaleSurnames(n)) out.push(...feminineForms(female));
	return out;
}

for (const n of [...words(czechSurnames), ...words(foreignSurnames)]) {
	const adjectival = n.endsWith('ý');
	for (const f of surnameForms(n)) addName(f, 'surname', false, adjectival);
}
for (const n of words(vietnameseNames)) {
	addName(n, 'surname', n.length <= 3);
	if (n.length > 3) addName(n + 'ová', 'surname');
}
// "Nguyenovi", "s Nguyenem", "u Nguyenů": the common long family names take Czech endings.
for (const n of words(vietnameseSurnamesDeclined)) {
	for (const f of masculineForms(n)) addName(f, 'surname');
	for (const f of feminineForms(n + 'ová')) addName(f, 'surname');
}

const ambiguous = new Set(words(ambiguousNameForms));

// Social workers often type without diacritics ("Jana Novakova"), so every form is also found without them.
const stripDiacritics = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const plainForms = new Map<string, NameForm>();
for (const [key, info] of nameForms) {
	const plain = stripDiacritics(key);
	if (plain !== key && !nameForms.has(plain) && !plainForms.has(plain)) plainForms.set(plain, info);
}
for (const key of [...ambiguous]) ambiguous.add(stripDiacritics(key));

const isPlain = (key: string): boolean => /^[a-z]+$/u.test(key);

function lookup(key: string): NameForm | undefined {
	const found = nameForms.get(key);
	if (found) return found;
	if (isPlain(key)) {
		const plain = plainForms.get(key);
		if (plain) return plain;
	} else {
		// Text pasted from some systems arrives decomposed (e + combining accents); look it up composed.
		const composed = key.normalize('NFC');
		if (composed !== key) return lookup(composed);
	}
	return undefined;
}

// Capitalised words that are never names on their own: places, months, days, institutions, brands,
// nationalities. A cue (paní, syn …) right before still makes a known name count.
const stopWords = new Set(
	words(`
praha prahy praze prahu prahou brno brna brně brnu brnem ostrava ostravy ostravě ostravu ostravou plzeň plzně
plzni olomouc olomouce olomouci liberec liberce liberci zlín zlína zlíně kladno kladna kladně most mostu mostě
opava opavy opavě tábor tábora táboře jihlava jihlavy jihlavě karviná karviné havířov havířově teplice teplicích
děčín děčíně chomutov chomutově jablonec jablonci prostějov prostějově přerov přerově třinec třinci kolín kolíně
písek písku beroun berouně benešov benešově mělník mělníku nymburk nymburce příbram příbrami cheb chebu trutnov
trutnově náchod náchodě vsetín vsetíně hodonín hodoníně břeclav břeclavi znojmo znojmě třebíč třebíči žďár
hradec hradci králové budějovice budějovicích pardubice pardubicích ústí karlovy vary varech kutná hora horu
slovensko slovenska slovensku ukrajina ukrajiny ukrajině ukrajinu vietnam vietnamu česko česka česku morava
moravy moravě čechy čechách evropa evropy evropě rusko ruska rusku polsko polska polsku německo německa
rumunsko rumunska mongolsko mongolska kyjev kyjeva kyjevě charkov charkova lvov lvova oděsa oděsy vídeň vídni
leden ledna lednu únor února únoru březen března březnu duben dubna dubnu květen května květnu červen června
červnu červenec července červenci srpen srpna srpnu září říjen října říjnu listopad listopadu prosinec
prosince prosinci vánoce vánoc vánocům velikonoce silvestr silvestra silvestru silvestrem mikuláš mikuláše
mikuláši maxi cosi ježíšek ježíška ježíškovi ježíškem ježíšku dušičky dušiček krtek krtka krtkovi krtkem
baťa bati baťovi hipp sunar nutrilon bebiko hami pampers huggies nivea deichmann humanic tchibo sinsay reserved
pondělí úterý středa středu čtvrtek čtvrtka pátek pátku sobota sobotu neděle neděli
linka linky lince linku bílý bílého kruh kruhu úřad úřadu úřadě ospod charita charity charitě diakonie
armáda armády spásy naděje naději člověk tísni policie policii policie nemocnice motol motole bulovka
rosa rosy rose rosou rosu acorus acorusu acorusem persefona persefony persefoně persefonou locika lociky
locice lociku locikou profem profemu dona elpida jahoda spolu nadace magistrát městský krajský soud
ikea ikey ikee ikeu alza alzy alze alzu decathlon decathlonu lidl lidlu kaufland kauflandu tesco tesku
albert albertu billa bille penny globus globusu bauhaus hornbach datart sconto jysk pepco kik action rossmann
teta benu max mall bazoš vinted samsung apple lenovo dell acer asus bosch whirlpool electrolux gorenje beko
zanussi candy philips tefal škoda škody škodu octavia octavii fabia fabii ford opel renault dacia hyundai kia
nike adidas puma reebok lego playmobil barbie peppa frozen disney marvel minecraft roblox nintendo playstation
xbox windows office teams zoom whatsapp messenger signal viber telegram google seznam vodafone čez innogy
čsob fio raiffeisen moneta unicredit sparkasse lada lady ladu
ukrajinka ukrajinky ukrajinec ukrajince slovenka slovák slováka vietnamka vietnamec romka rom romové češka čech
čecha čechovi polák poláka němec němce němka mongolka rumunka ruska rus
orlová orlové orlovou sokolov sokolově sokolova říčany říčanech pavlov pavlově petrov petrově
bůh boha bohu pán pána ježíš panna romů romové romy romům ukrajinců vietnamců romských
`)
);

// Words right before a name that make even an ambiguous or unknown capitalised word a name.
const strongCues = new Set(
	words(`
pan pana panu panem paní slečna slečny slečně slečnu slečnou sl p pí jménem jmenuje jmenovala jmenoval jménu
jmenovaný jmenovaná jmenované přezdívkou mgr ing bc mudr judr phdr dr doc prof mvdr mddr rndr paeddr
thdr phmr mga bca ingr judr
klient klienta klientovi klientem klientka klientky klientce klientku klientkou
`)
);
const familyCues = new Set(
	words(`
syn syna synovi synem synek synka synkovi synáček dcera dcery dceři dceru dcerou dcerka dcerky dcerce dcerku
dceruška manžel manžela manželovi manželem manželka manželky manželce manželku manželkou partner partnera
partnerovi partnerem partnerka partnerky partnerce partnerku druh druha družka družky bratr bratra bratrovi
bratrem bráška brášku sestra sestry sestře sestru sestrou sestřička matka matky matce matku matkou maminka
mamince maminky maminku otec otce otci otcem tatínek tatínka tatínkovi babička babičky babičce babičku
babičkou dědeček dědečka dědovi děda teta tety tetě tetu strýc strýce strýci vnuk vnuka vnučka vnučky
chlapec chlapce dívka dívky holčička chlapeček děti dětí dětem dětmi dítě dítěte syny dcery sourozenci
nezletilý nezletilá nezletilého nezletilou expartner expartnera expartnerka bývalý bývalá bývalého druhem
otčím otčíma nevlastní vnoučata rodina rodiny rodině rodinu rodinou manželé manželů manželům kamarádka
kamarádky kamarád kamaráda soused souseda sousedka sousedky
`)
);
// Social workers often type without diacritics ("pani novakova", "manzel roman"): the cues count so too.
const stripMarks = (w: string): string => w.normalize('NFD').replace(/\p{M}/gu, '');
for (const set of [strongCues, familyCues]) for (const w of [...set]) set.add(stripMarks(w));

// People that schools, streets and squares are named after: "ZŠ T. G. Masaryka", "ZŠ Boženy Němcové".
// With a house number after them they are still addresses.
const publicFigures = new Set(
	`t. g. masaryka|t.g. masaryka|tomáše garrigua masaryka|g. masaryka|jana masaryka|boženy němcové|karla čapka|
václava havla|jana nerudy|aloise jiráska|jana husa|jana žižky|bedřicha smetany|antonína dvořáka|karla hynka máchy|
k. h. máchy|miroslava tyrše|jana palacha|josefa lady|jana amose komenského|j. a. komenského|františka palackého|
edvarda beneše|milady horákové|karla havlíčka borovského|jana opletala|jiřího z poděbrad|petra bezruče|
jana wericha|jana ámose komenského|karla iv|václava i|svatého václava|jaroslava seiferta|vítězslava nezvala|
boženy němcové|josefa kajetána tyla|j. k. tyla|emy destinnové|jaroslava haška|bohumila hrabala|jana keplera`
		.split(/\s*\|\s*/u)
		.map((n) => n.trim())
);
// Words before a capitalised word that make it the name of a place or an organisation, not a person.
const placeCues = new Set(
	words(`
obec obce obci obcí vesnice vesnici městys městyse město města městě ulice ulici ulicí ul sídliště sídlišti
čtvrť čtvrti část části nádraží náměstí nám škola školy škole školu školou zš mš gymnázium gymnáziu školka
školky školce školku nemocnice nemocnici firma firmy firmě firmu společnost společnosti hotel hotelu restaurace
obchod obchodu obchodě ordinace dům domu domě centrum centra centru spolek spolku nadace nadaci azylový azylového azylovém
domov domova domově klub klubu kroužek kroužku oddíl oddílu
`)
);
const ABBREVIATIONS = new Set(
	words(
		'ul nám tř č čp tel nar p sl pí mgr ing bc mudr judr phdr dr doc prof mvdr mddr rndr paeddr thdr phmr mga bca st sv r resp tzv cca kap odd tj mj např atd apod resp min max ev'
	)
);

// ---------------------------------------------------------------------------------------------------
// Names: finding them in text

interface Token {
	text: string;
	start: number;
	end: number;
}

const LETTER = /[\p{L}\p{M}]/u;

function isWordChar(text: string, at: number): boolean {
	const code = text.charCodeAt(at);
	if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
	return LETTER.test(text.charAt(at));
}

/** Splits the text into runs of letters; a hand-written loop is several times faster than matchAll. */
function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		if (!isWordChar(text, at)) {
			at++;
			continue;
		}
		const start = at;
		while (at < text.length && isWordChar(text, at)) at++;
		tokens.push({ text: text.slice(start, at), start, end: at });
	}
	return tokens;
}

function isCapitalised(t: string): boolean {
	const first = t.charAt(0);
	if (first === first.toLowerCase() || first !== first.toUpperCase()) return false;
	const rest = t.slice(1);
	return rest === rest.toLowerCase() || (t.length >= 3 && rest === rest.toUpperCase());
}

/** The text between two tokens only joins them into one name when it is a space or a hyphen. */
const JOIN = /^(?:[ \u00a0\u202f]|-|[ \u00a0\u202f]?-[ \u00a0\u202f]?)$/u;

function precedingWord(text: string, tokens: Token[], i: number): { word: string; gap: string } | null {
	const prev = tokens[i - 1];
	if (!prev) return null;
	return { word: prev.text.toLowerCase(), gap: text.slice(prev.end, tokens[i]!.start) };
}

/** Whether a token starts a sentence, where any word is capitalised. */
function atSentenceStart(text: string, tokens: Token[], i: number): boolean {
	const tok = tokens[i]!;
	let j = tok.start - 1;
	while (j >= 0 && /[ \u00a0\t"'„“”»«*•–—-]/u.test(text.charAt(j))) j--;
	if (j < 0) return true;
	const ch = text.charAt(j);
	if (ch === '\n' || ch === '!' || ch === '?' || ch === '…' || ch === ';') return true;
	if (ch !== '.') return false;
	const prev = tokens[i - 1];
	if (!prev || prev.end !== j) return true;
	// "J. Nováková", "ul. Palackého", "nar. 12." are not sentence ends.
	if (prev.text.length === 1 && prev.text !== prev.text.toLowerCase()) return false;
	return !ABBREVIATIONS.has(prev.text.toLowerCase());
}

function isInitial(text: string, tok: Token): boolean {
	return tok.text.length === 1 && isCapitalised(tok.text + 'a') && text.charAt(tok.end) === '.';
}

const FAMILY_VERB =
	/^[ \u00a0\u202f]+(?:(?:se|si|už|ještě|teď|stále|pořád)[ \u00a0\u202f]+)?(?:\p{Ll}+li|bydlí|mají|nemají|jsou|nejsou|žijí|potřebují|čekají|dluží|chtějí|nechtějí|bojí|platí|neplatí|hledají|prosí|žádají)(?![\p{L}])/u;
// "Kroupa dluží", "Hrdlička matku sleduje": what a person does to the family, after a surname that is
// also an ordinary word and opens the sentence. A hailstone does not owe and a dove does not stalk.
const AGENT_VERB = new RegExp(
	'^[ \\u00a0\\u202f]+(?:(?:se|si|ho|jí|ji|mu|jim|je|nám|matce|matku|matky|dětem|děti|klientce|klientku|klientky|rodině|' +
		'manželce|manželku|partnerce|partnerku|už|ještě|stále|pořád|znovu|opět|dál|zase|nikdy|vůbec|dlouhodobě|' +
		'opakovaně|často|denně|prý)[ \\u00a0\\u202f]+){0,2}(?:pije|pil|bije|bil|mlátí|zmlátil|zbil|uhodil|napadl|napadá|' +
		'vyhrožuje|vyhrožoval|dluží|dlužil|neplatí|neplatil|nezaplatil|odmítá|odmítl|sleduje|sledoval|obtěžuje|' +
		'obtěžoval|pronásleduje|vydírá|ponižuje|kontroluje|nedovolí|nedovolil|zakázal|zakazuje|nedostavil|sebral|' +
		'odvezl|unesl|nepustí|nepouští|vyhodil|křičí|řve|nadává|vyhledává|nechodí|nepřišel|slíbil|tvrdí|neposílá|' +
		'neposlal|posílá|píše|volá|škrtil|kope|týrá|zneužívá|buší|nevrací|nevrátil|zadržuje|ukradl|zabavil|' +
		'vyhrožují|pijí|odmítají)(?![\\p{L}])',
	'u'
);
const suffixRe = new RegExp(`(?:${surnameSuffixes.join('|')})$`, 'u');

// Instrumental endings: "s petrem", "se simonou", "s novákovými".
const INSTRUMENTAL = /(?:em|ou|ím|ým|ými|ami|emi)$/u;
const CUE_GAP = /^[.:,]?[ \u00a0\u202f]+$/u;
// Ambiguous forms that are still names right after "syn", "dcera", "pan" ("syn kuba", "dcera nora").
const namesAfterFamilyCue = new Set(
	words('kuba kubo kubou kubu kuby markem marko max maxim míra míro lev nora zora zlata viola')
);
const lowerCaseWords = new Set(words(lowerCaseWordForms));
// Adjectives before a child's name: "nejmladší matyáš", "malá ema".
const childAdjectives = new Set(
	words('nejmladší nejstarší mladší starší prostřední nejmenší malý malá malé malou malého malému malým malí')
);
// Prepositions before a name in lower case ("pro kristýnku", "od petra"): weaker than a family cue, so
// only forms that are no ordinary word count after them.
for (const w of [...childAdjectives]) childAdjectives.add(stripMarks(w));
const namePrepositions = new Set(words('pro k ke od u za o bez s se před pred po při pri na'));
const HAS_DIACRITICS = /[áčďéěíňóřšťúůýž]/iu;

/** A lower-case word that is a name form and not also an ordinary word (pii-ambiguous.ts). */
function lowerCaseName(key: string, afterCue: boolean, plainText: boolean): NameForm | undefined {
	if (key.length < 3 || key !== key.toLowerCase()) return undefined;
	const listed = nameForms.has(key) || (plainText && plainForms.has(key));
	if (!listed) return undefined;
	if (stopWords.has(key) || strongCues.has(key) || familyCues.has(key)) return undefined;
	if (ambiguous.has(key) && !(afterCue && namesAfterFamilyCue.has(key))) return undefined;
	if (!afterCue && lowerCaseWords.has(key)) return undefined;
	// Forms without diacritics ("novakova") only in a text typed without them: "masky" is not "Mašky".
	const info = nameForms.get(key) ?? (plainText && isPlain(key) ? plainForms.get(key) : undefined);
	return info && !info.weak ? info : undefined;
}

/**
 * Names typed in lower case ("matka jana", "paní nováková", "s petrem"), which social workers do in
 * quick notes. Without the capital letter only a cue right before (a family word, a title, a child's
 * adjective, a preposition), a name just before ("adámek a sofinka"), or a first name followed by a
 * surname ("jana nováková") makes a word a name.
 */
function findLowerCaseNames(text: string, tokens: Token[], out: PersonalDataFinding[]): void {
	const plainText = !HAS_DIACRITICS.test(text);
	let lastNameEnd = -1;
	for (let i = 0; i < tokens.length; i++) {
		const tok = tokens[i]!;
		if (tok.text.length < 3 || tok.text !== tok.text.toLowerCase()) continue;
		const pw = precedingWord(text, tokens, i);
		const gapOk = pw !== null && CUE_GAP.test(pw.gap);
		const word = gapOk ? pw.word : '';
		const familyOrTitle = strongCues.has(word) || familyCues.has(word) || childAdjectives.has(word);
		// "paní vrtílková": after a title or a family word, a surname's female shape is enough.
		const femaleShape =
			(strongCues.has(word) || familyCues.has(word)) &&
			tok.text.length >= 7 &&
			(/ov(?:á|é|ou)$/u.test(tok.text) || (plainText && /ov(?:a|e|ou)$/u.test(tok.text))) &&
			!ambiguous.has(tok.text);
		// "adámek a sofinka", "vaska a kubu": a name right after another one counts like one after a cue.
		const listed =
			/^(?:a|i|nebo)$/u.test(word) &&
			lastNameEnd >= 0 &&
			text.slice(lastNameEnd, tokens[i - 1]!.start).trim() === '';
		const info =
			lowerCaseName(tok.text, familyOrTitle || listed, plainText) ??
			(femaleShape ? { first: false, surname: true, weak: false, adjectival: false } : undefined);
		if (!info) continue;
		const preposition =
			namePrepositions.has(word) && (!(word === 's' || word === 'se') || INSTRUMENTAL.test(tok.text));
		const next = tokens[i + 1];
		const nextInfo =
			next && /^[ \u00a0\u202f]$/u.test(text.slice(tok.end, next.start))
				? lowerCaseName(next.text, false, plainText)
				: undefined;
		const pair = info.first && nextInfo !== undefined && nextInfo.surname && !info.adjectival;
		if (!familyOrTitle && !listed && !preposition && !pair) continue;
		let j = i;
		while (j + 1 < tokens.length && j - i < 2) {
			const n = tokens[j + 1]!;
			if (!/^[ \u00a0\u202f]$/u.test(text.slice(tokens[j]!.end, n.start))) break;
			if (!lowerCaseName(n.text, false, plainText)) break;
			j++;
		}
		out.push({ kind: 'name', start: tok.start, end: tokens[j]!.end });
		lastNameEnd = tokens[j]!.end;
		i = j;
	}
}

function findNames(text: string, out: PersonalDataFinding[]): void {
	const tokens = tokenize(text);
	findLowerCaseNames(text, tokens, out);

	let i = 0;
	let previousChainWasName = false;
	let previousChainEnd = -1;
	while (i < tokens.length) {
		const tok = tokens[i]!;
		const first = tok.text.charAt(0);
		if (first === first.toLowerCase()) {
			i++;
			continue;
		}
		const initial = isInitial(text, tok);
		const lower = tok.text.toLowerCase();
		if ((!initial && !isCapitalised(tok.text)) || strongCues.has(lower) || familyCues.has(lower)) {
			i++;
			continue;
		}
		// A capitalised ordinary word opening a sentence ("Pro Marka …", "Rodina Krausových …") is not part
		// of the name that follows it.
		if (
			!initial &&
			lookup(lower) === undefined &&
			!/(?:ová|ové|ovou|ových|ovým)$/u.test(lower) &&
			!suffixRe.test(lower) &&
			atSentenceStart(text, tokens, i)
		) {
			const next = tokens[i + 1];
			if (next && JOIN.test(text.slice(tok.end, next.start)) && isCapitalised(next.text)) {
				i++;
				continue;
			}
		}
		// Collect a chain of capitalised tokens joined by spaces or hyphens ("J. Nováková" too).
		const chain: number[] = [i];
		let k = i;
		while (k + 1 < tokens.length) {
			const cur = tokens[k]!;
			const next = tokens[k + 1]!;
			const gap = text.slice(cur.end, next.start);
			const joined = isInitial(text, cur) ? /^\.[ \u00a0\u202f]?$/u.test(gap) : JOIN.test(gap);
			if (!joined || !(isCapitalised(next.text) || isInitial(text, next))) break;
			chain.push(k + 1);
			k++;
			if (chain.length >= 5) break;
		}

		const pw = precedingWord(text, tokens, i);
		const gapOk = pw !== null && /^[.:,]?[ \u00a0\u202f]+$/u.test(pw.gap);
		const strongCue = pw !== null && gapOk && strongCues.has(pw.word);
		const familyCue = pw !== null && gapOk && familyCues.has(pw.word) && !pw.gap.includes('.');
		const listCue =
			previousChainWasName &&
			pw !== null &&
			/^(?:a|i|nebo)$/u.test(pw.word) &&
			text.slice(previousChainEnd, tokens[i - 1]!.start).trim() === '';
		const commaListCue =
			previousChainWasName &&
			/^[ \u00a0\u202f]*,[ \u00a0\u202f]*$/u.test(text.slice(previousChainEnd, tok.start)) &&
			previousChainEnd >= 0;
		const cued = strongCue || familyCue || listCue || commaListCue;
		const saint = pw !== null && /^(?:sv|svatého|svatý|svaté|svatou|svatá)$/u.test(pw.word);
		const sentenceStart = atSentenceStart(text, tokens, i);
		// "u Kolínských", "k Novotným": a family named in the plural after a preposition.
		const familyPlural =
			chain.length === 1 &&
			gapOk &&
			!sentenceStart &&
			/^(?:u|k|ke|od|s|se|za|pro|o)$/u.test(pw?.word ?? '') &&
			/(?:ých|ým|ými)$/u.test(lower) &&
			lower.length >= 6;

		const isName: boolean[] = chain.map(() => false);
		let anyStrong = false;
		chain.forEach((idx) => {
			const t = tokens[idx]!;
			if (isInitial(text, t)) return;
			const key = t.text.toLowerCase();
			if (stopWords.has(key)) return;
			const info = lookup(key);
			if (!info) return;
			const amb = ambiguous.has(key) || info.weak || info.adjectival;
			if (!amb) anyStrong = true;
		});
		const hasInitial = chain.some((idx) => isInitial(text, tokens[idx]!));
		const place = pw !== null && placeCues.has(pw.word) && !strongCue;
		const qualifies = (anyStrong || cued || hasInitial) && !saint && !place;

		chain.forEach((idx, c) => {
			const t = tokens[idx]!;
			const key = t.text.toLowerCase();
			if (isInitial(text, t)) {
				// An initial only counts together with a following surname.
				const next = chain[c + 1];
				isName[c] = next !== undefined && !stopWords.has(tokens[next]!.text.toLowerCase());
				return;
			}
			const stop = stopWords.has(key);
			const info = lookup(key);
			const strongCueHere = c === 0 && strongCue;
			if (stop) {
				isName[c] = strongCueHere && info !== undefined;
				return;
			}
			// A nominative "-ová" not followed by a noun ("Tlapkovou patrolu", "Ledové království" are not names).
			const nextText = text.slice(t.end, t.end + 2);
			const femaleSurnameShape =
				key.length >= 6 &&
				key.endsWith('ová') &&
				!/^[ \u00a0\u202f]\p{Ll}/u.test(nextText) &&
				!ambiguous.has(key);
			const foreignShape = suffixRe.test(key) && key.length >= 6;
			// "Mužíkovi bydlí na ubytovně", "Procházkovi se přestěhovali": a family in the plural, told by
			// the plural verb after it (a dative "Petrovi se zhoršil" has a singular one).
			const familyNominative =
				chain.length === 1 &&
				key.length >= 6 &&
				key.endsWith('ovi') &&
				!familyCues.has(key) &&
				FAMILY_VERB.test(text.slice(t.end, t.end + 24));
			if (familyPlural) {
				isName[c] = true;
				return;
			}
			if (
				c === 0 &&
				chain.length === 1 &&
				sentenceStart &&
				info?.surname === true &&
				AGENT_VERB.test(text.slice(t.end, t.end + 60))
			) {
				isName[c] = true;
				return;
			}
			if (info) {
				const amb = ambiguous.has(key);
				if (qualifies) isName[c] = true;
				else if (amb && !info.weak && !info.adjectival && !sentenceStart && c === 0 && key.length >= 4)
					isName[c] = true;
				return;
			}
			// Unknown capitalised word: a name after a cue, after a known name, after an initial, or by shape.
			if (qualifies && c > 0 && isName[c - 1]) isName[c] = true;
			else if (c === 0 && strongCue) isName[c] = true;
			else if (c === 0 && (familyCue || listCue) && !sentenceStart) isName[c] = true;
			else if (/(?:ová|ové|ovou|ových|ovým)$/u.test(key) && key.length >= 6 && qualifies) isName[c] = true;
			else if ((femaleSurnameShape || foreignShape) && (!sentenceStart || c > 0 || qualifies))
				isName[c] = true;
			else if (familyNominative) isName[c] = true;
		});
		// Extend the other way too: "Melnyk Oksana" (surname first, as on forms).
		for (let c = chain.length - 2; c >= 0; c--) {
			if (isName[c] || !isName[c + 1]) continue;
			const t = tokens[chain[c]!]!;
			const key = t.text.toLowerCase();
			if (stopWords.has(key) || (c === 0 && sentenceStart && lookup(key) === undefined)) continue;
			const info = lookup(key);
			if (info || (anyStrong && c > 0)) isName[c] = true;
		}

		let found = false;
		let c = 0;
		while (c < chain.length) {
			if (!isName[c]) {
				c++;
				continue;
			}
			let e = c;
			while (e + 1 < chain.length && isName[e + 1]) e++;
			const start = tokens[chain[c]!]!.start;
			const end = tokens[chain[e]!]!.end;
			const afterText = text.slice(end, end + 12);
			const famous =
				publicFigures.has(text.slice(start, end).toLowerCase().replace(/\s+/gu, ' ')) &&
				!/^[ \u00a0\u202f]+\d/u.test(afterText);
			// "S.O.S." or "J. N." alone: initials without a name.
			const onlyInitials = chain.slice(c, e + 1).every((idx) => isInitial(text, tokens[idx]!));
			if (!famous && !saint && !place && !onlyInitials) {
				out.push({ kind: 'name', start, end });
				found = true;
			}
			c = e + 1;
		}
		previousChainWasName = found;
		previousChainEnd = tokens[chain[chain.length - 1]!]!.end;
		i = chain[chain.length - 1]! + 1;
	}
}

// ---------------------------------------------------------------------------------------------------
// Birth numbers

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks a Czech birth number given as digits only (9 or 10 of them). */
export function isValidBirthNumber(digits: string): boolean {
	if (!/^\d{9,10}$/u.test(digits)) return false;
	const yy = Number(digits.slice(0, 2));
	let mm = Number(digits.slice(2, 4));
	const dd = Number(digits.slice(4, 6));
	let year: number;
	if (digits.length === 9) {
		if (yy >= 54) return false;
		year = 1900 + yy;
	} else {
		year = yy >= 54 ? 1900 + yy : 2000 + yy;
		const first9 = Number(digits.slice(0, 9));
		const check = Number(digits.charAt(9));
		const rem = first9 % 11;
		if (!(Number(digits) % 11 === 0 || (rem === 10 && check === 0))) return false;
	}
	if (mm > 70) {
		if (year < 2004) return false;
		mm -= 70;
	} else if (mm > 50) mm -= 50;
	else if (mm > 20) {
		if (year < 2004) return false;
		mm -= 20;
	}
	if (mm < 1 || mm > 12) return false;
	return dd >= 1 && dd <= daysInMonth(year, mm);
}

/** Whether the first six digits are a possible birth date (the check digit may be mistyped). */
function birthNumberDate(digits: string): boolean {
	if (!/^\d{9,10}$/u.test(digits)) return false;
	const yy = Number(digits.slice(0, 2));
	let mm = Number(digits.slice(2, 4));
	const dd = Number(digits.slice(4, 6));
	if (digits.length === 9 && yy >= 54) return false;
	const year = digits.length === 9 || yy >= 54 ? 1900 + yy : 2000 + yy;
	if (mm > 70) mm -= 70;
	else if (mm > 50) mm -= 50;
	else if (mm > 20) mm -= 20;
	if (mm < 1 || mm > 12) return false;
	return dd >= 1 && dd <= daysInMonth(year, mm);
}

const BIRTH_NUMBER =
	/(?<![\p{L}\d\-/.,])(\d{6})(?:[ \u00a0\u202f]?(\/)[ \u00a0\u202f]?(\d{3,4})|(\d{4}))(?![\d]|\/\d|,\d)/gu;
const BIRTH_NUMBER_CUE =
	/(?:(?<![\p{L}])(?:RČ|rč|r\.[ \u00a0\u202f]?č\.|R\.[ \u00a0\u202f]?Č\.)|[Rr]odn\p{L}+[ \u00a0\u202f]+čísl\p{L}*)[^\d\n]{0,16}$/u;

function findBirthNumbers(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(BIRTH_NUMBER)) {
		const slash = m[2] !== undefined;
		const digits = (m[1] ?? '') + (m[3] ?? m[4] ?? '');
		let ok = isValidBirthNumber(digits);
		// A mistyped check digit still leaves a birth number: trust the date part when the number has the
		// slash form (and is not a bank account) or comes after "RČ", "rodné číslo".
		if (!ok && birthNumberDate(digits)) {
			const cue = BIRTH_NUMBER_CUE.test(text.slice(Math.max(0, m.index - 40), m.index));
			const bankCode = slash && (m[3] ?? '').length === 4 && BANK_CODES.has(m[3] ?? '');
			ok = cue || (slash && !bankCode);
		}
		if (ok) out.push({ kind: 'birth_number', start: m.index, end: m.index + m[0].length });
	}
}

// ---------------------------------------------------------------------------------------------------
// Phones

/** Public numbers that are fine to mention: crisis lines, helplines. */
const PUBLIC_NUMBERS = new Set(['251511313', '602246102', '116111', '116006', '116000', '116123']);
const PHONE_RUN =
	/(?<![\p{L}\d/.,+-])(?:\+|00)?[ \u00a0\u202f]?\(?\d+\)?(?:(?:[ \u00a0\u202f]|-|\.|[ \u00a0\u202f]-[ \u00a0\u202f])\(?\d+\)?)*/gu;
const AMOUNT_AFTER =
	/^[ \u00a0\u202f]*(?:,-|,–|Kč|kč|korun|Kc|CZK|EUR|eur|€|\$|tis|%|let(?![\p{L}])|ks(?![\p{L}])|kusů)/u;

// "777/123/456", "603 / 12 34 56": slashes between the groups. Kept apart from PHONE_RUN, where a slash
// would join an account number to its bank code; here the groups must look like a phone's.
const SLASH_PHONE =
	/(?<![\p{L}\d/.,+-])[2-79]\d{2}[ \u00a0\u202f]?\/[ \u00a0\u202f]?(?:\d{3}[ \u00a0\u202f]?\/?[ \u00a0\u202f]?\d{3}|\d{2}[ \u00a0\u202f]?\/?[ \u00a0\u202f]?\d{2}[ \u00a0\u202f]?\/?[ \u00a0\u202f]?\d{2})(?![\d/]|[.,]\d)/gu;

function findPhones(text: string, out: PersonalDataFinding[]): void {
	if (text.includes('/')) {
		for (const m of text.matchAll(SLASH_PHONE)) {
			if (!AMOUNT_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))
				out.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
		}
	}
	for (const m of text.matchAll(PHONE_RUN)) {
		const run = m[0];
		const groups: { digits: string; start: number; end: number }[] = [];
		for (const g of run.matchAll(/\d+/gu)) {
			groups.push({ digits: g[0], start: m.index + g.index, end: m.index + g.index + g[0].length });
		}
		if (groups.length === 0) continue;
		const international =
			/^[ \u00a0\u202f]?(?:\+|00)/u.test(run) || run.startsWith('+') || run.startsWith('00');
		if (international) {
			const all = groups.map((g) => g.digits).join('');
			const body = all.startsWith('00') ? all.slice(2) : all;
			const cc = ['420', '421', '380'].find((c) => body.startsWith(c));
			let want: number[];
			if (cc) want = [cc.length + 9];
			else want = [8, 9, 10, 11, 12, 13, 14];
			let acc = all.startsWith('00') ? -2 : 0;
			for (let g = 0; g < groups.length; g++) {
				acc += groups[g]!.digits.length;
				if (want.includes(acc) && (g === groups.length - 1 || cc)) {
					const national = body.slice(cc ? cc.length : 0);
					if (cc === '420' && (national.startsWith('8') || PUBLIC_NUMBERS.has(national))) break;
					const start = text.charAt(m.index) === ' ' ? m.index + 1 : m.index;
					out.push({ kind: 'phone', start, end: groups[g]!.end });
					break;
				}
				if (acc > Math.max(...want)) break;
			}
			continue;
		}
		// National numbers: nine digits in groups of at most four, or all nine together. Ukrainian
		// numbers are written nationally with a leading 0 and ten digits (067 123 45 67).
		let g = 0;
		while (g < groups.length) {
			let acc = 0;
			let e = g;
			let ok = false;
			const head = groups[g]!.digits;
			const target = head.charAt(0) === '0' && /^0[1-9]/u.test(head.length > 1 ? head : head + '1') ? 10 : 9;
			while (e < groups.length) {
				const len = groups[e]!.digits.length;
				if (len > 4 && !(len === target && e === g)) break;
				acc += len;
				if (acc === target) {
					ok = true;
					break;
				}
				if (acc > target) break;
				e++;
			}
			// Czech numbers start with 2–7 or 9; 1… are short codes, 8… toll-free and shared-cost lines.
			if (ok && '02345679'.includes(head.charAt(0))) {
				const digits = groups
					.slice(g, e + 1)
					.map((x) => x.digits)
					.join('');
				const start = groups[g]!.start;
				const end = groups[e]!.end;
				const first = digits.charAt(0) === '0' ? digits.charAt(1) : digits.charAt(0);
				const after = text.slice(end, end + 12);
				const before = text.slice(Math.max(0, start - 28), start).toLowerCase();
				// Order, invoice, file and company numbers have nine digits too.
				const reference =
					/(?<![\p{L}])(?:objednáv\p{L}*|faktur\p{L}*|jednací|č\.[ \u00a0\u202f]?j\.|vs|variabilní|symbol\p{L}*|ičo|ič|dič|smlouv\p{L}*|spis\p{L}*|zakázk\p{L}*|ean|kód\p{L}*|pin|id|číslo dokladu)(?![\p{L}])[^\d]{0,12}$/u.test(
						before
					);
				const helpline =
					/link|helpline|krizov|bezplatn/u.test(before) && !/pevn\p{L}*[ \u00a0\u202f]+link/u.test(before);
				if (
					'2345679'.includes(first) &&
					!PUBLIC_NUMBERS.has(digits) &&
					!reference &&
					!AMOUNT_AFTER.test(after) &&
					!helpline
				) {
					out.push({ kind: 'phone', start, end });
					g = e + 1;
					continue;
				}
			}
			g++;
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// E-mail, profile links

// Spelled-out addresses: "jana.novakova zavináč seznam tečka cz", "petr(at)gmail(dot)com", "jana [at] email.cz".
const AT_WORD = String.raw`(?:[ \u00a0\u202f]?[(\[{<][ \u00a0\u202f]?(?:at|AT|zavináč|zavinac|zavináčem)[ \u00a0\u202f]?[)\]}>][ \u00a0\u202f]?|[ \u00a0\u202f](?:zavináč|zavinac|zavináčem|at|AT)[ \u00a0\u202f])`;
const DOT_WORD = String.raw`(?:\.|[ \u00a0\u202f]?[(\[{<][ \u00a0\u202f]?(?:dot|DOT|tečka|tecka)[ \u00a0\u202f]?[)\]}>][ \u00a0\u202f]?|[ \u00a0\u202f](?:tečka|tecka|dot|DOT)[ \u00a0\u202f])`;
const OBFUSCATED_EMAIL = new RegExp(
	String.raw`(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+(?:${DOT_WORD}[\p{L}\d_%+-]+)*?${AT_WORD}[\p{L}\d-]+(?:${DOT_WORD}[\p{L}\d-]+)*?${DOT_WORD}(?:cz|sk|com|net|org|eu|info|de|ua|ru|pl|at|uk|me|io)(?![\p{L}\d])`,
	'gu'
);
const EMAIL_LOCAL_CHAR = /[\p{L}\d._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/uy;
const PROFILE =
	/(?<![\p{L}\d.-])(?:https?:\/\/)?(?:www\.|m\.|mobile\.|web\.)?(?:facebook\.com|fb\.com|fb\.me|instagram\.com|instagr\.am|tiktok\.com|vk\.com|vkontakte\.ru|ok\.ru|linkedin\.com\/in|t\.me|x\.com|twitter\.com|youtube\.com\/(?:@|c\/|channel\/|user\/)|threads\.net\/@|snapchat\.com\/add)\/?[^\s,;)"'<>]+/giu;
// Listings of a flat or a house show where the family lives or will live: sreality, bezrealitky, the
// reality section of bazoš and similar. A bazoš advert for a bed is a shop link and stays clean.
const LISTING =
	/(?<![\p{L}\d.-])(?:https?:\/\/)?(?:www\.)?(?:sreality\.cz\/detail|bezrealitky\.cz\/(?:nemovitosti|detail|inzerat|nabidka)|reality\.bazos\.cz\/inzerat|(?:[\p{L}\d-]+\.)?bazos\.cz\/inzerat\/\d+\/[^\s]{0,120}?(?:byt|pronaj|podnaj|pokoj|dum|domu|garsonk|nemovit)|reality\.idnes\.cz\/detail|realitymix\.cz\/detail|ulovdomov\.cz\/(?:inzerat|pronajem|prodej|byt|detail)|realingo\.cz\/(?:pronajem|prodej|detail)|remax-czech\.cz\/reality\/detail|bydleni\.cz|nemovitosti\.cz\/detail)[^\s,;)"'<>]*/giu;
const PERSONAL_PATH =
	/\/(?:profil|profile|uzivatel|user|users|clen)\/[^/\s]+|\/(?:reality|nemovitosti)\/(?:detail|inzerat)\/|\/(?:detail|inzerat)\/(?:pronajem|podnajem|prodej)\/(?:byt|dum|domu|pokoj|garsonier)/iu;
const HANDLE =
	/(?<![\p{L}])(?:instagram\p{L}*|insta|IG|ig|tiktok\p{L}*|TikTok\p{L}*|telegram\p{L}*|Telegram\p{L}*|twitter\p{L}*|Twitter\p{L}*|snapchat\p{L}*|Snapchat\p{L}*|Instagram\p{L}*|Insta|facebook\p{L}*|Facebook\p{L}*|FB|profil\p{L}*)(?![\p{L}])[^@\n.!?]{0,25}?(?<![\p{L}\d._])(@[\p{L}\d._]{2,30})/du;
const HANDLE_G = new RegExp(HANDLE.source, 'gdu');

function findLinks(text: string, out: PersonalDataFinding[]): void {
	// Scanning from each "@" keeps this linear; a regex starting at every letter is not.
	for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
		let start = at;
		while (start > 0 && EMAIL_LOCAL_CHAR.test(text.charAt(start - 1))) start--;
		if (start === at) continue;
		EMAIL_DOMAIN.lastIndex = at + 1;
		const domain = EMAIL_DOMAIN.exec(text);
		if (domain) out.push({ kind: 'email', start, end: at + 1 + domain[0].length });
	}
	if (/at[)\]}>]|AT[)\]}>]|zavin|[ \u00a0\u202f](?:at|AT)[ \u00a0\u202f]/u.test(text)) {
		for (const m of text.matchAll(OBFUSCATED_EMAIL)) {
			out.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
		}
	}
	if (/reality|bazos|ulovdomov|realingo|bydleni|nemovitosti/iu.test(text)) {
		for (const m of text.matchAll(LISTING)) {
			const trimmed = m[0].replace(/[.!?:]+$/u, '');
			out.push({ kind: 'profile_link', start: m.index, end: m.index + trimmed.length });
		}
	}
	// Any other site: a user's profile page, or a flat for rent or sale.
	if (/\/(?:profil|profile|uzivatel|user|users|clen|reality|detail|inzerat)/iu.test(text)) {
		for (const m of text.matchAll(URL)) {
			if (!PERSONAL_PATH.test(m[0])) continue;
			const trimmed = m[0].replace(/[.!?:,)]+$/u, '');
			out.push({ kind: 'profile_link', start: m.index, end: m.index + trimmed.length });
		}
	}
	if (!/\.(?:com|me|ru|am|net)/iu.test(text)) {
		if (text.includes('@')) findHandles(text, out);
		return;
	}
	for (const m of text.matchAll(PROFILE)) {
		const trimmed = m[0].replace(/[.!?:]+$/u, '');
		out.push({ kind: 'profile_link', start: m.index, end: m.index + trimmed.length });
	}
	if (text.includes('@')) findHandles(text, out);
}

function findHandles(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(HANDLE_G)) {
		const span = m.indices?.[1];
		if (!span) continue;
		const handle = (m[1] ?? '').replace(/\.+$/u, '');
		// "@seznam.cz" is the tail of an e-mail address, not a handle.
		if (/\.[a-z]{2,4}$/u.test(handle) && handle.includes('.')) continue;
		out.push({ kind: 'profile_link', start: span[0], end: span[0] + handle.length });
	}
}

// ---------------------------------------------------------------------------------------------------
// Bank accounts, IBAN

const BANK_CODES = new Set(
	words(`0100 0300 0600 0710 0800 2010 2020 2060 2070 2100 2200 2220 2240 2250 2260 2275 2600 2700 3030 3050
3060 3500 4000 4300 5500 5800 6000 6100 6200 6210 6300 6363 6700 6800 7910 7950 7960 7970 7990 8030 8040
8060 8090 8150 8190 8198 8199 8200 8220 8250 8255 8265 8270 8280 8293 8299 8500`)
);
const ACCOUNT =
	/(?<![\p{L}\d\-/.,])(?:\d{1,6}[ \u00a0\u202f]?-[ \u00a0\u202f]?)?\d{2,10}[ \u00a0\u202f]?\/[ \u00a0\u202f]?(\d{4})(?![\p{L}\d])/gu;
const ACCOUNT_CUE =
	/(?:č\.[ \u00a0\u202f]?ú\.|čísl[oa][ \u00a0\u202f]+(?:bankovního[ \u00a0\u202f]+)?účtu|[Úú]č(?:et|tu|tem)|bankovní[ \u00a0\u202f]+účet)[ \u00a0:]*(?:č\.[ \u00a0\u202f]?)?((?:\d{1,6}-)?\d{6,10})(?![\d/])/dgu;
const IBAN =
	/(?<![\p{L}\d])[A-Z]{2}\d{2}(?:[ \u00a0\u202f]?[A-Z0-9]{4}){2,7}(?:[ \u00a0\u202f]?[A-Z0-9]{1,3})?(?![\p{L}\d])/gu;

function ibanValid(iban: string): boolean {
	const s = iban.slice(4) + iban.slice(0, 4);
	let rem = 0;
	for (const ch of s) {
		const v = /\d/u.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
		for (const d of v) rem = (rem * 10 + Number(d)) % 97;
	}
	return rem === 1;
}

function findAccounts(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(ACCOUNT)) {
		if (BANK_CODES.has(m[1] ?? '')) {
			const digits = m[0].replace(/\D/gu, '');
			if (digits.length >= 10) out.push({ kind: 'bank_account', start: m.index, end: m.index + m[0].length });
		}
	}
	for (const m of text.matchAll(ACCOUNT_CUE)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'bank_account', start: span[0], end: span[1] });
	}
	for (const m of text.matchAll(IBAN)) {
		let raw = m[0];
		const compact = raw.replace(/[ \u00a0\u202f]/gu, '');
		let ok = ibanValid(compact) || /^CZ\d{22}$/u.test(compact);
		if (!ok) {
			// The last group may have swallowed a following word or number.
			const cut = raw.replace(/[ \u00a0\u202f]?[A-Z0-9]{1,4}$/u, '');
			const cutCompact = cut.replace(/[ \u00a0\u202f]/gu, '');
			if (ibanValid(cutCompact) || /^CZ\d{22}$/u.test(cutCompact)) {
				raw = cut;
				ok = true;
			}
		}
		if (ok) out.push({ kind: 'bank_account', start: m.index, end: m.index + raw.length });
	}
}

// ---------------------------------------------------------------------------------------------------
// Identity documents, licence plates

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const ID_CUES = [
	'OP',
	'[Oo]bčansk\\p{L}*[ \\u00a0\\u202f]+průkaz\\p{L}*',
	'[Oo]bčank\\p{L}*',
	'[Pp]as(?:u|em|e|y|ů)?',
	'PASS?',
	'[Cc]estovní\\p{L}*[ \\u00a0\\u202f]+(?:pas\\p{L}*|doklad\\p{L}*)',
	'[Pp]ovolení[ \\u00a0\\u202f]+k[ \\u00a0\\u202f]+(?:trvalému[ \\u00a0\\u202f]+|přechodnému[ \\u00a0\\u202f]+)?pobytu',
	'[Pp]obytov\\p{L}+[ \\u00a0\\u202f]+kart\\p{L}*',
	'[Pp]růkaz\\p{L}*[ \\u00a0\\u202f]+(?:o[ \\u00a0\\u202f]+)?(?:povolení|cizince|žadatele|dočasné)\\p{L}*',
	'ID[ \\u00a0\\u202f]?[Cc]ard',
	'[Pp]assport',
	'(?:[Čč]íslo|č\\.)[ \\u00a0\\u202f]+dokladu',
	'[Dd]oklad\\p{L}*[ \\u00a0\\u202f]+totožnosti',
	'[Řř]idičsk\\p{L}+[ \\u00a0\\u202f]+průkaz\\p{L}*',
	'ŘP',
	'[Vv]ízum',
	'[Vv]íza',
	'[Dd]očasn\\p{L}+[ \\u00a0\\u202f]+ochran\\p{L}*',
	// Birth certificates carry a register number: "rodný list č. 1234567".
	'[Rr]odn\\p{L}+[ \\u00a0\\u202f]+list\\p{L}*',
	'[Oo]ddací\\p{L}*[ \\u00a0\\u202f]+list\\p{L}*'
];
const ID_DOCUMENT = new RegExp(
	`${NOT_LETTER_BEFORE}(?:${ID_CUES.join('|')})(?![\\p{L}])(?:[^\\d\\n!?]{0,30}?)((?:[A-Z]{1,3}[ \\u00a0\\u202f]?)?\\d{6,10}|\\d{3}[ \\u00a0\\u202f]\\d{3}[ \\u00a0\\u202f]\\d{3})(?![\\p{L}\\d])`,
	'dgu'
);

const PLATE = /(?<![\p{L}\d])\d[A-Z][A-Z0-9][ \u00a0-]?\d{2}[ \u00a0\u202f]?\d{2}(?![\p{L}\d])/gu;
const PLATE_CUE =
	/(?:(?<![\p{L}])SPZ|(?<![\p{L}])RZ|[Rr]egistrační[ \u00a0\u202f]+značk\p{L}*|[Pp]oznávací[ \u00a0\u202f]+značk\p{L}*)[ \u00a0:]*(?:č\.[ \u00a0\u202f]?)?([A-Z0-9]{2,3}[ \u00a0-]?[A-Z0-9]{2,5})(?![\p{L}\d])/dgu;

function findDocuments(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(ID_DOCUMENT)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'id_document', start: span[0], end: span[1] });
	}
	for (const m of text.matchAll(PLATE)) {
		// "1TB 2280" is an SSD, not a car.
		if (/^\d[TGMK]B/u.test(m[0])) continue;
		out.push({ kind: 'licence_plate', start: m.index, end: m.index + m[0].length });
	}
	for (const m of text.matchAll(PLATE_CUE)) {
		const span = m.indices?.[1];
		const v = m[1] ?? '';
		if (span && /\d/u.test(v) && /[A-Z]/u.test(v))
			out.push({ kind: 'licence_plate', start: span[0], end: span[1] });
	}
}

// ---------------------------------------------------------------------------------------------------
// Dates of birth

const MONTHS_GEN = 'ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince';
const BIRTH_DATE = new RegExp(
	'(?:[Nn]arozen(?:a|á|ý|é|ou|ého|ému|ém|i|í)?|[Nn]ar\\.|[Nn]arodil[aoi]?[ \\u00a0\\u202f]+se|[Nn]arodila|[Nn]arodil|' +
		'[Dd]at(?:um|em|a|\\.)[ \\u00a0\\u202f]+(?:narození|nar\\.)(?:[ \\u00a0\\u202f]+\\p{Ll}+)?|[Dd]\\.[ \\u00a0\\u202f]?nar\\.|r\\.[ \\u00a0\\u202f]?nar\\.|' +
		'[Rr]ok[ \\u00a0\\u202f]+narození|[Rr]očník|[Bb]orn|[Dd]ate[ \\u00a0\\u202f]+of[ \\u00a0\\u202f]+birth|DOB|\\*)' +
		'[ \\u00a0\\u202f]*[:,]?[ \\u00a0\\u202f]*(?:dne[ \\u00a0\\u202f]+|v[ \\u00a0\\u202f]+roce[ \\u00a0\\u202f]+|roku[ \\u00a0\\u202f]+|r\\.[ \\u00a0\\u202f]*|on[ \\u00a0\\u202f]+|in[ \\u00a0\\u202f]+)?' +
		'(\\d{1,2}\\.[ \\u00a0\\u202f]?\\d{1,2}\\.[ \\u00a0\\u202f]?(?:\\d{4}|\\d{2}(?!\\d))?|\\d{1,2}\\.[ \\u00a0\\u202f]?(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\\.[ \\u00a0\\u202f]?(?:\\d{4})?|\\d{1,2}\\.[ \\u00a0\\u202f]?(?:' +
		MONTHS_GEN +
		')(?:[ \\u00a0\\u202f]+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}\\/\\d{4}|\\d{1,2}\\/\\d{4}|(?:19|20)\\d{2}(?!\\d))',
	'dgu'
);

// Days written out as ordinals: "narozena dvanáctého března 2014", "narodil se prvního ledna".
const ORDINAL_UNITS =
	'prvního|druhého|třetího|čtvrtého|pátého|šestého|sedmého|osmého|devátého|desátého|jedenáctého|dvanáctého|třináctého|čtrnáctého|patnáctého|šestnáctého|sedmnáctého|osmnáctého|devatenáctého';
const ORDINAL_DAY = `(?:(?:dvacátého|třicátého)(?:[ \\u00a0\\u202f]+(?:prvního|druhého|třetího|čtvrtého|pátého|šestého|sedmého|osmého|devátého))?|(?:jedna|dva|tři|čtyři|pěti|šesti|sedmi|osmi|devíti)a(?:dvacátého)|jednatřicátého|${ORDINAL_UNITS})`;
const MONTHS_LOC = 'lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|září|říjnu|listopadu|prosinci';
const BIRTH_CUE_WORDS =
	'(?<![\\p{L}])(?:[Nn]arozen(?:a|á|ý|é|ou|ého|ému|ém|i|í)?|[Nn]ar\\.|[Nn]arodil[aoi]?(?:[ \\u00a0\\u202f]+se)?|[Dd]atum[ \\u00a0\\u202f]+narození|[Nn]arozenin\\p{L}*(?:[ \\u00a0\\u202f]+(?:má|slaví|měl[aio]?|oslaví|mají|bude|budou|jsou))?)';
const BIRTH_DATE_WORDS = new RegExp(
	`${BIRTH_CUE_WORDS}[ \\u00a0\\u202f]*[:,]?[ \\u00a0\\u202f]*(?:dne[ \\u00a0\\u202f]+)?(${ORDINAL_DAY}[ \\u00a0\\u202f]+(?:${MONTHS_GEN})(?:[ \\u00a0\\u202f]+(?:roku[ \\u00a0\\u202f]+)?\\d{4})?|(?:v[ \\u00a0\\u202f]+)?(?:${MONTHS_LOC})[ \\u00a0\\u202f]+(?:roku[ \\u00a0\\u202f]+)?(?:19|20)\\d{2}(?!\\d)|\\d{1,2}\\.[ \\u00a0\\u202f]?(?:${MONTHS_GEN}|\\d{1,2}\\.))`,
	'dgu'
);

function findBirthDates(text: string, out: PersonalDataFinding[]): void {
	for (const m of text.matchAll(BIRTH_DATE)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'birth_date', start: span[0], end: span[1] });
	}
	if (!/arozen|ar\.|arodil/u.test(text)) return;
	for (const m of text.matchAll(BIRTH_DATE_WORDS)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'birth_date', start: span[0], end: span[1] });
	}
}

// ---------------------------------------------------------------------------------------------------
// Addresses, postal codes

const UP = 'A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽÖÜĽ';
const LOW = 'a-záčďéěíňóřšťúůýžöüľ';
const CAP_WORD = `[${UP}][${LOW}]+`;
const HOUSE_NUMBER = `\\d{1,4}[a-zA-Z]?(?:[ \\u00a0\\u202f]?\\/[ \\u00a0\\u202f]?\\d{1,4}[a-zA-Z]?)?`;
// What may follow a number that is not a house number: units, ordinals, amounts.
const NOT_HOUSE = `(?![\\d${LOW}${UP}]|[ \\u00a0\\u202f]\\d{3}(?!\\d)|[ \\u00a0\\u202f]*(?:%|,-|Kč|kč|€|\\.[ \\u00a0\\u202f]*[${LOW}\\d])|[ \\u00a0\\u202f]+(?:let|lét|rok|roky|roků|měs|dn|dní|den|týd|hod|min|x(?![\\p{L}])|ks|kus|dět|děti|osob|tříd|třída|pokoj|lůž|bod|polož|věc|balen|pár|sad|krabic|taš|m2|m²|km|kg|l(?![\\p{L}])|litr|korun|tis|stran|kapitol|patr|pater|m(?![\\p{L}])|cm|mm|GB|TB|palc|"|\\+))`;
const CITY_LIKE = `(?:Praze|Prahy|Praha|Brně|Brna|Brno|Ostravě|Ostravy|Ostrava|Plzni|Plzeň|Olomouci|Liberci|Kladně|Zlíně|Opavě|Jihlavě|Táboře|Ukrajině|Ukrajiny|Česku|Evropě|Vánocům|Vánoc|Velikonoc|Kyjevě|Lvově|Charkově)`;
const MONTH_LIKE = `(?:Leden|Únor|Březen|Duben|Květen|Červen|Červenec|Srpen|Září|Říjen|Listopad|Prosinec|Ledna|Února|Března|Dubna|Května|Června|Července|Srpna|Října|Listopadu|Prosince)`;
const STREET_ENDINGS = `(?:ská|cká|ova|ovo|ina|ino|ého|ní|ná|ká|há|lá|rá|dá|tá|ých|ově)`;

const ADDRESS_PATTERNS: RegExp[] = [
	// ul. Palackého 12, na ulici Dlouhá 5, nám. Míru 3, třída Svobody 8
	new RegExp(
		`(?<![\\p{L}])(?:[Uu]l\\.|[Uu]lice|[Uu]lici|[Uu]licí|[Nn]ám\\.|[Nn]áměstí|[Tt]řída|[Tt]ř\\.|[Nn]ábřeží|[Nn]ábř\\.|[Ss]ídliště|[Ss]ídl\\.)[ \\u00a0\\u202f]*(?:${CAP_WORD}|\\d{1,2}\\.[ \\u00a0\\u202f]?[${LOW}]+)(?:[ \\u00a0\\u202f]+(?:${CAP_WORD}|[${LOW}]{1,3}))*?[ \\u00a0\\u202f]+${HOUSE_NUMBER}${NOT_HOUSE}`,
		'gu'
	),
	// Na Příkopě 12, U Nádraží 4a, K Lesu 15, Pod Lipami 7
	new RegExp(
		`(?<![\\p{L}])(?:Na|U|K|V|Ve|Pod|Nad|Za|Před|Při|Ke|Mezi|Proti|na|u|k|pod|nad|za)[ \\u00a0\\u202f]+(?!${CITY_LIKE}|${MONTH_LIKE})${CAP_WORD}(?:[ \\u00a0\\u202f]+${CAP_WORD})?[ \\u00a0\\u202f]+${HOUSE_NUMBER}${NOT_HOUSE}`,
		'gu'
	),
	// Vinohradská 1511/230, Husova 8, Lidická 12, Palackého 5, Nádražní 3
	new RegExp(
		`(?<![\\p{L}])(?!${CITY_LIKE}|${MONTH_LIKE})(?:${CAP_WORD}[ \\u00a0\\u202f]+)?[${UP}][${LOW}]*${STREET_ENDINGS}[ \\u00a0\\u202f]+(?!(?:19|20)\\d{2}(?![\\d/]))${HOUSE_NUMBER}${NOT_HOUSE}`,
		'gu'
	),
	// Hlavní třída 1234/5, Mírové náměstí 5, Smetanovo nábřeží 12
	new RegExp(
		`(?<![\\p{L}])${CAP_WORD}[ \\u00a0\\u202f]+(?:třída|tř\\.|náměstí|nám\\.|nábřeží|nábř\\.|sady|alej|sídliště)[ \\u00a0\\u202f]+${HOUSE_NUMBER}${NOT_HOUSE}`,
		'gu'
	),
	// č. p. 123, čp. 45, číslo popisné 123
	new RegExp(
		`(?<![\\p{L}])(?:č\\.[ \\u00a0\\u202f]?p\\.|čp\\.?|č\\.[ \\u00a0\\u202f]?ev\\.|číslo[ \\u00a0\\u202f]+popisné|čísle[ \\u00a0\\u202f]+popisném|číslo[ \\u00a0\\u202f]+domu)[ \\u00a0\\u202f]*\\d{1,5}(?:\\/\\d{1,4})?`,
		'gu'
	)
];
// "Jana Masaryka 12", "Boženy Němcové 5": a street named after a person, found through the name finder.
const AFTER_NAME_NUMBER = new RegExp(
	`^[ \\u00a0\\u202f]+(\\d{1,3}[a-zA-Z]?(?:\\/\\d{1,4}[a-zA-Z]?)?)${NOT_HOUSE}`,
	'u'
);

const POSTAL_SPACED =
	/(?<![\p{L}\d]|\d[ \u00a0\u202f]|\d[.,])([1-7]\d{2})[ \u00a0\u202f](\d{2})(?![\d]|[ \u00a0\u202f]?\d|[.,]\d)/gu;
const POSTAL_CUE = /PSČ[ \u00a0:]*([1-79]\d{2}[ \u00a0\u202f]?\d{2})(?!\d)/dgu;
const POSTAL_TOWN = new RegExp(
	`(?<![\\p{L}\\d]|\\d[ \\u00a0.,])([1-7]\\d{4})[ \\u00a0\\u202f]+(?!Kč|Korun|EUR|Eur|CZK)[${UP}][${LOW}]+`,
	'dgu'
);
const POSTAL_AMOUNT_AFTER =
	/^[ \u00a0\u202f]*(?:,-|,–|Kč|kč|korun|Kc|CZK|EUR|eur|€|tis|%|let|ks|kus|dní|dn|x(?![\p{L}])|m(?![\p{L}])|km|kg|hod|min|osob|dět|lid)/u;

function findAddresses(text: string, out: PersonalDataFinding[]): void {
	for (const [p, re] of ADDRESS_PATTERNS.entries()) {
		for (const m of text.matchAll(re)) {
			const raw = m[0];
			// A capitalised word ending like a street at the start of a sentence is usually just a word
			// ("Zbývá 5 dní", "Krátká 3 …"), unless the number looks like a house number or a town follows.
			if (p === 2) {
				const before = text.slice(0, m.index).trimEnd();
				const sentenceStart = before === '' || /[.!?\n"„(•*–-]$/u.test(before);
				const houseLike = /\/|\d[a-zA-Z]$/u.test(raw);
				const townAfter =
					/^,[ \u00a0\u202f]*(?:\d{3}[ \u00a0\u202f]?\d{2}[ \u00a0\u202f]+)?[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]/u.test(
						text.slice(m.index + raw.length, m.index + raw.length + 12)
					);
				if (sentenceStart && !houseLike && !townAfter) continue;
			}
			const lead = /^(?:na|u|k|pod|nad|za)[ \u00a0\u202f]+/u.exec(raw);
			const start = m.index + (lead ? lead[0].length : 0);
			out.push({ kind: 'address', start, end: m.index + raw.length });
		}
	}
	for (const m of text.matchAll(POSTAL_SPACED)) {
		const end = m.index + m[0].length;
		if (POSTAL_AMOUNT_AFTER.test(text.slice(end, end + 8))) continue;
		out.push({ kind: 'postal_code', start: m.index, end });
	}
	for (const m of text.matchAll(POSTAL_CUE)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'postal_code', start: span[0], end: span[1] });
	}
	for (const m of text.matchAll(POSTAL_TOWN)) {
		const span = m.indices?.[1];
		if (span) out.push({ kind: 'postal_code', start: span[0], end: span[1] });
	}
}

// "Tomáš (2015)", "dcera Ema (*2018)": a year in brackets right after a name is a year of birth.
const YEAR_AFTER_NAME =
	/^[ \u00a0\u202f]?\([ \u00a0\u202f]?(?:\*|nar\.[ \u00a0\u202f]?|r\.[ \u00a0\u202f]?)?((?:19|20)\d{2})[ \u00a0\u202f]?\)/du;

function streetsAfterNames(text: string, names: PersonalDataFinding[], out: PersonalDataFinding[]): void {
	for (const n of names) {
		const year = YEAR_AFTER_NAME.exec(text.slice(n.end, n.end + 16));
		const span = year?.indices?.[1];
		if (span) out.push({ kind: 'birth_date', start: n.end + span[0], end: n.end + span[1] });
		const fragment = text.slice(n.start, n.end);
		if (!/[ \u00a0\u202f]/u.test(fragment)) continue;
		const m = AFTER_NAME_NUMBER.exec(text.slice(n.end, n.end + 16));
		if (m) out.push({ kind: 'address', start: n.start, end: n.end + m[0].length });
	}
}

// ---------------------------------------------------------------------------------------------------

function merge(findings: PersonalDataFinding[]): PersonalDataFinding[] {
	const sorted = findings.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
	const merged: PersonalDataFinding[] = [];
	for (const f of sorted) {
		const last = merged.at(-1);
		if (last && f.start < last.end) {
			last.end = Math.max(last.end, f.end);
			if (priority[f.kind] > priority[last.kind]) last.kind = f.kind;
		} else merged.push({ ...f });
	}
	return merged;
}

// Links to shops and articles carry product numbers and capitalised words ("…/Kocarek-Adam-d7123456.htm")
// that are not about the family; inside such a link only the specific kinds count.
const URL =
	/(?:https?:\/\/|(?<![\p{L}\d@.-])www\.)[^\s<>"]+|(?<![\p{L}\d@./-])(?:[\p{L}\d-]+\.)+(?:cz|sk|com|eu|net|org|de|pl|ua|hu|at|shop|store|info)\/[^\s<>"]*/giu;
const KINDS_IGNORED_IN_LINKS = new Set<PersonalDataKind>([
	'name',
	'phone',
	'postal_code',
	'address',
	'licence_plate',
	'birth_date',
	'id_document',
	'school',
	'workplace',
	'shelter',
	'municipality',
	'reference_number'
]);

function withoutShopLinkNoise(text: string, found: PersonalDataFinding[]): PersonalDataFinding[] {
	if (!/https?:|www\.|\.[a-z]{2,5}\//iu.test(text)) return found;
	const links: [number, number][] = [];
	for (const m of text.matchAll(URL)) {
		const start = m.index;
		const end = start + m[0].length;
		const profile = found.some((f) => f.kind === 'profile_link' && f.start < end && start < f.end);
		if (!profile) links.push([start, end]);
	}
	if (links.length === 0) return found;
	return found.filter(
		(f) => !KINDS_IGNORED_IN_LINKS.has(f.kind) || !links.some(([s, e]) => f.start >= s && f.end <= e)
	);
}

/** Finds personal data that could identify a family. Offsets are UTF-16 offsets into `text`. */
export function findPersonalData(text: string): PersonalDataFinding[] {
	const found: PersonalDataFinding[] = [];
	findBirthNumbers(text, found);
	findAccounts(text, found);
	findDocuments(text, found);
	findLinks(text, found);
	findPhones(text, found);
	findBirthDates(text, found);
	findAddresses(text, found);
	findCodes(text, found);
	findPlaces(text, found);
	const names: PersonalDataFinding[] = [];
	findNames(text, names);
	streetsAfterNames(text, names, found);
	found.push(...names);
	return merge(withoutShopLinkNoise(text, found));
}
