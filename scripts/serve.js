// Serves the production build: `npm start` runs this after `npm run build`.
// adapter-node reads PORT, ORIGIN and its other variables as soon as build/index.js is imported, so a
// `.env` file is loaded here first. Without ORIGIN, adapter-node takes every request for https and
// refuses form posts from http://localhost as cross-site; a local start gets the plain-http origin.
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT || 3000}`;
	process.stdout.write(
		`ORIGIN is not set; serving ${process.env.ORIGIN} (set ORIGIN to the public address)\n`
	);
}
// Requests are small except attachments (at most 10 MB each, checked again by the upload itself);
// adapter-node's default of 512 kB would refuse every larger quote or invoice with 413.
process.env.BODY_SIZE_LIMIT ??= '11M';
await import('../build/index.js');
