import type Stripe from 'stripe';

/*
 * Who gave a card gift. What the donor typed into Spolu's own form comes first and is never replaced;
 * where the form had nothing, what they gave Stripe Checkout fills in (the e-mail for the receipt, the
 * name on the card, the billing address when Checkout asked for one), so that the donor can still get
 * a thank-you and a confirmation of gifts.
 */

export interface DonorDetails {
	name: string | null;
	email: string | null;
	address: string | null;
}

// the donations table's own limits (0006_ledger.sql)
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const clean = (text: string | null | undefined, max: number): string | null => {
	// control characters (a line break in a name) would break the one-line forms of a confirmation
	const value = (text ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return value ? value.slice(0, max).trim() : null;
};

const countryNames = new Intl.DisplayNames(['cs'], { type: 'region' });

/**
 * A billing address as one line the Czech way: "Květná 12, 603 00 Brno", with the country named (in
 * Czech) when it is not Czechia. Null when there is no street and town: Checkout often reports only
 * the country and postcode a card needs, which is no address for a confirmation of gifts.
 */
export function czechAddressLine(address: Stripe.Address | null | undefined): string | null {
	if (!address) return null;
	const line1 = clean(address.line1, 200);
	const city = clean(address.city, 100);
	if (!line1 || !city) return null;
	const country = clean(address.country, 2)?.toUpperCase() ?? null;
	let postcode = clean(address.postal_code, 20);
	const compact = postcode?.replace(/\s/g, '') ?? '';
	// Czech and Slovak postcodes are written "110 00"
	if ((country === 'CZ' || country === 'SK' || country === null) && /^\d{5}$/.test(compact))
		postcode = `${compact.slice(0, 3)} ${compact.slice(3)}`;
	let countryName: string | null = null;
	if (country && country !== 'CZ') {
		try {
			countryName = countryNames.of(country) ?? country;
		} catch {
			countryName = country;
		}
	}
	const parts = [
		line1,
		clean(address.line2, 200),
		[postcode, city].filter(Boolean).join(' '),
		country && country !== 'CZ' ? clean(address.state, 100) : null,
		countryName
	];
	return clean(parts.filter(Boolean).join(', '), 300);
}

const sameName = (a: string, b: string) =>
	a.localeCompare(b, 'cs', { sensitivity: 'base', ignorePunctuation: true }) === 0;

/**
 * The donor of a paid session: Spolu's form first, Checkout's customer_details where the form had
 * nothing. The address goes with the name: Checkout's billing address is taken only when the name is
 * Checkout's too, or the same as the one typed — never a card holder's address under another person's
 * name.
 */
export function donorOfSession(
	typed: DonorDetails,
	details: Stripe.Checkout.Session.CustomerDetails | null | undefined
): DonorDetails {
	const stripeName = clean(details?.name, 200);
	const stripeEmail = clean(details?.email, 254);
	const name = typed.name ?? stripeName;
	const addressFits = typed.name === null || (stripeName !== null && sameName(typed.name, stripeName));
	return {
		name,
		email: typed.email ?? (stripeEmail && EMAIL.test(stripeEmail) ? stripeEmail : null),
		address: typed.address ?? (addressFits && name ? czechAddressLine(details?.address) : null)
	};
}
