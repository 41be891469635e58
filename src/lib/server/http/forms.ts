import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

/**
 * Form input through a zod schema. On failure: the values to refill the form with (never passwords or
 * codes) and the first message per field, in the visitor's language (the schemas' messages are
 * functions evaluated during the request).
 */
export type FormFailure = { values: Record<string, string>; errors: Record<string, string> };
export type Parsed<T> = { ok: true; data: T } | ({ ok: false } & FormFailure);

const SECRET_FIELDS = /password|code|token|secret/i;

export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !SECRET_FIELDS.test(key) && !(key in values)) values[key] = value;
	}
	return values;
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData): Parsed<z.output<S>> {
	const raw: Record<string, string | string[]> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string') continue;
		const existing = raw[key];
		if (existing === undefined) raw[key] = value;
		else raw[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? '_form');
		errors[field] ??= issue.message;
	}
	return { ok: false, values: formValues(form), errors };
}

const statusOf = (e: unknown): number | undefined => {
	const err = e as { status?: number; cause?: { status?: number } } | null;
	return err?.status ?? err?.cause?.status;
};

/**
 * Reads the request body as a form; a body that is not one counts as an empty form. A body beyond
 * BODY_SIZE_LIMIT is answered 413, as adapter-node means it to be.
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		const form = await request.formData();
		// NUL never means anything in a form, and PostgreSQL refuses it in text: gone here, for every form
		const clean = new FormData();
		for (const [key, value] of form)
			clean.append(key, typeof value === 'string' ? value.replaceAll('\0', '') : value);
		return clean;
	} catch (e) {
		if (statusOf(e) === 413) error(413, 'Payload Too Large');
		return new FormData();
	}
}

/** An optional text field: trimmed, at most `max` characters (said in the visitor's words), empty → null. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('')
		.transform((v) => v || null);
