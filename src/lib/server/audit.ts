import type { Queryable } from './db/client';

/**
 * The audit log: append-only (a trigger refuses updates and deletes). Records who did what to what and
 * from where — never passwords, tokens, contact details or other protected data.
 */
export type AuditAction =
	| 'auth.sign_in'
	| 'auth.sign_in_failed'
	| 'auth.sign_out'
	| 'auth.throttled'
	| 'auth.password_changed'
	| 'auth.password_reset_requested'
	| 'auth.password_reset'
	| 'auth.two_factor_enabled'
	| 'auth.two_factor_disabled'
	| 'auth.two_factor_failed'
	| 'auth.recovery_code_used'
	| 'auth.email_verified'
	| 'access.denied'
	| 'user.signed_up'
	| 'user.access_requested'
	| 'user.approved'
	| 'user.roles_changed'
	| 'user.deactivated'
	| 'user.reactivated'
	| 'user.profile_changed'
	| 'invitation.created'
	| 'invitation.accepted'
	| 'organisation.created'
	| 'organisation.changed'
	| 'need.personal_data_confirmed'
	| 'need.attachment_read'
	| 'need.fast_tracked'
	| 'club.settings_changed'
	| 'need.poll_message_posted'
	| 'need.cancelled'
	| 'need.closed'
	| 'ledger.allocated'
	| 'ledger.offline_gift'
	| 'ledger.payout'
	| 'ledger.payout_receipt_read'
	| 'ledger.returned_to_fund'
	| 'ledger.statement_imported'
	| 'ledger.payment_assigned'
	| 'ledger.bank_payment_returned'
	| 'ledger.club_account_added'
	| 'ledger.club_account_removed'
	| 'ledger.fio_token_stored'
	| 'ledger.fio_token_removed'
	| 'ledger.report_exported'
	| 'ledger.confirmation_issued'
	| 'ledger.confirmations_archived'
	| 'ledger.confirmations_mailed'
	| 'ledger.donor_profile_changed'
	| 'ledger.card_refunded'
	| 'ledger.card_disputed'
	| 'ledger.card_dispute_won'
	| 'ledger.card_dispute_lost'
	| 'delivery.protected_written'
	| 'delivery.protected_read'
	| 'delivery.protected_deleted'
	| 'delivery.contact_changed'
	| 'delivery.delivery_arranged'
	| 'delivery.delivery_bought'
	| 'delivery.delivered'
	| 'delivery.receipt_confirmed'
	| 'delivery.feedback_recorded'
	| 'delivery.feedback_findings_confirmed'
	| 'delivery.proof_read'
	| 'story.drafted'
	| 'story.edited'
	| 'story.findings_confirmed'
	| 'story.submitted'
	| 'story.published'
	| 'story.unpublished'
	| 'story.consent_recorded'
	| 'story.consent_withdrawn';

export interface AuditEntry {
	actorId: string | null;
	action: AuditAction;
	targetType?: string;
	targetId?: string;
	address?: string | null;
	details?: Record<string, string | number | boolean | null | string[]>;
}

export async function audit(db: Queryable, entry: AuditEntry) {
	await db`
		insert into audit_log (actor_id, action, target_type, target_id, address, details)
		values (${entry.actorId}, ${entry.action}, ${entry.targetType ?? null}, ${entry.targetId ?? null},
			${entry.address ?? null}, ${db.json(entry.details ?? {})})`;
}

export interface AuditRow {
	id: number;
	at: Date;
	actorId: string | null;
	actorEmail: string | null;
	action: string;
	targetType: string | null;
	targetId: string | null;
	address: string | null;
	details: Record<string, unknown>;
}

export interface AuditFilter {
	action?: string;
	actorEmail?: string;
	from?: Date;
	to?: Date;
	limit?: number;
	before?: number;
}

/** Entries for the coordinator, newest first, filtered. */
export async function listAudit(db: Queryable, filter: AuditFilter = {}): Promise<AuditRow[]> {
	return db<AuditRow[]>`
		select a.id, a.at, a.actor_id as "actorId", u.email as "actorEmail", a.action,
			a.target_type as "targetType", a.target_id as "targetId", a.address, a.details
		from audit_log a left join users u on u.id = a.actor_id
		where true
			${filter.action ? db`and a.action like ${filter.action.replace(/[%_\\]/g, '\\$&') + '%'}` : db``}
			${filter.actorEmail ? db`and u.email = ${filter.actorEmail.toLowerCase()}` : db``}
			${filter.from ? db`and a.at >= ${filter.from}` : db``}
			${filter.to ? db`and a.at < ${filter.to}` : db``}
			${filter.before ? db`and a.id < ${filter.before}` : db``}
		order by a.id desc
		limit ${filter.limit ?? 100}`;
}
