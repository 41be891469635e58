import { describe, expect, it } from 'vitest';
import { moneyTestDatabase } from '../ledger/test-factory';
import { listOrganisationNeeds } from './lists';
import { completeNeed, contextFor } from './test-factory';
import { createNeed, saveNeed, submitNeed } from './transitions';
import { viewNeed } from './view';

/*
 * A draft the guard refused keeps its personal data sealed: a dump of the database (what a backup or
 * an operator copies) holds none of it, while the worker still reads and fixes what they wrote.
 */

// the migrated database of the money tests: emptied before each test, with the people of createPeople
const t = moneyTestDatabase();

// details of a made-up family, each of a different kind, in every free text of the need
const personal = {
	title: 'Postel pro Kristýnku Zahradníčkovou',
	situation:
		'Matka Radmila Zahradníčková (tel. 731 552 908) utekla s dcerou z bytu Nerudova 14, Kolín, a je v azylovém domě.',
	impact: 'Dcera bude spát ve vlastní posteli, píše mi na radmila.z@seznam.cz.',
	item: 'Postel pro Kristýnku',
	link: 'https://www.facebook.com/radmila.zahradnickova.77',
	source: 'Příspěvek od babičky Zahradníčkové'
};
const fragments = [
	'Kristýnku',
	'Zahradníčkov',
	'Radmila',
	'731 552 908',
	'Nerudova 14',
	'radmila.z@seznam.cz',
	'radmila.zahradnickova'
];

const content = () =>
	completeNeed({
		title: personal.title,
		situation: personal.situation,
		impact: personal.impact,
		items: [{ description: personal.item, quantity: 1, unitPrice: 599_000, link: personal.link }],
		funding: [{ source: personal.source, amount: 50_000 }]
	});

/** Every form of a fragment the dump could hold it in: UTF-8 as written, decomposed, and in lower case. */
function leaks(dump: Buffer): string[] {
	return fragments.filter((f) =>
		[f, f.normalize('NFD'), f.toLowerCase()].some((form) => dump.includes(Buffer.from(form, 'utf8')))
	);
}

describe('a draft with personal data', () => {
	it('is refused, and the database and its dump keep none of the personal data in plain text', async () => {
		const { db, sql, p } = t;
		const created = await createNeed(contextFor(sql, p.worker), content());
		if (!created.ok) throw new Error(created.reason);
		expect(created.findings.length).toBeGreaterThanOrEqual(fragments.length - 1);
		expect(await submitNeed(contextFor(sql, p.worker), created.id)).toMatchObject({
			ok: false,
			reason: 'personal_data'
		});
		// saving again, still unfixed, keeps it sealed
		expect(await saveNeed(contextFor(sql, p.worker), created.id, content())).toMatchObject({ ok: true });
		expect(await submitNeed(contextFor(sql, p.worker), created.id)).toMatchObject({
			reason: 'personal_data'
		});

		expect(leaks(await db.dump())).toEqual([]);
		// what the tables hold is the text with each finding blotted out
		const [row] = await sql<{ title: string; situation: string }[]>`
			select title, situation from needs where id = ${created.id}`;
		expect(row!.title).toBe('Postel pro •••');
		expect(row!.situation).toContain('(tel. •••)');
		expect(await sql`select link from need_items where need_id = ${created.id}`).toEqual([{ link: null }]);
		expect((await listOrganisationNeeds(contextFor(sql, p.worker)))?.[0]?.title).toBe('Postel pro •••');

		// the worker reads the draft as written, with the findings to fix
		const page = await viewNeed(contextFor(sql, p.worker), created.id);
		expect(page?.need).toMatchObject({ title: personal.title, situation: personal.situation });
		expect(page?.need.items[0]).toMatchObject({ description: personal.item, link: personal.link });
		expect(page?.need.funding[0]?.source).toBe(personal.source);
		expect(page && 'findings' in page ? page.findings.map((f) => f.fragment) : []).toContain('731 552 908');
		// a colleague of another organisation gets nothing
		expect(await viewNeed(contextFor(sql, p.otherWorker), created.id)).toBeNull();
	});

	it('goes back to plain text once the worker saves it without personal data, and can be submitted', async () => {
		const { sql, p } = t;
		const created = await createNeed(contextFor(sql, p.worker), content());
		if (!created.ok) throw new Error(created.reason);
		expect(await sql`select 1 from need_sealed_texts`).toHaveLength(1);
		const fixed = completeNeed({ title: 'Postel pro dceru (6 let)' });
		expect(await saveNeed(contextFor(sql, p.worker), created.id, fixed)).toMatchObject({
			ok: true,
			findings: []
		});
		expect(await sql`select 1 from need_sealed_texts`).toHaveLength(0);
		const [row] = await sql<{ title: string }[]>`select title from needs where id = ${created.id}`;
		expect(row!.title).toBe('Postel pro dceru (6 let)');
		expect(await submitNeed(contextFor(sql, p.worker), created.id)).toEqual({ ok: true });
	});
});
