import { m } from '$lib/paraglide/messages';
import { checkPassword, PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem } from '$lib/server/auth/password';
import { z } from 'zod';

/** Shared by reset and sign-up: what to tell a person whose new password is refused. */
export function passwordProblemMessage(problem: PasswordProblem): string {
	switch (problem) {
		case 'too_short':
			return m.reset_password_too_short({ min: PASSWORD_MIN });
		case 'too_long':
			return m.reset_password_too_long({ max: PASSWORD_MAX });
		case 'common':
			return m.reset_password_common();
	}
}

export const emailField = z
	.string({ error: () => m.form_required() })
	.trim()
	.min(1, { error: () => m.form_required() })
	.max(254, { error: () => m.form_too_long({ max: 254 }) })
	.pipe(z.email({ error: () => m.form_email_invalid() }));

/** A new password, checked here so that its problem shows with the other fields' (and again by the domain). */
export const newPasswordField = z
	.string({ error: () => m.form_required() })
	.min(1, { error: () => m.form_required() })
	.superRefine((value, ctx) => {
		const problem = checkPassword(value);
		if (problem) ctx.addIssue({ code: 'custom', message: passwordProblemMessage(problem) });
	});
