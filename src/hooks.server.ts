import { dev } from '$app/environment';
import { bundledMigrations } from '$lib/server/db/bundled-migrations';
import { ConfigError, loadConfig } from '$lib/server/config';
import { SESSION_COOKIE, sessionCookieOptions } from '$lib/server/auth/cookie';
import { validateSessionToken } from '$lib/server/auth/session';
import { twoFactorStep } from '$lib/server/auth/two-factor-policy';
import { jobDefinitions } from '$lib/server/jobs/registry';
import { visitor } from '$lib/server/core/actor';
import { actingAs, createContext } from '$lib/server/core/context';
import { personOf } from '$lib/server/http/actor';
import { addPreloadTags } from '$lib/server/http/preload-hints';
import { audit } from '$lib/server/audit';
import { log } from '$lib/server/log';
import { runtime, startRuntime, stopRuntime, twoFactorRequired } from '$lib/server/runtime';
import { applySecurityHeaders } from '$lib/server/security-headers';
import { paraglideMiddleware } from '$lib/paraglide/server';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { randomUUID } from 'node:crypto';

/** Fails start-up with one clear line, without a stack trace. */
function refuseToStart(message: string): never {
	process.stderr.write(`Spolu cannot start: ${message}\n`);
	process.exit(1);
}

export const init: ServerInit = async () => {
	let config;
	try {
		config = loadConfig();
	} catch (e) {
		if (e instanceof ConfigError) refuseToStart(e.message);
		throw e;
	}
	try {
		await startRuntime({
			config,
			dev: dev ? { port: Number(process.env.PORT ?? 5173) } : null,
			migrations: bundledMigrations(),
			jobs: jobDefinitions(config)
		});
	} catch (e) {
		refuseToStart((e as Error).message);
	}
	// adapter-node emits this after SIGTERM/SIGINT, once requests in flight have finished.
	process.once('sveltekit:shutdown', () => {
		stopRuntime().catch((e: Error) => log.error('shutdown failed', { error: e.message }));
	});
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});

/** The request's context: built here once, handed by routes to every domain function they call. */
const context: Handle = ({ event, resolve }) => {
	const r = runtime();
	event.locals.context = createContext(r.sql, visitor, r.environment);
	return resolve(event);
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.twoFactor = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) return resolve(event);
	const r = runtime();
	const valid = await validateSessionToken(r.sql, token);
	if (!valid) {
		// Malformed, tampered, expired or ended: no session, and the browser forgets the cookie.
		event.cookies.delete(SESSION_COOKIE, { path: '/' });
		return resolve(event);
	}
	if (valid.renewedUntil) {
		event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(valid.renewedUntil));
	}
	const step = twoFactorStep(valid.user, valid.session, twoFactorRequired());
	if (step) event.locals.twoFactor = { step, user: valid.user, session: valid.session };
	else {
		event.locals.user = valid.user;
		event.locals.session = valid.session;
		event.locals.context = actingAs(event.locals.context, personOf(event, valid.user));
	}
	return resolve(event);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	// Read before the session hook may delete a stale cookie: any request carrying one is personal.
	const carriesSession = event.cookies.get(SESSION_COOKIE) !== undefined;
	let response = await resolve(event);
	const options = { production: !dev, personal: carriesSession || event.locals.user !== null };
	try {
		applySecurityHeaders(response.headers, options);
	} catch {
		// Headers of a fetched response are immutable; copy it.
		response = new Response(response.body, response);
		applySecurityHeaders(response.headers, options);
	}
	return response;
};

/** The scripts a page needs, named in its HTML as well as in the Link header (see preload-hints.ts). */
const preloadHints: Handle = async ({ event, resolve }) => addPreloadTags(await resolve(event));

/**
 * A signed-in person refused a page or an action (403) is written to the audit log: who, which route
 * (its pattern, never ids or query) and from where. Object-level refusals answer 404 and are not logged,
 * or every mistyped address would be.
 */
const deniedAccess: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const user = event.locals.user;
	if (response.status === 403 && user) {
		try {
			await audit(runtime().sql, {
				actorId: user.id,
				action: 'access.denied',
				targetType: 'route',
				address: event.getClientAddress(),
				details: { route: event.route.id ?? 'unknown', method: event.request.method }
			});
		} catch (e) {
			log.warn('denied access not audited', { error: (e as Error).message });
		}
	}
	return response;
};

export const handle = sequence(securityHeaders, preloadHints, context, session, deniedAccess, i18n);

/** Unexpected errors are logged with a reference; the visitor sees the reference and nothing else. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: 'Not Found' };
	const id = randomUUID();
	log.error('unexpected error', {
		id,
		status,
		route: event.route.id ?? 'unknown',
		error: error instanceof Error ? `${error.name}: ${error.message}` : 'non-error thrown'
	});
	if (error instanceof Error && error.stack && dev) process.stderr.write(error.stack + '\n');
	return { message: 'Internal Error', id };
};
