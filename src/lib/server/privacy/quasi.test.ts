import { describe, expect, it } from 'vitest';
import { findQuasiIdentifiers, quasiKinds, quasiWarning, type QuasiKind } from './quasi';

/** The found details as "kind:fragment", which reads well in a failing assertion. */
function found(text: string): string[] {
	return findQuasiIdentifiers(text).map((f) => `${f.kind}:${f.fragment}`);
}

const need = (text: string) => [{ field: 'need', text }];

// Each sentence holds at least the given detail. All details are made up.
const positives: { text: string; kind: QuasiKind; fragment: string }[] = [
	// exact_age
	{ text: 'Syn (9 let) se po útoku bojí chodit sám do školy.', kind: 'exact_age', fragment: '9 let' },
	{ text: 'Devítiletý syn potřebuje brýle.', kind: 'exact_age', fragment: 'Devítiletý' },
	{ text: 'Osmiletá dcera chodí na terapii.', kind: 'exact_age', fragment: 'Osmiletá' },
	{ text: 'Matka ve věku 34 let hledá práci.', kind: 'exact_age', fragment: '34 let' },
	{ text: 'Dcera (7) potřebuje zimní bundu.', kind: 'exact_age', fragment: '(7)' },
	{ text: 'Syn, narozený 2017, potřebuje postel.', kind: 'exact_age', fragment: 'narozený 2017' },
	{ text: 'Je mu 12 a potřebuje kolo.', kind: 'exact_age', fragment: '12' },
	{ text: 'Šestiměsíční miminko potřebuje kočárek.', kind: 'exact_age', fragment: 'Šestiměsíční' },
	{ text: 'Pětatřicetiletá matka se vrací do práce.', kind: 'exact_age', fragment: 'Pětatřicetiletá' },
	{ text: 'Dceři jsou tři roky a potřebuje postýlku.', kind: 'exact_age', fragment: 'tři roky' },
	{ text: 'Klientka bydlí se svým 15letým synem na ubytovně.', kind: 'exact_age', fragment: '15letým' },
	// family_shape
	{ text: 'Rodina má dvojčata a potřebuje kočárek.', kind: 'family_shape', fragment: 'dvojčata' },
	{ text: 'Trojčatům je potřeba koupit postýlky.', kind: 'family_shape', fragment: 'Trojčatům' },
	{ text: 'Matka s pěti dětmi potřebuje pračku.', kind: 'family_shape', fragment: 'pěti dětmi' },
	{ text: 'Matka osmi dětí žije v azylovém domě.', kind: 'family_shape', fragment: 'osmi dětí' },
	{ text: 'Šestičlenná rodina hledá byt.', kind: 'family_shape', fragment: 'Šestičlenná' },
	{ text: 'Klientka čeká páté dítě.', kind: 'family_shape', fragment: 'páté dítě' },
	{
		text: 'Nejmladší ze šesti sourozenců potřebuje aktovku.',
		kind: 'family_shape',
		fragment: 'šesti sourozenců'
	},
	{ text: 'Rodina se 4 dětmi potřebuje větší byt.', kind: 'family_shape', fragment: '4 dětmi' },
	// rare_circumstance
	{
		text: 'Syn má Duchennovu svalovou dystrofii a potřebuje polohovací postel.',
		kind: 'rare_circumstance',
		fragment: 'Duchennovu svalovou dystrofii'
	},
	{ text: 'Syn na vozíku potřebuje bezbariérový byt.', kind: 'rare_circumstance', fragment: 'na vozíku' },
	{ text: 'Matka je nevidomá a potřebuje asistenci.', kind: 'rare_circumstance', fragment: 'nevidomá' },
	{ text: 'Dcera je neslyšící a potřebuje kurz.', kind: 'rare_circumstance', fragment: 'neslyšící' },
	{
		text: 'Dítě s Downovým syndromem potřebuje asistenta.',
		kind: 'rare_circumstance',
		fragment: 'Downovým syndromem'
	},
	{ text: 'Syn trpí cystickou fibrózou.', kind: 'rare_circumstance', fragment: 'cystickou fibrózou' },
	{ text: 'Otec je ve výkonu trestu.', kind: 'rare_circumstance', fragment: 'výkonu trestu' },
	{ text: 'Partner byl odsouzen k pěti letům.', kind: 'rare_circumstance', fragment: 'odsouzen' },
	{ text: 'Rodina přišla o všechno po požáru domu.', kind: 'rare_circumstance', fragment: 'požáru' },
	{ text: 'Po vraždě matky se o děti stará babička.', kind: 'rare_circumstance', fragment: 'vraždě' },
	{ text: 'Rodina teď přespává v autě.', kind: 'rare_circumstance', fragment: 'přespává v autě' },
	{
		text: 'Matka je ve 30. týdnu těhotenství.',
		kind: 'rare_circumstance',
		fragment: 've 30. týdnu těhotenství'
	},
	{ text: 'Dcera má leukémii a je v nemocnici.', kind: 'rare_circumstance', fragment: 'leukémii' },
	{ text: 'Jediná romská rodina ve vsi se stěhuje.', kind: 'rare_circumstance', fragment: 'Jediná' },
	// origin
	{ text: 'Vietnamská rodina potřebuje pomoc s tlumočením.', kind: 'origin', fragment: 'Vietnamská' },
	{ text: 'Mongolská rodina hledá byt.', kind: 'origin', fragment: 'Mongolská' },
	{ text: 'Rodina uprchla z Ukrajiny.', kind: 'origin', fragment: 'Ukrajiny' },
	{ text: 'Romská rodina potřebuje pomoc s bydlením.', kind: 'origin', fragment: 'Romská' },
	{ text: 'Klientka je Ukrajinka s dočasnou ochranou.', kind: 'origin', fragment: 'Ukrajinka' },
	{ text: 'Otec dětí je Syřan.', kind: 'origin', fragment: 'Syřan' },
	{ text: 'Matka mluví jen rusky.', kind: 'origin', fragment: 'rusky' },
	{ text: 'Německá rodina se sem přestěhovala loni.', kind: 'origin', fragment: 'Německá rodina' },
	// occupation
	{ text: 'Otec je místní policista.', kind: 'occupation', fragment: 'místní policista' },
	{ text: 'Bývalý partner je starosta obce.', kind: 'occupation', fragment: 'starosta' },
	{ text: 'Otec pracuje jako lékař v nemocnici.', kind: 'occupation', fragment: 'lékař' },
	{
		text: 'Matka je učitelka na místní škole.',
		kind: 'occupation',
		fragment: 'učitelka na místní škole'
	},
	{ text: 'Partner je hasič.', kind: 'occupation', fragment: 'hasič' },
	{ text: 'Otec je voják z povolání.', kind: 'occupation', fragment: 'voják' },
	{ text: 'Manžel pracuje u policie.', kind: 'occupation', fragment: 'pracuje u policie' },
	{ text: 'Otec dětí je farář.', kind: 'occupation', fragment: 'farář' },
	{ text: 'Otec policista ji sleduje.', kind: 'occupation', fragment: 'policista' },
	// small_place
	{ text: 'Rodina žije v okrese Jeseník.', kind: 'small_place', fragment: 'okrese Jeseník' },
	{ text: 'Rodina bydlí na Vysočině.', kind: 'small_place', fragment: 'Vysočině' },
	{ text: 'Matka s dětmi žije v Orlové.', kind: 'small_place', fragment: 'Orlové' },
	{ text: 'Rodina je z okresu Brno-venkov.', kind: 'small_place', fragment: 'okresu Brno-venkov' },
	{ text: 'Bydlí na Jesenicku.', kind: 'small_place', fragment: 'Jesenicku' },
	{ text: 'Rodina žije v Třebíči.', kind: 'small_place', fragment: 'Třebíči' },
	{ text: 'Matka bydlí v Českém Krumlově.', kind: 'small_place', fragment: 'Českém Krumlově' },
	{ text: 'Žijí v malé obci a do města je daleko.', kind: 'small_place', fragment: 'v malé obci' },
	{
		text: 'Babička bydlí ve Dvoře Králové nad Labem.',
		kind: 'small_place',
		fragment: 'Dvoře Králové nad Labem'
	},
	{ text: 'Rodina se přestěhovala do Frýdku-Místku.', kind: 'small_place', fragment: 'Frýdku-Místku' },
	{ text: 'Bydlí v Praze 4 u sestry.', kind: 'small_place', fragment: 'Praze 4' },
	// exact_date
	{ text: '14. března ji partner napadl.', kind: 'exact_date', fragment: '14. března' },
	{ text: 'Od 3. 2. 2026 je rodina v azylovém domě.', kind: 'exact_date', fragment: '3. 2. 2026' },
	{ text: 'Dne 5. 1. 2026 byl partner vykázán.', kind: 'exact_date', fragment: '5. 1. 2026' },
	{ text: 'V noci na 22. prosince utekla z domu.', kind: 'exact_date', fragment: '22. prosince' },
	// media
	{ text: 'Psaly o tom noviny.', kind: 'media', fragment: 'Psaly o tom noviny' },
	{ text: 'Bylo to v televizi.', kind: 'media', fragment: 'v televizi' },
	{ text: 'Případ byl medializován.', kind: 'media', fragment: 'medializován' },
	{ text: 'Fotky sdílel na Facebooku.', kind: 'media', fragment: 'sdílel na Facebooku' },
	{ text: 'Média o případu informovala.', kind: 'media', fragment: 'Média o případu informovala' },
	{ text: 'V regionálních novinách vyšel článek.', kind: 'media', fragment: 'V regionálních novinách' },
	{ text: 'Na rodinu běží sbírka na Doniu.', kind: 'media', fragment: 'Doniu' }
];

// Ordinary need texts: none of them may give a warning. Some hold one detail (an age, a town), which
// alone is fine; the near misses below must not hold any.
const nearMisses = [
	'Matka se třemi dětmi potřebuje pračku, stará se po stěhování rozbila.',
	'Rodina bydlí v azylovém domě už 2 roky a hledá nájemní byt.',
	'Po 12 letech manželství odešla od partnera, policie ho vykázala na 10 dní.',
	'Školák potřebuje aktovku a penál, předškolní sestra zimní boty.',
	'Pro děti ve věku 6–10 let hledáme letní tábor, nejlépe do 15. ledna.',
	'Potřebujeme zaplatit kauci do konce měsíce, jinak o byt přijdou.',
	'Policisté přijeli na místo a partnera vykázali, od té doby je klid.',
	'Syn potřebuje doprovod k lékaři, matka nemá auto.',
	'Dcera chodí k doktorovi kvůli astmatu a potřebuje inhalátor.',
	'Ředitelka školy doporučila doučování matematiky.',
	'Sociální pracovnice rodinu doprovází na úřady.',
	'Matka pracuje jako prodavačka na směny a hlídání nestíhá.',
	'Otec dětí pracuje na stavbě a výživné neplatí.',
	'Dítě s autismem potřebuje sluchátka proti hluku.',
	'Syn má ADHD a potřebuje klidné místo na učení.',
	'Matka má velkou starost o bydlení, starosty s dluhy ji vyčerpávají.',
	'Partner vyhrožoval vraždou, proto matka utekla do azylového domu.',
	'Při výbuchu vzteku rozbil televizi, rodina potřebuje novou.',
	'Rodině hrozí, že skončí na ulici, potřebuje kauci.',
	'Rodina bydlí v Brně a hledá levnější byt.',
	'Matka s dětmi žije v Jihomoravském kraji a dojíždí do práce.',
	'Přestěhovali se do Prahy, kde má matka práci.',
	'Dospívající dcera potřebuje notebook do školy.',
	'Malé dítě potřebuje postýlku a matraci.',
	'Děti do 3 let mají nárok na příspěvek, mladší syn ho zatím nemá.',
	'Od září nastupuje dcera do první třídy, 1. září potřebuje aktovku.',
	'Jediná možnost je azylový dům, jiný byt nenašli.',
	'Jejím jediným příjmem je rodičovský příspěvek.',
	'Rodina potřebuje televizi a rádio do obýváku.',
	'Syn se učí angličtinu a potřebuje anglický slovník.',
	'Na 3 měsíce potřebují zaplatit nájem, pak nastoupí matka do práce.',
	'Matka hledá práci, dětem je potřeba zajistit hlídání od pondělí.',
	'Ve zprávě OSPOD stojí, že děti potřebují stabilní prostředí.',
	'Partner dostal podmínku a zákaz přiblížení.',
	'Tábor pro děti v létě by rodině moc pomohl.',
	'Most přes řeku je daleko, matka dojíždí autobusem.',
	'Matka je po syndromu vyhoření a potřebuje terapii.',
	'Děti sledují pohádky v televizi, jiný program nemají.',
	'Klientka je bez domova a přespává u kamarádky.',
	'Rodina žije v Olomouci a děti chodí do školy blízko.',
	'Chlapec školního věku potřebuje kolo, aby mohl jezdit do školy.',
	'Matka čeká dítě a potřebuje výbavičku pro miminko.',
	'Rodina z Ostravy potřebuje pomoc se stěhováním.',
	'Otec dětí je nezaměstnaný a pije, matka se ho bojí.',
	'Syn chodí do 5. třídy a potřebuje kalkulačku.',
	'Nájem se platí k 15. dni v měsíci, matka nestíhá.',
	'Matka lékaři řekla, že syn špatně spí.',
	'Ve škole je učitelka, která dětem pomáhá.',
	'Soukup dětem tři měsíce neposlal výživné.',
	'Rodina bydlí v ulici u parku a pronajímatel zvedl nájem.',
	'Centrum pro integraci cizinců nabízí kurz češtiny, chybí hlídání.',
	'Příměstský tábor 7. 7. – 11. 7. stojí 2 600 Kč za týden.',
	'Rodina žije na Karlovarsku a dojíždění je drahé.'
];
const oneDetail = [
	'Matka se dvěma dětmi (6 a 9 let) potřebuje postele.',
	'Dvě děti, 5 a 8 let, potřebují zimní bundy a boty.',
	'Dceři jsou tři roky a potřebuje postýlku.',
	'Rodina bydlí v Orlové, práce je ale v Ostravě.',
	'Rodina přijela z Ukrajiny a teď bydlí v Olomouckém kraji.',
	'Matka je ve 38. týdnu těhotenství a nemá výbavičku.',
	'Pospíšilovi mají čtyři děti a po odchodu otce jim zůstal jen jeden příjem.'
];

describe('findQuasiIdentifiers', () => {
	it.each(positives)('finds $kind "$fragment" in "$text"', ({ text, kind, fragment }) => {
		expect(found(text)).toContain(`${kind}:${fragment}`);
	});

	it('has several positive sentences for every kind', () => {
		expect(positives.length).toBeGreaterThanOrEqual(40);
		for (const kind of quasiKinds) {
			expect(positives.filter((p) => p.kind === kind).length, kind).toBeGreaterThanOrEqual(4);
		}
	});

	it.each(nearMisses)('finds nothing in "%s"', (text) => {
		expect(found(text)).toEqual([]);
	});

	it('leaves age bands and ranges from the form alone', () => {
		for (const text of [
			'Děti: školák a dítě v předškolním věku.',
			'Věková skupina 6–10 let.',
			'Děti od 3 do 6 let.',
			'Dítě mladší 15 let.',
			'Dospívající syn a malé dítě.'
		])
			expect(found(text), text).toEqual([]);
	});

	it('keeps apart a deadline of the need and the date of an event', () => {
		expect(found('Potřebujeme do 15. ledna.')).toEqual([]);
		expect(found('Nejpozději 3. 2. musí zaplatit kauci.')).toEqual([]);
		expect(found('Partner ji 14. března napadl, potřebujeme do 15. ledna.')).toEqual([
			'exact_date:14. března'
		]);
	});

	it('gives UTF-16 offsets into the text, sorted and not overlapping', () => {
		for (const text of [...positives.map((p) => p.text), ...oneDetail]) {
			const findings = findQuasiIdentifiers(`🧸 ${text} 🙏`);
			let lastEnd = 0;
			for (const f of findings) {
				expect(f.start).toBeGreaterThanOrEqual(lastEnd);
				expect(f.end).toBeGreaterThan(f.start);
				expect(`🧸 ${text} 🙏`.slice(f.start, f.end)).toBe(f.fragment);
				lastEnd = f.end;
			}
		}
	});

	it('marks "jediná" alone so that the origin after it still counts', () => {
		expect(found('jediná vietnamská rodina v obci')).toEqual([
			'rare_circumstance:jediná',
			'origin:vietnamská'
		]);
	});

	it('finishes on 4000 characters of adversarial input', () => {
		const inputs = [
			'a '.repeat(2000),
			'1, '.repeat(1334),
			'9 a '.repeat(1000),
			'jediná vietnamská rodina '.repeat(160),
			'Nové Město na '.repeat(286),
			'Žďár nad '.repeat(445),
			'syn je mu '.repeat(400),
			'okres Aaa-'.repeat(400),
			'12. '.repeat(1000),
			'sdílel '.repeat(572),
			'((((('.repeat(800),
			'x'.repeat(4000)
		].map((s) => s.slice(0, 4000));
		for (const text of inputs) expect(Array.isArray(findQuasiIdentifiers(text))).toBe(true);
	});
});

describe('quasiWarning', () => {
	it.each([...nearMisses, ...oneDetail])('gives no warning for "%s"', (text) => {
		expect(quasiWarning(need(text))).toBeNull();
	});

	it('has at least 40 ordinary texts without a warning', () => {
		expect(nearMisses.length + oneDetail.length).toBeGreaterThanOrEqual(40);
	});

	it('warns on the examples from the brief', () => {
		const a = quasiWarning(
			need('osmiletá dcera a šestiletá dvojčata, otec je místní policista, v okrese Jeseník')
		);
		expect(new Set(a?.findings.map((f) => f.kind))).toEqual(
			new Set(['exact_age', 'family_shape', 'occupation', 'small_place'])
		);
		const b = quasiWarning(
			need('jediná vietnamská rodina v obci na Vysočině, matka 34 let, syn 7 let na vozíku')
		);
		expect(new Set(b?.findings.map((f) => f.kind))).toEqual(
			new Set(['rare_circumstance', 'origin', 'small_place', 'exact_age'])
		);
	});

	it('does not warn on one exact age, nor on two ages alone', () => {
		expect(quasiWarning(need('Syn (9 let) potřebuje brýle.'))).toBeNull();
		expect(quasiWarning(need('Syn 9 let a dcera 6 let potřebují boty.'))).toBeNull();
	});

	it('warns on an age with a district', () => {
		const w = quasiWarning(need('Syn (9 let) potřebuje brýle, rodina žije v okrese Jeseník.'));
		expect(w?.findings.map((f) => `${f.kind}:${f.fragment}`)).toEqual([
			'exact_age:9 let',
			'small_place:okrese Jeseník'
		]);
	});

	it('warns on three details of one kind', () => {
		expect(quasiWarning(need('Matka 34 let, syn 9 let a dcera 6 let potřebují boty.'))).not.toBeNull();
	});

	it('combines details across the fields and tells the field of each', () => {
		const w = quasiWarning([
			{ field: 'need', text: 'Syn (9 let) potřebuje brýle.' },
			{ field: 'story', text: 'Otec dětí je hasič.' }
		]);
		expect(w?.findings.map((f) => `${f.field}:${f.kind}`)).toEqual(['need:exact_age', 'story:occupation']);
	});

	it('counts the same detail repeated in two fields once', () => {
		expect(
			quasiWarning([
				{ field: 'need', text: 'Rodina žije v okrese Jeseník.' },
				{ field: 'story', text: 'Díky vám má rodina v okrese Jeseník nový byt.' }
			])
		).toBeNull();
	});

	it('warns on combinations of other kinds', () => {
		for (const text of [
			'Vietnamská rodina se čtyřmi dětmi potřebuje byt.',
			'Otec je voják z povolání, 14. března matku napadl.',
			'Psaly o tom noviny, syn je na vozíku.',
			'Romská rodina žije na Jesenicku.',
			'Rodina po požáru domu bydlí v Třebíči.'
		])
			expect(quasiWarning(need(text)), text).not.toBeNull();
	});

	it('gives null for no texts and empty texts', () => {
		expect(quasiWarning([])).toBeNull();
		expect(quasiWarning([{ field: 'need', text: '' }])).toBeNull();
	});
});
