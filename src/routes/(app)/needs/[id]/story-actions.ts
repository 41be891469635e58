import { refusalStatus } from '$lib/server/core/refusals';
import { categories } from '$lib/needs';
import { m } from '$lib/paraglide/messages';
import { isDay, pragueDay, pragueLocalToDate } from '$lib/core/prague';
import { regions } from '$lib/regions';
import { consentAudiences } from '$lib/stories';
import { contextOf } from '$lib/server/http/actor';
import { requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import {
	publishStory,
	recordConsent,
	saveStory,
	submitStory,
	unpublishStory,
	withdrawConsent,
	type StoryResult
} from '$lib/server/stories/stories';
import { attachmentStore } from '$lib/server/runtime';
import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { fileRefusalText, refusalText } from '$lib/server/http/refusal-texts';

/*
 * The story of a delivered need on the need's page: its author writes it and hands it over for review,
 * the organisation records the family's consent, the coordinator publishes and takes it down. The
 * domain decides who may and when.
 */

type StoryAction = 'story' | 'submitStory' | 'consent' | 'withdrawConsent' | 'publish' | 'unpublish';

const contextIn = (event: RequestEvent<{ id: string }>) =>
	contextOf(event, requireRole(event, 'social_worker', 'coordinator', 'member'));

const yes = z.literal('yes').optional();

const fieldLabels = (): Record<string, string> => ({
	title: m.story_field_title(),
	body: m.story_field_body(),
	photoAlt: m.story_field_photo_alt()
});

/** The domain's field names as the form names them. */
const formField: Record<string, string> = { title: 'title', body: 'body', photoAlt: 'photo_alt' };

/** The answer to a story action: done, or the refusal in the person's language with the typed values kept. */
function answer(action: StoryAction, result: StoryResult, values: Record<string, string> = {}) {
	if (result.ok) return { action, done: true };
	if (result.reason === 'not_found') error(404, 'Not found');
	if (result.reason === 'personal_data') {
		const fields = result.fields ?? [];
		return fail(400, {
			action,
			values,
			message: m.story_refusal_personal_data({
				fields: fields.map((f) => fieldLabels()[f] ?? f).join(', ')
			}),
			errors: Object.fromEntries(
				fields.map((f) => [formField[f] ?? f, m.story_refusal_personal_data_field()])
			),
			findings: result.findings ?? []
		});
	}
	const fileText = fileRefusalText(result.reason);
	if (fileText) return fail(400, { action, values, errors: { photo: fileText } });
	if (result.reason === 'photo_not_confirmed')
		return fail(400, {
			action,
			values,
			message: refusalText('photo_not_confirmed', 'story'),
			errors: { photo_confirmed: m.story_error_photo_confirmed() }
		});
	return fail(refusalStatus(result.reason), {
		action,
		values,
		message: refusalText(result.reason, 'story')
	});
}

const storySchema = z.object({
	title: requiredText(120),
	body: requiredText(6000),
	category: z.enum(categories, { error: () => m.story_error_category() }),
	region: z.enum(regions, { error: () => m.story_error_region() }),
	photo_alt: z
		.string()
		.trim()
		.max(300, { error: () => m.form_too_long({ max: 300 }) })
		.default(''),
	photo_confirmed: yes,
	remove_photo: yes,
	confirm_not_personal: yes
});

const consentSchema = z
	.object({
		given_on: z
			.string({ error: () => m.story_error_consent_day() })
			.trim()
			.refine((v) => isDay(v) && v <= pragueDay(), {
				error: () => m.story_error_consent_day()
			}),
		audience: z.enum(consentAudiences, { error: () => m.story_error_consent_scope() }),
		social: yes
	})
	.superRefine((v, ctx) => {
		if (v.social && v.audience === 'donors')
			ctx.addIssue({ code: 'custom', path: ['social'], message: m.story_error_consent_social_donors() });
	});

/** A minute's grace: "now" typed into the form is already a few seconds past when it arrives. */
const grace = 60 * 1000;

const publishSchema = z.object({
	publish_at: z
		.string()
		.trim()
		.default('')
		.transform((v, ctx) => {
			if (!v) return null;
			const at = pragueLocalToDate(v);
			if (!at) {
				ctx.addIssue({ code: 'custom', message: m.story_error_publish_at() });
				return z.NEVER;
			}
			// a story is not dated back: its date orders the public list
			if (at.getTime() < Date.now() - grace) {
				ctx.addIssue({ code: 'custom', message: m.story_error_publish_at_past() });
				return z.NEVER;
			}
			return at.getTime() < Date.now() ? null : at;
		})
});

export const storyActions = {
	story: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(storySchema, form);
		if (!input.ok) return fail(400, { action: 'story' as const, values: input.values, errors: input.errors });
		const file = form.get('photo');
		const photo =
			file instanceof File && file.size > 0
				? { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, type: file.type }
				: null;
		const d = input.data;
		const result = await saveStory(
			ctx,
			attachmentStore(),
			event.params.id,
			{
				title: d.title,
				body: d.body,
				category: d.category,
				region: d.region,
				photoAlt: d.photo_alt,
				photoConfirmed: d.photo_confirmed === 'yes',
				removePhoto: d.remove_photo === 'yes',
				confirmFindings: d.confirm_not_personal === 'yes'
			},
			photo
		);
		return answer('story', result, formValues(form));
	},
	submitStory: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		return answer('submitStory', await submitStory(ctx, event.params.id));
	},
	consent: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(consentSchema, form);
		if (!input.ok)
			return fail(400, { action: 'consent' as const, values: input.values, errors: input.errors });
		const d = input.data;
		const result = await recordConsent(ctx, event.params.id, {
			givenOn: d.given_on,
			audience: d.audience,
			social: d.social === 'yes'
		});
		return answer('consent', result, formValues(form));
	},
	withdrawConsent: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		return answer('withdrawConsent', await withdrawConsent(ctx, event.params.id));
	},
	publish: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(publishSchema, form);
		if (!input.ok)
			return fail(400, { action: 'publish' as const, values: input.values, errors: input.errors });
		const result = await publishStory(ctx, event.params.id, input.data.publish_at);
		return answer('publish', result, formValues(form));
	},
	unpublish: async (event: RequestEvent<{ id: string }>) => {
		const ctx = contextIn(event);
		return answer('unpublish', await unpublishStory(ctx, event.params.id));
	}
};
