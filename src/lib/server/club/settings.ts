import { audit } from '../audit';
import type { Db, Queryable } from '../db/client';
import { getVoteSettings, type VoteSettings } from '../voting/settings';

export interface ClubSettings {
	name: string;
	contactEmail: string | null;
	/** IČO, 8 digits: the confirmation of gifts names the club by it */
	registrationNumber: string | null;
	/** sídlo */
	address: string | null;
	/** the place of issue as it follows "V" on a confirmation of gifts ("Brně") */
	place: string | null;
	/** the public collection's own account (veřejná sbírka), upper-case IBAN without spaces */
	collectionIban: string | null;
	/** the regional authority's reference of the public collection */
	collectionReference: string | null;
	/** days after delivery the client's protected data is kept before it is deleted (1–365) */
	retentionDays: number;
}

/** The club running this installation, or null before the coordinator has set it up. */
export async function getClubSettings(db: Queryable): Promise<ClubSettings | null> {
	const [row] = await db<ClubSettings[]>`
		select name, contact_email as "contactEmail", registration_number as "registrationNumber", address, place,
			collection_iban as "collectionIban", collection_reference as "collectionReference", protected_retention_days as "retentionDays"
		from club_settings where id`;
	return row ?? null;
}

export interface ClubSettingsInput extends ClubSettings, VoteSettings {}

/** Who signs the confirmations of gifts for the club (printed under the signature line). */
export interface Signatory {
	signatoryName: string | null;
	/** "předsedkyně spolku" */
	signatoryRole: string | null;
}

/** The club's settings and voting rules, as the coordinator saves them; audited with what changed. */
export async function saveClubSettings(
	db: Db,
	actor: { id: string; address?: string | null },
	input: ClubSettingsInput,
	/** saved with the rest when given (the settings page gives it; older callers do not) */
	signatory?: Signatory
) {
	await db.begin(async (tx) => {
		const before = { ...(await getClubSettings(tx)), ...(await getVoteSettings(tx)) };
		await tx`
			insert into club_settings (id, name, contact_email, registration_number, address, place, collection_iban,
				collection_reference, quorum_percent, approval_percent, vote_hours, urgent_vote_hours, fast_track_limit,
				results_hidden, protected_retention_days, updated_at)
			values (true, ${input.name}, ${input.contactEmail}, ${input.registrationNumber}, ${input.address},
				${input.place}, ${input.collectionIban}, ${input.collectionReference}, ${input.quorumPercent},
				${input.approvalPercent}, ${input.voteHours}, ${input.urgentVoteHours}, ${input.fastTrackLimit},
				${input.resultsHidden}, ${input.retentionDays}, now())
			on conflict (id) do update set name = excluded.name, contact_email = excluded.contact_email,
				registration_number = excluded.registration_number, address = excluded.address, place = excluded.place,
				collection_iban = excluded.collection_iban, collection_reference = excluded.collection_reference,
				quorum_percent = excluded.quorum_percent, approval_percent = excluded.approval_percent,
				vote_hours = excluded.vote_hours, urgent_vote_hours = excluded.urgent_vote_hours,
				fast_track_limit = excluded.fast_track_limit, results_hidden = excluded.results_hidden,
				protected_retention_days = excluded.protected_retention_days, updated_at = now()`;
		const changed: string[] = (Object.keys(input) as (keyof ClubSettingsInput)[]).filter(
			(k) => (before as Record<string, unknown>)[k] !== input[k]
		);
		if (signatory) {
			const [old] = await tx<Signatory[]>`
				select signatory_name as "signatoryName", signatory_role as "signatoryRole" from club_settings where id`;
			await tx`
				update club_settings set signatory_name = ${signatory.signatoryName},
					signatory_role = ${signatory.signatoryRole} where id`;
			for (const k of ['signatoryName', 'signatoryRole'] as const) {
				if (old?.[k] !== signatory[k]) changed.push(k);
			}
		}
		await audit(tx, {
			actorId: actor.id,
			action: 'club.settings_changed',
			targetType: 'club',
			address: actor.address,
			details: { changed }
		});
	});
}
