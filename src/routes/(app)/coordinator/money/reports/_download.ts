import { getServerAsyncLocalStorage } from '$lib/paraglide/runtime';
import { audit } from '$lib/server/audit';
import type { SessionUser } from '$lib/server/auth/session';
import { contentDisposition } from '$lib/server/files/cleaning';
import { db } from '$lib/server/runtime';
import { csvStream, type CsvCell } from '$lib/server/ledger/reports';
import type { RequestEvent } from '@sveltejs/kit';

/** A report as a download, never shown inline nor kept by a shared cache. */
export function download(body: string | Uint8Array, mediaType: string, fileName: string): Response {
	const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': mediaType,
			'content-length': String(bytes.length),
			'content-disposition': contentDisposition(fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}

export const CSV = 'text/csv; charset=utf-8';

/**
 * A CSV report written while it downloads, slice by slice (see csvStream). The stream is read after the
 * handler returned, outside the request's language: each slice is written in the language of the
 * request, as the page would be.
 */
export function csvDownload<T>(
	header: string[],
	slices: AsyncGenerator<T[]>,
	cells: (row: T) => CsvCell[],
	fileName: string
): Response {
	const storage = getServerAsyncLocalStorage();
	const store = storage?.getStore();
	const around = <R>(step: () => Promise<R>): Promise<R> =>
		storage && store ? storage.run(store, step) : step();
	return new Response(csvStream(header, slices, cells, around), {
		headers: {
			'content-type': CSV,
			'content-disposition': contentDisposition(fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
}

/** Every export of the club's money leaves a trace: who took which report, for which period. */
export async function auditExport(
	event: Pick<RequestEvent, 'getClientAddress'>,
	user: SessionUser,
	details: Record<string, string | number>
) {
	await audit(db(), {
		actorId: user.id,
		action: 'ledger.report_exported',
		targetType: 'report',
		address: event.getClientAddress(),
		details
	});
}
