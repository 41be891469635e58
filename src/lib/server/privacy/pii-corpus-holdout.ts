// Held-out corpus for the anonymisation guard: the same topics as pii-corpus-edges.ts, written with
// different sentences, names, streets, places and numbers, so the bench can measure how well the guard
// generalises. Keep it out of sight while tuning the rules, or it stops measuring anything.
// Every personal detail here is made up.
import type { CorpusCase } from './pii-corpus';

export const piiHoldoutCorpus: CorpusCase[] = [
	// --- name: lower case ------------------------------------------------------------------------------
	{
		topic: 'name: lower case',
		text: 'klientka veronika kadlecová utekla s dcerou k mamince, potřebují peřiny a polštáře.',
		expect: [{ kind: 'name', fragment: 'veronika kadlecová' }]
	},
	{
		topic: 'name: lower case',
		text: 'syn štěpánek (6 let) se bojí usnout bez světla, prosíme o noční lampičku.',
		expect: [{ kind: 'name', fragment: 'štěpánek' }]
	},
	{
		topic: 'name: lower case',
		text: 'otec dětí pan vrba jim zakázal stýkat se s babičkou z matčiny strany.',
		expect: [{ kind: 'name', fragment: 'vrba' }]
	},
	{
		topic: 'name: lower case',
		text: 'pro dorotku a jejího bratra hledáme psací stůl a dvě židle do nového pokoje.',
		expect: [{ kind: 'name', fragment: 'dorotku' }]
	},

	// --- name: foreign ---------------------------------------------------------------------------------
	{
		topic: 'name: foreign',
		text: 'Paní Halyna Petrenková s dcerou Sofijí přijela z Dnipra a zatím bydlí na ubytovně.',
		expect: [
			{ kind: 'name', fragment: 'Halyna Petrenková' },
			{ kind: 'name', fragment: 'Sofijí' }
		]
	},
	{
		topic: 'name: foreign',
		text: 'Manžel klientky Lê Văn Hùng jí zakázal chodit na kurz češtiny i do práce.',
		expect: [{ kind: 'name', fragment: 'Lê Văn Hùng' }]
	},
	{
		topic: 'name: foreign',
		text: 'Pro Karima a jeho mladší sestru Nour sháníme učebnice a školní batohy.',
		expect: [
			{ kind: 'name', fragment: 'Karima' },
			{ kind: 'name', fragment: 'Nour' }
		]
	},
	{
		topic: 'name: foreign',
		text: 'Partner Gejza Oláh se k rodině vrací vždycky, když dostane výplatu, a pak zase odejde.',
		expect: [{ kind: 'name', fragment: 'Gejza Oláh' }]
	},

	// --- name: declined --------------------------------------------------------------------------------
	{
		topic: 'name: declined',
		text: 'S Matyldou a Teodorem jsme probrali, co by si přáli do nového pokoje.',
		expect: [
			{ kind: 'name', fragment: 'Matyldou' },
			{ kind: 'name', fragment: 'Teodorem' }
		]
	},
	{
		topic: 'name: declined',
		text: 'Nikolce je dvanáct a od rozvodu rodičů se zavírá v pokoji a nejí.',
		expect: [{ kind: 'name', fragment: 'Nikolce' }]
	},
	{
		topic: 'name: declined',
		text: 'Kamilovi chybí na jaro kolo, to staré mu otec prodal i s helmou.',
		expect: [{ kind: 'name', fragment: 'Kamilovi' }]
	},

	// --- name: surname alone / family ------------------------------------------------------------------
	{
		topic: 'name: surname alone / family',
		text: 'Zedník dětem slíbil, že si je vezme na prázdniny, a pak vůbec nepřijel.',
		expect: [{ kind: 'name', fragment: 'Zedník' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'U Šindelářů mohou děti zůstat přes víkend, než matka uklidí byt po partnerovi.',
		expect: [{ kind: 'name', fragment: 'Šindelářů' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Hudečkovi přišli po exekuci o byt a teď bydlí v jedné místnosti na ubytovně.',
		expect: [{ kind: 'name', fragment: 'Hudečkovi' }]
	},

	// --- name: after title -----------------------------------------------------------------------------
	{
		topic: 'name: after title',
		text: 'Ošetřující lékařka MUDr. Pechová doporučuje lázně, které pojišťovna neuhradí celé.',
		expect: [{ kind: 'name', fragment: 'Pechová' }]
	},
	{
		topic: 'name: after title',
		text: 'Posudek pro soud vypracoval PhDr. Kolářík a střídavou péči nedoporučil.',
		expect: [{ kind: 'name', fragment: 'Kolářík' }]
	},
	{
		topic: 'name: after title',
		text: 'Na schůzce byla i Ing. Vaňková, která matce nabídla práci na zkoušku v kanceláři.',
		expect: [{ kind: 'name', fragment: 'Vaňková' }]
	},

	// --- address: street without number ----------------------------------------------------------------
	{
		topic: 'address: street without number',
		text: 'Matka si našla pokoj v Havlíčkově ulici a partner o tom zatím neví.',
		expect: [{ kind: 'address', fragment: 'Havlíčkově ulici' }]
	},
	{
		topic: 'address: street without number',
		text: 'Otec dětí se zdržuje na Mírovém náměstí u herny, kolem které děti chodí do školy.',
		expect: [{ kind: 'address', fragment: 'Mírovém náměstí' }]
	},
	{
		topic: 'address: street without number',
		text: 'Podnájem je v ulici Pod Kaštany, kousek od nádraží, majitel chce kauci hned.',
		expect: [{ kind: 'address', fragment: 'Pod Kaštany' }]
	},

	// --- address: street and number, no town -------------------------------------------------------------
	{
		topic: 'address: street and number, no town',
		text: 'Klientka zatím přespává u kamarádky, Wolkerova 31, ve čtvrtém patře bez výtahu.',
		expect: [{ kind: 'address', fragment: 'Wolkerova 31' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Nový byt je Nerudova 2087/14, majitel chce podepsat smlouvu do pátku.',
		expect: [{ kind: 'address', fragment: 'Nerudova 2087/14' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Partner ji čeká před domem Za Mlýnem 5 a děti se bojí jít ven.',
		expect: [{ kind: 'address', fragment: 'Za Mlýnem 5' }]
	},

	// --- school ----------------------------------------------------------------------------------------
	{
		topic: 'school',
		text: 'Dcera chodí do ZŠ Bratří Čapků, kde o situaci ví jen výchovná poradkyně.',
		expect: [{ kind: 'school', fragment: 'Bratří Čapků' }]
	},
	{
		topic: 'school',
		text: 'Mladší syn je v MŠ Pohádka ve Zruči nad Sázavou a potřebuje holínky a pláštěnku.',
		expect: [{ kind: 'school', fragment: 'MŠ Pohádka ve Zruči nad Sázavou' }]
	},
	{
		topic: 'school',
		text: 'Syn studuje na Střední průmyslové škole strojní v Chrudimi a potřebuje pracovní boty.',
		expect: [{ kind: 'school', fragment: 'Střední průmyslové škole strojní v Chrudimi' }]
	},

	// --- workplace -------------------------------------------------------------------------------------
	{
		topic: 'workplace',
		text: 'Matka pracuje v Kauflandu v Příbrami na nočních směnách a partner ji tam sleduje.',
		expect: [{ kind: 'workplace', fragment: 'Kauflandu v Příbrami' }]
	},
	{
		topic: 'workplace',
		text: 'Otec je zaměstnaný u firmy Stavby Hrdlička v Litomyšli a příjmy před soudem zatajuje.',
		expect: [{ kind: 'workplace', fragment: 'Stavby Hrdlička v Litomyšli' }]
	},
	{
		topic: 'workplace',
		text: 'Klientka šije v textilce v Nové Pace za minimální mzdu a na kauci nemá.',
		expect: [{ kind: 'workplace', fragment: 'textilce v Nové Pace' }]
	},

	// --- shelter ---------------------------------------------------------------------------------------
	{
		topic: 'shelter',
		text: 'Rodina je teď v azylovém domě Olivovník a do konce října musí najít bydlení.',
		expect: [{ kind: 'shelter', fragment: 'Olivovník' }]
	},
	{
		topic: 'shelter',
		text: 'Klientka bydlí s oběma syny v AD Fénix, pokoj sdílí s další matkou.',
		expect: [{ kind: 'shelter', fragment: 'AD Fénix' }]
	},
	{
		topic: 'shelter',
		text: 'Z Domova sv. Zdislavy v Lounech musí rodina po šesti měsících odejít.',
		expect: [{ kind: 'shelter', fragment: 'sv. Zdislavy v Lounech' }]
	},

	// --- municipality ----------------------------------------------------------------------------------
	{
		topic: 'municipality',
		text: 'Klientka pochází z Dolní Bečvy a vracet se tam nechce, zná ji tam každý.',
		expect: [{ kind: 'municipality', fragment: 'Dolní Bečvy' }]
	},
	{
		topic: 'municipality',
		text: 'Babička žije v Nemojanech a přes léto by si děti mohla vzít k sobě.',
		expect: [{ kind: 'municipality', fragment: 'Nemojanech' }]
	},
	{
		topic: 'municipality',
		text: 'Rodina bydlí v Třebařově, do města to mají přes hodinu autobusem.',
		expect: [{ kind: 'municipality', fragment: 'Třebařově' }]
	},

	// --- court_file ------------------------------------------------------------------------------------
	{
		topic: 'court_file',
		text: 'Řízení o úpravě styku s otcem běží pod sp. zn. 52 P 319/2026.',
		expect: [{ kind: 'court_file', fragment: '52 P 319/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Usnesení o předběžném opatření 6 Nc 844/2026 otec napadl odvoláním.',
		expect: [{ kind: 'court_file', fragment: '6 Nc 844/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Trestní řízení proti partnerovi, sp. zn. 2 T 61/2027, ještě neskončilo.',
		expect: [{ kind: 'court_file', fragment: '2 T 61/2027' }]
	},

	// --- reference_number ------------------------------------------------------------------------------
	{
		topic: 'reference_number',
		text: 'Trestní oznámení bylo přijato pod č. j. KRPJ-77415-2/TČ-2026-161010 a věc se prověřuje.',
		expect: [{ kind: 'reference_number', fragment: 'KRPJ-77415-2/TČ-2026-161010' }]
	},
	{
		topic: 'reference_number',
		text: 'Rozhodnutí o dávce, č. j. MPSV-2026/99871-733, nám matka přinesla až po lhůtě.',
		expect: [{ kind: 'reference_number', fragment: 'MPSV-2026/99871-733' }]
	},
	{
		topic: 'reference_number',
		text: 'Naši spisovou značku OSPOD/588/27 prosím uvádějte jen v interní komunikaci.',
		expect: [{ kind: 'reference_number', fragment: 'OSPOD/588/27' }]
	},

	// --- data_box --------------------------------------------------------------------------------------
	{
		topic: 'data_box',
		text: 'Do datové schránky matky (ID 5sqe7tb) chodí i upomínky od pronajímatele.',
		expect: [{ kind: 'data_box', fragment: '5sqe7tb' }]
	},
	{
		topic: 'data_box',
		text: 'ID DS klientky jx3w9fh – prosím neposílat nic, co by mohl vidět partner.',
		expect: [{ kind: 'data_box', fragment: 'jx3w9fh' }]
	},
	{
		topic: 'data_box',
		text: 'Otec komunikuje jen přes datovou schránku r8dn2ku a dopisy nepřebírá.',
		expect: [{ kind: 'data_box', fragment: 'r8dn2ku' }]
	},

	// --- insurance_number ------------------------------------------------------------------------------
	{
		topic: 'insurance_number',
		text: 'Číslo pojištěnce dcery 9655874102 jí přidělila ZPMV, kartičku zatím nemá.',
		expect: [{ kind: 'insurance_number', fragment: '9655874102' }]
	},
	{
		topic: 'insurance_number',
		text: 'Pojistnou smlouvu č. 5401887264 na domácnost matka zrušila kvůli dluhům.',
		expect: [{ kind: 'insurance_number', fragment: '5401887264' }]
	},
	{
		topic: 'insurance_number',
		text: 'Syn je u pojišťovny veden pod číslem pojištěnce 9810924437, průkaz se ztratil.',
		expect: [{ kind: 'insurance_number', fragment: '9810924437' }]
	},

	// --- id_document: birth certificate ---------------------------------------------------------------
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list syna č. 3190624 má otec, matka proto musí žádat o duplikát.',
		expect: [{ kind: 'id_document', fragment: '3190624' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Z matriky máme jen opis, RL č. 77/2021, ostatní doklady dítěte chybí.',
		expect: [{ kind: 'id_document', fragment: '77/2021' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Číslo rodného listu dcery 1827453 je uvedené i na žádosti o přídavky.',
		expect: [{ kind: 'id_document', fragment: '1827453' }]
	},

	// --- birth_number: wrong check digit --------------------------------------------------------------
	{
		topic: 'birth_number: wrong check digit',
		text: 'Dcera má podle matky rodné číslo 085523/1460, ověříme ho na úřadě.',
		expect: [{ kind: 'birth_number', fragment: '085523/1460' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'RČ nejstarší dcery 0359012287, pojištěná je u VZP.',
		expect: [{ kind: 'birth_number', fragment: '0359012287' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Syn, rodné číslo 150227 / 3349, potřebuje nové brýle a obal na ně.',
		expect: [{ kind: 'birth_number', fragment: '150227 / 3349' }]
	},

	// --- phone: slashes or foreign prefix --------------------------------------------------------------
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Babička na Ukrajině je k zastižení na +380 97 320 1159, děti jí volají v neděli.',
		expect: [{ kind: 'phone', fragment: '+380 97 320 1159' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Kontakt na matku 732/904/117, volat prosím jen dopoledne.',
		expect: [{ kind: 'phone', fragment: '732/904/117' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Bratr klientky žije v Polsku, tel. +48 601 772 930, může poslat peníze.',
		expect: [{ kind: 'phone', fragment: '+48 601 772 930' }]
	},

	// --- email: spelled out ----------------------------------------------------------------------------
	{
		topic: 'email: spelled out',
		text: 'Pište jí na alena.hlavata zavináč centrum tečka cz, jiný kontakt bezpečný není.',
		expect: [{ kind: 'email', fragment: 'alena.hlavata zavináč centrum tečka cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Otec se matce ozývá z adresy dusan77(at)seznam(dot)cz, i když to má zakázané.',
		expect: [{ kind: 'email', fragment: 'dusan77(at)seznam(dot)cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'E-mail klientky je olha.s [zavináč] gmail.com, česky rozumí jen psané.',
		expect: [{ kind: 'email', fragment: 'olha.s [zavináč] gmail.com' }]
	},

	// --- birth_date: in words --------------------------------------------------------------------------
	{
		topic: 'birth_date: in words',
		text: 'Syn se narodil dvacátého šestého ledna 2017 a letos jde do čtvrté třídy.',
		expect: [{ kind: 'birth_date', fragment: 'dvacátého šestého ledna 2017' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Matka (nar. 11. prosince 1995) je po mateřské dovolené bez práce.',
		expect: [{ kind: 'birth_date', fragment: '11. prosince 1995' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Nejmladší dcera, narozená 2. dubna 2022, ještě nechodí do školky.',
		expect: [{ kind: 'birth_date', fragment: '2. dubna 2022' }]
	},

	// --- profile_link ----------------------------------------------------------------------------------
	{
		topic: 'profile_link',
		text: 'Byt, o který mají zájem: https://www.sreality.cz/detail/pronajem/byt/3+1/kolin-kolin-v-benatkach/1184726593',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://www.sreality.cz/detail/pronajem/byt/3+1/kolin-kolin-v-benatkach/1184726593'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Otec sdílí fotky dětí na instagram.com/tata.patrik.vlog bez souhlasu matky.',
		expect: [{ kind: 'profile_link', fragment: 'instagram.com/tata.patrik.vlog' }]
	},
	{
		topic: 'profile_link',
		text: 'Podnájem by byl tady: https://www.bezrealitky.cz/nemovitosti-byty-domy/912004-nabidka-pronajem-bytu-2-kk-decin, kauce 18 000 Kč.',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://www.bezrealitky.cz/nemovitosti-byty-domy/912004-nabidka-pronajem-bytu-2-kk-decin'
			}
		]
	},

	// --- several kinds together ------------------------------------------------------------------------
	{
		topic: 'name: foreign',
		text: 'Paní Bùi Thị Thu z Kraslic pracuje ve večerce a manžel jí bere tržby.',
		expect: [
			{ kind: 'name', fragment: 'Bùi Thị Thu' },
			{ kind: 'municipality', fragment: 'Kraslic' }
		]
	},
	{
		topic: 'school',
		text: 's justýnkou jsme probraly přestup ze ZŠ Hálkova, kam za ní chodí otec.',
		expect: [
			{ kind: 'name', fragment: 'justýnkou' },
			{ kind: 'school', fragment: 'ZŠ Hálkova' }
		]
	},
	{
		topic: 'court_file',
		text: 'JUDr. Mikešová zastupuje matku v řízení 19 P a Nc 88/2026, záloha je 3 000 Kč.',
		expect: [
			{ kind: 'name', fragment: 'Mikešová' },
			{ kind: 'court_file', fragment: '19 P a Nc 88/2026' }
		]
	},

	// ===================================================================================================
	// Clean cases (expect: [])
	// ===================================================================================================

	// --- clean: organisation ---------------------------------------------------------------------------
	{
		topic: 'clean: organisation',
		text: 'Intervenční centrum Plzeň doporučilo matce podat návrh na prodloužení vykázání.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Konto Bariéry přispělo na vozík pro syna, na úpravu bytu už ne.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Dětské krizové centrum vede terapii s oběma dětmi od jara.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Městská charita otevřela šatník, kde si děti vybraly zimní oblečení.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Arcidiecézní charita pomohla s úhradou školní družiny na pololetí.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Sbírka Pomozte dětem loni přispěla na tábor, letos už žádost nejde podat.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Sdružení nájemníků poradilo matce s vyúčtováním služeb od pronajímatele.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Kontaktní pracoviště úřadu práce žádost o dávku pořád vyřizuje.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Oddělení sociálně-právní ochrany dětí pracuje s rodinou od loňského podzimu.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Nízkoprahový klub Salesiánského střediska nabízí dětem doučování zdarma.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Státní zastupitelství podalo obžalobu a matka bude u soudu svědčit.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Poradna pro oběti násilí doporučila matce svépomocnou skupinu a psychologa.',
		expect: []
	},

	// --- clean: brands ---------------------------------------------------------------------------------
	{ topic: 'clean: brands', text: 'Žehlička Philips a žehlicí prkno z Tchiba by matce stačily.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Pračka Candy nebo Zanussi s předním plněním, kapacita aspoň 6 kg.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Kočárek Baby Design nebo Chicco, klidně z bazaru, hlavně s pláštěnkou.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Matrace Dormeo do dětské postele, rozměr 90 x 200 cm.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Poukázky do Globusu nebo do Billy na potraviny na celý měsíc.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Drogerie z dm nebo z Rossmannu, hlavně pleny, šampon a zubní pasty.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Boty z CCC a bunda z H&M by dceři vydržely celou zimu.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Notebook Dell Inspiron nebo HP ProBook z repasu do 8 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Tiskárna Epson EcoTank, aby se nemusely kupovat drahé náplně.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Hračky Fisher-Price pro batole a autíčka Hot Wheels pro staršího.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Telefon Huawei nebo Realme do 4 000 Kč, na Mall.cz jich je dost.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Kupony do drogerie Teta by pokryly hygienu pro děti na pár týdnů.',
		expect: []
	},

	// --- clean: regions and districts ------------------------------------------------------------------
	{
		topic: 'clean: regions and districts',
		text: 'Rodina se chce přestěhovat do Královéhradeckého kraje, kde má matka práci.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Klientka žije v okrese Znojmo a do města dojíždí autobusem.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Praze 8 je levnější pokoj, ale daleko od školy dětí.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Třebíčsku má matka bratra, který jim může na čas pomoct.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Děčínsku jsou podnájmy levnější, ale matka tam nikoho nemá.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina bydlí v Ostravě-Zábřehu v bytě, kde je plíseň na zdech.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Karlovarském kraji se matce nedaří najít práci na zkrácený úvazek.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Otec dětí se odstěhoval do Německa a s OSPOD nekomunikuje.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka chce zůstat v Olomouci, aby děti nemusely měnit školu.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Z Charkova přijely v roce 2022 a od té doby žijí ve Zlínském kraji.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Hledají byt v okrese Praha-západ nebo v okrese Beroun.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Brně-Líšni se uvolnil sociální byt, nastěhovat se mohou v lednu.',
		expect: []
	},

	// --- clean: amounts and dates of the need --------------------------------------------------------
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Kauce 22 000 Kč a první nájem 11 000 Kč jsou splatné do 5. března.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Tábor od 3. do 9. srpna stojí 4 700 Kč, záloha je 1 500 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Byt 1+kk, 31 m², nájem 10 200 Kč včetně energií.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Syn potřebuje bundu velikosti 152 a boty číslo 37.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Terapie 1× týdně po 800 Kč za sezení, celkem 12 sezení.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Dluh za vodné 4 360 Kč je potřeba zaplatit do 20. října.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Adaptační kurz pro 6. třídu 2.–4. září stojí 1 900 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Jízdné pro matku a dvě děti vychází na 1 120 Kč měsíčně.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Sleva 15 % platí pro rodiny se třemi a více dětmi.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Od 1. listopadu se zálohy na plyn zvyšují o 900 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Nájem 9 500 Kč, kauce 19 000 Kč a provize realitce dalších 9 500 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Gymnastika 3× týdně stojí 3 400 Kč za pololetí.',
		expect: []
	},

	// --- clean: ordinary need text --------------------------------------------------------------------
	{
		topic: 'clean: ordinary need text',
		text: 'Starší dcera (14 let) se stará o mladší sourozence, když je matka v práci.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Dědeček vozí děti do školy, sám ale nemá na benzín.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Otec dětí je zedník, pracuje načerno a tvrdí, že na výživné nemá.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na Mikuláše dostaly děti balíček ve školce, doma nedostaly nic.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Po Dušičkách se rodina stěhuje do menšího a levnějšího bytu.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Matka pracuje jako pečovatelka a většinu výplaty spolkne nájem.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Syn má rád sovy, nejlepší dárek by pro něj byla kniha o zvířatech.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Kmotra dětí jim přispívá na obědy, víc ale nezvládne.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Policie případ předala státnímu zástupci, rodina čeká na výsledek.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Soud zatím nerozhodl, děti jsou v péči matky na základě předběžného opatření.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Holčička 5 let a chlapec 8 let, oba potřebují zimní čepice a rukavice.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Vedoucí v práci matce vyšel vstříc a dává jí jen ranní směny.',
		expect: []
	}
];
