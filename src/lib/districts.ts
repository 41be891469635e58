/**
 * Districts (okresy) of each region (kraj), for the optional district of a need. Prague has no okresy,
 * so its administrative districts Praha 1–22 stand in for them. Self-contained on purpose: the browser
 * and the server both load it.
 */
export type DistrictRegion =
	| 'CZ010'
	| 'CZ020'
	| 'CZ031'
	| 'CZ032'
	| 'CZ041'
	| 'CZ042'
	| 'CZ051'
	| 'CZ052'
	| 'CZ053'
	| 'CZ063'
	| 'CZ064'
	| 'CZ071'
	| 'CZ072'
	| 'CZ080';

// Names are in Czech collation order ("Ch" after "H"), Prague's in numeric order.
export const districtsByRegion: Record<DistrictRegion, readonly string[]> = {
	CZ010: Array.from({ length: 22 }, (_, i) => `Praha ${i + 1}`),
	CZ020: [
		'Benešov',
		'Beroun',
		'Kladno',
		'Kolín',
		'Kutná Hora',
		'Mělník',
		'Mladá Boleslav',
		'Nymburk',
		'Praha-východ',
		'Praha-západ',
		'Příbram',
		'Rakovník'
	],
	CZ031: [
		'České Budějovice',
		'Český Krumlov',
		'Jindřichův Hradec',
		'Písek',
		'Prachatice',
		'Strakonice',
		'Tábor'
	],
	CZ032: ['Domažlice', 'Klatovy', 'Plzeň-jih', 'Plzeň-město', 'Plzeň-sever', 'Rokycany', 'Tachov'],
	CZ041: ['Cheb', 'Karlovy Vary', 'Sokolov'],
	CZ042: ['Děčín', 'Chomutov', 'Litoměřice', 'Louny', 'Most', 'Teplice', 'Ústí nad Labem'],
	CZ051: ['Česká Lípa', 'Jablonec nad Nisou', 'Liberec', 'Semily'],
	CZ052: ['Hradec Králové', 'Jičín', 'Náchod', 'Rychnov nad Kněžnou', 'Trutnov'],
	CZ053: ['Chrudim', 'Pardubice', 'Svitavy', 'Ústí nad Orlicí'],
	CZ063: ['Havlíčkův Brod', 'Jihlava', 'Pelhřimov', 'Třebíč', 'Žďár nad Sázavou'],
	CZ064: ['Blansko', 'Brno-město', 'Brno-venkov', 'Břeclav', 'Hodonín', 'Vyškov', 'Znojmo'],
	CZ071: ['Jeseník', 'Olomouc', 'Prostějov', 'Přerov', 'Šumperk'],
	CZ072: ['Kroměříž', 'Uherské Hradiště', 'Vsetín', 'Zlín'],
	CZ080: ['Bruntál', 'Frýdek-Místek', 'Karviná', 'Nový Jičín', 'Opava', 'Ostrava-město']
};

/** Whether the district belongs to the region; false for an unknown region. */
export function isDistrictOf(region: string, district: string): boolean {
	// hasOwn keeps 'constructor' and other prototype keys from passing as regions.
	if (!Object.hasOwn(districtsByRegion, region)) return false;
	return districtsByRegion[region as DistrictRegion].includes(district);
}
