import { m } from '$lib/paraglide/messages';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from '$lib/server/auth/password';
import { z } from 'zod';

/*
 * Form fields that several forms share, with their messages in the visitor's language (the messages are
 * functions, evaluated during the request).
 */

/** What to tell a person whose new password is refused. */
export function passwordProblemMessage(problem: PasswordProblem): string {
	switch (problem) {
		case 'too_short':
			return m.password_too_short({ min: PASSWORD_MIN });
		case 'too_long':
			return m.password_too_long({ max: PASSWORD_MAX });
		case 'common':
			return m.password_common();
	}
}

/** A required text of at most `max` characters, trimmed. */
export const requiredText = (max: number) =>
	z
		.string({ error: () => m.form_required() })
		.trim()
		.min(1, { error: () => m.form_required() })
		.max(max, { error: () => m.form_too_long({ max }) });

export const emailField = requiredText(254).pipe(z.email({ error: () => m.form_email_invalid() }));

/** A password being typed to sign in or confirm: required, never trimmed, sensibly bounded. */
export const passwordField = z
	.string({ error: () => m.form_required() })
	.min(1, { error: () => m.form_required() })
	.max(1000, { error: () => m.form_too_long({ max: 1000 }) });

/** A new password, checked here so that its problem shows with the other fields' (and again by the domain). */
export const newPasswordField = z
	.string({ error: () => m.form_required() })
	.min(1, { error: () => m.form_required() })
	.superRefine((value, ctx) => {
		const problem = checkPassword(value);
		if (problem) ctx.addIssue({ code: 'custom', message: passwordProblemMessage(problem) });
	});
