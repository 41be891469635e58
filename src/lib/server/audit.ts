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
	| 'audit.exported'
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
	| 'need.poll_message_posted'
	| 'club.settings_changed'
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
	actorName: string | null;
	action: string;
	targetType: string | null;
	targetId: string | null;
	/** the need's short number ("potřeba č. 12") when the target is a need */
	needNumber: number | null;
	address: string | null;
	details: Record<string, unknown>;
}

/** Routine entries that would drown everything else: hidden unless asked for. */
export const ROUTINE_ACTIONS = ['auth.sign_in', 'auth.sign_out'] as const;

export interface AuditFilter {
	/** an action or a group of them ("ledger."): a prefix */
	action?: string;
	/** the exact e-mail of who acted */
	actorEmail?: string;
	/** part of the name or e-mail of who acted */
	person?: string;
	from?: Date;
	to?: Date;
	/** leave out sign-ins and sign-outs (ROUTINE_ACTIONS) */
	hideRoutine?: boolean;
	limit?: number;
	before?: number;
}

const likePattern = (text: string) => text.replace(/[%_\\]/g, '\\$&');

/**
 * The filter's conditions on audit_log (alias a), written so that an index serves each one (migration
 * 0026): an action prefix is also a range in byte order (a `like` with a parameter cannot use an index
 * in a prepared statement's generic plan), and who acted is found among the users first (a few
 * thousand rows), then their entries by the index on actor_id.
 */
function auditConditions(db: Queryable, filter: Omit<AuditFilter, 'limit' | 'before'>) {
	const prefix = filter.action;
	// action names are ASCII: those starting with the prefix are exactly [prefix, prefix with its last
	// character raised by one) in byte order
	const upper = prefix
		? prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
		: '';
	const person = filter.person ? '%' + likePattern(filter.person.toLowerCase()) + '%' : null;
	return db`
		${
			prefix
				? db`and a.action like ${likePattern(prefix) + '%'}
					and a.action collate "C" >= ${prefix} and a.action collate "C" < ${upper}`
				: db``
		}
		${filter.actorEmail ? db`and a.actor_id in (select id from users where email = ${filter.actorEmail.toLowerCase()})` : db``}
		${
			person
				? db`and a.actor_id in (select id from users where email like ${person} or lower(name) like ${person})`
				: db``
		}
		${filter.hideRoutine ? db`and a.action <> all(${[...ROUTINE_ACTIONS]})` : db``}
		${filter.from ? db`and a.at >= ${filter.from}` : db``}
		${filter.to ? db`and a.at < ${filter.to}` : db``}`;
}

/**
 * Entries for the coordinator, newest first, filtered; a page ends where `before` (the id of the last
 * entry of the page before) says: ids are unique and only grow, so no entry is on two pages and new
 * entries do not shift the pages already read.
 */
export async function listAudit(db: Queryable, filter: AuditFilter = {}): Promise<AuditRow[]> {
	return db<AuditRow[]>`
		select a.id, a.at, a.actor_id as "actorId", u.email as "actorEmail", u.name as "actorName", a.action,
			a.target_type as "targetType", a.target_id as "targetId", n.number as "needNumber", a.address, a.details
		from (
			select * from audit_log a
			where true ${auditConditions(db, filter)}
				${filter.before ? db`and a.id < ${filter.before}` : db``}
			order by a.id desc
			limit ${filter.limit ?? 100}
		) a
			left join users u on u.id = a.actor_id
			-- target_id is text (it names rows of several tables): cast the entry's side, so the need is
			-- found by its primary key rather than by reading every need
			left join needs n on a.target_type = 'need'
				and n.id = (case when a.target_id ~ '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' then a.target_id::uuid end)
		order by a.id desc`;
}

/** Counted up to this many; beyond it the page says "more than 10 000": no one pages that far. */
export const AUDIT_COUNT_CAP = 10_000;

/**
 * How many entries the filter matches, counted up to AUDIT_COUNT_CAP (and `capped` when there are
 * more): the log grows by every sign-in, and counting all of it on each page would read it all.
 */
export async function countAudit(
	db: Queryable,
	filter: Omit<AuditFilter, 'limit' | 'before'>,
	cap = AUDIT_COUNT_CAP
): Promise<{ count: number; capped: boolean }> {
	const [row] = await db<{ n: number }[]>`
		select count(*)::int as n from (
			select 1 from audit_log a where true ${auditConditions(db, filter)} limit ${cap + 1}
		) x`;
	return row!.n > cap ? { count: cap, capped: true } : { count: row!.n, capped: false };
}

/**
 * Every entry the filter matches, newest first, in batches: for an export of any length. Each batch is
 * its own short query (by id, from where the last one ended) rather than one cursor held open, since the
 * embedded database has a single connection that other requests must not wait on for a whole download.
 */
export async function* allAudit(
	db: Queryable,
	filter: Omit<AuditFilter, 'limit' | 'before'>,
	batch = 500
): AsyncGenerator<AuditRow[]> {
	let before: number | undefined;
	for (;;) {
		const rows = await listAudit(db, { ...filter, before, limit: batch });
		if (rows.length) yield rows;
		if (rows.length < batch) return;
		before = rows.at(-1)!.id;
	}
}

/**
 * Who an entry was done by. Without an account it was either someone not signed in (a failed sign-in, a
 * sign-up, a request for access: these always come with the address they came from) or Spolu itself (a
 * background job or a payment provider's message: no address). The job is named by what it did.
 */
export type AuditActor =
	| { kind: 'person'; name: string | null; email: string | null }
	| { kind: 'visitor' }
	| { kind: 'system'; job: SystemJob | null };

export type SystemJob = 'retention' | 'card_payments' | 'bank_sync' | 'polls' | 'mail';

const systemJobs: [prefix: string, job: SystemJob][] = [
	['delivery.protected_deleted', 'retention'],
	['ledger.card_', 'card_payments'],
	['ledger.statement_imported', 'bank_sync'],
	['ledger.payment_assigned', 'bank_sync'],
	['ledger.bank_payment_returned', 'bank_sync'],
	['need.poll_', 'polls'],
	['ledger.confirmations_mailed', 'mail']
];

const visitorActions = ['auth.', 'user.signed_up', 'user.access_requested', 'invitation.accepted'];

export function auditActor(
	row: Pick<AuditRow, 'actorId' | 'actorEmail' | 'actorName' | 'action' | 'address'>
): AuditActor {
	if (row.actorId) return { kind: 'person', name: row.actorName, email: row.actorEmail };
	const job = systemJobs.find(([prefix]) => row.action.startsWith(prefix))?.[1] ?? null;
	if (job) return { kind: 'system', job };
	if (row.address || visitorActions.some((prefix) => row.action.startsWith(prefix)))
		return { kind: 'visitor' };
	return { kind: 'system', job: null };
}

/**
 * Detail keys that hold money (haléře), by action; `amount` does everywhere. Shown in Kč, never as the
 * raw number ("limit: 300000" meant 3 000 Kč).
 */
const moneyDetailKeys: Record<string, string[]> = {
	'ledger.offline_gift': ['toNeed', 'toFund'],
	'ledger.card_refunded': ['total'],
	'ledger.card_dispute_won': ['fee'],
	'ledger.card_dispute_lost': ['fee'],
	'need.fast_tracked': ['requested', 'limit'],
	'need.cancelled': ['returned'],
	'need.closed': ['returned']
};

export const isMoneyDetail = (action: string, key: string): boolean =>
	key === 'amount' || (moneyDetailKeys[action]?.includes(key) ?? false);
