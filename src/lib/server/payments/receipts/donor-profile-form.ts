import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { isValidDic, isValidIco, normaliseDic, normaliseIco, type DonorProfileInput } from './donor-profile';

/*
 * The coordinator's form for a donor's details on confirmations: what the browser sends → the input
 * of saveDonorProfile, with a message in the coordinator's language at each field that is wrong. IČO
 * and DIČ are taken as people copy them (with spaces, "cz" in lower case) and checked as the register
 * assigns them.
 */

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('');

export const donorProfileSchema = z
	.object({
		kind: z.enum(['person', 'company'], { error: () => m.confirmations_error_kind() }),
		name: optional(200),
		address: optional(300),
		company_name: optional(200),
		registration_number: z.string().default('').transform(normaliseIco),
		vat_number: z.string().default('').transform(normaliseDic)
	})
	.superRefine((d, ctx) => {
		const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
		if (d.kind === 'person') {
			if (!d.name) issue('name', m.confirmations_error_name_required());
			return;
		}
		if (!d.company_name) issue('company_name', m.confirmations_error_company_required());
		if (!d.registration_number) issue('registration_number', m.confirmations_error_ico_required());
		else if (!isValidIco(d.registration_number)) issue('registration_number', m.confirmations_error_ico());
		if (d.vat_number && !isValidDic(d.vat_number)) issue('vat_number', m.confirmations_error_dic());
	});

/** The form's values as saveDonorProfile takes them: a person keeps no company fields. */
export function profileInput(d: z.output<typeof donorProfileSchema>): DonorProfileInput {
	return d.kind === 'person'
		? { kind: 'person', name: d.name, address: d.address || null }
		: {
				kind: 'company',
				companyName: d.company_name,
				registrationNumber: d.registration_number,
				vatNumber: d.vat_number || null,
				address: d.address || null,
				name: d.name || null
			};
}
