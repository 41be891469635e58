import { error } from '@sveltejs/kit';
import type { AttachmentDownload } from '../needs/attachments';
import { contentDisposition } from '../needs/attachment-files';

/**
 * A private file (an attachment, a receipt) as a download: never rendered inline, never cached, sandboxed
 * if a browser opens it anyway. Null — not found or not allowed — is the same 404 either way.
 */
export function privateDownload(file: AttachmentDownload | null): Response {
	if (!file) error(404, 'Not found');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.length),
			'content-disposition': contentDisposition(file.fileName),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
}
