/*
 * Paging of every long list. A page is asked for with `?page=N` (1 is the first); anything else in the
 * address (filters) stays as it is. Lists are paged by offset: the deepest page anyone reads is a few
 * dozen in, and an offset keeps "page 7 of 100" and a total that people can act on, which a keyset cursor
 * cannot. Every listing query sorts by something unique (a number or an id last), so that the same row
 * is never on two pages.
 */

/** Rows on one page when the list does not choose otherwise: keeps every page well under 200 KB. */
export const PAGE_SIZE = 50;
/** No one reads page 10,001 of anything; a larger number is a typo or a crawler, shown the first page. */
const MAX_PAGE = 10_000;

export interface PageRequest {
	/** 1-based */
	page: number;
	size: number;
	/** rows to skip: (page - 1) × size */
	offset: number;
}

/** The page an address asks for; a missing, malformed or absurd `page` is the first. */
export function pageRequest(url: URL, size = PAGE_SIZE, param = 'page'): PageRequest {
	const raw = url.searchParams.get(param);
	const n = raw !== null && /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : 1;
	const page = n <= MAX_PAGE ? n : 1;
	return { page, size, offset: (page - 1) * size };
}

/** One page of a list with what a pager needs to show where it is. */
export interface Paged<T> {
	rows: T[];
	/** rows in the whole (filtered) list */
	total: number;
	page: number;
	/** at least 1, also for an empty list */
	pages: number;
	size: number;
}

export function paged<T>(rows: T[], total: number, request: PageRequest): Paged<T> {
	return {
		rows,
		total,
		page: request.page,
		pages: Math.max(1, Math.ceil(total / request.size)),
		size: request.size
	};
}

/** The address of another page of the list at `url`, keeping its filters; page 1 has no `page`. */
export function pageHref(url: URL, page: number, param = 'page'): string {
	const params = new URLSearchParams(url.searchParams);
	if (page > 1) params.set(param, String(page));
	else params.delete(param);
	const query = params.toString();
	return `${url.pathname}${query ? `?${query}` : ''}`;
}
