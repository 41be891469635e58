import { m } from '$lib/paraglide/messages';

/* The words of club votes: choices and outcomes, in the current language. */

const choices: Record<string, () => string> = {
	yes: m.vote_choice_yes,
	no: m.vote_choice_no,
	abstain: m.vote_choice_abstain,
	recused: m.vote_choice_recused
};
const outcomes: Record<string, () => string> = {
	approved: m.vote_outcome_approved,
	rejected: m.vote_outcome_rejected,
	no_quorum: m.vote_outcome_no_quorum
};

export const choiceName = (choice: string) => choices[choice]?.() ?? choice;
export const outcomeName = (outcome: string) => outcomes[outcome]?.() ?? outcome;
