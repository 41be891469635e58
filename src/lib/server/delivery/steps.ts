import type { RefusalOf } from '../core/refusals';
import type { Person } from '$lib/server/core/actor';

import type { PersonContext } from '$lib/server/core/context';

import { pragueDay } from '$lib/core/prague';

import type { NeedStatus } from '$lib/needs';

import { audit } from '../audit';

import type { Queryable, Tx } from '../db/client';

import { mailLink } from '../mail/templates';

import { mailNeedNews } from '../mail/need-news';

import { isCoordinator, isOwnOrganisation, needView } from '../needs/access';

import type { PrepareRefusal } from '../files/cleaning';

import {
	openDownload,
	withStoredFile,
	type AttachmentDownload,
	type AttachmentStore
} from '../files/uploads';

import { mailNeedUpdate, type Recipient } from '../needs/notifications';

import { insertEvent, selectNeed, type Need, type NeedEventKind } from '../needs';
import { isUuid } from '$lib/core/ids';

import { applyTransition } from '../needs/lifecycle';

import { findPersonalData } from '../privacy/pii';
import { fieldsWithPersonalData } from '../privacy/guard';

import type { DeliveryStep, DeliveryView } from '$lib/delivery';

import { contactPersonOf } from './protected';

export type { DeliveryStep, DeliveryView };

/*
 * Delivering the help, one function per step. The contact person arranges it (the need moves from funded
 * to fulfilling), marks it bought once a payout is recorded, and marks it delivered with the day, a note
 * and a photo or receipt (the need becomes delivered); the submitting organisation's social worker then
 * confirms that the family received it and writes down the family's feedback. Every step is on the
 * need's timeline and tells the other side by e-mail — number, title and what happened, nothing more.
 * All texts here are read by the club, so each passes the anonymisation guard.
 */

export type DeliveryRefusal = RefusalOf<
	| 'not_found'
	| 'forbidden'
	| 'wrong_state'
	| 'invalid'
	| 'personal_data'
	/** the social worker has not yet said how the help should reach the family */
	| 'no_protected_data'
	/** nothing was paid out (or given in kind) for the need yet */
	| 'no_payout'
	| 'future_day'
	| PrepareRefusal
>;

export type DeliveryResult =
	{ ok: true } | { ok: false; reason: DeliveryRefusal; fields?: string[]; findings?: FeedbackFinding[] };

/** A fragment of the feedback the guard took for personal data, for the form to show. */
export interface FeedbackFinding {
	field: 'thanks' | 'change';
	kind: string;
	fragment: string;
}

const refuse = (reason: DeliveryRefusal, more: Omit<DeliveryResult & { ok: false }, 'ok' | 'reason'> = {}) =>
	({ ok: false, reason, ...more }) as const;

const proofContext = (needId: string) => `need_deliveries:${needId}`;

interface DeliveryRow {
	arranged_at: Date;
	arranged_by: string;
	plan: string;
	bought_at: Date | null;
	delivered_on: string | null;
	delivered_at: Date | null;
	delivery_note: string | null;
	proof_key: string | null;
	proof_name: string | null;
	proof_media_type: string | null;
	confirmed_at: Date | null;
	feedback_thanks: string | null;
	feedback_change: string | null;
}

async function deliveryRow(db: Queryable, needId: string): Promise<DeliveryRow | null> {
	const [row] = await db<DeliveryRow[]>`
		select arranged_at, arranged_by, plan, bought_at, to_char(delivered_on, 'YYYY-MM-DD') as delivered_on,
			delivered_at, delivery_note, proof_key, proof_name, proof_media_type, confirmed_at, feedback_thanks,
			feedback_change
		from need_deliveries where need_id = ${needId}`;
	return row ?? null;
}

const isContactPerson = async (db: Queryable, actor: Person, needId: string) =>
	actor.roles.includes('member') && (await contactPersonOf(db, needId)) === actor.id;

/**
 * Locks the need and checks that the person is its contact person: the steps of the contact person all
 * start here. Returns the need or the refusal.
 */
async function lockForContact(
	tx: Tx,
	actor: Person,
	needId: string
): Promise<{ need: Need } | { refusal: DeliveryRefusal }> {
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return { refusal: 'not_found' };
	if (!(await isContactPerson(tx, actor, needId))) return { refusal: 'forbidden' };
	return { need };
}

/** The texts the club reads: the names of the fields in which the guard found personal data. */
const guarded = fieldsWithPersonalData;

/** The contact person has arranged how the help reaches the family: funded → fulfilling. */
export const arrangeDelivery = (ctx: PersonContext, needId: string, input: { plan: string }) =>
	ctx.db.begin((tx) => arrangeInTransaction({ ...ctx, db: tx }, needId, input));

/** Arranging inside the caller's transaction (the demo data uses it too). */
export async function arrangeInTransaction(
	ctx: PersonContext<Tx>,
	needId: string,
	input: { plan: string }
): Promise<DeliveryResult> {
	const { db: tx, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const plan = input.plan.trim();
	if (plan.length > 1000) return refuse('invalid');
	const fields = guarded({ plan });
	if (fields.length) return refuse('personal_data', { fields });
	const locked = await lockForContact(tx, actor, needId);
	if ('refusal' in locked) return refuse(locked.refusal);
	const { need } = locked;
	if (need.status !== 'funded') return refuse('wrong_state');
	const [entered] = await tx`select 1 from need_protected_data where need_id = ${needId}`;
	if (!entered) return refuse('no_protected_data');
	await tx`
		insert into need_deliveries (need_id, arranged_by, plan) values (${needId}, ${actor.id}, ${plan})
		on conflict (need_id) do update set arranged_at = now(), arranged_by = excluded.arranged_by, plan = excluded.plan`;
	await applyTransition(tx, need, 'arrangeDelivery', actor);
	await stepDone(ctx, need, 'delivery_arranged', { fromStatus: 'funded', toStatus: 'fulfilling' });
	return { ok: true };
}

/** The contact person has bought the help; the money part must already show a payout for it. */
export const markBought = (ctx: PersonContext, needId: string) =>
	ctx.db.begin((tx) => boughtInTransaction({ ...ctx, db: tx }, needId));

export async function boughtInTransaction(ctx: PersonContext<Tx>, needId: string): Promise<DeliveryResult> {
	const { db: tx, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const locked = await lockForContact(tx, actor, needId);
	if ('refusal' in locked) return refuse(locked.refusal);
	const { need } = locked;
	const row = await deliveryRow(tx, needId);
	if (need.status !== 'fulfilling' || !row || row.bought_at) return refuse('wrong_state');
	const [paid] = await tx<{ total: string; count: number }[]>`
		select coalesce(sum(amount), 0) as total, count(*)::int as count from payouts where need_id = ${needId}`;
	if (!paid || paid.count === 0) return refuse('no_payout');
	await tx`update need_deliveries set bought_at = now(), bought_by = ${actor.id} where need_id = ${needId}`;
	await stepDone(ctx, need, 'delivery_bought', { data: { amount: Number(paid.total) } });
	return { ok: true };
}

export interface DeliveredInput {
	/** yyyy-mm-dd, not in the future */
	deliveredOn: string;
	note: string;
}

/**
 * The contact person has handed the help over: fulfilling → delivered, with the day, a note and an
 * optional photo or receipt, cleaned of its metadata (images are re-encoded) and encrypted at rest.
 */
export async function markDelivered(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string,
	input: DeliveredInput,
	proof: { bytes: Uint8Array; name: string; type: string } | null,
	now = new Date()
): Promise<DeliveryResult> {
	const { db } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const note = input.note.trim();
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.deliveredOn) || note.length > 1000) return refuse('invalid');
	if (input.deliveredOn > pragueDay(now)) return refuse('future_day');
	const fields = guarded({ note });
	if (fields.length) return refuse('personal_data', { fields });
	return withStoredFile(db, store, proof, proofContext(needId), 'predani', (stored) =>
		db.begin((tx) =>
			deliveredInTransaction(
				{ ...ctx, db: tx },
				needId,
				{ deliveredOn: input.deliveredOn, note },
				stored,
				now
			)
		)
	);
}

/** Marking delivered inside the caller's transaction, the proof (if any) already stored. */
export async function deliveredInTransaction(
	ctx: PersonContext<Tx>,
	needId: string,
	input: DeliveredInput,
	stored: { key: string; name: string; mediaType: string } | null,
	now = new Date()
): Promise<DeliveryResult> {
	const { db: tx, actor } = ctx;
	const locked = await lockForContact(tx, actor, needId);
	if ('refusal' in locked) return refuse(locked.refusal);
	const { need } = locked;
	const row = await deliveryRow(tx, needId);
	if (need.status !== 'fulfilling' || !row?.bought_at) return refuse('wrong_state');
	if (input.deliveredOn < pragueDay(row.arranged_at)) return refuse('invalid');
	await tx`
		update need_deliveries set delivered_on = ${input.deliveredOn}, delivered_at = ${now},
			delivered_by = ${actor.id}, delivery_note = ${input.note.trim() || null}, proof_key = ${stored?.key ?? null},
			proof_name = ${stored?.name ?? null}, proof_media_type = ${stored?.mediaType ?? null}
		where need_id = ${needId}`;
	await applyTransition(tx, need, 'deliver', actor);
	await stepDone(ctx, need, 'delivered', {
		fromStatus: 'fulfilling',
		toStatus: 'delivered',
		data: { deliveredOn: input.deliveredOn }
	});
	await mailNeedNews(tx, ctx.origin, needId, 'delivered');
	return { ok: true };
}

export interface FeedbackInput {
	/** the family's thanks, in their words as the social worker wrote them down */
	thanks: string;
	/** what the help changed for the family */
	change: string;
	/** the social worker checked the guard's findings and they are not personal data (audited) */
	confirmFindings: boolean;
}

/** States in which the social worker confirms the receipt and records (or corrects) the feedback. */
const feedbackStates: ReadonlySet<NeedStatus> = new Set(['delivered', 'closed']);

/**
 * The organisation's social worker confirms that the family received the help and records the family's
 * feedback; later calls correct the feedback. The guard checks both texts — they are what a story will
 * be written from. A finding may be overridden only consciously, and that is audited.
 */
export const confirmReceipt = (ctx: PersonContext, needId: string, input: FeedbackInput) =>
	ctx.db.begin((tx) => confirmInTransaction({ ...ctx, db: tx }, needId, input));

export async function confirmInTransaction(
	ctx: PersonContext<Tx>,
	needId: string,
	input: FeedbackInput
): Promise<DeliveryResult> {
	const { db: tx, actor } = ctx;
	if (!isUuid(needId)) return refuse('not_found');
	const thanks = input.thanks.trim();
	const change = input.change.trim();
	if (thanks.length > 2000 || change.length > 2000) return refuse('invalid');
	const findings: FeedbackFinding[] = [];
	for (const [field, text] of [
		['thanks', thanks],
		['change', change]
	] as const)
		for (const f of findPersonalData(text))
			findings.push({ field, kind: f.kind, fragment: text.slice(f.start, f.end) });
	if (findings.length && !input.confirmFindings)
		return refuse('personal_data', { fields: [...new Set(findings.map((f) => f.field))], findings });
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return refuse('not_found');
	if (!isOwnOrganisation(actor, need)) return refuse('forbidden');
	const row = await deliveryRow(tx, needId);
	if (!feedbackStates.has(need.status) || !row?.delivered_at) return refuse('wrong_state');
	await tx`
		update need_deliveries set confirmed_at = coalesce(confirmed_at, now()),
			confirmed_by = coalesce(confirmed_by, ${actor.id}), feedback_thanks = ${thanks || null},
			feedback_change = ${change || null}, feedback_at = now()
		where need_id = ${needId}`;
	if (findings.length)
		await audit(tx, {
			actorId: actor.id,
			action: 'delivery.feedback_findings_confirmed',
			targetType: 'need',
			targetId: needId,
			address: actor.address,
			details: { kinds: [...new Set(findings.map((f) => f.kind))].join(',') }
		});
	await stepDone(ctx, need, row.confirmed_at ? 'feedback_recorded' : 'receipt_confirmed');
	return { ok: true };
}

/** The timeline event, the audit row and the e-mail to the other side of one finished step. */
async function stepDone(
	ctx: PersonContext<Tx>,
	need: Need,
	kind: Extract<
		NeedEventKind,
		'delivery_arranged' | 'delivery_bought' | 'delivered' | 'receipt_confirmed' | 'feedback_recorded'
	>,
	event: { fromStatus?: NeedStatus; toStatus?: NeedStatus; data?: Record<string, string | number> } = {}
) {
	const { db: tx, actor } = ctx;
	await insertEvent(tx, { needId: need.id, actorId: actor.id, kind, ...event });
	await audit(tx, {
		actorId: actor.id,
		action: `delivery.${kind}`,
		targetType: 'need',
		targetId: need.id,
		address: actor.address
	});
	const contactPerson = await contactPersonOf(tx, need.id);
	// the contact person's steps go to the organisation; the organisation's to the contact person; the
	// coordinators follow every step
	const toOrganisation = kind !== 'receipt_confirmed' && kind !== 'feedback_recorded';
	const link = mailLink(ctx.origin, `/needs/${need.id}`);
	const coordinators = await tx<Recipient[]>`
		select u.email, u.locale from users u join user_roles r on r.user_id = u.id and r.role = 'coordinator'
		where u.status = 'active' and u.id <> ${actor.id}`;
	const others = await tx<Recipient[]>`
		select email, locale from users
		where status = 'active' and id <> ${actor.id} and email <> all(${coordinators.map((c) => c.email)})
			and ${toOrganisation ? tx`id = ${need.createdBy} and organisation_id = ${need.organisationId}` : tx`id = ${contactPerson}`}`;
	await mailNeedUpdate(tx, others, need, kind, link);
	// the organisation is asked to confirm the receipt; the coordinators only hear that it happened
	await mailNeedUpdate(tx, coordinators, need, kind === 'delivered' ? 'delivered_club' : kind, link);
}

const deliveryStates: ReadonlySet<NeedStatus> = new Set(['funded', 'fulfilling', 'delivered', 'closed']);

/** What the page may show of the delivery; null before the need is funded or for people without a view. */
export async function deliveryView(ctx: PersonContext<Queryable>, need: Need): Promise<DeliveryView | null> {
	const { db, actor } = ctx;
	if (!deliveryStates.has(need.status) || !needView(actor, need)) return null;
	const row = await deliveryRow(db, need.id);
	if (!row && need.status !== 'funded') return null;
	const contact = await isContactPerson(db, actor, need.id);
	const organisation = isOwnOrganisation(actor, need);
	const step: DeliveryStep | null = !row
		? null
		: row.confirmed_at
			? 'confirmed'
			: row.delivered_at
				? 'delivered'
				: row.bought_at
					? 'bought'
					: 'arranged';
	return {
		step,
		arrangedAt: row?.arranged_at ?? null,
		plan: row?.plan ?? '',
		boughtAt: row?.bought_at ?? null,
		deliveredOn: row?.delivered_on ?? null,
		note: row?.delivery_note ?? null,
		proofName: row?.proof_name ?? null,
		confirmedAt: row?.confirmed_at ?? null,
		feedback:
			row && (row.feedback_thanks || row.feedback_change)
				? { thanks: row.feedback_thanks, change: row.feedback_change }
				: null,
		can: {
			arrange: contact && need.status === 'funded',
			markBought: contact && need.status === 'fulfilling' && step === 'arranged',
			markDelivered: contact && need.status === 'fulfilling' && step === 'bought',
			confirm: organisation && feedbackStates.has(need.status) && !!row?.delivered_at,
			readProof: !!row?.proof_key && (contact || organisation || isCoordinator(actor))
		}
	};
}

/** The photo or receipt of the delivery for the contact person, the organisation and the coordinator. */
export async function readDeliveryProof(
	ctx: PersonContext,
	store: AttachmentStore,
	needId: string
): Promise<AttachmentDownload | null> {
	const { db, actor } = ctx;
	if (!isUuid(needId)) return null;
	const need = await selectNeed(db, needId);
	if (!need) return null;
	const view = await deliveryView(ctx, need);
	if (!view?.can.readProof) return null;
	const row = await deliveryRow(db, needId);
	if (!row?.proof_key) return null;
	const download = await openDownload(db, store, {
		key: row.proof_key,
		context: proofContext(needId),
		fileName: row.proof_name!,
		mediaType: row.proof_media_type!
	});
	if (!download) return null;
	await audit(db, {
		actorId: actor.id,
		action: 'delivery.proof_read',
		targetType: 'need',
		targetId: needId,
		address: actor.address
	});
	return download;
}
