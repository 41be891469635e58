import { error } from '@sveltejs/kit';
import type { AttachmentDownload } from '../files/uploads';
import { contentDisposition } from '../files/cleaning';

/**
 * A private file (an attachment, a receipt) as a download: never rendered inline, never cached, sandboxed
 * if a browser opens it anyway. Null — not found or not allowed — is the same 404 either way.
 */
export function privateDownload(file: AttachmentDownload | null): Response {
	if (!file) error(404, 'Not found');
	return new Response(file.body, {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.size),
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
