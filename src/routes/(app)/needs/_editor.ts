import { refusalStatus } from '$lib/server/core/refusals';
import { contextOf } from '$lib/server/http/actor';
import { readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { quasiInNeed, type Finding } from '$lib/server/needs/anonymisation';
import type { QuasiNote } from '$lib/personal-data';
import {
	checkNeedForm,
	needFormState,
	readNeedForm,
	withExtraRow,
	type NeedFormState
} from '$lib/server/needs/form';
import { createNeed, saveNeed, submitNeed, type Result } from '$lib/server/needs/transitions';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { problemText } from './_messages';
import { refusalText } from '$lib/server/http/refusal-texts';

/*
 * The save action of the need form, shared by "new need" and "edit need": one form, three intents —
 * save (a draft, or changes to a submitted need), save and submit, and add a row (no write at all).
 */

export interface EditorAnswer {
	state: NeedFormState;
	errors?: Record<string, string>;
	findings?: Finding[];
	quasi?: QuasiNote[];
	problems?: string[];
	message?: string;
	saved?: boolean;
}

function refused(state: NeedFormState, result: Extract<Result, { ok: false }>) {
	if (result.reason === 'not_found') error(404, 'Not found');
	if (result.reason === 'forbidden') error(403, 'Forbidden');
	return fail(refusalStatus(result.reason), {
		state,
		findings: result.findings ?? [],
		problems: (result.problems ?? []).map(problemText),
		message: refusalText(result.reason, 'need')
	} satisfies EditorAnswer);
}

export async function saveNeedForm(event: RequestEvent, needId: string | null) {
	const user = requireRole(event, 'social_worker');
	const ctx = contextOf(event, user);
	const { state, intent } = readNeedForm(await readForm(event.request));
	if (intent === 'add_item' || intent === 'add_funding') {
		return { state: withExtraRow(state, intent) } satisfies EditorAnswer;
	}
	const checked = checkNeedForm(state);
	if (!checked.ok) {
		return fail(400, {
			state: withExtraRow(state, 'save'),
			errors: checked.errors,
			message: undefined
		} satisfies EditorAnswer);
	}
	let id = needId;
	if (id === null) {
		const created = await createNeed(ctx, checked.content, checked.confirmations);
		if (!created.ok) return refused(state, created);
		id = created.id;
		if (intent !== 'submit') redirect(303, `/needs/${id}/edit?saved=1`);
	} else {
		const saved = await saveNeed(ctx, id, checked.content, checked.confirmations);
		if (!saved.ok) return refused(withExtraRow(state, 'save'), saved);
		if (intent !== 'submit' || !saved.draft) {
			if (!saved.draft) redirect(303, `/needs/${id}?saved=1`);
			return {
				state: withExtraRow(needFormState(checked.content), 'save'),
				findings: saved.findings,
				quasi: quasiInNeed(checked.content),
				saved: true
			} satisfies EditorAnswer;
		}
	}
	const submitted = await submitNeed(ctx, id);
	if (submitted.ok) redirect(303, `/needs/${id}?submitted=1`);
	// a new need is now a draft: its edit page shows why it could not be submitted yet
	if (needId === null) redirect(303, `/needs/${id}/edit?check=1`);
	return refused(withExtraRow(needFormState(checked.content), 'save'), submitted);
}
