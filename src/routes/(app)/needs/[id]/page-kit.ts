import type { PageData } from './$types';

/* What the sections of the need's page share: the page as its organisation or the coordinator sees it, and styles. */

/** The need's page for the organisation or the coordinator (members see the anonymised page only). */
export type FullNeedPage = Extract<PageData['page'], { view: 'organisation' | 'coordinator' }>;

export const button = 'rounded bg-teal-800 px-4 py-2 font-medium text-white hover:bg-teal-900';
export const secondary =
	'rounded border border-teal-800 px-4 py-2 font-medium text-teal-900 hover:bg-teal-50';
export const textarea =
	'w-full rounded border border-stone-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700';

/** An enhance callback that keeps what was typed when the action answered with field errors. */
export const keepOnError =
	(form: () => unknown) =>
	() =>
	({ update }: { update: (o?: { reset?: boolean }) => Promise<void> }) => {
		const answer = form();
		return update({ reset: !answer || typeof answer !== 'object' || !('errors' in answer) });
	};
