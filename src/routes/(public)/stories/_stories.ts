import { categories, type Category } from '$lib/needs';
import type { PublicStory } from '$lib/server/stories/public';
import type { StoryCard } from '$lib/stories';

/** Stories on one page of the list. */
export const PAGE_SIZE = 12;

export type { StoryCard } from '$lib/stories';

/** Anyone signed in with a role also reads the stories whose consent covers donors only. */
export const audienceOf = (user: { roles: readonly string[] } | null): 'public' | 'donors' =>
	user && user.roles.length > 0 ? 'donors' : 'public';

/** The first `max` characters of a text, cut at a word and marked with an ellipsis when shortened. */
export function excerpt(text: string, max = 200): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	if (flat.length <= max) return flat;
	const cut = flat.slice(0, max);
	const space = cut.lastIndexOf(' ');
	// a single very long word is cut where it is rather than dropped
	const words = space > max / 2 ? cut.slice(0, space) : cut;
	return words.replace(/[\s.,;:!?–-]+$/, '') + '…';
}

export const toCard = (story: PublicStory): StoryCard => ({
	number: story.number,
	title: story.title,
	category: story.category,
	region: story.region,
	amount: Number(story.amount),
	publishedAt: story.publishedAt,
	excerpt: excerpt(story.body),
	hasPhoto: story.hasPhoto,
	photoAlt: story.photoAlt
});

/** `?page=` as a page number from 1; anything else is the first page. */
export function parsePage(value: string | null): number {
	if (!value || !/^[1-9]\d{0,5}$/.test(value)) return 1;
	return Number(value);
}

/** `?category=` when it names a category; an unknown one is ignored. */
export const parseCategory = (value: string | null): Category | null =>
	value && (categories as readonly string[]).includes(value) ? (value as Category) : null;

/** A story's public number from its address, or null. */
export function parseNumber(value: string): number | null {
	if (!/^[1-9]\d{0,9}$/.test(value)) return null;
	const n = Number(value);
	return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : null;
}

/** A story's body as paragraphs: blank lines separate them. */
export const paragraphs = (body: string): string[] =>
	body
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((p) => p.trim())
		.filter((p) => p.length > 0);
