// `node --import ./bench/scale/query-log-hook.mjs build/index.js` with SPOLU_BENCH_QUERY_LOG=<file>: every
// query the server sends through postgres.js is appended to the file as one JSON line (its text and
// parameters), for `npm run bench:scale -- --plans`. It swaps the `postgres` package the build imports
// for a wrapper that adds postgres.js's `debug` option, so the application itself needs no change.
import { register } from 'node:module';

register('./query-log-loader.mjs', import.meta.url);
