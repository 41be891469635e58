import { m } from '$lib/paraglide/messages';

/*
 * The vocabulary of a need, shared by the server and the pages: categories, urgency, age bands and
 * states, each with its name in the current language.
 */

export const categories = [
	'leisure',
	'housing',
	'furniture',
	'appliances',
	'school',
	'clothing',
	'health',
	'transport',
	'food',
	'other'
] as const;
export type Category = (typeof categories)[number];

export const urgencies = ['normal', 'high', 'urgent'] as const;
export type Urgency = (typeof urgencies)[number];

/** Children are described by age band only: never names or birth dates. */
export const ageBands = ['0-2', '3-5', '6-10', '11-14', '15-17', '18+'] as const;
export type AgeBand = (typeof ageBands)[number];

export const needStatuses = [
	'draft',
	'submitted',
	'in_review',
	'info_requested',
	'ready',
	'in_vote',
	'approved',
	'funding',
	'funded',
	'fulfilling',
	'delivered',
	'closed',
	'rejected',
	'withdrawn',
	'cancelled'
] as const;
export type NeedStatus = (typeof needStatuses)[number];

/** A fragment the anonymisation guard found in a field of a need, as the pages show it. */
export interface Finding {
	/** 'title', 'situation', 'impact', 'items.2.description', 'items.2.link', 'funding.0.source', 'message' */
	field: string;
	kind: string;
	start: number;
	end: number;
	fragment: string;
	confirmed: boolean;
}

/** The need form's raw strings, kept so that a refused save shows exactly what was typed. */
export interface ItemRow {
	description: string;
	quantity: string;
	price: string;
	link: string;
}
export interface FundingRow {
	source: string;
	amount: string;
}
export interface NeedFormState {
	category: string;
	title: string;
	situation: string;
	impact: string;
	adults: string;
	children: Record<AgeBand, string>;
	region: string;
	district: string;
	urgency: string;
	neededBy: string;
	items: ItemRow[];
	funding: FundingRow[];
	confirm: string[];
}

export const attachmentKinds = ['quote', 'invoice', 'other'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

const categoryNames: Record<Category, () => string> = {
	leisure: m.need_category_leisure,
	housing: m.need_category_housing,
	furniture: m.need_category_furniture,
	appliances: m.need_category_appliances,
	school: m.need_category_school,
	clothing: m.need_category_clothing,
	health: m.need_category_health,
	transport: m.need_category_transport,
	food: m.need_category_food,
	other: m.need_category_other
};

const urgencyNames: Record<Urgency, () => string> = {
	normal: m.need_urgency_normal,
	high: m.need_urgency_high,
	urgent: m.need_urgency_urgent
};

const statusNames: Record<NeedStatus, () => string> = {
	draft: m.need_status_draft,
	submitted: m.need_status_submitted,
	in_review: m.need_status_in_review,
	info_requested: m.need_status_info_requested,
	ready: m.need_status_ready,
	in_vote: m.need_status_in_vote,
	approved: m.need_status_approved,
	funding: m.need_status_funding,
	funded: m.need_status_funded,
	fulfilling: m.need_status_fulfilling,
	delivered: m.need_status_delivered,
	closed: m.need_status_closed,
	rejected: m.need_status_rejected,
	withdrawn: m.need_status_withdrawn,
	cancelled: m.need_status_cancelled
};

const attachmentKindNames: Record<AttachmentKind, () => string> = {
	quote: m.attachment_kind_quote,
	invoice: m.attachment_kind_invoice,
	other: m.attachment_kind_other
};

const lookup =
	<K extends string>(names: Record<K, () => string>) =>
	(key: string) =>
		key in names ? names[key as K]() : key;

export const categoryName = lookup(categoryNames);
export const urgencyName = lookup(urgencyNames);
export const needStatusName = lookup(statusNames);
export const attachmentKindName = lookup(attachmentKindNames);

/** "3–5 let" / "3–5 years"; 18+ is a young adult still in the household. */
export const ageBandName = (band: string) =>
	band === '18+' ? m.need_age_band_adult() : m.need_age_band({ band: band.replace('-', '–') });

export const categoryOptions = () => categories.map((value) => ({ value, label: categoryName(value) }));
export const urgencyOptions = () => urgencies.map((value) => ({ value, label: urgencyName(value) }));
