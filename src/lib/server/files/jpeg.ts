/*
 * A JPEG's metadata dropped without decoding it, for photos that a PDF carries as they were taken
 * (files/pdf.ts): re-encoding would change their pixels and could not keep a CMYK scan as it is.
 * Only marker segments are read; the compressed picture data is copied as it is.
 */

const MARKER = 0xff;
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;

/**
 * Segments that describe the picture rather than make it up: APP1 (EXIF with GPS, XMP), APP3 to APP13
 * (among them IPTC and Photoshop data, camera makers' notes), APP15 and comments. APP0 (JFIF), APP2 (ICC
 * colour profile) and APP14 (Adobe, which tells how CMYK is stored) are kept: viewers need them.
 */
const isMetadata = (marker: number) =>
	marker === 0xe1 || (marker >= 0xe3 && marker <= 0xed) || marker === 0xef || marker === 0xfe;

/** Where the compressed data of a scan that starts at `from` ends: at the next marker, or the end. */
function endOfScan(jpeg: Uint8Array, from: number): number {
	let at = from;
	for (;;) {
		at = jpeg.indexOf(MARKER, at);
		if (at === -1 || at + 1 >= jpeg.length) return jpeg.length;
		const next = jpeg[at + 1]!;
		// 0xFF00 is an escaped data byte, 0xFFD0-D7 restart markers inside the scan, 0xFFFF fill
		if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2;
		else if (next === MARKER) at += 1;
		else return at;
	}
}

/**
 * The JPEG without its metadata segments and without whatever follows its end (phones append further
 * pictures there, each with its own EXIF). The same bytes when there is nothing to drop; null when
 * the segments cannot be walked.
 */
export function jpegWithoutMetadata(jpeg: Uint8Array): Uint8Array | null {
	if (jpeg[0] !== MARKER || jpeg[1] !== SOI) return null;
	const kept: Uint8Array[] = [jpeg.subarray(0, 2)];
	let at = 2;
	while (at < jpeg.length) {
		if (jpeg[at] !== MARKER) return null;
		if (jpeg[at + 1] === MARKER) {
			at += 1;
			continue;
		}
		const marker = jpeg[at + 1];
		if (marker === undefined) return null;
		if (marker === EOI) {
			kept.push(jpeg.subarray(at, at + 2));
			break;
		}
		if (at + 4 > jpeg.length) return null;
		const end = at + 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
		if (end < at + 4 || end > jpeg.length) return null;
		if (!isMetadata(marker)) kept.push(jpeg.subarray(at, end));
		at = end;
		if (marker === SOS) {
			const scanEnd = endOfScan(jpeg, at);
			kept.push(jpeg.subarray(at, scanEnd));
			at = scanEnd;
		}
	}
	const length = kept.reduce((sum, part) => sum + part.length, 0);
	if (length === jpeg.length) return jpeg;
	const out = new Uint8Array(length);
	let offset = 0;
	for (const part of kept) {
		out.set(part, offset);
		offset += part.length;
	}
	return out;
}
