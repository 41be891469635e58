/*
 * The club's account as donors copy it by hand: the IBAN in groups of four, and for a Czech IBAN the
 * domestic form (předčíslí-číslo/kód banky) that Czech banking apps ask for.
 */

export { czechAccountNumber, formatIban } from '$lib/core/bank-account';
