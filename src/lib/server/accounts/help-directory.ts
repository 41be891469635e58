import { holdsPersonalData } from '../privacy/guard';
import type { Region } from '$lib/regions';
import type { Db, Queryable } from '../db/client';
import { isUuid } from '$lib/core/ids';
import { auditOrganisationChange, type Actor, type OrganisationKind } from './organisations';

/*
 * The public help directory: organisations of the network (intervention centres first) listed by kraj
 * on /help with the contact they give for the public. A wrong number there could cost someone in
 * danger precious time, so the coordinator lists an organisation only after checking its contact with
 * it, and the day of that check is shown beside it.
 */

export interface HelpListing {
	listed: boolean;
	/** digits in groups, as Czech numbers are written: "+420 596 611 239", "116 006" */
	phone: string | null;
	/** the organisation's own https address */
	web: string | null;
	/** when it can be reached: "nonstop", "po–pá 8–16" */
	hours: string | null;
	/** the day the coordinator last confirmed the contact with the organisation */
	checkedOn: string | null;
}

export interface HelpListingInput {
	listed: boolean;
	phone: string | null;
	web: string | null;
	hours: string | null;
	/** the coordinator confirms the contact was checked today */
	checked: boolean;
}

export interface HelpEntry {
	name: string;
	kind: OrganisationKind;
	region: Region;
	phone: string | null;
	web: string | null;
	hours: string | null;
	checkedOn: string;
}

const PHONE = /^\+?[0-9]{3}( ?[0-9]{2,3}){1,4}$/;

/** A phone as typed ("596611239", "+420 596 611 239") in the one spacing the directory shows; null when it is not a number. */
export function normalisePhone(typed: string): string | null {
	const digits = typed.replace(/[\s\u00a0/-]/g, '');
	if (!/^\+?[0-9]{3,15}$/.test(digits)) return null;
	const plus = digits.startsWith('+') ? '+' : '';
	const rest = plus ? digits.slice(1) : digits;
	// +420 and nine digits, or nine digits, in threes; short lines (116 006, 158) as they are
	const groups = rest.match(/.{1,3}/g)!;
	const phone = plus + groups.join(' ');
	return PHONE.test(phone) ? phone : null;
}

export async function helpListingOf(db: Queryable, id: string): Promise<HelpListing | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<HelpListing[]>`
		select help_listed as listed, help_phone as phone, help_web as web, help_hours as hours,
			to_char(help_checked_on, 'YYYY-MM-DD') as "checkedOn"
		from organisations where id = ${id}`;
	return row ?? null;
}

export type HelpListingResult =
	| { ok: true }
	| {
			ok: false;
			reason: 'not_found' | 'not_approved' | 'contact_missing' | 'not_checked' | 'personal_data';
	  };

/**
 * Lists an organisation on /help with its public contact, changes that contact, or takes it off. Listing
 * needs a phone or a web address and an approved organisation; a new listing or a changed contact needs
 * the coordinator's confirmation that it was checked today. Taking it off needs none.
 */
export async function setHelpListing(
	db: Db,
	actor: Actor,
	id: string,
	input: HelpListingInput
): Promise<HelpListingResult> {
	if (!isUuid(id)) return { ok: false, reason: 'not_found' };
	if (input.listed && !input.phone && !input.web) return { ok: false, reason: 'contact_missing' };
	// the public reads the hours; the phone and web are the organisation's own public contact
	if (holdsPersonalData(input.hours)) return { ok: false, reason: 'personal_data' };
	return db.begin(async (tx) => {
		const [before] = await tx<(HelpListing & { approved: boolean })[]>`
			select approved, help_listed as listed, help_phone as phone, help_web as web, help_hours as hours,
				to_char(help_checked_on, 'YYYY-MM-DD') as "checkedOn"
			from organisations where id = ${id} for update`;
		if (!before) return { ok: false as const, reason: 'not_found' as const };
		if (input.listed && !before.approved) return { ok: false as const, reason: 'not_approved' as const };
		const contactChanged =
			before.phone !== input.phone || before.web !== input.web || before.hours !== input.hours;
		// a listed contact that changed, or a listing that starts, is shown only once checked
		if (input.listed && !input.checked && (contactChanged || !before.listed || !before.checkedOn))
			return { ok: false as const, reason: 'not_checked' as const };
		// saved again as it was: nothing to write or audit
		if (!contactChanged && before.listed === input.listed && !input.checked) return { ok: true as const };
		const [after] = await tx<{ checkedOn: string | null }[]>`
			update organisations set
				help_listed = ${input.listed}, help_phone = ${input.phone}, help_web = ${input.web},
				help_hours = ${input.hours},
				help_checked_on = case when ${input.checked} then current_date else help_checked_on end
			where id = ${id}
			returning to_char(help_checked_on, 'YYYY-MM-DD') as "checkedOn"`;
		await auditOrganisationChange(tx, actor, id, {
			helpListed: input.listed,
			helpPhone: input.phone,
			helpWeb: input.web,
			helpHours: input.hours,
			helpCheckedOn: after!.checkedOn
		});
		return { ok: true as const };
	});
}

/** Everything /help lists, by kraj: intervention centres first, then by name. */
export async function listHelpDirectory(db: Queryable): Promise<HelpEntry[]> {
	return db<HelpEntry[]>`
		select name, kind, region, help_phone as phone, help_web as web, help_hours as hours,
			to_char(help_checked_on, 'YYYY-MM-DD') as "checkedOn"
		from organisations
		where help_listed and approved
		order by region, kind <> 'intervention_centre', lower(name)`;
}
