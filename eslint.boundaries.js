/*
 * Module boundaries (docs/architecture.md): which folders may import which. Kept apart from
 * eslint.config.js so that src/lib/server/core/boundaries.test.ts lints scratch files with exactly
 * these rules.
 *
 * - The runtime object (lib/server/runtime.ts) belongs to hooks and the HTTP layer (routes and
 *   lib/server/http/); domain code gets everything through its Context.
 * - A module's queries are private to it: outside needs/, a need is read through needs/index.ts.
 *   Demo seeding and tests build records directly and are exempt.
 * - The ledger knows neither payment channels nor the needs' internals.
 */

const runtime = {
	regex: '(^|/)(lib/server/)?runtime$',
	message:
		'Domain code gets the database, keys and address from its Context; the runtime is for hooks and routes.'
};
const needQueries = {
	regex: '(^|/)needs/queries$',
	message: 'needs/queries is private to needs/: import what other modules may use from needs/index.ts.'
};
const payments = {
	regex: '(^|/)payments(/|$)',
	message: 'The ledger does not know payment channels: payments call the ledger, never the other way.'
};
const needInternals = {
	regex: '(^|/)needs/(?!lifecycle$|access$|notifications$|index$)[\\w-]+$',
	message: 'The ledger uses needs/index.ts, lifecycle, access and notifications only.',
	// a type names what a function takes; it brings no code across
	allowTypeImports: true
};

/** @param {...{ regex: string; message: string; allowTypeImports?: boolean }} patterns */
const rule = (...patterns) =>
	/** @type {import('eslint').Linter.RulesRecord} */ ({ 'no-restricted-imports': ['error', { patterns }] });
const tooling = [
	'src/lib/server/**/*.test.ts',
	'src/lib/server/**/test-factory.ts',
	'src/lib/server/demo/**'
];

/** @type {import('eslint').Linter.Config[]} */
export default [
	{
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/runtime.ts', 'src/lib/server/http/**', 'src/lib/server/needs/**', ...tooling],
		rules: rule(runtime, needQueries)
	},
	{
		files: ['src/lib/server/needs/**/*.ts', ...tooling],
		ignores: ['src/lib/server/runtime.ts'],
		rules: rule(runtime)
	},
	{
		files: ['src/lib/server/ledger/**/*.ts'],
		ignores: tooling,
		rules: rule(runtime, needQueries, payments, needInternals)
	}
];
