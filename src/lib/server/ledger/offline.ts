import { holdsPersonalData } from '../privacy/guard';
import type { PersonContext } from '$lib/server/core/context';
import { audit } from '../audit';
import { isCoordinator } from '../needs/access';
import { isUuid } from '$lib/core/ids';
import { fundingStates, isAmount, needMoney, receiveGift, refuseMoney, type MoneyResult } from './funding';
import { needAccount, payoutAccount, postTransaction } from './ledger';
import { selectNeed } from '../needs';

/*
 * Gifts that do not pass through Spolu's payment channels, recorded by the coordinator: cash, a
 * sponsor's payment, a transfer to another account, and gifts in kind at their estimated value.
 */

export const offlineKinds = ['cash', 'sponsor', 'transfer', 'other', 'in_kind'] as const;
export type OfflineKind = (typeof offlineKinds)[number];

export interface OfflineGiftInput {
	kind: OfflineKind;
	amount: number;
	/** yyyy-mm-dd */
	receivedOn: string;
	needId: string | null;
	/** in kind: what was given ("pračka") */
	description: string;
	donorName: string;
	donorAddress: string;
	donorEmail: string;
	note: string;
}

/**
 * Records an offline gift. Money goes to the chosen need (capped at what it misses, the rest to the fund)
 * or to the fund. A gift in kind is for a need only and at most what the need misses; it is recorded as
 * the gift and, at once, its hand-over to the family, so the need's cash balance does not change.
 */
export async function recordOfflineGift(
	ctx: PersonContext,
	input: OfflineGiftInput
): Promise<MoneyResult<{ donationId: string; toNeed: number; toFund: number }>> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return refuseMoney('forbidden');
	if (!isAmount(input.amount)) return refuseMoney('invalid_amount');
	if (input.needId !== null && !isUuid(input.needId)) return refuseMoney('not_found');
	const inKind = input.kind === 'in_kind';
	if (inKind && (input.needId === null || !input.description.trim())) return refuseMoney('wrong_state');
	// the members read what was given on the need's account
	if (inKind && holdsPersonalData(input.description)) return refuseMoney('personal_data');
	return db.begin(async (tx) => {
		if (input.needId) {
			const need = await selectNeed(tx, input.needId, true);
			if (!need || need.submittedAt === null) return refuseMoney('not_found');
			if (inKind) {
				const money = await needMoney(tx, need.id);
				if (!money || !fundingStates.has(need.status)) return refuseMoney('wrong_state');
				if (input.amount > money.missing) return refuseMoney('over_missing', money.missing);
			}
		}
		const gift = await receiveGift(
			{ ...ctx, db: tx },
			{
				channel: inKind ? 'in_kind' : 'offline',
				offlineKind: inKind ? null : (input.kind as Exclude<OfflineKind, 'in_kind'>),
				description: inKind ? input.description.trim() : null,
				amount: input.amount,
				needId: input.needId,
				donor: {
					name: input.donorName.trim() || null,
					address: input.donorAddress.trim() || null,
					email: input.donorEmail.trim() || null
				},
				receivedOn: input.receivedOn,
				note: input.note.trim() || null,
				recordedBy: actor.id
			}
		);
		if (inKind) {
			// the thing itself went to the family: it leaves the need's account as it came in
			const transactionId = await postTransaction(tx, {
				kind: 'payout',
				occurredOn: input.receivedOn,
				needId: input.needId,
				recordedBy: actor.id,
				memo: 'in_kind',
				entries: [
					{ account: needAccount(input.needId!), amount: -input.amount },
					{ account: payoutAccount('family'), amount: input.amount }
				]
			});
			await tx`
				insert into payouts (need_id, recipient, supplier, amount, paid_on, in_kind, transaction_id, recorded_by)
				values (${input.needId}, 'family', ${input.description.trim().slice(0, 120)}, ${input.amount},
					${input.receivedOn}, true, ${transactionId}, ${actor.id})`;
		}
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.offline_gift',
			targetType: input.needId ? 'need' : 'fund',
			targetId: input.needId ?? undefined,
			address: actor.address,
			details: { kind: input.kind, amount: input.amount, toNeed: gift.toNeed, toFund: gift.toFund }
		});
		return { ok: true, donationId: gift.donationId, toNeed: gift.toNeed, toFund: gift.toFund };
	});
}
