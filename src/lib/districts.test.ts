import { describe, expect, it } from 'vitest';
import { districtsByRegion, isDistrictOf } from './districts';
import { demoNeedTexts, type DemoNeedStatus } from './server/demo/need-texts';

const regionCodes = [
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
];

describe('districtsByRegion', () => {
	it('covers the 14 regions', () => {
		expect(Object.keys(districtsByRegion).sort()).toEqual(regionCodes);
	});

	it('lists Praha 1 to Praha 22 for Prague', () => {
		expect(districtsByRegion.CZ010).toHaveLength(22);
		expect(districtsByRegion.CZ010[0]).toBe('Praha 1');
		expect(districtsByRegion.CZ010[21]).toBe('Praha 22');
	});

	it('lists the 76 okresy outside Prague, each once', () => {
		const okresy = Object.entries(districtsByRegion)
			.filter(([region]) => region !== 'CZ010')
			.flatMap(([, list]) => list);
		expect(okresy).toHaveLength(76);
		expect(new Set(okresy).size).toBe(76);
		expect(districtsByRegion.CZ064).toContain('Brno-venkov');
		expect(districtsByRegion.CZ080).toContain('Frýdek-Místek');
	});

	it('keeps every region in Czech alphabetical order', () => {
		const collator = new Intl.Collator('cs', { numeric: true });
		for (const list of Object.values(districtsByRegion)) {
			expect([...list].sort(collator.compare)).toEqual(list);
		}
	});
});

describe('isDistrictOf', () => {
	it('accepts a district of its own region only', () => {
		expect(isDistrictOf('CZ064', 'Brno-město')).toBe(true);
		expect(isDistrictOf('CZ020', 'Praha-východ')).toBe(true);
		expect(isDistrictOf('CZ010', 'Praha 22')).toBe(true);
		expect(isDistrictOf('CZ010', 'Praha 23')).toBe(false);
		expect(isDistrictOf('CZ010', 'Praha-východ')).toBe(false);
		expect(isDistrictOf('CZ031', 'Brno-město')).toBe(false);
	});

	it('rejects unknown regions, including prototype keys', () => {
		expect(isDistrictOf('CZ999', 'Brno-město')).toBe(false);
		expect(isDistrictOf('constructor', 'name')).toBe(false);
		expect(isDistrictOf('CZ064', '')).toBe(false);
	});
});

describe('demoNeedTexts', () => {
	it('has unique keys', () => {
		const keys = demoNeedTexts.map((n) => n.key);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('has the agreed number of needs in each status', () => {
		const counts: Partial<Record<DemoNeedStatus, number>> = {};
		for (const n of demoNeedTexts) counts[n.status] = (counts[n.status] ?? 0) + 1;
		expect(counts).toEqual({
			draft: 3,
			submitted: 3,
			in_review: 2,
			info_requested: 2,
			ready: 2,
			rejected: 1,
			duplicate: 1,
			withdrawn: 1
		});
	});

	it('points every duplicate at another need of the same organisation', () => {
		const byKey = new Map(demoNeedTexts.map((n) => [n.key, n]));
		const duplicates = demoNeedTexts.filter((n) => n.duplicateOfKey !== undefined);
		expect(duplicates.map((n) => n.status)).toEqual(['duplicate']);
		for (const n of duplicates) {
			const original = byKey.get(n.duplicateOfKey ?? '');
			expect(original).toBeDefined();
			expect(original?.key).not.toBe(n.key);
			expect(original?.organisation).toBe(n.organisation);
		}
	});

	it('covers every category', () => {
		expect(new Set(demoNeedTexts.map((n) => n.category))).toEqual(
			new Set([
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
			])
		);
	});

	it('keeps texts within the form limits and places needs in a known district', () => {
		for (const n of demoNeedTexts) {
			expect(n.title.length, n.key).toBeLessThanOrEqual(100);
			expect(n.situation.length, n.key).toBeGreaterThanOrEqual(300);
			expect(n.situation.length, n.key).toBeLessThanOrEqual(900);
			expect(n.impact.length, n.key).toBeGreaterThanOrEqual(150);
			expect(n.impact.length, n.key).toBeLessThanOrEqual(500);
			expect(n.adults).toBeGreaterThanOrEqual(0);
			expect(n.adults).toBeLessThanOrEqual(4);
			expect(n.items.length, n.key).toBeGreaterThan(0);
			for (const item of n.items) {
				expect(Number.isInteger(item.unitPriceKc) && item.unitPriceKc > 0, n.key).toBe(true);
				expect(Number.isInteger(item.quantity) && item.quantity > 0, n.key).toBe(true);
				if (item.link) expect(item.link, n.key).toMatch(/^https:\/\/www\./);
			}
			if (n.district !== null) expect(isDistrictOf(n.region, n.district), n.key).toBe(true);
		}
	});

	it('gives each status the messages it needs', () => {
		for (const n of demoNeedTexts) {
			if (n.status === 'rejected' || n.status === 'withdrawn') expect(n.reason, n.key).toBeTruthy();
			if (n.status === 'info_requested') expect(n.thread?.at(-1)?.from, n.key).toBe('coordinator');
		}
		const asked = demoNeedTexts.filter((n) => n.status === 'info_requested');
		expect(asked.some((n) => n.thread?.length === 1)).toBe(true);
		expect(
			asked.some((n) => n.thread?.map((m) => m.from).join() === 'coordinator,social_worker,coordinator')
		).toBe(true);
	});

	it('contains no phone numbers, e-mail addresses or street addresses', () => {
		for (const n of demoNeedTexts) {
			const text = [
				n.title,
				n.situation,
				n.impact,
				n.reason ?? '',
				...(n.thread ?? []).map((m) => m.text)
			].join(' ');
			expect(text, n.key).not.toMatch(/\d{3}\s?\d{3}\s?\d{3}/);
			expect(text, n.key).not.toMatch(/@/);
			expect(text, n.key).not.toMatch(/\b(ulice|ulici|ul\.|nám\.)/i);
		}
	});
});
