import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const load = (locale: string): Record<string, string> =>
	JSON.parse(readFileSync(join(root, 'messages', `${locale}.json`), 'utf8'));
const keys = (messages: Record<string, string>) => Object.keys(messages).filter((k) => k !== '$schema');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function filesUnder(dir: string, ending: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith(ending))
		.map((e) => join(e.parentPath, e.name));
}

describe('UI messages', () => {
	const cs = load('cs');
	const en = load('en');

	it('exist in Czech and English alike', () => {
		expect(keys(en).sort()).toEqual(keys(cs).sort());
	});

	it('use the same placeholders in both languages', () => {
		const differing = keys(cs).filter(
			(k) => placeholders(cs[k]!).join() !== placeholders(en[k] ?? '').join()
		);
		expect(differing).toEqual([]);
	});

	it('are never empty', () => {
		expect([...keys(cs), ...keys(en)].filter((k) => !cs[k]?.trim() || !en[k]?.trim())).toEqual([]);
	});
});

describe('components', () => {
	it('hold no Czech text of their own: every UI string comes from the message files', () => {
		const czech = /[ěščřžýáíéůúťďňĚŠČŘŽÝÁÍÉŮÚŤĎŇ]/;
		const offenders = filesUnder(join(root, 'src'), '.svelte')
			.filter((file) => czech.test(readFileSync(file, 'utf8')))
			.map((file) => relative(root, file));
		expect(offenders).toEqual([]);
	});
});
