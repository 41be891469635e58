import { audit } from '../audit';
import type { Db, Queryable } from '../db/client';
import { getVoteSettings, type VoteSettings } from '../voting/settings';

export interface ClubSettings {
	name: string;
	contactEmail: string | null;
}

/** The club running this installation, or null before the coordinator has set it up. */
export async function getClubSettings(db: Queryable): Promise<ClubSettings | null> {
	const [row] = await db<ClubSettings[]>`
		select name, contact_email as "contactEmail" from club_settings where id`;
	return row ?? null;
}

export interface ClubSettingsInput extends ClubSettings, VoteSettings {}

/** The club's settings and voting rules, as the coordinator saves them; audited with what changed. */
export async function saveClubSettings(
	db: Db,
	actor: { id: string; address?: string | null },
	input: ClubSettingsInput
) {
	await db.begin(async (tx) => {
		const before = { ...(await getClubSettings(tx)), ...(await getVoteSettings(tx)) };
		await tx`
			insert into club_settings (id, name, contact_email, quorum_percent, approval_percent, vote_hours,
				urgent_vote_hours, fast_track_limit, results_hidden, updated_at)
			values (true, ${input.name}, ${input.contactEmail}, ${input.quorumPercent}, ${input.approvalPercent},
				${input.voteHours}, ${input.urgentVoteHours}, ${input.fastTrackLimit}, ${input.resultsHidden}, now())
			on conflict (id) do update set name = excluded.name, contact_email = excluded.contact_email,
				quorum_percent = excluded.quorum_percent, approval_percent = excluded.approval_percent,
				vote_hours = excluded.vote_hours, urgent_vote_hours = excluded.urgent_vote_hours,
				fast_track_limit = excluded.fast_track_limit, results_hidden = excluded.results_hidden,
				updated_at = now()`;
		const changed = (Object.keys(input) as (keyof ClubSettingsInput)[]).filter(
			(k) => (before as Record<string, unknown>)[k] !== input[k]
		);
		await audit(tx, {
			actorId: actor.id,
			action: 'club.settings_changed',
			targetType: 'club',
			address: actor.address,
			details: { changed }
		});
	});
}
