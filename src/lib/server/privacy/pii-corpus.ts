// Test corpus for the anonymisation guard: need texts as social workers write them, each with the
// fragments that must be found. Negative cases (expect: []) are ordinary need text that must not be
// flagged. Every personal detail here is made up.
import type { PersonalDataKind } from './pii';

export interface CorpusCase {
	text: string;
	expect: { kind: PersonalDataKind; fragment: string }[];
	/** What the case tries, e.g. "name: lower case" or "clean: organisation"; the bench groups by it. */
	topic?: string;
}

export const piiCorpus: CorpusCase[] = [
	// --- Names: Czech first names and surnames in many cases -------------------------------------------
	{
		text: 'Paní Jana Nováková utekla s dětmi z bytu a potřebuje kauci na nový nájem.',
		expect: [{ kind: 'name', fragment: 'Jana Nováková' }]
	},
	{
		text: 'Matka se dvěma dětmi, Petrem a Aničkou, bydlí v azylovém domě a potřebuje postele.',
		expect: [
			{ kind: 'name', fragment: 'Petrem' },
			{ kind: 'name', fragment: 'Aničkou' }
		]
	},
	{
		text: 'Syn Tomáš chodí do druhé třídy, potřebuje aktovku a penál.',
		expect: [{ kind: 'name', fragment: 'Tomáš' }]
	},
	{
		text: 'Pro Tomáše bychom rádi zajistili zimní bundu velikosti 140.',
		expect: [{ kind: 'name', fragment: 'Tomáše' }]
	},
	{
		text: 'Tomášovi se po odchodu od otce zhoršil prospěch, pomohlo by doučování.',
		expect: [{ kind: 'name', fragment: 'Tomášovi' }]
	},
	{
		text: 'Klientka se bojí, že ji pan Novák najde, proto potřebuje stěhování do jiného kraje.',
		expect: [{ kind: 'name', fragment: 'Novák' }]
	},
	{
		text: 'Bývalý partner, pan Dvořák, jí vzal všechny doklady.',
		expect: [{ kind: 'name', fragment: 'Dvořák' }]
	},
	{
		text: 'Po rozvodu s Novákem zůstala matka bez prostředků na nájem.',
		expect: [{ kind: 'name', fragment: 'Novákem' }]
	},
	{
		text: 'Dětem od Nováka nechodí výživné už půl roku.',
		expect: [{ kind: 'name', fragment: 'Nováka' }]
	},
	{
		text: 'Ověřili jsme situaci s paní Novákovou z OSPOD a vše sedí.',
		expect: [{ kind: 'name', fragment: 'Novákovou' }]
	},
	{
		text: 'Rodině Novákové chybí pračka, stará se rozbila po stěhování.',
		expect: [{ kind: 'name', fragment: 'Novákové' }]
	},
	{
		text: 'Jana se s dcerou přestěhovala do azylového domu.',
		expect: [{ kind: 'name', fragment: 'Jana' }]
	},
	{
		text: 'Pro Janu a její dvě děti hledáme lednici a dvě matrace.',
		expect: [{ kind: 'name', fragment: 'Janu' }]
	},
	{
		text: 'Nejmladší dceři Janě je teprve rok, potřebuje kočárek.',
		expect: [{ kind: 'name', fragment: 'Janě' }]
	},
	{
		text: 'Od Jany jsme dostali seznam věcí, které dětem chybí.',
		expect: [{ kind: 'name', fragment: 'Jany' }]
	},
	{
		text: 'S Janou jsme domluvili, že nákup vyzvedne v pátek.',
		expect: [{ kind: 'name', fragment: 'Janou' }]
	},
	{
		text: 'Petr (9 let) potřebuje brýle, pojišťovna proplatí jen část.',
		expect: [{ kind: 'name', fragment: 'Petr' }]
	},
	{
		text: 'Petrovi bychom rádi zaplatili letní tábor, aby mohl být s kamarády.',
		expect: [{ kind: 'name', fragment: 'Petrovi' }]
	},
	{
		text: 'Od Jiřího matka odešla po letech psychického týrání.',
		expect: [{ kind: 'name', fragment: 'Jiřího' }]
	},
	{
		text: 'Otec dětí Jiří Svoboda nesmí podle předběžného opatření k rodině přijít.',
		expect: [{ kind: 'name', fragment: 'Jiří Svoboda' }]
	},
	{
		text: 'Jiřímu je šest a po nástupu do školy potřebuje klid na učení a psací stůl.',
		expect: [{ kind: 'name', fragment: 'Jiřímu' }]
	},
	{
		text: 'Marek a jeho mladší sestra potřebují zimní boty.',
		expect: [{ kind: 'name', fragment: 'Marek' }]
	},
	{
		text: 'Pro Marka shánějí rehabilitační pomůcky po úrazu.',
		expect: [{ kind: 'name', fragment: 'Marka' }]
	},
	{
		text: 'Matka s panem Hájkem už nebydlí, odešla s dětmi k babičce.',
		expect: [{ kind: 'name', fragment: 'Hájkem' }]
	},
	{
		text: 'Bývalý manžel klientky, Zdeněk Němec, porušuje vykázání.',
		expect: [{ kind: 'name', fragment: 'Zdeněk Němec' }]
	},
	{
		text: 'Proti panu Němcovi je vedeno trestní řízení, rodina potřebuje bezpečné bydlení.',
		expect: [{ kind: 'name', fragment: 'Němcovi' }]
	},
	{
		text: 'Paní Černá s dcerou Bárou potřebují zaplatit první nájem.',
		expect: [
			{ kind: 'name', fragment: 'Černá' },
			{ kind: 'name', fragment: 'Bárou' }
		]
	},
	{
		text: 'Klientka Marie Veselá utekla v noci jen s taškou a dokumenty.',
		expect: [{ kind: 'name', fragment: 'Marie Veselá' }]
	},
	{
		text: 'Pan Procházka odmítá platit výživné, matka proto nezvládá nájem.',
		expect: [{ kind: 'name', fragment: 'Procházka' }]
	},
	{
		text: 'Dcera Lucie potřebuje notebook do školy, nemá na čem psát úkoly.',
		expect: [{ kind: 'name', fragment: 'Lucie' }]
	},
	{
		text: 'Lucii by velmi pomohla terapie, kterou pojišťovna nehradí.',
		expect: [{ kind: 'name', fragment: 'Lucii' }]
	},
	{
		text: 'Rodina Kučerových přišla o veškeré vybavení, když je otec vyhodil z bytu.',
		expect: [{ kind: 'name', fragment: 'Kučerových' }]
	},
	{
		text: 'Ondřej se od září bojí chodit ven, potřebuje doprovod a terapii.',
		expect: [{ kind: 'name', fragment: 'Ondřej' }]
	},
	{
		text: 'Matka Kateřina pracuje na zkrácený úvazek a na kauci nemá.',
		expect: [{ kind: 'name', fragment: 'Kateřina' }]
	},
	{
		text: 'Kateřině jsme pomohli s žádostí o příspěvek na bydlení.',
		expect: [{ kind: 'name', fragment: 'Kateřině' }]
	},
	{
		text: 'Dětem Pavlovi a Veronice chybí postele, spí na jedné matraci.',
		expect: [
			{ kind: 'name', fragment: 'Pavlovi' },
			{ kind: 'name', fragment: 'Veronice' }
		]
	},
	{
		text: 'Karel Horák, otec dětí, matce vyhrožuje, proto potřebuje nový telefon.',
		expect: [{ kind: 'name', fragment: 'Karel Horák' }]
	},
	{
		text: 'Babička Ludmila Pokorná se stará o vnuky a nestačí jí důchod.',
		expect: [{ kind: 'name', fragment: 'Ludmila Pokorná' }]
	},
	{
		text: 'Kontaktní osobou je sociální pracovnice J. Nováková.',
		expect: [{ kind: 'name', fragment: 'J. Nováková' }]
	},
	{
		text: 'Přeposílám žádost od Mgr. Hany Kratochvílové z intervenčního centra.',
		expect: [{ kind: 'name', fragment: 'Hany Kratochvílové' }]
	},
	{
		text: 'Chlapec se jmenuje Vojtěch a je mu dvanáct let.',
		expect: [{ kind: 'name', fragment: 'Vojtěch' }]
	},
	{
		text: 'Holčička jménem Eliška potřebuje logopedii.',
		expect: [{ kind: 'name', fragment: 'Eliška' }]
	},
	{
		text: 'Matka Ivana Bartošová prosí o pomoc s úhradou dluhu na energiích.',
		expect: [{ kind: 'name', fragment: 'Ivana Bartošová' }]
	},
	{
		text: 'Pro Lukáše a Terezu potřebujeme dvě jízdenky na vlak k babičce.',
		expect: [
			{ kind: 'name', fragment: 'Lukáše' },
			{ kind: 'name', fragment: 'Terezu' }
		]
	},
	{
		text: 'Sabina Krejčí je na rodičovské dovolené, partner ji připravil o všechny úspory.',
		expect: [{ kind: 'name', fragment: 'Sabina Krejčí' }]
	},
	{
		text: 'Po útoku pana Kovaříka skončila matka v nemocnici.',
		expect: [{ kind: 'name', fragment: 'Kovaříka' }]
	},
	{
		text: 'Matka s dětmi, Adélou a Matějem, spí zatím u známé na gauči.',
		expect: [
			{ kind: 'name', fragment: 'Adélou' },
			{ kind: 'name', fragment: 'Matějem' }
		]
	},
	{
		text: 'Zuzana Horáková-Malá se po letech násilí odstěhovala s dětmi.',
		expect: [{ kind: 'name', fragment: 'Zuzana Horáková-Malá' }]
	},
	// --- Names: diminutives ------------------------------------------------------------------------
	{
		text: 'Honzík má osm let a moc by si přál kolo.',
		expect: [{ kind: 'name', fragment: 'Honzík' }]
	},
	{
		text: 'Honza a Pepík sdílejí jednu postel, potřebují palandu.',
		expect: [
			{ kind: 'name', fragment: 'Honza' },
			{ kind: 'name', fragment: 'Pepík' }
		]
	},
	{
		text: 'Pro Pepu bychom potřebovali brusle, pro Marušku bačkory do školky.',
		expect: [
			{ kind: 'name', fragment: 'Pepu' },
			{ kind: 'name', fragment: 'Marušku' }
		]
	},
	{
		text: 'Anička s maminkou bydlí v jednom pokoji v azylovém domě.',
		expect: [{ kind: 'name', fragment: 'Anička' }]
	},
	{
		text: 'Terezka nastupuje do první třídy, potřebuje aktovku a přezůvky.',
		expect: [{ kind: 'name', fragment: 'Terezka' }]
	},
	{
		text: 'Kubík a Vojta by rádi jeli na tábor, matka to sama nezaplatí.',
		expect: [
			{ kind: 'name', fragment: 'Kubík' },
			{ kind: 'name', fragment: 'Vojta' }
		]
	},
	{
		text: 'Mladší syn Kuba potřebuje rovnátka, starší dcera Míša zimní bundu.',
		expect: [
			{ kind: 'name', fragment: 'Kuba' },
			{ kind: 'name', fragment: 'Míša' }
		]
	},
	{
		text: 'Péťa má astma a v bytě s plísní se mu přitížilo.',
		expect: [{ kind: 'name', fragment: 'Péťa' }]
	},
	{
		text: 'Dcera Bára chodí na výtvarku, kterou matka už nemůže platit.',
		expect: [{ kind: 'name', fragment: 'Bára' }]
	},
	{
		text: 'Verunka a Nelinka dostaly od školy doporučení na psychologa.',
		expect: [
			{ kind: 'name', fragment: 'Verunka' },
			{ kind: 'name', fragment: 'Nelinka' }
		]
	},
	{
		text: 'Maminka by Kačence ráda koupila postýlku, teď spí v kočárku.',
		expect: [{ kind: 'name', fragment: 'Kačence' }]
	},
	{
		text: 'Pro Vojtu hledáme fotbalové kopačky velikosti 36.',
		expect: [{ kind: 'name', fragment: 'Vojtu' }]
	},
	{
		text: 'Zuzka se stydí chodit do školy v roztrhaných botách.',
		expect: [{ kind: 'name', fragment: 'Zuzka' }]
	},
	// --- Names: foreign ----------------------------------------------------------------------------
	{
		text: 'Paní Oksana Ševčenko přijela z Charkova se dvěma syny a potřebuje vybavit byt.',
		expect: [{ kind: 'name', fragment: 'Oksana Ševčenko' }]
	},
	{
		text: 'Olena Kovalenko pracuje v úklidu a partner jí bere výplatu.',
		expect: [{ kind: 'name', fragment: 'Olena Kovalenko' }]
	},
	{
		text: 'Klientka Iryna Bondarenko hledá levné bydlení pro sebe a dceru.',
		expect: [{ kind: 'name', fragment: 'Iryna Bondarenko' }]
	},
	{
		text: 'Syn Andrii potřebuje notebook na online výuku ukrajinské školy.',
		expect: [{ kind: 'name', fragment: 'Andrii' }]
	},
	{
		text: 'Mykola, manžel klientky, zůstal na Ukrajině a rodina je bez příjmu.',
		expect: [{ kind: 'name', fragment: 'Mykola' }]
	},
	{
		text: 'Taťána Tkačuk s dcerou spí u kamarádky a hledá podnájem.',
		expect: [{ kind: 'name', fragment: 'Taťána Tkačuk' }]
	},
	{
		text: 'Tetiana Melnyk má tři děti, nejmladšímu je rok.',
		expect: [{ kind: 'name', fragment: 'Tetiana Melnyk' }]
	},
	{
		text: 'Paní Nguyen Thi Lan utekla od manžela s dvěma malými dětmi.',
		expect: [{ kind: 'name', fragment: 'Nguyen Thi Lan' }]
	},
	{
		text: 'Matka Trần Thị Hương potřebuje pomoc s nájmem, pracuje ve večerce.',
		expect: [{ kind: 'name', fragment: 'Trần Thị Hương' }]
	},
	{
		text: 'Syn Minh chodí do páté třídy a potřebuje doučování češtiny.',
		expect: [{ kind: 'name', fragment: 'Minh' }]
	},
	{
		text: 'Otec Pham Van Duc dětem nic neplatí a matka je na všechno sama.',
		expect: [{ kind: 'name', fragment: 'Pham Van Duc' }]
	},
	{
		text: 'Klientka Mária Baláž je romského původu a pronajímatelé ji odmítají.',
		expect: [{ kind: 'name', fragment: 'Mária Baláž' }]
	},
	{
		text: 'Paní Lakatošová má pět dětí a po odchodu od partnera bydlí na ubytovně.',
		expect: [{ kind: 'name', fragment: 'Lakatošová' }]
	},
	{
		text: 'Dcera Kiara potřebuje brýle a syn Dežo zimní boty.',
		expect: [
			{ kind: 'name', fragment: 'Kiara' },
			{ kind: 'name', fragment: 'Dežo' }
		]
	},
	{
		text: 'Klientka Oyuntsetseg přijela z Mongolska za prací a partner ji zamyká doma.',
		expect: [{ kind: 'name', fragment: 'Oyuntsetseg' }]
	},
	{
		text: 'Paní Fatima Haddad se obává, že ji rodina manžela najde.',
		expect: [{ kind: 'name', fragment: 'Fatima Haddad' }]
	},
	{
		text: 'Pro Mohammeda a jeho sestru Aminu potřebujeme zimní oblečení.',
		expect: [
			{ kind: 'name', fragment: 'Mohammeda' },
			{ kind: 'name', fragment: 'Aminu' }
		]
	},
	{
		text: 'Klientka Ioana Popescu z Rumunska nemá na nájem ani na léky.',
		expect: [{ kind: 'name', fragment: 'Ioana Popescu' }]
	},
	{
		text: 'Paní Světlana Ivanova pracuje jako pokojská a partner ji bije.',
		expect: [{ kind: 'name', fragment: 'Světlana Ivanova' }]
	},
	{
		text: 'Ján Kováč, bývalý partner klientky, ji sleduje i v práci.',
		expect: [{ kind: 'name', fragment: 'Ján Kováč' }]
	},
	{
		text: 'Matka Natalija Lysenko potřebuje uhradit kurz češtiny.',
		expect: [{ kind: 'name', fragment: 'Natalija Lysenko' }]
	},
	// --- Birth numbers ---------------------------------------------------------------------------------
	{
		text: 'Rodné číslo dítěte 150312/1235 uvádíme jen pro kontrolu, prosím nezveřejňovat.',
		expect: [{ kind: 'birth_number', fragment: '150312/1235' }]
	},
	{
		text: 'RČ matky: 855312/0455, pojišťovna VZP.',
		expect: [{ kind: 'birth_number', fragment: '855312/0455' }]
	},
	{
		text: 'Dcera (rč 0952284564) potřebuje zubní rovnátka.',
		expect: [{ kind: 'birth_number', fragment: '0952284564' }]
	},
	{
		text: 'Syn má rodné číslo 175612 / 7890 a je v péči matky.',
		expect: [{ kind: 'birth_number', fragment: '175612 / 7890' }]
	},
	{
		text: 'Babička, rodné číslo 450312/123, je jediná, kdo rodině pomáhá.',
		expect: [{ kind: 'birth_number', fragment: '450312/123' }]
	},
	{
		text: 'Dítě s rodným číslem 127103/4567 nemá zdravotní pojištění vyřízené.',
		expect: [{ kind: 'birth_number', fragment: '127103/4567' }]
	},
	// --- Phones ----------------------------------------------------------------------------------------
	{
		text: 'Matku lze zastihnout na čísle 777 123 456, ale jen dopoledne.',
		expect: [{ kind: 'phone', fragment: '777 123 456' }]
	},
	{
		text: 'Kontakt na klientku: +420 603 12 34 56.',
		expect: [{ kind: 'phone', fragment: '+420 603 12 34 56' }]
	},
	{
		text: 'Volejte prosím na 00420 731 456 789, nikoli na pevnou linku.',
		expect: [{ kind: 'phone', fragment: '00420 731 456 789' }]
	},
	{
		text: 'Telefon: 605-987-321',
		expect: [{ kind: 'phone', fragment: '605-987-321' }]
	},
	{
		text: 'Nové číslo matky je 724555111, staré má bývalý partner.',
		expect: [{ kind: 'phone', fragment: '724555111' }]
	},
	{
		text: 'Pevná linka u babičky: 2 2123 4567.',
		expect: [{ kind: 'phone', fragment: '2 2123 4567' }]
	},
	{
		text: 'Sestra klientky je na Slovensku, tel. +421 905 123 456.',
		expect: [{ kind: 'phone', fragment: '+421 905 123 456' }]
	},
	{
		text: 'Ukrajinské číslo klientky +380 67 123 4567 už nepoužívá.',
		expect: [{ kind: 'phone', fragment: '+380 67 123 4567' }]
	},
	{
		text: 'Volal nám z čísla +420777888999 a vyhrožoval.',
		expect: [{ kind: 'phone', fragment: '+420777888999' }]
	},
	// --- E-mail --------------------------------------------------------------------------------------
	{
		text: 'Potvrzení prosím poslat na jana.novakova@seznam.cz.',
		expect: [{ kind: 'email', fragment: 'jana.novakova@seznam.cz' }]
	},
	{
		text: 'Bývalý partner jí píše z adresy petr.h1985@gmail.com každý den.',
		expect: [{ kind: 'email', fragment: 'petr.h1985@gmail.com' }]
	},
	{
		text: 'E-mail matky: maminka.tri.deti@email.cz',
		expect: [{ kind: 'email', fragment: 'maminka.tri.deti@email.cz' }]
	},
	{
		text: 'Škola komunikuje přes adresu rodice-5b@centrum.cz, kterou zná i otec.',
		expect: [{ kind: 'email', fragment: 'rodice-5b@centrum.cz' }]
	},
	// --- Addresses -----------------------------------------------------------------------------------
	{
		text: 'Rodina bydlela na adrese Vinohradská 1511/230, kam se už nemůže vrátit.',
		expect: [{ kind: 'address', fragment: 'Vinohradská 1511/230' }]
	},
	{
		text: 'Nový podnájem je v ulici Husova 8, majitel chce kauci dva nájmy.',
		expect: [{ kind: 'address', fragment: 'Husova 8' }]
	},
	{
		text: 'Otec bydlí v ul. Palackého 12 a matka se mu chce vyhnout.',
		expect: [{ kind: 'address', fragment: 'Palackého 12' }]
	},
	{
		text: 'Azylový byt je na ulici Dlouhá 5 ve druhém patře.',
		expect: [{ kind: 'address', fragment: 'Dlouhá 5' }]
	},
	{
		text: 'Dětská skupina sídlí na nám. Míru 3, kam děti chodí pěšky.',
		expect: [{ kind: 'address', fragment: 'Míru 3' }]
	},
	{
		text: 'Matka si pronajala pokoj Na Příkopě 12.',
		expect: [{ kind: 'address', fragment: 'Na Příkopě 12' }]
	},
	{
		text: 'Partner pořád bydlí U Nádraží 4a a hlídá, kdy odchází.',
		expect: [{ kind: 'address', fragment: 'U Nádraží 4a' }]
	},
	{
		text: 'Byt, který nabízí město, je K Lesu 15 v přízemí.',
		expect: [{ kind: 'address', fragment: 'K Lesu 15' }]
	},
	{
		text: 'Rodinný dům č. p. 123 v malé obci už matka nechce vidět.',
		expect: [{ kind: 'address', fragment: 'č. p. 123' }]
	},
	{
		text: 'Chalupa babičky, čp. 45, je jediné místo, kam mohou jet.',
		expect: [{ kind: 'address', fragment: 'čp. 45' }]
	},
	{
		text: 'Nová adresa: Lidická 12, Brno.',
		expect: [{ kind: 'address', fragment: 'Lidická 12' }]
	},
	{
		text: 'Do školy na Masarykově 27 to mají děti z ubytovny daleko.',
		expect: [{ kind: 'address', fragment: 'Masarykově 27' }]
	},
	{
		text: 'Bydlí teď v ulici Jana Masaryka 18 u sestry.',
		expect: [{ kind: 'address', fragment: 'Jana Masaryka 18' }]
	},
	{
		text: 'Podnájem našla na Nádražní 1022/7, Ostrava.',
		expect: [{ kind: 'address', fragment: 'Nádražní 1022/7' }]
	},
	// --- Postal codes --------------------------------------------------------------------------------
	{
		text: 'Adresa azylového domu: Korunní 810/104, 101 00 Praha 10.',
		expect: [
			{ kind: 'address', fragment: 'Korunní 810/104' },
			{ kind: 'postal_code', fragment: '101 00' }
		]
	},
	{
		text: 'Matka se stěhuje do obce s PSČ 60200, blíž k sestře.',
		expect: [{ kind: 'postal_code', fragment: '60200' }]
	},
	{
		text: 'Doručovací adresa: Husova 8, 60200 Brno.',
		expect: [
			{ kind: 'address', fragment: 'Husova 8' },
			{ kind: 'postal_code', fragment: '60200' }
		]
	},
	{
		text: 'Zásilku prosím poslat na poštu 110 00, kde si ji vyzvedne.',
		expect: [{ kind: 'postal_code', fragment: '110 00' }]
	},
	{
		text: 'Obec, kam se rodina přestěhovala, má PSČ 602 00.',
		expect: [{ kind: 'postal_code', fragment: '602 00' }]
	},
	// --- Dates of birth ------------------------------------------------------------------------------
	{
		text: 'Syn narozen 12. 3. 2015 potřebuje nové brýle.',
		expect: [{ kind: 'birth_date', fragment: '12. 3. 2015' }]
	},
	{
		text: 'Dcera (nar. 3.4.2016) trpí úzkostmi po tom, co viděla doma.',
		expect: [{ kind: 'birth_date', fragment: '3.4.2016' }]
	},
	{
		text: 'Datum narození matky: 1. 1. 1990.',
		expect: [{ kind: 'birth_date', fragment: '1. 1. 1990' }]
	},
	{
		text: 'Nejmladší dcera se narodila 5. května 2018 předčasně.',
		expect: [{ kind: 'birth_date', fragment: '5. května 2018' }]
	},
	{
		text: 'Syn, r. nar. 2014, chodí do speciální školy.',
		expect: [{ kind: 'birth_date', fragment: '2014' }]
	},
	{
		text: 'Child born 2015-03-12, mother needs help with rent.',
		expect: [{ kind: 'birth_date', fragment: '2015-03-12' }]
	},
	{
		text: 'Matka (narozena 14. 2. 1988) pracuje jako prodavačka.',
		expect: [{ kind: 'birth_date', fragment: '14. 2. 1988' }]
	},
	{
		text: 'Chlapec narozený v roce 2012 potřebuje kolo do školy.',
		expect: [{ kind: 'birth_date', fragment: '2012' }]
	},
	// --- Bank accounts -------------------------------------------------------------------------------
	{
		text: 'Peníze na kauci prosím poslat na účet majitele 123456789/0800.',
		expect: [{ kind: 'bank_account', fragment: '123456789/0800' }]
	},
	{
		text: 'Číslo účtu matky je 19-2000145399/0800.',
		expect: [{ kind: 'bank_account', fragment: '19-2000145399/0800' }]
	},
	{
		text: 'Nájemné se platí na 2400123456/2010, variabilní symbol je číslo bytu.',
		expect: [{ kind: 'bank_account', fragment: '2400123456/2010' }]
	},
	{
		text: 'IBAN pronajímatele: CZ65 0800 0000 1920 0014 5399.',
		expect: [{ kind: 'bank_account', fragment: 'CZ65 0800 0000 1920 0014 5399' }]
	},
	{
		text: 'Sestra v Německu má účet DE89370400440532013000 a může peníze přeposlat.',
		expect: [{ kind: 'bank_account', fragment: 'DE89370400440532013000' }]
	},
	{
		text: 'Otec posílá výživné z účtu 670100-2212345678/6210 nepravidelně.',
		expect: [{ kind: 'bank_account', fragment: '670100-2212345678/6210' }]
	},
	{
		text: 'Slovenský účet klientky: SK3112000000198742637541.',
		expect: [{ kind: 'bank_account', fragment: 'SK3112000000198742637541' }]
	},
	// --- Identity documents --------------------------------------------------------------------------
	{
		text: 'Partner jí zabavil OP č. 123456789, potřebuje zaplatit nový.',
		expect: [{ kind: 'id_document', fragment: '123456789' }]
	},
	{
		text: 'Číslo občanského průkazu matky 204567891 uvádíme pro úřad.',
		expect: [{ kind: 'id_document', fragment: '204567891' }]
	},
	{
		text: 'Syn má pas č. 45123456, platnost končí v březnu.',
		expect: [{ kind: 'id_document', fragment: '45123456' }]
	},
	{
		text: 'Číslo pasu klientky je FA1234567, vydán v Kyjevě.',
		expect: [{ kind: 'id_document', fragment: 'FA1234567' }]
	},
	{
		text: 'Povolení k pobytu č. RP0456789 jí partner roztrhal.',
		expect: [{ kind: 'id_document', fragment: 'RP0456789' }]
	},
	{
		text: 'Ukrainian ID card 001234567 was left in the flat.',
		expect: [{ kind: 'id_document', fragment: '001234567' }]
	},
	// --- Licence plates ------------------------------------------------------------------------------
	{
		text: 'Bývalý partner jezdí autem s SPZ 1AB 2345 a čeká před školou.',
		expect: [{ kind: 'licence_plate', fragment: '1AB 2345' }]
	},
	{
		text: 'Před azylovým domem parkovalo auto 5E9 1234, matka ho poznala.',
		expect: [{ kind: 'licence_plate', fragment: '5E9 1234' }]
	},
	{
		text: 'Otec má starší dodávku se značkou 1A2 34 56.',
		expect: [{ kind: 'licence_plate', fragment: '1A2 34 56' }]
	},
	{
		text: 'Auto rodiny, RZ 2AF 4455, je na matku, ale používá ho on.',
		expect: [{ kind: 'licence_plate', fragment: '2AF 4455' }]
	},
	// --- Profile links -------------------------------------------------------------------------------
	{
		text: 'Partner o ní píše na facebook.com/petr.novak.5623, prosíme nesdílet.',
		expect: [{ kind: 'profile_link', fragment: 'facebook.com/petr.novak.5623' }]
	},
	{
		text: 'Fotky dětí zveřejňuje na https://www.instagram.com/tata_petr88/ bez souhlasu matky.',
		expect: [{ kind: 'profile_link', fragment: 'https://www.instagram.com/tata_petr88/' }]
	},
	{
		text: 'Dcera má účet tiktok.com/@barca_2011 a otec jí tam píše.',
		expect: [{ kind: 'profile_link', fragment: 'tiktok.com/@barca_2011' }]
	},
	{
		text: 'Na instagramu má matka profil @jana_a_deti, prosím nepřidávat.',
		expect: [{ kind: 'profile_link', fragment: '@jana_a_deti' }]
	},
	{
		text: 'Kontakt přes Telegram: t.me/oksana_kyiv',
		expect: [{ kind: 'profile_link', fragment: 't.me/oksana_kyiv' }]
	},
	{
		text: 'Bývalý manžel má profil vk.com/id48213377 a sdílí tam výhrůžky.',
		expect: [{ kind: 'profile_link', fragment: 'vk.com/id48213377' }]
	},
	{
		text: 'Matka si našla práci přes linkedin.com/in/jana-novakova-123.',
		expect: [{ kind: 'profile_link', fragment: 'linkedin.com/in/jana-novakova-123' }]
	},
	{
		text: 'Otec natáčí videa o rodině na youtube.com/@tatinek_vlog.',
		expect: [{ kind: 'profile_link', fragment: 'youtube.com/@tatinek_vlog' }]
	},
	{
		text: 'Na m.facebook.com/profile.php?id=100012345678 je její starý profil.',
		expect: [{ kind: 'profile_link', fragment: 'm.facebook.com/profile.php?id=100012345678' }]
	},
	// --- Several kinds together ----------------------------------------------------------------------
	{
		text: 'Klientka Petra Malá, tel. 776 543 210, bydlí s dětmi v ulici Komenského 15.',
		expect: [
			{ kind: 'name', fragment: 'Petra Malá' },
			{ kind: 'phone', fragment: '776 543 210' },
			{ kind: 'address', fragment: 'Komenského 15' }
		]
	},
	{
		text: 'Syn Filip Dvořák, nar. 8. 9. 2013, potřebuje zimní bundu a boty.',
		expect: [
			{ kind: 'name', fragment: 'Filip Dvořák' },
			{ kind: 'birth_date', fragment: '8. 9. 2013' }
		]
	},
	{
		text: 'Kauci 18 000 Kč prosím poslat pronajímateli panu Vlčkovi na účet 1234567890/0100.',
		expect: [
			{ kind: 'name', fragment: 'Vlčkovi' },
			{ kind: 'bank_account', fragment: '1234567890/0100' }
		]
	},
	{
		text: 'Jméno: Markéta Šimková, e-mail: marketa.s@post.cz, telefon 737 111 222.',
		expect: [
			{ kind: 'name', fragment: 'Markéta Šimková' },
			{ kind: 'email', fragment: 'marketa.s@post.cz' },
			{ kind: 'phone', fragment: '737 111 222' }
		]
	},
	{
		text: 'Dcera Nela, rodné číslo 880229/0123, je v péči babičky Růženy.',
		expect: [
			{ kind: 'name', fragment: 'Nela' },
			{ kind: 'birth_number', fragment: '880229/0123' },
			{ kind: 'name', fragment: 'Růženy' }
		]
	},
	{
		text: 'Otec, Radek Sýkora, jezdí černou octavií 3AC 1122 a čeká před domem Pod Lipami 7.',
		expect: [
			{ kind: 'name', fragment: 'Radek Sýkora' },
			{ kind: 'licence_plate', fragment: '3AC 1122' },
			{ kind: 'address', fragment: 'Pod Lipami 7' }
		]
	},
	{
		text: 'Šimon s Kristýnkou potřebují lůžkoviny a matka Alena nový sporák.',
		expect: [
			{ kind: 'name', fragment: 'Šimon' },
			{ kind: 'name', fragment: 'Kristýnkou' },
			{ kind: 'name', fragment: 'Alena' }
		]
	},
	{
		text: 'Paní Dagmar Benešová z Kladna prosí o pračku, Dominik a Sára chodí do školky.',
		expect: [
			{ kind: 'name', fragment: 'Dagmar Benešová' },
			{ kind: 'name', fragment: 'Dominik' },
			{ kind: 'name', fragment: 'Sára' }
		]
	},
	{
		text: 'Dítě: David Kopecký (nar. 2017), matka: Renata Kopecká.',
		expect: [
			{ kind: 'name', fragment: 'David Kopecký' },
			{ kind: 'birth_date', fragment: '2017' },
			{ kind: 'name', fragment: 'Renata Kopecká' }
		]
	},
	{
		text: 'Matka Hana poslala fotku OP, číslo dokladu 987654321.',
		expect: [
			{ kind: 'name', fragment: 'Hana' },
			{ kind: 'id_document', fragment: '987654321' }
		]
	},
	{
		text: 'Michaela a její syn Adam bydlí u kamarádky na Zelené 9.',
		expect: [
			{ kind: 'name', fragment: 'Michaela' },
			{ kind: 'name', fragment: 'Adam' },
			{ kind: 'address', fragment: 'Zelené 9' }
		]
	},
	{
		text: 'Rodina Krausových: otec Martin, matka Simona, děti Štěpán a Julie.',
		expect: [
			{ kind: 'name', fragment: 'Krausových' },
			{ kind: 'name', fragment: 'Martin' },
			{ kind: 'name', fragment: 'Simona' },
			{ kind: 'name', fragment: 'Štěpán' },
			{ kind: 'name', fragment: 'Julie' }
		]
	},
	{
		text: 'Viktorie potřebuje rovnátka, ortodontistka v Olomouci chce zálohu 12 000 Kč.',
		expect: [{ kind: 'name', fragment: 'Viktorie' }]
	},
	{
		text: 'Kontakt na tetu: Alžběta Hrubá, 608 765 432.',
		expect: [
			{ kind: 'name', fragment: 'Alžběta Hrubá' },
			{ kind: 'phone', fragment: '608 765 432' }
		]
	},
	{
		text: 'Syn Daniel má zápis do školy, matka potřebuje rodný list, který má otec Roman.',
		expect: [
			{ kind: 'name', fragment: 'Daniel' },
			{ kind: 'name', fragment: 'Roman' }
		]
	},
	{
		text: 'Sl. Šárka Procházková je studentka, kterou matka využívá k hlídání.',
		expect: [{ kind: 'name', fragment: 'Šárka Procházková' }]
	},
	{
		text: 'Klientka Pavlína žije s dcerou Emou na ubytovně.',
		expect: [
			{ kind: 'name', fragment: 'Pavlína' },
			{ kind: 'name', fragment: 'Emou' }
		]
	},
	{
		text: 'Po rozchodu s Liborem Marešem se matka bojí vycházet.',
		expect: [{ kind: 'name', fragment: 'Liborem Marešem' }]
	},
	{
		text: 'Dominika Zemanová potřebuje pomoc s nájmem, syn Vašek nastupuje do školky.',
		expect: [
			{ kind: 'name', fragment: 'Dominika Zemanová' },
			{ kind: 'name', fragment: 'Vašek' }
		]
	},

	// --- Harder positives: typed without diacritics, lists, brackets, unusual places --------------------
	{
		text: 'Klientka Jana Novakova (bez diakritiky v systemu) potrebuje kauci.',
		expect: [{ kind: 'name', fragment: 'Jana Novakova' }]
	},
	{
		text: 'Deti: Aneta (12), Kevin (9), Nikolas (4).',
		expect: [
			{ kind: 'name', fragment: 'Aneta' },
			{ kind: 'name', fragment: 'Kevin' },
			{ kind: 'name', fragment: 'Nikolas' }
		]
	},
	{
		text: 'Syn Tomáš (2015) a dcera Ema (2018) jsou v péči matky.',
		expect: [
			{ kind: 'name', fragment: 'Tomáš' },
			{ kind: 'birth_date', fragment: '2015' },
			{ kind: 'name', fragment: 'Ema' },
			{ kind: 'birth_date', fragment: '2018' }
		]
	},
	{
		text: 'Hodně pomohla Marie z farní charity, ale víc už nemůže.',
		expect: [{ kind: 'name', fragment: 'Marie' }]
	},
	{
		text: 'Rodina Kolínských bydlí v jednom pokoji na ubytovně.',
		expect: [{ kind: 'name', fragment: 'Kolínských' }]
	},
	{
		text: 'Matka s dětmi zatím bydlí u Kolínských, rodiny z kostela.',
		expect: [{ kind: 'name', fragment: 'Kolínských' }]
	},
	{
		text: 'Kontakt: jana.novakova(at)seznam.cz, prosím jen písemně.',
		expect: [{ kind: 'email', fragment: 'jana.novakova(at)seznam.cz' }]
	},
	{
		text: 'Telefon na babičku (+420) 606 222 333, na matku nevolat.',
		expect: [{ kind: 'phone', fragment: '606 222 333' }]
	},
	{
		text: 'Matka s dětmi našla byt v Brně na Cejlu 15, majitel chce kauci.',
		expect: [{ kind: 'address', fragment: 'Cejlu 15' }]
	},
	{
		text: 'Eliška Hrubá potřebuje nové brýle, stará obroučka praskla.',
		expect: [{ kind: 'name', fragment: 'Eliška Hrubá' }]
	},
	{
		text: 'Ve třídě ji učí paní učitelka Dvořáková, která rodinu dobře zná.',
		expect: [{ kind: 'name', fragment: 'Dvořáková' }]
	},
	{
		text: 'Sestra Věra jí půjčila peníze na první nájem.',
		expect: [{ kind: 'name', fragment: 'Věra' }]
	},
	{
		text: 'Klára, Tereza a Lenka jsou sestry a sdílejí jeden pokoj.',
		expect: [
			{ kind: 'name', fragment: 'Klára' },
			{ kind: 'name', fragment: 'Tereza' },
			{ kind: 'name', fragment: 'Lenka' }
		]
	},
	{
		text: 'Otec Andrej Horváth pracuje v Německu a na děti neplatí.',
		expect: [{ kind: 'name', fragment: 'Andrej Horváth' }]
	},
	{
		text: 'Dětem Nguyenových chybí školní pomůcky a přezůvky.',
		expect: [{ kind: 'name', fragment: 'Nguyenových' }]
	},
	{
		text: 'Kamarádka Lenka jí pomohla se stěhováním, auto ale nemá.',
		expect: [{ kind: 'name', fragment: 'Lenka' }]
	},
	{
		text: 'Ahoj, tady Zuzka z intervenčního centra, posílám žádost za rodinu.',
		expect: [{ kind: 'name', fragment: 'Zuzka' }]
	},
	{
		text: 'Bydlí na Boženy Němcové 12 ve třetím patře.',
		expect: [{ kind: 'address', fragment: 'Boženy Němcové 12' }]
	},
	{
		text: 'Pan Kovář ze sousedství matce pomáhá s odvozem dětí.',
		expect: [{ kind: 'name', fragment: 'Kovář' }]
	},
	{
		text: 'Malá Lucie potřebuje zimní kombinézu.',
		expect: [{ kind: 'name', fragment: 'Lucie' }]
	},
	{
		text: 'Matka Nataša a syn Artem přijeli z Oděsy.',
		expect: [
			{ kind: 'name', fragment: 'Nataša' },
			{ kind: 'name', fragment: 'Artem' }
		]
	},
	{
		text: 'Otec dětí, Bohdan Melnyčuk, se odmítá podílet na nákladech.',
		expect: [{ kind: 'name', fragment: 'Bohdan Melnyčuk' }]
	},
	{
		text: 'Potvrzení o studiu pro Hoang Minh Duc jsme přiložili.',
		expect: [{ kind: 'name', fragment: 'Hoang Minh Duc' }]
	},
	{
		text: 'Matka, Bc. Radka Šimečková, pracovala jako účetní, dnes je bez práce.',
		expect: [{ kind: 'name', fragment: 'Radka Šimečková' }]
	},
	{
		text: 'Klientka prosí, aby se o žádosti nedozvěděl pan Jaroslav Kříž.',
		expect: [{ kind: 'name', fragment: 'Jaroslav Kříž' }]
	},
	{
		text: 'Oba kluci, Matyáš i Kryštof, potřebují zimní boty.',
		expect: [
			{ kind: 'name', fragment: 'Matyáš' },
			{ kind: 'name', fragment: 'Kryštof' }
		]
	},
	{
		text: 'Sídlo: Hlavní třída 1234/5, Havířov.',
		expect: [{ kind: 'address', fragment: 'Hlavní třída 1234/5' }]
	},
	{
		text: 'Partner vyhrožuje přes WhatsApp z čísla +420 739 000 111.',
		expect: [{ kind: 'phone', fragment: '+420 739 000 111' }]
	},

	{
		text: 'Ukrajinské číslo matky 067 123 45 67 zná bývalý partner, proto potřebuje nový telefon.',
		expect: [{ kind: 'phone', fragment: '067 123 45 67' }]
	},
	{
		text: 'Dětem Jurkovi a Pavlíkovi (dvojčata) je deset let.',
		expect: [
			{ kind: 'name', fragment: 'Jurkovi' },
			{ kind: 'name', fragment: 'Pavlíkovi' }
		]
	},
	{
		text: 'Matka narozena 3/1990, otec dětí o deset let starší.',
		expect: [{ kind: 'birth_date', fragment: '3/1990' }]
	},
	{
		text: 'Bydlí v Olomouci, Dobrovského 27, ve sklepním bytě.',
		expect: [{ kind: 'address', fragment: 'Dobrovského 27' }]
	},
	{
		text: 'Variabilní symbol je rodné číslo syna 1503121235.',
		expect: [{ kind: 'birth_number', fragment: '1503121235' }]
	},
	{
		text: 'Nejmladší je Rozárka, chodí do školky a potřebuje holínky.',
		expect: [{ kind: 'name', fragment: 'Rozárka' }]
	},
	{
		text: 'Oleksandr s maminkou potřebují jízdenky do Brna na soud.',
		expect: [{ kind: 'name', fragment: 'Oleksandr' }]
	},
	// --- Negative: amounts, ages, quantities ---------------------------------------------------------
	{ text: 'Matka se dvěma dětmi utekla z bytu, potřebuje kauci na nájem.', expect: [] },
	{ text: 'Kauce na nový byt je 15 000 Kč a první nájem 12 500 Kč.', expect: [] },
	{ text: 'Celkem potřebujeme 120 000 korun na vybavení bytu po požáru.', expect: [] },
	{ text: 'Pračka stojí 5 000 Kč, lednice kolem 7 990 Kč.', expect: [] },
	{ text: 'Dluh na nájemném dosáhl 12000 Kč a hrozí výpověď.', expect: [] },
	{ text: 'Na doučování potřebujeme 350 Kč za hodinu, celkem 20 hodin.', expect: [] },
	{ text: 'Dětem je 3 roky a 7 let, obě potřebují zimní boty.', expect: [] },
	{ text: 'Matka má 2 děti a čeká třetí.', expect: [] },
	{ text: 'Syn chodí do 5. třídy, dcera do 3. třídy.', expect: [] },
	{ text: 'Hledáme byt 2+1 do 14 000 Kč včetně energií.', expect: [] },
	{ text: 'Tábor trvá 14 dní a stojí 6 500 Kč.', expect: [] },
	{ text: 'Rodina žije na 28 m² v jedné místnosti.', expect: [] },
	{ text: 'Potřebujeme 3 matrace 90 x 200 cm a 2 peřiny.', expect: [] },
	{ text: 'Měsíční příjem matky je 18 400 Kč, nájem 11 000 Kč.', expect: [] },
	{ text: 'Příspěvek na bydlení činí 4 312 Kč měsíčně.', expect: [] },
	{ text: 'Jízdné na 3 měsíce vyjde na 1 650 Kč.', expect: [] },
	{ text: 'Rovnátka stojí 45 000 Kč, pojišťovna hradí 10 %.', expect: [] },
	{ text: 'Nákup potravin pro 4 osoby na 2 týdny, odhad 4 000 Kč.', expect: [] },
	{ text: 'Dlužné nájemné za 3 měsíce 33 000 Kč, jinak hrozí vystěhování.', expect: [] },
	{ text: 'Zálohy na energie vzrostly o 1 800 Kč měsíčně.', expect: [] },
	{ text: 'Dětská postýlka 60 x 120 cm, ideálně i s matrací.', expect: [] },
	{ text: 'Notebook s 8 GB paměti a 256 GB SSD stačí.', expect: [] },
	{ text: 'Dvě zimní bundy velikost 128 a 140, boty 31 a 35.', expect: [] },
	{ text: 'Matce je 34 let, pracuje na 0,5 úvazku.', expect: [] },
	{ text: 'Dluh u dodavatele energie je 27 350 Kč, splátkový kalendář na 12 měsíců.', expect: [] },
	{ text: 'Sleva na jízdné 75 % platí jen pro děti do 18 let.', expect: [] },
	{ text: 'Na kauci chybí ještě 8 200 korun.', expect: [] },
	{ text: 'Rodina potřebuje 2 500 Kč na léky měsíčně.', expect: [] },
	// --- Negative: dates of events ---------------------------------------------------------------------
	{ text: 'Tábor je od 12. 7. 2027 do 26. 7. 2027 v Beskydech.', expect: [] },
	{ text: 'Kauce je splatná 1. 12. 2026, jinak pronajímatel byt dá jinému.', expect: [] },
	{ text: 'Nájem je potřeba zaplatit do 30. 6.', expect: [] },
	{ text: 'Soud o péči proběhne 15. ledna 2027.', expect: [] },
	{ text: 'Matka nastupuje do práce od 1. září, do té doby nemá příjem.', expect: [] },
	{ text: 'Rodina odešla z bytu v březnu 2026 a od té doby bydlí v azylovém domě.', expect: [] },
	{ text: 'Škola v přírodě se koná 3.–7. 5. 2027 a stojí 3 200 Kč.', expect: [] },
	{ text: 'Smlouva o podnájmu je na rok 2026/2027.', expect: [] },
	{ text: 'Ve školním roce 2026/2027 nastupuje syn na střední školu.', expect: [] },
	{ text: 'Výpověď z nájmu dostala 10. 10. 2026, musí se vystěhovat do konce roku.', expect: [] },
	{ text: 'Od roku 2019 žije matka s dětmi sama.', expect: [] },
	{ text: 'Vánoce 2026 by děti rády strávily v klidu, bez strachu.', expect: [] },
	{ text: 'Lhůta pro podání žádosti je 31. 3. 2027.', expect: [] },
	// --- Negative: districts, helplines, institutions --------------------------------------------------
	{ text: 'Rodina bydlí v azylovém domě v Praze 7 a děti chodí do školy v Praze 10.', expect: [] },
	{ text: 'Matka hledá podnájem v okolí Brno 2 nebo Brno-střed.', expect: [] },
	{ text: 'Děti mohou volat na Linku bezpečí 116 111, matka na Bílý kruh bezpečí 116 006.', expect: [] },
	{ text: 'V akutní situaci volat 112 nebo 158, záchranka 155, hasiči 150.', expect: [] },
	{ text: 'DONA linka 251 51 13 13 matce pomohla najít azylový dům.', expect: [] },
	{ text: 'Rodičovská linka 116 000 a linka pro seniory 800 200 007 jsou zdarma.', expect: [] },
	{ text: 'Linka pro ztracené děti 116 000 a Linka důvěry 116 123.', expect: [] },
	{ text: 'Městská policie 156, informace o dopravě 1212.', expect: [] },
	{ text: 'Matka spolupracuje s OSPOD, Úřadem práce a intervenčním centrem.', expect: [] },
	{ text: 'Kontaktovala Bílý kruh bezpečí a Linku bezpečí, obě organizace pomohly.', expect: [] },
	{ text: 'Úřad práce zamítl mimořádnou okamžitou pomoc, proto žádáme club.', expect: [] },
	{ text: 'Nadace Naděje nabídla matce na měsíc pokoj v azylovém domě.', expect: [] },
	{ text: 'Rodina je v péči Diakonie a Charity Olomouc.', expect: [] },
	{ text: 'Syn navštěvuje pedagogicko-psychologickou poradnu v Ostravě.', expect: [] },
	{ text: 'Poradna v Plzni doporučila terapii pro celou rodinu.', expect: [] },
	{ text: 'Intervenční centrum v Českých Budějovicích vede případ od října.', expect: [] },
	{ text: 'Podle kapitoly 3 metodiky má rodina nárok na jednorázovou pomoc.', expect: [] },
	{ text: 'Bezplatná linka 800 100 200 poskytuje právní poradenství.', expect: [] },
	// --- Negative: ordinary words that are also names ------------------------------------------------
	{ text: 'Malý byt nestačí, děti spí s matkou v jedné posteli.', expect: [] },
	{ text: 'Víra v lepší budoucnost matku drží nad vodou.', expect: [] },
	{ text: 'Naděje na návrat domů není, otec byt prodal.', expect: [] },
	{ text: 'Zima byla pro rodinu těžká, topili jen v jedné místnosti.', expect: [] },
	{ text: 'Láska k dětem je to, co matku drží, ale na jídlo nemá.', expect: [] },
	{ text: 'Černý kabát a zimní boty by matce velmi pomohly.', expect: [] },
	{ text: 'Veselý pokoj pro děti by jim pomohl zapomenout na to, co prožily.', expect: [] },
	{ text: 'Svoboda rozhodovat o penězích je pro matku nová zkušenost.', expect: [] },
	{ text: 'Nová pračka by matce ušetřila hodiny v prádelně.', expect: [] },
	{ text: 'Malá dcera potřebuje dětskou autosedačku.', expect: [] },
	{ text: 'Do školy to mají děti daleko, potřebují jízdenky.', expect: [] },
	{ text: 'Hory starostí rodinu drtí, pomohla by každá koruna.', expect: [] },
	{ text: 'Kovář ze sousedství opravil dveře zdarma, chybí ale zámek.', expect: [] },
	{ text: 'Jaro je pro děti důležité, potřebují boty na ven.', expect: [] },
	{ text: 'Děti se bojí chodit do lesa i na hřiště, potřebují terapii.', expect: [] },
	{ text: 'Sláva, konečně má matka stálou práci, chybí jen na kauci.', expect: [] },
	{ text: 'Tam, kde rodina bydlí, není žádná školka.', expect: [] },
	{ text: 'Mír v rodině nastal až po odchodu otce.', expect: [] },
	{ text: 'Bílá skříň a hnědá komoda by se do pokoje vešly.', expect: [] },
	{ text: 'Šťastný domov je to, co by děti potřebovaly.', expect: [] },
	{ text: 'Procházka s dětmi je jediný výlet, který si mohou dovolit.', expect: [] },
	{ text: 'Krejčí zdarma upraví oblečení, chybí ale látka.', expect: [] },
	{ text: 'Tichý pokoj na učení syn nemá, sdílí ho se třemi sourozenci.', expect: [] },
	{ text: 'Matka pracuje jako kuchařka a ve volnu chodí na brigády.', expect: [] },
	{ text: 'Hruška, jablka a jiné ovoce se kupují jen výjimečně.', expect: [] },
	{ text: 'Králík pro dceru by byl dárek, ale prioritou je nájem.', expect: [] },
	{ text: 'Dobrý den, posílám žádost o pomoc pro rodinu se třemi dětmi.', expect: [] },
	// --- Negative: months, days, places --------------------------------------------------------------
	{ text: 'Květen a červen jsou pro rodinu nejhorší, končí podpora.', expect: [] },
	{ text: 'Leden začne matka v nové práci.', expect: [] },
	{ text: 'Pondělí a středa jsou dny, kdy má matka terapii.', expect: [] },
	{ text: 'Rodina přijela z Ukrajiny a teď žije v Ostravě.', expect: [] },
	{ text: 'Praha je pro rodinu příliš drahá, hledají bydlení na Kladně.', expect: [] },
	{ text: 'Matka s dětmi utekla z Brna do Olomouce.', expect: [] },
	{ text: 'Po Vánocích se rodina stěhuje do Liberce.', expect: [] },
	// --- Negative: shops, brands, item lists ---------------------------------------------------------
	{ text: 'Postel z Ikea a matrace z Decathlonu by vyšly nejlevněji.', expect: [] },
	{
		text: 'Notebook by šel koupit na Alze za 9 990 Kč: https://www.alza.cz/notebook-d123456.htm',
		expect: []
	},
	{ text: 'Odkaz na lednici: https://www.ikea.com/cz/cs/p/lednice-70468920/', expect: [] },
	{ text: 'Kolo pro syna: https://www.decathlon.cz/p/detske-kolo-24/_/R-p-301234', expect: [] },
	{ text: 'Nákup v Lidlu a Kauflandu vychází rodinu na 3 000 Kč týdně.', expect: [] },
	{ text: 'Potřebujeme: 2 postele, 1 skříň, 3 polštáře, 3 deky, 1 stůl a 4 židle.', expect: [] },
	{ text: 'Seznam věcí: pračka, lednice, sporák, vysavač, žehlička.', expect: [] },
	{ text: 'Pračka Samsung 7 kg nebo Bosch Serie 4, cokoli funkčního.', expect: [] },
	{ text: 'Telefon Samsung Galaxy A15 pro matku, starý jí vzal partner.', expect: [] },
	{ text: 'Zimní bunda Nike velikost 152 a boty Adidas velikost 37.', expect: [] },
	{ text: 'Stavebnice Lego a panenka Barbie jako dárek k narozeninám.', expect: [] },
	{ text: 'Jízdenky na vlak Praha – Brno pro 3 osoby, 2. třída.', expect: [] },
	{ text: 'Skoda Fabia z roku 2009 potřebuje novou spojku, jinak matka nedojede do práce.', expect: [] },
	{ text: 'Auto Škoda Octavia potřebuje STK, jinak matka přijde o práci.', expect: [] },
	{ text: 'Tablet do školy, ideálně s klávesnicí, do 6 000 Kč.', expect: [] },
	{ text: 'Doučování matematiky 2× týdně, 60 minut.', expect: [] },
	{ text: 'Dětská kola 20" a 24", helmy velikosti S a M.', expect: [] },
	// --- Negative: descriptions of the situation -----------------------------------------------------
	{ text: 'Otec dětí byl vykázán na 10 dní, poté se vrátil a vyhrožoval.', expect: [] },
	{ text: 'Syn má ADHD a potřebuje individuální asistenci ve škole.', expect: [] },
	{ text: 'Matka pracuje ve dvou směnách, děti hlídá babička.', expect: [] },
	{ text: 'Po třech letech psychického násilí matka odešla a začíná znovu.', expect: [] },
	{ text: 'Rodina bydlí v 1+kk na ubytovně, hygienické zázemí je společné.', expect: [] },
	{ text: 'Dcera po odchodu od otce přestala mluvit, pomáhá jí terapie.', expect: [] },
	{ text: 'Matka dokončila rekvalifikační kurz a od 1. 2. nastupuje do práce.', expect: [] },
	{ text: 'Starší syn (15 let) hlídá mladší sourozence, když matka pracuje.', expect: [] },
	{ text: 'Pomoc změní to, že rodina nebude muset zpět k násilnému otci.', expect: [] },
	{ text: 'Exekuce na otcův dluh zablokovala matce účet, proto prosíme o hotovost.', expect: [] },
	{ text: 'Jednorázová pomoc 8 000 Kč by pokryla nájem na první měsíc.', expect: [] },
	{ text: 'Kauce 2 nájmy, tj. 24 000 Kč, je splatná při podpisu smlouvy.', expect: [] },
	{ text: 'Dětem je 4, 6 a 11 let, všechny chodí do školy nebo školky.', expect: [] },
	{ text: 'Podle zprávy OSPOD je matka schopná se o děti postarat.', expect: [] },
	{ text: 'Syn chodí do kroužku florbalu, poplatek 1 200 Kč za pololetí.', expect: [] },
	{ text: 'Rodina potřebuje stěhovací službu, odhad 3 hodiny práce.', expect: [] },
	{ text: 'Na faktuře č. 2026015 je částka 4 990 Kč za opravu kotle.', expect: [] },
	{ text: 'Matka dostává rodičovský příspěvek, výživné otec neplatí od roku 2025.', expect: [] },
	{ text: 'V bytě 3+1 ve 4. patře bez výtahu je vlhko a plíseň.', expect: [] },
	{ text: 'Syn je v 9. třídě a hlásí se na učební obor kuchař.', expect: [] },
	{ text: 'Kapitola 2 smlouvy říká, že kauce se vrací do 30 dní.', expect: [] },
	{ text: 'Matka má exekuce ve výši 60 000 Kč, splácí 2 000 Kč měsíčně.', expect: [] },
	{ text: 'Spolu s OSPOD připravujeme plán bezpečí pro celou rodinu.', expect: [] },
	{ text: 'Rodina přežila zimu v nevytápěném bytě; potřebuje přímotop.', expect: [] },
	{ text: 'Kočárek, autosedačka 0–13 kg a nosítko pro novorozence.', expect: [] },
	{ text: 'Matka je ve 38. týdnu těhotenství a nemá výbavičku.', expect: [] },
	// --- Harder negatives --------------------------------------------------------------------------------
	// Named schools identify the children since the school and shelter categories were added.
	{
		text: 'Syn chodí do ZŠ T. G. Masaryka, dcera do MŠ Sluníčko.',
		expect: [
			{ kind: 'school', fragment: 'ZŠ T. G. Masaryka' },
			{ kind: 'school', fragment: 'MŠ Sluníčko' }
		]
	},
	{ text: 'Na sv. Václava začíná matka nový kurz.', expect: [] },
	{ text: 'Dětská postel IKEA Sundvik a matrace Vyssa by stačily.', expect: [] },
	{ text: 'Přispějte na Vánoční dárky pro děti z azylového domu.', expect: [] },
	{ text: 'Dárek k Mikuláši a Ježíškovi si děti přejí stejný: klid doma.', expect: [] },
	{ text: 'Kniha Malý princ a pastelky pro dceru k narozeninám.', expect: [] },
	{ text: 'Boty Baťa, velikost 30, a tepláky z Pepca.', expect: [] },
	{ text: 'Terapie v centru Locika je zdarma, chybí jen jízdné.', expect: [] },
	{ text: 'Matka je v evidenci ÚP a pobírá dávky z MPSV.', expect: [] },
	{ text: 'Rodina z Vietnamu, děti mluví česky lépe než matka.', expect: [] },
	{
		text: 'Číslo jednací OSPOD 12345/2026, spisová značka 21 C 145/2026.',
		expect: [
			{ kind: 'reference_number', fragment: '12345/2026' },
			{ kind: 'court_file', fragment: '21 C 145/2026' }
		]
	},
	{ text: 'Cena 12 990,- Kč, dodání do 14 dnů.', expect: [] },
	{ text: 'Pračka Whirlpool 7 kg, energetická třída A, 1 400 otáček.', expect: [] },
	{ text: 'Léky Nurofen a Paralen pro děti, vitamíny na zimu.', expect: [] },
	{ text: 'Pes Rex potřebuje očkování, jinak ho útulek nevezme.', expect: [] },
	{ text: 'Kurz Angličtiny pro maminky stojí 2 400 Kč za pololetí.', expect: [] },
	{ text: 'Na Štědrý den rodina nebude mít ani na stromeček.', expect: [] },
	{ text: 'Do Vánoc zbývají 3 týdny a děti nemají zimní boty.', expect: [] },
	{ text: 'V Praze 4 je pokoj za 9 000 Kč, v Praze 12 za 8 500 Kč.', expect: [] },
	{ text: 'Fakturu č. 20261234 vystavil Bazar Nábytek s.r.o.', expect: [] },
	{ text: 'Objednávka č. 123456789 z e-shopu ještě nedorazila.', expect: [] },
	{ text: 'Matka vydělává 21 500 Kč hrubého, nájem je 13 800 Kč.', expect: [] },
	{ text: 'Cesta vlakem z Ostravy do Prahy stojí 329 Kč na osobu.', expect: [] },
	{ text: 'Ve 3. patře bez výtahu, 2+kk, 45 m², nájem 11 500 Kč.', expect: [] },
	{ text: 'Oprava auta: brzdy 4 800 Kč, pneumatiky 6 200 Kč.', expect: [] },
	{ text: 'Rodina se stěhuje 15. 12. 2026, stěhováci chtějí 4 000 Kč.', expect: [] },
	{ text: 'Narozeniny syna budou v sobotu, rád by dort.', expect: [] },
	{ text: 'Od narození dcery žije matka v azylovém domě.', expect: [] },
	{ text: 'Objednávka 223456789 z e-shopu dorazila poškozená.', expect: [] },
	{ text: 'Rodina bydlí v Orlové, práce je ale v Ostravě.', expect: [] },
	{ text: 'S.O.S. dětské vesničky nabídly rodině pobyt.', expect: [] },
	{ text: 'Děti z Nového Jičína jezdí do školy autobusem 40 minut.', expect: [] },
	{
		text: 'Rodina bydlí v obci Lipová, kde není obchod ani lékař.',
		expect: [{ kind: 'municipality', fragment: 'Lipová' }]
	},
	{ text: 'Děti mají rády Tlapkovou patrolu a Ledové království.', expect: [] },
	{ text: 'Kočárek: https://www.alza.cz/Kocarek-Adam-Kids-Polo-d7123456.htm', expect: [] },
	{
		text: 'Inzerát na postel: https://nabytek.bazos.cz/inzerat/172345678/postel-s-uloznym-prostorem.php',
		expect: []
	},
	{
		text: 'Zimní bunda: https://www.decathlon.cz/p/detska-bunda-Quechua-SH500-8-14-let/_/R-p-305123?mc=8555123',
		expect: []
	},
	{ text: 'Notebook pro studium: SSD 1TB 2280, 16 GB RAM, do 15 000 Kč.', expect: [] },

	// Held out: written by a reviewer who had not seen the guard's rules, and added unchanged.
	{
		text: 'Klientka (34 let) s dcerou Aničkou bydlí u sestry v Kolíně.',
		expect: [{ kind: 'name', fragment: 'Aničkou' }]
	},
	{
		text: 'Otec dětí, pan Dvořák, jí vyhrožuje přes Instagram.',
		expect: [{ kind: 'name', fragment: 'Dvořák' }]
	},
	{ text: 'Chlapec chodí do 4. třídy a rád hraje fotbal.', expect: [] },
	{ text: 'Rodina potřebuje pračku, stará se rozbila 3. 11.', expect: [] },
	{
		text: 'Kontakt: jana.novakova@seznam.cz, tel. 604 223 118.',
		expect: [
			{ kind: 'email', fragment: 'jana.novakova@seznam.cz' },
			{ kind: 'phone', fragment: '604 223 118' }
		]
	},
	{
		text: 'Bydlí na adrese Sokolovská 84/12, Praha 8.',
		expect: [{ kind: 'address', fragment: 'Sokolovská 84/12' }]
	},
	{ text: 'Syn Vojtíšek (5 let) potřebuje postýlku.', expect: [{ kind: 'name', fragment: 'Vojtíšek' }] },
	{
		text: 'Paní Nguyen Thi Lan pracuje v restauraci.',
		expect: [{ kind: 'name', fragment: 'Nguyen Thi Lan' }]
	},
	{ text: 'Matka Oksana s dětmi uprchla z Charkova.', expect: [{ kind: 'name', fragment: 'Oksana' }] },
	{ text: 'Rodné číslo dítěte 150312/1235.', expect: [{ kind: 'birth_number', fragment: '150312/1235' }] },
	{
		text: 'Platbu pošlete na účet 2001234567/2010.',
		expect: [{ kind: 'bank_account', fragment: '2001234567/2010' }]
	},
	{ text: 'Linka bezpečí 116 111 pomohla dceři v krizi.', expect: [] },
	{ text: 'Zima byla pro rodinu těžká, topení nefungovalo.', expect: [] },
	{ text: 'Malý Kubík potřebuje zimní bundu velikosti 122.', expect: [{ kind: 'name', fragment: 'Kubík' }] },
	{ text: 'Klientka Veronika Malá má dvě děti.', expect: [{ kind: 'name', fragment: 'Veronika Malá' }] },
	{ text: 'Nájem 12 500 Kč měsíčně, kauce 25 000 Kč.', expect: [] },
	{ text: 'V Praze 10 je volný byt 1+kk od 1. 12. 2026.', expect: [] },
	{
		text: 'Narozena 4. 7. 2012, dcera je ve stresu.',
		expect: [{ kind: 'birth_date', fragment: '4. 7. 2012' }]
	},
	{ text: 'Auto s SPZ 2AB 3456 už rodina nemá.', expect: [{ kind: 'licence_plate', fragment: '2AB 3456' }] },
	{
		text: 'Otec, Petr Svoboda, nesmí se k dětem přiblížit.',
		expect: [{ kind: 'name', fragment: 'Petr Svoboda' }]
	},
	{
		text: 'Děti Eliška a Matyáš chodí do školy.',
		expect: [
			{ kind: 'name', fragment: 'Eliška' },
			{ kind: 'name', fragment: 'Matyáš' }
		]
	},
	{ text: 'Klientce pomohl Bílý kruh bezpečí.', expect: [] },
	{ text: 'Rodina bydlí na Vinohradech u babičky.', expect: [] },
	{ text: 'Víra v lepší zítřek jí pomáhá.', expect: [] },
	{ text: 'Dcera Naděžda (11 let) chodí na terapii.', expect: [{ kind: 'name', fragment: 'Naděžda' }] },
	{
		text: 'Profil otce: https://www.facebook.com/petr.novak.12345',
		expect: [{ kind: 'profile_link', fragment: 'https://www.facebook.com/petr.novak.12345' }]
	},
	{ text: 'Objednáno na https://www.alza.cz/pracka-beko', expect: [] }
];
