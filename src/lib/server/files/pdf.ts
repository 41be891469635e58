import { constants, inflateSync } from 'node:zlib';
import {
	PDFArray,
	PDFDict,
	PDFInvalidObject,
	PDFName,
	PDFNumber,
	PDFParser,
	PDFRawStream,
	PDFRef,
	PDFStream,
	PDFStreamWriter,
	type PDFContext,
	type PDFObject
} from 'pdf-lib';
import { jpegWithoutMetadata } from './jpeg';

/*
 * PDFs lose their document metadata on upload, as photos do: the file is parsed with pdf-lib and
 * written anew from what its pages need. Gone are the Info dictionary (Title, Author, Subject,
 * Keywords, Creator, Producer, dates and custom keys), the file ID, every XMP /Metadata stream (of the
 * document, its pages, images, fonts), application data (/PieceInfo, /LastModified), the authors of
 * comments, the EXIF (with GPS) and XMP of JPEG photos placed in it as they were taken, and whatever no
 * page reaches: earlier revisions of an incrementally saved file, orphaned objects, comments in the
 * file and bytes after its end. Page content, fonts, images and forms stay.
 *
 * Not cleaned: files embedded in the PDF, JPEG 2000 images and the text of the pages themselves.
 */

export type PdfRefusal = 'pdf_unreadable' | 'pdf_encrypted';
export type CleanedPdf = { ok: true; bytes: Buffer } | { ok: false; reason: PdfRefusal };

/**
 * pdf-lib inflates object and cross-reference streams while it parses, with no limit of its own: a
 * 1 MB file could ask for a gigabyte. Together they may hold this much once inflated.
 */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;
// Limits the work one hostile PDF can cause: 10 MB of nothing but tiny objects parses in about 5 s
// here, a real invoice of that size in a fraction of one.
const PARSE_TIMEOUT_MS = 30_000;
// How often parsing and writing let the server answer other requests.
const OBJECTS_PER_TICK = 1000;

const name = (n: string) => PDFName.of(n);
const TYPE = name('Type');
const FILTER = name('Filter');
const FLATE = name('FlateDecode');
const ENCRYPT = name('Encrypt');
const OBJECT_STREAM = name('ObjStm');
const XREF_STREAM = name('XRef');

/** Keys that carry who made or edited a file, with what and when, wherever they appear. */
const METADATA_KEYS = ['Metadata', 'PieceInfo', 'LastModified'].map(name);

// Annotations whose /T is the name of the person who wrote them (PDF 32000-1, 12.5.6.2); a form
// field's /T is its field name and stays.
const AUTHORED_ANNOTATIONS = new Set(
	[
		'Text',
		'FreeText',
		'Line',
		'Square',
		'Circle',
		'Polygon',
		'PolyLine',
		'Highlight',
		'Underline',
		'Squiggly',
		'StrikeOut',
		'Stamp',
		'Caret',
		'Ink',
		'Popup',
		'FileAttachment',
		'Sound',
		'Redact'
	].map(name)
);
const SUBTYPE = name('Subtype');
const ANNOT = name('Annot');
const AUTHOR = name('T');

class Refused extends Error {}

/**
 * pdf-lib's parser, held to a budget and a deadline. Before pdf-lib inflates an object or
 * cross-reference stream, the stream is inflated here with a ceiling; one over the budget, or in a
 * filter that cannot be checked, is refused. pdf-lib catches the refusal and keeps the stream as an
 * unparsed object, so nothing is inflated past the budget, and `refused` then fails the whole file.
 * Past the deadline every object is refused, which leaves pdf-lib only skipping to the end.
 */
class BoundedParser extends PDFParser {
	refused = false;
	/** an /Encrypt in a cross-reference stream, which a refused stream would otherwise hide */
	encrypted = false;
	private room = MAX_PDF_INFLATED_BYTES;
	private readonly deadline = Date.now() + PARSE_TIMEOUT_MS;

	override parseObject(): PDFObject {
		if (Date.now() > this.deadline) {
			this.refused = true;
			throw new Refused();
		}
		const object = super.parseObject();
		if (object instanceof PDFRawStream) {
			// The same lookup pdf-lib makes to decide whether to inflate the stream.
			const type = object.dict.lookup(TYPE);
			if (type === XREF_STREAM && object.dict.has(ENCRYPT)) this.encrypted = true;
			if (type === OBJECT_STREAM || type === XREF_STREAM) {
				const size = inflatedSize(object, this.room);
				if (size === null) {
					// The file is refused already: what follows need not be inflated to be skipped.
					this.refused = true;
					this.room = 0;
					throw new Refused();
				}
				this.room -= size;
			}
		}
		return object;
	}
}

/** Size of the stream once inflated, or null when it is over `room` or cannot be checked. */
function inflatedSize(stream: PDFRawStream, room: number): number | null {
	const contents = stream.getContents();
	// The same lookup pdf-lib's decoder makes, so the check sees the filter pdf-lib will apply.
	const filter = stream.dict.lookup(FILTER);
	if (filter === undefined) return contents.length <= room ? contents.length : null;
	const only = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
	// Other filters (LZW, run-length, chains) can inflate too and are not worth checking for streams
	// that every producer writes with Flate.
	if (only !== FLATE) return null;
	try {
		// Z_SYNC_FLUSH tolerates a stream cut short, as pdf-lib's decoder does.
		const inflated = inflateSync(contents, {
			maxOutputLength: Math.max(room, 1),
			finishFlush: constants.Z_SYNC_FLUSH
		});
		return inflated.length <= room ? inflated.length : null;
	} catch {
		// Over the ceiling, or data zlib cannot read; either way not something to hand to pdf-lib.
		return null;
	}
}

const DCT = name('DCTDecode');
const LENGTH = name('Length');

/** A photo stored as a plain JPEG: the file's bytes, EXIF and all, as the camera wrote them. */
function isJpeg(stream: PDFRawStream): boolean {
	const filter = stream.dict.lookup(FILTER);
	const only = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
	return only === DCT;
}

/**
 * Deletes the metadata keys from every dictionary reachable from the document catalog and the
 * metadata of every JPEG photo (files/jpeg.ts), then every object the catalog no longer reaches.
 * Returns false when a reachable object could not be parsed: its content is unknown, so it cannot be
 * said to be clean.
 */
function keepOnlyWhatPagesNeed(context: PDFContext, root: PDFRef): boolean {
	const reached = new Set<PDFRef>();
	const pending: PDFObject[] = [root];
	let clean = true;
	while (pending.length > 0) {
		const object = pending.pop()!;
		if (object instanceof PDFRef) {
			if (reached.has(object)) continue;
			reached.add(object);
			let target = context.lookup(object);
			if (target instanceof PDFInvalidObject) clean = false;
			if (target instanceof PDFRawStream && isJpeg(target)) {
				const photo = jpegWithoutMetadata(target.getContents());
				if (photo === null) clean = false;
				else if (photo !== target.getContents()) {
					target.dict.set(LENGTH, PDFNumber.of(photo.length));
					target = PDFRawStream.of(target.dict, photo);
					context.assign(object, target);
				}
			}
			if (target !== undefined) pending.push(target);
		} else if (object instanceof PDFStream) {
			pending.push(object.dict);
		} else if (object instanceof PDFDict) {
			for (const key of METADATA_KEYS) object.delete(key);
			const subtype = object.get(SUBTYPE);
			const type = object.get(TYPE);
			if (subtype instanceof PDFName && AUTHORED_ANNOTATIONS.has(subtype)) {
				if (type === undefined || type === ANNOT) object.delete(AUTHOR);
			}
			for (const [, value] of object.entries()) pending.push(value);
		} else if (object instanceof PDFArray) {
			// one by one: spreading an array of a million items would overflow the stack
			for (const item of object.asArray()) pending.push(item);
		}
	}
	let largest = 0;
	for (const [ref] of context.enumerateIndirectObjects()) {
		if (!reached.has(ref)) context.delete(ref);
		else largest = Math.max(largest, ref.objectNumber);
	}
	// The trailer's /Size, which must be one more than the highest object number written.
	context.largestObjectNumber = largest;
	return clean;
}

const KIDS = name('Kids');
const PAGES = name('Pages');

/** Number of pages in the page tree; 0 when there is none or it loops back on itself. */
function pageCount(context: PDFContext, root: PDFRef): number {
	const catalog = context.lookup(root);
	const top = catalog instanceof PDFDict ? catalog.get(PAGES) : undefined;
	if (top === undefined) return 0;
	const seen = new Set<PDFObject>();
	const pending: PDFObject[] = [top];
	let count = 0;
	while (pending.length > 0) {
		const item = pending.pop()!;
		if (seen.has(item)) return 0;
		seen.add(item);
		const node = item instanceof PDFRef ? context.lookup(item) : item;
		if (!(node instanceof PDFDict)) continue;
		const kids = node.lookup(KIDS);
		if (!(kids instanceof PDFArray)) count += 1;
		else for (const kid of kids.asArray()) pending.push(kid);
	}
	return count;
}

/** Parses, cleans and rewrites a PDF; refuses one that pdf-lib cannot read or that is encrypted. */
export async function cleanPdf(input: Uint8Array): Promise<CleanedPdf> {
	const parser = new BoundedParser(input, OBJECTS_PER_TICK);
	let context: PDFContext;
	try {
		context = await parser.parseDocument();
	} catch {
		return { ok: false, reason: parser.encrypted ? 'pdf_encrypted' : 'pdf_unreadable' };
	}
	// Encrypted strings and streams cannot be read, so neither can their metadata; a password that
	// only restricts printing or copying encrypts the file as well.
	if (parser.encrypted || context.trailerInfo.Encrypt !== undefined) {
		return { ok: false, reason: 'pdf_encrypted' };
	}
	const root = context.trailerInfo.Root;
	if (parser.refused || !(root instanceof PDFRef)) return { ok: false, reason: 'pdf_unreadable' };

	try {
		context.trailerInfo = { Root: root };
		if (!keepOnlyWhatPagesNeed(context, root) || pageCount(context, root) === 0) {
			return { ok: false, reason: 'pdf_unreadable' };
		}
		// Dictionaries go into compressed object streams, as most producers write them, so the file
		// stays about the size it was uploaded at.
		const written = await PDFStreamWriter.forContext(context, OBJECTS_PER_TICK).serializeToBuffer();
		return { ok: true, bytes: Buffer.from(written.buffer, written.byteOffset, written.byteLength) };
	} catch {
		// pdf-lib read the file but cannot write what it read
		return { ok: false, reason: 'pdf_unreadable' };
	}
}
