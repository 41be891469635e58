import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transitions } from '../needs/lifecycle';

/* docs/architecture.md describes the need's life; this keeps its table equal to needs/lifecycle.ts. */
const doc = readFileSync(resolve(import.meta.dirname, '../../../../docs/architecture.md'), 'utf8');

const documented = () =>
	doc
		.split('\n')
		.filter((line) => /^\| `\w+`/.test(line) && line.split('|').length === 7)
		.map((line) => {
			const [name, from, to, , event] = line
				.split('|')
				.slice(1, 6)
				.map((cell) => cell.trim().replaceAll('`', ''));
			return { name, from: from!.split(', '), to, event };
		});

describe('docs/architecture.md', () => {
	it("shows the need's transition table as the code has it", () => {
		const code = Object.entries(transitions).map(([name, t]) => ({
			name,
			from: [...t.from],
			to: t.to,
			event: t.event
		}));
		expect(documented()).toEqual(code);
	});

	it('links only to files inside the repository, from the README too', () => {
		const readme = readFileSync(resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
		for (const text of [doc, readme])
			expect([...text.matchAll(/\]\((\.\.\/[^)]*)\)/g)].map((m) => m[1])).toEqual([]);
	});
});
