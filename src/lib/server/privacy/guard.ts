import type { QuasiNote } from '$lib/personal-data';
import { findPersonalData } from './pii';
import { quasiWarning } from './quasi';

/*
 * The anonymisation guard at every free text that club members or the public read: each module asks
 * here which of its texts hold personal data and refuses the whole change when one does, so nothing of
 * it is written. Need texts keep their own path (anonymisation.ts), because a worker may confirm a
 * finding there; free-text.ts lists every such text and the test that walks them.
 */

/** The names of the texts in which the guard finds personal data, in the order given. */
export const fieldsWithPersonalData = (texts: Record<string, string | null | undefined>): string[] =>
	Object.entries(texts)
		.filter(([, text]) => Boolean(text) && findPersonalData(text!).length > 0)
		.map(([field]) => field);

/** Whether the guard finds personal data in any of the texts. */
export const holdsPersonalData = (...texts: (string | null | undefined)[]): boolean =>
	texts.some((text) => Boolean(text) && findPersonalData(text!).length > 0);

/**
 * The soft warning on texts read together: details that may single the family out only in combination
 * (quasi.ts). Empty when there is nothing to warn about; it never blocks.
 */
export const quasiNotes = (texts: { field: string; text: string }[]): QuasiNote[] =>
	(quasiWarning(texts)?.findings ?? []).map(({ field, kind, fragment }) => ({ field, kind, fragment }));
