// postgres.js with every query logged to SPOLU_BENCH_QUERY_LOG (one JSON line: query, parameters).
import { appendFileSync } from 'node:fs';
import postgres from 'postgres';

const file = process.env.SPOLU_BENCH_QUERY_LOG;

function logged(url, options = {}) {
	if (!file) return postgres(url, options);
	return postgres(url, {
		...options,
		debug: (_connection, query, parameters) => {
			try {
				appendFileSync(file, JSON.stringify({ query, parameters }) + '\n');
			} catch {
				// a value JSON cannot write (a Buffer is fine; a BigInt is not): the query is left out
			}
		}
	});
}
Object.assign(logged, postgres);
export default logged;
