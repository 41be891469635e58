import { m } from '$lib/paraglide/messages';
import { optionalText, parseForm } from '$lib/server/http/forms';
import { isOverflowChoice, parseAmountChoice, type OverflowChoice } from '$lib/server/payments/giving';
import { z } from 'zod';

/*
 * The fields the bank and card gift forms share, parsed the same way: the amount (a preset or another
 * typed one), the donor's optional details, the wish for news about the help, the choice made for a
 * gift above what a collection misses, and (bank, /give only) "měsíčně převodem".
 */

const detailsSchema = z.object({
	name: optionalText(200),
	email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
		error: () => m.form_email_invalid()
	}),
	address: optionalText(300)
});

export interface GiftFormData {
	amount: number;
	name: string | null;
	email: string | null;
	address: string | null;
	/** "Pošlete mi zprávu, až pomoc dorazí a až bude příběh" */
	news: boolean;
	/** "měsíčně převodem": a standing order */
	monthly: boolean;
	/** the donor's answer to the split offered before (null: not asked yet) */
	overflow: OverflowChoice | null;
}

export type GiftFormResult = { ok: true; data: GiftFormData } | { ok: false; errors: Record<string, string> };

/**
 * The shared fields of a gift form. `signedIn`: the donor's account gives the address for news when
 * the form leaves the e-mail empty; anyone else asking for news must give one.
 */
export function parseGiftForm(
	form: FormData,
	options: { min: number; max: number; signedIn: boolean },
	amountErrors: () => Record<'missing' | 'invalid' | 'conflict', string>
): GiftFormResult {
	const errors: Record<string, string> = {};
	const field = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : null;
	};
	const amount = parseAmountChoice({ preset: field('preset'), amount: field('amount') }, options);
	if (!amount.ok) errors.amount = amountErrors()[amount.reason];
	const details = parseForm(detailsSchema, form);
	if (!details.ok) Object.assign(errors, details.errors);
	const news = Boolean(field('news'));
	const email = details.ok ? details.data.email : null;
	if (news && details.ok && email === null && !options.signedIn) errors.email ??= m.thanks_error_email();
	if (!amount.ok || !details.ok || Object.keys(errors).length) return { ok: false, errors };
	const overflow = field('overflow');
	return {
		ok: true,
		data: {
			amount: amount.amount,
			...details.data,
			news,
			monthly: field('frequency') === 'monthly',
			overflow: isOverflowChoice(overflow) ? overflow : null
		}
	};
}
