import type { Role } from '$lib/roles';
import type { Queryable } from '../db/client';

export interface UserRow {
	id: string;
	email: string;
	name: string;
	passwordHash: string;
	locale: 'cs' | 'en';
	status: 'pending_email' | 'pending_approval' | 'active' | 'deactivated';
	organisationId: string | null;
	totpEnabled: boolean;
	roles: Role[];
}

const normaliseEmail = (email: string) => email.trim().toLowerCase();
export { normaliseEmail };

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
	const [row] = await db<UserRow[]>`
		select u.id, u.email, u.name, u.password_hash as "passwordHash", u.locale, u.status,
			u.organisation_id as "organisationId", u.totp_key is not null as "totpEnabled",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from users u where u.email = ${normaliseEmail(email)}`;
	return row ?? null;
}

export async function findUserById(db: Queryable, id: string): Promise<UserRow | null> {
	const [row] = await db<UserRow[]>`
		select u.id, u.email, u.name, u.password_hash as "passwordHash", u.locale, u.status,
			u.organisation_id as "organisationId", u.totp_key is not null as "totpEnabled",
			coalesce(array(select role from user_roles r where r.user_id = u.id order by role), '{}') as roles
		from users u where u.id = ${id}`;
	return row ?? null;
}

export interface NewUser {
	email: string;
	name: string;
	passwordHash: string;
	locale?: 'cs' | 'en';
	organisationId?: string | null;
	status?: UserRow['status'];
	roles: Role[];
}

/** Creates a person with roles. Returns null when the e-mail address is taken. */
export async function insertUser(db: Queryable, user: NewUser): Promise<string | null> {
	const [row] = await db<{ id: string }[]>`
		insert into users (email, name, password_hash, locale, organisation_id, status)
		values (${normaliseEmail(user.email)}, ${user.name}, ${user.passwordHash}, ${user.locale ?? 'cs'},
			${user.organisationId ?? null}, ${user.status ?? 'active'})
		on conflict (email) do nothing
		returning id`;
	if (!row) return null;
	for (const role of user.roles) {
		await db`insert into user_roles (user_id, role) values (${row.id}, ${role})`;
	}
	return row.id;
}
