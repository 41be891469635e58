import sharp from 'sharp';
import type { Tx } from '../db/client';
import { storeFile } from '../files/store';
import { insertEvent } from '../needs/queries';
import { storyPhotoContext } from '../stories/public';
import type { DemoContext, DemoPart } from './index';

/*
 * Demo stories: the summer camp's story is published with the client's consent for everyone on this
 * website, so the public pages have something to show; the fridge's story waits for the coordinator's
 * review, with the consent recorded, so the coordinator can try publishing it.
 */

const DAY = 24 * 60 * 60 * 1000;

interface DemoStory {
	needTitle: string;
	status: 'published' | 'submitted';
	title: string;
	body: string;
	category: string;
	region: string;
	daysAgo: number;
	photo?: { alt: string; svg: string };
}

export const demoStories: DemoStory[] = [
	{
		needTitle: 'Letní tábor pro dceru po náročném roce',
		status: 'published' as const,
		title: 'Týden bez strachu',
		body: 'Dvanáctiletá dívka prožila dlouhé měsíce, kdy se doma bála. S maminkou dnes bydlí v bezpečí a chodí na terapii, ale na letní tábor, o kterém snila, rodině nezbývalo.\n\nDíky dárcům klubu strávila týden v lese s kamarády, u táboráku a na výletech. Vrátila se nadšená a maminka říká, že se doma znovu víc usmívá.\n\nDěkujeme všem, kdo přispěli. I jeden týden může dítěti vrátit kus dětství.',
		category: 'leisure',
		region: 'CZ010',
		daysAgo: 6,
		photo: {
			alt: 'Kresba: stan v lese u táboráku pod hvězdnou oblohou',
			// drawn, not photographed: a demo story's picture shows no one and no real place
			svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
				<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
					<stop offset="0" stop-color="#0f2a3d"/><stop offset="1" stop-color="#2f6f73"/></linearGradient>
					<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5">
					<stop offset="0" stop-color="#ffd27a" stop-opacity="0.8"/><stop offset="1" stop-color="#ffd27a" stop-opacity="0"/></radialGradient></defs>
				<rect width="1200" height="675" fill="url(#sky)"/>
				<g fill="#fff8e1">${[...Array(40)].map((_, i) => `<circle cx="${(i * 157) % 1200}" cy="${(i * 61) % 260}" r="${1 + (i % 3)}"/>`).join('')}</g>
				<circle cx="980" cy="110" r="48" fill="#fdf3c4"/>
				<rect y="520" width="1200" height="155" fill="#1d3b2a"/>
				<g fill="#173323">${[40, 160, 280, 860, 980, 1100].map((x, i) => `<polygon points="${x},${210 + (i % 2) * 40} ${x - 80},540 ${x + 80},540"/>`).join('')}</g>
				<polygon points="430,540 560,330 690,540" fill="#e07a3f"/><polygon points="560,330 600,540 690,540" fill="#b95a2a"/>
				<polygon points="545,540 560,440 575,540" fill="#402010"/>
				<circle cx="800" cy="520" r="110" fill="url(#glow)"/>
				<g stroke="#6b3f1f" stroke-width="14" stroke-linecap="round"><line x1="760" y1="548" x2="840" y2="528"/><line x1="760" y1="528" x2="840" y2="548"/></g>
				<path d="M800 450 C780 480 770 500 800 525 C830 500 820 480 800 450Z" fill="#ffb347"/>
				<path d="M800 480 C790 495 790 510 800 522 C810 510 810 495 800 480Z" fill="#fff1a8"/>
			</svg>`
		}
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
	async seed(tx, context) {
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
				insert into need_consents (need_id, given_on, audience, social, recorded_by, recorded_at)
				values (${need!.id}, ${at.toISOString().slice(0, 10)}, 'public', false, ${need!.createdBy}, ${at})`;
			await insertEvent(tx, { needId: need!.id, actorId: need!.createdBy, kind: 'consent_recorded', at });
			const published = story.status === 'published';
			const photo = story.photo ? await storePhoto(tx, context, need!.id, story.photo.svg) : null;
			await tx`
				insert into stories (need_id, author_id, title, body, category, region, amount, status, publish_at,
					published_by, created_at, updated_at, photo_key, photo_media_type, photo_alt, photo_confirmed)
				values (${need!.id}, ${need!.createdBy}, ${story.title}, ${story.body}, ${story.category}, ${story.region},
					${need!.amount}, ${story.status}, ${published ? at : null}, ${published ? coordinator!.id : null}, ${at}, ${at},
					${photo}, ${photo ? 'image/jpeg' : null}, ${photo ? story.photo!.alt : null}, ${photo !== null})`;
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

/** The drawing as a JPEG, encrypted and stored as a story photo is. */
async function storePhoto(tx: Tx, context: DemoContext, needId: string, svg: string): Promise<string> {
	const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
	return storeFile(tx, context.keys, jpeg, storyPhotoContext(needId));
}
