import { databaseIsUp } from '$lib/server/runtime';
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: 200 when the database answers, 503 otherwise. */
export const GET: RequestHandler = async () => {
	const up = await databaseIsUp();
	return json(
		{ status: up ? 'ok' : 'unavailable', database: up ? 'ok' : 'unavailable' },
		{ status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
