import type { Queryable } from '../db/client';

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
