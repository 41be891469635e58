import { m } from '$lib/paraglide/messages';
import type { Category } from '$lib/needs';
import type { Region } from '$lib/regions';
import type { QuasiNote } from '$lib/personal-data';

/*
 * A need's story as the server hands it to the need's page: shared by the domain
 * (src/lib/server/stories/stories.ts) and the page's component, so both speak of the same shape.
 */

export type StoryStatus = 'draft' | 'submitted' | 'published' | 'withdrawn';

/**
 * Who may read a story on this website, as the family agreed: everyone, signed-in donors only, or
 * nobody. One choice, so two readings of it cannot both be ticked; the club's social networks, where
 * everyone sees a post, are a separate yes/no that a consent for donors only excludes.
 */
export const consentAudiences = ['public', 'donors', 'none'] as const;
export type ConsentAudience = (typeof consentAudiences)[number];

/**
 * The consent in plain words: who will be able to read the story once it is published. The consent
 * form shows it, and the publishing step repeats it.
 */
export function consentReaders(consent: { audience: ConsentAudience; social: boolean }): string {
	switch (consent.audience) {
		case 'public':
			return consent.social ? m.story_readers_public_social() : m.story_readers_public();
		case 'donors':
			return m.story_readers_donors();
		case 'none':
			return consent.social ? m.story_readers_social_only() : m.story_readers_nobody();
	}
}

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
		/** public now: published, its moment come, consent for everyone not withdrawn */
		public: boolean;
		/** published and readable now, but by signed-in donors only */
		donorsOnly: boolean;
	} | null;
	consent: {
		givenOn: string;
		audience: ConsentAudience;
		social: boolean;
		withdrawnAt: Date | null;
	} | null;
	/** details of the story that may single the family out together: a soft warning */
	quasi: QuasiNote[];
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
