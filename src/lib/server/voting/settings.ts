import type { Queryable } from '../db/client';

/** The club's voting rules (club settings, kept by the coordinator). */
export interface VoteSettings {
	/** share of the electorate without recused members that must vote yes, no or abstain */
	quorumPercent: number;
	/** approved when yes votes are more than this share of yes and no votes */
	approvalPercent: number;
	voteHours: number;
	urgentVoteHours: number;
	/** haléře; the coordinator may approve alone up to this amount, 0 = never */
	fastTrackLimit: number;
	/** members see tallies and others' votes only after closing */
	resultsHidden: boolean;
}

/** The same as the columns' defaults, for an installation whose club is not set up yet. */
export const defaultVoteSettings: VoteSettings = {
	quorumPercent: 50,
	approvalPercent: 50,
	voteHours: 168,
	urgentVoteHours: 48,
	fastTrackLimit: 0,
	resultsHidden: true
};

export async function getVoteSettings(db: Queryable): Promise<VoteSettings> {
	const [row] = await db<VoteSettings[]>`
		select quorum_percent as "quorumPercent", approval_percent as "approvalPercent", vote_hours as "voteHours",
			urgent_vote_hours as "urgentVoteHours", fast_track_limit as "fastTrackLimit", results_hidden as "resultsHidden"
		from club_settings where id`;
	return row ?? defaultVoteSettings;
}

export interface Tally {
	yes: number;
	no: number;
	abstain: number;
	recused: number;
	electorate: number;
}

export type Outcome = 'approved' | 'rejected' | 'no_quorum';

/**
 * The outcome of a closed poll. Recused members leave the electorate; the quorum counts everyone
 * who took part (abstaining included); approval compares yes with yes and no only.
 */
export function outcomeOf(t: Tally, s: Pick<VoteSettings, 'quorumPercent' | 'approvalPercent'>): Outcome {
	const eligible = t.electorate - t.recused;
	const took = t.yes + t.no + t.abstain;
	if (eligible <= 0 || took * 100 < s.quorumPercent * eligible) return 'no_quorum';
	return t.yes * 100 > s.approvalPercent * (t.yes + t.no) ? 'approved' : 'rejected';
}
