import { isUuid } from '$lib/core/ids';
import { isRegion, type Region } from '$lib/regions';
import { audit, type AuditEntry } from '../audit';
import type { Db, Queryable } from '../db/client';

/*
 * Organisations the social workers belong to (intervention centres, OSPOD, NGOs). The coordinator keeps
 * the list; a social worker asking for access may name a new one, which waits unapproved (and is offered
 * to nobody) until the coordinator approves the request.
 */

export const organisationKinds = ['intervention_centre', 'child_protection', 'ngo', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export interface Organisation {
	id: string;
	name: string;
	kind: OrganisationKind;
	region: Region;
	approved: boolean;
	createdAt: Date;
	/** people whose organisation this is */
	people: number;
}

export interface OrganisationInput {
	name: string;
	kind: OrganisationKind;
	region: Region;
}

/** Who makes a change, for the audit log. */
export interface Actor {
	id: string;
	address?: string | null;
}

/** Names compare without case and with runs of spaces made one, as people read them. */
export const normaliseOrganisationName = (name: string) => name.trim().replace(/\s+/g, ' ');

const isUniqueViolation = (e: unknown) =>
	typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

export async function listOrganisations(
	db: Queryable,
	options: { approvedOnly?: boolean } = {}
): Promise<Organisation[]> {
	return db<Organisation[]>`
		select o.id, o.name, o.kind, o.region, o.approved, o.created_at as "createdAt",
			(select count(*)::int from users u where u.organisation_id = o.id) as people
		from organisations o
		where ${options.approvedOnly ? db`o.approved` : db`true`}
		order by lower(o.name)`;
}

export async function findOrganisation(db: Queryable, id: string): Promise<Organisation | null> {
	if (!isUuid(id)) return null;
	const [row] = await db<Organisation[]>`
		select o.id, o.name, o.kind, o.region, o.approved, o.created_at as "createdAt",
			(select count(*)::int from users u where u.organisation_id = o.id) as people
		from organisations o where o.id = ${id}`;
	return row ?? null;
}

function validInput(input: OrganisationInput): OrganisationInput {
	const name = normaliseOrganisationName(input.name);
	if ([...name].length < 2 || [...name].length > 200) throw new RangeError('organisation name length');
	if (!organisationKinds.includes(input.kind)) throw new RangeError('organisation kind');
	if (!isRegion(input.region)) throw new RangeError('organisation region');
	return { name, kind: input.kind, region: input.region };
}

/**
 * Inserts an organisation within the caller's transaction; null when the name is taken. For the
 * coordinator (approved) and for access requests (unapproved).
 */
export async function insertOrganisation(
	tx: Queryable,
	input: OrganisationInput,
	options: { approved: boolean }
): Promise<string | null> {
	const o = validInput(input);
	const [row] = await tx<{ id: string }[]>`
		insert into organisations (name, kind, region, approved)
		values (${o.name}, ${o.kind}, ${o.region}, ${options.approved})
		on conflict (lower(name)) do nothing
		returning id`;
	return row?.id ?? null;
}

export type OrganisationResult = { ok: true; id: string } | { ok: false; reason: 'name_taken' | 'not_found' };

export async function createOrganisation(
	db: Db,
	actor: Actor,
	input: OrganisationInput
): Promise<OrganisationResult> {
	return db.begin(async (tx) => {
		const id = await insertOrganisation(tx, input, { approved: true });
		if (!id) return { ok: false as const, reason: 'name_taken' as const };
		const o = validInput(input);
		await audit(tx, {
			actorId: actor.id,
			action: 'organisation.created',
			targetType: 'organisation',
			targetId: id,
			address: actor.address,
			details: { name: o.name, kind: o.kind, region: o.region }
		});
		return { ok: true as const, id };
	});
}

/** Renames or changes an organisation; the audit row keeps what changed from what. */
export async function updateOrganisation(
	db: Db,
	actor: Actor,
	id: string,
	input: OrganisationInput
): Promise<OrganisationResult> {
	if (!isUuid(id)) return { ok: false, reason: 'not_found' };
	const o = validInput(input);
	try {
		return await db.begin(async (tx) => {
			const [before] = await tx<{ name: string; kind: string; region: string }[]>`
				select name, kind, region from organisations where id = ${id} for update`;
			if (!before) return { ok: false as const, reason: 'not_found' as const };
			const [clash] = await tx`
				select 1 from organisations where lower(name) = lower(${o.name}) and id <> ${id}`;
			if (clash) return { ok: false as const, reason: 'name_taken' as const };
			await tx`
				update organisations set name = ${o.name}, kind = ${o.kind}, region = ${o.region}
				where id = ${id}`;
			const details: Record<string, string> = {};
			for (const field of ['name', 'kind', 'region'] as const) {
				if (before[field] !== o[field]) {
					details[`${field}Before`] = before[field];
					details[`${field}After`] = o[field];
				}
			}
			if (Object.keys(details).length) await auditOrganisationChange(tx, actor, id, details);
			return { ok: true as const, id };
		});
	} catch (e) {
		// Someone else took the name between the check and the update.
		if (isUniqueViolation(e)) return { ok: false, reason: 'name_taken' };
		throw e;
	}
}

/** The audit row of any change to an organisation, with what changed. */
export async function auditOrganisationChange(
	tx: Queryable,
	actor: Actor,
	id: string,
	details: NonNullable<AuditEntry['details']>
): Promise<void> {
	await audit(tx, {
		actorId: actor.id,
		action: 'organisation.changed',
		targetType: 'organisation',
		targetId: id,
		address: actor.address,
		details
	});
}

/** Approves an organisation proposed in an access request, within the caller's transaction. */
export async function approveOrganisationIn(tx: Queryable, actor: Actor, id: string): Promise<boolean> {
	const [row] = await tx<{ id: string }[]>`
		update organisations set approved = true where id = ${id} and not approved returning id`;
	if (!row) return false;
	await auditOrganisationChange(tx, actor, id, { approved: true });
	return true;
}

export async function approveOrganisation(db: Db, actor: Actor, id: string): Promise<OrganisationResult> {
	if (!isUuid(id)) return { ok: false, reason: 'not_found' };
	return db.begin(async (tx) => {
		const [row] = await tx`select 1 from organisations where id = ${id}`;
		if (!row) return { ok: false as const, reason: 'not_found' as const };
		await approveOrganisationIn(tx, actor, id);
		return { ok: true as const, id };
	});
}

/** Names of organisations named as targets in audit rows, for the coordinator's audit page. */
export async function organisationNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
	const valid = [...new Set(ids.filter(isUuid))];
	if (!valid.length) return new Map();
	const rows = await db<{ id: string; name: string }[]>`
		select id, name from organisations where id = any(${valid}::uuid[])`;
	return new Map(rows.map((r) => [r.id, r.name]));
}
