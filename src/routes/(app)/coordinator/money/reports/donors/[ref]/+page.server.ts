import { isUuid } from '$lib/core/ids';
import { m } from '$lib/paraglide/messages';
import { contextOf } from '$lib/server/http/actor';
import { parseForm, readForm } from '$lib/server/http/forms';
import { requireRole } from '$lib/server/http/guards';
import {
	clearDonorProfile,
	donorKeyOfDonation,
	getDonorProfile,
	saveDonorProfile
} from '$lib/server/payments/receipts/donor-profile';
import { donorProfileSchema, profileInput } from '$lib/server/payments/receipts/donor-profile-form';
import { donorDetailsFromGifts } from '$lib/server/payments/receipts/confirmations';
import { db } from '$lib/server/runtime';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

/*
 * The coordinator's version of a donor for confirmations of gifts. The page is reached by one of the
 * donor's donations (`ref`), so that no e-mail address stands in the address bar or a server log.
 */

async function donorOf(event: { params: { ref: string } }): Promise<string> {
	const key = isUuid(event.params.ref) ? await donorKeyOfDonation(db(), event.params.ref) : null;
	if (!key) error(404, 'Not Found');
	return key;
}

const yearOf = (url: URL) => {
	const text = url.searchParams.get('year') ?? '';
	return /^\d{4}$/.test(text) ? Number(text) : null;
};

export const load = (async (event) => {
	requireRole(event, 'coordinator');
	const key = await donorOf(event);
	const year = yearOf(event.url);
	const sql = db();
	const [profile, latest] = await Promise.all([getDonorProfile(sql, key), donorDetailsFromGifts(sql, key)]);
	return {
		year,
		latest,
		edited: profile !== null,
		values: {
			kind: profile?.kind ?? 'person',
			name: profile?.name ?? latest.name ?? '',
			address: profile ? (profile.address ?? '') : (latest.address ?? ''),
			company_name: profile?.companyName ?? '',
			registration_number: profile?.registrationNumber ?? '',
			vat_number: profile?.vatNumber ?? ''
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async (event) => {
		const user = requireRole(event, 'coordinator');
		const key = await donorOf(event);
		const input = parseForm(donorProfileSchema, await readForm(event.request));
		if (!input.ok) return fail(400, { values: input.values, errors: input.errors });
		const result = await saveDonorProfile(contextOf(event, user), key, profileInput(input.data));
		if (!result.ok) {
			if (result.reason === 'forbidden') error(403, 'Forbidden');
			return fail(400, { values: input.data, errors: { _form: m.confirmations_donor_failed() } });
		}
		return { saved: true };
	},
	reset: async (event) => {
		const user = requireRole(event, 'coordinator');
		const key = await donorOf(event);
		const result = await clearDonorProfile(contextOf(event, user), key);
		if (!result.ok) error(403, 'Forbidden');
		return { reset: true };
	}
} satisfies Actions;
