import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { buildStatus, hashInputs, inputFiles, writeStamp } from './build-stamp.js';

/** A small project tree in a temporary directory, with a finished build (index.js, handler.js). */
let root: string;
const write = (path: string, content: string) => {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), content);
};

beforeEach(() => {
	root = mkdtempSync(join(tmpdir(), 'spolu-stamp-'));
	write('src/routes/+page.svelte', '<h1>Spolu</h1>');
	write('src/lib/money.ts', 'export const x = 1;');
	write('messages/cs.json', '{"a":"b"}');
	write('static/favicon.svg', '<svg/>');
	write('svelte.config.js', 'export default {};');
	write('package-lock.json', '{}');
	write('build/index.js', '');
	write('build/handler.js', '');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Builds (as far as the stamp knows): stamps the current sources. */
const build = () => writeStamp(root, buildStatus(root).hash);

describe('npm start builds only when the sources changed', () => {
	test('a first start builds; the next start with the same sources does not', () => {
		expect(buildStatus(root)).toMatchObject({ build: true, reason: 'unstamped' });
		build();
		expect(buildStatus(root)).toMatchObject({ build: false, reason: 'unchanged' });
	});

	test('without build/ it builds even with a stamp', () => {
		build();
		rmSync(join(root, 'build', 'handler.js'));
		expect(buildStatus(root)).toMatchObject({ build: true, reason: 'missing' });
	});

	test.each([
		['an edited source', () => write('src/lib/money.ts', 'export const x = 2;')],
		['a new route', () => write('src/routes/about/+page.svelte', '<p>O nás</p>')],
		['an edited message', () => write('messages/cs.json', '{"a":"c"}')],
		['a new static file', () => write('static/robots.txt', 'User-agent: *')],
		['an updated dependency', () => write('package-lock.json', '{"v":2}')],
		['a changed Vite configuration', () => write('vite.config.ts', 'export default {};')],
		[
			'a renamed file',
			() => {
				rmSync(join(root, 'src/lib/money.ts'));
				write('src/lib/czk.ts', 'export const x = 1;');
			}
		],
		['a removed file', () => rmSync(join(root, 'static/favicon.svg'))]
	])('%s makes it build again', (_, change) => {
		build();
		change();
		expect(buildStatus(root)).toMatchObject({ build: true, reason: 'changed' });
	});

	test.each([
		['a unit test', () => write('src/lib/money.test.ts', 'test()')],
		['an integration test', () => write('src/lib/server/a.integration.test.ts', 'test()')],
		['the messages compiled at every build', () => write('src/lib/paraglide/messages.js', 'x')],
		['the database of a local start', () => write('data/pg/file', 'x')],
		['the build itself', () => write('build/client/app.js', 'x')]
	])('%s does not make it build', (_, change) => {
		build();
		change();
		expect(buildStatus(root)).toMatchObject({ build: false, reason: 'unchanged' });
	});

	test('a damaged stamp counts as none', () => {
		build();
		write('build/.spolu-build-stamp.json', 'not json');
		expect(buildStatus(root)).toMatchObject({ build: true, reason: 'unstamped' });
	});

	test('the hash covers names as well as contents and does not depend on listing order', () => {
		const files = inputFiles(root);
		expect(files).toEqual([...files].sort());
		expect(files).toContain('src/routes/+page.svelte');
		const before = hashInputs(root);
		// the same bytes under another name
		rmSync(join(root, 'static/favicon.svg'));
		write('static/icon.svg', '<svg/>');
		expect(hashInputs(root)).not.toBe(before);
	});
});
