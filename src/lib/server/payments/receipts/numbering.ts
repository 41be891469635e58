import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/client';

/*
 * Document numbers of confirmations of gifts: "PD-2026-0007", one per donor and year, in the order
 * they were first issued, without gaps. Issuing the same confirmation again gives the same number.
 *
 * Whether it is the same document is told by a fingerprint of what it confirms (the donor's details and
 * the gifts). The same fingerprint is a copy: same edition, same date of issue, so a donor who
 * downloads it twice gets the same document. A different fingerprint (a gift came or was refunded, the
 * coordinator corrected the address) is a new edition of the same number, dated today, which names the
 * date of the edition it replaces: the tax office and the donor's employer see that the earlier one is
 * no longer valid, and the number in the club's records stays one per donor and year.
 */

export interface Issued {
	/** the sequence number within the year */
	number: number;
	/** "PD-2026-0007" */
	label: string;
	edition: number;
	/** the date printed on this edition (YYYY-MM-DD) */
	issuedOn: string;
	/** for an edition after the first: the date of the one it replaces */
	replacesIssuedOn: string | null;
}

export interface ToIssue {
	key: string;
	fingerprint: string;
	total: number;
}

export const numberLabel = (year: number, number: number) => `PD-${year}-${String(number).padStart(4, '0')}`;

/** A stable fingerprint of a confirmation's content (not its number or date). */
export function fingerprint(content: unknown): string {
	return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

interface Row {
	donorKey: string;
	number: number;
	edition: number;
	contentSha256: string;
	issuedOn: string;
	replacesIssuedOn: string | null;
}

/**
 * Numbers (or renumbers as a new edition) the confirmations of `items` for `year`. Call it inside a
 * short transaction: the year's counter row stays locked until it commits, so a concurrent issue waits
 * for it instead of taking the same number.
 */
export async function issueNumbers(
	tx: Queryable,
	year: number,
	items: ToIssue[],
	today: string
): Promise<Map<string, Issued>> {
	const issued = new Map<string, Issued>();
	if (!items.length) return issued;
	await tx`insert into gift_confirmation_years (year) values (${year}) on conflict (year) do nothing`;
	const [counter] = await tx<{ last: number }[]>`
		select last_number as last from gift_confirmation_years where year = ${year} for update`;
	let last = counter!.last;
	// read after the lock: a confirmation another transaction numbered meanwhile is seen here
	const existing = await tx<Row[]>`
		select donor_key as "donorKey", number, edition, content_sha256 as "contentSha256",
			to_char(issued_on, 'YYYY-MM-DD') as "issuedOn", to_char(replaces_issued_on, 'YYYY-MM-DD') as "replacesIssuedOn"
		from gift_confirmations where year = ${year} and donor_key = any(${items.map((i) => i.key)}::text[])`;
	const byKey = new Map(existing.map((r) => [r.donorKey, r]));
	for (const item of items) {
		const row = byKey.get(item.key);
		if (row && row.contentSha256 === item.fingerprint) {
			issued.set(item.key, { ...pick(row), label: numberLabel(year, row.number) });
		} else if (row) {
			const edition = row.edition + 1;
			await tx`
				update gift_confirmations set edition = ${edition}, content_sha256 = ${item.fingerprint},
					total = ${item.total}, replaces_issued_on = issued_on, issued_on = ${today}::date, updated_at = now()
				where year = ${year} and donor_key = ${item.key}`;
			issued.set(item.key, {
				number: row.number,
				label: numberLabel(year, row.number),
				edition,
				issuedOn: today,
				replacesIssuedOn: row.issuedOn
			});
		} else {
			last += 1;
			await tx`
				insert into gift_confirmations (year, number, donor_key, content_sha256, total, issued_on)
				values (${year}, ${last}, ${item.key}, ${item.fingerprint}, ${item.total}, ${today}::date)`;
			byKey.set(item.key, {
				donorKey: item.key,
				number: last,
				edition: 1,
				contentSha256: item.fingerprint,
				issuedOn: today,
				replacesIssuedOn: null
			});
			issued.set(item.key, {
				number: last,
				label: numberLabel(year, last),
				edition: 1,
				issuedOn: today,
				replacesIssuedOn: null
			});
		}
	}
	if (last !== counter!.last) {
		await tx`update gift_confirmation_years set last_number = ${last} where year = ${year}`;
	}
	return issued;
}

const pick = (row: Row) => ({
	number: row.number,
	edition: row.edition,
	issuedOn: row.issuedOn,
	replacesIssuedOn: row.replacesIssuedOn
});
