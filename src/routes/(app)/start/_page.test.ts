import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { StartPage } from '$lib/server/start/start';
import Page from './+page.svelte';

/* What the start page shows of its data: every section's items with their links, and kind words when empty. */

const show = (start: StartPage) =>
	render(Page, {
		props: {
			data: { start, demo: false, roles: [], account: null },
			params: {}
		} as never
	}).body;

const empty: StartPage = {
	worker: { waiting: { items: [], count: 0 }, byState: [], total: 0 },
	coordinator: {
		triage: { items: [], count: 0 },
		unassigned: { items: [], count: 0, total: 0 },
		stories: { items: [], count: 0 },
		access: { items: [], count: 0 }
	},
	member: {
		polls: { items: [], count: 0 },
		deliveries: { items: [], count: 0 },
		deliveriesToAct: 0,
		fund: 0
	},
	donor: {
		pledges: { items: [], count: 0 },
		gifts: { items: [], count: 0 },
		outcomes: { items: [], count: 0 },
		helped: 0
	}
};

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = new Date('2026-11-20T10:00:00Z');

describe('the start page', () => {
	it('says kindly that nothing waits, section by section', () => {
		const body = show(empty);
		for (const text of [
			'Nic na vás nečeká. Všechny potřeby jsou buď vyřízené, nebo je má v rukou klub.',
			'Vaše organizace zatím nemá žádnou potřebu.',
			'Ve frontě nic nečeká.',
			'Všechny platby z banky jsou přiřazené.',
			'Žádný příběh nečeká na vaše schválení.',
			'Žádná žádost o přístup nečeká.',
			'Nic na vás nečeká – v každém otevřeném hlasování už máte svůj hlas.',
			'Zatím nejste kontaktní osobou u žádné potřeby.',
			'Zatím k nám od vás žádný dar nedorazil.',
			'Až váš dar pomůže konkrétní rodině, dozvíte se to tady.'
		])
			expect(body).toContain(text);
		expect(body).not.toContain('Dary, které čekají na vaši platbu');
	});

	it('shows only the sections of the roles held, and tells a person without a role whom to ask', () => {
		const body = show({ ...empty, coordinator: null, member: null });
		expect(body).toContain('Vaše organizace');
		expect(body).toContain('Vaše dary');
		expect(body).not.toContain('Koordinace klubu');
		expect(body).not.toContain('Hlasování a předávání pomoci');
		const nobody = show({ worker: null, coordinator: null, member: null, donor: null });
		expect(nobody).toContain('Váš účet zatím nemá žádnou roli v klubu.');
	});

	it('links every item to where it is done and cuts long lists with the count of all', () => {
		const body = show({
			worker: {
				waiting: {
					items: [
						{
							needId: id(1),
							number: 7,
							title: 'Pračka',
							status: 'info_requested',
							task: 'answer',
							lastEventAt: at
						}
					],
					count: 1
				},
				byState: [{ status: 'draft', count: 3 }],
				total: 3
			},
			coordinator: {
				triage: {
					items: Array.from({ length: 10 }, (_, i) => ({
						needId: id(100 + i),
						number: 100 + i,
						title: `Potřeba ${i}`,
						status: 'submitted' as const,
						urgency: 'normal' as const,
						category: 'other' as const,
						organisationName: 'IC',
						submittedAt: at
					})),
					count: 12
				},
				unassigned: {
					items: [
						{ id: id(2), bookedOn: '2026-11-05', amount: 30_000, counterName: 'Karel', variableSymbol: null }
					],
					count: 1,
					total: 30_000
				},
				stories: { items: [{ needId: id(3), needNumber: 9, title: 'Postel', updatedAt: at }], count: 1 },
				access: {
					items: [
						{ id: id(4), name: 'Nová', organisationName: 'IC', newOrganisation: false, requestedAt: at }
					],
					count: 1
				}
			},
			member: {
				polls: {
					items: [
						{
							pollId: id(5),
							needNumber: 11,
							needTitle: 'Tábor',
							urgency: 'high',
							requested: 980_000,
							closesAt: at
						}
					],
					count: 1
				},
				deliveries: {
					items: [
						{ needId: id(6), number: 12, title: 'Lednice', status: 'funded', stage: 'arrange', missing: 0 }
					],
					count: 1
				},
				deliveriesToAct: 1,
				fund: 1_234_500
			},
			donor: {
				pledges: { items: [{ id: id(7), amount: 50_000, needNumber: null, createdAt: at }], count: 1 },
				gifts: {
					items: [{ id: id(8), receivedOn: '2026-11-01', amount: 100_000, needNumber: 12 }],
					count: 1
				},
				outcomes: {
					items: [{ needNumber: 12, title: 'Lednice', status: 'delivered', given: 100_000, storyNumber: 4 }],
					count: 1
				},
				helped: 1
			}
		});
		expect(body).toContain(`href="/needs/${id(1)}"`);
		expect(body).toContain('Odpovězte koordinátorovi na dotaz');
		expect(body).toContain('href="/needs#group-drafts"');
		expect(body).toContain(`href="/needs/${id(100)}"`);
		expect(body).toContain('Zobrazeno 10 z 12.');
		// the organisation's one waiting need is all there is: no count to add
		expect(body.match(/Zobrazeno/g)).toHaveLength(1);
		expect(body).toContain('href="/coordinator/needs"');
		expect(body).toContain(`href="/coordinator/money/bank#payment-${id(2)}"`);
		expect(body).toContain(`href="/needs/${id(3)}"`);
		expect(body).toContain('href="/coordinator/people#pending-title"');
		expect(body).toContain(`href="/votes/${id(5)}"`);
		expect(body).toContain(`href="/needs/${id(6)}"`);
		expect(body).toContain('Domluvte, jak pomoc předáte');
		expect(body).toContain('Na váš krok čeká: 1');
		expect(body).toMatch(/Zůstatek: 12\s345\sKč/);
		expect(body).toContain(`href="/give/pledge/${id(7)}"`);
		expect(body).toContain('href="/stories/4"');
		expect(body).toContain('Počet potřeb, u kterých už pomoc dorazila k rodině: 1');
	});
});
