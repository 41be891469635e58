import { m } from '$lib/paraglide/messages';

/** Readable names of audit actions; an action added later without a name shows as it is stored. */
const actions: Record<string, () => string> = {
	'auth.sign_in': m.audit_action_auth_sign_in,
	'auth.sign_in_failed': m.audit_action_auth_sign_in_failed,
	'auth.sign_out': m.audit_action_auth_sign_out,
	'auth.throttled': m.audit_action_auth_throttled,
	'auth.password_changed': m.audit_action_auth_password_changed,
	'auth.password_reset_requested': m.audit_action_auth_password_reset_requested,
	'auth.password_reset': m.audit_action_auth_password_reset,
	'auth.two_factor_enabled': m.audit_action_auth_two_factor_enabled,
	'auth.two_factor_disabled': m.audit_action_auth_two_factor_disabled,
	'auth.two_factor_failed': m.audit_action_auth_two_factor_failed,
	'auth.recovery_code_used': m.audit_action_auth_recovery_code_used,
	'auth.email_verified': m.audit_action_auth_email_verified,
	'access.denied': m.audit_action_access_denied,
	'audit.exported': m.audit_action_audit_exported,
	'user.signed_up': m.audit_action_user_signed_up,
	'user.access_requested': m.audit_action_user_access_requested,
	'user.approved': m.audit_action_user_approved,
	'user.roles_changed': m.audit_action_user_roles_changed,
	'user.deactivated': m.audit_action_user_deactivated,
	'user.reactivated': m.audit_action_user_reactivated,
	'user.profile_changed': m.audit_action_user_profile_changed,
	'invitation.created': m.audit_action_invitation_created,
	'invitation.accepted': m.audit_action_invitation_accepted,
	'organisation.created': m.audit_action_organisation_created,
	'organisation.changed': m.audit_action_organisation_changed,
	'need.personal_data_confirmed': m.audit_action_need_personal_data_confirmed,
	'need.attachment_read': m.audit_action_need_attachment_read,
	'need.fast_tracked': m.audit_action_need_fast_tracked,
	'need.poll_message_posted': m.poll_msg_audit_posted,
	'club.settings_changed': m.audit_action_club_settings_changed,
	'need.cancelled': m.audit_action_need_cancelled,
	'need.closed': m.audit_action_need_closed,
	'ledger.allocated': m.audit_action_ledger_allocated,
	'ledger.offline_gift': m.audit_action_ledger_offline_gift,
	'ledger.payout': m.audit_action_ledger_payout,
	'ledger.payout_receipt_read': m.audit_action_ledger_payout_receipt_read,
	'ledger.returned_to_fund': m.audit_action_ledger_returned_to_fund,
	'ledger.statement_imported': m.audit_action_ledger_statement_imported,
	'ledger.payment_assigned': m.audit_action_ledger_payment_assigned,
	'ledger.bank_payment_returned': m.audit_action_ledger_bank_payment_returned,
	'ledger.club_account_added': m.audit_action_ledger_club_account_added,
	'ledger.club_account_removed': m.audit_action_ledger_club_account_removed,
	'ledger.fio_token_stored': m.audit_action_ledger_fio_token_stored,
	'ledger.fio_token_removed': m.audit_action_ledger_fio_token_removed,
	'ledger.report_exported': m.audit_action_ledger_report_exported,
	'ledger.confirmation_issued': m.audit_action_ledger_confirmation_issued,
	'ledger.confirmations_archived': m.audit_action_ledger_confirmations_archived,
	'ledger.confirmations_mailed': m.audit_action_ledger_confirmations_mailed,
	'ledger.donor_profile_changed': m.audit_action_ledger_donor_profile_changed,
	'ledger.card_refunded': m.audit_action_ledger_card_refunded,
	'ledger.card_disputed': m.audit_action_ledger_card_disputed,
	'ledger.card_dispute_won': m.audit_action_ledger_card_dispute_won,
	'ledger.card_dispute_lost': m.audit_action_ledger_card_dispute_lost,
	'delivery.protected_written': m.audit_action_delivery_protected_written,
	'delivery.protected_read': m.audit_action_delivery_protected_read,
	'delivery.protected_deleted': m.audit_action_delivery_protected_deleted,
	'delivery.contact_changed': m.audit_action_delivery_contact_changed,
	'delivery.delivery_arranged': m.audit_action_delivery_delivery_arranged,
	'delivery.delivery_bought': m.audit_action_delivery_delivery_bought,
	'delivery.delivered': m.audit_action_delivery_delivered,
	'delivery.receipt_confirmed': m.audit_action_delivery_receipt_confirmed,
	'delivery.feedback_recorded': m.audit_action_delivery_feedback_recorded,
	'delivery.feedback_findings_confirmed': m.audit_action_delivery_feedback_findings_confirmed,
	'delivery.proof_read': m.audit_action_delivery_proof_read,
	'story.drafted': m.audit_action_story_drafted,
	'story.edited': m.audit_action_story_edited,
	'story.findings_confirmed': m.audit_action_story_findings_confirmed,
	'story.submitted': m.audit_action_story_submitted,
	'story.published': m.audit_action_story_published,
	'story.unpublished': m.audit_action_story_unpublished,
	'story.consent_recorded': m.audit_action_story_consent_recorded,
	'story.consent_withdrawn': m.audit_action_story_consent_withdrawn
};

const groups: [string, () => string][] = [
	['auth.', m.audit_group_auth],
	['user.', m.audit_group_user],
	['invitation.', m.audit_group_invitation],
	['organisation.', m.audit_group_organisation],
	['need.', m.audit_group_need],
	['club.', m.audit_group_club],
	['ledger.', m.audit_group_ledger],
	['delivery.', m.audit_group_delivery],
	['story.', m.audit_group_story]
];

const targets: Record<string, () => string> = {
	user: m.audit_target_user,
	organisation: m.audit_target_organisation,
	invitation: m.audit_target_invitation,
	need: m.audit_target_need,
	club: m.audit_target_club,
	fund: m.audit_target_fund,
	bank_statement: m.audit_target_bank_statement,
	bank_payment: m.audit_target_bank_payment,
	fio_api_connection: m.audit_target_fio_api_connection,
	donor: m.audit_target_donor,
	donation: m.audit_target_donation,
	route: m.audit_target_route
};

export const actionName = (action: string) => actions[action]?.() ?? action;

export const targetTypeName = (type: string) => targets[type]?.() ?? type;

/** The action filter: whole groups first, then each action. */
export const actionOptions = () => [
	...groups.map(([value, label]) => ({ value, label: label() })),
	...Object.entries(actions).map(([value, label]) => ({ value, label: label() }))
];
