import { m } from '$lib/paraglide/messages';
import { regions } from '$lib/regions';
import { normalisePhone } from '$lib/server/accounts/help-directory';
import { organisationKinds } from '$lib/server/accounts/organisations';
import { z } from 'zod';

/** The organisation form, for creating and for editing. */
export const organisationSchema = z.object({
	name: z
		.string({ error: () => m.form_required() })
		.trim()
		.min(1, { error: () => m.form_required() })
		.min(2, { error: () => m.org_name_short() })
		.max(200, { error: () => m.form_too_long({ max: 200 }) }),
	kind: z.enum(organisationKinds, { error: () => m.people_choose_option() }),
	region: z.enum(regions, { error: () => m.people_choose_option() })
});

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.optional()
		.transform((value) => value || null);

/** The organisation's listing on the public help page (/help). A checkbox sends "on" only when ticked. */
export const helpListingSchema = z
	.object({
		listed: z.string().optional().transform(Boolean),
		checked: z.string().optional().transform(Boolean),
		phone: optionalText(30).refine((p) => p === null || normalisePhone(p) !== null, {
			error: () => m.org_help_phone_invalid()
		}),
		web: optionalText(300).refine((w) => w === null || isHttpsAddress(w), {
			error: () => m.org_help_web_invalid()
		}),
		hours: optionalText(200)
	})
	.transform((d) => ({ ...d, phone: d.phone === null ? null : normalisePhone(d.phone) }));

function isHttpsAddress(value: string): boolean {
	if (!/^https:\/\/[^\s<>"]+$/.test(value)) return false;
	try {
		return new URL(value).protocol === 'https:';
	} catch {
		return false;
	}
}
