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

const forms: Record<string, () => string> = {
	gift: m.help_form_gift,
	purchase: m.help_form_purchase,
	collection: m.help_form_collection,
	sponsor: m.help_form_sponsor,
	fund_and_collection: m.help_form_fund_and_collection
};
export const helpFormNames = Object.keys(forms);
export const helpFormName = (form: string) => forms[form]?.() ?? form;
