import type { RefusalOf } from '../core/refusals';
import sharp from 'sharp';
import { cleanPdf } from './pdf';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Pixel ceiling for decoding. libvips checks it against the header before allocating, so a tiny file
 * that claims huge dimensions is refused without being inflated. 50 MP is above any phone camera.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

export type AttachmentMediaType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';
export type AttachmentExtension = 'pdf' | 'jpg' | 'png' | 'webp';

export type PrepareRefusal = RefusalOf<
	'empty' | 'too_large' | 'unsupported_type' | 'mismatch' | 'unreadable' | 'pdf_unreadable' | 'pdf_encrypted'
>;

export type PreparedAttachment =
	| {
			ok: true;
			bytes: Buffer;
			mediaType: AttachmentMediaType;
			extension: AttachmentExtension;
			fileName: string;
	  }
	| { ok: false; reason: PrepareRefusal };

const EXTENSION_OF: Record<AttachmentMediaType, AttachmentExtension> = {
	'application/pdf': 'pdf',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/webp': 'webp'
};

const TYPE_OF_NAME_EXTENSION: Record<string, AttachmentMediaType> = {
	pdf: 'application/pdf',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp'
};

// Legacy and vendor spellings that some browsers and operating systems still send for the same formats.
const TYPE_ALIASES: Record<string, AttachmentMediaType> = {
	'application/pdf': 'application/pdf',
	'application/x-pdf': 'application/pdf',
	'image/jpeg': 'image/jpeg',
	'image/jpg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'image/png': 'image/png',
	'image/x-png': 'image/png',
	'image/webp': 'image/webp'
};

// Generic types that some clients send when they do not know the file; they say nothing about it.
const NO_CLAIM_TYPES = new Set([
	'',
	'application/octet-stream',
	'binary/octet-stream',
	'application/unknown',
	'application/x-download',
	'application/force-download'
]);

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
	bytes.length >= offset + prefix.length && prefix.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const PDF_MAGIC = ascii('%PDF-');
const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const RIFF_MAGIC = ascii('RIFF');
const WEBP_MAGIC = ascii('WEBP');

/** type from magic bytes only; null when none of the four */
export function sniffMediaType(bytes: Uint8Array): AttachmentMediaType | null {
	if (startsWith(bytes, PDF_MAGIC)) return 'application/pdf';
	if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
	if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
	if (startsWith(bytes, RIFF_MAGIC) && startsWith(bytes, WEBP_MAGIC, 8)) return 'image/webp';
	return null;
}

function claimedTypeOf(claimedType: string): AttachmentMediaType | 'none' | 'other' {
	const essence = (claimedType.split(';')[0] ?? '').trim().toLowerCase();
	if (NO_CLAIM_TYPES.has(essence)) return 'none';
	return TYPE_ALIASES[essence] ?? 'other';
}

function baseName(claimedName: string): string {
	const parts = claimedName.split(/[/\\]/);
	return parts[parts.length - 1] ?? '';
}

function nameExtension(name: string): string | null {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

const MAX_FILE_NAME_CHARS = 100;
const FALLBACK_STEM = 'priloha';
// A trailing ".xyz" that looks like a file extension (has a letter, so "verze 1.2" keeps its number).
const EXTENSION_LIKE = /\.(?=[\p{L}\d]{0,4}\p{L})[\p{L}\d]{1,5}$/u;
// Names Windows refuses to create, whatever extension follows.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A download name from the browser's file name. Quotes, control and bidi-format characters are
 * dropped because they break headers or disguise the real extension (U+202E); characters that
 * Windows cannot store in a file name become spaces.
 */
export function safeFileName(claimedName: string, extension: AttachmentExtension): string {
	let stem = baseName(claimedName.normalize('NFC'))
		.replace(/[\s\p{Z}<>:|?*]+/gu, ' ')
		.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}"'`„“”‚‘’«»]/gu, '')
		.replace(/ {2,}/g, ' ')
		.trim()
		.replace(EXTENSION_LIKE, '');
	const room = MAX_FILE_NAME_CHARS - extension.length - 1;
	// Code points, not UTF-16 units, so an emoji is never cut in half.
	stem = Array.from(stem).slice(0, room).join('');
	// Leading dots hide files on Unix; trailing dots and spaces are silently dropped by Windows.
	stem = stem.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
	if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = FALLBACK_STEM;
	return `${stem}.${extension}`;
}

const PDF_EOF = Buffer.from('%%EOF', 'latin1');
// Acrobat accepts %%EOF anywhere in the last 1024 bytes, which covers trailing newlines and padding.
const PDF_EOF_WINDOW = 1024;

function isWellFormedPdf(bytes: Buffer): boolean {
	if (!startsWith(bytes, PDF_MAGIC)) return false;
	return bytes.subarray(Math.max(0, bytes.length - PDF_EOF_WINDOW)).includes(PDF_EOF);
}

// Limits the work one hostile image can cause in the shared libvips pool.
const IMAGE_TIMEOUT_SECONDS = 30;

/**
 * Decodes and re-encodes, which drops everything that is not pixels: sharp writes no EXIF, XMP,
 * IPTC, ICC, comments or PNG text unless told to keep them. Orientation is baked into the pixels
 * first, because the EXIF tag that would have told viewers to rotate is gone afterwards.
 */
async function reencodeImage(input: Buffer, mediaType: AttachmentMediaType): Promise<Buffer | null> {
	try {
		const image = sharp(input, {
			autoOrient: true,
			limitInputPixels: MAX_INPUT_PIXELS,
			// 'error' rather than the stricter default 'warning': phone cameras often write JPEGs with
			// harmless oddities (extra bytes before a marker) that the warning level would refuse.
			failOn: 'error',
			// Only the first frame of an animated WebP: an invoice photo is one picture.
			pages: 1
		}).timeout({ seconds: IMAGE_TIMEOUT_SECONDS });
		switch (mediaType) {
			case 'image/jpeg':
				return await image.jpeg({ quality: 90 }).toBuffer();
			case 'image/png':
				return await image.png().toBuffer();
			case 'image/webp':
				return await image.webp({ quality: 90 }).toBuffer();
			default:
				return null;
		}
	} catch {
		return null;
	}
}

/**
 * Checks and cleans an upload: images are re-encoded, PDFs rewritten (files/pdf.ts), both without
 * their metadata. claimedName is the browser's file name; claimedType the browser's
 * Content-Type ('' or 'application/octet-stream' means no claim).
 */
export async function prepareAttachment(
	bytes: Uint8Array,
	claimedName: string,
	claimedType: string
): Promise<PreparedAttachment> {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_large' };
	const mediaType = sniffMediaType(bytes);
	if (mediaType === null) return { ok: false, reason: 'unsupported_type' };

	const ext = nameExtension(baseName(claimedName).trim());
	const typeByName = ext === null ? undefined : TYPE_OF_NAME_EXTENSION[ext];
	if (typeByName !== undefined && typeByName !== mediaType) return { ok: false, reason: 'mismatch' };
	const claimed = claimedTypeOf(claimedType);
	if (claimed !== 'none' && claimed !== mediaType) return { ok: false, reason: 'mismatch' };

	// A copy, so that later changes to the caller's buffer cannot alter what was checked.
	const input = Buffer.from(bytes);
	let output: Buffer | null;
	if (mediaType === 'application/pdf') {
		// A file cut off in transfer has no %%EOF; pdf-lib would read what is there and carry on.
		if (!isWellFormedPdf(input)) return { ok: false, reason: 'pdf_unreadable' };
		const cleaned = await cleanPdf(input);
		if (!cleaned.ok) return cleaned;
		output = cleaned.bytes;
	} else {
		output = await reencodeImage(input, mediaType);
	}
	if (output === null) return { ok: false, reason: 'unreadable' };

	const extension = EXTENSION_OF[mediaType];
	return {
		ok: true,
		bytes: output,
		mediaType,
		extension,
		fileName: safeFileName(claimedName, extension)
	};
}

// RFC 8187 attr-char is narrower than what encodeURIComponent leaves alone.
const encodeRfc8187 = (text: string): string =>
	encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Content-Disposition value for a download: attachment; filename="ascii fallback"; filename*=UTF-8''… */
export function contentDisposition(fileName: string): string {
	// Stored names are already safe, but a CR/LF or quote here would split or break the header.
	let name = fileName
		.normalize('NFC')
		.replace(/[\s\p{Z}]+/gu, ' ')
		.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}"\\]/gu, '')
		.replace(/ {2,}/g, ' ')
		.trim();
	if (name === '') name = FALLBACK_STEM;
	const fallback = name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\x20-\x7e]/g, '_');
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
