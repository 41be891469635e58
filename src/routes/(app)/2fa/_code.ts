import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

/** A TOTP code or a recovery code as typed; `verifyTwoFactorCode` decides which it is. */
export const codeField = z
	.string({ error: () => m.form_required() })
	.trim()
	.min(1, { error: () => m.form_required() })
	.max(64, { error: () => m.twofa_invalid_code() });
