import { describe, expect, it } from 'vitest';
import { pageHref, paged, pageRequest } from './paging';

const at = (query: string) => new URL(`http://localhost/coordinator/needs${query}`);

describe('paging', () => {
	it('reads the page from the address and skips the rows of the pages before it', () => {
		expect(pageRequest(at('?page=3'))).toEqual({ page: 3, size: 50, offset: 100 });
		expect(pageRequest(at('?page=2'), 20)).toEqual({ page: 2, size: 20, offset: 20 });
	});

	it('shows the first page for a missing, malformed or absurd page number', () => {
		for (const q of ['', '?page=0', '?page=-1', '?page=abc', '?page=1.5', '?page=99999999', '?page=20000'])
			expect(pageRequest(at(q)).page, q).toBe(1);
	});

	it('counts the pages, at least one also for an empty list', () => {
		expect(paged([], 0, pageRequest(at(''))).pages).toBe(1);
		expect(paged([], 50, pageRequest(at(''))).pages).toBe(1);
		expect(paged([], 51, pageRequest(at(''))).pages).toBe(2);
		expect(paged([1], 4989, pageRequest(at('?page=4'))).pages).toBe(100);
	});

	it('keeps the filters when it links another page, and drops page=1', () => {
		expect(pageHref(at('?status=open&page=2'), 3)).toBe('/coordinator/needs?status=open&page=3');
		expect(pageHref(at('?status=open&page=2'), 1)).toBe('/coordinator/needs?status=open');
		expect(pageHref(at(''), 1)).toBe('/coordinator/needs');
	});
});
