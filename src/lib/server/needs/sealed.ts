import type { Queryable } from '../db/client';
import { decryptField, encryptField, type KeyRing } from '../privacy/encryption';
import { needTexts, type Finding } from './anonymisation';
import type { NeedContent } from './queries';

/*
 * A draft may be saved with personal data in it: the worker sees the guard's findings and fixes them
 * before submitting. Until then the texts must not sit in the database in plain words, where dumps,
 * backups and anyone reading the tables would find them. So a draft with unconfirmed findings is
 * stored twice: its free texts whole, encrypted as protected data are (need_sealed_texts), and in the
 * needs table with every found fragment blotted out. Only the own organisation reads the draft, and it
 * reads the sealed texts; saving the draft clean removes them.
 */

type Content = Pick<NeedContent, 'title' | 'situation' | 'impact' | 'items' | 'funding'>;

/** The texts as `needTexts` names them: field → text. */
type SealedTexts = Record<string, string>;

export const sealedContext = (needId: string) => `need_sealed_texts:texts:${needId}`;

/** What stands in the needs table for a found fragment: never longer than the fragment. */
const blot = (fragment: string) => '•'.repeat(Math.min(3, fragment.length));

/** The content with each unconfirmed finding blotted out; a link with a finding is left out whole. */
export function blotted<T extends Content>(content: T, findings: Finding[]): T {
	const open = findings.filter((f) => !f.confirmed);
	const byField = new Map<string, Finding[]>();
	for (const f of open) byField.set(f.field, [...(byField.get(f.field) ?? []), f]);
	const clean = (field: string, text: string) => {
		const found = (byField.get(field) ?? []).toSorted((a, b) => b.start - a.start);
		let out = text;
		for (const f of found) out = out.slice(0, f.start) + blot(out.slice(f.start, f.end)) + out.slice(f.end);
		return out;
	};
	return {
		...content,
		title: clean('title', content.title),
		situation: clean('situation', content.situation),
		impact: clean('impact', content.impact),
		items: content.items.map((item, i) => ({
			...item,
			description: clean(`items.${i}.description`, item.description),
			link: item.link && byField.has(`items.${i}.link`) ? null : item.link
		})),
		funding: content.funding.map((f, i) => ({ ...f, source: clean(`funding.${i}.source`, f.source) }))
	};
}

/**
 * Stores the draft's texts sealed when some finding is unconfirmed, and removes them when none is.
 * Returns the content to write to the needs table.
 */
export async function sealDraftTexts<T extends Content>(
	db: Queryable,
	keys: KeyRing,
	needId: string,
	content: T,
	findings: Finding[]
): Promise<T> {
	if (!findings.some((f) => !f.confirmed)) {
		await db`delete from need_sealed_texts where need_id = ${needId}`;
		return content;
	}
	const texts: SealedTexts = Object.fromEntries(needTexts(content).map((t) => [t.field, t.text]));
	const sealed = encryptField(keys, JSON.stringify(texts), sealedContext(needId));
	await db`
		insert into need_sealed_texts (need_id, texts) values (${needId}, ${sealed})
		on conflict (need_id) do update set texts = excluded.texts, sealed_at = now()`;
	return blotted(content, findings);
}

/** The draft as its worker wrote it: the sealed texts put back in place of the blotted ones. */
export async function unsealed<T extends Content & { id: string }>(
	db: Queryable,
	keys: KeyRing,
	need: T
): Promise<T> {
	const [row] = await db<{ texts: string }[]>`select texts from need_sealed_texts where need_id = ${need.id}`;
	if (!row) return need;
	const texts = JSON.parse(decryptField(keys, row.texts, sealedContext(need.id))) as SealedTexts;
	const text = (field: string, blottedText: string) => texts[field] ?? blottedText;
	return {
		...need,
		title: text('title', need.title),
		situation: text('situation', need.situation),
		impact: text('impact', need.impact),
		items: need.items.map((item, i) => ({
			...item,
			description: text(`items.${i}.description`, item.description),
			link: texts[`items.${i}.link`] ?? item.link
		})),
		funding: need.funding.map((f, i) => ({ ...f, source: text(`funding.${i}.source`, f.source) }))
	};
}

/** Whether the need has sealed texts (a draft saved with personal data in it). */
export async function hasSealedTexts(db: Queryable, needId: string): Promise<boolean> {
	return (await db`select 1 from need_sealed_texts where need_id = ${needId}`).length > 0;
}
