import { m } from '$lib/paraglide/messages';
import { regions } from '$lib/regions';
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
