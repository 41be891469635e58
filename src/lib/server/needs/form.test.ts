import { describe, expect, it } from 'vitest';
import { checkNeedForm, emptyNeedForm, needFormState, readNeedForm, withExtraRow } from './form';
import { completeNeed } from './test-factory';

function formData(entries: [string, string][]) {
	const form = new FormData();
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

const valid: [string, string][] = [
	['category', 'furniture'],
	['title', '  Postel pro syna  '],
	['situation', 'Situace'],
	['impact', 'Změna'],
	['adults', '1'],
	['children_6-10', '2'],
	['children_0-2', ''],
	['region', 'CZ064'],
	['district', 'Brno-město'],
	['urgency', 'high'],
	['needed_by', '2027-01-15'],
	['item_description', 'Postel'],
	['item_quantity', '2'],
	['item_price', '4 990,50'],
	['item_link', 'https://www.ikea.com/cz/cs/'],
	['item_description', ''],
	['item_quantity', '1'],
	['item_price', ''],
	['item_link', ''],
	['funding_source', 'Vlastní podíl'],
	['funding_amount', '500'],
	['confirm', 'situation|name|Nováková'],
	['confirm', 'garbage']
];

describe('the need form', () => {
	it('reads a filled form into a need: amounts in haléře, children by band, blank rows dropped', () => {
		const { state, intent } = readNeedForm(formData(valid));
		expect(intent).toBe('save');
		const result = checkNeedForm(state);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.content).toMatchObject({
			category: 'furniture',
			title: 'Postel pro syna',
			children: ['6-10', '6-10'],
			region: 'CZ064',
			district: 'Brno-město',
			urgency: 'high',
			neededBy: '2027-01-15',
			items: [
				{ description: 'Postel', quantity: 2, unitPrice: 499_050, link: 'https://www.ikea.com/cz/cs/' }
			],
			funding: [{ source: 'Vlastní podíl', amount: 50_000 }]
		});
		expect(result.confirmations).toEqual([{ field: 'situation', kind: 'name', fragment: 'Nováková' }]);
	});

	it('names each wrong field, row fields by their position', () => {
		const { state } = readNeedForm(
			formData([
				['category', 'weapons'],
				['title', 'x'],
				['adults', '-1'],
				['children_3-5', 'tři'],
				['region', 'CZ999'],
				['urgency', 'normal'],
				['needed_by', '31. 12. 2026'],
				['item_description', 'Postel'],
				['item_quantity', '0'],
				['item_price', '12,345'],
				['item_link', 'javascript:alert(1)'],
				['item_description', ''],
				['item_quantity', '1'],
				['item_price', '100'],
				['item_link', '']
			])
		);
		const result = checkNeedForm(state);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(
			[
				'adults',
				'category',
				'children',
				'items.0.link',
				'items.0.price',
				'items.0.quantity',
				'items.1.description',
				'neededBy',
				'region',
				'title'
			].sort()
		);
	});

	it('keeps a link typed with a capitalised scheme, lower-cased', () => {
		const state = needFormState(completeNeed());
		state.items[0]!.link = 'HTTPS://www.ikea.com/cz/cs/';
		expect(checkNeedForm(state)).toMatchObject({
			ok: true,
			content: { items: [{ link: 'https://www.ikea.com/cz/cs/' }, {}] }
		});
	});

	it('refuses a district of another region', () => {
		const state = { ...needFormState(completeNeed()), district: 'Brno-město' };
		expect(checkNeedForm(state)).toMatchObject({ ok: false, errors: { district: expect.any(String) } });
	});

	it('round-trips a stored need through the form unchanged', () => {
		const need = completeNeed({ neededBy: '2027-03-01' });
		const result = checkNeedForm(needFormState(need));
		expect(result).toMatchObject({ ok: true, content: need });
	});

	it('adds the row asked for and always keeps one item row', () => {
		const empty = { ...emptyNeedForm('CZ010'), items: [] };
		expect(withExtraRow(empty, 'save').items).toHaveLength(1);
		expect(withExtraRow(needFormState(completeNeed()), 'add_item').items).toHaveLength(3);
		expect(withExtraRow(needFormState(completeNeed()), 'add_funding').funding).toHaveLength(2);
		expect(readNeedForm(formData([['intent', 'add_item']])).intent).toBe('add_item');
		expect(readNeedForm(formData([['intent', 'drop tables']])).intent).toBe('save');
	});
});
