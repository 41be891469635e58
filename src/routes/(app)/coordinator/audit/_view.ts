import { addDays, isDay, pragueDayStart } from '$lib/core/prague';
import { formatCzk } from '$lib/money';
import { m } from '$lib/paraglide/messages';
import { organisationNames } from '$lib/server/accounts/organisations';
import { userEmails } from '$lib/server/accounts/people';
import {
	auditActor,
	isMoneyDetail,
	ROUTINE_ACTIONS,
	type AuditActor,
	type AuditFilter,
	type AuditRow,
	type SystemJob
} from '$lib/server/audit';
import type { Queryable } from '$lib/server/db/client';
import { actionName, targetTypeName } from './_labels';

/*
 * What the coordinator reads in the audit log, on the page and in its CSV: who (a person, a visitor or
 * the system and its job), the target by what people call it (need numbers, e-mails, organisations'
 * names), amounts in Kč. The stored rows keep ids and haléře; only their reading changes.
 */

/** The filter as it stands in the address (`?action=ledger.&person=jana&from=…&to=…&routine=1`). */
export interface AuditQuery {
	action: string;
	person: string;
	from: string;
	to: string;
	/** show sign-ins and sign-outs too */
	routine: boolean;
}

export function parseAuditQuery(params: URLSearchParams): {
	query: AuditQuery;
	/** null when a date is wrong (see `errors`) */
	filter: Omit<AuditFilter, 'limit' | 'before'> | null;
	errors: Record<string, string>;
} {
	const query: AuditQuery = {
		action: (params.get('action') ?? '').trim().slice(0, 80),
		// `actor` was the e-mail filter's name in older links
		person: (params.get('person') ?? params.get('actor') ?? '').trim().slice(0, 254),
		from: (params.get('from') ?? '').trim().slice(0, 10),
		to: (params.get('to') ?? '').trim().slice(0, 10),
		routine: params.get('routine') === '1'
	};
	// a filter day runs from midnight to midnight in Prague; null: not a day
	const dayStart = (day: string, later = 0) => (isDay(day) ? pragueDayStart(addDays(day, later)) : null);
	const from = query.from ? dayStart(query.from) : undefined;
	const to = query.to ? dayStart(query.to, 1) : undefined;
	const errors: Record<string, string> = {};
	if (from === null) errors.from = m.audit_date_invalid();
	if (to === null) errors.to = m.audit_date_invalid();
	if (Object.keys(errors).length) return { query, filter: null, errors };
	// Asking for sign-ins by name shows them without the box ticked as well.
	const routineAsked = (ROUTINE_ACTIONS as readonly string[]).includes(query.action);
	return {
		query,
		filter: {
			action: query.action || undefined,
			person: query.person || undefined,
			from: from ?? undefined,
			to: to ?? undefined,
			hideRoutine: !query.routine && !routineAsked
		},
		errors
	};
}

/** The query in an address, with `before` for a later page. */
export function queryString(query: AuditQuery, before?: number): string {
	const params = new URLSearchParams();
	if (query.action) params.set('action', query.action);
	if (query.person) params.set('person', query.person);
	if (query.from) params.set('from', query.from);
	if (query.to) params.set('to', query.to);
	if (query.routine) params.set('routine', '1');
	if (before !== undefined) params.set('before', String(before));
	const text = params.toString();
	return text ? `?${text}` : '';
}

export interface ReadableEntry {
	id: number;
	at: Date;
	/** "Jana Dvořáková", "nepřihlášený návštěvník", "Systém (úloha: …)" */
	actor: string;
	actorEmail: string | null;
	action: string;
	actionLabel: string;
	/** "Potřeba č. 12" with a link to it, "účet: jana@example.org"; null when there is no target */
	target: { label: string; href: string | null } | null;
	targetId: string | null;
	address: string | null;
	details: { key: string; label: string; value: string }[];
}

const systemNames: Record<SystemJob, () => string> = {
	retention: m.audit_system_retention,
	card_payments: m.audit_system_card_payments,
	bank_sync: m.audit_system_bank_sync,
	polls: m.audit_system_polls,
	mail: m.audit_system_mail
};

export function actorLabel(actor: AuditActor): string {
	if (actor.kind === 'person') return actor.name ?? actor.email ?? '';
	if (actor.kind === 'visitor') return m.audit_nobody();
	return actor.job ? systemNames[actor.job]() : m.audit_system();
}

const detailNames: Record<string, () => string> = {
	amount: m.audit_detail_amount,
	toNeed: m.audit_detail_toNeed,
	toFund: m.audit_detail_toFund,
	total: m.audit_detail_total,
	fee: m.audit_detail_fee,
	requested: m.audit_detail_requested,
	limit: m.audit_detail_limit,
	returned: m.audit_detail_returned
};

function detailValue(action: string, key: string, value: unknown): string {
	if (isMoneyDetail(action, key) && typeof value === 'number' && Number.isInteger(value))
		return formatCzk(value);
	if (typeof value === 'boolean') return value ? m.audit_yes() : m.audit_no();
	if (Array.isArray(value)) return value.map(String).join(', ');
	if (value === null || value === undefined) return '–';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** The rows as the coordinator reads them; names of the accounts and organisations they touch are looked up at once. */
export async function readableEntries(sql: Queryable, rows: AuditRow[]): Promise<ReadableEntry[]> {
	const ids = (type: string) =>
		rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!);
	const [emails, organisations] = await Promise.all([
		userEmails(sql, ids('user')),
		organisationNames(sql, ids('organisation'))
	]);
	return rows.map((r) => {
		let target: ReadableEntry['target'] = null;
		if (r.targetType === 'need' && r.needNumber !== null && r.targetId) {
			target = { label: m.audit_need_number({ number: r.needNumber }), href: `/needs/${r.targetId}` };
		} else if (r.targetType) {
			const name =
				(r.targetType === 'user' && r.targetId ? emails.get(r.targetId) : undefined) ??
				(r.targetType === 'organisation' && r.targetId ? organisations.get(r.targetId) : undefined);
			target = {
				label: name ? `${targetTypeName(r.targetType)}: ${name}` : targetTypeName(r.targetType),
				href: null
			};
		}
		return {
			id: r.id,
			at: r.at,
			actor: actorLabel(auditActor(r)),
			actorEmail: r.actorEmail,
			action: r.action,
			actionLabel: actionName(r.action),
			target,
			targetId: r.targetId,
			address: r.address,
			details: Object.entries(r.details ?? {}).map(([key, value]) => ({
				key,
				label: isMoneyDetail(r.action, key) ? (detailNames[key]?.() ?? key) : key,
				value: detailValue(r.action, key, value)
			}))
		};
	});
}

/* CSV for a spreadsheet: UTF-8 with BOM, ";" between cells, a formula-like start neutralised. */

const csvCell = (value: string | null): string => {
	if (value === null) return '';
	const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
const csvLine = (cells: (string | null)[]) => cells.map(csvCell).join(';') + '\r\n';

/** "2026-12-01 22:23:25", Prague time: sortable in a spreadsheet, to the second as the log keeps it. */
const csvTime = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Prague',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

export const csvHeader = () =>
	'\uFEFF' +
	csvLine([
		m.audit_col_time(),
		m.audit_col_actor(),
		m.audit_csv_email(),
		m.audit_col_action(),
		m.audit_csv_action_code(),
		m.audit_col_target(),
		m.audit_csv_target_id(),
		m.audit_col_address(),
		m.audit_col_details()
	]);

export const csvLines = (entries: ReadableEntry[]) =>
	entries
		.map((e) =>
			csvLine([
				csvTime.format(e.at),
				e.actor,
				e.actorEmail,
				e.actionLabel,
				e.action,
				e.target?.label ?? null,
				e.targetId,
				e.address,
				e.details.map((d) => `${d.label}: ${d.value}`).join('; ')
			])
		)
		.join('');
