import { m } from '$lib/paraglide/messages';

/* The kinds of personal data the anonymisation guard finds, named and with a way to rewrite them. */

const names: Record<string, () => string> = {
	birth_number: m.pii_kind_birth_number,
	phone: m.pii_kind_phone,
	email: m.pii_kind_email,
	address: m.pii_kind_address,
	postal_code: m.pii_kind_postal_code,
	birth_date: m.pii_kind_birth_date,
	name: m.pii_kind_name,
	bank_account: m.pii_kind_bank_account,
	id_document: m.pii_kind_id_document,
	licence_plate: m.pii_kind_licence_plate,
	profile_link: m.pii_kind_profile_link
};

const suggestions: Record<string, () => string> = {
	birth_number: m.pii_hint_birth_number,
	phone: m.pii_hint_phone,
	email: m.pii_hint_email,
	address: m.pii_hint_address,
	postal_code: m.pii_hint_postal_code,
	birth_date: m.pii_hint_birth_date,
	name: m.pii_hint_name,
	bank_account: m.pii_hint_bank_account,
	id_document: m.pii_hint_id_document,
	licence_plate: m.pii_hint_licence_plate,
	profile_link: m.pii_hint_profile_link
};

export const personalDataKindName = (kind: string) => names[kind]?.() ?? kind;
export const personalDataSuggestion = (kind: string) => suggestions[kind]?.() ?? m.pii_hint_other();
