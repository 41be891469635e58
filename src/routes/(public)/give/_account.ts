/*
 * The club's account as donors copy it by hand: the IBAN in groups of four, and for a Czech IBAN the
 * domestic form (předčíslí-číslo/kód banky) that Czech banking apps ask for.
 */

/** "CZ65 0800 0000 1920 0014 5399" */
export function formatIban(iban: string): string {
	const compact = iban.replace(/\s+/g, '').toUpperCase();
	return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/** "19-2000145399/0800" from a CZ IBAN (CZkk BBBB PPPP PPNN NNNN NNNN); null for any other account. */
export function czechAccountNumber(iban: string): string | null {
	const match = /^CZ\d{2}(\d{4})(\d{6})(\d{10})$/.exec(iban.replace(/\s+/g, '').toUpperCase());
	if (!match) return null;
	const [, bank, prefix, number] = match as unknown as [string, string, string, string];
	const main = number.replace(/^0+/, '');
	if (!main) return null;
	const pre = prefix.replace(/^0+/, '');
	return `${pre ? `${pre}-` : ''}${main}/${bank}`;
}
