import type { Queryable } from '../db/client';

/**
 * The id of a submitted need by the number people read and type ("potřeba č. 42"); null when there is
 * none. Drafts are left out: only a submitted need can take money.
 */
export async function findNeedIdByNumber(db: Queryable, number: number): Promise<string | null> {
	if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return null;
	const [row] = await db<{ id: string }[]>`
		select id from needs where number = ${number} and submitted_at is not null`;
	return row?.id ?? null;
}
