import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import ts from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import boundaries from '../../../../eslint.boundaries.js';

/*
 * The module boundaries eslint.config.js enforces (its rules come from eslint.boundaries.js): scratch
 * files in each folder import what they must not, and what they may.
 */
const eslint = new ESLint({
	cwd: resolve(import.meta.dirname, '../../../..'),
	overrideConfigFile: true,
	overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: ts.parser } }, ...boundaries]
});

async function refusals(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: file });
	return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries', () => {
	it.each([
		['src/lib/server/voting/scratch.ts', "import { runtime } from '../runtime';"],
		['src/lib/server/ledger/scratch.ts', "import { db } from '$lib/server/runtime';"],
		['src/lib/server/voting/scratch.ts', "import { insertNeed } from '../needs/queries';"],
		['src/lib/server/ledger/scratch.ts', "import { importStatement } from '../payments/bank/import';"],
		['src/lib/server/ledger/scratch.ts', "import { createNeed } from '../needs/transitions';"]
	])('refuses %s: %s', async (file, code) => {
		expect(await refusals(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
	});

	it.each([
		['src/lib/server/http/scratch.ts', "import { runtime } from '../runtime';"],
		['src/lib/server/voting/scratch.ts', "import { selectNeed } from '../needs';"],
		['src/lib/server/needs/scratch.ts', "import { insertNeed } from './queries';"],
		['src/lib/server/ledger/scratch.ts', "import { applyTransition } from '../needs/lifecycle';"],
		['src/lib/server/ledger/scratch.ts', "import type { Tx } from '../db/client';"],
		['src/lib/server/voting/scratch.integration.test.ts', "import { insertNeed } from '../needs/queries';"],
		['src/routes/scratch/+page.server.ts', "import { db } from '$lib/server/runtime';"]
	])('lets %s: %s', async (file, code) => {
		expect(await refusals(file, code)).toEqual([]);
	});
});
