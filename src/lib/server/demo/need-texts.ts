/**
 * Texts of the demo needs: what social workers of the two demo organisations have submitted, in every
 * state of review. Data only; the demo seed turns them into needs. Every text is anonymised the way a
 * real submission must be — no names, addresses, schools or employers, nothing below a district — so the
 * demo also shows newcomers how to write one. Shop links point to a shop's search rather than to a product
 * page, which would soon be gone.
 */
export type DemoNeedStatus =
	'draft' | 'submitted' | 'in_review' | 'info_requested' | 'ready' | 'rejected' | 'duplicate' | 'withdrawn';

export type DemoNeedCategory =
	| 'leisure'
	| 'housing'
	| 'furniture'
	| 'appliances'
	| 'school'
	| 'clothing'
	| 'health'
	| 'transport'
	| 'food'
	| 'other';

export type DemoAgeBand = '0-2' | '3-5' | '6-10' | '11-14' | '15-17' | '18+';

export interface DemoNeedText {
	/** short unique id, e.g. 'camp-boy' */
	key: string;
	/** Intervenční centrum Praha (CZ010) or OSPOD Brno-střed (CZ064) */
	organisation: 'praha' | 'brno';
	status: DemoNeedStatus;
	category: DemoNeedCategory;
	/** at most 100 characters */
	title: string;
	/** the anonymised situation, 300–900 characters */
	situation: string;
	/** what the help will change for the child or family, 150–500 characters */
	impact: string;
	/** 0–4 */
	adults: number;
	/** one entry per child */
	children: DemoAgeBand[];
	region: string;
	/** from districtsByRegion, or null */
	district: string | null;
	urgency: 'normal' | 'high' | 'urgent';
	/** "needed by" is today plus this many days */
	neededInDays: number | null;
	items: { description: string; quantity: number; unitPriceKc: number; link?: string }[];
	otherFunding: { source: string; amountKc: number }[];
	/** clarification messages, oldest first */
	thread?: { from: 'coordinator' | 'social_worker'; text: string }[];
	/** for rejected: the coordinator's reason; for withdrawn: why */
	reason?: string;
	/** for 'duplicate': the key of the need it duplicates */
	duplicateOfKey?: string;
}

export const demoNeedTexts: DemoNeedText[] = [
	// --- draft ---
	{
		key: 'camp-boy',
		organisation: 'praha',
		status: 'draft',
		category: 'leisure',
		title: 'Letní tábor pro syna (10 let)',
		situation:
			'Klientka s dvěma dětmi se na jaře obrátila na intervenční centrum po opakovaném fyzickém a psychickém násilí ze strany partnera. Partner byl policií vykázán ze společného bytu, nyní probíhá řízení o úpravě poměrů k dětem. Starší syn (10 let) byl svědkem násilí, uzavřel se do sebe a ve škole se mu přestalo dařit. Matka pracuje na zkrácený úvazek a po zaplacení nájmu a energií jí na volnočasové aktivity dětí nic nezbývá. Syn by rád jel na týdenní pobytový tábor zaměřený na sport a pobyt v přírodě.',
		impact:
			'Týden mezi vrstevníky v bezpečném prostředí synovi pomůže odpočinout si od napětí doma, získat sebedůvěru a zažít běžné dětské léto. Matka mezitím může v klidu vyřídit jednání na soudu a úřadech a věnovat se mladší dceři.',
		adults: 1,
		children: ['6-10', '3-5'],
		region: 'CZ010',
		district: 'Praha 4',
		urgency: 'normal',
		neededInDays: 60,
		items: [
			{
				description: 'Týdenní pobytový tábor (7 nocí, plná penze, doprava)',
				quantity: 1,
				unitPriceKc: 6900
			},
			{
				description: 'Dětský spací pytel',
				quantity: 1,
				unitPriceKc: 899,
				link: 'https://www.decathlon.cz/search?Ntt=detsky+spaci+pytel+mh100+10+c'
			},
			{
				description: 'Samonafukovací karimatka',
				quantity: 1,
				unitPriceKc: 649,
				link: 'https://www.decathlon.cz/search?Ntt=samonafukovaci+karimatka+mt100+180+cm'
			}
		],
		otherFunding: [{ source: 'Vlastní podíl rodiny', amountKc: 1000 }]
	},
	{
		key: 'winter-clothes',
		organisation: 'brno',
		status: 'draft',
		category: 'clothing',
		title: 'Zimní oblečení a obuv pro tři děti',
		situation:
			'Matka se třemi dětmi odešla v říjnu z domácnosti, kde docházelo k násilí ze strany otce dětí. Odcházela narychlo a vzala si jen nejnutnější věci; zimní oblečení zůstalo ve společném bytě a otec dětí je odmítá vydat. Rodina nyní bydlí v azylovém domě pro matky s dětmi. Matka pobírá rodičovský příspěvek a přídavky na děti, z nichž hradí pobyt a stravu. Dětem (12, 8 a 4 roky) chybí zimní bundy, boty, čepice a rukavice; nejmladší syn chodí ven jen v tenké mikině.',
		impact:
			'Děti budou moci v zimě chodit do školy, do školky i ven bez prochladnutí a nebudou se před spolužáky stydět za nevhodné oblečení. Peníze, které matka ušetří, použije na školní pomůcky a léky.',
		adults: 1,
		children: ['11-14', '6-10', '3-5'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'high',
		neededInDays: 14,
		items: [
			{
				description: 'Dětská zimní bunda',
				quantity: 3,
				unitPriceKc: 1299,
				link: 'https://www.decathlon.cz/search?Ntt=detska+zimni+bunda+sh500+u+warm'
			},
			{
				description: 'Dětské zimní boty do sněhu',
				quantity: 3,
				unitPriceKc: 999,
				link: 'https://www.decathlon.cz/search?Ntt=detske+zimni+boty+sh500+x+warm'
			},
			{ description: 'Čepice, šála a rukavice (sada)', quantity: 3, unitPriceKc: 349 },
			{ description: 'Funkční spodní prádlo (triko a spodky)', quantity: 3, unitPriceKc: 399 }
		],
		otherFunding: []
	},
	{
		key: 'phone-mother',
		organisation: 'praha',
		status: 'draft',
		category: 'other',
		title: 'Mobilní telefon pro klientku místo telefonu zničeného partnerem',
		situation:
			'Klientka (34 let) žije se dvěma dětmi v bytě, odkud byl partner policií vykázán. Při posledním incidentu jí partner rozbil mobilní telefon, aby nemohla přivolat pomoc. Klientka je od té doby bez telefonu: nemůže komunikovat se školou, lékaři, policií ani s naším intervenčním centrem a nemá přístup k internetovému bankovnictví. Soud nyní rozhoduje o předběžném opatření. Na nový přístroj klientka nemá prostředky, už nyní má potíže se splácením společných dluhů.',
		impact:
			'S funkčním telefonem bude klientka moci v případě ohrožení okamžitě přivolat pomoc, používat tísňovou aplikaci a být v kontaktu s intervenčním centrem, školou dětí a advokátkou. Telefon jí také umožní uchovávat případné další výhrůžné zprávy jako důkaz pro soud.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: 'Praha 9',
		urgency: 'high',
		neededInDays: 7,
		items: [
			{
				description: 'Mobilní telefon se systémem Android (základní model, 128 GB)',
				quantity: 1,
				unitPriceKc: 3990,
				link: 'https://www.alza.cz/search.htm?exps=samsung+galaxy+a16+4gb+128gb+black'
			},
			{ description: 'Ochranné pouzdro a tvrzené sklo', quantity: 1, unitPriceKc: 390 },
			{ description: 'Předplacená SIM karta s kreditem', quantity: 1, unitPriceKc: 300 }
		],
		otherFunding: []
	},

	// --- submitted ---
	{
		key: 'flat-deposit',
		organisation: 'brno',
		status: 'submitted',
		category: 'housing',
		title: 'Kauce na nájem bytu po odchodu z azylového domu',
		situation:
			'Klientka s dvěma dětmi odešla před půl rokem od partnera, který ji dlouhodobě psychicky a ekonomicky týral. Od té doby rodina bydlí v azylovém domě, kde jí pobyt skončí koncem příštího měsíce. Klientce se podařilo najít menší byt 2+kk s nájmem, který odpovídá jejím příjmům – pracuje na plný úvazek v obchodě. Pronajímatel požaduje kauci ve výši dvou měsíčních nájmů předem. Úřad práce přiznal mimořádnou okamžitou pomoc jen na část kauce, zbytek klientka do termínu nastěhování nenaspoří.',
		impact:
			'Rodina získá vlastní stabilní bydlení a nebude se muset vracet k násilnému partnerovi ani přecházet na ubytovnu. Děti zůstanou ve stejné škole a školce a klientka si udrží zaměstnání. Kauce je vratná a po skončení nájmu zůstane rodině.',
		adults: 1,
		children: ['6-10', '3-5'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'high',
		neededInDays: 30,
		items: [
			{
				description: 'Kauce na nájem bytu 2+kk (dvojnásobek měsíčního nájemného)',
				quantity: 1,
				unitPriceKc: 32000
			}
		],
		otherFunding: [
			{ source: 'Příspěvek úřadu práce (mimořádná okamžitá pomoc)', amountKc: 12000 },
			{ source: 'Vlastní podíl rodiny', amountKc: 6000 }
		]
	},
	{
		key: 'bunk-bed',
		organisation: 'praha',
		status: 'submitted',
		category: 'furniture',
		title: 'Patrová postel a matrace pro dva syny',
		situation:
			'Matka se dvěma syny (7 a 11 let) se po odchodu od násilného partnera přestěhovala do malého obecního bytu, který získala v rámci sociálního bydlení. Byt je nezařízený, z původní domácnosti si odvezla jen oblečení a osobní věci. Chlapci nyní spí na jedné matraci na zemi, oba se v noci často budí a mladší syn má potíže se soustředěním ve škole. V malém dětském pokoji se vejde jen patrová postel. Ostatní vybavení matka postupně pořizuje z vlastních úspor a z bazarů.',
		impact:
			'Každý z chlapců bude mít vlastní místo na spaní, což přispěje ke klidnějšímu spánku a lepšímu soustředění ve škole. Patrová postel ušetří místo v malém pokoji, kde si děti mohou hrát a psát úkoly.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: 'Praha 14',
		urgency: 'normal',
		neededInDays: 30,
		items: [
			{
				description: 'Rám patrové postele, borovice, 90×200 cm',
				quantity: 1,
				unitPriceKc: 5990,
				link: 'https://www.ikea.com/cz/cs/search/?q=mydal+ram+palandy+borovice'
			},
			{
				description: 'Pěnová matrace, 90×200 cm',
				quantity: 2,
				unitPriceKc: 1990,
				link: 'https://www.ikea.com/cz/cs/search/?q=asvang+penova+matrace+stredne+tvrda+svetle+modra'
			},
			{ description: 'Přikrývka a polštář (sada)', quantity: 2, unitPriceKc: 599 },
			{ description: 'Povlečení', quantity: 2, unitPriceKc: 399 }
		],
		otherFunding: [{ source: 'Vlastní podíl rodiny', amountKc: 1000 }]
	},
	{
		key: 'play-therapy',
		organisation: 'brno',
		status: 'submitted',
		category: 'health',
		title: 'Herní terapie pro dceru (6 let) – 10 sezení',
		situation:
			'Dcera (6 let) byla dlouhodobě svědkem násilí otce vůči matce, včetně posledního útoku, po kterém byl otec vykázán a nyní je proti němu vedeno trestní řízení. Od té doby má dívka noční děsy, ve školce se stahuje do sebe a na hlasitější zvuky reaguje úzkostně. Dětská psycholožka doporučila herní terapii. Terapeutka s volnou kapacitou nemá smlouvu se zdravotní pojišťovnou a čekací doba u smluvních pracovišť je přes půl roku. Matka je na rodičovské dovolené s mladším synem a terapii z vlastních prostředků uhradit nemůže.',
		impact:
			'Pravidelná herní terapie pomůže dceři zpracovat traumatické zážitky bezpečnou a jejímu věku přiměřenou formou. Cílem je zmírnit úzkosti a poruchy spánku a usnadnit jí nástup do první třídy v září.',
		adults: 1,
		children: ['6-10', '0-2'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'normal',
		neededInDays: 21,
		items: [{ description: 'Sezení herní terapie (50 minut)', quantity: 10, unitPriceKc: 1100 }],
		otherFunding: [{ source: 'Vlastní podíl rodiny', amountKc: 1000 }]
	},

	// --- in review ---
	{
		key: 'washing-machine',
		organisation: 'praha',
		status: 'in_review',
		category: 'appliances',
		title: 'Pračka do nového bytu pro matku se třemi dětmi',
		situation:
			'Klientka se třemi dětmi se po pobytu v azylovém domě přestěhovala do pronajatého bytu v okrese Praha-západ, kde je nájem dostupnější než v Praze. Intervenční centrum s rodinou dále pracuje. Byt má kuchyňskou linku, ale chybí v něm pračka. Klientka pere ručně nebo v placené prádelně, což je se třemi dětmi, z nichž nejmladší (2 roky) ještě na noc nosí pleny, časově i finančně neudržitelné. Otec dětí neplatí výživné, jeho vymáhání se řeší soudně.',
		impact:
			'Pračka klientce ušetří několik hodin týdně i peníze za prádelnu. Uvolněný čas může věnovat dětem a práci a děti budou mít vždy čisté oblečení do školy a školky.',
		adults: 1,
		children: ['6-10', '3-5', '0-2'],
		region: 'CZ020',
		district: 'Praha-západ',
		urgency: 'normal',
		neededInDays: 30,
		items: [
			{
				description: 'Pračka s předním plněním, 7 kg, energetická třída A',
				quantity: 1,
				unitPriceKc: 8490,
				link: 'https://www.alza.cz/search.htm?exps=beko+b3wfu57215wb'
			},
			{ description: 'Doprava, vynesení a zapojení', quantity: 1, unitPriceKc: 690 }
		],
		otherFunding: [{ source: 'Vlastní podíl rodiny', amountKc: 1500 }]
	},
	{
		key: 'laptop-school',
		organisation: 'brno',
		status: 'in_review',
		category: 'school',
		title: 'Notebook pro syna (15 let) na online výuku a domácí přípravu',
		situation:
			'Syn (15 let) je v prvním ročníku střední odborné školy. Po útoku otce na matku, u kterého byl přítomen, se matka s oběma dětmi na doporučení policie přestěhovala do utajeného azylového domu v jiném kraji. Syn se po dobu pobytu vzdělává podle individuálního vzdělávacího plánu – část výuky probíhá online a úkoly odevzdává přes školní systém. Dosud používal jen mobilní telefon, na kterém nelze zpracovávat seminární práce ani technické výkresy. Rodinný počítač zůstal v bytě otce.',
		impact:
			'S vlastním notebookem syn zvládne online výuku i odevzdávání prací a nebude muset přerušit studium. Udržet kontakt se školou a spolužáky je pro něj v této nejisté době důležitou oporou.',
		adults: 1,
		children: ['15-17', '11-14'],
		region: 'CZ064',
		// Left empty on purpose: the family is in a confidential safe house.
		district: null,
		urgency: 'high',
		neededInDays: 14,
		items: [
			{
				description: 'Notebook 15,6" (Intel Core i5, 16 GB RAM, 512 GB SSD)',
				quantity: 1,
				unitPriceKc: 14990,
				link: 'https://www.alza.cz/search.htm?exps=lenovo+ideapad+slim+3+15iah8'
			},
			{ description: 'Brašna na notebook', quantity: 1, unitPriceKc: 490 },
			{ description: 'Bezdrátová myš', quantity: 1, unitPriceKc: 299 }
		],
		otherFunding: [{ source: 'Příspěvek školy ze sociálního fondu', amountKc: 3000 }]
	},

	// --- info requested ---
	{
		key: 'school-trip',
		organisation: 'praha',
		status: 'info_requested',
		category: 'school',
		title: 'Školní pomůcky a škola v přírodě pro dceru (9 let)',
		situation:
			'Matka s dcerou (9 let) žije od léta v azylovém domě po odchodu od partnera, který ji opakovaně fyzicky napadal. Dcera přestoupila do nové školy v blízkosti azylového domu a chybí jí většina pomůcek – aktovku, penál, výtvarné potřeby i cvičební úbor musela nechat v bývalém bydlišti. Třída v květnu jede na pětidenní školu v přírodě a záloha je splatná do konce měsíce. Matka si hledá práci, zatím pobírá dávky hmotné nouze.',
		impact:
			'Dcera bude mít ve škole vše potřebné jako ostatní děti a bude se moci s novou třídou zúčastnit školy v přírodě. Společný pobyt jí pomůže navázat kamarádství a lépe se začlenit do nového kolektivu.',
		adults: 1,
		children: ['6-10'],
		region: 'CZ010',
		district: 'Praha 8',
		urgency: 'normal',
		neededInDays: 20,
		items: [
			{ description: 'Školní aktovka', quantity: 1, unitPriceKc: 1890 },
			{ description: 'Penál s náplní', quantity: 1, unitPriceKc: 450 },
			{ description: 'Výtvarné a psací potřeby', quantity: 1, unitPriceKc: 650 },
			{
				description: 'Cvičební úbor a sálová obuv',
				quantity: 1,
				unitPriceKc: 790,
				link: 'https://www.decathlon.cz/search?Ntt=detska+salova+obuv+ess+100'
			},
			{
				description: 'Škola v přírodě (5 dní, ubytování, strava, program)',
				quantity: 1,
				unitPriceKc: 4200
			}
		],
		otherFunding: [{ source: 'Příspěvek spolku rodičů při škole', amountKc: 800 }],
		thread: [
			{
				from: 'coordinator',
				text: 'Děkujeme za žádost. Může část ceny školy v přírodě uhradit škola? A do kdy přesně je potřeba zaplatit zálohu?'
			},
			{
				from: 'social_worker',
				text: 'Spolek rodičů přispěje 800 Kč, to je uvedeno v jiných zdrojích. Záloha 2 000 Kč je splatná do konce měsíce, doplatek do poloviny dubna.'
			},
			{
				from: 'coordinator',
				text: 'Děkuji. Posílá se platba přímo na účet školy, nebo ji hradí matka? A je v ceně 4 200 Kč i doprava?'
			}
		]
	},
	{
		key: 'food-vouchers',
		organisation: 'brno',
		status: 'info_requested',
		category: 'food',
		title: 'Potravinové poukázky na první měsíc v krizovém bytě',
		situation:
			'Matka se čtyřmi dětmi odešla od manžela po letech psychického a ekonomického násilí. Manžel ovládal veškeré příjmy rodiny, klientka neměla přístup k účtu a nemá žádné úspory. Rodina od minulého týdne bydlí v krizovém bytě. Žádost o příspěvek na živobytí je podaná, první výplata však přijde nejdříve za několik týdnů. Přídavky na děti i rodičovský příspěvek dosud chodily na účet manžela a jejich převod na klientku se teprve vyřizuje.',
		impact:
			'Poukázky zajistí rodině jídlo a základní drogerii na přechodné období, než začnou dávky chodit na účet klientky. Matka nebude kvůli nedostatku peněz nucena zvažovat návrat k manželovi.',
		adults: 1,
		children: ['11-14', '6-10', '3-5', '0-2'],
		region: 'CZ064',
		district: 'Brno-venkov',
		urgency: 'urgent',
		neededInDays: 3,
		items: [
			{ description: 'Poukázka na potraviny v hodnotě 500 Kč', quantity: 12, unitPriceKc: 500 },
			{ description: 'Drogerie a hygienické potřeby (pleny, prací prášek)', quantity: 1, unitPriceKc: 1200 }
		],
		otherFunding: [{ source: 'Potravinová banka (potravinové balíčky)', amountKc: 1500 }],
		thread: [
			{
				from: 'coordinator',
				text: 'Byla už na úřadu práce podána žádost o mimořádnou okamžitou pomoc? Pokud ano, v jaké výši a kdy se čeká rozhodnutí?'
			}
		]
	},

	// --- ready ---
	{
		key: 'safe-house-travel',
		organisation: 'praha',
		status: 'ready',
		category: 'transport',
		title: 'Cestovné a převoz věcí do utajeného azylového domu',
		situation:
			'Klientka s dvěma dětmi je akutně ohrožena bývalým partnerem, který ji opakovaně sleduje a vyhrožuje jí. Policie i intervenční centrum doporučily přesun do utajeného azylového domu mimo Prahu, místo je potvrzené od příštího týdne. Klientka nemá auto a s malými dětmi a nejnutnějšími věcmi nemůže cestovat hromadnou dopravou s několika přestupy. Potřebuje jednorázově uhradit jízdenky na vlak, taxi na nádraží a z nádraží do azylového domu a převoz několika krabic s oblečením a hračkami.',
		impact:
			'Rodina se bezpečně a rychle přesune do utajeného azylového domu, aniž by partner zjistil, kam odjela. Děti budou mimo dosah násilí a klientka může v klidu začít řešit bydlení a další kroky.',
		adults: 1,
		children: ['3-5', '6-10'],
		region: 'CZ010',
		district: 'Praha 10',
		urgency: 'urgent',
		neededInDays: 5,
		items: [
			{ description: 'Jízdenky na vlak (1 dospělý, 2 děti)', quantity: 1, unitPriceKc: 980 },
			{ description: 'Taxi na nádraží a z nádraží do azylového domu', quantity: 2, unitPriceKc: 650 },
			{ description: 'Přeprava zavazadel (4 krabice)', quantity: 1, unitPriceKc: 900 }
		],
		otherFunding: [],
		thread: [
			{
				from: 'coordinator',
				text: 'Je nástup do azylového domu už potvrzený? Do kdy musí být peníze k dispozici?'
			},
			{
				from: 'social_worker',
				text: 'Ano, nástup je potvrzený na příští týden. Jízdenky kupujeme den předem, peníze potřebujeme nejpozději tři dny před odjezdem.'
			}
		]
	},
	{
		key: 'fridge',
		organisation: 'brno',
		status: 'ready',
		category: 'appliances',
		title: 'Lednice s mrazákem pro matku se dvěma dětmi',
		situation:
			'Klientka s dvěma dětmi (4 a 8 let) se po odchodu od násilného manžela přestěhovala do nájemního bytu od města. Byt je bez spotřebičů. Lednička, kterou rodina dostala darem, nechladí a oprava se nevyplatí. Potraviny klientka skladuje na balkoně a nakupuje denně po malých množstvích, což je dražší. Mladší dcera má potravinovou alergii a potřebuje speciální stravu, kterou je nutné uchovávat v chladu. Klientka pracuje na částečný úvazek a výživné od otce dětí chodí nepravidelně.',
		impact:
			'Lednice s mrazákem umožní klientce nakupovat a vařit hospodárně do zásoby a bezpečně uchovávat dietní potraviny pro dceru. Rodina tak každý měsíc ušetří část výdajů za jídlo.',
		adults: 1,
		children: ['3-5', '6-10'],
		region: 'CZ064',
		district: 'Brno-město',
		urgency: 'normal',
		neededInDays: 21,
		items: [
			{
				description: 'Kombinovaná lednice s mrazákem dole, výška 180 cm',
				quantity: 1,
				unitPriceKc: 9990,
				link: 'https://www.alza.cz/search.htm?exps=gorenje+nrk6182pw4'
			},
			{ description: 'Doprava a vynesení do patra', quantity: 1, unitPriceKc: 590 }
		],
		otherFunding: [{ source: 'Příspěvek úřadu práce (mimořádná okamžitá pomoc)', amountKc: 4000 }],
		thread: [
			{
				from: 'coordinator',
				text: 'Nepokryje lednici celou mimořádná okamžitá pomoc? V jaké výši byla přiznána?'
			},
			{
				from: 'social_worker',
				text: 'Úřad práce přiznal 4 000 Kč, více podle svého rozhodnutí neposkytne. Částku jsme uvedli v jiných zdrojích.'
			}
		]
	},

	// --- rejected ---
	{
		key: 'rent-arrears',
		organisation: 'praha',
		status: 'rejected',
		category: 'housing',
		title: 'Úhrada dluhu na nájemném',
		situation:
			'Klientka s dcerou (13 let) žije v nájemním bytě, ze kterého byl partner vykázán a následně se odstěhoval. Během soužití partner spravoval rodinné finance a přestal platit nájem, aniž by o tom klientka věděla. Dluh na nájemném za poslední čtyři měsíce nyní dosahuje výše, kterou klientka ze svého příjmu nesplatí. Pronajímatel hrozí výpovědí z nájmu. Klientka by ráda v bytě zůstala, dcera chodí do školy v okolí a má tam zázemí.',
		impact:
			'Uhrazení dluhu by zabránilo výpovědi z nájmu a ztrátě bydlení. Klientka by mohla dál řádně platit nájem a dcera by nemusela měnit školu ani opouštět kamarády.',
		adults: 1,
		children: ['11-14'],
		region: 'CZ010',
		district: 'Praha 5',
		urgency: 'high',
		neededInDays: 14,
		items: [{ description: 'Dlužné nájemné za 4 měsíce', quantity: 4, unitPriceKc: 15500 }],
		otherFunding: [],
		reason:
			'Úhrada dluhů je podle pravidel klubu mimo rozsah podpory – financujeme konkrétní věci a služby pro děti a rodiny. Doporučujeme dluhové poradenství, dohodu o splátkách s pronajímatelem a žádost o doplatek na bydlení nebo mimořádnou okamžitou pomoc na úřadu práce.'
	},

	// --- duplicate: the same family's bunk bed, sent a second time by mistake ---
	{
		key: 'bunk-bed-again',
		organisation: 'praha',
		status: 'duplicate',
		category: 'furniture',
		title: 'Patrová postel pro dva syny',
		situation:
			'Matka se dvěma syny (7 a 11 let) se po odchodu od násilného partnera přestěhovala do malého obecního bytu, který získala v rámci sociálního bydlení. Byt je nezařízený, z původní domácnosti si odvezla jen oblečení a osobní věci. Chlapci nyní spí na jedné matraci na zemi a oba se v noci často budí. V malém dětském pokoji se vejde jen patrová postel.',
		impact:
			'Každý z chlapců bude mít vlastní místo na spaní, což přispěje ke klidnějšímu spánku a lepšímu soustředění ve škole. Patrová postel ušetří místo v malém pokoji.',
		adults: 1,
		children: ['6-10', '11-14'],
		region: 'CZ010',
		district: 'Praha 14',
		urgency: 'normal',
		neededInDays: 30,
		items: [
			{
				description: 'Rám patrové postele, borovice, 90×200 cm',
				quantity: 1,
				unitPriceKc: 5990,
				link: 'https://www.ikea.com/cz/cs/search/?q=mydal+ram+palandy+borovice'
			},
			{ description: 'Pěnová matrace, 90×200 cm', quantity: 2, unitPriceKc: 1990 }
		],
		otherFunding: [],
		thread: [
			{
				from: 'coordinator',
				text: 'Tato žádost se shoduje s již podanou žádostí o patrovou postel pro stejnou rodinu. Označuji ji jako duplicitní, dál posuzujeme tu první.'
			},
			{
				from: 'social_worker',
				text: 'Děkuji, formulář jsem omylem odeslala dvakrát.'
			}
		],
		duplicateOfKey: 'bunk-bed'
	},

	// --- withdrawn ---
	{
		key: 'swimming-course',
		organisation: 'brno',
		status: 'withdrawn',
		category: 'leisure',
		title: 'Kurz plavání pro syna (8 let)',
		situation:
			'Matka se synem (8 let) a dcerou (5 let) se po odchodu od partnera, který ji opakovaně napadal, dočasně přestěhovala k prarodičům do okresu Třebíč. Případ zatím vede náš OSPOD, předání místně příslušnému úřadu se připravuje. Syn v období násilí doma trpěl úzkostmi a dětský psychiatr mu doporučil pravidelný pohyb v kolektivu. Syn neumí plavat a o kurz plavání sám projevil zájem. Matka je po odchodu bez příjmu ze zaměstnání a čeká na vyřízení dávek.',
		impact:
			'Pravidelný kurz synovi pomůže zvládat úzkost, najít si kamarády v novém prostředí a naučit se plavat, což je v jeho věku důležitá dovednost i pro školní výuku plavání.',
		adults: 1,
		children: ['6-10', '3-5'],
		region: 'CZ063',
		district: 'Třebíč',
		urgency: 'normal',
		neededInDays: 45,
		items: [
			{ description: 'Pololetní kurz plavání (15 lekcí)', quantity: 1, unitPriceKc: 2850 },
			{
				description: 'Dětské plavky a plavecké brýle',
				quantity: 1,
				unitPriceKc: 548,
				link: 'https://www.decathlon.cz/search?Ntt=chlapecke+plavky+boxerky+100+basic'
			}
		],
		otherFunding: [],
		reason: 'Kurz nakonec uhradili prarodiče, rodina pomoc klubu již nepotřebuje.'
	}
];
