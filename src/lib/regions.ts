import { m } from '$lib/paraglide/messages';

/** The 14 regions (kraje) by their CZ-NUTS code, in the usual official order. */
export const regions = [
	'CZ010',
	'CZ020',
	'CZ031',
	'CZ032',
	'CZ041',
	'CZ042',
	'CZ051',
	'CZ052',
	'CZ053',
	'CZ063',
	'CZ064',
	'CZ071',
	'CZ072',
	'CZ080'
] as const;
export type Region = (typeof regions)[number];

const names: Record<Region, () => string> = {
	CZ010: m.region_CZ010,
	CZ020: m.region_CZ020,
	CZ031: m.region_CZ031,
	CZ032: m.region_CZ032,
	CZ041: m.region_CZ041,
	CZ042: m.region_CZ042,
	CZ051: m.region_CZ051,
	CZ052: m.region_CZ052,
	CZ053: m.region_CZ053,
	CZ063: m.region_CZ063,
	CZ064: m.region_CZ064,
	CZ071: m.region_CZ071,
	CZ072: m.region_CZ072,
	CZ080: m.region_CZ080
};

export const isRegion = (value: string): value is Region => (regions as readonly string[]).includes(value);

/** The region's name in the current language; an unknown code is shown as it is. */
export const regionName = (code: string): string => (isRegion(code) ? names[code]() : code);
