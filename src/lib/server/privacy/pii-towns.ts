// Places that are too big to identify a family, for the municipality rule in pii-places.ts: district
// towns, statutory cities, towns of roughly 15 000 people and more, big quarters of Prague, Brno and
// Ostrava, countries and big foreign cities. "Bydlí v Kolíně" is fine; "bydlí v Kunžaku" is not.
// Nominative forms, one place a line; irregular case forms (Praha → Praze) are listed after a slash.
// pii-places.ts compares word stems, so Kolín also covers Kolíně, Kolína, Kolínem.
export const largePlaces = `
Praha/Praze|Brno|Ostrava|Plzeň|Liberec|Olomouc|České Budějovice|Hradec Králové|Ústí nad Labem|Pardubice
Zlín|Havířov|Kladno|Most|Opava|Frýdek-Místek|Karviná|Jihlava|Teplice|Děčín|Karlovy Vary|Chomutov|Jablonec nad Nisou
Mladá Boleslav|Prostějov|Přerov|Česká Lípa|Třebíč|Třinec|Tábor|Znojmo|Příbram|Kolín|Cheb|Písek|Trutnov|Orlová
Kroměříž|Vsetín|Šumperk|Uherské Hradiště|Břeclav|Hodonín|Český Těšín|Litvínov|Havlíčkův Brod|Nový Jičín
Chrudim|Krnov|Litoměřice|Sokolov|Strakonice|Valašské Meziříčí|Klatovy|Kopřivnice|Jindřichův Hradec|Bohumín
Kutná Hora|Žďár nad Sázavou|Vyškov|Blansko|Beroun|Náchod|Mělník
Louny|Svitavy|Jičín
Pelhřimov|Rakovník|Bruntál|Nymburk
Rychnov nad Kněžnou|Jeseník|Jeseník
Semily|Domažlice|Tachov|Rokycany|Prachatice|Český Krumlov|Ústí nad Orlicí
Frenštát pod Radhoštěm
Beskydy|Krkonoše|Šumava/Šumavě|Jeseníky/Jesenících|Vysočina|Morava|Slezsko|Čechy/Čechách|Haná/Hané|Polabí
Posázaví|Podkrkonoší|Pošumaví|Podještědí|Valašsko|Slovácko|Chodsko|Orlické hory|Brdy
Benešov|Vinohrady|Žižkov|Smíchov|Karlín|Libeň|Holešovice|Nusle|Modřany|Letňany|Kobylisy|Bohnice|Prosek
Vysočany|Strašnice|Hostivař|Stodůlky|Řepy|Dejvice|Břevnov|Krč|Podolí|Michle|Záběhlice|Černý Most|Jižní Město
Bubeneč|Troja|Čakovice|Kbely|Zličín|Uhříněves|Radotín|Zbraslav|Braník|Pankrác|Motol|Bulovka|Vršovice
Bystrc|Líšeň|Židenice|Královo Pole|Žabovřesky|Starý Lískovec|Řečkovice|Černovice
Poruba|Vítkovice|Hrabůvka|Dubina|Bělský Les|Mariánské Hory|Přívoz|Lochotín|Doubravka|Slovany|Bory
Ukrajina|Slovensko|Vietnam|Rusko|Německo|Polsko|Rakousko|Rumunsko|Mongolsko|Maďarsko|Bělorusko|Moldavsko
Gruzie|Arménie|Ázerbájdžán|Kazachstán|Uzbekistán|Kyrgyzstán|Tádžikistán|Turecko|Sýrie|Irák|Írán|Afghánistán
Pákistán|Indie|Bangladéš|Čína|Filipíny|Thajsko|Nigérie|Maroko|Alžírsko|Tunisko|Egypt|Libye|Eritrea|Somálsko
Kongo|Angola|Itálie|Španělsko|Francie|Anglie|Británie|Velká Británie|Irsko|Skotsko|Belgie|Holandsko|Nizozemsko
Švýcarsko|Švédsko|Norsko|Dánsko|Finsko|Řecko|Bulharsko|Srbsko|Chorvatsko|Slovinsko|Bosna|Albánie|Kosovo
Makedonie|Litva|Lotyšsko|Estonsko|Portugalsko|Amerika|USA|Kanada|Mexiko|Brazílie|Kuba|Evropa|Asie|Afrika
Kyjev|Charkov|Lvov|Lviv|Oděsa|Dnipro|Dněpr|Záporoží|Mariupol|Cherson|Mykolajiv|Vinnycja|Poltava|Černihiv
Bratislava|Košice|Prešov|Žilina|Nitra|Banská Bystrica|Trnava|Martin|Trenčín|Poprad|Moskva|Petrohrad|Minsk
Kišiněv|Hanoj|Ho Či Minovo Město|Saigon|Ulánbátar|Vídeň|Berlín|Mnichov|Drážďany|Varšava|Krakov|Budapešť
Bukurešť|Londýn|Paříž|Řím|Madrid|Istanbul|Istanbulu|Kábul|Damašek|Bagdád|Teherán
`;
