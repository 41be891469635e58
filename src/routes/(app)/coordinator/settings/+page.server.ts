import { czkInputValue, parseCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { getClubSettings, saveClubSettings } from '$lib/server/club/settings';
import { confirmationClub } from '$lib/server/payments/receipts/confirmations';
import { isValidIban } from '$lib/server/ledger/qr-platba';
import { isValidIco } from '$lib/server/payments/receipts/donor-profile';
import { emailField, requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm, optionalText } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import { db } from '$lib/server/runtime';
import { getVoteSettings } from '$lib/server/voting/settings';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const club = await getClubSettings(db());
	const votes = await getVoteSettings(db());
	const signatory = (await confirmationClub(db()))?.signatory;
	return {
		values: {
			name: club?.name ?? '',
			contact_email: club?.contactEmail ?? '',
			registration_number: club?.registrationNumber ?? '',
			address: club?.address ?? '',
			place: club?.place ?? '',
			signatory_name: signatory?.name ?? '',
			signatory_role: signatory?.role ?? '',
			collection_iban: club?.collectionIban ?? '',
			collection_reference: club?.collectionReference ?? '',
			quorum_percent: String(votes.quorumPercent),
			approval_percent: String(votes.approvalPercent),
			vote_hours: String(votes.voteHours),
			urgent_vote_hours: String(votes.urgentVoteHours),
			fast_track_limit: czkInputValue(votes.fastTrackLimit),
			results_hidden: votes.resultsHidden ? 'on' : '',
			retention_days: String(club?.retentionDays ?? 30)
		}
	};
}) satisfies PageServerLoad;

const whole = (min: number, max: number) =>
	z.coerce
		.number({ error: () => m.settings_error_range({ min, max }) })
		.int({ error: () => m.settings_error_range({ min, max }) })
		.min(min, { error: () => m.settings_error_range({ min, max }) })
		.max(max, { error: () => m.settings_error_range({ min, max }) });

const schema = z.object({
	name: requiredText(200),
	contact_email: z.union([z.literal(''), emailField]),
	registration_number: z
		.string()
		.default('')
		.transform((v) => v.replace(/\s+/g, '') || null)
		.refine((v) => v === null || isValidIco(v), { error: () => m.money_settings_error_ico() }),
	address: optionalText(300),
	place: optionalText(60),
	signatory_name: optionalText(120),
	signatory_role: optionalText(120),
	// people copy the account as the bank prints it, in groups of four
	collection_iban: z
		.string()
		.default('')
		.transform((v) => v.replace(/\s+/g, '').toUpperCase() || null)
		.refine((v) => v === null || isValidIban(v), { error: () => m.money_settings_error_iban() }),
	collection_reference: optionalText(100),
	quorum_percent: whole(1, 100),
	approval_percent: whole(1, 99),
	vote_hours: whole(1, 2160),
	urgent_vote_hours: whole(1, 2160),
	fast_track_limit: z.string().transform((v, ctx) => {
		const amount = v.trim() === '' ? 0 : parseCzk(v);
		if (amount === null || amount > 100_000_000) {
			ctx.addIssue({ code: 'custom', message: m.need_error_amount() });
			return z.NEVER;
		}
		return amount;
	}),
	results_hidden: z.literal('on').optional(),
	retention_days: whole(1, 365)
});

export const actions = {
	default: async (event) => {
		const user = requireRole(event, 'coordinator');
		const form = await readForm(event.request);
		const input = parseForm(schema, form);
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const d = input.data;
		// a role with nobody in it would print an empty signature line on every confirmation of gifts
		if (d.signatory_role && !d.signatory_name) {
			const errors = { signatory_name: m.confirmations_settings_signatory_name_missing() };
			return fail(400, { values: formValues(form), errors });
		}
		await saveClubSettings(
			db(),
			{ id: user.id, address: event.getClientAddress() },
			{
				name: d.name,
				contactEmail: d.contact_email || null,
				registrationNumber: d.registration_number,
				address: d.address,
				place: d.place,
				collectionIban: d.collection_iban,
				collectionReference: d.collection_reference,
				quorumPercent: d.quorum_percent,
				approvalPercent: d.approval_percent,
				voteHours: d.vote_hours,
				urgentVoteHours: d.urgent_vote_hours,
				fastTrackLimit: d.fast_track_limit,
				resultsHidden: d.results_hidden === 'on',
				retentionDays: d.retention_days
			},
			{ signatoryName: d.signatory_name, signatoryRole: d.signatory_role }
		);
		return { saved: true };
	}
} satisfies Actions;
