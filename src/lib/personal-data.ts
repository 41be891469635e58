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
	profile_link: m.pii_kind_profile_link,
	school: m.pii_kind_school,
	workplace: m.pii_kind_workplace,
	shelter: m.pii_kind_shelter,
	municipality: m.pii_kind_municipality,
	court_file: m.pii_kind_court_file,
	reference_number: m.pii_kind_reference_number,
	data_box: m.pii_kind_data_box,
	insurance_number: m.pii_kind_insurance_number
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
	profile_link: m.pii_hint_profile_link,
	school: m.pii_hint_school,
	workplace: m.pii_hint_workplace,
	shelter: m.pii_hint_shelter,
	municipality: m.pii_hint_municipality,
	court_file: m.pii_hint_court_file,
	reference_number: m.pii_hint_reference_number,
	data_box: m.pii_hint_data_box,
	insurance_number: m.pii_hint_insurance_number
};

export const personalDataKindName = (kind: string) => names[kind]?.() ?? kind;
export const personalDataSuggestion = (kind: string) => suggestions[kind]?.() ?? m.pii_hint_other();

/* Details that single a family out only together (the soft warning of privacy/quasi.ts). */

/** One such detail as the pages show it. */
export interface QuasiNote {
	field: string;
	kind: string;
	fragment: string;
}

const quasiNames: Record<string, () => string> = {
	exact_age: m.quasi_kind_exact_age,
	family_shape: m.quasi_kind_family_shape,
	rare_circumstance: m.quasi_kind_rare_circumstance,
	origin: m.quasi_kind_origin,
	occupation: m.quasi_kind_occupation,
	small_place: m.quasi_kind_small_place,
	exact_date: m.quasi_kind_exact_date,
	media: m.quasi_kind_media
};

const quasiSuggestions: Record<string, () => string> = {
	exact_age: m.quasi_hint_exact_age,
	family_shape: m.quasi_hint_family_shape,
	rare_circumstance: m.quasi_hint_rare_circumstance,
	origin: m.quasi_hint_origin,
	occupation: m.quasi_hint_occupation,
	small_place: m.quasi_hint_small_place,
	exact_date: m.quasi_hint_exact_date,
	media: m.quasi_hint_media
};

export const quasiKindName = (kind: string) => quasiNames[kind]?.() ?? kind;
export const quasiSuggestion = (kind: string) => quasiSuggestions[kind]?.() ?? m.pii_hint_other();
