// Module resolution hook (see query-log-hook.mjs): `postgres` resolves to the logging wrapper, except
// when the wrapper itself imports the real package.
const wrapper = new URL('./postgres-logged.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
	if (specifier === 'postgres' && context.parentURL !== wrapper) return { url: wrapper, shortCircuit: true };
	return next(specifier, context);
}
