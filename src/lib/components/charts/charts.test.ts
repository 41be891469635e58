import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';

// the charts' own two messages, so that the test does not depend on the message files
vi.mock('$lib/paraglide/messages', async (original) => ({
	...(await original<Record<string, unknown>>()),
	m: {
		...((await original<{ m: Record<string, unknown> }>()).m ?? {}),
		impact_chart_show_table: () => 'Zobrazit čísla v tabulce',
		figures_fewer_than_three: () => 'méně než 3'
	}
}));
import BarChart from './bar-chart.svelte';
import ColumnChart from './column-chart.svelte';

describe('charts', () => {
	it('draw bars as an image named by its title and description, with the same numbers in a table', () => {
		const { body } = render(BarChart, {
			props: {
				title: 'Podle krajů',
				description: 'Praha: 5; Ostatní kraje: 3',
				rows: [
					{ label: 'Hlavní město Praha', value: 5 },
					{ label: 'Ostatní kraje', value: null }
				],
				labelHeader: 'Kraj',
				valueHeader: 'Počet',
				format: (n: number) => `${n} ks`
			}
		});
		const labelled = /<svg[^>]*aria-labelledby="([^"]+)"/.exec(body)?.[1]?.split(' ') ?? [];
		expect(labelled).toHaveLength(2);
		expect(body).toContain(`<title id="${labelled[0]}">Podle krajů</title>`);
		expect(body).toContain(`<desc id="${labelled[1]}">Praha: 5; Ostatní kraje: 3</desc>`);
		expect(body).toContain('role="img"');
		// the longest bar takes the width left of the room for its value
		expect(body).toContain('width="290"');
		expect(body.match(/5 ks/g)).toHaveLength(2);
		expect(body).toMatch(/<th scope="row"[^>]*>Hlavní město Praha<\/th>/);
		expect(body.match(/méně než 3/g)).toHaveLength(2);
	});

	it('draw months as columns on round guide lines, an empty column for a negative month', () => {
		const { body } = render(ColumnChart, {
			props: {
				title: 'Po měsících',
				description: 'x',
				columns: [
					{ label: 'led', sublabel: '2026', name: 'leden 2026', value: 15_000 },
					{ label: 'úno', name: 'únor 2026', value: -500 },
					{ label: 'bře', name: 'březen 2026', value: 20_000 }
				],
				labelHeader: 'Měsíc',
				valueHeader: 'Vybráno',
				format: (n: number) => `${n / 100} Kč`
			}
		});
		// guides at 100 and 200 Kč; the largest column reaches the upper one
		expect(body).toContain('100 Kč');
		expect(body).toContain('200 Kč');
		expect(body).toContain('height="0"');
		expect(body).toContain('-5 Kč');
		expect(body).toContain('2026');
	});
});
