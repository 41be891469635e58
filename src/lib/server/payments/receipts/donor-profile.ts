import { audit } from '../../audit';
import type { PersonContext } from '../../core/context';
import type { Queryable } from '../../db/client';
import { isCoordinator } from '../../needs/access';
import { donorKey } from './donor-key';

/*
 * The donor as the coordinator corrected them for confirmations of gifts: a person's name and address,
 * or a company with its name, IČO, DIČ and registered office. Keyed like the confirmations group gifts
 * ('u:<user id>', 'e:<e-mail>', 'n:<name>'); without a profile the details come from the donor's
 * newest gift.
 */

/**
 * An IČO: 8 digits whose last is the check digit of the first seven (weights 8 to 2, mod 11), as the
 * Czech business register assigns them (older, shorter ones are written with leading zeros).
 */
export function isValidIco(value: string): boolean {
	if (!/^[0-9]{8}$/.test(value)) return false;
	let sum = 0;
	for (let i = 0; i < 7; i++) sum += Number(value[i]) * (8 - i);
	// remainder 0 gives 1, remainder 1 gives 0, otherwise 11 - remainder
	return (11 - (sum % 11)) % 10 === Number(value[7]);
}

/**
 * IČO as people copy it ("256 96 641"): without spaces. Leading zeros are not added: a number a
 * spreadsheet shortened is better typed again than guessed.
 */
export const normaliseIco = (value: string): string => value.replace(/\s+/g, '');

/** DIČ as people type it ("cz 25596641"): no spaces, upper case. */
export const normaliseDic = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** A Czech DIČ: CZ and 8 digits (a legal person's IČO) to 10 (a person's birth number). */
export const isValidDic = (value: string): boolean => /^CZ[0-9]{8,10}$/.test(value);

export type DonorProfileInput =
	| { kind: 'person'; name: string; address: string | null }
	| {
			kind: 'company';
			companyName: string;
			registrationNumber: string;
			vatNumber: string | null;
			address: string | null;
			/** who gave for the company, when the coordinator keeps it */
			name: string | null;
	  };

export interface DonorProfile {
	kind: 'person' | 'company';
	name: string | null;
	address: string | null;
	companyName: string | null;
	registrationNumber: string | null;
	vatNumber: string | null;
	updatedAt: Date;
}

export async function getDonorProfile(db: Queryable, key: string): Promise<DonorProfile | null> {
	const [row] = await db<DonorProfile[]>`
		select kind, name, address, company_name as "companyName", registration_number as "registrationNumber",
			vat_number as "vatNumber", updated_at as "updatedAt"
		from donor_profiles where donor_key = ${key}`;
	return row ?? null;
}

/** The key of the donor who gave donation `donationId` (the link the reports page gives), or null. */
export async function donorKeyOfDonation(db: Queryable, donationId: string): Promise<string | null> {
	const [row] = await db<{ key: string | null }[]>`
		select ${donorKey(db)} as key from donations d where d.id = ${donationId}`;
	return row?.key ?? null;
}

export type ProfileResult = { ok: true } | { ok: false; reason: 'forbidden' | 'invalid' };

const fields = ['kind', 'name', 'address', 'companyName', 'registrationNumber', 'vatNumber'] as const;

/**
 * Saves the coordinator's version of a donor; their later confirmations use it. The input is checked
 * again here (the form does it first, with messages), so that no caller stores a bad IČO. Audited with
 * the names of the fields that changed, never their values: the audit log keeps no contact details.
 */
export async function saveDonorProfile(
	ctx: PersonContext,
	key: string,
	input: DonorProfileInput
): Promise<ProfileResult> {
	if (!isCoordinator(ctx.actor)) return { ok: false, reason: 'forbidden' };
	const row =
		input.kind === 'person'
			? {
					kind: 'person' as const,
					name: input.name.trim(),
					address: input.address?.trim() || null,
					companyName: null,
					registrationNumber: null,
					vatNumber: null
				}
			: {
					kind: 'company' as const,
					name: input.name?.trim() || null,
					address: input.address?.trim() || null,
					companyName: input.companyName.trim(),
					registrationNumber: input.registrationNumber,
					vatNumber: input.vatNumber
				};
	if (!/^[uen]:/.test(key) || key.length > 600) return { ok: false, reason: 'invalid' };
	if (row.kind === 'person' && !row.name) return { ok: false, reason: 'invalid' };
	if (row.kind === 'company') {
		if (!row.companyName || !isValidIco(row.registrationNumber)) return { ok: false, reason: 'invalid' };
		if (row.vatNumber !== null && !isValidDic(row.vatNumber)) return { ok: false, reason: 'invalid' };
	}
	return ctx.db.begin(async (tx) => {
		const before = await getDonorProfile(tx, key);
		await tx`
			insert into donor_profiles (donor_key, kind, name, address, company_name, registration_number, vat_number,
				updated_by, updated_at)
			values (${key}, ${row.kind}, ${row.name}, ${row.address}, ${row.companyName}, ${row.registrationNumber},
				${row.vatNumber}, ${ctx.actor.id}, now())
			on conflict (donor_key) do update set kind = excluded.kind, name = excluded.name,
				address = excluded.address, company_name = excluded.company_name,
				registration_number = excluded.registration_number, vat_number = excluded.vat_number,
				updated_by = excluded.updated_by, updated_at = now()`;
		const changed = fields.filter((f) => (before ? before[f] !== row[f] : row[f] !== null));
		await audit(tx, {
			actorId: ctx.actor.id,
			action: 'ledger.donor_profile_changed',
			targetType: 'donor',
			address: ctx.actor.address,
			details: { changed, kind: row.kind }
		});
		return { ok: true } as const;
	});
}

/** Drops the coordinator's version: the donor's confirmations use their newest gift's details again. */
export async function clearDonorProfile(ctx: PersonContext, key: string): Promise<ProfileResult> {
	if (!isCoordinator(ctx.actor)) return { ok: false, reason: 'forbidden' };
	return ctx.db.begin(async (tx) => {
		const removed = await tx`delete from donor_profiles where donor_key = ${key} returning 1`;
		if (removed.length) {
			await audit(tx, {
				actorId: ctx.actor.id,
				action: 'ledger.donor_profile_changed',
				targetType: 'donor',
				address: ctx.actor.address,
				details: { changed: ['cleared'] }
			});
		}
		return { ok: true } as const;
	});
}
