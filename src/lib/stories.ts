import { m } from '$lib/paraglide/messages';
import type { Category } from '$lib/needs';
import type { Region } from '$lib/regions';

/*
 * A need's story as the server hands it to the need's page: shared by the domain
 * (src/lib/server/stories/stories.ts) and the page's component, so both speak of the same shape.
 */

export type StoryStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';

/** The story and consent of a need as its page shows them to those who work on it; null for others. */
export interface StoryView {
	story: {
		number: number;
		status: StoryStatus;
		title: string;
		body: string;
		category: Category;
		region: Region;
		amount: number;
		photoAlt: string | null;
		hasPhoto: boolean;
		publishAt: Date | null;
		/** public now: published, its moment come, consent for this website not withdrawn */
		public: boolean;
	} | null;
	consent: {
		givenOn: string;
		website: boolean;
		social: boolean;
		donors: boolean;
		withdrawnAt: Date | null;
	} | null;
	/** the need's category and kraj, for a new story's form */
	defaults: { category: Category; region: Region; amount: number };
	can: {
		write: boolean;
		submit: boolean;
		review: boolean;
		publish: boolean;
		unpublish: boolean;
		recordConsent: boolean;
		withdrawConsent: boolean;
	};
}

const statusNames: Record<StoryStatus, () => string> = {
	draft: m.story_status_draft,
	submitted: m.story_status_submitted,
	published: m.story_status_published_plain,
	withdrawn: m.story_status_withdrawn
};

/** A story's state in words. */
export const storyStatusName = (status: StoryStatus): string => statusNames[status]?.() ?? status;

/** What a story card shows: the list and the home page never send a whole story to the browser. */
export interface StoryCard {
	number: number;
	title: string;
	category: Category;
	region: Region;
	amount: number;
	publishedAt: Date;
	excerpt: string;
	hasPhoto: boolean;
	photoAlt: string | null;
}
