import { getLocale } from '$lib/paraglide/runtime';

/*
 * Money is an integer number of haléře (CZK minor units) everywhere: in SQL (`bigint`), in the domain and
 * in forms once parsed. These two functions are the only way between that and what people read and type.
 */

/*
 * Building an Intl.NumberFormat costs far more than using one, and a long table formats hundreds of
 * amounts: the four formats (two languages, with and without haléře) are built once and kept.
 */
const czkFormats = new Map<string, Intl.NumberFormat>();

function czkFormat(locale: 'cs' | 'en', whole: boolean): Intl.NumberFormat {
	const key = `${locale}:${whole}`;
	let format = czkFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'cs-CZ', {
			style: 'currency',
			currency: 'CZK',
			minimumFractionDigits: whole ? 0 : 2,
			maximumFractionDigits: 2
		});
		czkFormats.set(key, format);
	}
	return format;
}

/** "1 500 Kč", or "1 500,50 Kč" when there are haléře; English pages get "CZK 1,500". */
export function formatCzk(halere: number, locale: 'cs' | 'en' = getLocale() as 'cs' | 'en'): string {
	return czkFormat(locale, halere % 100 === 0).format(halere / 100);
}

/** The haléře as a form shows them for editing: "1500" or "1500,50". */
export function czkInputValue(halere: number): string {
	const crowns = Math.trunc(halere / 100);
	const rest = Math.abs(halere % 100);
	return rest === 0 ? String(crowns) : `${crowns},${String(rest).padStart(2, '0')}`;
}

const AMOUNT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/**
 * What a person typed as an amount in Kč → haléře, or null when it is not one. Accepts spaces (also
 * non-breaking) as thousands separators, a decimal comma or point, and a trailing "Kč" or ",-".
 */
export function parseCzk(input: string): number | null {
	const compact = input
		.trim()
		.replace(/\s*(kč|czk|,-|\.-)$/i, '')
		.replace(/[\s\u00a0\u202f]/g, '');
	const match = AMOUNT.exec(compact);
	if (!match) return null;
	const fraction = (match[2] ?? '').padEnd(2, '0');
	return Number(match[1]) * 100 + Number(fraction || '0');
}
