import { isDistrictOf } from '$lib/districts';
import { czkInputValue, parseCzk } from '$lib/money';
import {
	ageBands,
	categories,
	urgencies,
	type AgeBand,
	type FundingRow,
	type ItemRow,
	type NeedFormState
} from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { isRegion, type Region } from '$lib/regions';
import { z } from 'zod';
import { parseConfirmationKey } from './anonymisation';
import type { Confirmation, NeedContent } from './queries';

export type { NeedFormState };

/*
 * The need form: what the browser sends ↔ NeedContent. The form keeps its raw strings (NeedFormState) so
 * that a refused save shows exactly what was typed, rows included. Item and funding rows are repeated
 * fields read by position; a row left empty is dropped, which is also how a row is removed without
 * JavaScript.
 */

export const MAX_ITEMS = 30;
export const MAX_FUNDING = 10;
const MAX_CHILDREN_PER_BAND = 10;

export type Intent = 'save' | 'submit' | 'add_item' | 'add_funding';

const blankItem = (): ItemRow => ({ description: '', quantity: '1', price: '', link: '' });
const blankFunding = (): FundingRow => ({ source: '', amount: '' });

const countChildren = (children: AgeBand[]) =>
	Object.fromEntries(ageBands.map((b) => [b, String(children.filter((c) => c === b).length)])) as Record<
		AgeBand,
		string
	>;

export function emptyNeedForm(region: Region | null): NeedFormState {
	return {
		category: '',
		title: '',
		situation: '',
		impact: '',
		adults: '1',
		children: countChildren([]),
		region: region ?? '',
		district: '',
		urgency: 'normal',
		neededBy: '',
		items: [blankItem()],
		funding: [],
		confirm: []
	};
}

export function needFormState(need: NeedContent): NeedFormState {
	return {
		category: need.category,
		title: need.title,
		situation: need.situation,
		impact: need.impact,
		adults: String(need.adults),
		children: countChildren(need.children),
		region: need.region,
		district: need.district ?? '',
		urgency: need.urgency,
		neededBy: need.neededBy ?? '',
		items: need.items.length
			? need.items.map((i) => ({
					description: i.description,
					quantity: String(i.quantity),
					price: czkInputValue(i.unitPrice),
					link: i.link ?? ''
				}))
			: [blankItem()],
		funding: need.funding.map((f) => ({ source: f.source, amount: czkInputValue(f.amount) })),
		confirm: []
	};
}

const text = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) });

const scalars = z.object({
	category: z.enum(categories, { error: () => m.need_error_category() }),
	title: text(120).min(3, { error: () => m.need_error_title() }),
	situation: text(4000),
	impact: text(2000),
	adults: z.coerce
		.number({ error: () => m.need_error_count() })
		.int({ error: () => m.need_error_count() })
		.min(0, { error: () => m.need_error_count() })
		.max(10, { error: () => m.need_error_count() }),
	region: z.string().refine(isRegion, { error: () => m.need_error_region() }),
	district: text(60),
	urgency: z.enum(urgencies, { error: () => m.need_error_urgency() }),
	neededBy: z.union([
		z.literal(''),
		z.iso.date({ error: () => m.need_error_date() }).refine((d) => d >= '2020-01-01' && d <= '2100-12-31', {
			error: () => m.need_error_date()
		})
	])
});

const httpLink = z.url({ protocol: /^https?$/, error: () => m.need_error_link() });

const str = (v: FormDataEntryValue | null | undefined) => (typeof v === 'string' ? v : '');
const all = (form: FormData, name: string) => form.getAll(name).map(str);

export function readNeedForm(form: FormData): { state: NeedFormState; intent: Intent } {
	const descriptions = all(form, 'item_description').slice(0, MAX_ITEMS + 1);
	const quantities = all(form, 'item_quantity');
	const prices = all(form, 'item_price');
	const links = all(form, 'item_link');
	const sources = all(form, 'funding_source').slice(0, MAX_FUNDING + 1);
	const amounts = all(form, 'funding_amount');
	const intentRaw = str(form.get('intent'));
	const intent: Intent =
		(['submit', 'add_item', 'add_funding'] as const).find((i) => i === intentRaw) ?? 'save';
	return {
		intent,
		state: {
			category: str(form.get('category')),
			title: str(form.get('title')),
			situation: str(form.get('situation')),
			impact: str(form.get('impact')),
			adults: str(form.get('adults')),
			children: Object.fromEntries(ageBands.map((b) => [b, str(form.get(`children_${b}`))])) as Record<
				AgeBand,
				string
			>,
			region: str(form.get('region')),
			district: str(form.get('district')),
			urgency: str(form.get('urgency')),
			neededBy: str(form.get('needed_by')),
			// blank rows are dropped here, so row positions agree everywhere after (errors, findings)
			items: descriptions
				.map((description, i) => ({
					description,
					quantity: quantities[i] ?? '',
					price: prices[i] ?? '',
					link: links[i] ?? ''
				}))
				.filter((r) => !isBlankItem(r)),
			funding: sources
				.map((source, i) => ({ source, amount: amounts[i] ?? '' }))
				.filter((r) => !isBlankFunding(r)),
			confirm: all(form, 'confirm').slice(0, 200)
		}
	};
}

export type NeedFormResult =
	| { ok: true; content: NeedContent; confirmations: Confirmation[] }
	| { ok: false; errors: Record<string, string> };

const isBlankItem = (r: ItemRow) => !r.description.trim() && !r.price.trim() && !r.link.trim();
const isBlankFunding = (r: FundingRow) => !r.source.trim() && !r.amount.trim();

/** Checks the form's strings; the errors are keyed by field ('title', 'items.2.price', 'children'). */
export function checkNeedForm(state: NeedFormState): NeedFormResult {
	const errors: Record<string, string> = {};
	const parsed = scalars.safeParse(state);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
	}

	const children: AgeBand[] = [];
	for (const band of ageBands) {
		const raw = state.children[band].trim() || '0';
		const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
		if (!(n <= MAX_CHILDREN_PER_BAND)) errors.children ??= m.need_error_count();
		else for (let i = 0; i < n; i++) children.push(band);
	}
	if (children.length > 15) errors.children ??= m.need_error_children_total();

	const items = state.items;
	if (items.length > MAX_ITEMS) errors.items = m.need_error_too_many_items({ max: MAX_ITEMS });
	const content = items.map((row, i) => {
		const description = row.description.trim();
		if (!description) errors[`items.${i}.description`] = m.need_error_item_description();
		else if (description.length > 200) errors[`items.${i}.description`] = m.form_too_long({ max: 200 });
		const quantity = /^\d{1,3}$/.test(row.quantity.trim()) ? Number(row.quantity.trim()) : 0;
		if (quantity < 1) errors[`items.${i}.quantity`] = m.need_error_quantity();
		const unitPrice = parseCzk(row.price);
		if (unitPrice === null || unitPrice > 100_000_000) errors[`items.${i}.price`] = m.need_error_amount();
		const link = row.link.trim();
		if (link && (link.length > 500 || !httpLink.safeParse(link).success)) {
			errors[`items.${i}.link`] = m.need_error_link();
		}
		// the scheme lower-cased: "HTTPS://…" is a fine link, and the database checks for https?://
		return {
			description,
			quantity,
			unitPrice: unitPrice ?? 0,
			link: link ? link.replace(/^https?/i, (s) => s.toLowerCase()) : null
		};
	});

	const fundingRows = state.funding;
	if (fundingRows.length > MAX_FUNDING) errors.funding = m.need_error_too_many_funding({ max: MAX_FUNDING });
	const funding = fundingRows.map((row, i) => {
		const source = row.source.trim();
		if (!source) errors[`funding.${i}.source`] = m.need_error_funding_source();
		else if (source.length > 200) errors[`funding.${i}.source`] = m.form_too_long({ max: 200 });
		const amount = parseCzk(row.amount);
		if (amount === null || amount < 1 || amount > 100_000_000)
			errors[`funding.${i}.amount`] = m.need_error_amount();
		return { source, amount: amount ?? 0 };
	});

	if (parsed.success && parsed.data.district && !isDistrictOf(parsed.data.region, parsed.data.district)) {
		errors.district = m.need_error_district();
	}
	if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
	const d = parsed.data;
	return {
		ok: true,
		content: {
			category: d.category,
			title: d.title,
			situation: d.situation,
			impact: d.impact,
			adults: d.adults,
			children,
			region: d.region as Region,
			district: d.district || null,
			urgency: d.urgency,
			neededBy: d.neededBy || null,
			items: content,
			funding
		},
		confirmations: state.confirm.map(parseConfirmationKey).filter((c): c is Confirmation => c !== null)
	};
}

/** The state to show again, with the row the person asked for (and always one item row). */
export function withExtraRow(state: NeedFormState, intent: Intent): NeedFormState {
	const items = [...state.items];
	const funding = [...state.funding];
	if (intent === 'add_item' || items.length === 0) items.push(blankItem());
	if (intent === 'add_funding') funding.push(blankFunding());
	return { ...state, items, funding };
}
