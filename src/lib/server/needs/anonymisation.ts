import type { Finding as FindingView } from '$lib/needs';
import { findPersonalData, type PersonalDataKind } from '../privacy/pii';
import { quasiNotes } from '../privacy/guard';
import type { Confirmation, NeedContent } from './queries';

/*
 * Every free text of a need goes through the anonymisation guard before anyone outside the submitting
 * organisation can read it. A finding blocks submission until the text is fixed or the social worker
 * confirms that the fragment is not personal data (kept per need, field and fragment, and audited).
 */

export interface Finding extends FindingView {
	kind: PersonalDataKind;
}

/** The free texts of a need by field name, in the order the form shows them. */
export function needTexts(
	content: Pick<NeedContent, 'title' | 'situation' | 'impact' | 'items' | 'funding'>
) {
	const texts: { field: string; text: string }[] = [
		{ field: 'title', text: content.title },
		{ field: 'situation', text: content.situation },
		{ field: 'impact', text: content.impact }
	];
	content.items.forEach((item, i) => {
		texts.push({ field: `items.${i}.description`, text: item.description });
		if (item.link) texts.push({ field: `items.${i}.link`, text: item.link });
	});
	content.funding.forEach((f, i) => texts.push({ field: `funding.${i}.source`, text: f.source }));
	return texts;
}

export const confirmationKey = (c: Confirmation) => `${c.field}|${c.kind}|${c.fragment}`;

/** Parses a confirmation sent by the form ("field|kind|fragment"); anything else is ignored. */
export function parseConfirmationKey(key: string): Confirmation | null {
	const match = /^([a-z_]+(?:\.\d{1,2}\.[a-z_]+)?)\|([a-z_]+)\|(.{1,200})$/su.exec(key);
	return match ? { field: match[1]!, kind: match[2]!, fragment: match[3]! } : null;
}

export function findInTexts(
	texts: { field: string; text: string }[],
	confirmed: Iterable<Confirmation>
): Finding[] {
	const keys = new Set([...confirmed].map(confirmationKey));
	return texts.flatMap(({ field, text }) =>
		findPersonalData(text).map((f) => {
			const fragment = text.slice(f.start, f.end);
			return {
				field,
				...f,
				fragment,
				confirmed: keys.has(confirmationKey({ field, kind: f.kind, fragment }))
			};
		})
	);
}

export const findInNeed = (content: Parameters<typeof needTexts>[0], confirmed: Iterable<Confirmation>) =>
	findInTexts(needTexts(content), confirmed);

export const unconfirmed = (findings: Finding[]) => findings.filter((f) => !f.confirmed);

/** The soft warning on a need's texts together (privacy/guard.ts, quasiNotes). */
export const quasiInNeed = (content: Parameters<typeof needTexts>[0]) => quasiNotes(needTexts(content));
