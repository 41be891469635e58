import { hashPassword } from '../auth/password';
import { insertUser } from '../auth/users';
import type { DemoPart } from './index';

/** The password of every demo account (listed in the README). */
export const DEMO_PASSWORD = 'spolu-demo-2026';

export const accountsDemo: DemoPart = {
	name: 'accounts',
	async seed(tx) {
		// listed on /help with an invented address (example.org never reaches anyone) and no phone:
		// an invented number might ring a real person
		const [praha] = await tx<{ id: string }[]>`
			insert into organisations (name, kind, region, help_listed, help_web, help_hours, help_checked_on)
			values ('Intervenční centrum Praha', 'intervention_centre', 'CZ010', true,
				'https://ic-praha.example.org/', 'po–pá 8–16 h', current_date)
			returning id`;
		const [brno] = await tx<{ id: string }[]>`
			insert into organisations (name, kind, region)
			values ('OSPOD Brno-střed', 'child_protection', 'CZ064')
			returning id`;
		await tx`
			insert into organisations (name, kind, region)
			values ('Rodinné centrum Sluníčko, z. s.', 'ngo', 'CZ080')`;
		const passwordHash = await hashPassword(DEMO_PASSWORD);
		const people = [
			{ email: 'koordinator@example.org', name: 'Jana Dvořáková', roles: ['coordinator', 'member'] },
			{
				email: 'pracovnice@example.org',
				name: 'Petra Nováková',
				roles: ['social_worker'],
				organisationId: praha!.id
			},
			{
				email: 'ospod@example.org',
				name: 'Lenka Marešová',
				roles: ['social_worker'],
				organisationId: brno!.id
			},
			{ email: 'clen1@example.org', name: 'Tomáš Svoboda', roles: ['member'] },
			{ email: 'clen2@example.org', name: 'Eva Černá', roles: ['member'] },
			{ email: 'clen3@example.org', name: 'Martin Procházka', roles: ['member'] },
			{ email: 'clen4@example.org', name: 'Lucie Veselá', roles: ['member'] },
			{ email: 'darce@example.org', name: 'Pavel Horák', roles: ['donor'] }
		] as const;
		for (const person of people) {
			await insertUser(tx, { ...person, roles: [...person.roles], passwordHash });
		}
	}
};
