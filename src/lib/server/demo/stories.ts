import { insertEvent } from '../needs/queries';
import type { DemoPart } from './index';

/*
 * Demo stories: the summer camp's story is published with the client's consent for this website and for
 * donors, so the public pages have something to show; the fridge's story waits for the coordinator's
 * review, with the consent recorded, so the coordinator can try publishing it.
 */

const DAY = 24 * 60 * 60 * 1000;

export const demoStories = [
	{
		needTitle: 'Letní tábor pro dceru po náročném roce',
		status: 'published' as const,
		title: 'Týden bez strachu',
		body: 'Dvanáctiletá dívka prožila dlouhé měsíce, kdy se doma bála. S maminkou dnes bydlí v bezpečí a chodí na terapii, ale na letní tábor, o kterém snila, rodině nezbývalo.\n\nDíky dárcům klubu strávila týden v lese s kamarády, u táboráku a na výletech. Vrátila se nadšená a maminka říká, že se doma znovu víc usmívá.\n\nDěkujeme všem, kdo přispěli. I jeden týden může dítěti vrátit kus dětství.',
		category: 'leisure',
		region: 'CZ010',
		daysAgo: 6
	},
	{
		needTitle: 'Lednice do nového bytu',
		status: 'submitted' as const,
		title: 'Čerstvé jídlo pro malého kluka',
		body: 'Po pobytu v azylovém domě se maminka s tříletým synem nastěhovala do bytu, kde nebyla ani lednice. Jídlo skladovala za oknem a nakupovala každý den.\n\nLednice od dárců jí ušetří čas i peníze a syn má každý den čerstvé jídlo.',
		category: 'appliances',
		region: 'CZ064',
		daysAgo: 2
	}
];

export const storiesDemo: DemoPart = {
	name: 'stories',
	async seed(tx) {
		const now = Date.now();
		const [coordinator] = await tx<
			{ id: string }[]
		>`select id from users where email = 'koordinator@example.org'`;
		for (const story of demoStories) {
			const [need] = await tx<{ id: string; createdBy: string; amount: number }[]>`
				select n.id, n.created_by as "createdBy", d.approved_amount::bigint as amount
				from needs n join need_decisions d on d.need_id = n.id where n.title = ${story.needTitle}`;
			const at = new Date(now - story.daysAgo * DAY);
			await tx`
				insert into need_consents (need_id, given_on, scope_website, scope_social, scope_donors, recorded_by,
					recorded_at)
				values (${need!.id}, ${at.toISOString().slice(0, 10)}, true, false, true, ${need!.createdBy}, ${at})`;
			await insertEvent(tx, { needId: need!.id, actorId: need!.createdBy, kind: 'consent_recorded', at });
			const published = story.status === 'published';
			await tx`
				insert into stories (need_id, author_id, title, body, category, region, amount, status, publish_at,
					published_by, created_at, updated_at)
				values (${need!.id}, ${need!.createdBy}, ${story.title}, ${story.body}, ${story.category}, ${story.region},
					${need!.amount}, ${story.status}, ${published ? at : null}, ${published ? coordinator!.id : null}, ${at}, ${at})`;
			await insertEvent(tx, { needId: need!.id, actorId: need!.createdBy, kind: 'story_submitted', at });
			if (published)
				await insertEvent(tx, {
					needId: need!.id,
					actorId: coordinator!.id,
					kind: 'story_published',
					at: new Date(at.getTime() + 60 * 60 * 1000)
				});
		}
	}
};
