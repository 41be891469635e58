import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { StatementError, type StatementLine } from './statement';

/* What the parser tests share: the fixture files, a refusal's parts and a line with defaults. */

export const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

export const fixtureText = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** The StatementError `fn` throws, as { code, line, detail }; fails when it throws none. */
export const errorOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(StatementError);
		const { code, line, detail } = e as StatementError;
		return { code, line, detail };
	}
	throw new Error('expected a StatementError');
};

export const line = (
	l: Partial<StatementLine> & Pick<StatementLine, 'line' | 'bankRef' | 'bookedOn' | 'amount'>
): StatementLine => ({
	currency: 'CZK',
	variableSymbol: null,
	counterAccount: null,
	counterName: null,
	message: null,
	kind: 'payment',
	reversal: false,
	returnsRef: null,
	...l
});
