import { refusalStatus } from '$lib/server/core/refusals';
import { isUuid } from '$lib/core/ids';
import { m } from '$lib/paraglide/messages';
import { requiredText } from '$lib/server/http/fields';
import { formValues, parseForm, readForm } from '$lib/server/http/forms';
import {
	deliveryWays,
	readProtectedData,
	reassignContactPerson,
	saveProtectedData
} from '$lib/server/delivery/protected';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { type NeedEvent, contextIn, invalid } from './need-actions';

/*
 * The client's protected contact data on the need's page: entered by the organisation, read (audited) by
 * those who deliver, and the contact person reassigned by the coordinator.
 */

/*
 * The client's protected data. The address is read only for home delivery, whatever else was typed, so
 * that an address left in the field by mistake is never stored.
 */
const protectSchema = z
	.object({
		name: requiredText(200),
		phone: z
			.string({ error: () => m.protected_error_phone() })
			.trim()
			.regex(/^\+?[0-9 ]{9,20}$/, { error: () => m.protected_error_phone() }),
		delivery_way: z.enum(deliveryWays, { error: () => m.protected_error_way() }),
		address: z
			.string()
			.trim()
			.max(300, { error: () => m.form_too_long({ max: 300 }) })
			.default('')
	})
	.superRefine((v, ctx) => {
		if (v.delivery_way === 'home' && !v.address)
			ctx.addIssue({ code: 'custom', path: ['address'], message: m.protected_error_address() });
	});

export const contactActions = {
	protect: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(protectSchema, form);
		// the typed values go back only to refill this person's own form
		if (!input.ok) return invalid('protect', input);
		const { name, phone, delivery_way, address } = input.data;
		const result = await saveProtectedData(ctx, event.params.id, {
			name,
			phone,
			deliveryWay: delivery_way,
			address: delivery_way === 'home' ? address : null
		});
		if (result.ok) return { action: 'protect' as const, done: true };
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(refusalStatus(result.reason), {
			action: 'protect' as const,
			values: formValues(form),
			message:
				result.reason === 'forbidden'
					? m.protected_refusal_forbidden()
					: result.reason === 'wrong_state'
						? m.protected_refusal_wrong_state()
						: m.protected_refusal_invalid()
		});
	},
	/*
	 * "Show contact": the one place the data is read (and the read audited). It lives in this answer only,
	 * never in the page's load, so reloading or another person's view cannot bring it back.
	 */
	reveal: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const data = await readProtectedData(ctx, event.params.id);
		if (!data) {
			// not allowed, unknown or nothing entered look alike: nothing about the data is told
			return fail(404, { action: 'reveal' as const, message: m.protected_reveal_unavailable() });
		}
		return { action: 'reveal' as const, revealed: data };
	},
	contact: async (event: NeedEvent) => {
		const ctx = contextIn(event);
		const form = await readForm(event.request);
		const input = parseForm(
			z.object({ member: z.string({ error: () => m.protected_error_contact() }).max(100) }),
			form
		);
		if (!input.ok) return invalid('contact', input);
		const result = await reassignContactPerson(ctx, event.params.id, input.data.member);
		if (result.ok) return { action: 'contact' as const, done: true };
		// a member id that is no id at all is the domain's not_found too: that is a wrong choice, not a 404
		if (result.reason === 'invalid' || (result.reason === 'not_found' && !isUuid(input.data.member)))
			return fail(400, {
				action: 'contact' as const,
				values: formValues(form),
				errors: { member: m.protected_error_contact() }
			});
		if (result.reason === 'not_found') error(404, 'Not found');
		return fail(refusalStatus(result.reason), {
			action: 'contact' as const,
			values: formValues(form),
			message:
				result.reason === 'forbidden'
					? m.protected_refusal_forbidden()
					: m.protected_refusal_contact_wrong_state()
		});
	}
};
