// Name lists for the anonymisation guard (pii.ts). Only nominative forms are listed here: pii.ts
// generates the case forms (Jana → Jany, Janě, Janu, Jano, Janou; Novák → Nováka, Novákovi …) and the
// female surnames (Novák → Nováková, Černý → Černá) by declension rules.
// The lists are space-separated so they stay compact and easy to extend.

/** Female first names, Czech and Slovak, with common diminutives. */
export const femaleFirstNames = `
Adéla Adélka Adriana Agáta Agnes Aleksandra Alena Alenka Alexandra Alice Alena Alžběta Amálie Amálka Amélie
Anastázie Anděla Andrea Aneta Anežka Anna Anička Anča Andulka Antonie Apolena Ariana Aurélie Ája Áďa
Barbora Bára Barunka Baruška Beáta Běla Berenika Bětka Bětuška Blanka Blažena Bohdana Bohumila Bohunka Božena
Dagmar Dana Danuše Danuška Daniela Darina Dáša Dášenka Denisa Deniska Diana Dita Dominika Dominička Domča Dorota
Drahomíra Drahuše Dušana
Edita Ela Elena Eliška Elinka Elen Ellen Ema Emička Emílie Emilie Erika Ester Eva Evička Evka Evelína
Františka Františka Gabriela Gábina Gabča Gizela Hana Hanka Hanička Hedvika Helena Helenka Herta
Ilona Ingrid Irena Irenka Iva Ivana Ivanka Ivka Iveta
Jana Janička Janinka Jarmila Jaroslava Jaruška Jarka Jindřiška Jiřina Jitka Jituška Johana Jolana Josefa
Julie Julinka Julča Jůlie Justýna Kamila Karin Karolína Kája Kateřina Katka Kačka Kačenka Katuška Kristina
Kristýna Kristýnka Týna Klára Klárka Klaudie Květa Květoslava Květuška
Laura Lea Lenka Lenička Leona Libuše Libuška Lída Lidmila Linda Lucie Lucinka Lucka Ludmila Lída Lýdie Lilly
Magdaléna Magda Majda Marcela Marcelka Margita Marie Maruška Mařenka Máňa Mája Marika Marta Martina Markéta
Markétka Matylda Michaela Míša Milada Milena Miloslava Miluše Miluška Miroslava Mirka Monika Monička
Naděžda Natálie Natálka Natka Nela Nelinka Nelča Nikola Nikolka Nikol Nina Noemi Olga Olinka Olívie Oldřiška
Patricie Paula Pavla Pavlína Pavlínka Petra Péťa Peťka Petruška Radana Radka Radmila Radunka Regina Renata
Renáta Romana Rozálie Rozárka Růžena Sabina Sabinka Sandra Sára Sárinka Silvie Simona Simonka Sofie Sofinka
Soňa Stanislava Stela Stelinka Světla Svatava Šárka Šárinka Štěpánka Taťána Tamara Tereza Terezka Terka
Valérie Vanda Vanesa Vendula Vendulka Věra Věruška Veronika Verunka Verča Viktorie Viktorka Vilma Vlasta
Vladimíra Vladěna Yvona Zdenka Zdena Zdenička Zina Zita Zlata Zora Zuzana Zuzka Zuzanka Zuzička Žaneta Žofie
Ľubica Ľudmila Mária Katarína Jozefína Alžbeta Anastázia Soňa Lívia Kiara Samanta Sindy Nikoleta Denisa
Anežička Aninka Eli Elča Jůlinka Klárinka Kamilka Karolínka Kamča Lenča Maja Májinka Sofi Terezička Viki Žanetka
Gábinka Gábi Káťa Kateřinka Lidka Ludmilka Magdalenka Olča Renatka Vlastička Žofka Žofinka Týnka Nikča
Jiřinka Evelínka Emča Bibiana Rozálka Amélka Šarlota Valentýna Agátka Laurinka Mia Mila Milča Milka Stáňa
Ruth Rút Miriam Rebeka Ráchel Sarah Beata Bianka Bohuslava Dobromila Eleonora Eugenie Gertruda Ivona Izabela
Jasmína Judita Karla Kornélie Leontýna Lilian Liliana Luisa Melánie Nora Otýlie Petronela Xenie Zdeňka Zoe
Zorka Ella Emily Kira Lili Mariana Marianna Stella Tina Valentina Viola
`;

/** Male first names, Czech and Slovak, with common diminutives. */
export const maleFirstNames = `
Adam Adámek Albert Aleš Alexandr Alexej Alois Lojza Antonín Tonda Toník Arnošt Artur Bedřich Bohdan Bohumil
Bohuslav Bohouš Boris Bořek Břetislav Ctibor Čeněk Dalibor Daniel Dan Dáňa David Davídek Denis Dominik Dušan
Eduard Emil Erik Evžen Filip Filípek František Franta Frantík Gustav Hubert Hynek Ignác Igor Ivan Ivo Izidor
Jakub Kuba Kubík Kubíček Jan Honza Honzík Honzíček Jeník Jaromír Jarda Jaroslav Jindřich Jindra Jiří Jirka
Jiřík Josef Pepa Pepík Pepíček Kamil Karel Kája Karlík Kryštof Ladislav Láďa Laďa Leoš Libor Lubomír Luboš
Ludvík Lukáš Lukášek Marcel Marek Martin Martínek Matěj Matějíček Matouš Matýsek Matyáš Max Maxmilián Michal
Michálek Mikuláš Milan Miloš Milošek Miloslav Miroslav Mirek Míra Mojmír Norbert Oldřich Olda Ondřej Ondra
Ondrášek Oskar Otakar Ota Patrik Pavel Pavlík Petr Péťa Petřík Přemysl Radek Radim Radomír Radovan Rostislav
Richard Robert Robin Roman Rudolf Samuel Sebastián Stanislav Standa Svatopluk Šimon Šimonek Štěpán Tadeáš
Teodor Tobiáš Tomáš Tomášek Vácslav Václav Vašek Vašík Venca Valentýn Viktor Vilém Vít Vítek Vítězslav
Vladimír Vláďa Vladislav Vlastimil Vlastík Vojtěch Vojta Vojtík Zbyněk Zdeněk Zdenek Zikmund Jonáš Jáchym
Kristián Nikolas Nicolas Ondrej Ján Jozef Štefan Peter Ľubomír Marián Matej Juraj Branislav Dežo Fero Gejza
Kevin Rudolf Vojtěch Mikoláš Eliáš Hugo Leo Leon Lev Noe Tim Timotej Theodor Benjamin Emanuel
Kvido Jura Jurka Jurek Jiříček Slávek Stáník Ríša Ríšánek Radeček Dáda Daneček Mareček Marťa Máťa Tomík Kájík
Fanda Lojzík Jindříšek Bohoušek Venda Vendelín Vašíček Jakoubek Pavlíček Pája Štěpa Páťa Sebík Tobík
Jarouš Jaroušek Mirda Otík Oldík Ruda Rudík Jožka Pepan Kristiánek Čenda Vojtíšek Matýs Vítek Bertík Šimonek
Luděk Ivoš Bořivoj Drahoslav Lumír Slavomír Vratislav Ctirad Dobroslav Jonatán Julius Konstantin Leopold Lubor
Metoděj Otto Radoslav René Svatoslav Šebestián Tibor Valentin Vavřinec Viliam Vincenc Zbyšek Albín Cyril Felix
Gabriel Herbert Julián Marian Michael Oliver Rafael Adrian Alan Alex Damián Darek Elias Ethan Jeremiáš Kilián
Matias Matteo Nathan Noah Sebastian Theo Vladan William Kristof
`;

/** First names common among clients from Ukraine, Russia, Belarus and Moldova (Czech and Latin spellings). */
export const easternFirstNames = {
	female: `
Oksana Olena Olga Olha Tetiana Tetjana Taťjana Tatiana Tatjana Iryna Irina Kateryna Katerina Jekatěrina Nataliia
Natalija Natalia Natalja Nataša Svitlana Světlana Svetlana Halyna Galina Ljudmila Liudmyla Ljudmyla Yulia Yuliia
Julija Julia Viktoriia Viktorija Anastasiia Anastasija Anastasia Nasťa Mariia Marija Daria Darja Darija Valentyna
Valentina Larysa Larisa Lesia Lesja Solomiia Solomija Zoriana Inna Alla Nadiia Nadija Nadežda Oleksandra Alona
Aljona Ksenia Ksenija Kseniia Polina Sofiia Sofija Uliana Uljana Vira Liubov Ljubov Hanna Ganna Zoja Khrystyna
Chrystyna Marina Maryna Yana Jana Snizhana Snižana Ivanna Vladyslava Oksanka Lilia Lilija Alina Karina Veronika
Raisa Tamara Ljuba Lena Olesja Olesia Maša Máša Tanja Táňa Olja Dáša Žeňa Káťa
`,
	male: `
Andrii Andrij Andrej Andriy Mykola Mykolaj Nikolaj Oleksandr Olexandr Oleksandr Alexandr Serhii Serhij Sergej
Sergii Volodymyr Vladimir Dmytro Dmitrij Dmitrii Bohdan Taras Yurii Jurij Juri Vasyl Vasil Vasilij Petro Oleh
Oleg Ihor Igor Maksym Maxim Maksim Artem Artiom Vitalii Vitalij Denys Denis Yaroslav Jaroslav Ivan Roman Stepan
Mychajlo Mykhailo Michail Myroslav Anatolii Anatolij Valerii Valerij Viktor Yevhen Jevhen Jevgenij Ruslan
Nazar Bohdan Danylo Danilo Kyrylo Kirill Matvii Matvij Timur Arsenii Arsenij Rostyslav Stanislav Vadym Vadim
Volodia Voloďa Saša Paša Kolja Serhiy Alexej Oleksii Oleksij Anton Fedir Fjodor Hryhorii Hryhorij Grigorij
Leonid Pavlo Semen Taras Zakhar Zachar Illia Ilja Yehor Jehor Ivanko Vova Voloďa Miša Kosťa Vaňa Dima Žeňa
`
};

/** Vietnamese surnames, middle names and given names. Many are short, so pii.ts treats the short ones as
 * weak (counted only next to another name or after a cue). */
export const vietnameseNames = `
Nguyen Nguyễn Tran Trần Le Lê Pham Phạm Hoang Hoàng Huynh Huỳnh Phan Vu Vũ Vo Võ Dang Đặng Bui Bùi Do Đỗ Ho Hồ
Ngo Ngô Duong Dương Ly Lý Dinh Đinh Trinh Trịnh Truong Trương Lam Lâm Mai Cao Luong Lương Ta Tạ Quach Doan Đoàn
Thi Thị Van Văn Duc Đức Huu Hữu Ngoc Ngọc Thanh Minh Quoc Quốc
Linh Huong Hương Lan Hoa Tuan Tuấn Hung Hùng Anh Thao Thảo Trang Hanh Hạnh Hai Hải Long Nam Phuong Phương Hieu
Hiếu Khanh Khánh Quang Quynh Quỳnh Thu Thuy Thủy Tung Tùng Vy Yen Yến Nhung Hang Hằng Hien Hiền Dung Dũng Son Sơn
Cuong Cường Thuan Thuận Tam Tâm Nga Loan Diep Diệp Binh Bình Khoa Phuc Phúc Bao Bảo Giang Tien Tiến Dat Đạt Kim
Ha Hà Viet Việt Nhi Nhu Như Chi Uyen Uyên Dao Đào Thuy Ngoc Trung Thang Thắng Vinh Hau Hậu
`;

/** First names from Mongolia, Romania and Arabic-speaking countries, and other names seen among clients. */
export const otherFirstNames = `
Bat-Erdene Batbayar Batbajar Bold Bolormaa Erdene Enkhjargal Enchžargal Ganbaatar Ganbat Oyun Ojun Oyuntsetseg
Tsetseg Cecegmaa Sarangerel Narantsetseg Munkhbat Altantsetseg Khulan Chulan Gerel Tuya Nomin Ariunaa Bayarmaa
Tömör Temuujin Davaa Sukhbaatar Uyanga Odval Naran Enkhtuya Zolzaya Anu Otgon
Ion Ionuț Ionut Andrei Mihai Gheorghe Vasile Constantin Florin Adrian Cristian Ionela Ioana Andreea Mihaela
Alexandru Dumitru Costel Marius Ovidiu Cătălin Catalin Nicoleta Florentina Georgiana Roxana Loredana Madalina
Mohammed Mohamed Muhammad Mohammad Ahmad Ahmed Ali Omar Hassan Hasan Hussein Husajn Youssef Yusuf Jusuf Ibrahim
Khaled Chálid Khalid Mustafa Abdullah Karim Samir Fatima Fatma Aisha Ajša Amina Mariam Maryam Leila Lejla Layla
Nour Noor Zainab Zajnab Yasmin Jasmin Rania Huda Salma Rashid Tariq Walid Hamza Bilal Zaid Nadia Nadja Rim Reem
Hiba Dalia Samira Jamila Aziz Mahmoud Mahmud Abdul Yousef Rami Sami Fadi Malik Anas Osama Usama Amir Amira
Emir Emira Elif Aylin Mehmet Ahmet Ayşe Zeynep Merve Murat Emre Selin
Kevin Dajana Daniela Sabrina Vanessa Jessica Jennifer Michelle Nicole Cindy Samuel Kristián Elvis Ramon
Giovanni Angelina Esmeralda Magdalena Rebeka Ráchel Marko Goran Dragan Milica Jelena Ana Ivana Sanja
Juan Carlos Pablo Jorge Luis Carmen Rosa Lucía Sofía Isabel José Miguel Ana
Aleksander Wojciech Krzysztof Piotr Agnieszka Małgorzata Katarzyna Joanna Magdalena Kasia
John Michael James David Emily Emma Olivia Sophie Jessica
`;

/** The most common Czech surnames, masculine nominative. Female forms are generated. */
export const czechSurnames = `
Novák Svoboda Novotný Dvořák Černý Procházka Kučera Veselý Horák Němec Marek Pokorný Pospíšil Hájek Jelínek
Král Růžička Beneš Fiala Sedláček Doležal Zeman Kolář Navrátil Čermák Vaněk Urban Blažek Kříž Kovář Kratochvíl
Bartoš Vlček Polák Musil Kopecký Šimek Konečný Malý Holub Čech Štěpánek Staněk Kadlec Dostál Soukup Šťastný
Mareš Moravec Sýkora Tichý Valenta Vávra Matoušek Bláha Říha Ševčík Bureš Hruška Mašek Pavlík Dušek Janda
Hrubý Mach Kopecký Pešek Vacek Kazda Šebesta Havlíček Kubíček Lukáš Kos Sláma Klíma Kozák Bednář Hora Hudec
Skála Kubát Hanák Suchý Tůma Žák Wagner Mráz Vondra Zelenka Tomášek Kolařík Šindelář Vrba Bárta Holý Brož
Šrámek Strnad Dvořáček Šafránek Kočí Krejčí Koudelka Hron Charvát Mikeš Vítek Jireš Bartošek Kalina Stejskal
Zedník Vojtíšek Hronek Votava Kubíček Nový Petrů Sova Kouba Daněk Machala Hladík Jaroš Horáček Pavlů Šimůnek
Vojtek Gregor Bauer Hynek Jiráček Kotek Kocourek Kuchař Trnka Adámek Ryba Toman Kratochvíla Matějka Jakubec
Drábek Slanina Kovařík Hrdlička Kasal Fišer Kubín Cibulka Fojtík Lorenc Zima Svoboda Fořt Beran Hejda Jindra
Pražák Šulc Král Kunc Kaiser Franěk Vlk Tuček Pešta Hampl Rada Kopal Lukeš Marek Nedvěd Hubáček Hrabě Hrubeš
Klimeš Bednařík Šimon Vaníček Kučera Kořínek Paleček Mazánek Chalupa Chalupný Čihák Doubrava Drahoš Dudek
Dvorský Farský Formánek Gabriel Haas Hanus Havel Havlík Heřman Holeček Holub Homola Horký Houdek Hrabal Hradil
Hromádka Hrubý Hudeček Hůla Chmelař Chromý Chvátal Jakeš Janeček Janoušek Jedlička Jeřábek Ježek Jirků Jonáš
Josef Jurečka Kaplan Karas Kašpar Kindl Klein Klement Kliment Knotek Kocián Kohout Kolman Komárek Kopřiva
Kordík Kosina Kotas Koubek Kovač Kozel Krajíček Krámek Krátký Krejčík Krpec Kruml Kuba Kubala Kubeš Kubík
Kučírek Kuneš Kupka Kurka Kvasnička Lacina Langer Lang Lebeda Lederer Linhart Líbal Lisý Litera Lonek Macek
Machač Macháček Mácha Majer Mareček Martínek Masopust Matějček Matys Mazal Melichar Mencl Mička Mikulášek
Mikula Minář Mokrý Moravčík Motl Mrázek Müller Nečas Neumann Nosek Novosad Ondráček Opletal Otáhal Pacák Palán
Pánek Pavelka Pecha Pelc Peroutka Petrák Petráš Petřík Pilař Plachý Plíva Podzimek Polášek Pollák Pospíchal
Pražák Prokop Provazník Průcha Ptáček Rak Rambousek Rejzek Richter Rous Rozsypal Rybář Rychlík Řehák Řezníček
Římánek Sadílek Samek Schneider Schwarz Sedlák Sedláček Seidl Semerád Skalický Skořepa Sládek Slavík Slezák
Smetana Sobotka Sochor Solař Souček Spáčil Stárek Stehlík Straka Stránský Struska Suk Svatoš Svěrák Sýkora
Šafařík Šálek Šebek Šedivý Šilhavý Šimánek Šindler Škoda Šmíd Šnajdr Šolc Špaček Šťastný Štěpán Šubrt Šustr
Švec Tesař Tomek Topinka Trojan Tuček Tvrdík Tyl Uhlíř Urbánek Vacek Valášek Vaňura Vašíček Vašek Veselka
Vicher Vitásek Vlach Vodička Vojáček Vojta Vondráček Vopička Votruba Vybíral Vydra Wolf Zach Zajíc Zámečník
Zapletal Zavadil Zbořil Zdražil Zelinka Zikmund Zouhar Žáček Žižka Bartík Bečka Bílek Bílý Bittner Blaha Bořil
Brabec Brázda Brzobohatý Buček Bukovský Burian Coufal Čapek Čada Čejka Černík Čížek Doležel Dolejš Dubský
Fiedler Filip Forman Frank Fried Fuchs Fürst Hajný Hála Halouzka Hanzlík Hartman Hašek Heger Hejl Hendrych
Hlaváč Hlaváček Hlavatý Hložek Hnilička Horváth Hořejší Hrbek Hruban Hrubý Hudák Husák Jahoda Jandák Janků
Jaroš Jedlička Jílek Jirásek Jiroušek Kábrt Kalous Kaňka Kavka Klečka Klouček Kmoch Kníže Kolář Koller
Konvalinka Kostka Koukal Koutný Kovárník Kozlík Krček Krupička Křížek Kubiš Kudrna Kuchta Lasák Ledvina Levý
Loukota Lukáš Maděra Malina Malík Marša Matuška Mazur Mlčoch Moučka Mucha Navrátil Nejedlý Němeček Nohavica
Novák Paur Pavlas Pech Petera Pilát Pitr Plášek Pleskot Pokorný Polívka Prášek Procházka Rajman Roubal
Roubíček Rybka Říčan Řezáč Sedlář Selinger Sklenář Skopal Slabý Slavíček Smolík Soukal Spurný Srb Staněk
Stoklasa Strejček Suchánek Svatoň Šimáček Škarda Šorm Štěrba Štícha Tomeček Trávníček Trnka Tříska Uher Vala
Valach Vávra Vejvoda Veselý Vilímek Vinš Vít Vitouš Vlasák Vojtek Vorel Voříšek Vrána Vyskočil Zachariáš
Zahradník Zajíček Zálešák Zeman Zikán Zimmermann Zítek Zouhar Žemlička Žídek Žižka Nováček Koubek Kříž Bouška
Hrubeš Šimůnek Baláž Lakatoš Oláh Kotlár Gábor Ferko Giňa Dužda Červeňák Kandráč Pompa Ištok Demeter Mirga
Rusnák Dano Tancoš Žiga Bendík Čonka Šarközi Rigo Stojka Kroščen Horvát Kováč Varga Tóth Nagy Szabó Molnár
Balog Lukáč Oravec Kollár Šimko Kolesár Mészáros Hudák Kováčik Kuchár Sloboda Lukačovič Ondrejka Mikuš Vaško
Krajčí Fekete Kiss Farkaš Baran Gajdoš Beňo Popescu Ionescu Popa Radu Dumitru Stoica Rusu Munteanu Matei
Moldovan Lungu Ciobanu Tudor Ursu Marin Ivanov Petrov Smirnov Kuzněcov Popov Sokolov Lebeděv Kozlov Novikov
Morozov Volkov Pavlov Semenov Golubev Vinogradov Bogdanov Vorobjov Fjodorov Michajlov Belov Tarasov Orlov
Kiseljov Makarov Andrejev Kovaljov Melnyk Melnik Kovalčuk Kovalchuk Tkačuk Tkachuk Boyko Bojko Kravčuk
Kravchuk Oliynyk Olijnyk Polishchuk Poliščuk Lysenko Marčenko Marchenko Rudenko Savčenko Savchenko Kovalenko
Bondarenko Ševčenko Shevchenko Tkačenko Tkachenko Kravčenko Kravchenko Moroz Petrenko Klymenko Klimenko
Pavlenko Ponomarenko Levčenko Lytvyn Lytvynenko Karpenko Sydorenko Hončarenko Honcharenko Kuzmenko Savyckyj
Koval Kovaľ Ostapčuk Romaniuk Romanjuk Hrytsenko Bilous Tymošenko Tymoshenko Melnychuk Melnyčuk Vasylenko
Demčenko Zinčenko Palamarčuk Nguyen Tran Pham Hoang Huynh Phan Dang Bui Ngo Duong Trinh Truong Haddad Hamad
Khalil Nasser Saleh Mansour Abbas Hussain Rahman Aziz Hassan Ibrahim Mahmoud Yilmaz Kaya Demir Ganbold
Batsaikhan Tsogt Enkhbold Dorj Bayar
`;

/** Surname endings that mark a foreign surname even when it is not in the list (Ukrainian, Romanian). */
export const surnameSuffixes = [
	'enko',
	'čuk',
	'chuk',
	'čenko',
	'escu',
	'eanu',
	'ovych',
	'ovyč',
	'ovič',
	'ivna'
];

/** Female first names from the clients' countries of origin that pii.ts declines like Czech feminine
 * names (Yasmin → Yasminou, Zarina → Zarinu, Gulnara → Gulnaře): Ukrainian and Russian, Central Asian
 * and Caucasian, Arabic, Persian and Turkish, Romanian, Slovak, Polish and names common in Roma families. */
export const foreignFemaleFirstNames = `
Alevtyna Albina Anhelina Antonina Valerija Valeriia Vasylyna Dina Zhanna Žanna Karyna Klavdija Lidija Liliia
Liliya Milana Myroslava Nadiya Natalka Nelia Orysia Rimma Roksolana Ruslana Taisiia Tamila Khrystyna
Yaroslava Yevheniia Jevhenija Jevgenija Evgenia Zoryana Zinaida Arina Varvara Vasilisa Elvira Jelizaveta
Lizaveta Jelena Jekaterina Margarita Marharyta Daryna Alisa Anja Anya Asja Inha Marijka Mirra Nastja
Violetta Viktorija Yevheniya Zarina Dilnoza Gulnara Gulnaz Madina Malika Nigora Aziza Dilfuza Feruza Nodira
Shahnoza Sevara Aigul Ajgul Aida Aliya Alija Asel Aigerim Dinara Nargiza Saida Zulfiya Gulshan Nino Tamar
Ketevan Anahit Armine Lusine Gohar Naira Yasmin Yasmina Jasmina Nour Noura Hala Heba Iman Lama Rasha Reem
Ruba Safa Sana Shadia Suha Suad Wafa Zahra Zeinab Zeynep Ayşe Ayse Elif Emine Hatice Hülya Esra Büşra Aylin
Selin Merve Leyla Maryam Mariam Marwa Nasrin Parisa Roya Shirin Soraya Farah Farida Fatemeh Habiba Halima
Khadija Latifa Nahla Nawal Rana Samar Samia Sawsan Yusra Amal Asma Ghada Lubna Manal Najwa Widad Yara
Ioana Andreea Mihaela Cristina Georgiana Larisa Nicoleta Oana Ramona Roxana Bianca Camelia Claudia Corina
Florentina Lavinia Luminița Mirela Monica Raluca Violeta Madalina Mădălina Iulia Anca Loredana Esmeralda
Angelina Dajana Vanesa Sindy Samanta Aranka Ilonka Jessica Jennifer Kimberly Melisa Belinda Brigita
Lucia Natália Viktória Adriána Slávka Timea Tímea Gréta Oľga Júlia Klaudia Paulína Bronislava Agnieszka
Małgorzata Katarzyna Joanna Kasia Ewa Justyna Zofia Wiktoria Zuzanna Krystyna Elżbieta Halina Urszula
Grażyna Jadwiga Iwona Bolormaa Enkhjargal Oyuntsetseg Tsetseg Sarangerel Narantsetseg Altantsetseg Khulan
Nomin Ariunaa Bayarmaa Uyanga Enkhtuya Zolzaya Otgonbayar Odgerel Solongo Munkhzul Tuul
`;

/** Male first names from the clients' countries of origin (see foreignFemaleFirstNames). */
export const foreignMaleFirstNames = `
Oleksij Mychajlo Myroslav Borys Vitalij Vladyslav Yevhen Zhenia Illia Ilya Kostiantyn Kostjantyn Konstantin
Makar Mark Marko Mykyta Nikita Orest Ostap Tymofij Timofej Tymur Valentyn Vasilij Yurij Arsen Danil Daniil
Eduard Gennadij Hennadij Heorhij Georgij Arkadij Jegor Gleb Svjatoslav Sviatoslav Semjon Pjotr Aleksej
Aleksandr Sergij Tolja Vitja Rustam Farruch Farrukh Bakhtiyor Bachtijor Jasur Sardor Shukhrat Šuchrat
Ulugbek Otabek Nodir Dilshod Sherzod Šerzod Akmal Alisher Ališer Bekzod Jamshid Džamšid Rasul Ramil Ravshan
Bakhodir Elchin Elčin Elnur Farid Ilham Kamran Orhan Rauf Rovshan Tural Vugar Giorgi Davit Levan Irakli
Zurab Gurgen Tigran Armen Aram Arman Aslan Azamat Daniyar Nurlan Yerlan Erlan Marat Nursultan Askar Bekzat
Umar Osman Othman Abdallah Abdelkader Abdulrahman Abdurrahman Adel Adnan Amin Anwar Ayman Bashar Basel
Faisal Fares Fouad Ghassan Habib Hadi Hamid Haroun Hisham Ismail Issa Jamal Jamil Kamal Majid Mansour
Marwan Mazen Muhammed Murad Nabil Nasser Nizar Qasim Riad Saeed Said Saleh Salim Samer Tarek Yasser
Yassin Ziad Burak Mert Kerem Serkan Hakan Volkan Selim Ömer Hüseyin Recep Ramazan Ismet Sinan Reza Hossein
Mehdi Javad Morteza Navid Parviz Farhad Dariush Masoud Naveed Wahid Zabihullah Rahmatullah Habibullah
Sayed Najib Huy Phong Quan Thinh Toan Manh Kien Loc Luan Nghia Nhat Tai Thien Tri Trong
Bogdan Ciprian Claudiu Cosmin Dorin Dragoș Dragos Eugen Ilie Iulian Liviu Lucian Mircea Nicolae Petru
Răzvan Razvan Sorin Ștefan Traian Viorel Virgil Pavol Róbert Rastislav Maroš Matúš Dávid Karol Ľudovít
Vincent Imrich Ferdinand Mário Koloman Arpád Aladár Zoltán Ernest Rinaldo Piotr Krzysztof Andrzej
Tomasz Paweł Michał Marcin Grzegorz Łukasz Mateusz Wojciech Dawid Bartosz Maciej Przemysław Rafał Szymon
Zbigniew Jerzy Janusz Stanisław Tadeusz Kazimierz Mirosław Ryszard Józef Henryk Leszek Batjargal Baatar
Bilegt Chinzorig Enkhbat Enkhbayar Gantulga Khurelbaatar Naranbaatar Ochir Purevdorj Sainbayar Zorig
`;

/** Foreign surnames common in Czech casework, masculine nominative; pii.ts generates the female forms
 * (Aliyev → Aliyevová, Aliyeva; Kovalchuk → Kovalchuková) and the case forms. */
export const foreignSurnames = `
Bondar Bondarčuk Bondarchuk Chernenko Černenko Danylenko Dmytrenko Doroshenko Dorošenko Fedorenko
Gavrilenko Havrylenko Hnatyuk Hnatjuk Horbunov Hordijenko Ivanenko Ivaniuk Ivanjuk Jakovenko Yakovenko
Kalynenko Kharchenko Charčenko Khomenko Chomenko Kolesnyk Kolesnik Kondratenko Korol Kostenko Kotsiuba
Kovalyov Kravets Kravec Kulyk Kulik Mironenko Myronenko Nazarenko Oliinyk Onyshchenko Oniščenko Osadchuk
Osadčuk Panchenko Pančenko Pavliuk Pavljuk Prokopenko Radchenko Radčenko Romanenko Savchuk Savčuk Semenko
Shapoval Šapoval Shevchuk Ševčuk Shvets Symonenko Tarasenko Vakulenko Voloshyn Vološyn Yurchenko Jurčenko
Zaitsev Zajcev Zhuk Žuk Tymchenko Tymčenko Bilyk Hryhorenko Stepanenko Andrijenko Antonenko Marčuk
Marchuk Martyniuk Martynjuk Kucher Kučer Ostapenko Sokolenko Tereshchenko Tereščenko Yaremenko Jaremenko
Vasiljev Fjodorov Aleksejev Lebeděv Semjonov Jegorov Stěpanov Nikolajev Nikitin Zacharov Solovjov Borisov
Jakovlev Grigorjev Romanov Sergejev Kuzmin Frolov Alexandrov Dmitrijev Koroljov Gusev Iljin Maximov
Poljakov Sorokin Medveděv Antonov Žukov Baranov Filippov Komarov Davydov Beljajev Gerasimov Osipov Sidorov
Matvejev Titov Markov Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tichonov Kazakov
Afanasjev Danilov Savěljev Timofejev Fomin Čerňajev Abramov Martynov Jefimov Fedotov Ščerbakov Nazarov
Kalinin Isajev Černov Bykov Kuznetsov Vasiliev Mikhailov Fedorov Lebedev Semenov Egorov Stepanov Nikolaev
Andreev Zakharov Solovyov Yakovlev Grigoriev Sergeev Dmitriev Korolev Kiselev Ilyin Maksimov Polyakov
Medvedev Zhukov Belyaev Matveev Tikhonov Afanasiev Savelyev Timofeev Chernyaev Efimov Shcherbakov Isaev
Chernov Aliyev Alijev Mammadov Mamedov Hasanov Gasanov Huseynov Gusejnov Guliyev Quliyev Ismayilov
Ismailov Abdullayev Abdullajev Rahimov Rachimov Karimov Yusupov Jusupov Rashidov Umarov Ergashev Ergašev
Tursunov Sultanov Akhmedov Achmedov Saidov Safarov Kurbanov Nurmatov Azimov Usmanov Khodjayev Mirzayev
Mirzajev Askarov Bekov Beridze Kapanadze Gelashvili Gelašvili Maisuradze Lomidze Tsiklauri Petrosyan
Hovhannisyan Sargsyan Harutyunyan Grigoryan Avetisyan Karapetyan Hakobyan Mkrtchyan Gevorgyan
Ahmadi Ahmadzai Hosseini Husseini Mohammadi Rahimi Karimi Hashimi Sultani Noori Haidari Hamidi Rezaei
Jafari Azizi Amiri Popal Stanekzai Khalaf Khoury Darwish Younes Youssef Yousef Othman Osman Qasim Hamdan
Jaber Suleiman Sulejman Barakat Zidan Şahin Sahin Çelik Celik Yildiz Yıldız Yildirim Öztürk Ozturk Aydin
Aydın Özdemir Arslan Doğan Dogan Kılıç Kilic Aslan Çetin Özkan Şimşek Ahmad Ahmed Mohammed Hussein
Pop Stan Gheorghe Serban Șerban Dinu Dobre Barbu Nistor Florea Dragomir Badea Vasile Cristea Neagu
Stanciu Preda Oprea Sandu Voicu Diaconu Ispas Lazăr Mocanu Ungureanu Zamfir Bălan Balan Coman Manea
Enache Tănase Rădulescu Georgescu Constantinescu Stoian Surdu Sârbu Sirbu Costea Chiriac Suciu
Cojocaru Cozma Croitoru Pîrvu Iordache Avram Bandy Berki Bihari Čisár Dunka Facuna Ferenc Filke Gaži Goman
Hangurbadžo Holomek Horňák Husár Kaleja Kočiš Koky Kudrik Lacko Ladzi Lazok Mižigár Oračko Ondič Petík
Puzder Radič Šándor Sivák Šelepa Tokár Ďuráš Sendrei Miko Fečo Kurej Bažo Bagi Dudi Gunar Rác Gajdoš
Blaho Bobula Čierny Dobrovodský Ďurica Ďurčo Fabián Gál Hanuska Hlinka Hrnčiar Jurčo Kmeť Kocúr Kollárik
Krajčovič Laco Majerník Mihálik Michalík Rybár Šebo Vavrinec Žilinský Jankovič Ferenčík Nowak Mazur
Woźniak Krawczyk Wójcik Adamczyk Zając Wieczorek Król Batjargal Tsogtbaatar Ganzorig Enkhtaivan
`;

/** Vietnamese family names long enough to be declined like Czech ones (Nguyenovi, Nguyenem). */
export const vietnameseSurnamesDeclined = `Nguyen Tran Pham Hoang Huynh Phan Dang Duong Trinh Truong Luong Quach Doan Dinh`;
