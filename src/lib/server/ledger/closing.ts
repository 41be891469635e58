import type { Person } from '$lib/server/core/actor';

import type { PersonContext } from '$lib/server/core/context';

import { audit } from '../audit';

import type { Tx } from '../db/client';

import { mailLink, type Locale } from '../mail/templates';

import { isCoordinator, needView } from '../needs/access';

import { mailNeedUpdate } from '../needs/notifications';

import { insertEvent, selectNeed, type Need } from '../needs';
import { isUuid } from '$lib/core/ids';

import { applyTransition, statesBefore } from '../needs/lifecycle';

import { needMoney, refuseMoney, type MoneyResult } from './funding';

import { FUND, needAccount, postTransaction } from './ledger';

/*
 * Ending an approved need. Cancelling (the help is no longer possible or needed) and closing (the help
 * was delivered) both send what is left on the need's account back to the general fund, in the same
 * database transaction as the change of state, with a timeline event and an audit row.
 */

/** Moves the need's remaining balance to the general fund; returns the amount (0 when nothing was left). */
async function returnToFund(tx: Tx, need: Need, actor: Person): Promise<number> {
	const money = await needMoney(tx, need.id);
	const rest = money?.balance ?? 0;
	if (rest <= 0) return 0;
	await postTransaction(tx, {
		kind: 'return_to_fund',
		needId: need.id,
		recordedBy: actor.id,
		entries: [
			{ account: needAccount(need.id), amount: -rest },
			{ account: FUND, amount: rest }
		]
	});
	await insertEvent(tx, {
		needId: need.id,
		actorId: actor.id,
		kind: 'money_returned',
		data: { amount: rest }
	});
	await audit(tx, {
		actorId: actor.id,
		action: 'ledger.returned_to_fund',
		targetType: 'need',
		targetId: need.id,
		address: actor.address,
		details: { amount: rest }
	});
	return rest;
}

async function endNeed(
	ctx: PersonContext,
	needId: string,
	reason: string,
	to: 'cancelled' | 'closed'
): Promise<MoneyResult<{ returned: number }>> {
	if (!isUuid(needId)) return refuseMoney('not_found');
	if (to === 'cancelled' && !reason.trim()) return refuseMoney('reason_required');
	return ctx.db.begin((tx) => endInTransaction({ ...ctx, db: tx }, needId, reason, to));
}

/** Cancelling or closing inside the caller's transaction (the demo data uses it too). */
export async function endInTransaction(
	ctx: PersonContext<Tx>,
	needId: string,
	reason: string,
	to: 'cancelled' | 'closed'
): Promise<MoneyResult<{ returned: number }>> {
	const { db: tx, actor } = ctx;
	const need = await selectNeed(tx, needId, true);
	if (!need || !needView(actor, need)) return refuseMoney('not_found');
	if (!isCoordinator(actor)) return refuseMoney('forbidden');
	const allowed = statesBefore(to === 'cancelled' ? 'cancel' : 'close');
	if (!allowed.has(need.status)) return refuseMoney('wrong_state');
	await applyTransition(tx, need, to === 'cancelled' ? 'cancel' : 'close', actor);
	await insertEvent(tx, {
		needId,
		actorId: actor.id,
		kind: to,
		fromStatus: need.status,
		toStatus: to,
		body: reason.trim() || null
	});
	const returned = await returnToFund(tx, need, actor);
	await audit(tx, {
		actorId: actor.id,
		action: to === 'cancelled' ? 'need.cancelled' : 'need.closed',
		targetType: 'need',
		targetId: needId,
		address: actor.address,
		details: { returned }
	});
	const money = await needMoney(tx, needId);
	const recipients = await tx<{ email: string; locale: Locale }[]>`
			select email, locale from users where status = 'active' and id <> ${actor.id}
				and (id = ${need.createdBy} or id = ${money?.contactPersonId ?? null})`;
	await mailNeedUpdate(tx, recipients, need, to, mailLink(ctx.origin, `/needs/${needId}`));
	return { ok: true, returned };
}

/** The coordinator cancels the help for an approved need (with a reason); its money returns to the fund. */
export const cancelNeed = (ctx: PersonContext, needId: string, reason: string) =>
	endNeed(ctx, needId, reason, 'cancelled');

/** The coordinator closes a need whose help was given; what was not spent returns to the fund. */
export const closeNeed = (ctx: PersonContext, needId: string, note: string) =>
	endNeed(ctx, needId, note, 'closed');
