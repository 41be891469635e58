import { m } from '$lib/paraglide/messages';

const templateNames: Record<string, () => string> = {
	invitation: m.outbox_template_invitation,
	verify_email: m.outbox_template_verify_email,
	reset_password: m.outbox_template_reset_password,
	account_exists: m.outbox_template_account_exists,
	access_requested: m.outbox_template_access_requested,
	access_approved: m.outbox_template_access_approved,
	pledge_instructions: m.outbox_template_pledge_instructions,
	gift_thanks: m.outbox_template_gift_thanks,
	due_failed: m.outbox_template_due_failed,
	gift_confirmation_year: m.outbox_template_gift_confirmation_year
};

export const templateName = (template: string) => templateNames[template]?.() ?? template;
