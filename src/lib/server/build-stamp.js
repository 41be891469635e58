// Whether the production build in build/ was made from the sources as they are now. `npm start`
// (scripts/start.js) builds only when it was not: a build takes a minute and a half, and most starts
// follow no change at all. Plain JavaScript with Node's own modules only, so that scripts/start.js can
// import it before anything is built or compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the build is made from, relative to the project root: folders are walked, files read. */
export const BUILD_INPUTS = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'vite.config.js',
	'package.json',
	'package-lock.json',
	'tsconfig.json'
];

/** Written into build/ after a successful build: the hash of the inputs it was made from. */
export const STAMP_FILE = join('build', '.spolu-build-stamp.json');

/**
 * Paths (relative, with "/") that never reach the build: tests, the messages compiled from messages/ at
 * every build (src/lib/paraglide), editor and OS litter.
 * @param {string} path
 */
export function ignored(path) {
	const name = path.slice(path.lastIndexOf('/') + 1);
	return (
		path === 'src/lib/paraglide' ||
		path.startsWith('src/lib/paraglide/') ||
		/\.test\.[cm]?[jt]s$/.test(name) ||
		name === '.DS_Store' ||
		name.endsWith('~') ||
		name.endsWith('.swp')
	);
}

/**
 * The input files under `root`, relative with "/" separators, sorted so that the hash does not depend
 * on the order a file system lists them in.
 * @param {string} root
 * @returns {string[]}
 */
export function inputFiles(root) {
	/** @type {string[]} */
	const files = [];
	/** @param {string} absolute */
	const walk = (absolute) => {
		const path = relative(root, absolute).split(sep).join('/');
		if (ignored(path)) return;
		const stat = statSync(absolute, { throwIfNoEntry: false });
		if (!stat) return;
		if (stat.isDirectory()) {
			for (const entry of readdirSync(absolute)) walk(join(absolute, entry));
		} else if (stat.isFile()) {
			files.push(path);
		}
	};
	for (const input of BUILD_INPUTS) walk(join(root, input));
	return files.sort();
}

/**
 * One hash over the names and contents of every input: a changed, added, removed or renamed file
 * changes it.
 * @param {string} root
 */
export function hashInputs(root) {
	const hash = createHash('sha256');
	for (const path of inputFiles(root)) {
		hash.update(path).update('\0');
		hash.update(readFileSync(join(root, path))).update('\0');
	}
	return hash.digest('hex');
}

/**
 * Whether `npm start` has to build first, and why (for its message).
 * @param {string} root
 * @returns {{ hash: string; build: boolean; reason: 'missing' | 'unstamped' | 'changed' | 'unchanged' }}
 */
export function buildStatus(root) {
	const hash = hashInputs(root);
	if (!existsSync(join(root, 'build', 'index.js')) || !existsSync(join(root, 'build', 'handler.js'))) {
		return { hash, build: true, reason: 'missing' };
	}
	const stamp = readStamp(root);
	if (stamp === null) return { hash, build: true, reason: 'unstamped' };
	return stamp === hash
		? { hash, build: false, reason: 'unchanged' }
		: { hash, build: true, reason: 'changed' };
}

/**
 * The hash the current build was stamped with; null when there is no (readable) stamp.
 * @param {string} root
 */
export function readStamp(root) {
	try {
		const stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'));
		return typeof stamp?.inputs === 'string' ? stamp.inputs : null;
	} catch {
		return null;
	}
}

/**
 * Records that build/ was made from inputs with `hash`. Called only after the build succeeded, with the
 * hash taken before it began: a file edited while building makes the next start build again.
 * @param {string} root
 * @param {string} hash
 */
export function writeStamp(root, hash) {
	writeFileSync(
		join(root, STAMP_FILE),
		JSON.stringify({ inputs: hash, builtAt: new Date().toISOString() }) + '\n'
	);
}
