import { describe, expect, it } from 'vitest';
import { sortMigrations } from './migrate';

describe('sortMigrations', () => {
	it('orders files by their number, whatever the folder', () => {
		const list = sortMigrations({ '/migrations/0002_b.sql': 'b', '/migrations/0001_a.sql': 'a' });
		expect(list).toEqual([
			{ name: '0001_a.sql', sql: 'a' },
			{ name: '0002_b.sql', sql: 'b' }
		]);
	});

	it.each(['1_a.sql', '0001-a.sql', '0001_A.sql', '0001_a.SQL'])('refuses the file name %s', (name) => {
		expect(() => sortMigrations({ [name]: '' })).toThrow(/named NNNN_words\.sql/);
	});

	it('refuses two files with the same number', () => {
		expect(() => sortMigrations({ '0001_a.sql': '', '0001_b.sql': '' })).toThrow(
			'0001_a.sql and 0001_b.sql share a number'
		);
	});
});
