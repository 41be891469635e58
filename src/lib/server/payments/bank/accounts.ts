import type { PersonContext } from '$lib/server/core/context';
import { audit } from '../../audit';
import type { Queryable } from '../../db/client';
import { isValidIban } from '../../ledger/qr-platba';
import { isCoordinator } from '../../needs/access';

/*
 * The club's own bank accounts: the configured one (BANK_IBAN), the collection account from the club's
 * settings and any the coordinator adds (a savings account, an account at a second bank). A statement
 * for any other account is refused, and a transfer between two of them is neither a gift nor a payout.
 */

export interface ClubAccountRow {
	iban: string;
	label: string | null;
	/** where it comes from: only 'added' ones can be removed here */
	source: 'configured' | 'collection' | 'added';
}

/** The club's accounts as IBANs, the configured one first. */
export async function clubAccountIbans(db: Queryable, configured: string | null): Promise<string[]> {
	return (await listClubAccounts(db, configured)).map((a) => a.iban);
}

export async function listClubAccounts(db: Queryable, configured: string | null): Promise<ClubAccountRow[]> {
	const [settings] = await db<
		{ iban: string | null }[]
	>`select collection_iban as iban from club_settings where id`;
	const added = await db<{ iban: string; label: string | null }[]>`
		select iban, label from club_accounts order by added_at, iban`;
	const rows: ClubAccountRow[] = [];
	const push = (iban: string | null | undefined, label: string | null, source: ClubAccountRow['source']) => {
		if (iban && !rows.some((r) => r.iban === iban)) rows.push({ iban, label, source });
	};
	push(configured, null, 'configured');
	push(settings?.iban, null, 'collection');
	for (const a of added) push(a.iban, a.label, 'added');
	return rows;
}

export type ClubAccountResult = { ok: true } | { ok: false; reason: 'forbidden' | 'invalid_iban' | 'fixed' };

export async function addClubAccount(
	ctx: PersonContext,
	input: { iban: string; label: string | null }
): Promise<ClubAccountResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	const iban = input.iban.replace(/\s+/g, '').toUpperCase();
	if (!isValidIban(iban)) return { ok: false, reason: 'invalid_iban' };
	await db.begin(async (tx) => {
		const [row] = await tx`
			insert into club_accounts (iban, label, added_by) values (${iban}, ${input.label}, ${actor.id})
			on conflict (iban) do update set label = excluded.label returning iban`;
		if (row)
			await audit(tx, {
				actorId: actor.id,
				action: 'ledger.club_account_added',
				targetType: 'club_account',
				address: actor.address,
				details: { iban }
			});
	});
	return { ok: true };
}

export async function removeClubAccount(ctx: PersonContext, iban: string): Promise<ClubAccountResult> {
	const { db, actor } = ctx;
	if (!isCoordinator(actor)) return { ok: false, reason: 'forbidden' };
	return db.begin(async (tx): Promise<ClubAccountResult> => {
		const [removed] = await tx`delete from club_accounts where iban = ${iban} returning iban`;
		if (!removed) return { ok: false, reason: 'fixed' };
		await audit(tx, {
			actorId: actor.id,
			action: 'ledger.club_account_removed',
			targetType: 'club_account',
			address: actor.address,
			details: { iban }
		});
		return { ok: true };
	});
}
