// Edge cases for the anonymisation guard: the forms a rule-based detector tends to miss (lower-case and
// foreign names, declined forms, titles, streets without numbers, schools, employers, shelters, small
// municipalities, file and reference numbers, spelled-out e-mails, dates in words, listing links) and,
// just as many, ordinary need text that looks tricky but must not be flagged. Every topic is set so the
// bench can report per topic. Every personal detail here is made up.
import type { CorpusCase } from './pii-corpus';

export const piiEdgeCorpus: CorpusCase[] = [
	// --- name: lower case ------------------------------------------------------------------------------
	{
		topic: 'name: lower case',
		text: 'matka jana a syn petr bydlí od září u babičky, potřebují dvě postele a skříň.',
		expect: [
			{ kind: 'name', fragment: 'jana' },
			{ kind: 'name', fragment: 'petr' }
		]
	},
	{
		topic: 'name: lower case',
		text: 'paní nováková prosí o příspěvek na kauci, bývalý partner jí zablokoval společný účet.',
		expect: [{ kind: 'name', fragment: 'nováková' }]
	},
	{
		topic: 'name: lower case',
		text: 'klientka lenka dvořáková má tři děti, nejmladší matyáš potřebuje kočárek a autosedačku.',
		expect: [
			{ kind: 'name', fragment: 'lenka dvořáková' },
			{ kind: 'name', fragment: 'matyáš' }
		]
	},
	{
		topic: 'name: lower case',
		text: 'S tomášem a jeho sestrou jsme domluvili první návštěvu u psycholožky na příští týden.',
		expect: [{ kind: 'name', fragment: 'tomášem' }]
	},
	{
		topic: 'name: lower case',
		text: 'otec dětí pan kubíček nesmí do bytu, policie ho minulý týden vykázala na deset dní.',
		expect: [{ kind: 'name', fragment: 'kubíček' }]
	},
	{
		topic: 'name: lower case',
		text: 'Pro kristýnku by se hodila zimní bunda a sněhule, nosí velikost 30.',
		expect: [{ kind: 'name', fragment: 'kristýnku' }]
	},
	{
		topic: 'name: lower case',
		text: 'dcera eliška (8 let) od útoku skoro nespí a syn ondra se znovu pomočuje.',
		expect: [
			{ kind: 'name', fragment: 'eliška' },
			{ kind: 'name', fragment: 'ondra' }
		]
	},
	{
		topic: 'name: lower case',
		text: 'rodina šimkových přišla o bydlení, otec jim vyházel věci na chodbu a vyměnil zámek.',
		expect: [{ kind: 'name', fragment: 'šimkových' }]
	},
	{
		topic: 'name: lower case',
		text: 'babička marie hronková se o vnoučata stará, ale z důchodu nezaplatí obědy ani kroužky.',
		expect: [{ kind: 'name', fragment: 'marie hronková' }]
	},
	{
		topic: 'name: lower case',
		text: 'mladší sourozenci adámek a sofinka chodí do stejné školky, potřebují bačkory a pyžamo.',
		expect: [
			{ kind: 'name', fragment: 'adámek' },
			{ kind: 'name', fragment: 'sofinka' }
		]
	},

	// --- name: foreign ---------------------------------------------------------------------------------
	{
		topic: 'name: foreign',
		text: 'Klientka bydlí s Oleksandrem, svým patnáctiletým synem, v jednom pokoji na ubytovně.',
		expect: [{ kind: 'name', fragment: 'Oleksandrem' }]
	},
	{
		topic: 'name: foreign',
		text: 'Paní Nguyễn Thị Mai pracuje v nehtovém studiu a manžel jí každý měsíc bere celou výplatu.',
		expect: [{ kind: 'name', fragment: 'Nguyễn Thị Mai' }]
	},
	{
		topic: 'name: foreign',
		text: 'Paní Nguyenová nemluví dobře česky, na schůzky s námi chodí s dcerou Linh.',
		expect: [
			{ kind: 'name', fragment: 'Nguyenová' },
			{ kind: 'name', fragment: 'Linh' }
		]
	},
	{
		topic: 'name: foreign',
		text: 'Ahmadovi, nejstaršímu synovi, hledáme učební obor a pracovní boty do dílny.',
		expect: [{ kind: 'name', fragment: 'Ahmadovi' }]
	},
	{
		topic: 'name: foreign',
		text: 'Olze Kovalenkové bývalý manžel vyhrožuje přes společné známé z Ukrajiny.',
		expect: [{ kind: 'name', fragment: 'Olze Kovalenkové' }]
	},
	{
		topic: 'name: foreign',
		text: 'Otec dětí Dmytro Savčuk se vrátil z Polska a čeká na matku před prací.',
		expect: [{ kind: 'name', fragment: 'Dmytro Savčuk' }]
	},
	{
		topic: 'name: foreign',
		text: 'S Yasminou, která už umí česky, chodí matka na úřady, dcera jí tlumočí z arabštiny.',
		expect: [{ kind: 'name', fragment: 'Yasminou' }]
	},
	{
		topic: 'name: foreign',
		text: 'Partner klientky Ferko Dunka ji loni zbil tak, že skončila na traumatologii.',
		expect: [{ kind: 'name', fragment: 'Ferko Dunka' }]
	},
	{
		topic: 'name: foreign',
		text: 'Dětem Kudrikových chybí postele, všichni čtyři spí s matkou na dvou matracích.',
		expect: [{ kind: 'name', fragment: 'Kudrikových' }]
	},
	{
		topic: 'name: foreign',
		text: 'Sestra klientky, Ľudmila Hudáková ze Slovenska, může děti v létě vzít k sobě.',
		expect: [{ kind: 'name', fragment: 'Ľudmila Hudáková' }]
	},
	{
		topic: 'name: foreign',
		text: 'Bývalý manžel Florin Dumitru odvezl pasy obou dětí k rodině do Rumunska.',
		expect: [{ kind: 'name', fragment: 'Florin Dumitru' }]
	},
	{
		topic: 'name: foreign',
		text: 'Pro Zarinu Aliyevovou a jejího syna Timura sháníme zimní oblečení a deky.',
		expect: [
			{ kind: 'name', fragment: 'Zarinu Aliyevovou' },
			{ kind: 'name', fragment: 'Timura' }
		]
	},

	// --- name: declined --------------------------------------------------------------------------------
	{
		topic: 'name: declined',
		text: 'S Kubou jsme byli u zubaře, potřebuje ošetřit čtyři zuby v celkové anestezii.',
		expect: [{ kind: 'name', fragment: 'Kubou' }]
	},
	{
		topic: 'name: declined',
		text: 'Terezce bychom rádi zaplatili kroužek keramiky, po hodině s hlínou je klidnější.',
		expect: [{ kind: 'name', fragment: 'Terezce' }]
	},
	{
		topic: 'name: declined',
		text: 'Vojtovi se ve třídě posmívají kvůli oblečení a matka nemá na nové.',
		expect: [{ kind: 'name', fragment: 'Vojtovi' }]
	},
	{
		topic: 'name: declined',
		text: 'Matka s Anežkou a Kryštofem spí u své sestry na rozkládacím gauči v obýváku.',
		expect: [
			{ kind: 'name', fragment: 'Anežkou' },
			{ kind: 'name', fragment: 'Kryštofem' }
		]
	},
	{
		topic: 'name: declined',
		text: 'Babička posílá Haně peníze na jídlo, sama ale žije jen z invalidního důchodu.',
		expect: [{ kind: 'name', fragment: 'Haně' }]
	},
	{
		topic: 'name: declined',
		text: 'Po rozchodu s Radimem zůstaly klientce dluhy, které udělal na její jméno.',
		expect: [{ kind: 'name', fragment: 'Radimem' }]
	},
	{
		topic: 'name: declined',
		text: 'Nejmladšímu Šimonkovi jsou dva roky a pořád spí v kočárku, postýlku nemají.',
		expect: [{ kind: 'name', fragment: 'Šimonkovi' }]
	},
	{
		topic: 'name: declined',
		text: 'Kamarádka půjčila Markétě auto, aby si mohla odvézt věci z bytu, když tam partner nebyl.',
		expect: [{ kind: 'name', fragment: 'Markétě' }]
	},
	{
		topic: 'name: declined',
		text: 'Se Zdeňkou, starší dcerou, jsme probraly, co bude potřebovat na internát.',
		expect: [{ kind: 'name', fragment: 'Zdeňkou' }]
	},
	{
		topic: 'name: declined',
		text: 'Matějovi a Barunce chybí na podzim holínky a pláštěnky, do školky chodí pěšky.',
		expect: [
			{ kind: 'name', fragment: 'Matějovi' },
			{ kind: 'name', fragment: 'Barunce' }
		]
	},
	{
		topic: 'name: declined',
		text: 'Klientka se s Vítězslavem rozešla po dvanácti letech kontroly a ponižování.',
		expect: [{ kind: 'name', fragment: 'Vítězslavem' }]
	},

	// --- name: surname alone / family ------------------------------------------------------------------
	{
		topic: 'name: surname alone / family',
		text: 'Horáček pije a v noci buší na dveře, matka se bojí otevřít i sousedům.',
		expect: [{ kind: 'name', fragment: 'Horáček' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Procházkovi se přestěhovali do podnájmu, ale chybí jim úplně všechno od nádobí po postele.',
		expect: [{ kind: 'name', fragment: 'Procházkovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Děti zatím přespávají u Dvořáků, sousedů z druhého patra, matka u kamarádky.',
		expect: [{ kind: 'name', fragment: 'Dvořáků' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Kratochvíl se k soudu nedostavil a dál matce posílá výhrůžné esemesky.',
		expect: [{ kind: 'name', fragment: 'Kratochvíl' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Pospíšilovi mají čtyři děti a po odchodu otce jim zůstal jen jeden příjem.',
		expect: [{ kind: 'name', fragment: 'Pospíšilovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Od Vondráčků dostala matka starou skříň a stůl, chybí ale postele pro kluky.',
		expect: [{ kind: 'name', fragment: 'Vondráčků' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Soukup dětem tři měsíce neposlal výživné a telefon od OSPOD nebere.',
		expect: [{ kind: 'name', fragment: 'Soukup' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Klientka uklízí u Havlíků, peníze ale dostává nepravidelně a bez smlouvy.',
		expect: [{ kind: 'name', fragment: 'Havlíků' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Rodině Bartákových hrozí vystěhování, dluh na nájmu přesáhl 40 000 Kč.',
		expect: [{ kind: 'name', fragment: 'Bartákových' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Matoušek o víkendu přijel k domu a propíchal klientce pneumatiky.',
		expect: [{ kind: 'name', fragment: 'Matoušek' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Mužíkovi bydlí na ubytovně už druhý rok a do vlastního bytu nemají na kauci.',
		expect: [{ kind: 'name', fragment: 'Mužíkovi' }]
	},

	// --- name: after title -----------------------------------------------------------------------------
	{
		topic: 'name: after title',
		text: 'Dceru vyšetřila MUDr. Kratochvílová a doporučila rehabilitace, které pojišťovna nehradí.',
		expect: [{ kind: 'name', fragment: 'Kratochvílová' }]
	},
	{
		topic: 'name: after title',
		text: 'Syn je v péči u Mgr. Šťastného, dětského psychologa, sezení stojí 900 Kč.',
		expect: [{ kind: 'name', fragment: 'Šťastného' }]
	},
	{
		topic: 'name: after title',
		text: 'Podle Bc. Lukášové z OSPOD je matka motivovaná a se službami spolupracuje.',
		expect: [{ kind: 'name', fragment: 'Lukášové' }]
	},
	{
		topic: 'name: after title',
		text: 'Rozvodové řízení vede JUDr. Pazderka, matka mu ještě dluží za dvě porady.',
		expect: [{ kind: 'name', fragment: 'Pazderka' }]
	},
	{
		topic: 'name: after title',
		text: 'PhDr. Vlasáková z poradny potvrdila, že dcera trpí úzkostmi a potřebuje terapii.',
		expect: [{ kind: 'name', fragment: 'Vlasáková' }]
	},
	{
		topic: 'name: after title',
		text: 'Zprávu pro opatrovnický soud napsala Mgr. et Mgr. Ryšavá, posíláme ji v příloze.',
		expect: [{ kind: 'name', fragment: 'Ryšavá' }]
	},
	{
		topic: 'name: after title',
		text: 'Ing. Bureš, majitel bytu, je ochoten počkat s kaucí do konce měsíce.',
		expect: [{ kind: 'name', fragment: 'Bureš' }]
	},
	{
		topic: 'name: after title',
		text: 'Dětský lékař MUDr. Zelinka doporučil kvůli astmatu čističku vzduchu.',
		expect: [{ kind: 'name', fragment: 'Zelinka' }]
	},
	{
		topic: 'name: after title',
		text: 'Kontakt na školní psycholožku Mgr. Hrbkovou rodina má, ale terapie je placená.',
		expect: [{ kind: 'name', fragment: 'Hrbkovou' }]
	},
	{
		topic: 'name: after title',
		text: 'Za OSPOD případ vede Bc. Kamila Tichá, DiS., která žádost doporučuje.',
		expect: [{ kind: 'name', fragment: 'Kamila Tichá' }]
	},

	// --- address: street without number ----------------------------------------------------------------
	{
		topic: 'address: street without number',
		text: 'Klientka bydlí v Kamenické ulici a otec dětí ji tam každý den vyhlíží z auta.',
		expect: [{ kind: 'address', fragment: 'Kamenické ulici' }]
	},
	{
		topic: 'address: street without number',
		text: 'Nový podnájem je na Palackého náměstí, hned nad lékárnou, majitel chce dvě kauce.',
		expect: [{ kind: 'address', fragment: 'Palackého náměstí' }]
	},
	{
		topic: 'address: street without number',
		text: 'Partner si pronajal garsonku v ulici Na Výsluní, jen pár domů od nich.',
		expect: [{ kind: 'address', fragment: 'Na Výsluní' }]
	},
	{
		topic: 'address: street without number',
		text: 'Děti chodí ze školy přes Jungmannovu, kde na ně otec čeká u trafiky.',
		expect: [{ kind: 'address', fragment: 'Jungmannovu' }]
	},
	{
		topic: 'address: street without number',
		text: 'Byt od města je v Třebízského ulici v přízemí, bez výtahu a se společnou pračkou.',
		expect: [{ kind: 'address', fragment: 'Třebízského ulici' }]
	},
	{
		topic: 'address: street without number',
		text: 'Matka se bojí chodit nakupovat na Husovu třídu, kde bydlí partnerova rodina.',
		expect: [{ kind: 'address', fragment: 'Husovu třídu' }]
	},
	{
		topic: 'address: street without number',
		text: 'Rodina bydlí v ulici U Hřiště a pronajímatel jim teď zvedl nájem o třetinu.',
		expect: [{ kind: 'address', fragment: 'U Hřiště' }]
	},
	{
		topic: 'address: street without number',
		text: 'Podnájem našla na sídlišti v Okružní ulici, do školy to děti mají deset minut.',
		expect: [{ kind: 'address', fragment: 'Okružní ulici' }]
	},
	{
		topic: 'address: street without number',
		text: 'Otec dětí bydlí na Sadové, hned za rohem, proto se chtějí co nejdřív odstěhovat.',
		expect: [{ kind: 'address', fragment: 'Sadové' }]
	},
	{
		topic: 'address: street without number',
		text: 'Cestou do práce na Tovární ulici ji partner sleduje, potřebuje proto měsíční jízdenku.',
		expect: [{ kind: 'address', fragment: 'Tovární ulici' }]
	},

	// --- address: street and number, no town -------------------------------------------------------------
	{
		topic: 'address: street and number, no town',
		text: 'Nabídnutý byt je Jugoslávská 12 ve třetím patře, okna do dvora, bez výtahu.',
		expect: [{ kind: 'address', fragment: 'Jugoslávská 12' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Otec dětí se nastěhoval do Nádražní 1456/7, přímo naproti jejich škole.',
		expect: [{ kind: 'address', fragment: 'Nádražní 1456/7' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Byt v Lipové 23 jí nabídl známý, chce ale tři nájmy předem.',
		expect: [{ kind: 'address', fragment: 'Lipové 23' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Matka dočasně bydlí u tety, Bezručova 8, přízemí vpravo, děti spí v kuchyni.',
		expect: [{ kind: 'address', fragment: 'Bezručova 8' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Partner ji čekal před domem Tyršova 1102 a vyhrožoval, že ji zabije.',
		expect: [{ kind: 'address', fragment: 'Tyršova 1102' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Do nového bytu na Smetanově 44 potřebují lednici, pračku a dvě postele.',
		expect: [{ kind: 'address', fragment: 'Smetanově 44' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Klientka se chce vrátit k rodičům, Polní 317, jakmile se otec dětí odstěhuje.',
		expect: [{ kind: 'address', fragment: 'Polní 317' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Podnájem K Rybníku 9, 1+1, majitel požaduje kauci 20 000 Kč do pátku.',
		expect: [{ kind: 'address', fragment: 'K Rybníku 9' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Bývalý partner bydlí v Komenského 56/3 a denně chodí kolem jejich domu.',
		expect: [{ kind: 'address', fragment: 'Komenského 56/3' }]
	},
	{
		topic: 'address: street and number, no town',
		text: 'Nabídka obecního bytu: Školní 678, 2. patro, nutná výmalba a nové lino.',
		expect: [{ kind: 'address', fragment: 'Školní 678' }]
	},

	// --- school ----------------------------------------------------------------------------------------
	{
		topic: 'school',
		text: 'Syn chodí do ZŠ Kunratice, kde otec dětí čeká o přestávkách u plotu.',
		expect: [{ kind: 'school', fragment: 'ZŠ Kunratice' }]
	},
	{
		topic: 'school',
		text: 'Dcera je ve třídě Berušek v MŠ Sluníčko a potřebuje nové bačkory a pyžamo.',
		expect: [{ kind: 'school', fragment: 'MŠ Sluníčko' }]
	},
	{
		topic: 'school',
		text: 'Základní škola T. G. Masaryka v Poličce potvrdila, že syn chodí bez svačiny.',
		expect: [{ kind: 'school', fragment: 'T. G. Masaryka v Poličce' }]
	},
	{
		topic: 'school',
		text: 'Starší dcera studuje na gymnáziu Jana Keplera a potřebuje grafickou kalkulačku.',
		expect: [{ kind: 'school', fragment: 'Jana Keplera' }]
	},
	{
		topic: 'school',
		text: 'Kluci od ledna přestoupili na ZŠ Lesní, aby je otec ve škole nenašel.',
		expect: [{ kind: 'school', fragment: 'ZŠ Lesní' }]
	},
	{
		topic: 'school',
		text: 'Dcera nastupuje na SOŠ gastronomickou v Třebíči a potřebuje kuchařský oděv a nože.',
		expect: [{ kind: 'school', fragment: 'SOŠ gastronomickou v Třebíči' }]
	},
	{
		topic: 'school',
		text: 'Mateřská škola Kopretina v Nupakách chce doplatit stravné za tři měsíce.',
		expect: [{ kind: 'school', fragment: 'Kopretina v Nupakách' }]
	},
	{
		topic: 'school',
		text: 'Syn chodí do 7. B na ZŠ a MŠ Horní Počernice, třídní učitelka rodinu podporuje.',
		expect: [{ kind: 'school', fragment: 'ZŠ a MŠ Horní Počernice' }]
	},
	{
		topic: 'school',
		text: 'Na Obchodní akademii Kroměříž potřebuje dcera zaplatit lyžařský kurz a učebnice.',
		expect: [{ kind: 'school', fragment: 'Obchodní akademii Kroměříž' }]
	},
	{
		topic: 'school',
		text: 'Nejmladší chodí do školky Pastelka u sídliště, starší syn do ZŠ Sever.',
		expect: [
			{ kind: 'school', fragment: 'Pastelka' },
			{ kind: 'school', fragment: 'ZŠ Sever' }
		]
	},

	// --- workplace -------------------------------------------------------------------------------------
	{
		topic: 'workplace',
		text: 'Matka pracuje v Lidlu v Benešově na pokladně a partner ji tam chodí kontrolovat.',
		expect: [{ kind: 'workplace', fragment: 'Lidlu v Benešově' }]
	},
	{
		topic: 'workplace',
		text: 'Klientka je zaměstnaná u firmy Kovo Trnka v Humpolci jako svářečka na dvě směny.',
		expect: [{ kind: 'workplace', fragment: 'Kovo Trnka v Humpolci' }]
	},
	{
		topic: 'workplace',
		text: 'Otec dětí dělá ve Škodovce v Mladé Boleslavi a vydělává dobře, výživné ale neplatí.',
		expect: [{ kind: 'workplace', fragment: 'Škodovce v Mladé Boleslavi' }]
	},
	{
		topic: 'workplace',
		text: 'Matka uklízí v nemocnici v Kroměříži na noční směny, děti mezitím hlídá babička.',
		expect: [{ kind: 'workplace', fragment: 'nemocnici v Kroměříži' }]
	},
	{
		topic: 'workplace',
		text: 'Od září nastoupila do pekárny Klásek v Rokycanech a potřebuje peníze na dojíždění.',
		expect: [{ kind: 'workplace', fragment: 'pekárny Klásek v Rokycanech' }]
	},
	{
		topic: 'workplace',
		text: 'Partner jezdí jako řidič u Autodopravy Mráz v Pelhřimově a ví, kde matka bydlí.',
		expect: [{ kind: 'workplace', fragment: 'Autodopravy Mráz v Pelhřimově' }]
	},
	{
		topic: 'workplace',
		text: 'Matka je prodavačka v Penny na náměstí ve Vlašimi, směny má do osmi večer.',
		expect: [{ kind: 'workplace', fragment: 'Penny na náměstí ve Vlašimi' }]
	},
	{
		topic: 'workplace',
		text: 'Klientka pracuje v drůbežárně ve Vodňanech a do práce jezdí autobusem v pět ráno.',
		expect: [{ kind: 'workplace', fragment: 'drůbežárně ve Vodňanech' }]
	},
	{
		topic: 'workplace',
		text: 'Otec nastoupil do Foxconnu v Pardubicích, takže by konečně mohl platit výživné.',
		expect: [{ kind: 'workplace', fragment: 'Foxconnu v Pardubicích' }]
	},
	{
		topic: 'workplace',
		text: 'Matka dělá pokojskou v hotelu Horizont ve Špindlerově Mlýně a bydlí na ubytovně.',
		expect: [{ kind: 'workplace', fragment: 'hotelu Horizont ve Špindlerově Mlýně' }]
	},

	// --- shelter ---------------------------------------------------------------------------------------
	{
		topic: 'shelter',
		text: 'Matka s dětmi je od března v azylovém domě Magdala a hledá navazující bydlení.',
		expect: [{ kind: 'shelter', fragment: 'Magdala' }]
	},
	{
		topic: 'shelter',
		text: 'Rodina teď bydlí v Domě Agar v Brně, pobyt jim končí v červnu.',
		expect: [{ kind: 'shelter', fragment: 'Domě Agar' }]
	},
	{
		topic: 'shelter',
		text: 'Azylový dům sv. Terezie Jihlava přijal matku s dětmi jen na tři měsíce.',
		expect: [{ kind: 'shelter', fragment: 'sv. Terezie Jihlava' }]
	},
	{
		topic: 'shelter',
		text: 'Klientka je v AD Kotva, kde děti sdílejí s matkou jeden pokoj a kuchyňku.',
		expect: [{ kind: 'shelter', fragment: 'AD Kotva' }]
	},
	{
		topic: 'shelter',
		text: 'Po vykázání partnera odešla do azylového domu Slunečnice v Kutné Hoře.',
		expect: [{ kind: 'shelter', fragment: 'Slunečnice v Kutné Hoře' }]
	},
	{
		topic: 'shelter',
		text: 'Do Domova pro matky s dětmi Studánka jsme ji umístili v noci z pátku na sobotu.',
		expect: [{ kind: 'shelter', fragment: 'Studánka' }]
	},
	{
		topic: 'shelter',
		text: 'V chráněném bydlení Hnízdo může rodina zůstat do konce roku, pak potřebuje vlastní byt.',
		expect: [{ kind: 'shelter', fragment: 'Hnízdo' }]
	},
	{
		topic: 'shelter',
		text: 'Matka s dětmi je dočasně v Domě Rut v Táboře, adresa je utajená.',
		expect: [{ kind: 'shelter', fragment: 'Domě Rut v Táboře' }]
	},
	{
		topic: 'shelter',
		text: 'Z azylového domu Přístav sv. Anežky se musí do léta odstěhovat.',
		expect: [{ kind: 'shelter', fragment: 'Přístav sv. Anežky' }]
	},
	{
		topic: 'shelter',
		text: 'Azylový dům Modrý kámen dá rodině jen lůžka, nábytek do dalšího bydlení chybí.',
		expect: [{ kind: 'shelter', fragment: 'Modrý kámen' }]
	},

	// --- municipality ----------------------------------------------------------------------------------
	{
		topic: 'municipality',
		text: 'Klientka pochází z Horní Lhoty, kde ji i jejího partnera zná celá vesnice.',
		expect: [{ kind: 'municipality', fragment: 'Horní Lhoty' }]
	},
	{
		topic: 'municipality',
		text: 'Rodina se přistěhovala z Kunžaku, kde otec dětí pořád bydlí u svých rodičů.',
		expect: [{ kind: 'municipality', fragment: 'Kunžaku' }]
	},
	{
		topic: 'municipality',
		text: 'Babička bydlí v Dolních Bojanovicích a může si děti na prázdniny vzít k sobě.',
		expect: [{ kind: 'municipality', fragment: 'Dolních Bojanovicích' }]
	},
	{
		topic: 'municipality',
		text: 'Matka s dětmi utekla ze Sedlece-Prčice k sestře, jen s jednou taškou.',
		expect: [{ kind: 'municipality', fragment: 'Sedlece-Prčice' }]
	},
	{
		topic: 'municipality',
		text: 'Ve Vranově u Brna nejezdí večer žádný autobus, matka by potřebovala aspoň kolo.',
		expect: [{ kind: 'municipality', fragment: 'Vranově u Brna' }]
	},
	{
		topic: 'municipality',
		text: 'Děti chodí do školy v Rožmitále pod Třemšínem, autobus tam jede jen dvakrát denně.',
		expect: [{ kind: 'municipality', fragment: 'Rožmitále pod Třemšínem' }]
	},
	{
		topic: 'municipality',
		text: 'Rodina žila v Kozlovicích u jeho rodičů, teď se chce odstěhovat co nejdál.',
		expect: [{ kind: 'municipality', fragment: 'Kozlovicích' }]
	},
	{
		topic: 'municipality',
		text: 'Matka by se ráda vrátila k rodičům do Bystřice nad Pernštejnem, chybí jí na stěhování.',
		expect: [{ kind: 'municipality', fragment: 'Bystřice nad Pernštejnem' }]
	},
	{
		topic: 'municipality',
		text: 'Otec dětí bydlí ve Strání a pracuje v Uherském Brodě, matka se mu chce vyhnout.',
		expect: [
			{ kind: 'municipality', fragment: 'Strání' },
			{ kind: 'municipality', fragment: 'Uherském Brodě' }
		]
	},
	{
		topic: 'municipality',
		text: 'Ze Zdounek jezdí klientka každý den třicet kilometrů do práce a zpátky.',
		expect: [{ kind: 'municipality', fragment: 'Zdounek' }]
	},

	// --- court_file ------------------------------------------------------------------------------------
	{
		topic: 'court_file',
		text: 'Opatrovnický soud vede věc pod sp. zn. 29 P 45/2025, další jednání bude v lednu.',
		expect: [{ kind: 'court_file', fragment: '29 P 45/2025' }]
	},
	{
		topic: 'court_file',
		text: 'Předběžné opatření, sp. zn. 14 Nc 1203/2026, platí jen měsíc, pak hrozí návrat otce.',
		expect: [{ kind: 'court_file', fragment: '14 Nc 1203/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Trestní věc otce je u okresního soudu pod značkou 3 T 112/2026.',
		expect: [{ kind: 'court_file', fragment: '3 T 112/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Rozsudek o výživném (spis. zn. 21 C 78/2024) otec dlouhodobě nerespektuje.',
		expect: [{ kind: 'court_file', fragment: '21 C 78/2024' }]
	},
	{
		topic: 'court_file',
		text: 'Soud v řízení 42 P a Nc 310/2025 ustanovil dětem kolizního opatrovníka.',
		expect: [{ kind: 'court_file', fragment: '42 P a Nc 310/2025' }]
	},
	{
		topic: 'court_file',
		text: 'V insolvenci KSOS 25 INS 14562/2026 je i dluh, který na ni udělal partner.',
		expect: [{ kind: 'court_file', fragment: 'KSOS 25 INS 14562/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Odvolání ke krajskému soudu, vedené jako 17 Co 256/2026, sepsala matka sama.',
		expect: [{ kind: 'court_file', fragment: '17 Co 256/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Návrh na svěření dětí do péče byl podán pod sp.zn. 0 P 1776/2025.',
		expect: [{ kind: 'court_file', fragment: '0 P 1776/2025' }]
	},
	{
		topic: 'court_file',
		text: 'Sp. zn. 8 Nc 52/2026 – vykázání prodlouženo, matka potřebuje vyměnit zámek.',
		expect: [{ kind: 'court_file', fragment: '8 Nc 52/2026' }]
	},
	{
		topic: 'court_file',
		text: 'Rozvod běží jako 36 C 410/2025 a otec ho schválně natahuje omluvenkami.',
		expect: [{ kind: 'court_file', fragment: '36 C 410/2025' }]
	},

	// --- reference_number ------------------------------------------------------------------------------
	{
		topic: 'reference_number',
		text: 'Policie věc vede pod č. j. KRPB-204518-9/TČ-2026-060212 a šetření pořád probíhá.',
		expect: [{ kind: 'reference_number', fragment: 'KRPB-204518-9/TČ-2026-060212' }]
	},
	{
		topic: 'reference_number',
		text: 'Rozhodnutí úřadu práce čj. MPSV-2026/12345-921 o zamítnutí dávky přikládáme.',
		expect: [{ kind: 'reference_number', fragment: 'MPSV-2026/12345-921' }]
	},
	{
		topic: 'reference_number',
		text: 'Naše č. j. OSPOD/1234/26, kontakt na pracovnici dostanete po schválení žádosti.',
		expect: [{ kind: 'reference_number', fragment: 'OSPOD/1234/26' }]
	},
	{
		topic: 'reference_number',
		text: 'Rozhodnutí o vykázání bylo vydáno pod č. j. KRPS-88213-3/PŘ-2026-010406.',
		expect: [{ kind: 'reference_number', fragment: 'KRPS-88213-3/PŘ-2026-010406' }]
	},
	{
		topic: 'reference_number',
		text: 'Žádost o mimořádnou okamžitou pomoc má č. j. UPCR-2026/88412-721 a leží tam od května.',
		expect: [{ kind: 'reference_number', fragment: 'UPCR-2026/88412-721' }]
	},
	{
		topic: 'reference_number',
		text: 'Sociální odbor vede spis pod čj. MMB/0345672/2026, prosím uvádět jen interně.',
		expect: [{ kind: 'reference_number', fragment: 'MMB/0345672/2026' }]
	},
	{
		topic: 'reference_number',
		text: 'Oznámení o podezření na týrání, č. j. KRPT-54120/ČJ-2026-070012, podala škola.',
		expect: [{ kind: 'reference_number', fragment: 'KRPT-54120/ČJ-2026-070012' }]
	},
	{
		topic: 'reference_number',
		text: 'Sdělení probační služby čj. PMS 2231/2026-SM potvrzuje, že otec je ve zkušební době.',
		expect: [{ kind: 'reference_number', fragment: 'PMS 2231/2026-SM' }]
	},
	{
		topic: 'reference_number',
		text: 'Na rozhodnutí o příspěvku na bydlení, č.j. MPSV-UP/4418762/26/AD, čeká od jara.',
		expect: [{ kind: 'reference_number', fragment: 'MPSV-UP/4418762/26/AD' }]
	},
	{
		topic: 'reference_number',
		text: 'Spis OSPOD se spisovou značkou SZ MHMP 78123/2026 byl předán do jiného obvodu.',
		expect: [{ kind: 'reference_number', fragment: 'SZ MHMP 78123/2026' }]
	},

	// --- data_box --------------------------------------------------------------------------------------
	{
		topic: 'data_box',
		text: 'Rozhodnutí přišlo do datové schránky k7mr2qe, ke které má přístup i bývalý partner.',
		expect: [{ kind: 'data_box', fragment: 'k7mr2qe' }]
	},
	{
		topic: 'data_box',
		text: 'ID DS matky: hw5t8pn, prosím nepoužívat pro komunikaci s otcem dětí.',
		expect: [{ kind: 'data_box', fragment: 'hw5t8pn' }]
	},
	{
		topic: 'data_box',
		text: 'Advokátka má datovku s ID 3fgd9ks, tam posílejte podepsanou plnou moc.',
		expect: [{ kind: 'data_box', fragment: '3fgd9ks' }]
	},
	{
		topic: 'data_box',
		text: 'Schránka úřadu je veřejná, klientčina datová schránka (ID: qz62vbt) ale ne.',
		expect: [{ kind: 'data_box', fragment: 'qz62vbt' }]
	},
	{
		topic: 'data_box',
		text: 'Matka si zřídila datovou schránku s identifikátorem m9ye4rw, chodí tam výzvy exekutora.',
		expect: [{ kind: 'data_box', fragment: 'm9ye4rw' }]
	},
	{
		topic: 'data_box',
		text: 'ISDS: u4nk7ax – sem přišla i obsílka k soudu, kterou matka přehlédla.',
		expect: [{ kind: 'data_box', fragment: 'u4nk7ax' }]
	},
	{
		topic: 'data_box',
		text: 'Na DS 2pvh6cj dorazila výzva k úhradě dluhu, který za ni udělal partner.',
		expect: [{ kind: 'data_box', fragment: '2pvh6cj' }]
	},
	{
		topic: 'data_box',
		text: 'Datová schránka klientky (id ds xr8f3dm) je zatím neaktivní, heslo zná jen ona.',
		expect: [{ kind: 'data_box', fragment: 'xr8f3dm' }]
	},
	{
		topic: 'data_box',
		text: 'Do datové schránky otce 9bkw5yt doručuje jen soud, my mu nic neposíláme.',
		expect: [{ kind: 'data_box', fragment: '9bkw5yt' }]
	},

	// --- insurance_number ------------------------------------------------------------------------------
	{
		topic: 'insurance_number',
		text: 'Dcera je cizinka a u VZP má číslo pojištěnce 9512345678, kartičku ale nemá.',
		expect: [{ kind: 'insurance_number', fragment: '9512345678' }]
	},
	{
		topic: 'insurance_number',
		text: 'Syn má č. pojištěnce 9708456123 u OZP, průkaz si ponechal otec.',
		expect: [{ kind: 'insurance_number', fragment: '9708456123' }]
	},
	{
		topic: 'insurance_number',
		text: 'Pojistka domácnosti, č. pojistky 8065432197, je na jméno partnera a škodu v bytě nepokryje.',
		expect: [{ kind: 'insurance_number', fragment: '8065432197' }]
	},
	{
		topic: 'insurance_number',
		text: 'Kartička pojištěnce č. 9606512288 zůstala v bytě u partnera, lékař chce číslo.',
		expect: [{ kind: 'insurance_number', fragment: '9606512288' }]
	},
	{
		topic: 'insurance_number',
		text: 'Číslo pojištěnce cizince 9901743302 potřebuje dětská lékařka, matka ho nevěděla.',
		expect: [{ kind: 'insurance_number', fragment: '9901743302' }]
	},
	{
		topic: 'insurance_number',
		text: 'Úrazová pojistka dítěte, číslo smlouvy 7720145569, by mohla pokrýt rehabilitace.',
		expect: [{ kind: 'insurance_number', fragment: '7720145569' }]
	},
	{
		topic: 'insurance_number',
		text: 'Životní pojistku č. 3006871245 partner vypověděl bez jejího vědomí a peníze si nechal.',
		expect: [{ kind: 'insurance_number', fragment: '3006871245' }]
	},
	{
		topic: 'insurance_number',
		text: 'Pojištěnec č. 9411893310 (VoZP) – matka potřebuje doplatit léky pro syna.',
		expect: [{ kind: 'insurance_number', fragment: '9411893310' }]
	},
	{
		topic: 'insurance_number',
		text: 'Povinné ručení, pojistná smlouva 60048812, běží na auto, které si vzal otec.',
		expect: [{ kind: 'insurance_number', fragment: '60048812' }]
	},

	// --- id_document: birth certificate ---------------------------------------------------------------
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list č. 2071346 má u sebe otec a odmítá ho matce vydat.',
		expect: [{ kind: 'id_document', fragment: '2071346' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'RL č. 418/2018 dcery je potřeba k zápisu do školy, originál zůstal v bytě.',
		expect: [{ kind: 'id_document', fragment: '418/2018' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Matrika vydá duplikát rodného listu číslo 4109853 za poplatek 100 Kč.',
		expect: [{ kind: 'id_document', fragment: '4109853' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Kopie rodného listu syna (č. 3528716) je v příloze, prosím nepředávat dál.',
		expect: [{ kind: 'id_document', fragment: '3528716' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Zápis v matrice: svazek 12, strana 45, pořadové číslo 230 – matka potřebuje opis rodného listu.',
		expect: [{ kind: 'id_document', fragment: 'svazek 12, strana 45, pořadové číslo 230' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Ukrajinský rodný list dcery, série I-KV č. 512348, má matka jen v originále.',
		expect: [{ kind: 'id_document', fragment: 'I-KV č. 512348' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Syn nemá doklady, číslo původního rodného listu (RL 2284106) si matka opsala.',
		expect: [{ kind: 'id_document', fragment: '2284106' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list č. 0456712 partner roztrhal, potřebujeme zaplatit nový a kolky.',
		expect: [{ kind: 'id_document', fragment: '0456712' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Na rodném listě č. 301/2017 není zapsán otec, proto běží řízení o určení otcovství.',
		expect: [{ kind: 'id_document', fragment: '301/2017' }]
	},

	// --- birth_number: wrong check digit --------------------------------------------------------------
	{
		topic: 'birth_number: wrong check digit',
		text: 'Rodné číslo syna 160418/3186 opisujeme z kartičky, prosím nikam nevkládat.',
		expect: [{ kind: 'birth_number', fragment: '160418/3186' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Dcera, RČ 125709/4402, potřebuje rovnátka, pojišťovna uhradí jen část.',
		expect: [{ kind: 'birth_number', fragment: '125709/4402' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Matka uvedla rodné číslo 9302145518 a nejspíš se v poslední číslici přepsala.',
		expect: [{ kind: 'birth_number', fragment: '9302145518' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'R.č. klientky 876102/5539, zdravotní pojišťovna 211.',
		expect: [{ kind: 'birth_number', fragment: '876102/5539' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Nejstarší dcera má rodné číslo 045311 / 2907, v září nastupuje do učení.',
		expect: [{ kind: 'birth_number', fragment: '045311 / 2907' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Pro kontrolu s úřadem: dítě rč. 1958077735, v péči matky od narození.',
		expect: [{ kind: 'birth_number', fragment: '1958077735' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Syn (rodné číslo 110630/6645) je zapsaný v poradně kvůli odkladu školní docházky.',
		expect: [{ kind: 'birth_number', fragment: '110630/6645' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Nejmladší je 226119/1254, prosím neuvádět v žádné zprávě pro otce.',
		expect: [{ kind: 'birth_number', fragment: '226119/1254' }]
	},
	{
		topic: 'birth_number: wrong check digit',
		text: 'Otec dětí, RČ 980812/4076, je veden v evidenci uchazečů o zaměstnání.',
		expect: [{ kind: 'birth_number', fragment: '980812/4076' }]
	},

	// --- phone: slashes or foreign prefix --------------------------------------------------------------
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Matka je k zastižení na čísle 775/318/204, ale jen odpoledne, kdy partner není doma.',
		expect: [{ kind: 'phone', fragment: '775/318/204' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Tel. na babičku, která děti hlídá: 603 / 41 27 88.',
		expect: [{ kind: 'phone', fragment: '603 / 41 27 88' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Manžel jí pořád volá z ukrajinského čísla +380 50 412 7783, i v noci.',
		expect: [{ kind: 'phone', fragment: '+380 50 412 7783' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Sestra na Slovensku je ochotná pomoct, kontakt +421 917 604 332.',
		expect: [{ kind: 'phone', fragment: '+421 917 604 332' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Otec dětí teď žije ve Vietnamu, používá číslo +84 903 217 564.',
		expect: [{ kind: 'phone', fragment: '+84 903 217 564' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Na klientku je spojení jen přes WhatsApp na 00380 93 556 1402.',
		expect: [{ kind: 'phone', fragment: '00380 93 556 1402' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Bývalý partner vyhrožuje z rumunského čísla +40 744 218 903, zprávy máme uložené.',
		expect: [{ kind: 'phone', fragment: '+40 744 218 903' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Matčin bratr v Německu, tel. +49 1523 4418720, může děti na léto ubytovat.',
		expect: [{ kind: 'phone', fragment: '+49 1523 4418720' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Ruské číslo otce +7 916 204-18-77 má zablokované, píše jí z jiných.',
		expect: [{ kind: 'phone', fragment: '+7 916 204-18-77' }]
	},
	{
		topic: 'phone: slashes or foreign prefix',
		text: 'Do práce se dá volat na pevnou linku 466/530/218, mobil jí vzal partner.',
		expect: [{ kind: 'phone', fragment: '466/530/218' }]
	},

	// --- email: spelled out ----------------------------------------------------------------------------
	{
		topic: 'email: spelled out',
		text: 'Napište jí raději na lenka.bartova zavináč seznam tečka cz, telefon kontroluje partner.',
		expect: [{ kind: 'email', fragment: 'lenka.bartova zavináč seznam tečka cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'E-mail otce je kuba.hron(at)gmail(dot)com, prosím ho nepoužívat.',
		expect: [{ kind: 'email', fragment: 'kuba.hron(at)gmail(dot)com' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Matka má nový mail sara.m [at] email.cz, starý zná bývalý manžel.',
		expect: [{ kind: 'email', fragment: 'sara.m [at] email.cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Výhrůžné zprávy chodí z adresy milan1984 at centrum dot cz.',
		expect: [{ kind: 'email', fragment: 'milan1984 at centrum dot cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Kontakt na tetu, která může děti vyzvednout: vera.dolezalova (zavináč) post.cz',
		expect: [{ kind: 'email', fragment: 'vera.dolezalova (zavináč) post.cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Klientka komunikuje přes oksana.m {at} ukr.net, česky píše jen krátce.',
		expect: [{ kind: 'email', fragment: 'oksana.m {at} ukr.net' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Potvrzení pošlete na hanka_pol zavinac gmail tecka com, bez diakritiky.',
		expect: [{ kind: 'email', fragment: 'hanka_pol zavinac gmail tecka com' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Faktury za energie chodí na jitka.vesela AT volny DOT cz, heslo má i partner.',
		expect: [{ kind: 'email', fragment: 'jitka.vesela AT volny DOT cz' }]
	},
	{
		topic: 'email: spelled out',
		text: 'Mail otce dětí tomas[dot]kral[at]outlook[dot]com má matka zablokovaný.',
		expect: [{ kind: 'email', fragment: 'tomas[dot]kral[at]outlook[dot]com' }]
	},

	// --- birth_date: in words --------------------------------------------------------------------------
	{
		topic: 'birth_date: in words',
		text: 'Dcera je narozena dvanáctého března 2014 a od září přechází na druhý stupeň.',
		expect: [{ kind: 'birth_date', fragment: 'dvanáctého března 2014' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Syn (nar. 3. května 2016) má diagnostikované ADHD a potřebuje asistenta.',
		expect: [{ kind: 'birth_date', fragment: '3. května 2016' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Matka, narozena 1. ledna 1993, je na rodičovské a partner jí nedává na jídlo.',
		expect: [{ kind: 'birth_date', fragment: '1. ledna 1993' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Nejmladší dítě, narozené 28. února 2024, potřebuje autosedačku a kočárek.',
		expect: [{ kind: 'birth_date', fragment: '28. února 2024' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Klientka uvádí jako datum narození dvacátého prvního července 1989.',
		expect: [{ kind: 'birth_date', fragment: 'dvacátého prvního července 1989' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Syn je narozen 17. srpna, proto šel do školy až po odkladu v sedmi.',
		expect: [{ kind: 'birth_date', fragment: '17. srpna' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Dvojčata se narodila 9. listopadu 2019 předčasně a obě mají potíže s dýcháním.',
		expect: [{ kind: 'birth_date', fragment: '9. listopadu 2019' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Dcera má narozeniny čtvrtého října, bude jí deset a přeje si kolo.',
		expect: [{ kind: 'birth_date', fragment: 'čtvrtého října' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Otec dětí, nar. 30. září 1985, pracuje v Rakousku a na děti neplatí.',
		expect: [{ kind: 'birth_date', fragment: '30. září 1985' }]
	},
	{
		topic: 'birth_date: in words',
		text: 'Babička (nar. 5. V. 1958) se o děti stará, ale sama je po operaci.',
		expect: [{ kind: 'birth_date', fragment: '5. V. 1958' }]
	},

	// --- profile_link ----------------------------------------------------------------------------------
	{
		topic: 'profile_link',
		text: 'Byt, o který má matka zájem: https://www.sreality.cz/detail/pronajem/byt/2+kk/trebic-horka-domky-sportovni/2871564380',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://www.sreality.cz/detail/pronajem/byt/2+kk/trebic-horka-domky-sportovni/2871564380'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Podnájem našla na bezrealitky.cz/nemovitosti-byty-domy/884213-nabidka-pronajem-bytu-1-1, kauce 22 000 Kč.',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'bezrealitky.cz/nemovitosti-byty-domy/884213-nabidka-pronajem-bytu-1-1'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Otec zveřejňuje fotky dětí na facebook.com/milan.kopriva.77 bez souhlasu matky.',
		expect: [{ kind: 'profile_link', fragment: 'facebook.com/milan.kopriva.77' }]
	},
	{
		topic: 'profile_link',
		text: 'Dcera má profil instagram.com/nela.k_2012 a otec jí tam píše z falešného účtu.',
		expect: [{ kind: 'profile_link', fragment: 'instagram.com/nela.k_2012' }]
	},
	{
		topic: 'profile_link',
		text: 'Pokoj, který by mohla pronajmout: https://reality.bazos.cz/inzerat/187654321/pronajem-pokoje-v-rd.php',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://reality.bazos.cz/inzerat/187654321/pronajem-pokoje-v-rd.php'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Nabídka od obce je zveřejněná i na https://www.sreality.cz/detail/pronajem/byt/1+1/jihlava-zizkova/3390125764, nájem 9 800 Kč.',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://www.sreality.cz/detail/pronajem/byt/1+1/jihlava-zizkova/3390125764'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Matka se radí s ostatními maminkami na https://www.modrykonik.cz/profil/jana-trikluci/ a partner to čte.',
		expect: [{ kind: 'profile_link', fragment: 'https://www.modrykonik.cz/profil/jana-trikluci/' }]
	},
	{
		topic: 'profile_link',
		text: 'Výhrůžky sdílí veřejně na https://x.com/radek_sv1982, máme snímky obrazovky.',
		expect: [{ kind: 'profile_link', fragment: 'https://x.com/radek_sv1982' }]
	},
	{
		topic: 'profile_link',
		text: 'Matka by se ráda stěhovala sem, inzerát na byt: https://www.idnes.cz/reality/detail/pronajem/byt/zlin-prilucka/65f2a1c3d8e4b7a9c1234567/ (kauce dva nájmy).',
		expect: [
			{
				kind: 'profile_link',
				fragment: 'https://www.idnes.cz/reality/detail/pronajem/byt/zlin-prilucka/65f2a1c3d8e4b7a9c1234567/'
			}
		]
	},
	{
		topic: 'profile_link',
		text: 'Starší syn natáčí na tiktok.com/@kuba.z.ubytovny a je na videích poznat i dům.',
		expect: [{ kind: 'profile_link', fragment: 'tiktok.com/@kuba.z.ubytovny' }]
	},

	// --- several kinds together ------------------------------------------------------------------------
	{
		topic: 'name: declined',
		text: 'S Vendulkou a Kristiánem bydlí matka v ulici Na Výsluní, otec je hlídá z auta.',
		expect: [
			{ kind: 'name', fragment: 'Vendulkou' },
			{ kind: 'name', fragment: 'Kristiánem' },
			{ kind: 'address', fragment: 'Na Výsluní' }
		]
	},
	{
		topic: 'school',
		text: 'Synovi Radimovi, který chodí do ZŠ Bítovská, chybí tělocvičné boty a sešity.',
		expect: [
			{ kind: 'name', fragment: 'Radimovi' },
			{ kind: 'school', fragment: 'ZŠ Bítovská' }
		]
	},
	{
		topic: 'municipality',
		text: 'Rodina Lakatošových z Chanovic se chce odstěhovat, sp. zn. 11 P 207/2026.',
		expect: [
			{ kind: 'name', fragment: 'Lakatošových' },
			{ kind: 'municipality', fragment: 'Chanovic' },
			{ kind: 'court_file', fragment: '11 P 207/2026' }
		]
	},
	{
		topic: 'workplace',
		text: 'paní horváthová pracuje v Albertu v Jindřichově Hradci, telefon 724/118/305.',
		expect: [
			{ kind: 'name', fragment: 'horváthová' },
			{ kind: 'workplace', fragment: 'Albertu v Jindřichově Hradci' },
			{ kind: 'phone', fragment: '724/118/305' }
		]
	},
	{
		topic: 'shelter',
		text: 'Mgr. Pešková z azylového domu Betlém doporučuje matce terapii a dětem tábor.',
		expect: [
			{ kind: 'name', fragment: 'Pešková' },
			{ kind: 'shelter', fragment: 'Betlém' }
		]
	},
	{
		topic: 'reference_number',
		text: 'Oznámení pod č. j. KRPH-30912-4/TČ-2026-050511 podala Irena Dostálová, nar. 14. června 1990.',
		expect: [
			{ kind: 'reference_number', fragment: 'KRPH-30912-4/TČ-2026-050511' },
			{ kind: 'name', fragment: 'Irena Dostálová' },
			{ kind: 'birth_date', fragment: '14. června 1990' }
		]
	},
	{
		topic: 'email: spelled out',
		text: 'Mykhailo píše matce z mykhailo.b zavináč gmail tečka com, i když to soud zakázal.',
		expect: [
			{ kind: 'name', fragment: 'Mykhailo' },
			{ kind: 'email', fragment: 'mykhailo.b zavináč gmail tečka com' }
		]
	},
	{
		topic: 'data_box',
		text: 'U Mgr. Holce z OSPOD je datová schránka rodiny pod ID p4cj8wd, matka k ní nemá heslo.',
		expect: [
			{ kind: 'name', fragment: 'Holce' },
			{ kind: 'data_box', fragment: 'p4cj8wd' }
		]
	},

	// ===================================================================================================
	// Clean cases (expect: [])
	// ===================================================================================================

	// --- clean: organisation ---------------------------------------------------------------------------
	{
		topic: 'clean: organisation',
		text: 'Případ vede Intervenční centrum Praha, které matku doprovází i k soudu.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Matka chodí na podpůrnou skupinu do ROSA – centrum pro ženy a hodně jí to pomáhá.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Acorus rodině zajistil krizové ubytování na první noci po útěku.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Poradna Persefona nabídla klientce právní konzultaci zdarma.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Bílý kruh bezpečí pomohl se žádostí o peněžitou pomoc obětem trestných činů.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Dcera dochází do Lociky na terapii pro děti, které zažily násilí doma.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Diakonie ČCE poskytla potravinovou pomoc na dva týdny, pak už nemůže.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Charita Opava přispěla na léky, na kauci už rodině nic nezbylo.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'OSPOD Praha 4 doporučil rodině sanační službu, na kterou tato žádost navazuje.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Úřad práce vyplatil jen část mimořádné okamžité pomoci, zbytek zamítl.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Probační a mediační služba vede otce dětí v programu pro násilné osoby.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'ProFem zastupuje klientku v trestním řízení jako zmocněnec poškozené.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'V Elektře se matka může přihlásit do skupiny pro ženy, které zažily násilí.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Dobrý anděl rodině přispívá každý měsíc, na vybavení bytu to ale nestačí.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Člověk v tísni pomohl s dluhovým poradenstvím a návrhem na oddlužení.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Spondea vede terapii s dcerou a matka chodí do svépomocné skupiny.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Potravinová banka dodala trvanlivé potraviny, chybí čerstvé ovoce a drogerie.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Krizové centrum RIAPS doporučilo matce psychiatrickou péči a krátkou hospitalizaci.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Organizace pro pomoc uprchlíkům pomohla matce s prodloužením dočasné ochrany.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Centrum pro integraci cizinců nabízí kurz češtiny, chybí ale hlídání dětí.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'SOS dětské vesničky rodinu doprovázejí v rámci sociálně aktivizační služby.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Linka bezpečí poradila dceři, aby se svěřila třídní učitelce.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Nadace Naše dítě přispěla na terapii, zbytek částky hledáme tady.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Policie ČR partnera vykázala na deset dní a intervenční centrum se ozvalo druhý den.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Sociální odbor městského úřadu žádost podporuje a ověřil situaci rodiny.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Poradna při finanční tísni připravila s matkou splátkový kalendář.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Romodrom zajistil terénní pracovnici, která s rodinou chodí na úřady.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Slezská diakonie nabídla matce místo v sociálně terapeutické dílně.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Nadace Sirius podporuje projekt, díky kterému máme na rodiny víc času.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Klientka dostala potravinový balíček od Armády spásy, na nájem ale nemá.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Česká spořitelna jí kvůli exekuci zablokovala účet, proto potřebujeme pomoc v hotovosti.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Všeobecná zdravotní pojišťovna hradí jen základní brýle, lehčí skla musí doplatit.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Pedagogicko-psychologická poradna doporučila synovi asistenta pedagoga.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Okresní soud vydal předběžné opatření a OSPOD dohlíží na styk dětí s otcem.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'InBáze nabídla matce doučování češtiny a dětem odpolední klub.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Rozum a Cit pomohl babičce s přípravou na pěstounskou péči.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Pro bono aliance zprostředkovala advokátku, která matku zastupuje zdarma.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Intervenční centrum a Spondea si předávají informace jen se souhlasem klientky.',
		expect: []
	},

	// --- clean: brands ---------------------------------------------------------------------------------
	{
		topic: 'clean: brands',
		text: 'Potřebujeme pračku, stačí i starší Bosch Serie 4 nebo něco podobného.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Kočárek Cybex po sestřenici se rozbil, hledáme jakýkoli funkční sportovní.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Komoda IKEA Malm by se do pokoje vešla vedle postele.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Mladší syn si k Vánocům přeje Lego Duplo, starší kopačky z Decathlonu.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Notebook Lenovo ThinkPad z bazaru by na školu úplně stačil.', expect: [] },
	{ topic: 'clean: brands', text: 'Lednice Gorenje s mrazákem vyjde na Alze na 8 990 Kč.', expect: [] },
	{ topic: 'clean: brands', text: 'Autosedačka Britax Römer pro skupinu 2–3, dítě váží 19 kg.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Dcera potřebuje na výuku tablet, třeba Samsung Galaxy Tab A9.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Telefon Xiaomi Redmi by matce stačil, ten starý jí partner rozbil.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Nejvíc by pomohly poukázky na nákup do Albertu nebo Kauflandu.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Zimní boty z Bati nebo z Deichmannu, velikost 33.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Sporák Mora se čtyřmi plotýnkami, klidně použitý, hlavně s troubou.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Vysavač ETA nebo Sencor, hlavně aby fungoval.', expect: [] },
	{ topic: 'clean: brands', text: 'Aktovka Topgal nebo Baagl pro prvňáka, cena do 2 000 Kč.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Pastelky Koh-i-noor, fixy Centropen a sešity na celý školní rok.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Odrážedlo nebo kolo Puky pro čtyřleté dítě.', expect: [] },
	{ topic: 'clean: brands', text: 'Pleny Pampers velikost 4 a kojenecké mléko Nutrilon.', expect: [] },
	{ topic: 'clean: brands', text: 'Postýlka z Jysku nebo ze Scontu a matrace 60 x 120 cm.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Kočárek Kinderkraft nebo Joie, hlavně s hlubokou korbou pro novorozence.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Tiskárna HP by se hodila na úkoly, škola posílá pracovní listy mailem.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Syn by chtěl Nintendo Switch, ale prioritou je zimní bunda Quechua.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Mikrovlnka Concept a rychlovarná konvice Tefal stačí do začátku.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Tenisky Adidas velikost 38 a tepláky z Pepca.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Poukázka do Datartu na pračku Whirlpool i s dopravou a zapojením.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Mobilní tarif od Kaktusu za 200 Kč měsíčně by matce stačil.', expect: [] },
	{ topic: 'clean: brands', text: 'Nákup přes Rohlík vyjde rodinu levněji, matka nemá auto.', expect: [] },
	{ topic: 'clean: brands', text: 'Oblečení z KiK a Pepca je levné, ale dětem už nic není.', expect: [] },
	{ topic: 'clean: brands', text: 'Lednice Beko z výprodeje v Okayi stojí 6 490 Kč.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Hračky Playmobil a panenka Barbie by holky k Vánocům potěšily.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Pračka Electrolux se sušičkou by matce ušetřila spoustu práce.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Autosedačka Maxi-Cosi pro miminko, vajíčko s isofixem.', expect: [] },
	{ topic: 'clean: brands', text: 'Notebook Acer Aspire nebo Asus Vivobook do 12 000 Kč.', expect: [] },
	{ topic: 'clean: brands', text: 'Kojenecká výživa Hipp a Sunar, pokračovací mléko Bebiko 2.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Matrace z Möbelixu a rozkládací gauč z Ikey by pokoj vybavily.',
		expect: []
	},
	{ topic: 'clean: brands', text: 'Jízdenka RegioJet k soudu stojí pro tři osoby 540 Kč.', expect: [] },
	{
		topic: 'clean: brands',
		text: 'Dárkový poukaz do Tesca by chtěla babička, která děti hlídá.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'iPhone nechceme, stačí levná Motorola nebo Nokia s dobrou baterií.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Olejový radiátor Sencor do dětského pokoje, topení tam nefunguje.',
		expect: []
	},

	// --- clean: regions and districts ------------------------------------------------------------------
	{
		topic: 'clean: regions and districts',
		text: 'Rodina hledá bydlení v Jihomoravském kraji, mimo dosah otce dětí.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka s dětmi se přestěhovala na Vysočinu, kde má podporu sestry.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Klientka bydlí v okrese Frýdek-Místek a za prací dojíždí vlakem.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Praze 4 je nájem pro matku samoživitelku nedostupný.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Ústeckém kraji je hodně ubytoven, ale málo dostupných bytů.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina žije na Ostravsku a děti chodí do základní školy v místě bydliště.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka se chce vrátit do Brna, odkud pochází a kde má kamarádky.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Podnájem hledají na Brněnsku, nejlépe s dobrým spojením do města.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Byt 2+1 v Ostravě-Porubě by jim vyhovoval, pokud nájem nepřesáhne 13 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Otec dětí žije v Plzeňském kraji, matka s dětmi utekla do Prahy.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina přijela z Ukrajiny a teď bydlí v Olomouckém kraji.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V okrese Karviná je vysoká nezaměstnanost, matka hledá práci přes rok.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Klientka pochází ze Slovenska a v Česku žije osm let.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Valašsku má matka sestru, která jí může pomoct s hlídáním.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Děti by na týden v létě mohly jet na tábor do Krkonoš.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka pracuje v Praze, ale levnější bydlení hledá v okrese Praha-východ.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Stěhují se do Libereckého kraje, kde jim nabídli sociální byt.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Brně-Bohunicích by byl volný pokoj, pronajímatel ale chce dvě kauce.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina žije na Karlovarsku a dojíždění do práce je pro ni drahé.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Klientka se s dětmi přestěhovala z Prahy 9 do Prahy 12.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Jesenicku jsou byty levnější, ale práce je tam málo.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina se chce odstěhovat z Moravskoslezského kraje co nejdál od partnera.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka s dětmi bydlí ve Středočeském kraji, okres Kladno.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Soud o péči proběhne v Hradci Králové, rodina potřebuje na jízdné.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Dojíždění z okresu Nymburk do Prahy stojí 1 800 Kč měsíčně.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Hané žijí rodiče klientky, vztahy s nimi ale nejsou dobré.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina bydlí na Slovácku a nejbližší intervenční centrum je ve Zlíně.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Práci našla matka v Pardubickém kraji, stěhovat se musí do konce měsíce.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Hledáme byt v Plzni nebo v okolí, nejlépe v okrese Plzeň-sever.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Šumavě má rodina chatu, ta ale patří otci dětí.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Babička žije v Jihlavě a děti by k ní mohly jezdit na prázdniny.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'V Liberci jsou nájmy o něco nižší než v Praze, proto se chtějí stěhovat.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Sestra klientky žije v Kyjevě a posílá rodině aspoň malé částky.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Matka přijela z Vietnamu jako dvacetiletá, její rodina zůstala v Hanoji.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Otec dětí žije v Rakousku a výživné posílá nepravidelně.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Děti dojíždějí z okresu Brno-venkov, jízdenky stojí 550 Kč měsíčně.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Na Kladensku je od ledna volný byt v sociálním bydlení.',
		expect: []
	},
	{
		topic: 'clean: regions and districts',
		text: 'Rodina bydlí v Ostravě-Jihu, děti chodí do školy na sídlišti.',
		expect: []
	},

	// --- clean: amounts and dates of the need --------------------------------------------------------
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Kauci 18 000 Kč je potřeba zaplatit do 15. ledna 2027, jinak byt dostane někdo jiný.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Nájem je 12 500 Kč měsíčně a zálohy na energie 3 200 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Tábor od 10. do 17. července stojí 5 900 Kč, sourozenci mají slevu 20 %.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Byt 2+kk, 48 m², nájem 14 000 Kč a kauce ve výši dvou nájmů.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Zimní bunda velikost 140 a boty číslo 35, obojí nejpozději do listopadu.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Logopedie 3× týdně, jedna lekce stojí 450 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Splátkový kalendář na 24 měsíců po 1 250 Kč matka zvládne.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Dluh za elektřinu 9 870 Kč je třeba uhradit do 30. listopadu.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Lyžařský kurz v termínu 2.–6. února 2027 stojí 4 300 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Doučování matematiky 2× týdně po 60 minutách, celkem 16 lekcí.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Celkem žádáme 23 450 Kč: kauce 15 000 Kč, stěhování 3 450 Kč a postel 5 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Školní obědy stojí 38 Kč denně, za pololetí zhruba 3 600 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Od 1. září nastupuje matka na plný úvazek, do té doby má jen rodičovský příspěvek.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Lhůta na odvolání je 15 dnů od doručení, tedy do 4. prosince.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Jízdenka na 30 dní stojí 640 Kč, pro děti je o 50 % levnější.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Rovnátka stojí 38 000 Kč a pojišťovna přispěje 6 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Stěhování je naplánované na 28. 2. 2027, firma chce zálohu 2 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Kroužek florbalu stojí 2 800 Kč za pololetí, trénink je 2× týdně.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Byt 3+1 v 5. patře, 72 m², nájem 16 900 Kč včetně služeb.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Psychoterapie 10 sezení po 1 100 Kč, začátek v březnu 2027.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Příspěvek na bydlení 3 980 Kč chodí vždy kolem 15. dne v měsíci.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Postel 140 x 200 cm s matrací vysokou 18 cm, cena do 7 000 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Od 20. 12. do 2. 1. je škola zavřená a matka nemá hlídání.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Výživné 3 000 Kč na dítě poslal otec naposledy v srpnu.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Energie vyšly za rok na 41 200 Kč a nedoplatek je 7 300 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Kurz češtiny pro matku má 60 hodin a stojí 4 900 Kč, běží od října do června.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Brýle pro syna: dioptrie −2,5 a obroučky do 1 500 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Dárky na Vánoce do 1 000 Kč na dítě, děti jsou tři.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Škola v přírodě 22.–26. 5. stojí 3 150 Kč a záloha je splatná do konce dubna.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Sleva 30 % na pračku platí jen do neděle.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Úvazek 0,75, čistá mzda 17 800 Kč, dvě děti ve věku 4 a 9 let.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Ošetření zubů v narkóze stojí 6 500 Kč, termín je 14. 3. 2027.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Notebook do 10 000 Kč, displej 15,6", 8 GB RAM.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Stravenky v hodnotě 2 000 Kč měsíčně na 3 měsíce by rodinu podržely.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Nájem za prosinec a leden po 11 800 Kč, celkem 23 600 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Dcera potřebuje kopačky velikost 36 a chrániče, dohromady asi 1 400 Kč.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Příměstský tábor 7. 7. – 11. 7. 2027 stojí 2 600 Kč za týden.',
		expect: []
	},
	{
		topic: 'clean: amounts and dates of the need',
		text: 'Od 1. 3. 2027 se nájem zvyšuje o 1 500 Kč, matka to sama neutáhne.',
		expect: []
	},

	// --- clean: ordinary need text --------------------------------------------------------------------
	{
		topic: 'clean: ordinary need text',
		text: 'Matka se dvěma dětmi, starší syn (9 let) a mladší dcera (4 roky), potřebuje postele.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Babička se o vnoučata stará vždy, když má matka noční směnu.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Partner matku léta ponižoval a kontroloval jí každou korunu.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Syn chodí do 2. třídy základní školy v místě bydliště.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Dcera chodí do školky jen dopoledne, odpoledne ji hlídá sousedka.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Matka pracuje jako prodavačka a na kauci si sama nenašetří.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Kontaktní osoba předá dary rodině osobně a ověří, že se k ní dostaly.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na Vánoce by děti rády dostaly aspoň něco malého, loni neměly nic.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Když do školky přišel Mikuláš s čertem, syn se ze strachu schoval pod stůl.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Ježíšek letos k dětem nepřijde, pokud se nenajde nějaká pomoc.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'O Velikonocích byla rodina poprvé po letech v klidu, bez křiku.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Ke Dni matek by starší dcera ráda mamince koupila kytku.',
		expect: []
	},
	{ topic: 'clean: ordinary need text', text: 'Soud rozhodl o péči a děti jsou svěřeny matce.', expect: [] },
	{
		topic: 'clean: ordinary need text',
		text: 'Policie věc šetří, otec dětí je stíhán na svobodě.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Chlapec 7 let a dívka 11 let, obě děti potřebují zimní oblečení.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Soused, vyučený kovář, nabídl, že opraví vrata zadarmo.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Otec dětí je pekař, pracuje na noční a výživné neposílá.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Matka vyrůstala v dětském domově a nemá se na koho obrátit.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Starší syn se chce vyučit automechanikem a potřebuje pracovní oděv.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Teta z matčiny strany vzala děti na týden k sobě, než se situace uklidní.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na Silvestra se partner opil a rozbil v bytě skoro všechno zařízení.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Do Štědrého dne bychom rádi sehnali aspoň lednici.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Plyšový zajíc je jediná hračka, kterou si syn vzal z domova.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Kohoutek v koupelně teče a pronajímatel opravu odmítá.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Dcera miluje lišky a kreslí je všude, pastelky by jí udělaly radost.',
		expect: []
	},
	{ topic: 'clean: ordinary need text', text: 'Novou skříň složí soused, stačí nám ji dovézt.', expect: [] },
	{
		topic: 'clean: ordinary need text',
		text: 'Matka je na rodičovské, mladšímu dítěti je rok a půl.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Děti se od odchodu z domova v noci budí a bojí se tmy.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Sociální pracovnice doporučuje příspěvek na nábytek a povlečení.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na Den dětí chtěla matka vzít děti na výlet, ale nemá na vlak.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'V září nastupuje syn do první třídy a chybí mu aktovka i přezůvky.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Starší bratr pomáhá mladším s úkoly, sám ale nemá stůl ani lampičku.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Švadlena v obchodě matce zkrátila kalhoty zadarmo, na nové nemá.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Pan domácí souhlasí s odkladem nájmu o dva týdny.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Paní učitelka potvrdila, že syn chodí do školy bez svačiny.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Klientka je Romka a pronajímatelé ji kvůli původu často odmítají.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Obvodní zdravotní sestra matce pomohla dohnat očkování dětí.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na masopust ve škole potřebují děti masky, matka je šije z toho, co doma najde.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Děti mají rády pohádky o Krtkovi a přály by si plyšáka.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Hasiči pomohli vyklidit byt po požáru, rodina teď spí u známých.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Matka je vyučená švadlena a ráda by si koupila šicí stroj na přivýdělek.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Azylový dům, kde matka bydlí, má utajenou adresu a pobyt končí v létě.',
		expect: []
	},
	// --- name: lower case, second set -----------------------------------------------------------
	{
		topic: 'name: lower case',
		text: 'matka jana šindelářová se bojí vyjít z bytu, potřebuje zajistit nákupy.',
		expect: [{ kind: 'name', fragment: 'jana šindelářová' }]
	},
	{
		topic: 'name: lower case',
		text: 'pani novakova prosi o pomoc s kauci, partner ji vzal vsechny penize.',
		expect: [{ kind: 'name', fragment: 'novakova' }]
	},
	{
		topic: 'name: lower case',
		text: 'syn filip vaculík chodí do druhé třídy a potřebuje aktovku a penál.',
		expect: [{ kind: 'name', fragment: 'filip vaculík' }]
	},
	{
		topic: 'name: lower case',
		text: 'na úřad práce jsme šli s petrem kroupou, sám by to nezvládl.',
		expect: [{ kind: 'name', fragment: 'petrem kroupou' }]
	},
	{
		topic: 'name: lower case',
		text: 'dcera terka ma horecky a matka nema na leky ani na doktora.',
		expect: [{ kind: 'name', fragment: 'terka' }]
	},
	{
		topic: 'name: lower case',
		text: 'klientka marcela mrkvičková bydlí s dětmi v jednom pokoji bez kuchyně.',
		expect: [{ kind: 'name', fragment: 'marcela mrkvičková' }]
	},
	{
		topic: 'name: lower case',
		text: 'otec deti pan zizka vyhrozuje matce pres sms a ceka pred domem.',
		expect: [{ kind: 'name', fragment: 'zizka' }]
	},
	{
		topic: 'name: lower case',
		text: 'k babičce ludmile jezdí děti na víkendy, jinak nemají kam jít.',
		expect: [{ kind: 'name', fragment: 'ludmile' }]
	},
	{
		topic: 'name: lower case',
		text: 'manzel roman bil matku pred detmi, ted ma zakaz vstupu do bytu.',
		expect: [{ kind: 'name', fragment: 'roman' }]
	},
	{
		topic: 'name: lower case',
		text: 'pro vaska a kubu shanime zimni boty velikosti 32 a 35.',
		expect: [
			{ kind: 'name', fragment: 'vaska' },
			{ kind: 'name', fragment: 'kubu' }
		]
	},
	{
		topic: 'name: lower case',
		text: 'partnerka pana horvátha nechce s námi mluvit, bojí se ho.',
		expect: [{ kind: 'name', fragment: 'horvátha' }]
	},
	{
		topic: 'name: lower case',
		text: 'se simonou jsme se domluvily na schůzce v poradně v úterý.',
		expect: [{ kind: 'name', fragment: 'simonou' }]
	},
	{
		topic: 'name: lower case',
		text: 'matka olena tkačuková přijela s dvěma dětmi a nemá kde bydlet.',
		expect: [{ kind: 'name', fragment: 'olena tkačuková' }]
	},
	{
		topic: 'name: lower case',
		text: 'u kratochvilovych neni teplo, kotel nefunguje od listopadu.',
		expect: [{ kind: 'name', fragment: 'kratochvilovych' }]
	},
	{
		topic: 'name: lower case',
		text: 'nejstarší dcera natálka nastupuje na učňák a potřebuje pracovní oděv.',
		expect: [{ kind: 'name', fragment: 'natálka' }]
	},
	{
		topic: 'name: lower case',
		text: 'babicka vera dvorakova hlida deti, kdyz je matka na smene.',
		expect: [{ kind: 'name', fragment: 'vera dvorakova' }]
	},
	{
		topic: 'name: lower case',
		text: 'paní kováčová z druhého patra nám řekla, že partner zase přišel opilý.',
		expect: [{ kind: 'name', fragment: 'kováčová' }]
	},
	{
		topic: 'name: lower case',
		text: 'syn matěj a dcera rozárka spí na jedné matraci v obýváku.',
		expect: [
			{ kind: 'name', fragment: 'matěj' },
			{ kind: 'name', fragment: 'rozárka' }
		]
	},
	{
		topic: 'name: lower case',
		text: 'klient pan vaňura nezaplatil nájem a majitel hrozí výpovědí.',
		expect: [{ kind: 'name', fragment: 'vaňura' }]
	},
	{
		topic: 'name: lower case',
		text: 'druzka pana mrazka se s detmi schovava u sve matky.',
		expect: [{ kind: 'name', fragment: 'mrazka' }]
	},

	// --- name: surname alone / family, second set -----------------------------------------------------------
	{
		topic: 'name: surname alone / family',
		text: 'Šindelář jí sebral telefon a nedovolí jí stýkat se s rodinou.',
		expect: [{ kind: 'name', fragment: 'Šindelář' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Kroupa dluží na výživném přes 60 000 Kč a exekutor zatím nic nevymohl.',
		expect: [{ kind: 'name', fragment: 'Kroupa' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Vaculík se k soudu znovu nedostavil, jednání se odročilo na březen.',
		expect: [{ kind: 'name', fragment: 'Vaculík' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Mrkvička dětem neplatí výživné už půl roku a telefon nebere.',
		expect: [{ kind: 'name', fragment: 'Mrkvička' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Žižková odmítá podepsat souhlas s vycestováním dětí k babičce.',
		expect: [{ kind: 'name', fragment: 'Žižková' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Kováčovi se odstěhovali do Ostravy a děti musely přestoupit na jinou školu.',
		expect: [{ kind: 'name', fragment: 'Kováčovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'U Šindelářů teď matka s dětmi přespává, než najde podnájem.',
		expect: [{ kind: 'name', fragment: 'Šindelářů' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Matka si půjčila peníze od Kroupových a teď jí vyhrožují.',
		expect: [{ kind: 'name', fragment: 'Kroupových' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Bondarenkovi bydlí na ubytovně s jednou kuchyní pro celé patro.',
		expect: [{ kind: 'name', fragment: 'Bondarenkovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Horváthovi mají pět dětí a žádné z nich nemá zimní bundu.',
		expect: [{ kind: 'name', fragment: 'Horváthovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Oláh matce zakázal chodit ven bez jeho svolení.',
		expect: [{ kind: 'name', fragment: 'Oláh' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Gáborovým nabídla obec byt, chybí jim ale peníze na kauci.',
		expect: [{ kind: 'name', fragment: 'Gáborovým' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Byli jsme na návštěvě u Vaculíků, kde matka dočasně bydlí.',
		expect: [{ kind: 'name', fragment: 'Vaculíků' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Janouškovi se loni rozvedli a otec teď odmítá platit na děti.',
		expect: [{ kind: 'name', fragment: 'Janouškovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Matka s dětmi utekla k Zahradníkovým, sousedům z vedlejšího domu.',
		expect: [{ kind: 'name', fragment: 'Zahradníkovým' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Pešková je s dětmi doma sama a bojí se, že se partner vrátí.',
		expect: [{ kind: 'name', fragment: 'Pešková' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Tkačuk pracuje na stavbě načerno a výživné odmítá platit.',
		expect: [{ kind: 'name', fragment: 'Tkačuk' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Kovalčukovi přišli o byt a teď bydlí u známých v garáži.',
		expect: [{ kind: 'name', fragment: 'Kovalčukovi' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Hrdlička matku sleduje a posílá jí desítky zpráv denně.',
		expect: [{ kind: 'name', fragment: 'Hrdlička' }]
	},
	{
		topic: 'name: surname alone / family',
		text: 'Dvojčata zůstávají přes týden u Vondrušků, o víkendu u otce.',
		expect: [{ kind: 'name', fragment: 'Vondrušků' }]
	},

	// --- name: foreign, second set -----------------------------------------------------------
	{
		topic: 'name: foreign',
		text: 'Paní Trần Thị Lan pracuje ve večerce a partner jí bere celou výplatu.',
		expect: [{ kind: 'name', fragment: 'Trần Thị Lan' }]
	},
	{
		topic: 'name: foreign',
		text: 'Matka Mariana Kováčová pochází ze Slovenska a nemá tu žádnou rodinu.',
		expect: [{ kind: 'name', fragment: 'Mariana Kováčová' }]
	},
	{
		topic: 'name: foreign',
		text: 'Klientka Oksana Tkačuková potřebuje tlumočníka na jednání u soudu.',
		expect: [{ kind: 'name', fragment: 'Oksana Tkačuková' }]
	},
	{
		topic: 'name: foreign',
		text: 'S Nadijou Bondarenkovou jsme byli na úřadu práce podat žádost.',
		expect: [{ kind: 'name', fragment: 'Nadijou Bondarenkovou' }]
	},
	{
		topic: 'name: foreign',
		text: 'Otec dětí, Ahmed Al-Hassan, odvezl syna bez souhlasu matky.',
		expect: [{ kind: 'name', fragment: 'Ahmed Al-Hassan' }]
	},
	{
		topic: 'name: foreign',
		text: 'Partner Ionuț Popescu se vrátil do Rumunska a neplatí výživné.',
		expect: [{ kind: 'name', fragment: 'Ionuț Popescu' }]
	},
	{
		topic: 'name: foreign',
		text: 'Radek Gábor, otec dětí, matce vyhrožuje přes sociální sítě.',
		expect: [{ kind: 'name', fragment: 'Radek Gábor' }]
	},
	{
		topic: 'name: foreign',
		text: 'Dcera Phạm Thu Hà chodí do třetí třídy a potřebuje učebnice.',
		expect: [{ kind: 'name', fragment: 'Phạm Thu Hà' }]
	},
	{
		topic: 'name: foreign',
		text: 'Zaplatili jsme kurz češtiny pro paní Le Thi Huong a její dceru.',
		expect: [{ kind: 'name', fragment: 'Le Thi Huong' }]
	},
	{
		topic: 'name: foreign',
		text: 'Se Sergijem Melnyčukem už matka nebydlí, ale on ji dál obtěžuje.',
		expect: [{ kind: 'name', fragment: 'Sergijem Melnyčukem' }]
	},
	{
		topic: 'name: foreign',
		text: 'Klientka Fatima Al-Rashidová přijela se třemi dětmi a nemá tu nikoho.',
		expect: [{ kind: 'name', fragment: 'Fatima Al-Rashidová' }]
	},
	{
		topic: 'name: foreign',
		text: 'Matka s Tarasem a Bohdankou bydlí v jednom pokoji na ubytovně.',
		expect: [
			{ kind: 'name', fragment: 'Tarasem' },
			{ kind: 'name', fragment: 'Bohdankou' }
		]
	},
	{
		topic: 'name: foreign',
		text: 'Otec dětí Vasyl Hnatyšyn matku opakovaně napadl před dětmi.',
		expect: [{ kind: 'name', fragment: 'Vasyl Hnatyšyn' }]
	},
	{
		topic: 'name: foreign',
		text: 'Paní Dumitrescu potřebuje pomoc s vyřízením dávek a tlumočení.',
		expect: [{ kind: 'name', fragment: 'Dumitrescu' }]
	},
	{
		topic: 'name: foreign',
		text: 'Zuzana Ferková má tři děti a bývalý druh jí vyhrožuje.',
		expect: [{ kind: 'name', fragment: 'Zuzana Ferková' }]
	},
	{
		topic: 'name: foreign',
		text: 'Irině Kovalčukové jsme zajistili právní poradnu zdarma.',
		expect: [{ kind: 'name', fragment: 'Irině Kovalčukové' }]
	},
	{
		topic: 'name: foreign',
		text: 'Bývalý partner Mihai Ciobanu jí zabavil doklady i telefon.',
		expect: [{ kind: 'name', fragment: 'Mihai Ciobanu' }]
	},
	{
		topic: 'name: foreign',
		text: 'Manžel Volodymyr Petryshyn se vrátil z fronty a je agresivní.',
		expect: [{ kind: 'name', fragment: 'Volodymyr Petryshyn' }]
	},
	{
		topic: 'name: foreign',
		text: 'Za rodinu jedná strýc Nguyễn Văn Hùng, který umí česky.',
		expect: [{ kind: 'name', fragment: 'Nguyễn Văn Hùng' }]
	},
	{
		topic: 'name: foreign',
		text: 'Matka Šárka Oláhová potřebuje pomoc s hledáním bydlení pro čtyři děti.',
		expect: [{ kind: 'name', fragment: 'Šárka Oláhová' }]
	},

	// --- id_document: birth certificate, second set -----------------------------------------------------------
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list syna, číslo 1023456, zůstal u otce v bytě.',
		expect: [{ kind: 'id_document', fragment: '1023456' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Opis z matriky: matriční záznam č. 456/2019, vydán na městském úřadě.',
		expect: [{ kind: 'id_document', fragment: '456/2019' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Podle rodného listu (RL č. 3389012) je jako otec uveden jiný muž.',
		expect: [{ kind: 'id_document', fragment: '3389012' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'V knize narození je dcera vedena pod svazkem 8, strana 112, pořadové číslo 57.',
		expect: [{ kind: 'id_document', fragment: '8, strana 112, pořadové číslo 57' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list dcery má číslo 2205731 a matka potřebuje ověřenou kopii.',
		expect: [{ kind: 'id_document', fragment: '2205731' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'RL 1187/2016 je poškozený, na matrice chtějí za nový poplatek.',
		expect: [{ kind: 'id_document', fragment: '1187/2016' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Duplikát rodného listu pro syna, č. 0913346, vydala matrika až po měsíci.',
		expect: [{ kind: 'id_document', fragment: '0913346' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Matriční záznam o narození: sv. 3, str. 27, poř. č. 14 – potřebujeme výpis.',
		expect: [{ kind: 'id_document', fragment: '3, str. 27, poř. č. 14' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Číslo rodného listu 4450219 matka sdělila jen nám, otec ho nezná.',
		expect: [{ kind: 'id_document', fragment: '4450219' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Na rodném listě s číslem 3021874 je chyba v příjmení matky.',
		expect: [{ kind: 'id_document', fragment: '3021874' }]
	},
	{
		topic: 'id_document: birth certificate',
		text: 'Rodný list (série A, č. 776312) zůstal v Kyjevě, matka má jen fotku.',
		expect: [{ kind: 'id_document', fragment: '776312' }]
	},

	// --- school, second set -----------------------------------------------------------
	{
		topic: 'school',
		text: 'Syn chodí do ZŠ a MŠ Zahradní v Kolíně, kde ho otec čeká u brány.',
		expect: [{ kind: 'school', fragment: 'ZŠ a MŠ Zahradní' }]
	},
	{
		topic: 'school',
		text: 'Dcera studuje Gymnázium Botičská a potřebuje notebook na výuku.',
		expect: [{ kind: 'school', fragment: 'Gymnázium Botičská' }]
	},
	{
		topic: 'school',
		text: 'Starší syn se učí na SOU stavebním v Opavě, potřebuje pracovní boty.',
		expect: [{ kind: 'school', fragment: 'SOU stavebním v Opavě' }]
	},
	{
		topic: 'school',
		text: 'Syn chodí do speciální školy Kamínek a potřebuje doprovod.',
		expect: [{ kind: 'school', fragment: 'Kamínek' }]
	},
	{
		topic: 'school',
		text: 'Na Střední zdravotnické škole v Příbrami jí hrozí vyloučení kvůli absencím.',
		expect: [{ kind: 'school', fragment: 'Střední zdravotnické škole v Příbrami' }]
	},
	{
		topic: 'school',
		text: 'Ředitelka ZŠ Vratimov nám potvrdila, že dcera chodí pravidelně.',
		expect: [{ kind: 'school', fragment: 'ZŠ Vratimov' }]
	},
	{
		topic: 'school',
		text: 'Kluk byl přijat na Gymnázium Jírovcova a potřebuje kalkulačku a atlas.',
		expect: [{ kind: 'school', fragment: 'Gymnázium Jírovcova' }]
	},
	{
		topic: 'school',
		text: 'Dcera chodí do Mateřské školy Sedmikráska a školné je 800 Kč měsíčně.',
		expect: [{ kind: 'school', fragment: 'Sedmikráska' }]
	},
	{
		topic: 'school',
		text: 'Syn dochází do Praktické školy Hornická a otec ho odtamtud odvádí.',
		expect: [{ kind: 'school', fragment: 'Hornická' }]
	},
	{
		topic: 'school',
		text: 'Na SOŠ a SOU Hořice potřebuje syn zaplatit svářečský kurz.',
		expect: [{ kind: 'school', fragment: 'SOŠ a SOU Hořice' }]
	},
	{
		topic: 'school',
		text: 'Dcera chodí na ZUŠ Harmonie a potřebuje půjčit housle.',
		expect: [{ kind: 'school', fragment: 'ZUŠ Harmonie' }]
	},
	{
		topic: 'school',
		text: 'Syn je na Speciální základní škole Kpt. Jaroše a jezdí tam sám tramvají.',
		expect: [{ kind: 'school', fragment: 'Kpt. Jaroše' }]
	},

	// --- clean: lower-case words, second set -----------------------------------------------------------
	{
		topic: 'clean: lower-case words',
		text: 'ráno matka vodí děti do školy a pak jde rovnou do práce.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'na chodbě ubytovny je společná hala, kde si děti hrají.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'přes léto by děti mohly jet na tábor pod stan, chybí jim spacáky.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'syn má rád fotbal a chtěl by kopačky a chrániče.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'matka pracuje jako pomocná síla v kuchyni, plat jí nestačí.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'dcera ráda maluje, potřebuje pastelky, vodovky a skicák.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'otec dětí pije a matka se bojí, že přijde domů opilý.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'k lékaři chodí matka s dětmi pěšky přes celé město.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'dcera je u babičky a syn u tety, matka spí na ubytovně.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'pan domácí chce nájem do pátku, jinak rodinu vystěhuje.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'paní sociální pracovnice doporučila požádat o mimořádnou okamžitou pomoc.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'mama je na tom psychicky spatne a dcera se o ni stara.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'deti nemaji boty ani bundy, matka prosi o pomoc.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'pani ze skolky rekla, ze syn je hodne unaveny a hladovy.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'pan z uradu prace slibil, ze se ozve do patku.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'dcera ma rada kone a chtela by chodit na krouzek.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'pani doktorka rekla, ze dcera musi na operaci.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'matka nema penize na leky pro syna, ktery ma astma.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'pan úředník nám poradil, jaké papíry potřebujeme k žádosti.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'syn potřebuje kámen do prakovky, ne, vážně: potřebuje hlavně boty.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'paní vedoucí azylového domu potvrdila, že matka platí včas.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'babička hlídá děti každé odpoledne a vaří jim obědy.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'dcera má ráda zimu, sníh a sáňkování, ale nemá kombinézu.',
		expect: []
	},
	{
		topic: 'clean: lower-case words',
		text: 'syn s kamarádem chodí na florbal do haly u školy.',
		expect: []
	},

	// --- clean: sentence start, second set -----------------------------------------------------------
	{
		topic: 'clean: sentence start',
		text: 'Kovář opravil zámek u dveří, zaplatila to nadace.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Zima letos přišla brzy a děti nemají teplé boty.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Pekař z vedlejší ulice dává rodině každý večer neprodané pečivo.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Sedlák z vesnice nabídl matce brigádu na sezónu.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Kámen rozbil okno v kuchyni, když partner v noci řádil před domem.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Stan, spacák a karimatku by syn potřeboval na školní výlet.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Hala na sídlišti nabízí dětem kroužky zdarma, syn chce na florbal.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Ráno je na ubytovně největší fronta na sprchy.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Lék na astma pojišťovna hradí jen částečně.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Mír v rodině nastal až po vykázání partnera.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Víra matky v úřady je po zkušenostech s partnerem nízká.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Naděje, že se situace zlepší, je malá, ale matka se snaží.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Soused pije každý den a v noci křičí na chodbě.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Majitel odmítá vrátit kauci, i když byt předali v pořádku.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Exekutor zablokoval matce účet a strhává jí polovinu mzdy.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Bojí se, že ji najde, proto nechce nikam chodit sama.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Mráz poškodil vodovodní potrubí a byt je týden bez vody.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Bouřka vytopila sklep, kde měla rodina uložené věci.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Psycholog doporučil, aby syn chodil na terapii každý týden.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Učitelé ze školy uspořádali sbírku na boty pro děti.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Kočárek po sestře je rozbitý, potřebujeme nový.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Krejčí zkrátil dětem kalhoty zdarma, zbytek matka ušila sama.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Hrdina dne je starší syn, který sám uvařil sourozencům večeři.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Pláče v noci a bojí se usnout, když slyší kroky na chodbě.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Šikana ve škole ustala, když třídní učitelka zasáhla.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Dluží za nájem tři měsíce a majitel hrozí výpovědí.',
		expect: []
	},
	{
		topic: 'clean: sentence start',
		text: 'Kroupy na střeše auta udělaly důlky, ale auto jezdí.',
		expect: []
	},

	// --- clean: dative and plural nouns, second set -----------------------------------------------------------
	{
		topic: 'clean: dative and plural nouns',
		text: 'Synovi je deset let a potřebuje nové brýle, stará obroučka praskla.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Otcovi dětí soud nařídil platit výživné, ale zatím neplatí.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Bratrovi klientky se nedaří najít práci, proto jí nemůže pomoct.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Dědovi se zhoršilo zdraví a o děti se už starat nemůže.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Děti byly dvakrát u lékařů kvůli zánětu průdušek.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Matka si půjčila vysavač od sousedů, vlastní se rozbil.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Tátovi se daří lépe, po léčbě přestal pít a chce vidět děti.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Strýcovi rodina dluží 5 000 Kč za stěhování.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Kamarádovi syna ukradli kolo, a tak jezdí spolu na jednom.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'U zubařů jsou dlouhé čekací lhůty, syn čeká na ošetření.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Od hasičů dostala rodina po požáru deky a oblečení.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Synové chodí do stejné třídy a sdílejí jednu aktovku.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Bydlení u sousedů je jen dočasné, do konce ledna.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Děda s babičkou pomáhají, ale sami mají malý důchod.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Vnukovi babička platí obědy, víc z důchodu nezvládne.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Partnerovi matky vadí, že děti chodí do kroužků.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Od učitelů máme potvrzení, že syn chodí do školy pravidelně.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'U Romů na ubytovně je jedna kuchyň pro dvacet lidí.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Sourozencům chybí postele, spí všichni na zemi.',
		expect: []
	},
	{
		topic: 'clean: dative and plural nouns',
		text: 'Prarodičům se nedaří splácet půjčku, kterou vzali za matku.',
		expect: []
	},

	// --- clean: ordinary need text, second set -----------------------------------------------------------
	{
		topic: 'clean: ordinary need text',
		text: 'Na Mikuláše dostaly děti balíček od dobrovolníků.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'O Velikonocích matka s dětmi odjede k babičce na venkov.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Květen a červen jsou pro rodinu nejtěžší, končí dávky.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Ukrajinka s dvěma dětmi potřebuje pomoc s hledáním bydlení.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Rodina je vietnamská, matka mluví česky jen trochu a tlumočí jí dcera.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Romské rodiny na ubytovně sdílejí jednu kuchyň a dvě sprchy.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Na Dušičky jezdí matka s dětmi na hřbitov za babičkou.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Klientka je Slovenka a do Česka přišla kvůli práci.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Dárky od Ježíška letos zajistí dobrovolníci.',
		expect: []
	},
	{
		topic: 'clean: ordinary need text',
		text: 'Víkendy tráví děti u otce, předávka probíhá na policii.',
		expect: []
	},

	// --- clean: brands, second set -----------------------------------------------------------
	{
		topic: 'clean: brands',
		text: 'Lidl a Kaufland nabízejí slevové poukázky, matka je využívá.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Dětem by udělala radost stavebnice Lego nebo panenka Barbie.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Syn fandí Spartě a k narozeninám by chtěl dres.',
		expect: []
	},
	{
		topic: 'clean: brands',
		text: 'Pračka Whirlpool je po záruce a oprava by stála víc než nová.',
		expect: []
	},

	// --- clean: organisation, second set -----------------------------------------------------------
	{
		topic: 'clean: organisation',
		text: 'Charita zapůjčila postýlku, chybí ale matrace a povlečení.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Podle Úřadu práce má rodina nárok na příspěvek na bydlení.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Pro syna hledáme brankářské rukavice, chodí na fotbal do Sokola.',
		expect: []
	},
	{
		topic: 'clean: organisation',
		text: 'Diakonie pomohla s dluhovou poradnou a splátkovým kalendářem.',
		expect: []
	}
];
